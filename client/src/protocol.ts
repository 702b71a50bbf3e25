/** The custom messages of the Data Asset Steward language server (see server/src/server.ts). */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageclient/node';

export type { Locale } from './presentation';

export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface WorkspaceSummary {
  files: number;
  errors: number;
  warnings: number;
}

export type FileMode = 'full' | 'schema-only' | 'save-only';

export interface FileState extends FindingCounts {
  mode: FileMode;
  /** Whether the server treats the file as a steward document (older servers leave it out). */
  steward?: boolean;
}

export interface FileStatus extends FindingCounts {
  uri: string;
  mode?: FileMode;
}

/** One rule as the server describes it (server/src/service/catalog.ts). */
export interface RuleInfo {
  id: string;
  name: string;
  clause: string;
  severity: 'error' | 'warning' | 'info';
  short: LocalizedText;
  /** Markdown: what it checks, why, example, fix. */
  help: LocalizedText;
}

export const ValidateWorkspaceRequest = new RequestType0<WorkspaceSummary, void>('steward/validateWorkspace');
export const FileStateRequest = new RequestType<{ uri: string }, FileState, void>('steward/fileState');
export const RulesRequest = new RequestType0<RuleInfo[], void>('steward/rules');
export const StatusNotification = new NotificationType<FileStatus>('steward/status');
