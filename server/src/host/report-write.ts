/**
 * The report's files: JSON (schemas/report.schema.json), Markdown, HTML, a workbook (one sheet per table, real
 * number and date cells, exceljs) or CSV files (one per table, UTF-8 with a BOM). Each file is written to a
 * temporary name beside its target and, when all are written, all are moved into place or none (commitFiles): no
 * half-written report.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { reportHtml, reportMarkdown, reportSheets, sheetCellType, textWidth } from '../service';
import type { DataAssetReport, Locale, ReportCell, SheetTable } from '../service';
import { Pending } from './export-files';
import { CommitError, commitFiles } from './commit-files';
import { closeSheet, DATE_FORMAT, dateOf, openSheet, xmlSafe } from './export-xlsx';
import { translator } from './messages';
import { SheetInputError } from './sheet-errors';

export const REPORT_FORMATS = ['html', 'md', 'xlsx', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const { t } = translator({
  exists: {
    'zh-CN': '{0} 已存在，未覆盖（要覆盖请加 --force）',
    en: '{0} already exists; not overwritten (add --force to overwrite)',
  },
  folderMissing: {
    'zh-CN': '输出目录 {0} 不存在：请先创建它',
    en: 'The output folder {0} does not exist: create it first',
  },
  unwritable: { 'zh-CN': '无法写入 {0}（{1}）', en: 'Cannot write {0} ({1})' },
});

/** The report as text (json, md, html). */
export function reportText(report: DataAssetReport, format: 'json' | 'md' | 'html', locale: Locale): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'html') return reportHtml(report, locale);
  return reportMarkdown(report, locale);
}

/** The CSV files of `out` (`report.csv` → `report-rollup-overview.csv` ...). */
export function csvTargets(out: string, sheets: SheetTable[]): string[] {
  const base = out.replace(/\.csv$/i, '');
  return sheets.map((sheet) => `${base}-${sheet.file}.csv`);
}

/** Writes the report to `out` (csv: one file per table beside it); returns the files written. */
export async function writeReport(
  report: DataAssetReport,
  format: ReportFormat,
  out: string,
  options: { locale: Locale; force?: boolean },
): Promise<string[]> {
  const { locale } = options;
  const sheets = format === 'csv' || format === 'xlsx' ? reportSheets(report, locale) : [];
  const targets = format === 'csv' ? csvTargets(out, sheets) : [out];
  for (const target of targets) {
    const folder = path.dirname(path.resolve(target));
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())
      throw new SheetInputError(t(locale, 'folderMissing', folder), { file: target });
    if (!options.force && fs.existsSync(target))
      throw new SheetInputError(t(locale, 'exists', target), { file: target });
  }
  const pendings = targets.map((target) => new Pending(target));
  try {
    if (format === 'xlsx') await writeWorkbook(pendings[0].temporary, sheets);
    else if (format === 'csv') sheets.forEach((sheet, index) => writeCsv(pendings[index].temporary, sheet));
    else fs.writeFileSync(pendings[0].temporary, reportText(report, format, locale), { flag: 'wx' });
    commitFiles(pendings, { replace: options.force === true });
  } catch (error) {
    for (const pending of pendings) pending.discard();
    const code = (error as NodeJS.ErrnoException)?.code;
    const file = error instanceof CommitError ? error.file : out;
    // A file another program wrote while the report was made: said as one that was there from the start.
    if (code === 'EEXIST' && error instanceof CommitError)
      throw new SheetInputError(t(locale, 'exists', file), { file });
    if (code) throw new SheetInputError(t(locale, 'unwritable', file, code), { file });
    throw error;
  }
  return targets;
}

/** A CSV cell: numbers as numbers (amounts with two decimals), a share as a percentage, nothing for null. */
function csvCell(value: ReportCell, type: ReturnType<typeof sheetCellType>): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (type === 'amount') return value.toFixed(2);
  if (type === 'percent') return `${(value * 100).toFixed(1)}%`;
  return String(value);
}

function writeCsv(file: string, sheet: SheetTable): void {
  const { stringify } = require('csv-stringify/sync') as typeof import('csv-stringify/sync');
  const rows = [
    sheet.columns.map((column) => column.header),
    ...sheet.rows.map((row, r) => row.map((cell, c) => csvCell(cell, sheetCellType(sheet, r, c)))),
  ];
  fs.writeFileSync(file, `\uFEFF${stringify(rows, { record_delimiter: '\r\n' })}`, { flag: 'wx' });
}

const NUMBER_FORMATS = { count: '#,##0', amount: '#,##0.00', percent: '0.0%' } as const;

/** One sheet per table: a header row (frozen, with filters), typed cells, columns as wide as their texts. */
async function writeWorkbook(file: string, sheets: SheetTable[]): Promise<void> {
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const quiet = process.noDeprecation;
  process.noDeprecation = true;
  try {
    const stream = fs.createWriteStream(file, { flags: 'wx' });
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    for (const table of sheets) {
      const widths = table.columns.map((column) => textWidth(column.header) + 2);
      table.rows.forEach((row) =>
        row.forEach((cell, c) => {
          if (typeof cell === 'string') widths[c] = Math.max(widths[c], textWidth(cell) + 2);
        }),
      );
      const sheet = openSheet(
        workbook,
        table.sheet,
        table.columns.map((column) => column.header),
        widths.map((width) => Math.max(width, 12)),
      );
      table.rows.forEach((values, r) => {
        const row = sheet.addRow([]);
        values.forEach((value, c) => {
          if (value === null) return;
          const cell = row.getCell(c + 1);
          const type = sheetCellType(table, r, c);
          if (type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
            cell.value = dateOf(value);
            cell.numFmt = DATE_FORMAT;
          } else if (typeof value === 'number') {
            cell.value = value;
            if (type !== 'text' && type !== 'date') cell.numFmt = NUMBER_FORMATS[type];
          } else cell.value = xmlSafe(value);
        });
        row.commit();
      });
      closeSheet(sheet, table.columns.length, table.rows.length);
    }
    await workbook.commit();
    await new Promise<void>((resolve, reject) => {
      if (stream.closed) resolve();
      else stream.once('close', resolve).once('error', reject);
    });
  } finally {
    process.noDeprecation = quiet;
  }
}
