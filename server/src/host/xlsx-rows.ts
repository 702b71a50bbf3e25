/**
 * The rows of an xlsx workbook through exceljs's streaming reader (memory bounded by the row, not the file),
 * loaded only when a workbook is imported. The zip directory is checked first (zip-check.ts). Cells arrive as
 * RawCell: text, number, boolean, a date cell as YYYY-MM-DD, a formula as its cached value, an error as such.
 */
import * as fs from 'node:fs';
import type { RawCell } from '../service';

export interface XlsxSheetRows {
  name: string;
  rows: AsyncIterable<{ row: number; cells: RawCell[] }>;
}

function isoDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** An exceljs cell value as a RawCell. */
export function rawCell(value: unknown): RawCell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return { date: isoDate(value) };
  if (typeof value !== 'object') return String(value);
  const object = value as Record<string, unknown>;
  if (typeof object.error === 'string') return { error: object.error };
  if (Array.isArray(object.richText)) return object.richText.map((run: { text?: string }) => run.text ?? '').join('');
  if ('formula' in object || 'sharedFormula' in object) {
    const result = object.result;
    // exceljs's streaming reader reads an error result (t="e") as a number: NaN.
    if (typeof result === 'number' && Number.isNaN(result))
      return { error: `#ERROR (=${JSON.stringify(object.formula ?? object.sharedFormula ?? '').slice(1, -1)})` };
    return rawCell(result);
  }
  if (typeof object.text === 'string') return object.text;
  return JSON.stringify(value);
}

/** Each sheet in the workbook's order, its rows streamed; `stop` closes the file (on an early exit). */
export async function openXlsx(file: string): Promise<{ sheets: AsyncIterable<XlsxSheetRows>; stop(): void }> {
  const ExcelJS = await import('exceljs');
  const stream = fs.createReadStream(file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    entries: 'ignore',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  async function* sheets(): AsyncGenerator<XlsxSheetRows> {
    for await (const worksheet of reader) {
      const sheet = worksheet as unknown as AsyncIterable<{ number: number; values: unknown[] }> & { name: string };
      yield {
        name: sheet.name,
        rows: (async function* () {
          for await (const row of sheet) {
            const values = row.values;
            const cells: RawCell[] = [];
            for (let i = 1; i < values.length; i++) cells.push(rawCell(values[i]));
            yield { row: row.number, cells };
          }
        })(),
      };
    }
  }
  return { sheets: sheets(), stop: () => stream.destroy() };
}
