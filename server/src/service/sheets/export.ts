/**
 * What `steward export` writes into the workbook layout (layout.ts), as pure data: each cell's type and shown
 * text, the width of a column's texts, the sheet and cell a finding points at, and each document's plain data.
 * The host writes the files (xlsx with exceljs, csv with csv-stringify); everything it decides about a cell is here.
 */
import type { Finding, Locale } from '../types';
import type { StewardDocument, StewardYamlDocument } from '../parser/model';
import { toPlainValue } from '../parser/convert';
import { parseDeferredItem, parseStewardFile } from '../parser/parse';
import type { SourceText } from '../parser/source';
import {
  BOOLEAN_TEXT,
  DOCUMENTS_SHEET,
  documentsLayout,
  LIST_SEPARATOR,
  workbookLayout,
  headersOf,
  type Column,
  type SheetDocumentKind,
  type SheetValue,
  type TableLayout,
} from './layout';

/** One YAML document of a file as plain data, with its kind and number in the file (0-based). */
export interface PlainDocument {
  index: number;
  kind: SheetDocumentKind;
  data: unknown;
}

/** The steward documents of a parsed file as plain data (documents without a known kind are left out). */
export function plainDocuments(document: StewardDocument): PlainDocument[] {
  const documents: PlainDocument[] = [];
  for (const yamlDocument of document.documents) {
    if (!yamlDocument.kind || !yamlDocument.root) continue;
    documents.push({ index: yamlDocument.index, kind: yamlDocument.kind, data: toPlainValue(yamlDocument.root) });
  }
  return documents;
}

/**
 * A steward document read item by item: `head` is the document without its items (the list empty), `items` its
 * items as plain data, parsed one at a time as they are taken (read them before the next document).
 */
export interface StreamedDocument {
  index: number;
  /** The 0-based line the document starts on (a finding at or below it, and above the next, is in it). */
  startLine: number;
  kind: SheetDocumentKind;
  head: Record<string, unknown>;
  items: Iterable<unknown>;
}

/**
 * The steward documents of a file, each item parsed when it is taken and dropped after: memory holds the text and
 * one item's tree, whatever the number of items (the export of a 50,000-asset register). An alias to an anchor
 * in another item makes the rest of the file parsed whole, as validation does.
 */
export function* streamDocuments(uri: string, text: SourceText): Generator<StreamedDocument> {
  const file = parseStewardFile(uri, text, { defer: true });
  let whole: StewardDocument | undefined;
  const wholeParse = () => (whole ??= parseStewardFile(uri, text));
  for (const [position, yamlDocument] of file.documents.entries()) {
    const current = whole ? whole.documents[position] : yamlDocument;
    const found = headOf(current);
    if (!found) continue;
    const { kind, head, listed } = found;
    const listKey = workbookLayout(kind).listKey;
    const deferred = !whole && current.items.some((item) => item.deferred);
    const items = function* (): Generator<unknown> {
      if (!deferred) {
        if (listed) yield* listed;
        return;
      }
      for (const [index, item] of current.items.entries()) {
        const parsed = parseDeferredItem(file, item);
        if (!parsed) {
          const root = wholeParse().documents[position].root;
          const list = root ? (toPlainValue(root) as Record<string, unknown>)[listKey] : undefined;
          if (Array.isArray(list)) yield* list.slice(index);
          return;
        }
        yield parsed.node ? toPlainValue(parsed.node) : null;
      }
    };
    yield {
      index: current.index,
      startLine: file.lines.positionAt(current.span.start).line,
      kind,
      head,
      items: items(),
    };
  }
}

/** A steward document's data without its items (the list emptied), and the items its tree holds, if any. */
function headOf(
  document: StewardYamlDocument,
): { kind: SheetDocumentKind; head: Record<string, unknown>; listed: unknown[] | undefined } | undefined {
  if (!document.kind || !document.root) return undefined;
  const plain = toPlainValue(document.root);
  const head = (typeof plain === 'object' && plain !== null && !Array.isArray(plain) ? plain : {}) as Record<
    string,
    unknown
  >;
  const listKey = workbookLayout(document.kind).listKey;
  const listed = Array.isArray(head[listKey]) ? (head[listKey] as unknown[]) : undefined;
  if (listed) head[listKey] = [];
  return { kind: document.kind, head, listed };
}

/** A steward document of a file checked with `onItem` (service `update`): its data without items, and theirs. */
export interface CheckedDocument {
  index: number;
  startLine: number;
  kind: SheetDocumentKind;
  head: Record<string, unknown>;
  /** How many items `onItem` was to be given: a different count means the file was not checked item by item. */
  items: number;
  /** Items the document's tree holds itself (not checked item by item): `onItem` did not see them. */
  listed: number;
}

/** The steward documents of a file as the check with `onItem` left them (its items' trees dropped). */
export function checkedDocuments(file: StewardDocument): CheckedDocument[] {
  const documents: CheckedDocument[] = [];
  for (const document of file.documents) {
    const found = headOf(document);
    if (!found) continue;
    documents.push({
      index: document.index,
      startLine: file.lines.positionAt(document.span.start).line,
      kind: found.kind,
      head: found.head,
      items: document.items.length,
      listed: found.listed?.length ?? 0,
    });
  }
  return documents;
}

/** The index of the YAML document of `document` holding `offset` (the last one starting before it). */
export function documentIndexAt(document: StewardDocument, offset: number): number {
  let found = 0;
  for (const yamlDocument of document.documents) if (yamlDocument.span.start <= offset) found = yamlDocument.index;
  return found;
}

/** Every table of the workbook in sheet order: 单位, then each kind's items sheet followed by its child sheets. */
export interface ExportTable {
  table: TableLayout;
  /** The kind whose documents fill it; undefined for the documents sheet (both kinds). */
  kind?: SheetDocumentKind;
  /** Which part of `documentRows` it is: 'documents', 'items' or the child's index. */
  part: 'documents' | 'items' | number;
}

export function exportTables(): ExportTable[] {
  const tables: ExportTable[] = [{ table: documentsLayout(), part: 'documents' }];
  for (const kind of ['DataResourceCatalog', 'DataAssetRegister'] as const) {
    const layout = workbookLayout(kind);
    tables.push({ table: layout.items, kind, part: 'items' });
    layout.children.forEach((child, index) => tables.push({ table: child, kind, part: index }));
  }
  return tables;
}

/** The columns of a table in header order; undefined where a header has no column of its own (文档类型, 来源文件). */
export function columnsInOrder(table: TableLayout): Array<Column | undefined> {
  const columns: Array<Column | undefined> = [];
  if (table.parentKey) columns.push(table.parentKey);
  columns.push(...table.columns);
  while (columns.length < headersOf(table).length) columns.push(undefined);
  return columns;
}

/** How a value is written in a cell: a typed cell (xlsx) and the text every program shows for it. */
export type Cell =
  | { type: 'empty'; text: '' }
  | { type: 'text'; text: string; wrap?: boolean }
  /** `date`: days since 1970-01-01 (UTC), shown yyyy-mm-dd. */
  | { type: 'date'; value: string; text: string }
  | { type: 'amount'; value: number; text: string }
  | { type: 'number'; value: number; text: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD (a value that is not one is written as text). */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** An amount as `#,##0.00` shows it. */
export function amountText(value: number): string {
  const negative = value < 0;
  const [whole, cents] = Math.abs(value).toFixed(2).split('.');
  return `${negative ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

function scalarText(value: string | number | boolean): string {
  if (typeof value === 'boolean') return BOOLEAN_TEXT[value ? 'true' : 'false'];
  return String(value);
}

/** The cell of `value` in `column` (undefined: a column of its own such as 来源文件, always text). */
export function cellOf(column: Column | undefined, value: SheetValue): Cell {
  if (value === undefined) return { type: 'empty', text: '' };
  if (Array.isArray(value)) {
    return { type: 'text', text: value.map(String).join(LIST_SEPARATOR), wrap: true };
  }
  const scalar = value as string | number | boolean;
  switch (column?.type) {
    case 'date':
      if (typeof scalar === 'string' && isCalendarDate(scalar)) return { type: 'date', value: scalar, text: scalar };
      break;
    case 'amount':
      if (typeof scalar === 'number' && Number.isFinite(scalar))
        return { type: 'amount', value: scalar, text: amountText(scalar) };
      break;
    case 'integer':
      if (Number.isSafeInteger(scalar)) return { type: 'number', value: scalar as number, text: String(scalar) };
      break;
    case 'number':
      if (typeof scalar === 'number' && Number.isFinite(scalar))
        return { type: 'number', value: scalar, text: String(scalar) };
      break;
    case 'reference':
      if (Number.isSafeInteger(scalar)) return { type: 'number', value: scalar as number, text: String(scalar) };
      break;
    default:
      break;
  }
  const text = scalarText(scalar);
  return text.includes('\n') ? { type: 'text', text, wrap: true } : { type: 'text', text };
}

/** Columns East Asian wide characters take (two each), of the longest line of `text`. */
export function textWidth(text: string): number {
  let widest = 0;
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code === 10) {
      if (width > widest) widest = width;
      width = 0;
      continue;
    }
    if (code < 0x1100) {
      width++;
      continue;
    }
    // A surrogate pair is one character (the CJK extension planes are wide).
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    width += isWide(code) ? 2 : 1;
  }
  return width > widest ? width : widest;
}

/** East Asian Wide and Fullwidth characters (UAX #11), by their blocks. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Column widths: at least 6, the widest text plus a margin, at most 60 (longer texts wrap). */
export const MIN_WIDTH = 6;
export const MAX_WIDTH = 60;
export function columnWidth(widest: number): number {
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
}

/** A1-style column letters of a 0-based column index. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Where a finding points in the exported rows of its document: the table, the row within the document's rows, the column. */
export interface FindingPlace {
  /** Index into exportTables(). */
  table: number;
  /** 0-based row from the item's first row in the table (from the document's row in the documents sheet). */
  row: number;
  /** 0-based column (in header order), when the path reaches a column. */
  column?: number;
}

function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The column of `table` (header order) whose path starts `rest` (the longest such path), if any. */
function columnFor(table: TableLayout, rest: readonly string[]): number | undefined {
  const columns = columnsInOrder(table);
  let best: number | undefined;
  let bestLength = 0;
  columns.forEach((column, index) => {
    if (!column || (table.parentKey && index === 0)) return;
    const path = column.path;
    if (path.length > rest.length || path.length <= bestLength) return;
    if (path.every((key, i) => key === rest[i])) {
      best = index;
      bestLength = path.length;
    }
  });
  return best;
}

/**
 * The place of a finding in the rows of its document (`kind`): a path into an item's child list points at the
 * child sheet's row, into an item at the items sheet's row, else at the documents sheet's row. `item`: how many
 * entries each child list (index of the layout's children) of the item the path names holds; undefined when the
 * document has no such item. The row is counted from the item's first row in the table (from the document's row
 * in the documents sheet).
 */
export function findingPlace(
  kind: SheetDocumentKind,
  pointer: string | undefined,
  item: ((child: number) => number) | undefined,
): FindingPlace {
  const path = pointer === undefined ? [] : decodePointer(pointer);
  const layout = workbookLayout(kind);
  const documentsPlace = (): FindingPlace => ({ table: 0, row: 0, column: columnFor(documentsLayout(), path) });
  if (path[0] !== layout.listKey || path.length < 2 || !/^\d+$/.test(path[1]) || !item) return documentsPlace();
  const tables = exportTables();
  const rest = path.slice(2);
  const childIndex = layout.children.findIndex((child) => child.listPath.slice(1).every((key, i) => rest[i] === key));
  if (childIndex >= 0) {
    const child = layout.children[childIndex];
    const depth = child.listPath.length - 1;
    const entryIndex = rest[depth];
    if (entryIndex !== undefined && /^\d+$/.test(entryIndex) && Number(entryIndex) < item(childIndex)) {
      const table = tables.findIndex((t) => t.table === child);
      return { table, row: Number(entryIndex), column: columnFor(child, rest.slice(depth + 1)) };
    }
  }
  const table = tables.findIndex((t) => t.table === layout.items);
  return { table, row: 0, column: columnFor(layout.items, rest) };
}

const SEVERITY_TEXT: Record<Finding['severity'], Record<Locale, string>> = {
  error: { 'zh-CN': '错误', en: 'error' },
  warning: { 'zh-CN': '警告', en: 'warning' },
  info: { 'zh-CN': '提示', en: 'info' },
};

/** The findings sheet's headers (检查结果), in both languages' workbooks the same Chinese headers. */
export const FINDINGS_HEADERS = ['规则', '严重程度', '工作表', '单元格', '文件:行:列', '说明', '依据'] as const;

/** One row of the findings sheet. `sheet`/`cell`: where in the exported workbook, when the finding has a place. */
export function findingRow(
  finding: Finding,
  file: string,
  locale: Locale,
  where: { sheet: string; cell: string } | undefined,
): string[] {
  const { line, character } = finding.range.start;
  return [
    finding.ruleId,
    SEVERITY_TEXT[finding.severity][locale],
    where?.sheet ?? '',
    where?.cell ?? '',
    `${file}:${line + 1}:${character + 1}`,
    finding.message[locale],
    finding.clause ?? '',
  ];
}

/** The cell reference of a place once its row in the sheet is known (1-based, after the header row). */
export function placeCell(place: FindingPlace, sheetRow: number): string {
  return place.column === undefined ? `${sheetRow}:${sheetRow}` : `${columnLetters(place.column)}${sheetRow}`;
}

export { DOCUMENTS_SHEET };

/** The item list's key of a kind: `resources` or `assets`. */
export function workbookListKey(kind: SheetDocumentKind): 'resources' | 'assets' {
  return workbookLayout(kind).listKey;
}
