/**
 * Red Hat's YAML extension next to ours: it gives completion and hover from our completion-only ("hints") schemas,
 * we give the diagnostics. See README.md, "With Red Hat's YAML extension".
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { vsdiag } from 'vscode-languageclient/node';
import {
  coveredByManifest,
  HINT_SCHEMA_FILES,
  hintSchemaKind,
  RED_HAT_YAML,
  redHatShowsSyntaxErrors,
  withoutSyntaxErrors,
} from './coexistence';
import type { SyntaxErrorsSetting } from './coexistence';

/** The part of Red Hat's extension API we use (its `registerContributor`). */
interface YamlExtensionApi {
  registerContributor(
    schema: string,
    requestSchema: (resource: string) => string | undefined,
    requestSchemaContent: (uri: string) => string | undefined,
    label?: string,
  ): boolean;
}

/**
 * Offers our hints schemas for steward files that the manifest's `yamlValidation` globs miss: files named by a
 * custom `steward.files` glob, or any YAML file that declares `apiVersion: steward/v1`.
 */
export async function contributeHintSchemas(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): Promise<void> {
  const yaml = vscode.extensions.getExtension(RED_HAT_YAML);
  if (!yaml) return;
  try {
    const api = (await yaml.activate()) as Partial<YamlExtensionApi> | undefined;
    if (typeof api?.registerContributor !== 'function') return;
    const schemaUri = (file: string) => vscode.Uri.joinPath(context.extensionUri, 'dist', 'schemas', file);
    api.registerContributor(
      'steward',
      (resource) => {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === resource);
        if (!document || coveredByManifest(document.fileName)) return undefined;
        const kind = hintSchemaKind(document.fileName, document.getText());
        return kind ? schemaUri(HINT_SCHEMA_FILES[kind]).toString() : undefined;
      },
      (uri) => {
        const file = Object.values(HINT_SCHEMA_FILES).find((name) => uri === schemaUri(name).toString());
        return file ? readBundled(schemaUri(file)) : undefined;
      },
    );
  } catch (error) {
    log.warn(`Red Hat YAML schema contributor not registered: ${(error as Error).message}`);
  }
}

function readBundled(uri: vscode.Uri): string | undefined {
  try {
    // The contributor's callback is synchronous; the file is small and inside the extension.
    return fs.readFileSync(uri.fsPath, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Keeps each YAML syntax error once: where Red Hat's extension validates a document it reports the same parse
 * errors, so ours are hidden there (setting `steward.yamlSyntaxErrors`). Remembers what the server sent so a change
 * of settings or extensions re-applies the choice without asking the server again.
 */
export class SyntaxErrorFilter implements vscode.Disposable {
  private readonly received = new Map<string, vscode.Diagnostic[]>();
  /** Diagnostics pulled (LSP 3.17) per open document: all the server sent, and whether syntax errors were hidden. */
  private readonly pulled = new Map<string, { items: vscode.Diagnostic[]; hidden: boolean }>();
  private readonly subscriptions: vscode.Disposable[] = [];

  /** `repull`: asks the client to pull every open document's diagnostics again. */
  constructor(
    private readonly collection: () => vscode.DiagnosticCollection | undefined,
    private readonly repull: () => void = () => undefined,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('yaml.validate') || event.affectsConfiguration('steward.yamlSyntaxErrors'))
          this.reapply();
      }),
      vscode.extensions.onDidChange(() => this.reapply()),
      // Red Hat's extension checks open documents only: a closed file shows all our findings again.
      vscode.workspace.onDidCloseTextDocument((document) => this.reapply(document.uri.toString(), false)),
    );
  }

  /** The diagnostics to show for `uri`, given all the server sent. */
  apply(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
    this.received.set(uri.toString(), diagnostics);
    return this.hides(uri) ? withoutSyntaxErrors(diagnostics) : diagnostics;
  }

  /**
   * A pulled report, filtered like pushed diagnostics. An `unchanged` report (the server's diagnostics are the
   * same) becomes a full one when the choice to hide syntax errors changed since, so that the editor shows the
   * new choice.
   */
  applyReport(uri: vscode.Uri, report: vsdiag.DocumentDiagnosticReport): vsdiag.DocumentDiagnosticReport {
    const key = uri.toString();
    const hidden = this.hides(uri);
    const filter = (items: vscode.Diagnostic[]) => (hidden ? withoutSyntaxErrors(items) : items);
    if (report.kind === vsdiag.DocumentDiagnosticReportKind.full) {
      this.pulled.set(key, { items: report.items, hidden });
      return { ...report, items: filter(report.items) };
    }
    const last = this.pulled.get(key);
    if (!last || last.hidden === hidden) return report;
    last.hidden = hidden;
    return { kind: vsdiag.DocumentDiagnosticReportKind.full, resultId: report.resultId, items: filter(last.items) };
  }

  private hides(uri: vscode.Uri): boolean {
    const languageId = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId;
    if (!languageId) return false;
    return redHatShowsSyntaxErrors({
      setting: vscode.workspace.getConfiguration('steward').get<SyntaxErrorsSetting>('yamlSyntaxErrors'),
      redHatInstalled: vscode.extensions.getExtension(RED_HAT_YAML) !== undefined,
      yamlValidate: vscode.workspace.getConfiguration('yaml', { uri, languageId }).get<boolean>('validate', true),
      languageId,
    });
  }

  /** Shows again what the server sent, filtered by the current settings; `open: false` for a closing document. */
  private reapply(only?: string, open = true): void {
    if (only !== undefined && !open) this.pulled.delete(only);
    else if (this.pulled.size > 0) this.repull();
    const collection = this.collection();
    if (!collection) return;
    for (const [key, diagnostics] of this.received) {
      if (only !== undefined && key !== only) continue;
      const uri = vscode.Uri.parse(key);
      collection.set(uri, open && this.hides(uri) ? withoutSyntaxErrors(diagnostics) : diagnostics);
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.received.clear();
    this.pulled.clear();
  }
}
