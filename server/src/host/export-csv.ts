/**
 * `steward export --format csv`: one file per sheet (`<out-base>-<sheet>.csv`), the texts the workbook shows
 * (dates YYYY-MM-DD, amounts with their thousands separators, 是/否, list values on separate lines), UTF-8 with a
 * BOM and CRLF line ends (what Chinese Excel opens without asking). Each file is written to a temporary name and
 * all are moved into place when all are done, or none (commitFiles). csv-stringify is loaded here, on use.
 */
import * as fs from 'node:fs';
import { cellOf, columnsInOrder, exportTables, FINDINGS_HEADERS, headersOf } from '../service';
import type { Locale } from '../service';
import type { FirstPass, RowsOf } from './export-files';
import { Pending, writeError } from './export-files';
import { CommitError, commitFiles } from './commit-files';

/** Rows stringified and written at once. */
const BATCH = 500;

export function writeCsv(
  targets: string[],
  tables: number[],
  pass: FirstPass,
  rowsOf: RowsOf,
  locale: Locale,
  options: { replace: boolean; onProgress?: (itemsWritten: number) => void },
): string[] {
  const { onProgress } = options;
  const { stringify } = require('csv-stringify/sync') as typeof import('csv-stringify/sync');
  const pendings = targets.map((target) => new Pending(target));
  const text = (rows: string[][]) => stringify(rows, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
  let current: Pending | undefined;
  try {
    let written = 0;
    const sheets: Array<{ headers: readonly string[]; rows: () => Iterable<string[]> }> = tables.map((t) => {
      const { table } = exportTables()[t];
      const columns = columnsInOrder(table);
      return {
        headers: headersOf(table),
        rows: function* () {
          for (const values of rowsOf(t)) yield values.map((value, c) => cellOf(columns[c], value ?? undefined).text);
        },
      };
    });
    sheets.push({ headers: FINDINGS_HEADERS, rows: () => pass.findingRows });
    sheets.forEach((sheet, index) => {
      current = pendings[index];
      const fd = fs.openSync(current.temporary, 'wx');
      try {
        fs.writeSync(fd, '\ufeff' + text([[...sheet.headers]]));
        let batch: string[][] = [];
        for (const row of sheet.rows()) {
          batch.push(row);
          if (batch.length === BATCH) {
            fs.writeSync(fd, text(batch));
            onProgress?.((written += batch.length));
            batch = [];
          }
        }
        if (batch.length > 0) fs.writeSync(fd, text(batch));
      } finally {
        fs.closeSync(fd);
      }
    });
    commitFiles(pendings, { replace: options.replace });
    return targets;
  } catch (error) {
    for (const pending of pendings) pending.discard();
    throw writeError(error, error instanceof CommitError ? error.file : (current?.target ?? targets[0]), locale);
  }
}
