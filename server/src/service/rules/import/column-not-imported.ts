/**
 * DA-IMPORT-002: a sheet in this tool's own workbook layout (as `steward export` writes it) has a column that is not
 * one of that sheet's columns; its values are not imported. Reported by `steward import` (sheets/import-build.ts).
 */
import type { BuiltInRule } from '../rule';
import { cite } from '../sources';
import { ASSET_SHEET, UNIT_SHEET } from './common';

export const columnNotImportedRule: BuiltInRule = {
  layer: 'import',
  meta: {
    id: 'DA-IMPORT-002',
    name: 'column-not-imported',
    sources: [cite('steward-format')],
    severity: 'warning',
    fixable: false,
    messages: {
      // {header} is the column's header as written.
      notAColumn: {
        'zh-CN': '列“{header}”不是该工作表的列，其值未导入',
        en: 'Column "{header}" is not a column of this sheet; its values are not imported',
      },
    },
    docs: {
      description: {
        'zh-CN': '按本工具导出格式整理的工作表中有一列不属于该表，其值未导入',
        en: "A sheet in this tool's exported layout has a column that is not one of its columns; its values are not imported",
      },
      rationale: {
        'zh-CN':
          '由 steward export 导出的工作簿再导入时，各列按列名对应到字段。在导出的表格中自行加列（如“备注”），或改动了列名，该列没有对应的字段，其值不会写入 YAML；报告出来，以免填写的内容被误以为已经导入。需要保留的内容，请填入已有的列，或以 x- 开头的自定义字段在 YAML 中记载。',
        en: 'When a workbook written by steward export is imported again, its columns are matched to fields by header. A column added to the exported sheet (such as 备注, remarks), or a header that was changed, matches no field, so its values are not written to the YAML; it is reported so that what was typed there is not taken as imported. Put such content in an existing column, or in the YAML as a custom field starting with x-.',
      },
      example: `${UNIT_SHEET}
${ASSET_SHEET.replace('来源文件', '备注,来源文件').replace(',transport.assets.yaml', ',待核实,transport.assets.yaml')}`,
      fixedExample: `${UNIT_SHEET}
${ASSET_SHEET}`,
      exampleSyntax: 'sheet',
    },
  },
};
