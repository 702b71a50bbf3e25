/**
 * The report's tables for a workbook or CSV files: the roll-up's tables as they are, and each kind of unit table
 * once, the units' rows one under the other after two columns naming the unit (a department of 1,000 units gets
 * one sheet of authorizations, not 1,000).
 */
import type { Locale } from '../types';
import type { DataAssetReport } from './model';
import { reportSections, ReportWords } from './tables';
import type { ColumnType, ReportCell, ReportColumn } from './tables';

export interface SheetTable {
  /** The sheet's name (at most 31 characters, unique). */
  sheet: string;
  /** The CSV file's suffix: ASCII (`rollup-by-code`, `units-in-force`). */
  file: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** The type of the last column's cell in each row, where it differs by row (the overview). */
  rowTypes?: ColumnType[];
}

const SHORT: Record<string, { 'zh-CN': string; en: string }> = {
  overview: { 'zh-CN': '总体情况', en: 'Overview' },
  comparison: { 'zh-CN': '同比变化', en: 'Year on year' },
  'by-department': { 'zh-CN': '按主管部门', en: 'By department' },
  'by-unit-type': { 'zh-CN': '按单位类型', en: 'By unit type' },
  units: { 'zh-CN': '各单位', en: 'Units' },
  'by-code': { 'zh-CN': '按分类代码', en: 'By code' },
  'by-grade': { 'zh-CN': '按数据分级', en: 'By grade' },
  'by-acquisition': { 'zh-CN': '按取得方式', en: 'By acquisition' },
  'by-sharing': { 'zh-CN': '按共享类型', en: 'By sharing' },
  'by-opening': { 'zh-CN': '按开放类型', en: 'By opening' },
  'resources-by-grade': { 'zh-CN': '资源按分级', en: 'Resources by grade' },
  'resources-by-sharing': { 'zh-CN': '资源按共享类型', en: 'Resources by sharing' },
  'resources-by-opening': { 'zh-CN': '资源按开放类型', en: 'Resources by opening' },
  'revenue-by-source': { 'zh-CN': '收益按来源', en: 'Revenue by source' },
  'revenue-by-handling': { 'zh-CN': '收益按管理方式', en: 'Revenue by handling' },
  'revenue-by-year': { 'zh-CN': '各年度收益', en: 'Revenue by year' },
  'authorizations-by-year': { 'zh-CN': '各年度授权', en: 'Authorizations by year' },
  'in-force': { 'zh-CN': '有效授权', en: 'In force' },
  expiring: { 'zh-CN': '将到期授权', en: 'Expiring' },
  disposals: { 'zh-CN': '本年处置', en: 'Disposals' },
  findings: { 'zh-CN': '检查发现', en: 'Findings' },
};

function short(name: string, locale: Locale): string {
  return SHORT[name]?.[locale] ?? name;
}

export function reportSheets(report: DataAssetReport, locale: Locale): SheetTable[] {
  const w = new ReportWords(locale);
  const [rollUp, ...units] = reportSections(report, locale);
  const summary = locale === 'zh-CN' ? '汇总·' : 'Summary ';
  const perUnit = locale === 'zh-CN' ? '单位·' : 'Unit ';
  const sheets: SheetTable[] = rollUp.tables.map((table) => ({
    sheet: `${summary}${short(table.name, locale)}`,
    file: `rollup-${table.name}`,
    title: table.title,
    columns: table.columns,
    rows: table.rows,
    rowTypes: table.rowTypes,
  }));
  const byName = new Map<string, SheetTable>();
  report.units.forEach((unit, index) => {
    for (const table of units[index].tables) {
      let sheet = byName.get(table.name);
      if (!sheet) {
        byName.set(
          table.name,
          (sheet = {
            sheet: `${perUnit}${short(table.name, locale)}`,
            file: `units-${table.name}`,
            title: table.title,
            columns: [
              { header: w.t('unitName'), type: 'text' },
              { header: w.t('unitCode'), type: 'text' },
              ...table.columns,
            ],
            rows: [],
            rowTypes: table.rowTypes ? [] : undefined,
          }),
        );
      }
      for (const row of table.rows) sheet.rows.push([unit.unit.name, unit.unit.code, ...row]);
      if (table.rowTypes) sheet.rowTypes!.push(...table.rowTypes);
    }
  });
  return [...sheets, ...byName.values()];
}

/** The type of a sheet cell: its row's (the overview's value column), else its column's. */
export function sheetCellType(sheet: SheetTable, row: number, column: number): ColumnType {
  if (sheet.rowTypes && column === sheet.columns.length - 1) return sheet.rowTypes[row];
  return sheet.columns[column].type;
}
