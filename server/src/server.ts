/**
 * The language server: LSP wiring around the pure service. It owns the connection, the open documents, the files
 * of the workspace on disk, settings and scheduling; every answer comes from the service.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  MessageType,
  ShowMessageNotification,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { Connection, Diagnostic, InitializeParams, InitializeResult } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import picomatch from 'picomatch';
import { globSync } from 'tinyglobby';
import { createStewardService } from './service';
import { mergeChanges } from './service/parser/parse';
import type { TextChange } from './service/parser/parse';
import type { StewardService, UpdateOptions, ValidationResult } from './service';
import type { Finding, Locale } from './service/types';
import { CONFIG_FILE_NAMES, EMPTY_CONFIG, parseConfig } from './service/config';
import type { StewardConfig } from './service/config';
import { loadCodeTable } from './service/codes/loader';
import type { CodeTable } from './service/codes/table';
import { decodeText, readTextFile } from './cli/files';
import { configFrom, DEFAULT_FILES, DEFAULT_MAX_FILE_KB, DEFAULT_OUTLINE_ITEMS, localeOf } from './lsp/settings';
import type { StewardSettings } from './lsp/settings';
import { toDiagnostic } from './lsp/convert';
import { registerFeatures } from './lsp/features';
import { OpenDocument } from './lsp/document';
import type { SourceText } from './service/parser/source';

/**
 * Delay between a change and its validation. None is needed: changes that arrive while a validation runs are
 * queued, each replaces the pending timer, and only the newest version is validated.
 */
const DEBOUNCE_MS = 0;
/** How long a check runs before it lets other messages in (a check from scratch runs in steps: see `check`). */
const STEP_BUDGET_MS = 15;
const IGNORE = ['**/node_modules/**', '**/.git/**'];

export type FileMode = 'full' | 'save-only';

export interface ServerState {
  connection: Connection;
  documents: TextDocuments<OpenDocument>;
  service: StewardService;
  locale: Locale;
  /** The files the service knows, by uri: open documents and steward files found on disk. */
  known: Set<string>;
  modeOf(uri: string): FileMode;
  /** Resources and assets listed in an outline at most (steward.outline.maxItems). */
  readonly outlineItems: number;
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  /**
   * Per open document, where its text changed since the service last saw it (null: unknown, a whole-text change).
   * The parser then needs no comparison of the old and new texts, a walk over the whole file per keystroke.
   */
  const changes = new Map<string, TextChange | null>();
  const documents = new TextDocuments<OpenDocument>({
    create: OpenDocument.create,
    update(document, events, version) {
      for (const change of document.apply(events, version)) {
        const recorded = changes.get(document.uri);
        changes.set(document.uri, recorded === null || change === undefined ? null : mergeChanges(recorded, change));
      }
      return document;
    },
  });
  /** The version of each open document the service last checked: its diagnostics are published for it. */
  const checkedVersions = new Map<string, number>();
  /**
   * The check of each file under way, by uri. A check from scratch runs in steps (service.updateSteps) between
   * other messages, so a large file never holds the server for seconds; a newer check of the same file replaces
   * it, and the older one stops at its next pause without recording anything (cancelled as stale).
   */
  const jobs = new Map<string, object>();
  /** Checks a file in slices of STEP_BUDGET_MS; the result, or undefined when the check was superseded. */
  const check = async (uri: string, text: SourceText, options: UpdateOptions): Promise<ValidationResult | undefined> => {
    const job = {};
    jobs.set(uri, job);
    try {
      const steps = service.updateSteps(uri, text, options);
      for (;;) {
        const deadline = performance.now() + STEP_BUDGET_MS;
        let step = steps.next();
        while (!step.done && performance.now() < deadline) step = steps.next();
        if (step.done) {
          jobs.delete(uri);
          return step.value;
        }
        await new Promise((resolve) => setImmediate(resolve));
        if (jobs.get(uri) !== job) {
          steps.return(undefined as never);
          return undefined;
        }
      }
    } catch (error) {
      // A fault of the service (a bug): the file keeps the findings of its last check, and its next check starts
      // from its whole text, as the edits this one carried were not recorded.
      if (jobs.get(uri) === job) jobs.delete(uri);
      if (documents.get(uri)) changes.set(uri, null);
      internalError(uri, error);
      return undefined;
    }
  };
  /** Files whose check failed, told to the user once each (a failure is logged every time). */
  const toldFailures = new Set<string>();
  /**
   * The last resort: an exception inside a check, a publish or a handler that runs after its message was answered
   * is logged to the client's output with its stack and shown once per file; the server goes on serving.
   */
  function internalError(uri: string | undefined, error: unknown): void {
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    const file = uri ? URI.parse(uri).fsPath : undefined;
    connection.console.error(`steward: internal error${file ? ` while checking ${file}` : ''}: ${detail}`);
    const key = uri ?? '';
    if (toldFailures.has(key)) return;
    toldFailures.add(key);
    const reason = error instanceof Error ? error.message : String(error);
    const name = file ? path.basename(file) : undefined;
    const zh = state.locale === 'zh-CN';
    const message = name
      ? zh
        ? `数据资产管家检查 ${name} 时出现内部错误：${reason}。该文件的诊断仍是上一次检查的结果；详细信息见“数据资产管家”输出面板，请报告此问题。`
        : `Data Asset Steward failed while checking ${name}: ${reason}. Its diagnostics are those of its last check; the details are in the Data Asset Steward output. Please report this.`
      : zh
        ? `数据资产管家出现内部错误：${reason}。详细信息见“数据资产管家”输出面板，请报告此问题。`
        : `Data Asset Steward hit an internal error: ${reason}. The details are in the Data Asset Steward output. Please report this.`;
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
  }
  /** A callback for a timer: an exception in it is an internal error, not the end of the process. */
  const guarded = (callback: () => void, uri?: string) => () => {
    try {
      callback();
    } catch (error) {
      internalError(uri, error);
    }
  };
  // Promises nobody awaits (notification handlers, checks started from timers) end here rather than ending the
  // process: Node exits on an unhandled rejection.
  process.on('unhandledRejection', (reason) => internalError(undefined, reason));
  /** Checks an open document, with what changed since its last check; true once its findings are recorded. */
  const checkOpen = async (document: OpenDocument): Promise<boolean> => {
    const change = changes.get(document.uri) ?? undefined;
    changes.delete(document.uri);
    const version = document.version;
    const result = await check(document.uri, document.text, { change });
    if (!result) return false;
    checkedVersions.set(document.uri, version);
    known.add(document.uri);
    return true;
  };
  /** Checks a file on disk that no editor shows; true once its findings are recorded. */
  const checkDisk = async (uri: string, text: string): Promise<boolean> => {
    if (!(await check(uri, text, { retain: false }))) return false;
    known.add(uri);
    return true;
  };
  let folders: string[] = [];
  let clientLocale: string | undefined;
  let settings: StewardSettings = {};
  let config: StewardConfig = EMPTY_CONFIG;
  let service: StewardService = createStewardService({ incremental: true });
  let canPullConfiguration = false;
  let canWatchFiles = false;
  const known = new Set<string>();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const published = new Map<string, { errors: number; warnings: number; infos: number }>();
  let signatures = new Map<string, string>();
  let generation = 0;
  /** Files the user was told are checked on save only. */
  const announced = new Set<string>();

  const state: ServerState = {
    connection,
    documents,
    get service() { return service; },
    get locale() { return localeOf(settings, clientLocale); },
    known,
    modeOf: (uri) => (sizeOf(uri) > maxBytes() ? 'save-only' : 'full'),
    get outlineItems() {
      const value = settings.outline?.maxItems;
      return typeof value === 'number' && value >= 0 ? Math.floor(value) : DEFAULT_OUTLINE_ITEMS;
    },
  };

  const maxBytes = () => (settings.validation?.maxFileSize ?? DEFAULT_MAX_FILE_KB) * 1024;
  const sizeOf = (uri: string) => documents.get(uri)?.text.length ?? 0;
  const rootOf = (uri: string): string | undefined => {
    const file = URI.parse(uri).fsPath;
    return folders.filter((f) => file === f || file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0];
  };
  const relativePath = (uri: string): string => {
    const file = URI.parse(uri).fsPath;
    const root = rootOf(uri);
    return (root ? path.relative(root, file) : path.basename(file)).split(path.sep).join('/');
  };
  const fileGlobs = () => config.files ?? DEFAULT_FILES;
  let matchesGlobs = picomatch(fileGlobs(), { dot: true });
  /** Ours: the path matches the file globs, or the text declares a steward document. */
  const isSteward = (uri: string, text: SourceText): boolean => matchesGlobs(relativePath(uri)) || /^apiVersion:\s*['"]?steward\//m.test(text.slice(0, 4096));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientLocale = params.locale;
    folders = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
    if (folders.length === 0 && params.rootUri) folders = [URI.parse(params.rootUri).fsPath];
    canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    canWatchFiles = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: [':', ' ', '-', '#', ','], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.steward'] },
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'steward', version: typeof STEWARD_VERSION === 'string' ? STEWARD_VERSION : 'dev' },
    };
  });

  connection.onInitialized(async () => {
    if (canPullConfiguration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'steward' });
    if (canWatchFiles) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{catalog,assets}.{yaml,yml}' }, { globPattern: '**/steward.config.{yaml,yml}' }],
      });
    }
    await reload();
  });

  /** Reads settings and the workspace configuration, rebuilds the service, indexes the workspace. */
  async function reload(): Promise<void> {
    const myGeneration = ++generation;
    settings = canPullConfiguration ? ((await connection.workspace.getConfiguration('steward')) as StewardSettings | null) ?? {} : settings;
    config = configFrom(settings, readConfigFile());
    matchesGlobs = picomatch(fileGlobs(), { dot: true });
    service = createStewardService({
      incremental: true,
      codeTable: readCodeTable(),
      config,
      configPath: relativePath,
    });
    known.clear();
    jobs.clear(); // checks under way belong to the old service: they stop at their next pause
    signatures = new Map();
    await indexWorkspace(myGeneration);
  }

  function readConfigFile(): StewardConfig {
    for (const folder of folders) {
      for (const name of CONFIG_FILE_NAMES) {
        const file = path.join(folder, name);
        if (!fs.existsSync(file)) continue;
        const decoded = decodeText(fs.readFileSync(file));
        if (!decoded.ok) return EMPTY_CONFIG;
        const parsed = parseConfig(decoded.text, file, createStewardService().isKnownRule);
        for (const finding of parsed.findings) {
          connection.console.warn(`${file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}: ${finding.message[state.locale]}`);
        }
        return parsed.config;
      }
    }
    return EMPTY_CONFIG;
  }

  function readCodeTable(): CodeTable | undefined {
    if (!config.codeTable) return undefined;
    const file = path.isAbsolute(config.codeTable) ? config.codeTable : path.join(folders[0] ?? process.cwd(), config.codeTable);
    try {
      const decoded = decodeText(fs.readFileSync(file));
      if (!decoded.ok) throw new Error(decoded.finding.message[state.locale]);
      const { table, problems } = loadCodeTable(decoded.text, { fileName: file });
      for (const problem of problems) connection.console.warn(`${file}:${problem.line}:${problem.column}: ${problem.message[state.locale]}`);
      return table;
    } catch (error) {
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: state.locale === 'zh-CN' ? `无法读取资产分类代码表 ${file}：${(error as Error).message}` : `Cannot read the code table ${file}: ${(error as Error).message}` });
      return undefined;
    }
  }

  /** Indexes every steward file of the workspace folders, reporting progress, then publishes all diagnostics. */
  async function indexWorkspace(myGeneration: number): Promise<void> {
    // Open documents first, so that requests answered while the disk is read already see them.
    for (const document of documents.all()) {
      if (!isSteward(document.uri, document.text)) continue;
      await checkOpen(document);
      if (myGeneration !== generation) return;
    }
    const files = folders.flatMap((folder) => globSync(fileGlobs(), { cwd: folder, absolute: true, ignore: IGNORE, dot: false }));
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin(state.locale === 'zh-CN' ? '正在索引数据资产文件' : 'Indexing data asset files', 0, `0/${files.length}`, false);
    let done = 0;
    for (const file of files) {
      if (myGeneration !== generation) break;
      const uri = URI.file(file).toString();
      if (!documents.get(uri)) {
        const read = readTextFile(file, { maxBytes: 256 * 1024 * 1024 });
        // Files no editor shows keep their findings and index entries, not their trees.
        if (read.ok) await checkDisk(uri, read.text);
      }
      done++;
      if (done % 50 === 0) {
        progress.report(Math.round((done / files.length) * 100), `${done}/${files.length}`);
        await new Promise((resolve) => setImmediate(resolve)); // let edits and requests in between files
      }
    }
    progress.done();
    publishAll();
  }

  function publish(uri: string): void {
    const findings = service.findings(uri);
    const diagnostics: Diagnostic[] = findings.map((f) => toDiagnostic(f, state.locale));
    // The version checked, not the document's latest: edits that arrived since wait for their own check, and
    // diagnostics published meanwhile (another file changed) must not claim to be theirs.
    const version = documents.get(uri) ? checkedVersions.get(uri) : undefined;
    void connection.sendDiagnostics({ uri, version, diagnostics });
    const counts = countFindings(findings);
    published.set(uri, counts);
    void connection.sendNotification('steward/status', { uri, ...counts, mode: state.modeOf(uri) });
  }

  function publishAll(except?: string): void {
    for (const uri of known) if (uri !== except) publish(uri);
  }

  /** What other files' cross-file findings depend on: ids, references and grades of this file. */
  function signature(uri: string): string {
    const summary = service.index.get(uri);
    if (!summary) return '';
    return JSON.stringify([summary.resources.map((r) => [r.id, r.securityGrade, r.related.map((x) => x.id)]), summary.assets.map((a) => [a.id, a.resource?.id])]);
  }

  function validateNow(document: OpenDocument, force = false): void {
    const uri = document.uri;
    const text = document.text;
    if (!isSteward(uri, text)) {
      jobs.delete(uri); // a check under way stops: the file is not ours any more
      if (known.delete(uri)) service.remove(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const mode = state.modeOf(uri);
    if (mode === 'save-only' && !announced.has(uri)) {
      // Say it once per file, in words: a large file checked only on open and save must not look stale.
      announced.add(uri);
      const mb = (text.length / 1024 / 1024).toFixed(1);
      const limit = (maxBytes() / 1024 / 1024).toFixed(1);
      const name = path.basename(URI.parse(uri).fsPath);
      // A notification, not a request: nothing to wait for, and no client can fail to answer it.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: state.locale === 'zh-CN'
        ? `${name} 有 ${mb} MB，超过 steward.validation.maxFileSize（${limit} MB）：只在打开和保存时检查，输入时不检查。`
        : `${name} is ${mb} MB, above steward.validation.maxFileSize (${limit} MB): it is checked when opened and saved, not while you type.` });
    } else if (mode === 'full') {
      announced.delete(uri);
    }
    if (!force && mode === 'save-only') return;
    const indexVersion = service.index.version;
    checkOpen(document).then((checked) => {
      if (checked) afterCheck(uri, indexVersion);
    }).catch((error: unknown) => internalError(uri, error));
  }

  /** After a check of an open file: its diagnostics, then other files' when cross-file findings may have changed. */
  function afterCheck(uri: string, indexVersion: number): void {
    publish(uri);
    // The index keeps its version through edits that change nothing cross-file rules read (most keystrokes).
    if (service.index.version === indexVersion && signatures.has(uri)) return;
    const next = signature(uri);
    if (signatures.get(uri) !== next) {
      signatures.set(uri, next);
      // Other files' cross-file findings may have changed: refresh them after this answer is out.
      setImmediate(guarded(() => publishAll(uri)));
    }
  }

  function schedule(document: OpenDocument): void {
    const uri = document.uri;
    const timer = pending.get(uri);
    if (timer) clearTimeout(timer);
    const version = document.version;
    pending.set(uri, setTimeout(guarded(() => {
      pending.delete(uri);
      const current = documents.get(uri);
      // A newer edit has its own timer: this one is stale.
      if (current && current.version === version) validateNow(current);
    }, uri), DEBOUNCE_MS));
  }

  /** The version each document was opened with, until the change event TextDocuments fires with the open. */
  const opened = new Map<string, number>();
  documents.onDidOpen((event) => {
    changes.delete(event.document.uri);
    opened.set(event.document.uri, event.document.version);
    validateNow(event.document, true);
  });
  documents.onDidChangeContent((event) => {
    const { uri, version } = event.document;
    const open = opened.get(uri);
    opened.delete(uri);
    // The open itself: it is being checked already, and a second check would replace that one from scratch.
    if (open === version) return;
    schedule(event.document);
  });
  documents.onDidSave((event) => validateNow(event.document, true));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    changes.delete(uri);
    opened.delete(uri);
    checkedVersions.delete(uri);
    const file = URI.parse(uri).fsPath;
    // A closed file stays in the workspace view if it is on disk; otherwise it is gone.
    const read = fs.existsSync(file) && matchesGlobs(relativePath(uri)) ? readTextFile(file, { maxBytes: 256 * 1024 * 1024 }) : undefined;
    if (read?.ok) {
      checkDisk(uri, read.text).then((checked) => checked && publish(uri)).catch((error: unknown) => internalError(uri, error));
    } else {
      jobs.delete(uri);
      known.delete(uri);
      service.remove(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      setImmediate(guarded(() => publishAll()));
    }
  });

  connection.onDidChangeConfiguration(() => void reload());

  connection.onDidChangeWatchedFiles(async (params) => {
    if (params.changes.some((c) => CONFIG_FILE_NAMES.includes(path.basename(URI.parse(c.uri).fsPath)))) {
      void reload();
      return;
    }
    for (const change of params.changes) {
      if (documents.get(change.uri)) continue; // the editor's text wins over the disk's
      if (change.type === FileChangeType.Deleted) {
        jobs.delete(change.uri);
        known.delete(change.uri);
        service.remove(change.uri);
        void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
        continue;
      }
      const read = readTextFile(URI.parse(change.uri).fsPath, { maxBytes: 256 * 1024 * 1024 });
      if (read.ok) await checkDisk(change.uri, read.text);
    }
    publishAll();
  });

  connection.onRequest('steward/validateWorkspace', async () => {
    await reload();
    let errors = 0;
    let warnings = 0;
    for (const counts of published.values()) {
      errors += counts.errors;
      warnings += counts.warnings;
    }
    return { files: known.size, errors, warnings };
  });
  connection.onRequest('steward/fileState', (params: { uri: string }) => ({
    ...(published.get(params.uri) ?? { errors: 0, warnings: 0, infos: 0 }),
    mode: state.modeOf(params.uri),
    steward: known.has(params.uri),
  }));
  connection.onRequest('steward/rules', () => service.rules());

  registerFeatures(state);
  documents.listen(connection);
  connection.listen();
}

function countFindings(findings: Finding[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

declare const STEWARD_VERSION: string | undefined;
