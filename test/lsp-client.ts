/**
 * A real LSP client for tests: spawns the bundled server over stdio and speaks JSON-RPC to it
 * (vscode-languageserver-protocol), answering the server's requests as an editor would.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { ROOT } from './helpers';

export const SERVER = path.join(ROOT, 'dist', 'server.js');

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

type Waiter = { uri: string; predicate: (p: Published) => boolean; resolve: (p: Published) => void };

export class LspClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  /** The latest diagnostics per uri. */
  readonly diagnostics = new Map<string, Published>();
  readonly progress: unknown[] = [];
  /** Every `$/progress`, with its token (the connection's own per-token dispatch is replaced by the handler below). */
  readonly progressEvents: Array<{ token: string | number; value: unknown }> = [];
  /** window/showMessage notifications, and steward/status notifications, in arrival order. */
  readonly messages: Array<{ type: number; message: string }> = [];
  readonly statuses: Array<{ uri: string; mode?: string; errors: number }> = [];
  /** window/logMessage notifications (the server's output channel), in arrival order. */
  readonly logs: Array<{ type: number; message: string }> = [];
  /** Every publishDiagnostics, in arrival order. */
  readonly published: Published[] = [];
  settings: Record<string, unknown> = {};
  /** Declare LSP 3.17 pull diagnostics (textDocument/diagnostic, with refresh) in `initialize`, as VS Code does. */
  pullDiagnostics = false;
  /** workspace/diagnostic/refresh requests received from the server. */
  refreshes = 0;
  private waiters: Waiter[] = [];
  private versions = new Map<string, number>();

  constructor(args: string[] = [SERVER, '--stdio']) {
    this.process = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params: Published) => {
      this.published.push(params);
      this.diagnostics.set(params.uri, params);
      const ready = this.waiters.filter((w) => w.uri === params.uri && w.predicate(params));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const waiter of ready) waiter.resolve(params);
    });
    this.connection.onNotification('$/progress', (params: { token: string | number; value: unknown }) => {
      this.progress.push(params.value);
      this.progressEvents.push(params);
    });
    this.connection.onNotification('steward/status', (params: { uri: string; mode?: string; errors: number }) =>
      this.statuses.push(params),
    );
    this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) =>
      this.messages.push(params),
    );
    this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) =>
      this.logs.push(params),
    );
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
      params.items.map(() => this.settings),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  /** Resolves when the server has finished indexing the workspace (its `$/progress` ended). */
  indexed(): Promise<void> {
    return new Promise((resolve) => {
      const check = () =>
        this.progress.some((p) => (p as { kind: string }).kind === 'end') ? resolve() : setTimeout(check, 5);
      check();
    });
  }

  /** `initialize` with `folder` as the workspace, then waits until the server has indexed it. */
  async ready(folder: string, locale = 'en'): Promise<void> {
    await this.initialize(folder, locale);
    await this.indexed();
  }

  async initialize(folder: string, locale = 'en'): Promise<unknown> {
    const uri = URI.file(folder).toString();
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: path.basename(folder) }],
      locale,
      capabilities: {
        workspace: {
          configuration: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceFolders: true,
          ...(this.pullDiagnostics ? { diagnostics: { refreshSupport: true } } : {}),
        },
        window: { workDoneProgress: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          completion: { completionItem: { snippetSupport: true } },
          ...(this.pullDiagnostics ? { diagnostic: { dynamicRegistration: false } } : {}),
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next diagnostics published for `uri` that satisfy `predicate`. */
  nextDiagnostics(
    uri: string,
    predicate: (p: Published) => boolean = () => true,
    timeoutMs = 20_000,
  ): Promise<Published> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        uri,
        predicate,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  /** Diagnostics already published for `uri` that satisfy `predicate`, or the next ones that do. */
  diagnosticsFor(uri: string, predicate: (p: Published) => boolean = () => true): Promise<Published> {
    const current = this.diagnostics.get(uri);
    return current && predicate(current) ? Promise.resolve(current) : this.nextDiagnostics(uri, predicate);
  }

  open(uri: string, text: string): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
  }

  /** Sends an incremental change; returns the new version. */
  change(
    uri: string,
    range: { start: { line: number; character: number }; end: { line: number; character: number } },
    text: string,
  ): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return version;
  }

  /** Sends several incremental changes in one notification (each applies to the text the previous one left). */
  changeMany(
    uri: string,
    events: Array<{
      range: { start: { line: number; character: number }; end: { line: number; character: number } };
      text: string;
    }>,
  ): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: events,
    });
    return version;
  }

  /** Pulls a document's diagnostics (textDocument/diagnostic), naming the result id the client holds. */
  pull(
    uri: string,
    previousResultId?: string,
  ): Promise<{ kind: 'full'; resultId: string; items: Diagnostic[] } | { kind: 'unchanged'; resultId: string }> {
    return this.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

/** The ResponseError a request ends with (a command refused), failing when it succeeds. */
export async function failure(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ResponseError, String(error));
    return error;
  }
  assert.fail('the command succeeded');
}

export function uriOf(file: string): string {
  return URI.file(file).toString();
}
