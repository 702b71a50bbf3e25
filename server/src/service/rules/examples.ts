/**
 * Documents the built-in ids' docs are written from: a register whose every field is right, so that each example
 * changes one thing. Shared by the rule files of the built-in layers (file, yaml, document, schema, waiver).
 */

/** The register's head: everything before the item list. */
export const REGISTER_HEAD = `apiVersion: steward/v1
kind: DataAssetRegister
unit:
  name: 某市交通运输局
  code: 113301000025391739
  type: 行政单位
  supervisingDepartment: 某市人民政府
`;

/** One asset with the fields the schema requires (lines indented as in the register's `assets:` list). */
export const ASSET = `  - id: DA-2024-0001
    name: 公交运行监测数据集
    resource: R-330100-JT-0001
    classificationCode: A08060201
    securityGrade: 一般数据
    acquisition:
      method: 自主采集
    registration:
      cardNumber: ZC-2024-0001`;

/** A register no check has anything to say about. */
export const REGISTER = `${REGISTER_HEAD}assets:
${ASSET}`;

/** The register with `from` (a line or lines of ASSET) replaced by `to`; throws when ASSET lacks `from`. */
export function registerWith(from: string, to: string): string {
  if (!ASSET.includes(from)) throw new Error(`the example asset has no ${JSON.stringify(from)}`);
  return `${REGISTER_HEAD}assets:\n${ASSET.replace(from, to)}`;
}
