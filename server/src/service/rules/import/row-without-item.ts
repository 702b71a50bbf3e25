/**
 * DA-IMPORT-003: a row of a child sheet in this tool's own workbook layout (authorizations, revenue, inspections …)
 * names an item (its first column) that its source file does not hold; the row is not imported. Reported by
 * `steward import` (sheets/import-build.ts).
 */
import type { BuiltInRule } from '../rule';
import { cite } from '../sources';
import { ASSET_SHEET, REVENUE_HEAD, UNIT_SHEET } from './common';

export const rowWithoutItemRule: BuiltInRule = {
  layer: 'import',
  meta: {
    id: 'DA-IMPORT-003',
    name: 'row-without-item',
    sources: [cite('steward-format')],
    severity: 'error',
    fixable: false,
    messages: {
      // {id} is the row's item id as written, {file} the source file (来源文件) it names.
      notAnItem: {
        'zh-CN': '“{id}”不是来源文件“{file}”中的条目，本行未导入',
        en: '"{id}" is not an item of {file}; this row is not imported',
      },
    },
    docs: {
      description: {
        'zh-CN': '按本工具导出格式整理的明细表中，某行所属的条目在其来源文件中不存在，该行未导入',
        en: "A row of a detail sheet in this tool's exported layout belongs to an item its source file does not hold; the row is not imported",
      },
      rationale: {
        'zh-CN':
          '导出工作簿的明细表（授权运营、收益、监督检查等）每行第一列是所属条目的标识，导入时据此并入该条目。标识写错，或所属条目已从主表删除，这一行就无处可放；本工具不猜测它属于哪一条，报告该行并不予导入，以免收益或授权记到别的资产名下。',
        en: "Each row of an exported workbook's detail sheets (authorizations, revenue, inspections …) starts with the id of the item it belongs to, and is joined to that item on import. When the id is mistyped, or the item was deleted from the main sheet, the row has nowhere to go; the tool does not guess where it belongs, and reports the row without importing it, so that revenue or an authorization is never booked to another asset.",
      },
      example: `${UNIT_SHEET}
${ASSET_SHEET}
${REVENUE_HEAD}
DA-2024-0010,2024,使用,120000,非税收入,某市大数据运营有限公司,FS-330100-2024-001187,transport.assets.yaml`,
      fixedExample: `${UNIT_SHEET}
${ASSET_SHEET}
${REVENUE_HEAD}
DA-2024-0001,2024,使用,120000,非税收入,某市大数据运营有限公司,FS-330100-2024-001187,transport.assets.yaml`,
      exampleSyntax: 'sheet',
    },
  },
};
