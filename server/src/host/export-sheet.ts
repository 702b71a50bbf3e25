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
  documentIndexAt,
  documentRows,
  exportTables,
  FINDINGS_SHEET,
  findingPlace,
  findingRow,
  headersOf,
  placeCell,
  plainDocuments,
  textWidth,
} from '../service';
import type { CodeTable, ExportTable, Finding, Locale, PlainDocument, SheetValue, StewardConfig } from '../service';
import { configIn, readConfigFile } from './config';
import { readCodeTableFile } from './code-table';
import { discoverFiles } from './discover';
import { loadIgnores, withoutIgnored } from './ignore';
import { DEFAULT_MAX_FILE_MB, readTextFile } from './read';
import type { ReadOptions } from './read';
import { toPosix } from './paths';
import { SheetInputError } from './sheet-errors';
import { exportText } from './export-messages';
import { Pending, writeError } from './export-files';
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

/** The common folder of the files. */
function baseOf(files: string[]): string {
  let base = path.dirname(files[0]);
  for (const file of files.slice(1)) {
    while (path.relative(base, file).startsWith('..')) base = path.dirname(base);
  }
  return base;
}

/** The 来源文件 cell of a document: its file, and its number when it is not the file's first. */
function sourceName(shown: string, index: number): string {
  return index === 0 ? shown : `${shown}#${index + 1}`;
}

interface Setup {
  config: StewardConfig | undefined;
  codeTable: CodeTable | undefined;
  root: string;
}

/** The configuration that governs the inputs (found upward from their folder), as `validate` would use it. */
function loadSetup(start: string, locale: Locale, reads: ReadOptions): Setup {
  let file: string | undefined;
  for (let dir = start; ; dir = path.dirname(dir)) {
    file = configIn(dir);
    if (file || path.dirname(dir) === dir) break;
  }
  if (!file) return { config: undefined, codeTable: undefined, root: start };
  const root = path.dirname(file);
  const read = readConfigFile(file, file, reads);
  if (!read.ok || read.findings.some((f) => f.severity === 'error'))
    throw new SheetInputError(exportText(locale, 'configInvalid', file), { file });
  let codeTable: CodeTable | undefined;
  if (read.config.codeTable) {
    const tableFile = path.resolve(root, read.config.codeTable);
    const table = readCodeTableFile(tableFile, tableFile, { ...reads, within: root });
    if (!table.ok) throw new SheetInputError(exportText(locale, 'codeTableUnreadable', tableFile), { file: tableFile });
    codeTable = table.table;
  }
  return { config: read.config, codeTable, root };
}

/** The files to export: discovered as `validate` discovers them, less the ignored ones. */
function inputFiles(paths: string[], cwd: string, locale: Locale): { files: string[]; setup: Setup } {
  const reads: ReadOptions = { maxBytes: DEFAULT_MAX_FILE_MB * 1024 * 1024 };
  const setup = loadSetup(cwd, locale, reads);
  const discovery = discoverFiles(paths, cwd, locale, setup.config?.files);
  const named = new Set(paths.map((input) => path.resolve(cwd, input)));
  const kept = withoutIgnored(discovery.files, named, loadIgnores(setup.root, setup.config?.ignores));
  if (kept.files.length === 0) throw new SheetInputError(exportText(locale, 'noFiles'));
  return { files: kept.files, setup };
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

/** Reads a file and its steward documents as plain data (an unreadable file has none). */
function readDocuments(
  service: ReturnType<typeof createStewardService>,
  source: { file: string; shown: string },
  reads: ReadOptions,
): PlainDocument[] {
  const read = readTextFile(source.file, reads);
  if (!read.ok) return [];
  return plainDocuments(service.parse(source.shown, read.text));
}

/**
 * Every file is checked (the findings need the whole workspace), then read again to count its rows per sheet, to
 * fit the columns to their texts and to place each finding in the workbook.
 */
function firstPass(files: string[], base: string, setup: Setup, locale: Locale, reads: ReadOptions): FirstPass {
  const service = createStewardService({
    config: setup.config,
    codeTable: setup.codeTable,
    reportForeignDocuments: true,
    configPath: (shown) => toPosix(path.relative(setup.root, path.resolve(base, shown))),
  });
  const tables = TABLES();
  const skipped = new Map<string, Finding>();
  const sources: Source[] = files.map((file) => {
    const shown = toPosix(path.relative(base, file));
    const read = readTextFile(file, reads);
    if (read.ok) service.update(shown, read.text, { retain: false });
    else skipped.set(shown, read.finding);
    return { file, shown, rows: tables.map(() => 0), findings: [] };
  });
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
  for (const source of sources) {
    const skip = skipped.get(source.shown);
    source.findings = skip ? [skip] : service.findings(source.shown);
    const read = skip ? undefined : readTextFile(source.file, reads);
    const parsed = read?.ok ? service.parse(source.shown, read.text) : undefined;
    const documents = parsed ? plainDocuments(parsed) : [];
    const firstRow = documents.map(() => tables.map(() => 0));
    documents.forEach((document, d) => {
      const rows = documentRows(document.kind, document.data, sourceName(source.shown, document.index));
      pass.documents++;
      pass.items += rows.items.length;
      tables.forEach((entry, t) => {
        if (entry.kind !== undefined && entry.kind !== document.kind) return;
        const part = partOf(rows, entry);
        firstRow[d][t] = totals[t] + source.rows[t];
        source.rows[t] += part.length;
        const columns = columnsInOrder(entry.table);
        const widths = pass.widths[t];
        for (const row of part)
          row.forEach((value, c) => {
            const width = textWidth(cellOf(columns[c], value).text);
            if (width > widths[c]) widths[c] = width;
          });
      });
      pass.documentRows.push(rows.documents);
    });
    tables.forEach((_, t) => (totals[t] += source.rows[t]));
    for (const finding of source.findings) {
      pass.findings++;
      if (finding.severity === 'error') pass.errors++;
      let where: { sheet: string; cell: string } | undefined;
      if (parsed && documents.length > 0) {
        const index = documentIndexAt(parsed, parsed.lines.offsetAt(finding.range.start));
        const d = documents.findIndex((document) => document.index === index);
        if (d >= 0) {
          const place = findingPlace(documents[d].kind, documents[d].data, finding.path);
          where = {
            sheet: tables[place.table].table.sheet,
            cell: placeCell(place, firstRow[d][place.table] + place.row + 2),
          };
        }
      }
      pass.findingRows.push(findingRow(finding, source.shown, locale, where));
    }
  }
  return pass;
}

function partOf(rows: ReturnType<typeof documentRows>, entry: ExportTable): SheetValue[][] {
  if (entry.part === 'documents') return [rows.documents];
  if (entry.part === 'items') return rows.items;
  return rows.children[entry.part];
}

/** The rows of one table, file by file (each file read again): what the writers write. */
function* tableRows(t: number, pass: FirstPass, reads: ReadOptions): Generator<SheetValue[]> {
  const entry = TABLES()[t];
  if (entry.part === 'documents') {
    yield* pass.documentRows;
    return;
  }
  const service = createStewardService();
  for (const source of pass.sources) {
    if (source.rows[t] === 0) continue;
    for (const document of readDocuments(service, source, reads)) {
      if (document.kind !== entry.kind) continue;
      const rows = documentRows(document.kind, document.data, sourceName(source.shown, document.index));
      yield* partOf(rows, entry);
    }
  }
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
  const { files, setup } = inputFiles(options.paths, cwd, locale);
  const base = baseOf(files);
  if (options.format === 'dcat-jsonld') return exportDcat(files, base, out, options, reads);
  const pass = firstPass(files, base, setup, locale, reads);
  const tables = nonEmpty(pass);
  const result = { documents: pass.documents, items: pass.items, findings: pass.findings, errors: pass.errors };
  if (options.format === 'csv') {
    const targets = [...tables.map((t) => TABLES()[t].table.sheet), FINDINGS_SHEET].map((sheet) =>
      csvTarget(out, sheet),
    );
    for (const target of targets) checkTarget(target, options.force, locale);
    const { writeCsv } = await import('./export-csv');
    const written = writeCsv(targets, tables, pass, (t) => tableRows(t, pass, reads), locale, options.onProgress);
    return { written, ...result };
  }
  const { writeXlsx } = await import('./export-xlsx');
  await writeXlsx(out, tables, pass, (t) => tableRows(t, pass, reads), locale, options.onProgress);
  return { written: [out], ...result };
}

function exportDcat(
  files: string[],
  base: string,
  out: string,
  options: ExportSheetOptions,
  reads: ReadOptions,
): ExportSheetResult {
  const service = createStewardService();
  const catalogs: unknown[] = [];
  let documents = 0;
  let items = 0;
  for (const file of files) {
    for (const document of readDocuments(service, { file, shown: toPosix(path.relative(base, file)) }, reads)) {
      documents++;
      if (document.kind !== 'DataResourceCatalog') continue;
      catalogs.push(document.data);
      const resources = (document.data as { resources?: unknown }).resources;
      items += Array.isArray(resources) ? resources.length : 0;
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
