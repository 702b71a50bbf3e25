/**
 * The rows of a CSV (or TSV) file, streamed: the encoding detected (a UTF-8, UTF-16 LE or BE byte-order mark;
 * else UTF-8 when the start of the file is valid UTF-8, else GB18030, which covers GBK and GB2312) or given
 * (`--encoding`); lines decoded one at a time, so a file that changes encoding part-way (a GBK line pasted into a
 * UTF-8 file) is an error naming the line, not mojibake; csv-parse splits the fields.
 */
import * as fs from 'node:fs';
import { TextDecoder } from 'node:util';
import { parse } from 'csv-parse';
import { firstInvalidUtf8 } from './read';
import { SheetInputError } from './sheet-errors';
import type { RawCell } from '../service';

export interface CsvRowsOptions {
  file: string;
  /** The file as shown in messages. */
  shown: string;
  encoding?: string;
  locale: 'zh-CN' | 'en';
}

const SNIFF_BYTES = 64 * 1024;

function say(locale: 'zh-CN' | 'en', zh: string, en: string): string {
  return locale === 'zh-CN' ? zh : en;
}

/** The encoding of a file from its first bytes: the BOM, or UTF-8 if valid, else gb18030. */
export function detectEncoding(start: Buffer): { encoding: string; bom: number } {
  if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (start[0] === 0xff && start[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (start[0] === 0xfe && start[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  // A multi-byte character cut by the end of the sniffed bytes is not invalid.
  const invalid = firstInvalidUtf8(start);
  return { encoding: invalid < 0 || invalid > start.length - 4 ? 'utf-8' : 'gb18030', bom: 0 };
}

function decoderFor(encoding: string, options: CsvRowsOptions): TextDecoder {
  try {
    return new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new SheetInputError(
      say(
        options.locale,
        `${options.shown}：不认识的编码“${encoding}”`,
        `${options.shown}: unknown encoding "${encoding}"`,
      ),
      { file: options.shown },
    );
  }
}

/** Decoded text of the file, in pieces, one line at a time for byte-oriented encodings. */
async function* decodedText(options: CsvRowsOptions): AsyncGenerator<string> {
  const stream = fs.createReadStream(options.file, { highWaterMark: SNIFF_BYTES });
  let detected: { encoding: string; bom: number } | undefined;
  let decoder: TextDecoder | undefined;
  let pending = Buffer.alloc(0);
  let line = 1;
  const wide = () => detected!.encoding.startsWith('utf-16');
  const lineText = (bytes: Buffer): string => {
    const decoderNow = decoder!;
    try {
      const text = decoderNow.decode(bytes, { stream: wide() });
      if (
        !options.encoding &&
        detected!.encoding === 'gb18030' &&
        /[^\x00-\x7f]/.test(text) &&
        firstInvalidUtf8(bytes) < 0
      )
        throw new TypeError('utf-8 line in gb18030');
      return text;
    } catch {
      throw new SheetInputError(
        say(
          options.locale,
          `${options.shown}:${line}：这一行不是 ${detected!.encoding} 编码（前面的行是）：文件混用了编码；请把整个文件另存为同一编码，或用 --encoding 指定`,
          `${options.shown}:${line}: this line is not ${detected!.encoding} (the lines before it are): the file mixes encodings; save the whole file in one encoding, or give it with --encoding`,
        ),
        { file: options.shown, line },
      );
    }
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let bytes = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    if (!detected) {
      detected = options.encoding ? { encoding: options.encoding.toLowerCase(), bom: 0 } : detectEncoding(bytes);
      decoder = decoderFor(detected.encoding, options);
      bytes = bytes.subarray(detected.bom);
      if (options.encoding && detectEncoding(bytes).bom > 0) bytes = bytes.subarray(detectEncoding(bytes).bom);
    }
    if (wide()) {
      yield lineText(bytes);
      pending = Buffer.alloc(0);
      continue;
    }
    let start = 0;
    for (let newline = bytes.indexOf(10, start); newline >= 0; newline = bytes.indexOf(10, start)) {
      yield lineText(bytes.subarray(start, newline + 1));
      line++;
      start = newline + 1;
    }
    pending = Buffer.from(bytes.subarray(start));
  }
  if (!detected) return;
  if (pending.length > 0) yield lineText(pending);
  if (wide()) {
    try {
      yield decoder!.decode();
    } catch {
      throw new SheetInputError(
        say(
          options.locale,
          `${options.shown}：文件末尾不是完整的 ${detected.encoding} 字符`,
          `${options.shown}: the file ends inside a ${detected.encoding} character`,
        ),
        { file: options.shown },
      );
    }
  }
}

/** The delimiter of a header line: tab, semicolon or comma, whichever it holds most of. */
function delimiterOf(file: string, firstText: string): string {
  if (/\.tsv$/i.test(file)) return '\t';
  const line = firstText.split('\n')[0];
  const counts = [',', '\t', ';'].map((d) => [d, line.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

/** The error values a spreadsheet program writes into a CSV where a formula failed. */
const ERROR_VALUE = /^#(?:REF!|DIV\/0!|N\/A|VALUE!|NAME\?|NUM!|NULL!)$/;

/** A record's fields, an error value a spreadsheet saved (#REF!) as such: text that is no data. */
function recordCells(record: string[]): RawCell[] {
  if (!record.some((field) => field.charCodeAt(0) === 35 && ERROR_VALUE.test(field))) return record;
  return record.map((field) => (field.charCodeAt(0) === 35 && ERROR_VALUE.test(field) ? { error: field } : field));
}

/**
 * The records of the CSV, each with its 1-based record number (the row a spreadsheet program shows); a field
 * holding an error value (#DIV/0!) as an error cell.
 */
export async function* csvRows(options: CsvRowsOptions): AsyncGenerator<{ row: number; cells: RawCell[] }> {
  const pieces = decodedText(options);
  const first = await pieces.next();
  if (first.done) return;
  const parser = parse({
    delimiter: delimiterOf(options.file, first.value),
    relax_column_count: true,
    relax_quotes: true,
  });
  let failure: Error | undefined;
  const drained = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        parser.off('drain', done);
        parser.off('close', done);
        resolve();
      };
      parser.once('drain', done);
      parser.once('close', done);
    });
  const feed = (async () => {
    try {
      if (!parser.write(first.value)) await drained();
      for await (const piece of pieces) {
        if (parser.destroyed) break;
        if (!parser.write(piece)) await drained();
      }
      if (!parser.destroyed) parser.end();
    } catch (error) {
      failure = error as Error;
      parser.destroy(error as Error);
    }
  })();
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) yield { row: ++row, cells: recordCells(record) };
  } catch (error) {
    if (failure) throw failure;
    const at = (error as { lines?: number }).lines;
    throw new SheetInputError(
      say(
        options.locale,
        `${options.shown}${at ? `:${at}` : ''}：无法解析 CSV：${(error as Error).message}`,
        `${options.shown}${at ? `:${at}` : ''}: cannot parse the CSV: ${(error as Error).message}`,
      ),
      { file: options.shown, line: at },
    );
  } finally {
    // Stopped early (the item limit, an error): stop reading the file too.
    if (!parser.destroyed) parser.destroy();
    await feed.catch(() => undefined);
  }
  if (failure) throw failure;
}
