/**
 * `steward import` in the host: reads a workbook (xlsx, streamed) or a CSV (encoding detected), turns its rows into
 * documents (service: SheetImporter), writes them as YAML files under the output folder — all or none, each file
 * atomically, never over an existing file without `force` — and validates them, each finding naming the cell its
 * value came from. Used by the CLI and the language server alike.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  columnOfTarget,
  createStewardService,
  DEFAULT_MAX_ITEMS,
  findRule,
  ImportFault,
  ruleCitation,
  SheetImporter,
  writeYaml,
} from '../service';
import type { Finding, ImportOutcome, ImportProblem, MappedColumn, UnitFields, YamlSources } from '../service';
import { SheetInputError } from './sheet-errors';
import { checkZip, MAX_INFLATED_BYTES, MAX_RATIO } from './zip-check';
import { csvRows } from './csv-rows';
import { openXlsx } from './xlsx-rows';
import { readImportMap } from './import-map-file';
import { unitInFolder } from './import-unit';
import { collectGarbage } from './gc';
import { CommitError, commitFiles } from './commit-files';

export interface ImportSheetOptions {
  file: string;
  outDir: string;
  kind?: 'catalog' | 'register';
  sheet?: string;
  mapFile?: string;
  encoding?: string;
  dryRun?: boolean;
  force?: boolean;
  locale: 'zh-CN' | 'en';
  onProgress?: (rowsRead: number) => void;
  /** The unit's fields when the sheet has none (else the mapping file's `unit:`, else a placeholder). */
  unit?: UnitFields;
  /** The documents' `asOf` (YYYY-MM-DD). */
  asOf?: string;
  /** Items per file (default: the validator's, 100,000). */
  maxItems?: number;
  /**
   * Stops the import (Ctrl-C), between rows while the input is read and between steps while the output is checked:
   * the promise rejects with the signal's reason, nothing is written and no temporary file is left.
   */
  signal?: AbortSignal;
}

export interface ImportSheetResult {
  written: string[];
  documents: number;
  items: number;
  findings: Array<{ file: string; cell?: string; finding: Finding }>;
  /** With dryRun: each file's text as it would be written. */
  previews?: Array<{ file: string; text: string }>;
}

const FOLDER_UNIT_FIELDS = ['name', 'code', 'type', 'supervisingDepartment'] as const;

const KINDS = { catalog: 'DataResourceCatalog', register: 'DataAssetRegister' } as const;

function say(locale: 'zh-CN' | 'en', zh: string, en: string): string {
  return locale === 'zh-CN' ? zh : en;
}

/** Reads the input through the importer: its outcome, or SheetInputError for bad input. */
async function readInput(options: ImportSheetOptions, shown: string): Promise<ImportOutcome> {
  const { locale } = options;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(options.file);
  } catch (error) {
    throw new SheetInputError(
      say(
        locale,
        `${shown}：无法读取（${(error as NodeJS.ErrnoException).code}）`,
        `${shown}: cannot read it (${(error as NodeJS.ErrnoException).code})`,
      ),
      { file: shown },
    );
  }
  if (!stat.isFile())
    throw new SheetInputError(say(locale, `${shown}：不是普通文件`, `${shown}: not a regular file`), { file: shown });
  const map = options.mapFile ? readImportMap(options.mapFile, locale) : undefined;
  const kindName = options.kind ?? map?.kind;
  for (const [header, target] of map?.columns ?? []) {
    const kinds = kindName ? [KINDS[kindName]] : Object.values(KINDS);
    if (target !== null && !kinds.some((kind) => columnOfTarget(kind, target)))
      throw new SheetInputError(
        say(
          locale,
          `${options.mapFile}：列“${header}”对应的“${target}”不是${kindName ? '该类文档' : '任何文档'}的字段（写字段路径如 sharing.type，或表头如 共享属性·共享类型）`,
          `${options.mapFile}: "${target}" (for column ${header}) is not a field of ${kindName ? 'this kind of document' : 'either kind of document'} (write a field path such as sharing.type, or a header such as 共享属性·共享类型)`,
        ),
        { file: options.mapFile! },
      );
  }
  // The unit: the options', else the mapping file's, else, field by field, that of a document in the output folder.
  const given = { ...map?.unit, ...definedOnly(options.unit) };
  const inFolder = FOLDER_UNIT_FIELDS.some((key) => given[key] === undefined)
    ? unitInFolder(path.resolve(options.outDir))
    : undefined;
  const fromFolder = FOLDER_UNIT_FIELDS.filter((key) => given[key] === undefined && inFolder?.unit[key] !== undefined);
  const importer = new SheetImporter({
    kind: kindName ? KINDS[kindName] : undefined,
    sheet: options.sheet ?? map?.sheet,
    columns: map?.columns,
    headerRow: map?.headerRow,
    unit: { ...inFolder?.unit, ...given },
    unitFrom: fromFolder.length > 0 ? inFolder?.file : undefined,
    asOf: options.asOf ?? map?.asOf,
    baseName: path.basename(options.file).replace(/\.[^.]+$/, ''),
    maxItems: options.maxItems ?? DEFAULT_MAX_ITEMS,
  });
  let rowsRead = 0;
  const progress = () => {
    if (++rowsRead % 1000 !== 0) return;
    options.signal?.throwIfAborted();
    options.onProgress?.(rowsRead);
  };
  try {
    if (isWorkbook(options.file)) await readWorkbook(options.file, shown, locale, importer, progress);
    else {
      importer.sheet(path.basename(options.file).replace(/\.[^.]+$/, ''));
      for await (const { row, cells } of csvRows({ file: options.file, shown, encoding: options.encoding, locale })) {
        progress();
        importer.row(row, cells);
      }
    }
    return importer.finish();
  } catch (error) {
    if (error instanceof ImportFault)
      throw new SheetInputError(
        `${shown}${error.cell ? ` ${error.cell}` : error.sheet ? ` (${error.sheet})` : ''}: ${error.text[locale]}`,
        {
          file: shown,
          sheet: error.sheet,
          cell: error.cell,
        },
      );
    throw error;
  }
}

function definedOnly(unit: UnitFields | undefined): UnitFields {
  return Object.fromEntries(Object.entries(unit ?? {}).filter(([, value]) => value !== undefined));
}

function isWorkbook(file: string): boolean {
  return /\.(xlsx|xlsm|xls)$/i.test(file);
}

async function readWorkbook(
  file: string,
  shown: string,
  locale: 'zh-CN' | 'en',
  importer: SheetImporter,
  progress: () => void,
): Promise<void> {
  const verdict = checkZip(file);
  if (!verdict.ok) throw new SheetInputError(zipProblem(verdict, shown, locale), { file: shown });
  if (!verdict.entries.some((entry) => entry.name === 'xl/workbook.xml'))
    throw new SheetInputError(
      say(
        locale,
        `${shown}：不是 xlsx 工作簿（缺少 xl/workbook.xml）`,
        `${shown}: not an xlsx workbook (no xl/workbook.xml)`,
      ),
      { file: shown },
    );
  const workbook = await openXlsx(file, verdict.entries);
  let sheet = '';
  let row = 0;
  try {
    for await (const current of workbook.sheets) {
      sheet = current.name;
      importer.sheet(current.name);
      for await (const next of current.rows) {
        row = next.row;
        progress();
        importer.row(next.row, next.cells);
      }
    }
  } catch (error) {
    if (error instanceof ImportFault || error instanceof SheetInputError) throw error;
    throw new SheetInputError(
      say(
        locale,
        `${shown}${sheet ? ` 工作表“${sheet}”第 ${row} 行之后` : ''}：无法读取工作簿，文件已损坏或不完整（${(error as Error).message}）`,
        `${shown}${sheet ? `, sheet ${sheet} after row ${row}` : ''}: cannot read the workbook; the file is corrupt or truncated (${(error as Error).message})`,
      ),
      { file: shown, sheet: sheet || undefined },
    );
  } finally {
    workbook.stop();
  }
}

function zipProblem(
  verdict: Exclude<ReturnType<typeof checkZip>, { ok: true }>,
  shown: string,
  locale: 'zh-CN' | 'en',
): string {
  switch (verdict.reason) {
    case 'ole':
      return say(
        locale,
        `${shown}：这是加密（设有打开密码）的工作簿或旧的 .xls 文件，无法读取；请取消密码或另存为 .xlsx 后再导入`,
        `${shown}: an encrypted (password-protected) workbook or an old .xls file, which cannot be read; remove the password or save it as .xlsx, then import it`,
      );
    case 'not-zip':
      return say(
        locale,
        `${shown}：不是 xlsx 文件（xlsx 是 zip 压缩包），文件已损坏`,
        `${shown}: not an xlsx file (an xlsx is a zip archive); the file is corrupt`,
      );
    case 'truncated':
      return say(
        locale,
        `${shown}：文件不完整（缺少 zip 目录），可能在复制或下载时被截断`,
        `${shown}: the file is truncated (its zip directory is missing); it may have been cut off while copied or downloaded`,
      );
    case 'zip64':
      return say(
        locale,
        `${shown}：工作簿超过 4 GB（ZIP64），不予读取`,
        `${shown}: the workbook is over 4 GB (ZIP64); not read`,
      );
    case 'bomb':
      return say(
        locale,
        `${shown}：压缩包中的 ${verdict.entry} 解压后有 ${verdict.inflated} 字节，是压缩后的 ${Math.round(verdict.inflated! / Math.max(1, verdict.packed!))} 倍（上限：共 ${MAX_INFLATED_BYTES} 字节、${MAX_RATIO} 倍），疑为压缩炸弹，不予读取`,
        `${shown}: ${verdict.entry} inflates to ${verdict.inflated} bytes, ${Math.round(verdict.inflated! / Math.max(1, verdict.packed!))} times its packed size (limits: ${MAX_INFLATED_BYTES} bytes in all, ${MAX_RATIO} times); a zip bomb, not read`,
      );
  }
}

/** The mapping the import would use (`--print-map`): the table's sheet, header row, kind and columns. */
export async function sheetMapping(
  options: ImportSheetOptions,
): Promise<
  { mode: 'layout' } | { mode: 'table'; sheet: string; headerRow: number; kind: string; columns: MappedColumn[] }
> {
  const outcome = await readInput(options, options.file);
  if (outcome.mode === 'layout' || !outcome.table) return { mode: 'layout' };
  return { mode: 'table', ...outcome.table };
}

function headComments(outcome: ImportOutcome, shown: string): string[] {
  const name = path.basename(shown);
  if (outcome.table) {
    const { sheet, headerRow } = outcome.table;
    return [
      `由 steward import 从 ${name} 的工作表“${sheet}”导入（表头在第 ${headerRow} 行）；请核对后再提交。`,
      `Imported by steward import from ${name}, sheet ${sheet} (header in row ${headerRow}); check it before committing.`,
    ];
  }
  return [
    `由 steward import 从 ${name} 导入；请核对后再提交。`,
    `Imported by steward import from ${name}; check it before committing.`,
  ];
}

function outsideOut(outDir: string, target: string): boolean {
  const relative = path.relative(outDir, target);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative);
}

/**
 * Writes every file beside its target under a temporary name as its documents are turned into text, checks it,
 * and moves them all onto their targets at the end (commitFiles): all files or none, none half-written, never over
 * one already there without `force`, even one that appeared meanwhile. Each file's text is held only while it is
 * checked (written, then read back), and its items are let go as they are written: a 50,000-resource catalog costs
 * its text, not its text three times over.
 */
export async function importSheet(options: ImportSheetOptions): Promise<ImportSheetResult> {
  const { locale } = options;
  const shown = options.file;
  const outcome = await readInput(options, shown);
  options.signal?.throwIfAborted();
  const outDir = path.resolve(options.outDir);
  const targets = outcome.files.map((file) => {
    const target = path.resolve(outDir, file.path);
    if (outsideOut(outDir, target))
      throw new SheetInputError(
        say(
          locale,
          `${shown}：来源文件“${file.path}”不在输出目录内`,
          `${shown}: the source file "${file.path}" is outside the output folder`,
        ),
        { file: shown },
      );
    return target;
  });
  if (!options.force && !options.dryRun) refuseExisting(targets, locale);
  refuseFolders(targets, locale);
  const service = createStewardService({ reportForeignDocuments: true });
  const dateFields = new Set(['asOf', 'date', 'releaseDate', 'start', 'end']);
  const findings: ImportSheetResult['findings'] = [];
  const previews: Array<{ file: string; text: string }> = [];
  const temporaries: string[] = [];
  let documents = 0;
  try {
    for (const [index, file] of outcome.files.entries()) {
      const target = targets[index];
      if (index === 0) file.documents[0].comments = headComments(outcome, shown);
      documents += file.documents.length;
      const spent = file.documents;
      // The problems keep their origins; the documents go as they are written.
      file.documents = [];
      const write = (sink: (piece: string) => void) => writeYaml(spent, outcome.origins, dateFields, sink, true);
      const written = options.dryRun ? inMemory(write) : toTemporary(target, temporaries, write);
      if (options.dryRun) previews.push({ file: target, text: written.text });
      await check(service, target, written.text, options.signal);
      for (const finding of service.findings(target))
        findings.push({ file: target, cell: written.cellAt(finding.range.start.line), finding });
      service.remove(target);
      for (const problem of outcome.problems) {
        if (problem.origin === undefined && index > 0) continue;
        const line = problem.origin ? written.lineOf(problem.origin, problem.field ?? '') : undefined;
        if (problem.origin && line === undefined) continue;
        findings.push({
          file: target,
          cell: problem.cell,
          finding: importFinding(problem, line ?? 0),
        });
      }
    }
    options.signal?.throwIfAborted();
    const files = temporaries.map((temporary, index) => ({ temporary, target: targets[index] }));
    commitFiles(files, { replace: options.force === true });
  } catch (error) {
    for (const temporary of temporaries) fs.rmSync(temporary, { force: true });
    throw writeProblem(error, locale);
  }
  return {
    written: targets,
    documents,
    items: outcome.items,
    findings,
    previews: options.dryRun ? previews : undefined,
  };
}

/** Items checked between two looks at `signal`. */
const ITEMS_PER_STEP = 2000;

/**
 * Validates a written file item by item, each item's tree let go once checked (as `steward validate` does), with a
 * pause every ITEMS_PER_STEP items where a Ctrl-C (`signal`) stops it: nothing is recorded until the last step.
 */
async function check(
  service: ReturnType<typeof createStewardService>,
  target: string,
  text: string,
  signal: AbortSignal | undefined,
): Promise<void> {
  const steps = service.updateSteps(target, text, { retain: false, itemsPerStep: signal ? ITEMS_PER_STEP : 0 });
  for (let step = steps.next(); !step.done; step = steps.next()) {
    await new Promise((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
  }
}

/** A file that cannot be written (no permission, a full disk): bad output, named by its target. */
function writeProblem(error: unknown, locale: 'zh-CN' | 'en'): unknown {
  const { code, path: at, dest } = error as NodeJS.ErrnoException & { dest?: string };
  if (!code || error instanceof SheetInputError) return error;
  // A file another program wrote while the import ran: said as one that was there from the start.
  if (code === 'EEXIST' && error instanceof CommitError) return existingError([error.file], locale);
  const where =
    error instanceof CommitError ? error.file : (dest ?? at?.replace(/([\\/])\.([^\\/]+)\.\d+\.tmp$/, '$1$2'));
  if (!where) return error;
  return new SheetInputError(say(locale, `${where}：无法写入（${code}）`, `${where}: cannot write it (${code})`), {
    file: where,
  });
}

function refuseExisting(targets: readonly string[], locale: 'zh-CN' | 'en'): void {
  const existing = targets.filter((target) => fs.existsSync(target));
  if (existing.length > 0) throw existingError(existing, locale);
}

function existingError(existing: readonly string[], locale: 'zh-CN' | 'en'): SheetInputError {
  return new SheetInputError(
    say(
      locale,
      `已存在，未覆盖（要覆盖请加 --force）：${existing.join('、')}`,
      `Already there, not overwritten (add --force to overwrite): ${existing.join(', ')}`,
    ),
    { file: existing[0] },
  );
}

/** A folder where a file would go: refused before anything is written (a rename over it fails at the end). */
function refuseFolders(targets: readonly string[], locale: 'zh-CN' | 'en'): void {
  const folder = targets.find((target) => fs.statSync(target, { throwIfNoEntry: false })?.isDirectory());
  if (folder)
    throw new SheetInputError(
      say(locale, `${folder}：是一个文件夹，不能写成文件`, `${folder}: a folder is there; cannot write the file`),
      { file: folder },
    );
}

type WriteText = (sink: (piece: string) => void) => YamlSources;

/** A file's text (--dry-run: nothing written). */
function inMemory(write: WriteText): YamlSources & { text: string } {
  const pieces: string[] = [];
  const sources = write((piece) => pieces.push(piece));
  return { ...sources, text: pieces.join('') };
}

/** Characters gathered before each write to the temporary file. */
const WRITE_BATCH = 1 << 20;

/**
 * A file's text written in pieces to a new temporary file beside its target (recorded in `temporaries` before
 * the first byte), then read back from it whole: the pieces and the whole text are never held together. The
 * parser reads one string (a text in pieces is joined first), so the bytes read back are the cheapest source of
 * it: 43 MB of UTF-8 for the 54 MB string of the 50,000-resource bench catalog, against 54 MB of pieces.
 */
function toTemporary(target: string, temporaries: string[], write: WriteText): YamlSources & { text: string } {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  const fd = fs.openSync(temporary, 'wx+');
  temporaries.push(temporary);
  try {
    let batch = '';
    let bytes = 0;
    const flush = () => {
      bytes += fs.writeSync(fd, batch);
      batch = '';
    };
    const sources = write((piece) => {
      batch += piece;
      if (batch.length >= WRITE_BATCH) flush();
    });
    flush();
    collectGarbage();
    const buffer = Buffer.allocUnsafe(bytes);
    for (let at = 0; at < bytes;) {
      const read = fs.readSync(fd, buffer, at, bytes - at, at);
      if (read === 0) throw new Error(`${temporary}: shorter than written`);
      at += read;
    }
    return { ...sources, text: buffer.toString('utf8') };
  } finally {
    fs.closeSync(fd);
  }
}

/** A finding of the import itself (DA-IMPORT-001..003), at the written line its cell became. */
function importFinding(problem: ImportProblem, line: number): Finding {
  return {
    ruleId: problem.ruleId,
    severity: problem.severity,
    message: problem.message,
    clause: ruleCitation(findRule(problem.ruleId)!),
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
  };
}
