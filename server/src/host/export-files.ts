/** What the export's writers share: the first pass's results, and the temporary file renamed over the target. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding, Locale, SheetValue } from '../service';
import { SheetInputError } from './sheet-errors';
import { exportText } from './export-messages';
import { CommitError, commitFiles } from './commit-files';

/** One input file after the first pass: what it holds, where its rows go, and its findings. */
export interface Source {
  file: string;
  /** Its path relative to the export's base, as 来源文件 and the findings show it. */
  shown: string;
  /** Rows per table (index of exportTables()), to skip the file in a sheet it has no rows of. */
  rows: number[];
  /** The file could not be read: why. */
  unreadable?: Finding;
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
export type RowsOf = (table: number) => Iterable<ReadonlyArray<SheetValue | null>>;

/**
 * A temporary file beside `target`, put in place by `commit` (or removed by `discard`): over an existing target only
 * when `replace`, else never over one, even one that appeared after the caller looked (commitFiles).
 */
export class Pending {
  readonly temporary: string;
  constructor(readonly target: string) {
    this.temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  }
  commit(replace: boolean): void {
    commitFiles([this], { replace });
  }
  discard(): void {
    fs.rmSync(this.temporary, { force: true });
  }
}

/** An I/O error while writing as a SheetInputError (exit 2), anything else as it is. */
export function writeError(error: unknown, target: string, locale: Locale): unknown {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (!code) return error;
  // A file that appeared after the export looked (another program's): said as a file that was there from the start.
  if (code === 'EEXIST' && error instanceof CommitError)
    return new SheetInputError(exportText(locale, 'exists', target), { file: target });
  return new SheetInputError(exportText(locale, 'unwritable', target, code), { file: target });
}

/** Bytes of rows gathered before a spill file is written to. */
const SPILL_CHUNK = 1 << 18;

/** Where the spill files stood: `rollback` takes back what was added since. */
export type SpillMark = readonly number[];

/**
 * The rows of each sheet as they are made (one JSON array per line), in temporary files: the workbook's sheets are
 * written one after the other (a zip holds one entry at a time) from rows made item by item for all sheets at once,
 * so each sheet's rows wait on disk, not in memory. A row is encoded into its table's buffer at once: its text
 * dies young, where texts gathered until a write would outlive collections of the young generation and pile up
 * in the old one until a full collection (tens of MB at 50,000 assets).
 */
export class Spill {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-export-'));
  private readonly fds: Array<number | undefined>;
  private readonly buffers: Buffer[];
  /** Bytes in each buffer. */
  private readonly filled: number[];
  /** Bytes written to each file. */
  private readonly written: number[];
  constructor(tables: number) {
    this.fds = Array.from({ length: tables }, () => undefined);
    this.buffers = Array.from({ length: tables }, () => Buffer.allocUnsafe(0));
    this.filled = Array.from({ length: tables }, () => 0);
    this.written = Array.from({ length: tables }, () => 0);
  }
  private file(t: number): string {
    return path.join(this.dir, `${t}.jsonl`);
  }
  private write(t: number, bytes: Uint8Array): void {
    this.fds[t] ??= fs.openSync(this.file(t), 'w');
    for (let done = 0; done < bytes.length;)
      done += fs.writeSync(this.fds[t], bytes, done, bytes.length - done, this.written[t] + done);
    this.written[t] += bytes.length;
  }
  private flush(t: number): void {
    if (this.filled[t] === 0) return;
    this.write(t, this.buffers[t].subarray(0, this.filled[t]));
    this.filled[t] = 0;
  }
  /** A row (JSON writes an undefined cell as null: `rows` gives it back as null). */
  add(t: number, row: readonly SheetValue[]): void {
    const line = JSON.stringify(row) + '\n';
    // A UTF-16 unit takes at most 3 bytes in UTF-8.
    if (this.filled[t] + line.length * 3 > this.buffers[t].length) {
      this.flush(t);
      if (line.length * 3 > SPILL_CHUNK) return this.write(t, Buffer.from(line));
      if (this.buffers[t].length === 0) this.buffers[t] = Buffer.allocUnsafe(SPILL_CHUNK);
    }
    this.filled[t] += this.buffers[t].write(line, this.filled[t]);
  }
  mark(): SpillMark {
    this.fds.forEach((_, t) => this.flush(t));
    return [...this.written];
  }
  rollback(mark: SpillMark): void {
    this.fds.forEach((fd, t) => {
      this.filled[t] = 0;
      if (fd !== undefined && this.written[t] > mark[t]) fs.ftruncateSync(fd, mark[t]);
      this.written[t] = mark[t];
    });
  }
  /** Every row is on disk. */
  finish(): void {
    this.fds.forEach((_, t) => this.flush(t));
    for (const fd of this.fds) if (fd !== undefined) fs.closeSync(fd);
    this.fds.fill(undefined);
  }
  /** The rows of table `t`, in order (an empty cell is null). */
  *rows(t: number): Generator<SpilledRow> {
    if (!fs.existsSync(this.file(t))) return;
    const fd = fs.openSync(this.file(t), 'r');
    try {
      const buffer = Buffer.alloc(SPILL_CHUNK);
      let rest = '';
      const decoder = new TextDecoder();
      for (;;) {
        const read = fs.readSync(fd, buffer, 0, buffer.length, null);
        const text = rest + decoder.decode(buffer.subarray(0, read), { stream: read > 0 });
        let start = 0;
        for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
          yield JSON.parse(text.slice(start, end)) as SpilledRow;
          start = end + 1;
        }
        rest = text.slice(start);
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

/** A row read back from a spill file: an empty cell is null. */
export type SpilledRow = Array<SheetValue | null>;

/** The same texts in strings of their own: a substring would keep the whole file's text alive. */
export function ownStrings(row: SheetValue[]): SheetValue[] {
  const copy = JSON.parse(JSON.stringify(row.map((value) => value ?? null))) as Array<SheetValue | null>;
  return copy.map((value) => value ?? undefined);
}
