/** What the export's writers share: the first pass's results, and the temporary file renamed over the target. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
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
  /** The file could not be read: its one finding says why. */
  skipped: boolean;
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

/** Bytes of rows gathered before a spill file is written to. */
const SPILL_CHUNK = 1 << 20;

/**
 * The rows of each sheet as they are made (one JSON array per line), in temporary files: the workbook's sheets are
 * written one after the other (a zip holds one entry at a time) from rows made item by item for all sheets at once,
 * so each sheet's rows wait on disk, not in memory, and the files are parsed once.
 */
export class Spill {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-export-'));
  private readonly fds: Array<number | undefined>;
  private readonly pending: string[][];
  private readonly sizes: number[];
  constructor(tables: number) {
    this.fds = Array.from({ length: tables }, () => undefined);
    this.pending = Array.from({ length: tables }, () => []);
    this.sizes = Array.from({ length: tables }, () => 0);
  }
  private file(t: number): string {
    return path.join(this.dir, `${t}.jsonl`);
  }
  private flush(t: number): void {
    if (this.pending[t].length === 0) return;
    this.fds[t] ??= fs.openSync(this.file(t), 'w');
    fs.writeSync(this.fds[t], this.pending[t].join(''));
    this.pending[t] = [];
    this.sizes[t] = 0;
  }
  add(t: number, row: readonly SheetValue[]): void {
    const line = JSON.stringify(row.map((value) => (value === undefined ? null : value))) + '\n';
    this.pending[t].push(line);
    this.sizes[t] += line.length;
    if (this.sizes[t] >= SPILL_CHUNK) this.flush(t);
  }
  /** Every row is on disk. */
  finish(): void {
    this.fds.forEach((_, t) => this.flush(t));
    for (const fd of this.fds) if (fd !== undefined) fs.closeSync(fd);
    this.fds.fill(undefined);
  }
  /** The rows of table `t`, in order. */
  *rows(t: number): Generator<SheetValue[]> {
    if (!fs.existsSync(this.file(t))) return;
    const fd = fs.openSync(this.file(t), 'r');
    try {
      const buffer = Buffer.alloc(SPILL_CHUNK);
      let rest = '';
      const decoder = new TextDecoder();
      for (;;) {
        const read = fs.readSync(fd, buffer, 0, buffer.length, null);
        const text = rest + decoder.decode(buffer.subarray(0, read), { stream: read > 0 });
        const lines = text.split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) yield (JSON.parse(line) as Array<SheetValue | null>).map((v) => v ?? undefined);
        if (read === 0) break;
      }
    } finally {
      fs.closeSync(fd);
    }
  }
  remove(): void {
    for (const fd of this.fds) if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A full garbage collection between the export's phases (checking, making the rows, writing): each phase leaves
 * garbage that V8 would otherwise collect only after growing the heap for the next one, adding the phases' peaks
 * (629 MB instead of 343 MB for the 50,000-asset register: bench/README.md).
 */
export function collectGarbage(): void {
  let gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}

/** The same texts in strings of their own: a substring would keep the whole file's text alive. */
export function ownStrings(row: SheetValue[]): SheetValue[] {
  const copy = JSON.parse(JSON.stringify(row.map((value) => value ?? null))) as Array<SheetValue | null>;
  return copy.map((value) => value ?? undefined);
}
