/** What the export's writers share: the first pass's results, and the temporary file renamed over the target. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding, Locale, SheetValue } from '../service';
import { SheetInputError } from './sheet-errors';
import { exportText } from './export-messages';

/** One input file after the first pass: what it holds, where its rows go, and its findings. */
export interface Source {
  file: string;
  /** Its path relative to the export's base, as 来源文件 and the findings show it. */
  shown: string;
  /** Rows per table (index of exportTables()), to skip the file in a sheet it has no rows of. */
  rows: number[];
  findings: Finding[];
}

export interface FirstPass {
  sources: Source[];
  /** The 单位 sheet's rows (one per document: few), kept for the writers. */
  documentRows: SheetValue[][];
  /** The widest text of each column of each table (East Asian wide characters count two). */
  widths: number[][];
  /** The 检查结果 sheet's rows. */
  findingRows: string[][];
  documents: number;
  items: number;
  errors: number;
  findings: number;
}

/** The rows of a table (index of exportTables()), produced as they are written. */
export type RowsOf = (table: number) => Iterable<SheetValue[]>;

/** A temporary file beside `target`, renamed over it by `commit` (or removed by `discard`). */
export class Pending {
  readonly temporary: string;
  constructor(readonly target: string) {
    this.temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  }
  commit(): void {
    fs.renameSync(this.temporary, this.target);
  }
  discard(): void {
    fs.rmSync(this.temporary, { force: true });
  }
}

/** An I/O error while writing as a SheetInputError (exit 2), anything else as it is. */
export function writeError(error: unknown, target: string, locale: Locale): unknown {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (!code) return error;
  return new SheetInputError(exportText(locale, 'unwritable', target, code), { file: target });
}
