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
