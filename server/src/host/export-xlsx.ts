/**
 * The workbook of `steward export --format xlsx`, written with exceljs's streaming WorkbookWriter: one sheet after
 * the other, each row committed as it is made, the event loop let through every few hundred rows so that the zip
 * drains to the file. exceljs is loaded here, when a workbook is written, never by `steward validate`.
 */
import * as fs from 'node:fs';
import {
  cellOf,
  columnLetters,
  columnsInOrder,
  columnWidth,
  exportTables,
  FINDINGS_HEADERS,
  FINDINGS_SHEET,
  headersOf,
} from '../service';
import { textWidth } from '../service';
import type { Column, Locale, SheetValue } from '../service';
import type { FirstPass, RowsOf } from './export-files';
import { Pending, writeError } from './export-files';

type ExcelJS = typeof import('exceljs');
type Worksheet = import('exceljs').Worksheet;
type Style = Partial<import('exceljs').Style>;

/** Rows between two turns of the event loop. */
const ROWS_PER_TURN = 256;

export const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_STYLE: Style = { numFmt: DATE_FORMAT };
const AMOUNT_STYLE: Style = { numFmt: '#,##0.00' };
const WRAP_STYLE: Style = { alignment: { wrapText: true, vertical: 'top' } };
/**
 * The style of every other cell: one object, as the ones above, since exceljs finds a style object it has seen
 * by identity, while each cell's own empty style would be looked up by its contents (a tenth of the writing time).
 */
const PLAIN_STYLE: Style = {};
const HEADER_FONT = { bold: true };

/** Characters XML 1.0 cannot hold (a YAML escape may produce them): shown as U+FFFD rather than a corrupt file. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** A text as a cell may hold it (XML 1.0). */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\ufffd');
}

export function dateOf(text: string): Date {
  const [year, month, day] = text.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** Writes one row's cells with their types and styles (an empty cell: undefined, or null from a spill file). */
function writeRow(
  sheet: Worksheet,
  columns: ReadonlyArray<Column | undefined>,
  values: ReadonlyArray<SheetValue | null>,
): void {
  const row = sheet.addRow([]);
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value === null || value === undefined) continue;
    const cell = cellOf(columns[index], value);
    if (cell.type === 'empty') continue;
    const target = row.getCell(index + 1);
    switch (cell.type) {
      case 'date':
        target.value = dateOf(cell.value);
        target.style = DATE_STYLE;
        break;
      case 'amount':
        target.value = cell.value;
        target.style = AMOUNT_STYLE;
        break;
      case 'number':
        target.value = cell.value;
        target.style = PLAIN_STYLE;
        break;
      default:
        target.value = xmlSafe(cell.text);
        target.style = cell.wrap ? WRAP_STYLE : PLAIN_STYLE;
    }
  }
  row.commit();
}

/** A sheet with its column widths and a bold header row, frozen. */
export function openSheet(
  workbook: import('exceljs').stream.xlsx.WorkbookWriter,
  name: string,
  headers: readonly string[],
  widths: readonly number[],
): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = widths.map((width) => ({ width: columnWidth(width) }));
  const header = sheet.addRow([...headers]);
  header.font = HEADER_FONT;
  header.commit();
  return sheet;
}

/** Filters on the header row over `rows` rows, and the sheet written out. */
export function closeSheet(sheet: Worksheet, columns: number, rows: number): void {
  sheet.autoFilter = `A1:${columnLetters(columns - 1)}${rows + 1}`;
  sheet.commit();
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function writeXlsx(
  out: string,
  tables: number[],
  pass: FirstPass,
  rowsOf: RowsOf,
  locale: Locale,
  options: { replace: boolean; onProgress?: (itemsWritten: number) => void },
): Promise<void> {
  const { onProgress } = options;
  const ExcelJS = require('exceljs') as ExcelJS;
  // exceljs hands archiver strings, which it wraps with the deprecated Buffer(): not the user's concern.
  const quiet = process.noDeprecation;
  process.noDeprecation = true;
  const pending = new Pending(out);
  const stream = fs.createWriteStream(pending.temporary, { flags: 'wx' });
  const failed = new Promise<never>((_, reject) => stream.on('error', reject));
  failed.catch(() => undefined);
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    let written = 0;
    for (const t of tables) {
      const { table } = exportTables()[t];
      const headers = headersOf(table);
      const columns = columnsInOrder(table);
      const sheet = openSheet(workbook, table.sheet, headers, pass.widths[t]);
      let rows = 0;
      for (const values of rowsOf(t)) {
        writeRow(sheet, columns, values);
        rows++;
        if (rows % ROWS_PER_TURN === 0) {
          await Promise.race([turn(), failed]);
          onProgress?.((written += ROWS_PER_TURN));
        }
      }
      closeSheet(sheet, headers.length, rows);
    }
    const findingWidths = FINDINGS_HEADERS.map((header, c) =>
      pass.findingRows.reduce((widest, row) => Math.max(widest, textWidth(row[c])), textWidth(header) + 2),
    );
    const sheet = openSheet(workbook, FINDINGS_SHEET, FINDINGS_HEADERS, findingWidths);
    for (const row of pass.findingRows) writeRow(sheet, [], row);
    closeSheet(sheet, FINDINGS_HEADERS.length, pass.findingRows.length);
    await Promise.race([workbook.commit(), failed]);
    await new Promise<void>((resolve, reject) => {
      if (stream.closed) resolve();
      else stream.once('close', resolve).once('error', reject);
    });
    pending.commit(options.replace);
  } catch (error) {
    stream.destroy();
    pending.discard();
    throw writeError(error, out, locale);
  } finally {
    process.noDeprecation = quiet;
  }
}
