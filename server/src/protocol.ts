/**
 * The custom messages between the Data Asset Steward language server and its VS Code extension, defined once:
 * the server (lsp/) and the client (client/src/) both import this module, so the two cannot drift apart. It
 * depends on the LSP protocol package only (no service, no Node), and its payloads are plain data.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

export type Locale = 'zh-CN' | 'en';

export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** How a file is checked: while typing, or (above steward.validation.maxFileSize) on open and save only. */
export type FileMode = 'full' | 'save-only';

export interface WorkspaceSummary {
  files: number;
  errors: number;
  warnings: number;
}

export interface FileState extends FindingCounts {
  mode: FileMode;
  /** Whether the server treats the file as a steward document. */
  steward: boolean;
}

export interface FileStatus extends FindingCounts {
  uri: string;
  mode: FileMode;
}

/** One rule as the server describes it to the editor (the service's rule metadata, as plain data). */
export interface RuleDoc {
  id: string;
  name: string;
  clause: string;
  severity: 'error' | 'warning' | 'info';
  short: LocalizedText;
  /** Markdown: what it checks, why, example, fix. */
  help: LocalizedText;
}

/** Checks the whole workspace again (settings and configuration re-read) and answers with its totals. */
export const ValidateWorkspaceRequest = new RequestType0<WorkspaceSummary, void>('steward/validateWorkspace');
/** The counts and mode of one file, for the status item when the editor switches to it. */
export const FileStateRequest = new RequestType<{ uri: string }, FileState, void>('steward/fileState');
/** Every rule the server can report, for the rule reference and `steward.explainRule`. */
export const RulesRequest = new RequestType0<RuleDoc[], void>('steward/rules');
/** Sent after each publish of a file's diagnostics: its counts and mode. */
export const StatusNotification = new NotificationType<FileStatus>('steward/status');

/**
 * What the client says when it starts the server (`initializationOptions`). `workspaceTrusted: false`: the
 * workspace is not trusted (VS Code's Restricted Mode), so the server reads no code table the workspace or its
 * settings name, only the built-in one. Absent (other editors): trusted.
 */
export interface InitializationOptions {
  workspaceTrusted?: boolean;
}
/** The user trusted the workspace after the server started: it reloads, configured code table included. */
export const WorkspaceTrustedNotification = new NotificationType<Record<string, never>>('steward/workspaceTrusted');

/*
 * Issue 17: spreadsheets in and out, run by the server as `workspace/executeCommand` commands (the client shows the
 * pickers, the server reads and writes the files: the same code as `steward import` and `steward export`). The
 * arguments are one object, the CLI's options without locale and progress callback (the server's locale applies;
 * progress comes as work-done `$/progress`). Bad input answers with a ResponseError of SHEET_INPUT_ERROR whose
 * `data` says where (file, sheet, cell, line, column).
 */
export const IMPORT_SHEET_COMMAND = 'steward.importSheet';
export const EXPORT_SHEET_COMMAND = 'steward.exportSheet';
export const SHEET_COMMANDS = [IMPORT_SHEET_COMMAND, EXPORT_SHEET_COMMAND];
export const SHEET_INPUT_ERROR = 1701;

export interface ImportSheetArguments {
  /** An .xlsx or .csv file (.tsv and .txt are read as CSV). */
  file: string;
  outDir: string;
  kind?: 'catalog' | 'register';
  sheet?: string;
  mapFile?: string;
  encoding?: string;
  dryRun?: boolean;
  force?: boolean;
  /**
   * The unit of the documents written when the spreadsheet names none (`--unit-name` … of the CLI); a field not given
   * is taken from a catalog or register already in `outDir`, else left as the placeholder 待填写.
   */
  unit?: { name?: string; code?: string; type?: string; supervisingDepartment?: string };
}

export interface ExportSheetArguments {
  /** Files or folders, found as `steward validate` finds them. */
  paths: string[];
  format: 'xlsx' | 'csv' | 'dcat-jsonld';
  out: string;
  force?: boolean;
}

/** Where bad spreadsheet input is (the `data` of a SHEET_INPUT_ERROR). */
export interface SheetPlace {
  file: string;
  sheet?: string;
  cell?: string;
  line?: number;
  column?: number;
}

/** What an import answers (the fields the client reads of the CLI's result). */
export interface ImportSheetAnswer {
  /** Absolute paths of the YAML files written, in order. */
  written: string[];
  documents: number;
  items: number;
  findings: Array<{ file: string; cell?: string; finding: { ruleId: string; severity: 'error' | 'warning' | 'info' } }>;
}

export interface ExportSheetAnswer {
  written: string[];
  documents: number;
  items: number;
  findings: number;
}

/*
 * Issue 18: the data-asset report of a year (clause (11)), computed by the server as `workspace/executeCommand`
 * steward.report (the same code as `steward report --format html`) and shown by the client in a webview. Bad input
 * (no catalog or register, a broken configuration) answers with a ResponseError of SHEET_INPUT_ERROR.
 */
export const REPORT_COMMAND = 'steward.report';

export interface ReportArguments {
  /** The folder whose catalogs and registers are reported (default: the first workspace folder). */
  folder?: string;
  /** The report's year (default: the latest year of the documents' `asOf`, else last year). */
  year?: number;
}

export interface ReportAnswer {
  /** The report as one self-contained HTML document (inline CSS and SVG, no script). */
  html: string;
  year: number;
  asOf: string;
  /** The units reported, in the report's order. */
  units: Array<{ name: string; code: string }>;
}
