/**
 * The rows of an xlsx workbook through exceljs's streaming reader (memory bounded by the row, not the file),
 * loaded only when a workbook is imported. The zip directory is checked first (zip-check.ts). Cells arrive as
 * RawCell: text, number, boolean, a date cell as YYYY-MM-DD, a formula as its cached value, an error value (a
 * formula's or not) by its code (#REF!).
 */
import * as fs from 'node:fs';
import { Readable } from 'node:stream';
import { columnLetters } from '../service';
import type { RawCell } from '../service';
import { readEntry } from './zip-check';
import type { ZipEntry } from './zip-check';

export interface XlsxSheetRows {
  name: string;
  rows: AsyncIterable<{ row: number; cells: RawCell[] }>;
}

function isoDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/**
 * Each cell's text as a string of its own. exceljs's XML parser gives a cell's text as a slice of the sheet's chunk
 * it was in, and a slice keeps its whole chunk alive: the documents of the 50,000-resource bench catalog kept 65 MB
 * of the sheet's XML (of 150 MB in all). A short text is a copy already (V8 slices from 13 characters on); a sheet
 * repeats its short values row after row (enumerations, names, dates), so each is kept once.
 */
class OwnTexts {
  private readonly short = new Map<string, string>();

  of(text: string): string {
    if (text.length >= 13) return JSON.parse(JSON.stringify(text)) as string;
    const known = this.short.get(text);
    if (known !== undefined) return known;
    // Bounded: a column of distinct short texts costs no more than its strings.
    if (this.short.size >= 50_000) this.short.clear();
    this.short.set(text, text);
    return text;
  }
}

/** An exceljs cell value as a RawCell. */
function rawCell(value: unknown, texts: OwnTexts): RawCell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return texts.of(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return { date: isoDate(value) };
  if (typeof value !== 'object') return typeof value === 'bigint' ? value.toString() : '';
  const object = value as Record<string, unknown>;
  if (typeof object.error === 'string') return { error: object.error };
  if (Array.isArray(object.richText))
    return texts.of(object.richText.map((run: { text?: string }) => run.text ?? '').join(''));
  if ('formula' in object || 'sharedFormula' in object) {
    const result = object.result;
    // An error result comes as text from a cell marked in `errors` (errorCellsAsText); none is a formula that was
    // never computed (its text is all there is); NaN, an error result exceljs read as a number.
    const broken =
      result === undefined ||
      (typeof result === 'number' && Number.isNaN(result)) ||
      (typeof result === 'object' && result !== null && 'error' in result);
    if (broken) {
      const formula = object.formula ?? object.sharedFormula;
      return { error: `=${typeof formula === 'string' ? formula.replace(/^of:=/, '') : '?'}`, uncomputed: true };
    }
    return rawCell(result, texts);
  }
  if (typeof object.text === 'string') return texts.of(object.text);
  return JSON.stringify(value);
}

/** A cell holding an error value (marked by errorCellsAsText): its code, whether a formula gave it or not. */
function errorCell(value: unknown): RawCell {
  const result = typeof value === 'object' && value !== null ? (value as { result?: unknown }).result : value;
  return typeof result === 'string' && result !== '' ? { error: result.trim() } : { error: '#N/A' };
}

/** Each sheet in the workbook's order, its rows streamed; `stop` closes the file (on an early exit). */
export async function openXlsx(
  file: string,
  entries: readonly ZipEntry[],
): Promise<{ sheets: AsyncIterable<XlsxSheetRows>; stop(): void }> {
  const ExcelJS = await import('exceljs');
  const stream = fs.createReadStream(file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    entries: 'ignore',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  const errorCells = new WeakMap<object, ReadonlySet<string>>();
  decodeAcrossChunks(reader as unknown as BookReader, errorCells);
  await readBookParts(reader as unknown as BookReader, file, entries);
  const texts = new OwnTexts();
  async function* sheets(): AsyncGenerator<XlsxSheetRows> {
    for await (const worksheet of reader) {
      const sheet = worksheet as unknown as AsyncIterable<{ number: number; values: unknown[] }> & {
        name: string;
        id: string | number;
      };
      const errors = errorCells.get(worksheet);
      yield {
        name: sheetName(reader as unknown as BookParts, sheet),
        rows: (async function* () {
          for await (const row of sheet) {
            const values = row.values;
            const cells: RawCell[] = [];
            for (let i = 1; i < values.length; i++) {
              const error = errors && errors.size > 0 && errors.has(`${columnLetters(i - 1)}${row.number}`);
              cells.push(error ? errorCell(values[i]) : rawCell(values[i], texts));
            }
            yield { row: row.number, cells };
          }
        })(),
      };
    }
  }
  return { sheets: sheets(), stop: () => stream.destroy() };
}

interface BookParts {
  model?: { sheets?: Array<{ name: string; rId: string }> };
  workbookRels?: Array<{ Id: string; Target: string }>;
}

/**
 * The sheet's name: exceljs finds it only when the relationship's target is written `worksheets/sheetN.xml`;
 * exceljs's own writer writes `/xl/worksheets/sheetN.xml`, so look again with the target's folder left out.
 */
function sheetName(book: BookParts, sheet: { name: string; id: string | number }): string {
  if (!/^Sheet\d+$/.test(sheet.name)) return sheet.name;
  const file = `${sheet.name.replace('Sheet', 'sheet')}.xml`;
  const rel = book.workbookRels?.find((r) => r.Target.replace(/^.*\//, '') === file);
  const found = rel && book.model?.sheets?.find((s) => s.rId === rel.Id);
  return found?.name ?? sheet.name;
}

interface BookReader {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(chunks: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}

/**
 * exceljs's XML feed decodes each inflated chunk of a sheet on its own, so a character whose UTF-8 bytes straddle
 * two chunks (most Chinese text sooner or later) comes out as U+FFFD (exceljs issues #2063 and #2084, open). The
 * reader's sheets and shared strings are given text decoded across chunk boundaries instead; exceljs passes text
 * through as it is. Each sheet's cells holding an error value are noted in `errorCells` (errorCellsAsText).
 */
function decodeAcrossChunks(reader: BookReader, errorCells: WeakMap<object, ReadonlySet<string>>): void {
  const parseWorksheet = reader._parseWorksheet.bind(reader);
  reader._parseWorksheet = function* (chunks, sheetNo) {
    const errors = new Set<string>();
    for (const event of parseWorksheet(errorCellsAsText(utf8Text(chunks), errors), sheetNo)) {
      const worksheet = (event as { value?: unknown } | undefined)?.value;
      if (typeof worksheet === 'object' && worksheet !== null) errorCells.set(worksheet, errors);
      yield event;
    }
  };
  const parseSharedStrings = reader._parseSharedStrings.bind(reader);
  reader._parseSharedStrings = (entry) => parseSharedStrings(Readable.from(utf8Text(entry)));
}

/** An attribute `t="e"`: the cell's value is an error (#REF!, #DIV/0! …). */
const ERROR_TYPE = /\st\s*=\s*(["'])e\1/;
const CELL_TAG = /<c\s[^>]*>/g;
const CELL_REF = /\sr\s*=\s*["']([A-Z]+\d+)["']/;
/** The start of a tag that may be a cell's, cut by a chunk's end: `<`, `<c`, `<c ` (at most three characters). */
const CELL_START = /^<(?:c(?:\s|$))?$/;

/**
 * A sheet's XML with each cell whose value is an error (`t="e"`) turned into a text cell (`t="str"`), its place
 * added to `errors`. exceljs keeps the code of an error cell without a formula, but reads a formula's cached error
 * as a number (NaN) and loses it; as text, the code (#REF!) comes through either way, and `errors` says it is one.
 * A cell's tag cut by a chunk's end waits for the next chunk; a chunk with no error cell passes as it is (some
 * 35 ms for the 45 MB resources sheet of the 50,000-resource bench catalog).
 */
export async function* errorCellsAsText(chunks: AsyncIterable<string>, errors: Set<string>): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of chunks) {
    let text = carry === '' ? chunk : carry + chunk;
    carry = '';
    const open = text.lastIndexOf('<');
    if (open >= 0 && text.indexOf('>', open) < 0 && CELL_START.test(text.slice(open, open + 3))) {
      carry = text.slice(open);
      text = text.slice(0, open);
    }
    if ((text.includes('"e"') || text.includes("'e'")) && ERROR_TYPE.test(text))
      text = text.replace(CELL_TAG, (tag) => {
        const ref = ERROR_TYPE.test(tag) ? CELL_REF.exec(tag) : null;
        if (!ref) return tag;
        errors.add(ref[1]);
        return tag.replace(ERROR_TYPE, ' t="str"');
      });
    if (text !== '') yield text;
  }
  if (carry !== '') yield carry;
}

async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * The workbook's parts the sheets need (relationships, sheet names, styles, shared strings), read first from
 * their places in the zip: the streaming reader meets them in the zip's order, and when sheets come first (as
 * exceljs's own writer and others put them) it parks each sheet in a temporary file and, for some files, reads
 * them back without their shared strings and names. With the parts known, every sheet streams as it comes.
 */
async function readBookParts(reader: BookReader, file: string, entries: readonly ZipEntry[]): Promise<void> {
  const part = (name: string) => {
    const entry = entries.find((e) => e.name === name);
    const bytes = entry && readEntry(file, entry);
    return bytes ? Readable.from([bytes]) : undefined;
  };
  const rels = part('xl/_rels/workbook.xml.rels');
  const book = part('xl/workbook.xml');
  if (!rels || !book) return;
  await reader._parseRels(rels);
  await reader._parseWorkbook(book);
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(styles);
  const strings = part('xl/sharedStrings.xml');
  if (strings) for await (const _ of reader._parseSharedStrings(strings));
}
