/**
 * `workspace/executeCommand` `steward.importSheet` and `steward.exportSheet`: the editor's "Import spreadsheet…" and
 * "Export…" run the CLI's own import and export (host/import-sheet.ts, host/export-sheet.ts) in the server, with
 * work-done progress. The spreadsheet code (exceljs) is loaded on the first import or export, not when the server
 * starts.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { ExecuteCommandParams, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { EXPORT_SHEET_COMMAND, IMPORT_SHEET_COMMAND, SHEET_INPUT_ERROR } from '../protocol';
import type { ExportSheetArguments, ImportSheetArguments, SheetPlace } from '../protocol';
import type { Locale } from '../service';
import { SheetInputError } from '../host/sheet-errors';
import type { Session } from './session';

/** The progress message is sent at most this often (a large sheet reads thousands of rows a second). */
const PROGRESS_EVERY_MS = 200;

const TEXT = {
  importing: { 'zh-CN': '正在导入电子表格', en: 'Importing the spreadsheet' },
  exporting: { 'zh-CN': '正在导出', en: 'Exporting' },
  rows: { 'zh-CN': '已读取 {0} 行', en: '{0} rows read' },
  items: { 'zh-CN': '已写入 {0} 项', en: '{0} items written' },
  badArguments: {
    'zh-CN': '{0} 的参数应为一个对象，含 {1}',
    en: 'The argument of {0} is one object with {1}',
  },
} as const;

function say(locale: Locale, id: keyof typeof TEXT, ...args: Array<string | number>): string {
  return TEXT[id][locale].replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)]));
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const optional = (value: unknown, check: (v: unknown) => boolean) => value === undefined || check(value);
const isFlag = (value: unknown) => typeof value === 'boolean';
const UNIT_FIELDS = new Set(['name', 'code', 'type', 'supervisingDepartment']);
/** `unit`: an object of the unit's text fields, nothing else. */
const isUnit = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.entries(value).every(([key, field]) => UNIT_FIELDS.has(key) && (field === undefined || isText(field)));

/** The one argument object, checked: a client is input like any other. */
function importArguments(value: unknown, locale: Locale): ImportSheetArguments {
  const a = (value ?? {}) as Record<string, unknown>;
  const ok =
    typeof value === 'object' &&
    isText(a.file) &&
    isText(a.outDir) &&
    optional(a.kind, (k) => k === 'catalog' || k === 'register') &&
    optional(a.sheet, isText) &&
    optional(a.mapFile, isText) &&
    optional(a.encoding, isText) &&
    optional(a.dryRun, isFlag) &&
    optional(a.force, isFlag) &&
    optional(a.unit, isUnit);
  if (!ok)
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      say(locale, 'badArguments', IMPORT_SHEET_COMMAND, 'file, outDir'),
    );
  return value as ImportSheetArguments;
}

function exportArguments(value: unknown, locale: Locale): ExportSheetArguments {
  const a = (value ?? {}) as Record<string, unknown>;
  const ok =
    typeof value === 'object' &&
    Array.isArray(a.paths) &&
    a.paths.length > 0 &&
    a.paths.every(isText) &&
    (a.format === 'xlsx' || a.format === 'csv' || a.format === 'dcat-jsonld') &&
    isText(a.out) &&
    optional(a.force, isFlag);
  if (!ok)
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      say(locale, 'badArguments', EXPORT_SHEET_COMMAND, 'paths, format, out'),
    );
  return value as ExportSheetArguments;
}

/** A progress callback that reports a count at most every PROGRESS_EVERY_MS. */
function throttled(progress: WorkDoneProgressReporter, message: (count: number) => string): (count: number) => void {
  let last = 0;
  return (count) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    progress.report(message(count));
  };
}

/** Bad input as the client sees it: the message, and where (the client names the sheet and cell). */
function inputError(error: unknown): ResponseError<SheetPlace | undefined> | undefined {
  if (!(error instanceof SheetInputError)) return undefined;
  return new ResponseError(SHEET_INPUT_ERROR, error.message, error.where);
}

/** Runs `steward.importSheet` or `steward.exportSheet` (server.ts routes `workspace/executeCommand` here). */
export async function executeSheetCommand(session: Session, params: ExecuteCommandParams): Promise<unknown> {
  const { connection } = session;
  const locale = session.locale;
  const argument: unknown = params.arguments?.[0];
  const isImport = params.command === IMPORT_SHEET_COMMAND;
  if (!isImport && params.command !== EXPORT_SHEET_COMMAND)
    throw new ResponseError(ErrorCodes.InvalidRequest, `unknown command ${params.command}`);
  const options = isImport ? importArguments(argument, locale) : exportArguments(argument, locale);
  // The client's token when it sent one (VS Code shows it as a notification); else one the server creates.
  const progress: WorkDoneProgressReporter =
    params.workDoneToken !== undefined
      ? connection.window.attachWorkDoneProgress(params.workDoneToken)
      : await connection.window.createWorkDoneProgress();
  progress.begin(say(locale, isImport ? 'importing' : 'exporting'), undefined, undefined, false);
  try {
    if (isImport) {
      const { importSheet } = await import('../host/import-sheet');
      const onProgress = throttled(progress, (rows) => say(locale, 'rows', rows));
      return await importSheet({ ...(options as ImportSheetArguments), locale, onProgress });
    }
    const { exportSheet } = await import('../host/export-sheet');
    const onProgress = throttled(progress, (items) => say(locale, 'items', items));
    return await exportSheet({ ...(options as ExportSheetArguments), locale, onProgress });
  } catch (error) {
    throw inputError(error) ?? error;
  } finally {
    progress.done();
  }
}
