/**
 * The rows of `steward export`, made while the files are checked: the check hands each item over as it parses it
 * (the service's `update` with `onItem`), so a file is read and parsed once. Each item's rows go to the spill
 * files at once; what remains in memory is, per item, its first row in each sheet of its kind — enough to place
 * the findings, which are known only once every file is checked (cross-file rules) — and each column's widest text.
 */
import {
  cellOf,
  columnsInOrder,
  documentRows,
  exportTables,
  findingPlace,
  findingRow,
  headersOf,
  MAX_WIDTH,
  placeCell,
  textWidth,
  workbookListKey,
} from '../service';
import type { Column, ExportTable, Finding, Locale, SheetDocumentKind, SheetValue } from '../service';
import { ownStrings } from './export-files';
import type { FirstPass, Source, Spill, SpillMark } from './export-files';

/** Numbers that grow without copying them one by one into a new array. */
class IntList {
  private data = new Int32Array(256);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  at(index: number): number {
    return this.data[index];
  }
  /** The numbers in an array of their own size. */
  trim(): void {
    this.data = this.data.slice(0, this.length);
  }
}

/**
 * Where one document's rows went. `firsts`: for each item, then once more after the last, the row (0-based, in
 * the whole sheet) each table of the kind had reached: an item's rows in a table run from its number to the next.
 */
export interface PlacedDocument {
  index: number;
  startLine: number;
  kind: SheetDocumentKind;
  /** Its row in the documents sheet (0-based). */
  documentRow: number;
  items: number;
  firsts: IntList;
}

/** The 来源文件 cell of a document: its file, and its number when it is not the file's first. */
function sourceName(shown: string, index: number): string {
  return index === 0 ? shown : `${shown}#${index + 1}`;
}

function partOf(rows: ReturnType<typeof documentRows>, entry: ExportTable): SheetValue[][] {
  if (entry.part === 'documents') return [rows.documents];
  if (entry.part === 'items') return rows.items;
  return rows.children[entry.part];
}

/** What a mark takes back: the rows made since. */
interface Mark {
  spill: SpillMark;
  rows: number[];
  sourceRows: number[];
  documents: number;
  items: number;
}

/** Makes the rows of the files, one file after the other, and keeps what placing their findings needs. */
export class RowMaker {
  private readonly tables = exportTables();
  private readonly columns: Array<Array<Column | undefined>>;
  /** The tables of each kind (indexes of exportTables()): its items table first, then its child tables. */
  private readonly kindTables: Record<SheetDocumentKind, number[]>;
  /** Rows made so far, per table. */
  private readonly rows: number[];
  private source: Source | undefined;
  private placed = new Map<number, PlacedDocument>();
  private current: PlacedDocument | undefined;
  private mark: Mark | undefined;

  constructor(
    private readonly pass: FirstPass,
    private readonly spill: Spill,
  ) {
    this.columns = this.tables.map(({ table }) => columnsInOrder(table));
    const ofKind = (kind: SheetDocumentKind) => this.tables.flatMap((entry, t) => (entry.kind === kind ? [t] : []));
    this.kindTables = {
      DataResourceCatalog: ofKind('DataResourceCatalog'),
      DataAssetRegister: ofKind('DataAssetRegister'),
    };
    this.rows = this.tables.map(() => 0);
    pass.widths = this.tables.map(({ table }) => headersOf(table).map((header) => textWidth(header) + 2));
  }

  /** Starts a file; `restart` takes its rows back (it is read again another way). */
  begin(source: Source): void {
    this.source = source;
    this.placed = new Map();
    this.current = undefined;
    this.mark = {
      spill: this.spill.mark(),
      rows: [...this.rows],
      sourceRows: [...source.rows],
      documents: this.pass.documents,
      items: this.pass.items,
    };
  }

  restart(): void {
    const mark = this.mark!;
    this.spill.rollback(mark.spill);
    mark.rows.forEach((rows, t) => (this.rows[t] = rows));
    this.source!.rows = [...mark.sourceRows];
    this.pass.documentRows.length = mark.documents;
    this.pass.documents = mark.documents;
    this.pass.items = mark.items;
    this.placed = new Map();
    this.current = undefined;
  }

  /** The next item of document `document` (its number in the file). */
  item(document: number, kind: SheetDocumentKind, value: unknown): void {
    const source = this.source!;
    let placed = this.current;
    if (!placed || placed.index !== document) placed = this.open(document, kind);
    const tables = this.kindTables[kind];
    for (const t of tables) placed.firsts.push(this.rows[t]);
    const rows = documentRows(kind, { [workbookListKey(kind)]: [value] }, sourceName(source.shown, document));
    for (const t of tables) {
      const part = partOf(rows, this.tables[t]);
      if (part.length === 0) continue;
      this.rows[t] += part.length;
      source.rows[t] += part.length;
      for (const row of part) {
        this.fit(t, row);
        this.spill.add(t, row);
      }
    }
    placed.items++;
    this.pass.items++;
  }

  /** A document's own row (after its items, if it has any). */
  head(document: { index: number; startLine: number; kind: SheetDocumentKind; head: unknown }): void {
    const placed = this.placed.get(document.index) ?? this.open(document.index, document.kind);
    this.close(placed);
    placed.startLine = document.startLine;
    placed.documentRow = this.rows[0];
    const row = ownStrings(
      documentRows(document.kind, document.head, sourceName(this.source!.shown, document.index)).documents,
    );
    this.fit(0, row);
    this.pass.documentRows.push(row);
    this.pass.documents++;
    this.rows[0]++;
    this.source!.rows[0]++;
  }

  /** The file's documents in order, each with its rows' places. */
  end(): PlacedDocument[] {
    const documents = [...this.placed.values()].sort((a, b) => a.index - b.index);
    this.placed = new Map();
    this.current = undefined;
    this.source = undefined;
    return documents;
  }

  private open(index: number, kind: SheetDocumentKind): PlacedDocument {
    if (this.current) this.close(this.current);
    const placed: PlacedDocument = { index, kind, startLine: 0, documentRow: 0, items: 0, firsts: new IntList() };
    this.placed.set(index, placed);
    this.current = placed;
    return placed;
  }

  /** Ends a document's items: the rows each table reached after its last. */
  private close(placed: PlacedDocument): void {
    const tables = this.kindTables[placed.kind];
    if (placed.firsts.length > placed.items * tables.length) return;
    for (const t of tables) placed.firsts.push(this.rows[t]);
    placed.firsts.trim();
    if (this.current === placed) this.current = undefined;
  }

  /** Widens the columns of table `t` to the texts of `row` (a text is at most twice its length wide). */
  private fit(t: number, row: readonly SheetValue[]): void {
    const widths = this.pass.widths[t];
    const columns = this.columns[t];
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (value === undefined || widths[c] >= MAX_WIDTH) continue;
      // A string is shown as it is, whatever its column.
      const text = typeof value === 'string' ? value : cellOf(columns[c], value).text;
      if (text.length * 2 <= widths[c]) continue;
      const width = textWidth(text);
      if (width > widths[c]) widths[c] = width;
    }
  }

  /**
   * The findings sheet's rows of a file's findings, each placed in the workbook: in the row of the item (or child
   * entry) its path names, else in its document's row; a finding above the first document has no place.
   */
  findingRows(findings: Finding[], shown: string, documents: PlacedDocument[], locale: Locale): string[][] {
    return findings.map((finding) => {
      let placed: PlacedDocument | undefined;
      for (const document of documents) if (document.startLine <= finding.range.start.line) placed = document;
      return findingRow(finding, shown, locale, placed && this.where(finding, placed));
    });
  }

  private where(finding: Finding, placed: PlacedDocument): { sheet: string; cell: string } {
    const tables = this.kindTables[placed.kind];
    const item = itemOf(finding.path, workbookListKey(placed.kind));
    let place;
    let firstRow: (table: number) => number;
    if (item !== undefined && item < placed.items) {
      const at = (i: number, k: number) => placed.firsts.at(i * tables.length + k);
      const entries = (child: number) => at(item + 1, child + 1) - at(item, child + 1);
      place = findingPlace(placed.kind, finding.path!.replace(/^(\/[^/]+\/)\d+/, '$10'), entries);
      firstRow = (table) => at(item, tables.indexOf(table));
    } else {
      place = findingPlace(placed.kind, finding.path, undefined);
      firstRow = () => placed.documentRow;
    }
    const sheet = this.tables[place.table].table.sheet;
    return { sheet, cell: placeCell(place, firstRow(place.table) + place.row + 2) };
  }
}

/** The item a finding's path names (`/assets/12/...` → 12), if any. */
function itemOf(pointer: string | undefined, listKey: string): number | undefined {
  const match = pointer === undefined ? null : /^\/([^/]+)\/(\d+)(?=\/|$)/.exec(pointer);
  return match && match[1] === listKey ? Number(match[2]) : undefined;
}
