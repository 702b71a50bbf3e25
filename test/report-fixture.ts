/**
 * A small generated multi-unit folder for the report tests: one register per unit, each with its own mix of grades,
 * codes, authorizations and revenue, so that every chart has data in one unit and none in another.
 */
import { tempDir } from './helpers';

export interface FixtureUnit {
  name: string;
  code: string;
  type: '行政单位' | '事业单位';
  department: string;
  assets: number;
  /** Every n-th asset has an authorization and revenue (0: none). */
  authorizedEvery: number;
}

/** Three units; the second's name is HTML that would run if it were not escaped, and it has no revenue. */
export const FIXTURE_UNITS: FixtureUnit[] = [
  {
    name: '某县教育局',
    code: '113301000025391739',
    type: '行政单位',
    department: '某县人民政府',
    assets: 7,
    authorizedEvery: 2,
  },
  {
    name: '<img src=x onerror=alert(1)>某县第一中学',
    code: '123301004703621533',
    type: '事业单位',
    department: '某县教育局',
    assets: 3,
    authorizedEvery: 0,
  },
  {
    name: '某县图书馆 & 档案馆',
    code: '123301004700527370',
    type: '事业单位',
    department: '某县文化和旅游局',
    assets: 5,
    authorizedEvery: 3,
  },
];

const GRADES = ['一般数据', '重要数据', '一般数据', '核心数据'];
const CODES = ['A08060201', 'A08060202', 'A08060203'];

function asset(unit: number, n: number, authorized: boolean): string {
  const id = `DA-2025-${String(unit * 100 + n).padStart(4, '0')}`;
  // An authorized asset is never core data (core data may not be authorized: the rule would say so).
  const grade = authorized ? '重要数据' : GRADES[(n + unit) % GRADES.length];
  const start = 2023 + (n % 3);
  const lines = [
    `  - id: ${id}`,
    `    name: 数据集${unit}-${n}`,
    `    classificationCode: ${CODES[(n + unit) % CODES.length]}`,
    `    securityGrade: ${grade}`,
    '    acquisition:',
    `      method: ${n % 2 === 0 ? '生产加工' : '自主采集'}`,
    '    registration:',
    `      cardNumber: ZC-${id}`,
    '    accounting:',
    '      recognition: 无形资产',
    `      cost: ${1000 * n + 500 * unit}`,
    '    reporting:',
    '      years: [2025]',
  ];
  if (authorized) {
    lines.push(
      '    authorizations:',
      '      - entity: 某县大数据运营有限公司',
      '        rights: [数据加工使用权]',
      `        period: { start: ${start}-03-01, end: ${start + 3}-02-28 }`,
      '        paid: true',
      `        fee: { amount: ${800 * n} }`,
      '    revenue:',
      ...[start, start + 1].flatMap((year) => [
        `      - year: ${year}`,
        '        source: 使用',
        `        amount: ${800 * n}`,
        '        handling: 非税收入',
      ]),
    );
  }
  return lines.join('\n');
}

function register(unit: FixtureUnit, index: number): string {
  const items: string[] = [];
  for (let n = 1; n <= unit.assets; n++)
    items.push(asset(index + 1, n, unit.authorizedEvery > 0 && n % unit.authorizedEvery === 0));
  return [
    'apiVersion: steward/v1',
    'kind: DataAssetRegister',
    'asOf: 2025-12-31',
    'unit:',
    `  name: ${JSON.stringify(unit.name)}`,
    `  code: "${unit.code}"`,
    `  type: ${unit.type}`,
    `  supervisingDepartment: ${unit.department}`,
    'assets:',
    ...items,
    '',
  ].join('\n');
}

/** A folder with one register per unit (unit-1/…, unit-2/…). */
export function multiUnitFolder(units: FixtureUnit[] = FIXTURE_UNITS): string {
  return tempDir(Object.fromEntries(units.map((unit, i) => [`unit-${i + 1}/unit.assets.yaml`, register(unit, i)])));
}
