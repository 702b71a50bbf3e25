/**
 * What `steward export` writes into the workbook layout (layout.ts), as pure data: each cell's type and shown
 * text, the width of a column's texts, the sheet and cell a finding points at, and each document's plain data.
 * The host writes the files (xlsx with exceljs, csv with csv-stringify); everything it decides about a cell is here.
 */
import type { Finding, Locale } from '../types';
import type { StewardDocument } from '../parser/model';
import { toPlainValue } from '../parser/convert';
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
  for (const line of text.split('\n')) {
    let width = 0;
    for (const char of line) width += isWide(char.codePointAt(0)!) ? 2 : 1;
    if (width > widest) widest = width;
  }
  return widest;
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
  /** 0-based row among this document's rows of the table. */
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
 * The place of a finding in the rows of its document (`kind`, `data`): a path into an item's child list points at
 * the child sheet's row, into an item at the items sheet's row, else at the documents sheet's row.
 */
export function findingPlace(kind: SheetDocumentKind, data: unknown, pointer: string | undefined): FindingPlace {
  const tables = exportTables();
  const path = pointer === undefined ? [] : decodePointer(pointer);
  const layout = workbookLayout(kind);
  const documentsPlace = (): FindingPlace => ({ table: 0, row: 0, column: columnFor(documentsLayout(), path) });
  if (path[0] !== layout.listKey || path.length < 2 || !/^\d+$/.test(path[1])) return documentsPlace();
  const itemIndex = Number(path[1]);
  const list = (data as Record<string, unknown> | null)?.[layout.listKey];
  const items = Array.isArray(list) ? list : [];
  if (itemIndex >= items.length) return documentsPlace();
  const rest = path.slice(2);
  const childIndex = layout.children.findIndex((child) => child.listPath.slice(1).every((key, i) => rest[i] === key));
  if (childIndex >= 0) {
    const child = layout.children[childIndex];
    const depth = child.listPath.length - 1;
    const entryIndex = rest[depth];
    const entries = (item: unknown) => {
      let value: unknown = item;
      for (const key of child.listPath.slice(1)) value = (value as Record<string, unknown> | null)?.[key];
      return Array.isArray(value) ? value.length : 0;
    };
    if (entryIndex !== undefined && /^\d+$/.test(entryIndex) && Number(entryIndex) < entries(items[itemIndex])) {
      let row = Number(entryIndex);
      for (let i = 0; i < itemIndex; i++) row += entries(items[i]);
      const table = tables.findIndex((t) => t.table === child);
      return { table, row, column: columnFor(child, rest.slice(depth + 1)) };
    }
  }
  const table = tables.findIndex((t) => t.table === layout.items);
  return { table, row: itemIndex, column: columnFor(layout.items, rest) };
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
