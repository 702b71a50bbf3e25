/**
 * The VS Code extension: starts the bundled language server (dist/server.js) and wires commands, the status bar and
 * Red Hat's YAML extension around it. Every check is the server's; this file is wiring only.
 */
import * as vscode from 'vscode';
import {
  DocumentDiagnosticRequest,
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
} from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { WorkspaceTrustedNotification } from '../../server/src/protocol';
import type { InitializationOptions } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { StatusBar } from './status-bar';
import { contributeHintSchemas, SyntaxErrorFilter } from './yaml-extension';

let client: LanguageClient | undefined;

/** What the extension exports: how long activation took, and when the language server is up. */
export interface StewardApi {
  /** Milliseconds spent in activate(): what VS Code waits for before the workbench goes on. */
  activationMs: number;
  /** Settles when the language server has started (or failed to, which the user is told). */
  ready: Promise<void>;
}

export function activate(context: vscode.ExtensionContext): StewardApi {
  const started = performance.now();
  // A product name, the same in every language (it names the channel in the Output view's list).
  const log = vscode.window.createOutputChannel('Data Asset Steward', { log: true });
  context.subscriptions.push(log);

  const syntaxErrors = new SyntaxErrorFilter(
    () => client?.diagnostics,
    () => {
      // Pulled diagnostics (LSP 3.17): the client pulls every open document's again.
      const document = vscode.window.activeTextEditor?.document ?? vscode.workspace.textDocuments[0];
      const feature = client?.getFeature(DocumentDiagnosticRequest.method);
      if (document) feature?.getProvider(document)?.onDidChangeDiagnosticsEmitter.fire();
    },
  );
  context.subscriptions.push(syntaxErrors);
  client = new LanguageClient(
    'steward',
    vscode.l10n.t('Data Asset Steward language server'),
    serverOptions(context),
    clientOptions(log, syntaxErrors),
  );

  const statusBar = new StatusBar(client, log);
  context.subscriptions.push(statusBar);
  // Restricted Mode: the server reads no configured code table until the user trusts the workspace.
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (client?.isRunning()) void client.sendNotification(WorkspaceTrustedNotification, {});
    }),
  );
  registerCommands(context, client, log);

  // Activation does not wait for the server process: VS Code goes on while it starts.
  const ready = client.start().then(
    () => {
      void statusBar.refresh();
      void contributeHintSchemas(context, log);
    },
    async (error: unknown) => {
      log.error(`The language server did not start: ${(error as Error).message}`);
      const showOutput = vscode.l10n.t('Show Output');
      const choice = await vscode.window.showErrorMessage(
        vscode.l10n.t('The Data Asset Steward language server did not start.'),
        showOutput,
      );
      if (choice === showOutput) log.show();
    },
  );
  return { activationMs: performance.now() - started, ready };
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.isRunning()) await running.stop();
}

function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath('dist/server.js');
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
}

function clientOptions(log: vscode.LogOutputChannel, syntaxErrors: SyntaxErrorFilter): LanguageClientOptions {
  return {
    // Every YAML document: the server itself tells steward files (by `steward.files` globs or by their
    // `apiVersion: steward/v1` header) from others, which get no diagnostics. Untitled documents are included so
    // a new register is checked before it is saved.
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted } satisfies InitializationOptions,
    outputChannel: log,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    diagnosticCollectionName: 'steward',
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => next(uri, syntaxErrors.apply(uri, diagnostics)),
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        const uri = document instanceof vscode.Uri ? document : document.uri;
        return report ? syntaxErrors.applyReport(uri, report) : report;
      },
    },
  };
}
