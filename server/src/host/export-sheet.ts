/**
 * `steward export`: catalogs and registers out to a workbook (xlsx, streamed with exceljs), one CSV per sheet, or
 * DCAT-AP 3 JSON-LD. Both shells call it (the CLI, the language server's executeCommand).
 *
 * Each file is read and parsed once: the check (as `validate` checks) hands its items over one at a time, and
 * their rows wait in temporary files, one per sheet (a zip holds one entry at a time: a sheet written beside
 * another would wait in memory). The findings, known once every file is checked, are placed in the workbook from
 * what each item's rows left (their first rows). Memory holds the largest file and the workspace index, not the
 * export. Everything is written to a temporary name beside the target and renamed over it at the end: an
 * interrupted run leaves no partial output.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  checkedDocuments,
  createStewardService,
  dcatCatalog,
  exportTables,
  FINDINGS_SHEET,
  streamDocuments,
} from '../service';
import type { ExportTable, Locale, SheetDocumentKind, StewardService, StreamedDocument } from '../service';
import { baseOf, inputFiles } from './inputs';
import type { Setup } from './inputs';
import { DEFAULT_MAX_FILE_MB, readTextFile } from './read';
import type { ReadOptions } from './read';
import { toPosix } from './paths';
import { SheetInputError } from './sheet-errors';
import { exportText } from './export-messages';
import { Pending, Spill, writeError } from './export-files';
import { collectGarbage } from './gc';
import type { FirstPass, Source, SpilledRow } from './export-files';
import { RowMaker } from './export-rows';
import type { PlacedDocument } from './export-rows';

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

/**
 * A file checked as `validate` checks it, its rows made from the same parse (the check hands each item over; a
 * file it parses whole after all, for an alias to an anchor in another item, has its rows taken back and made
 * again from that parse). A file whose items the check does not hand over (a list in flow style, too many items)
 * is read again item by item.
 */
function checkFile(service: StewardService, source: Source, text: string, maker: RowMaker): PlacedDocument[] {
  maker.begin(source);
  let seen: number[] = [];
  const visitItems = {
    item(document: { index: number; kind?: SheetDocumentKind }, value: unknown) {
      seen[document.index] = (seen[document.index] ?? 0) + 1;
      maker.item(document.index, document.kind!, value);
    },
    restart() {
      seen = [];
      maker.restart();
    },
  };
  const { document: parsed } = service.update(source.shown, text, { retain: false, visitItems });
  const documents = checkedDocuments(parsed);
  const whole = documents.length > 0 && documents.every((d) => d.listed === 0 && (seen[d.index] ?? 0) === d.items);
  if (!whole) {
    maker.restart();
    for (const document of streamDocuments(source.shown, text)) {
      for (const item of document.items) maker.item(document.index, document.kind, item);
      maker.head(document);
    }
    return maker.end();
  }
  for (const document of documents) maker.head(document);
  return maker.end();
}

/**
 * Every file checked and its rows made, then each file's findings (they need the whole workspace) placed in the
 * workbook. The service goes when this returns: the workbook is written with the workspace index gone.
 */
function firstPass(files: string[], base: string, setup: Setup, locale: Locale, reads: ReadOptions, spill: Spill) {
  const service = createStewardService({
    config: setup.config,
    codeTable: setup.codeTable,
    reportForeignDocuments: true,
    configPath: (shown) => toPosix(path.relative(setup.root, path.resolve(base, shown))),
  });
  const pass: FirstPass = {
    sources: [],
    documentRows: [],
    widths: [],
    findingRows: [],
    documents: 0,
    items: 0,
    errors: 0,
    findings: 0,
  };
  const maker = new RowMaker(pass, spill);
  const placed: PlacedDocument[][] = [];
  for (const file of files) {
    const source: Source = { file, shown: toPosix(path.relative(base, file)), rows: TABLES().map(() => 0) };
    const read = readTextFile(file, reads);
    if (read.ok) placed.push(checkFile(service, source, read.text, maker));
    else {
      source.unreadable = read.finding;
      placed.push([]);
    }
    pass.sources.push(source);
  }
  pass.sources.forEach((source, s) => {
    const findings = source.unreadable ? [source.unreadable] : service.findings(source.shown);
    pass.findings += findings.length;
    pass.errors += findings.filter((finding) => finding.severity === 'error').length;
    for (const row of maker.findingRows(findings, source.shown, placed[s], locale)) pass.findingRows.push(row);
  });
  return pass;
}

/** The rows of one table: the 单位 rows kept, the others read back from the spill file. */
function* tableRows(t: number, pass: FirstPass, spill: Spill): Generator<ReadonlyArray<SpilledRow[number]>> {
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
    const written = writeCsv(targets, tables, pass, (t) => tableRows(t, pass, spill), locale, {
      replace: options.force === true,
      onProgress: options.onProgress,
    });
    return { written, ...result };
  }
  const { writeXlsx } = await import('./export-xlsx');
  await writeXlsx(out, tables, pass, (t) => tableRows(t, pass, spill), locale, {
    replace: options.force === true,
    onProgress: options.onProgress,
  });
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
    pending.commit(options.force === true);
  } catch (error) {
    pending.discard();
    throw writeError(error, out, options.locale);
  }
  options.onProgress?.(items);
  return { written: [out], documents, items, findings: 0, errors: 0 };
}
