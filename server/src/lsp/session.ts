/**
 * What the language server knows between messages: the workspace folders, the settings and configuration, the
 * service built from them, and the files it holds. Answers the questions every part of the server asks (the locale,
 * whether a file is ours, how it is checked); the parts that act on it are checks.ts, publish.ts and indexing.ts.
 */
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { createStewardService, EMPTY_CONFIG } from '../service';
import type { Locale, SourceText, StewardConfig, StewardService, StewardServiceOptions } from '../service';
import type { FileMode } from '../protocol';
import type { OpenDocument } from './document';
import {
  DEFAULT_FILES,
  DEFAULT_MAX_DIAGNOSTICS,
  DEFAULT_MAX_FILE_KB,
  DEFAULT_OUTLINE_ITEMS,
  localeOf,
} from './settings';
import type { StewardSettings } from './settings';

/** Builds the service (a test entry may wrap it to plant a fault). */
export type ServiceFactory = (options: StewardServiceOptions) => StewardService;

export class Session {
  folders: string[] = [];
  clientLocale: string | undefined;
  /** False in a workspace the editor does not trust: no configured code table is read (protocol.ts). */
  trusted = true;
  settings: StewardSettings = {};
  config: StewardConfig = EMPTY_CONFIG;
  service: StewardService;
  /** The files the service knows, by uri: open documents and steward files found on disk. */
  readonly known = new Set<string>();
  private matchesGlobs = picomatch(DEFAULT_FILES, { dot: true });

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<OpenDocument>,
    readonly createService: ServiceFactory = createStewardService,
  ) {
    this.service = createService({ incremental: true });
  }

  get locale(): Locale {
    return localeOf(this.settings, this.clientLocale);
  }

  /** Resources and assets listed in an outline at most (steward.outline.maxItems). */
  get outlineItems(): number {
    const value = this.settings.outline?.maxItems;
    return typeof value === 'number' && value >= 0 ? Math.floor(value) : DEFAULT_OUTLINE_ITEMS;
  }

  /** Findings sent as diagnostics per file at most (steward.diagnostics.maxPerFile; 0: all). */
  get maxDiagnostics(): number {
    const value = this.settings.diagnostics?.maxPerFile;
    return typeof value === 'number' && value >= 0 ? Math.floor(value) : DEFAULT_MAX_DIAGNOSTICS;
  }

  /** Above this size an open file is checked on open and save only (steward.validation.maxFileSize). */
  maxBytes(): number {
    return (this.settings.validation?.maxFileSize ?? DEFAULT_MAX_FILE_KB) * 1024;
  }

  modeOf(uri: string): FileMode {
    return (this.documents.get(uri)?.byteLength ?? 0) > this.maxBytes() ? 'save-only' : 'full';
  }

  fileGlobs(): string[] {
    return this.config.files ?? DEFAULT_FILES;
  }

  /** Takes new settings and configuration: the file globs follow them. */
  configure(settings: StewardSettings, config: StewardConfig): void {
    this.settings = settings;
    this.config = config;
    this.matchesGlobs = picomatch(this.fileGlobs(), { dot: true });
  }

  /** The innermost workspace folder holding the file. */
  rootOf(uri: string): string | undefined {
    const file = URI.parse(uri).fsPath;
    return this.folders
      .filter((f) => file === f || file.startsWith(f + path.sep))
      .sort((a, b) => b.length - a.length)[0];
  }

  /** The file's path relative to its workspace folder, '/' separated: what the file globs and overrides match. */
  relativePath(uri: string): string {
    const file = URI.parse(uri).fsPath;
    const root = this.rootOf(uri);
    return (root ? path.relative(root, file) : path.basename(file)).split(path.sep).join('/');
  }

  /** Whether the path matches the file globs. */
  matchesFiles(uri: string): boolean {
    return this.matchesGlobs(this.relativePath(uri));
  }

  /** Ours: the path matches the file globs, or the text declares a steward document. */
  isSteward(uri: string, text: SourceText): boolean {
    return this.matchesFiles(uri) || /^apiVersion:\s*['"]?steward\//m.test(text.slice(0, 4096));
  }
}
