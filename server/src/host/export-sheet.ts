/**
 * `steward export`: catalogs and registers out to a workbook (xlsx, streamed with exceljs), one CSV per sheet, or
 * DCAT-AP 3 JSON-LD. Both shells call it (the CLI, the language server's executeCommand).
 *
 * Memory stays bounded by the largest file, not the export: the files are checked first (their findings kept),
 * then read again for each sheet in turn, so that the workbook's sheets are written one after the other (a zip
 * holds one entry at a time: a sheet written beside another would wait in memory). Everything is written to a
 * temporary name beside the target and renamed over it at the end: an interrupted run leaves no partial output.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  cellOf,
  columnsInOrder,
  createStewardService,
  dcatCatalog,
  documentRows,
  exportTables,
  FINDINGS_SHEET,
  findingPlace,
  findingRow,
  headersOf,
  placeCell,
  streamDocuments,
  workbookListKey,
  textWidth,
} from '../service';
import type { ExportTable, Finding, Locale, SheetDocumentKind, SheetValue, StreamedDocument } from '../service';
import { baseOf, inputFiles } from './inputs';
import type { Setup } from './inputs';
import { DEFAULT_MAX_FILE_MB, readTextFile } from './read';
import type { ReadOptions } from './read';
import { toPosix } from './paths';
import { SheetInputError } from './sheet-errors';
import { exportText } from './export-messages';
import { collectGarbage, ownStrings, Pending, Spill, writeError } from './export-files';
import type { FirstPass, Source } from './export-files';

export interface ExportSheetOptions {
  /** Files or folders, discovered like `steward validate` (host/discover.ts). */
  paths: string[];
  format: 'xlsx' | 'csv' | 'dcat-jsonld';
  out: string;
  force?: boolean;
  locale: 'zh-CN' | 'en';
  onProgress?: (itemsWritten: number) => void;
  /** dcat-jsonld: the IRIs' base instead of `urn:steward:` (see service/sheets/dcat.ts). */
  baseIri?: string;
  /** Beyond the contract: the folder relative paths start from (default: the process's working directory). */
  cwd?: string;
}

export interface ExportSheetResult {
  written: string[];
  documents: number;
  items: number;
  findings: number;
  /** Beyond the contract: how many of the findings are errors (the CLI exits 1 then). */
  errors: number;
}

const TABLES = (): ExportTable[] => exportTables();

/** The 来源文件 cell of a document: its file, and its number when it is not the file's first. */
function sourceName(shown: string, index: number): string {
  return index === 0 ? shown : `${shown}#${index + 1}`;
}

/** The files written, or that would be: the target, or one CSV per sheet. */
function csvTarget(out: string, sheet: string): string {
  const base = out.replace(/\.csv$/i, '');
  return `${base}-${sheet}.csv`;
}

/** The target's folder exists and is writable; the target is not there, or --force. Exit 2 otherwise. */
function checkTarget(target: string, force: boolean | undefined, locale: Locale): void {
  const folder = path.dirname(target);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw new SheetInputError(exportText(locale, 'folderMissing', folder), { file: target });
  }
  if (!stat.isDirectory()) throw new SheetInputError(exportText(locale, 'folderMissing', folder), { file: target });
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    throw new SheetInputError(exportText(locale, 'folderUnwritable', folder), { file: target });
  }
  if (fs.existsSync(target)) {
    if (!force) throw new SheetInputError(exportText(locale, 'exists', target), { file: target });
    if (fs.statSync(target).isDirectory())
      throw new SheetInputError(exportText(locale, 'targetIsFolder', target), { file: target });
  }
}

/** A file's steward documents, item by item (an unreadable file has none). */
function streamFile(source: { file: string; shown: string }, reads: ReadOptions): Iterable<StreamedDocument> {
  const read = readTextFile(source.file, reads);
  return read.ok ? streamDocuments(source.shown, read.text) : [];
}

/** The one-item document whose rows are an item's rows. */
function withItem(document: StreamedDocument, item: unknown): Record<string, unknown> {
  return { ...document.head, [workbookListKey(document.kind)]: [item] };
}

/** The item a finding's path names (`/assets/12/...` → 12), if any. */
function itemOf(pointer: string | undefined, listKey: string): number | undefined {
  const match = pointer === undefined ? null : /^\/([^/]+)\/(\d+)(?=\/|$)/.exec(pointer);
  return match && match[1] === listKey ? Number(match[2]) : undefined;
}

/** Places a file's findings (in `where`, by finding) while its items stream past, and fits the widths. */
class FilePlacer {
  private readonly byDocument: number[][];
  constructor(
    private readonly findings: Finding[],
    documents: Array<{ startLine: number }>,
  ) {
    this.byDocument = documents.map(() => []);
    findings.forEach((finding, f) => {
      let d = -1;
      documents.forEach((document, index) => {
        if (document.startLine <= finding.range.start.line) d = index;
      });
      if (d >= 0) this.byDocument[d].push(f);
    });
  }
  readonly where: Array<{ sheet: string; cell: string } | undefined> = [];

  /**
   * Places the findings of document `d` in item `item` (`data`: the document with that item alone), or, item
   * undefined, those left once its items are done (`data`: the document without items: its 单位 row).
   */
  place(d: number, kind: SheetDocumentKind, data: unknown, item: number | undefined, firstRows: number[]): void {
    const listKey = workbookListKey(kind);
    for (const f of this.byDocument[d]) {
      if (this.where[f] !== undefined) continue;
      const finding = this.findings[f];
      if (item !== undefined && itemOf(finding.path, listKey) !== item) continue;
      const pointer = item === undefined ? finding.path : finding.path!.replace(/^(\/[^/]+\/)\d+/, '$10');
      const place = findingPlace(kind, data, pointer);
      const sheet = TABLES()[place.table].table.sheet;
      this.where[f] = { sheet, cell: placeCell(place, firstRows[place.table] + place.row + 2) };
    }
  }
}

/**
 * Every file checked, as `validate` checks it: its findings (a file that cannot be read: why). The service goes
 * when this returns: the rows are made with the workspace index gone.
 */
function checkAll(files: string[], base: string, setup: Setup, reads: ReadOptions): Source[] {
  const service = createStewardService({
    config: setup.config,
    codeTable: setup.codeTable,
    reportForeignDocuments: true,
    configPath: (shown) => toPosix(path.relative(setup.root, path.resolve(base, shown))),
  });
  const tables = TABLES();
  const sources: Source[] = files.map((file) => {
    const shown = toPosix(path.relative(base, file));
    const read = readTextFile(file, reads);
    if (read.ok) service.update(shown, read.text, { retain: false });
    return { file, shown, rows: tables.map(() => 0), findings: read.ok ? [] : [read.finding], skipped: !read.ok };
  });
  for (const source of sources) if (!source.skipped) source.findings = service.findings(source.shown);
  return sources;
}

/**
 * Every file is checked (the findings need the whole workspace), then read again item by item to count its rows
 * per sheet, to fit the columns to their texts and to place each finding in the workbook.
 */
function firstPass(
  files: string[],
  base: string,
  setup: Setup,
  locale: Locale,
  reads: ReadOptions,
  spill: Spill,
): FirstPass {
  const tables = TABLES();
  const sources = checkAll(files, base, setup, reads);
  collectGarbage();
  const pass: FirstPass = {
    sources,
    documentRows: [],
    widths: tables.map(({ table }) => headersOf(table).map((header) => textWidth(header) + 2)),
    findingRows: [],
    documents: 0,
    items: 0,
    errors: 0,
    findings: 0,
  };
  const totals = tables.map(() => 0);
  const fit = (t: number, rows: readonly SheetValue[][]) => {
    const columns = columnsInOrder(tables[t].table);
    const widths = pass.widths[t];
    for (const row of rows)
      row.forEach((value, c) => {
        if (value === undefined) return;
        const text = cellOf(columns[c], value).text;
        // A text is at most twice its length wide: most cells need no count.
        if (text.length * 2 <= widths[c]) return;
        const width = textWidth(text);
        if (width > widths[c]) widths[c] = width;
      });
  };
  for (const source of sources) {
    const documents = source.skipped ? [] : [...streamFile(source, reads)];
    const placer = new FilePlacer(source.findings, documents);
    documents.forEach((document, d) => {
      const name = sourceName(source.shown, document.index);
      const head = ownStrings(documentRows(document.kind, document.head, name).documents);
      pass.documents++;
      pass.documentRows.push(head);
      fit(0, [head]);
      const documentRow = totals[0] + source.rows[0];
      source.rows[0]++;
      let index = 0;
      for (const item of document.items) {
        const data = withItem(document, item);
        const rows = documentRows(document.kind, data, name);
        const firstRows = tables.map((_, t) => totals[t] + source.rows[t]);
        tables.forEach((entry, t) => {
          if (t === 0 || entry.kind !== document.kind) return;
          const part = partOf(rows, entry);
          source.rows[t] += part.length;
          fit(t, part);
          for (const row of part) spill.add(t, row);
        });
        placer.place(d, document.kind, data, index, firstRows);
        pass.items++;
        index++;
      }
      placer.place(d, document.kind, document.head, undefined, [documentRow]);
    });
    tables.forEach((_, t) => (totals[t] += source.rows[t]));
    source.findings.forEach((finding, f) => {
      pass.findings++;
      if (finding.severity === 'error') pass.errors++;
      pass.findingRows.push(findingRow(finding, source.shown, locale, placer.where[f]));
    });
  }
  return pass;
}

function partOf(rows: ReturnType<typeof documentRows>, entry: ExportTable): SheetValue[][] {
  if (entry.part === 'documents') return [rows.documents];
  if (entry.part === 'items') return rows.items;
  return rows.children[entry.part];
}

/** The rows of one table: the 单位 rows kept, the others read back from the spill file. */
function* tableRows(t: number, pass: FirstPass, spill: Spill): Generator<SheetValue[]> {
  if (TABLES()[t].part === 'documents') yield* pass.documentRows;
  else yield* spill.rows(t);
}

/** The tables that have rows, by index. */
function nonEmpty(pass: FirstPass): number[] {
  return TABLES()
    .map((_, t) => t)
    .filter((t) => pass.sources.some((source) => source.rows[t] > 0));
}

export async function exportSheet(options: ExportSheetOptions): Promise<ExportSheetResult> {
  const { locale } = options;
  const cwd = options.cwd ?? process.cwd();
  const out = path.resolve(cwd, options.out);
  const reads: ReadOptions = { maxBytes: DEFAULT_MAX_FILE_MB * 1024 * 1024, limitOption: undefined };
  // The target is checked before any work (and again per CSV once the sheets are known).
  checkTarget(options.format === 'csv' ? csvTarget(out, FINDINGS_SHEET) : out, options.force, locale);
  const { files, setup } = inputFiles(options.paths, cwd, locale, exportText(locale, 'noFiles'));
  const base = baseOf(files);
  if (options.format === 'dcat-jsonld') return exportDcat(files, base, out, options, reads);
  const spill = new Spill(TABLES().length);
  try {
    return await writeTables(out, options, firstPass(files, base, setup, locale, reads, spill), spill);
  } finally {
    spill.remove();
  }
}

async function writeTables(
  out: string,
  options: ExportSheetOptions,
  pass: FirstPass,
  spill: Spill,
): Promise<ExportSheetResult> {
  const { locale } = options;
  spill.finish();
  collectGarbage();
  const tables = nonEmpty(pass);
  const result = { documents: pass.documents, items: pass.items, findings: pass.findings, errors: pass.errors };
  if (options.format === 'csv') {
    const targets = [...tables.map((t) => TABLES()[t].table.sheet), FINDINGS_SHEET].map((sheet) =>
      csvTarget(out, sheet),
    );
    for (const target of targets) checkTarget(target, options.force, locale);
    const { writeCsv } = await import('./export-csv');
    const written = writeCsv(targets, tables, pass, (t) => tableRows(t, pass, spill), locale, options.onProgress);
    return { written, ...result };
  }
  const { writeXlsx } = await import('./export-xlsx');
  await writeXlsx(out, tables, pass, (t) => tableRows(t, pass, spill), locale, options.onProgress);
  return { written: [out], ...result };
}

function exportDcat(
  files: string[],
  base: string,
  out: string,
  options: ExportSheetOptions,
  reads: ReadOptions,
): ExportSheetResult {
  const catalogs: unknown[] = [];
  let documents = 0;
  let items = 0;
  for (const file of files) {
    for (const document of streamFile({ file, shown: toPosix(path.relative(base, file)) }, reads)) {
      documents++;
      if (document.kind !== 'DataResourceCatalog') continue;
      const resources = [...document.items];
      catalogs.push({ ...document.head, resources });
      items += resources.length;
    }
  }
  if (catalogs.length === 0) throw new SheetInputError(exportText(options.locale, 'noCatalog'));
  const pending = new Pending(out);
  try {
    fs.writeFileSync(
      pending.temporary,
      JSON.stringify(dcatCatalog(catalogs, { baseIri: options.baseIri }), null, 2) + '\n',
      {
        flag: 'wx',
      },
    );
    pending.commit();
  } catch (error) {
    pending.discard();
    throw writeError(error, out, options.locale);
  }
  options.onProgress?.(items);
  return { written: [out], documents, items, findings: 0, errors: 0 };
}
