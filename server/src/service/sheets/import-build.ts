/**
 * `steward import`'s rows → documents. Rows arrive sheet by sheet (the host streams them from xlsx or CSV); two
 * kinds of workbook are understood:
 * - our own layout (layout.ts: sheets 单位, 数据资源/数据资产 and the child sheets, headers as written by
 *   `steward export`): every document is rebuilt, grouped by its 来源文件 cell (`a.catalog.yaml#2` = the second
 *   document of a.catalog.yaml);
 * - a unit's own table: the first sheet with a recognisable header row (or the sheet named), its columns mapped
 *   by their headers (headers.ts); one document, the unit's fields from the options or a marked placeholder.
 * Values go through values.ts; where each came from is kept (Origin) for the comments and the findings' cells.
 * Pure: the host does the reading.
 */
import type { LocalizedText, Severity } from '../types';
import { fillText } from '../i18n/template';
import type { TemplateArgs } from '../i18n/template';
import { findRule } from '../rules/registry';
import {
  documentsLayout,
  headersOf,
  KIND_HEADER,
  kindOfTitle,
  setValueAt,
  SOURCE_FILE_HEADER,
  workbookLayout,
} from './layout';
import type { Column, SheetDocumentKind, TableLayout } from './layout';
import { findHeaderRow, headerClashes, mapHeaders } from './headers';
import type { ColumnOverrides, MappedColumn } from './headers';
import { cellText, columnLetter, fieldValue, isEmptyCell } from './values';
import type { RawCell } from './values';
import type { Origin } from './yaml-out';

/** The placeholder DA-TODO-001 reports (the quick fixes' `待填写`). */
export const IMPORT_PLACEHOLDER = '待填写';
/** Rows looked at for a header row. */
export const HEADER_SEARCH_ROWS = 30;

/** Bad input: the host turns it into its SheetInputError (exit 2). */
export class ImportFault extends Error {
  constructor(
    readonly text: LocalizedText,
    readonly sheet?: string,
    readonly cell?: string,
  ) {
    super(text.en);
  }
}

export interface UnitFields {
  name?: string;
  code?: string;
  type?: string;
  supervisingDepartment?: string;
}

export interface SheetImportSettings {
  kind?: SheetDocumentKind;
  sheet?: string;
  columns?: ColumnOverrides;
  /** 1-based header row, from the mapping file. */
  headerRow?: number;
  unit?: UnitFields;
  /** The file of the output folder some of `unit`'s fields were taken from (the sheet and the options named none). */
  unitFrom?: string;
  asOf?: string;
  /** The input's name without folder and extension: the output file's base name. */
  baseName: string;
  maxItems: number;
}

/** A problem in a value (a formula's error, a row whose item is missing), reported with its cell. */
export interface ImportProblem {
  /** DA-IMPORT-001..003 (rules/import/), whose metadata gives the severity and the message. */
  ruleId: string;
  severity: Severity;
  message: LocalizedText;
  cell: string;
  origin?: Origin;
  field?: string;
  /** The output file (relative), when known. */
  file?: string;
}

export interface ImportedFile {
  /** Relative to the output folder, `/`-separated. */
  path: string;
  documents: Array<{
    kind: SheetDocumentKind;
    data: Record<string, unknown>;
    comments: string[];
    keyComments?: Record<string, string>;
  }>;
}

export interface ImportOutcome {
  mode: 'layout' | 'table';
  files: ImportedFile[];
  origins: WeakMap<object, Origin>;
  problems: ImportProblem[];
  items: number;
  /** The unit table's mapping (mode `table`). */
  table?: { sheet: string; headerRow: number; kind: SheetDocumentKind; columns: MappedColumn[] };
}

const KIND_FILE_SUFFIX: Record<SheetDocumentKind, string> = {
  DataResourceCatalog: 'catalog.yaml',
  DataAssetRegister: 'assets.yaml',
};

const both = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** A problem's rule, severity and message, from the import rule's metadata. */
function ruleProblem(
  ruleId: string,
  messageId: string,
  args: TemplateArgs,
): { ruleId: string; severity: Severity; message: LocalizedText } {
  const meta = findRule(ruleId)!;
  return { ruleId, severity: meta.severity, message: fillText(meta.messages[messageId], args) };
}

/** The message of DA-IMPORT-001 for each error value of a spreadsheet: what it means, for the office that meets it. */
const ERROR_MESSAGES: Readonly<Record<string, string>> = {
  '#REF!': 'referenceError',
  '#DIV/0!': 'divisionByZero',
  '#N/A': 'notFound',
  '#VALUE!': 'wrongType',
  '#NAME?': 'unknownName',
  '#NUM!': 'badNumber',
  '#NULL!': 'noIntersection',
};

/** DA-IMPORT-001 for a cell holding an error value, or a formula never computed: the value is kept, never dropped. */
function errorCellProblem(cell: { error: string; uncomputed?: boolean }) {
  if (cell.uncomputed) return ruleProblem('DA-IMPORT-001', 'uncomputed', { formula: cell.error });
  return ruleProblem('DA-IMPORT-001', ERROR_MESSAGES[cell.error.toUpperCase()] ?? 'errorValue', { error: cell.error });
}

interface LayoutSheet {
  table: TableLayout;
  kind?: SheetDocumentKind;
  /** header index → column (or the kind / source-file columns). */
  columns: Array<Column | 'kind' | 'source' | 'parent' | undefined>;
  letters: Map<string, string>;
  rows: Array<{ row: number; cells: RawCell[] }>;
}

/** Which layout table a sheet name and header row are, if any. */
function layoutTableOf(
  sheet: string,
  header: readonly string[],
): { table: TableLayout; kind?: SheetDocumentKind } | undefined {
  const candidates: Array<{ table: TableLayout; kind?: SheetDocumentKind }> = [{ table: documentsLayout() }];
  for (const kind of ['DataResourceCatalog', 'DataAssetRegister'] as const) {
    const layout = workbookLayout(kind);
    candidates.push({ table: layout.items, kind }, ...layout.children.map((table) => ({ table, kind })));
  }
  for (const candidate of candidates) {
    if (candidate.table.sheet !== sheet) continue;
    const expected = headersOf(candidate.table);
    if (header.at(-1) === SOURCE_FILE_HEADER && header[0] === expected[0]) return candidate;
  }
  return undefined;
}

/** Streams rows in; `finish` gives the documents. */
export class SheetImporter {
  private current?: {
    name: string;
    layout?: LayoutSheet;
    buffered: Array<{ row: number; cells: RawCell[] }>;
    table: boolean;
    skip: boolean;
  };
  private readonly layoutSheets: LayoutSheet[] = [];
  private readonly seen: string[] = [];
  private readonly origins = new WeakMap<object, Origin>();
  private readonly problems: ImportProblem[] = [];
  private table?: {
    sheet: string;
    headerRow: number;
    kind: SheetDocumentKind;
    columns: MappedColumn[];
    letters: Map<string, string>;
    /** The mapped columns in the schema's order, whatever the sheet's column order. */
    ordered: MappedColumn[];
  };
  private readonly items: Array<Record<string, unknown>> = [];
  private layoutItems = 0;
  private nonEmptyRows = 0;

  constructor(private readonly settings: SheetImportSettings) {}

  /** A new sheet begins. */
  sheet(name: string): void {
    this.flushHeaderSearch();
    const previous = this.current?.layout;
    if (previous?.kind && previous.table.listPath.length === 1) this.itemsDone.add(previous.kind);
    this.seen.push(name);
    const skip = this.settings.sheet !== undefined && this.settings.sheet !== name;
    this.current = { name, buffered: [], table: false, skip };
  }

  /** One row (1-based number) of the current sheet. */
  row(rowNumber: number, cells: RawCell[]): void {
    const current = this.current;
    if (!current || current.skip) return;
    if (cells.every(isEmptyCell)) return;
    this.nonEmptyRows++;
    if (current.layout) return this.layoutRow(current.layout, rowNumber, cells);
    if (current.table) return this.tableRow(rowNumber, cells);
    if (this.table) return; // the unit's table was found in an earlier sheet
    if (current.buffered.length === 0 && this.settings.sheet === undefined) {
      const header = cells.map(cellText);
      const found = layoutTableOf(current.name, header);
      if (found) {
        current.layout = this.startLayoutSheet(found, header);
        return;
      }
    }
    current.buffered.push({ row: rowNumber, cells });
    const wanted = this.settings.headerRow;
    if (wanted !== undefined ? rowNumber >= wanted : current.buffered.length >= HEADER_SEARCH_ROWS)
      this.flushHeaderSearch();
  }

  private startLayoutSheet(found: { table: TableLayout; kind?: SheetDocumentKind }, header: string[]): LayoutSheet {
    const byHeader = new Map(found.table.columns.map((column) => [column.header, column]));
    const letters = new Map<string, string>();
    const columns = header.map((text, index): LayoutSheet['columns'][number] => {
      if (index === 0 && found.table.parentKey) return 'parent';
      if (text === SOURCE_FILE_HEADER) return 'source';
      if (text === KIND_HEADER && found.table.kindColumn) return 'kind';
      const column = byHeader.get(text);
      if (column) letters.set(column.path.join('.'), columnLetter(index));
      else if (text !== '')
        this.problems.push({
          ...ruleProblem('DA-IMPORT-002', 'notAColumn', { header: text }),
          cell: `${found.table.sheet}!${columnLetter(index)}1`,
        });
      return column;
    });
    const sheet: LayoutSheet = { ...found, columns, letters, rows: [] };
    this.layoutSheets.push(sheet);
    return sheet;
  }

  private layoutRow(sheet: LayoutSheet, rowNumber: number, cells: RawCell[]): void {
    if (sheet.table.listPath.length === 1 && ++this.layoutItems > this.settings.maxItems) this.tooMany(rowNumber);
    if (!this.layoutPlace(sheet, rowNumber, cells)) sheet.rows.push({ row: rowNumber, cells });
  }

  private tooMany(rowNumber: number): never {
    const max = this.settings.maxItems;
    throw new ImportFault(
      both(
        `条目超过 ${max} 项（每个文件的上限），在第 ${rowNumber} 行停止读取`,
        `More than ${max} items (the limit per file); reading stopped at row ${rowNumber}`,
      ),
      this.current?.name,
      `${this.current?.name}!${rowNumber}:${rowNumber}`,
    );
  }

  /** Looks for the header row among the rows buffered so far; the rest of the sheet follows it, or is skipped. */
  private flushHeaderSearch(): void {
    const current = this.current;
    if (!current || current.table || current.layout || current.skip || this.table || current.buffered.length === 0)
      return;
    const rows = current.buffered;
    const wanted = this.settings.headerRow;
    const candidates = wanted !== undefined ? rows.filter((r) => r.row === wanted) : rows;
    const guess = findHeaderRow(
      candidates.map((r) => r.cells),
      this.settings.kind,
      this.settings.columns,
    );
    current.buffered = [];
    if (!guess) {
      current.skip = true;
      return;
    }
    const header = candidates[guess.rowIndex];
    const columns = mapHeaders(guess.kind, header.cells, this.settings.columns);
    const clashes = headerClashes(columns);
    if (clashes.length > 0) {
      const list = clashes.map((c) => `${c.letters.join('、')}（${c.what}）`).join('；');
      const listEn = clashes.map((c) => `${c.letters.join(', ')} (${c.what})`).join('; ');
      throw new ImportFault(
        both(
          `表头重复：列 ${list} 的表头相同或对应同一字段；请改表头或用 --map 指定`,
          `Duplicate headers: columns ${listEn} have the same header or map to the same field; rename them or use --map`,
        ),
        current.name,
        `${current.name}!${header.row}:${header.row}`,
      );
    }
    const letters = new Map<string, string>();
    for (const column of columns) if (column.column) letters.set(column.column.path.join('.'), column.letter);
    const ordered = columns
      .filter((c) => c.column)
      .sort((a, b) => order(guess.kind, a.column!) - order(guess.kind, b.column!));
    this.table = { sheet: current.name, headerRow: header.row, kind: guess.kind, columns, letters, ordered };
    current.table = true;
    for (const rest of rows.filter((r) => r.row > header.row)) this.tableRow(rest.row, rest.cells);
  }

  private tableRow(rowNumber: number, cells: RawCell[]): void {
    const table = this.table!;
    if (this.items.length >= this.settings.maxItems) this.tooMany(rowNumber);
    const item: Record<string, unknown> = {};
    const origin: Origin = { sheet: table.sheet, row: rowNumber, columns: table.letters };
    for (const mapped of table.ordered) this.setField(item, mapped.column!, cells[mapped.index], origin);
    this.origins.set(item, origin);
    this.items.push(item);
  }

  private setField(target: Record<string, unknown>, column: Column, cell: RawCell, origin: Origin): void {
    if (cell !== null && typeof cell === 'object' && 'error' in cell) {
      const field = column.path.join('.');
      this.problems.push({
        ...errorCellProblem(cell),
        origin,
        field,
        cell: `${origin.sheet}!${origin.columns.get(field) ?? ''}${origin.row}`,
      });
    }
    const value = fieldValue(cell, column);
    if (value !== undefined) setValueAt(target, column.path, value);
  }

  finish(): ImportOutcome {
    this.flushHeaderSearch();
    if (this.layoutSheets.some((sheet) => sheet.table.listPath.length === 1)) return this.finishLayout();
    if (!this.table) throw this.noTable();
    const kind = this.table.kind;
    const layout = workbookLayout(kind);
    const { data, keyComments } = this.tableDocument(kind);
    data[layout.listKey] = this.items;
    const { columns, ordered: _ordered, ...table } = this.table;
    return {
      mode: 'table',
      files: [
        {
          path: `${this.settings.baseName}.${KIND_FILE_SUFFIX[kind]}`,
          documents: [{ kind, data, comments: [], keyComments }],
        },
      ],
      origins: this.origins,
      problems: this.problems,
      items: this.items.length,
      table: { ...table, columns },
    };
  }

  private noTable(): ImportFault {
    const wanted = this.settings.sheet;
    if (wanted !== undefined && !this.seen.includes(wanted))
      return new ImportFault(
        both(
          `没有名为“${wanted}”的工作表（有：${this.seen.join('、')}）`,
          `No sheet named "${wanted}" (there are: ${this.seen.join(', ')})`,
        ),
      );
    if (this.nonEmptyRows === 0)
      return new ImportFault(
        both('工作表是空的：没有可导入的行', 'The sheet is empty: no rows to import'),
        wanted ?? this.seen[0],
      );
    return new ImportFault(
      both(
        `前 ${HEADER_SEARCH_ROWS} 行中没有可识别的表头行（至少两列应为已知列名，如“信息资源名称”“资产编号”）；请用 --map 指定列的对应关系`,
        `No recognisable header row in the first ${HEADER_SEARCH_ROWS} rows (at least two columns must have known names, such as 信息资源名称 or 资产编号); map the columns with --map`,
      ),
      wanted ?? this.seen.join(', '),
    );
  }

  /** The document's head for a unit's table: the unit's fields from the settings, else the placeholder. */
  private tableDocument(kind: SheetDocumentKind): {
    data: Record<string, unknown>;
    keyComments?: Record<string, string>;
  } {
    const unit = this.settings.unit ?? {};
    const missing = !unit.name || !unit.code || !unit.type;
    const data: Record<string, unknown> = { apiVersion: 'steward/v1', kind };
    if (this.settings.asOf) data.asOf = this.settings.asOf;
    const unitData: Record<string, unknown> = {
      name: unit.name ?? IMPORT_PLACEHOLDER,
      code: unit.code ?? IMPORT_PLACEHOLDER,
      type: unit.type ?? IMPORT_PLACEHOLDER,
    };
    if (unit.supervisingDepartment) unitData.supervisingDepartment = unit.supervisingDepartment;
    data.unit = unitData;
    return {
      data,
      keyComments: missing
        ? { unit: '表格中没有单位信息：请填写“待填写”处（或导入时用 --unit-name、--unit-code、--unit-type）' }
        : this.settings.unitFrom
          ? { unit: `单位信息取自输出目录中的 ${this.settings.unitFrom}` }
          : undefined,
    };
  }

  private readonly files = new Map<string, Map<number, LayoutDocument>>();
  private readonly sources = new Map<string, { path: string; index: number }>();
  /** Item sheets read to their end: child rows of their kind are placed as they come. */
  private readonly itemsDone = new Set<SheetDocumentKind>();
  private readonly childIds = new Map<object, Map<string, Record<string, unknown>>>();

  /** `cell`: the source cell, made only when the source is new (a message may need it). */
  private documentOf(source: string, cell: () => string, kind?: SheetDocumentKind): LayoutDocument | undefined {
    let place = this.sources.get(source);
    if (!place) this.sources.set(source, (place = splitSource(source, cell())));
    let file = this.files.get(place.path);
    if (!file) this.files.set(place.path, (file = new Map<number, LayoutDocument>()));
    let document = file.get(place.index);
    if (!document && kind) {
      document = { kind, data: { apiVersion: 'steward/v1', kind } };
      file.set(place.index, document);
    }
    return document;
  }

  /** One row of a layout sheet, placed at once, or kept until its items are known (a child sheet read first). */
  private layoutPlace(sheet: LayoutSheet, row: number, cells: RawCell[]): boolean {
    const depth = sheet.table.listPath.length;
    if (depth === 0) this.layoutDocumentRow(sheet, row, cells);
    else if (depth === 1) this.layoutItemRow(sheet, row, cells);
    else if (this.itemsDone.has(sheet.kind!)) this.layoutChildRow(sheet, row, cells);
    else return false;
    return true;
  }

  private finishLayout(): ImportOutcome {
    for (const sheet of this.layoutSheets)
      for (const { row, cells } of sheet.rows) this.layoutChildRow(sheet, row, cells);
    const out: ImportedFile[] = [];
    for (const [path, documents] of this.files) {
      const ordered = [...documents.entries()].sort((a, b) => a[0] - b[0]).map(([, d]) => d);
      out.push({ path, documents: ordered.map((d) => ({ ...d, comments: [] })) });
    }
    return { mode: 'layout', files: out, origins: this.origins, problems: this.problems, items: this.layoutItems };
  }

  private layoutDocumentRow(sheet: LayoutSheet, row: number, cells: RawCell[]): void {
    const source = this.sourceOf(sheet, row, cells);
    const kindIndex = sheet.columns.indexOf('kind');
    const kindText = cellText(cells[kindIndex]);
    const kind = kindOfTitle(kindText);
    if (!kind) {
      throw new ImportFault(
        both(
          `文档类型“${kindText}”不是“数据资源目录”或“数据资产登记”`,
          `Document kind "${kindText}" is neither 数据资源目录 nor 数据资产登记`,
        ),
        sheet.table.sheet,
        `${sheet.table.sheet}!${columnLetter(kindIndex)}${row}`,
      );
    }
    const document = this.documentOf(source.text, source.cell, kind)!;
    const data: Record<string, unknown> = { apiVersion: undefined, kind };
    const origin: Origin = { sheet: sheet.table.sheet, row, columns: sheet.letters };
    sheet.columns.forEach((column, index) => {
      if (typeof column === 'object') this.setField(data, column, cells[index], origin);
    });
    const list = document.data[workbookLayout(kind).listKey];
    document.data = data;
    if (list) data[workbookLayout(kind).listKey] = list;
    this.origins.set(data, origin);
  }

  private layoutItemRow(sheet: LayoutSheet, row: number, cells: RawCell[]): void {
    const kind = sheet.kind!;
    const source = this.sourceOf(sheet, row, cells);
    const document = this.documentOf(source.text, source.cell, kind)!;
    const item: Record<string, unknown> = {};
    const origin: Origin = { sheet: sheet.table.sheet, row, columns: sheet.letters };
    sheet.columns.forEach((column, index) => {
      if (typeof column === 'object') this.setField(item, column, cells[index], origin);
    });
    this.origins.set(item, origin);
    ((document.data[workbookLayout(kind).listKey] ??= []) as unknown[]).push(item);
  }

  private layoutChildRow(sheet: LayoutSheet, row: number, cells: RawCell[]): void {
    const kind = sheet.kind!;
    const listKey = workbookLayout(kind).listKey;
    const path = sheet.table.listPath.slice(1);
    const source = this.sourceOf(sheet, row, cells);
    const document = this.documentOf(source.text, source.cell);
    const id = cellText(cells[0]);
    let ids = document && this.childIds.get(document.data);
    if (document && !ids) {
      ids = new Map();
      for (const item of (document.data[listKey] ?? []) as Array<Record<string, unknown>>)
        if (!ids.has(String(item.id))) ids.set(String(item.id), item);
      this.childIds.set(document.data, ids);
    }
    const item = ids?.get(id);
    if (!item) {
      this.problems.push({
        ...ruleProblem('DA-IMPORT-003', 'notAnItem', { id, file: source.text }),
        cell: `${sheet.table.sheet}!A${row}`,
      });
      return;
    }
    const entry: Record<string, unknown> = {};
    const origin: Origin = { sheet: sheet.table.sheet, row, columns: sheet.letters };
    sheet.columns.forEach((column, index) => {
      if (typeof column === 'object') this.setField(entry, column, cells[index], origin);
    });
    this.origins.set(entry, origin);
    let holder = item;
    for (const key of path.slice(0, -1)) holder = (holder[key] ??= {}) as Record<string, unknown>;
    ((holder[path.at(-1)!] ??= []) as unknown[]).push(entry);
  }

  private sourceOf(sheet: LayoutSheet, row: number, cells: RawCell[]): { text: string; cell: () => string } {
    const index = sheet.columns.indexOf('source');
    const cell = () => `${sheet.table.sheet}!${columnLetter(index)}${row}`;
    const text = cellText(cells[index]);
    if (text === '')
      throw new ImportFault(both('来源文件为空', 'The source file (来源文件) is empty'), sheet.table.sheet, cell());
    return { text, cell };
  }
}

interface LayoutDocument {
  kind: SheetDocumentKind;
  data: Record<string, unknown>;
}

const ORDERS: Partial<Record<SheetDocumentKind, Map<Column, number>>> = {};
function order(kind: SheetDocumentKind, column: Column): number {
  const map = (ORDERS[kind] ??= new Map(workbookLayout(kind).items.columns.map((c, i) => [c, i])));
  return map.get(column) ?? 0;
}

/**
 * A 来源文件 cell: `dir/a.catalog.yaml` or `dir/a.catalog.yaml#2`, relative and inside the output folder (no `..`,
 * not absolute), `/`-separated.
 */
export function splitSource(source: string, cell: string): { path: string; index: number } {
  const match = /^(.*?)(?:#(\d+))?$/.exec(source)!;
  const path = match[1].replace(/\\/g, '/');
  const index = match[2] ? Number(match[2]) : 1;
  const parts = path.split('/');
  if (path === '' || /^[a-zA-Z]:/.test(path) || path.startsWith('/') || parts.includes('..') || index < 1) {
    throw new ImportFault(
      both(
        `来源文件“${source}”不是输出目录内的相对路径（不能是绝对路径，也不能含“..”）`,
        `The source file "${source}" is not a relative path inside the output folder (no absolute path, no "..")`,
      ),
      cell.split('!')[0],
      cell,
    );
  }
  return { path: parts.filter((p) => p !== '.' && p !== '').join('/'), index };
}
