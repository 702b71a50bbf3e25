/**
 * The language server: LSP wiring around the pure service. It owns the connection, the open documents, the files
 * of the workspace on disk, settings and scheduling (session.ts, checks.ts, publish.ts, indexing.ts); every answer
 * comes from the service.
 */
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ExecuteCommandRequest,
  ResponseError,
  FileChangeType,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type {
  Connection,
  DidChangeWatchedFilesParams,
  ExecuteCommandParams,
  InitializeParams,
  InitializeResult,
} from 'vscode-languageserver/node';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { URI } from 'vscode-uri';
import { CONFIG_FILE_NAMES } from '../service';
import { readTextFile } from '../host/read';
import { IGNORE_FILE } from '../host/ignore';
import {
  FileStateRequest,
  RulesRequest,
  REPORT_COMMAND,
  SHEET_COMMANDS,
  ValidateWorkspaceRequest,
  WorkspaceTrustedNotification,
} from '../protocol';
import type { InitializationOptions, RuleDoc } from '../protocol';
import { Checks, PendingEdits } from './checks';
import { OpenDocument } from './document';
import { createFaults } from './faults';
import type { Faults } from './faults';
import { registerFeatures } from './features';
import { executeReportCommand } from './report';
import { executeSheetCommand } from './sheets';
import { Indexer } from './indexing';
import { Publisher } from './publish';
import { Session } from './session';
import { checkedTransport } from './transport';
import type { ServiceFactory } from './session';
import { MAX_DISK_FILE_BYTES } from './settings';

/**
 * Delay between a change and its check. None is needed: changes that arrive while a check runs are queued, each
 * replaces the pending timer, and only the newest version is checked.
 */
const DEBOUNCE_MS = 0;

declare const STEWARD_VERSION: string | undefined;

/**
 * The connection over the process's transport: over `--stdio` and `--node-ipc` every incoming message is checked
 * first (transport.ts); over stdio the framing too, and console output goes to stderr (stdout is the protocol's).
 */
function defaultConnection(): Connection {
  const argv = process.argv.slice(2);
  const stall = /^--frame-timeout-ms=(\d+)$/.exec(argv.find((arg) => arg.startsWith('--frame-timeout-ms=')) ?? '');
  const transport = checkedTransport(argv, { stallMs: stall ? Number(stall[1]) : undefined });
  if (!transport) return createConnection(ProposedFeatures.all);
  if (argv.includes('--stdio')) {
    const toStderr = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);
    console.log = console.info = console.debug = toStderr;
    let shutdown = false;
    const connection = createConnection(ProposedFeatures.all, transport.reader, transport.writer);
    connection.onShutdown(() => {
      shutdown = true;
    });
    // The end of the client's stream ends the server, as vscode-languageserver's own stdio transport does.
    const end = () => process.exit(shutdown ? 0 : 1);
    process.stdin.on('end', end);
    process.stdin.on('close', end);
    return connection;
  }
  return createConnection(ProposedFeatures.all, transport.reader, transport.writer);
}

export function startServer(
  connection: Connection = defaultConnection(),
  options: { createService?: ServiceFactory } = {},
): void {
  const edits = new PendingEdits();
  const documents = new TextDocuments<OpenDocument>({
    create: (uri, languageId, version, content) => OpenDocument.create(uri, languageId, version, content),
    update(document, events, version) {
      edits.record(document.uri, document.apply(events, version));
      return document;
    },
  });
  const session = new Session(connection, documents, options.createService);
  const faults = createFaults(connection, () => session.locale);
  const checks = new Checks(session, edits, faults);
  const publisher = new Publisher(session, checks, faults);
  const indexer = new Indexer(session, checks, publisher);
  let canWatchFiles = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    session.clientLocale = params.locale;
    session.trusted = (params.initializationOptions as InitializationOptions | undefined)?.workspaceTrusted !== false;
    session.folders = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
    if (session.folders.length === 0 && params.rootUri) session.folders = [URI.parse(params.rootUri).fsPath];
    indexer.canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    canWatchFiles = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    indexer.canWatchFiles = canWatchFiles;
    // LSP 3.17 pull diagnostics where the client asks for them (vscode-languageclient 9 does); others get pushes.
    publisher.pullSupport = Boolean(params.capabilities.textDocument?.diagnostic);
    publisher.refreshSupport = Boolean(params.capabilities.workspace?.diagnostics?.refreshSupport);
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
        executeCommandProvider: { commands: [...SHEET_COMMANDS, REPORT_COMMAND] },
        workspace: { workspaceFolders: { supported: true } },
        ...(publisher.pullSupport
          ? { diagnosticProvider: { identifier: 'steward', interFileDependencies: true, workspaceDiagnostics: false } }
          : {}),
      },
      serverInfo: { name: 'steward', version: typeof STEWARD_VERSION === 'string' ? STEWARD_VERSION : 'dev' },
    };
  });

  // The registrations are part of the first reload: a document opened meanwhile is checked once, by the reload.
  const initialized = () =>
    indexer.reload(async () => {
      await indexer.register();
      if (!canWatchFiles) return;
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.{catalog,assets}.{yaml,yml}' },
          { globPattern: '**/steward.config.{yaml,yml}' },
          { globPattern: `**/${IGNORE_FILE}` },
        ],
      });
    });
  connection.onInitialized(() => void initialized());

  watchDocuments(session, { checks, publisher, indexer }, faults);

  connection.onDidChangeConfiguration(() => void indexer.reload());
  connection.onNotification(WorkspaceTrustedNotification, () => {
    session.trusted = true;
    void indexer.reload();
  });

  const watchedFilesChanged = async (params: DidChangeWatchedFilesParams): Promise<void> => {
    const reloads = (uri: string) => {
      const file = URI.parse(uri).fsPath;
      const name = path.basename(file);
      return CONFIG_FILE_NAMES.includes(name) || name === IGNORE_FILE || file === indexer.codeTableFile;
    };
    if (params.changes.some((c) => reloads(c.uri))) {
      void indexer.reload();
      return;
    }
    for (const change of params.changes) {
      if (documents.get(change.uri)) continue; // the editor's text wins over the disk's
      if (!session.matchesFiles(change.uri)) continue; // not a file the workspace's globs index
      if (change.type === FileChangeType.Deleted) {
        forgetFile(session, checks, publisher, change.uri);
        continue;
      }
      if (indexer.isIgnored(URI.parse(change.uri).fsPath)) continue;
      const read = readTextFile(URI.parse(change.uri).fsPath, { maxBytes: MAX_DISK_FILE_BYTES });
      if (read.ok) await checks.checkDisk(change.uri, read.text);
      else indexer.skipped(change.uri, read.finding);
    }
    publisher.publishAll();
  };
  connection.onDidChangeWatchedFiles((params) => void watchedFilesChanged(params));

  connection.onRequest(ValidateWorkspaceRequest, async () => {
    await indexer.reload();
    return { files: session.known.size, ...publisher.totals() };
  });
  connection.onRequest(FileStateRequest, (params) => ({
    ...publisher.countsOf(params.uri),
    mode: session.modeOf(params.uri),
    steward: session.known.has(params.uri),
  }));
  connection.onRequest(RulesRequest, () => session.service.rules().map(ruleDoc));
  connection.languages.diagnostics.on(async (params, token) => {
    try {
      return await publisher.pull(params.textDocument.uri, params.previousResultId, token);
    } catch (error) {
      faults.internalError(params.textDocument.uri, error);
      throw new ResponseError(ErrorCodes.InternalError, faults.requestFailed('textDocument/diagnostic'));
    }
  });

  registerFeatures(session, faults);
  // onRequest, not onExecuteCommand: that one takes the client's work-done token out of the parameters.
  connection.onRequest(ExecuteCommandRequest.type, (params: ExecuteCommandParams) =>
    params.command === REPORT_COMMAND ? executeReportCommand(session, params) : executeSheetCommand(session, params),
  );
  documents.listen(connection);
  connection.listen();
}

/** The service's rule metadata as the protocol carries it. */
function ruleDoc(info: RuleDoc): RuleDoc {
  return {
    id: info.id,
    name: info.name,
    clause: info.clause,
    severity: info.severity,
    short: info.short,
    help: info.help,
  };
}

/** A file that is gone: no findings, no index entry, no diagnostics. */
function forgetFile(session: Session, checks: Checks, publisher: Publisher, uri: string): void {
  checks.cancel(uri);
  session.known.delete(uri);
  session.service.remove(uri);
  publisher.clear(uri);
}

/** Open, change, save and close of documents: what is checked when. */
function watchDocuments(
  session: Session,
  { checks, publisher, indexer }: { checks: Checks; publisher: Publisher; indexer: Indexer },
  faults: Faults,
): void {
  const { connection, documents } = session;
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Files the user was told are checked on save only. */
  const announced = new Set<string>();
  /** The version each document was opened with, until the change event TextDocuments fires with the open. */
  const opened = new Map<string, number>();

  const checkNow = (document: OpenDocument, force = false): void => {
    const { uri, text } = document;
    if (!session.isSteward(uri, text)) {
      checks.cancel(uri); // a check under way stops: the file is not ours any more
      if (session.known.delete(uri)) session.service.remove(uri);
      publisher.clear(uri);
      return;
    }
    const mode = session.modeOf(uri);
    if (mode === 'save-only' && !announced.has(uri)) {
      // Say it once per file, in words: a large file checked only on open and save must not look stale.
      announced.add(uri);
      const mb = (document.byteLength / 1024 / 1024).toFixed(1);
      const limit = (session.maxBytes() / 1024 / 1024).toFixed(1);
      const name = path.basename(URI.parse(uri).fsPath);
      // A notification, not a request: nothing to wait for, and no client can fail to answer it.
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Info,
        message:
          session.locale === 'zh-CN'
            ? `${name} 有 ${mb} MB，超过 steward.validation.maxFileSize（${limit} MB）：只在打开和保存时检查，输入时不检查。`
            : `${name} is ${mb} MB, above steward.validation.maxFileSize (${limit} MB): it is checked when opened and saved, not while you type.`,
      });
    } else if (mode === 'full') {
      announced.delete(uri);
    }
    if (!force && mode === 'save-only') {
      // Over the limit since this edit: the file says so at once (its findings stay those of its last check).
      if (publisher.modeShown(uri) === 'full') publisher.publish(uri);
      else publisher.release(uri);
      return;
    }
    // A reload under way checks it, with the service it is building.
    if (indexer.checksOpenDocuments) return;
    const indexVersion = session.service.index.version;
    checks
      .checkOpen(document)
      .then((checked) => {
        if (checked) publisher.afterCheck(uri, indexVersion);
        // Not recorded: superseded by a newer check (its pulls wait for that one), or a fault (they get the last).
        else if (documents.get(uri)?.version === document.version && !checks.running(uri)) publisher.release(uri);
      })
      .catch((error: unknown) => {
        faults.internalError(uri, error);
        publisher.release(uri);
      });
  };

  const schedule = (document: OpenDocument): void => {
    const { uri, version } = document;
    const timer = pending.get(uri);
    if (timer) clearTimeout(timer);
    pending.set(
      uri,
      setTimeout(
        faults.guarded(() => {
          pending.delete(uri);
          const current = documents.get(uri);
          // A newer edit has its own timer: this one is stale.
          if (current && current.version === version) checkNow(current);
        }, uri),
        DEBOUNCE_MS,
      ),
    );
  };

  // A reload that stopped before the open documents: those not checked in their current version are checked here.
  indexer.checkOpenDocuments = () => {
    for (const document of documents.all())
      if (checks.checkedVersion(document.uri) !== document.version)
        checkNow(document, checks.checkedVersion(document.uri) === undefined);
  };

  documents.onDidOpen((event) => {
    checks.forget(event.document.uri);
    opened.set(event.document.uri, event.document.version);
    checkNow(event.document, true);
  });
  documents.onDidChangeContent((event) => {
    const { uri, version } = event.document;
    const open = opened.get(uri);
    opened.delete(uri);
    // The open itself: it is being checked already, and a second check would replace that one from scratch.
    if (open === version) return;
    schedule(event.document);
  });
  documents.onDidSave((event) => checkNow(event.document, true));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    checks.forget(uri);
    publisher.closed(uri);
    opened.delete(uri);
    const file = URI.parse(uri).fsPath;
    // A closed file stays in the workspace view if it is on disk; otherwise it is gone.
    const read =
      fs.existsSync(file) && session.matchesFiles(uri)
        ? readTextFile(file, { maxBytes: MAX_DISK_FILE_BYTES })
        : undefined;
    if (read?.ok) {
      checks
        .checkDisk(uri, read.text)
        .then((checked) => checked && publisher.publish(uri))
        .catch((error: unknown) => faults.internalError(uri, error));
    } else {
      forgetFile(session, checks, publisher, uri);
      setImmediate(faults.guarded(() => publisher.publishAll()));
    }
  });
}
