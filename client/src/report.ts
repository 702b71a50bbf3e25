/**
 * "Preview Data Asset Report": the language server computes the HTML report of the workspace folder
 * (`workspace/executeCommand` steward.report, the CLI's own code); this shows it in a webview beside the editor and
 * asks again when a catalog, register or configuration is saved. The page runs no script and loads nothing: its
 * content security policy allows inline styles and data: images only.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import { REPORT_COMMAND } from '../../server/src/protocol';
import type { ReportAnswer, ReportArguments } from '../../server/src/protocol';
import { sheetErrorText } from './sheet-errors';

/** What the page may load: nothing but its own inline CSS and SVG (data: images, should a chart ever hold one). */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The files whose saving changes the report. */
const REPORT_INPUT = /(\.catalog\.ya?ml|\.assets\.ya?ml|(^|[\\/])steward\.config\.ya?ml)$/;
/** Saves within this time make one refresh (Save All writes many files at once). */
const REFRESH_DELAY_MS = 300;

/** The report's HTML with the content security policy as the first element of its head. */
export function withPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`;
  return html.replace(/<head>/i, `<head>\n${meta}`);
}

class ReportPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private folder: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly saving: vscode.Disposable;

  constructor(private readonly client: LanguageClient) {
    this.saving = vscode.workspace.onDidSaveTextDocument((document) => {
      if (!this.panel || !REPORT_INPUT.test(document.uri.fsPath)) return;
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
    });
  }

  /** Opens (or brings back) the preview of `folder`; answers the server's report, undefined when it failed. */
  async show(folder: vscode.Uri | undefined): Promise<ReportAnswer | undefined> {
    this.folder = folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    const answer = await this.report();
    if (!answer) return undefined;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'steward.report',
        this.title(answer),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, enableForms: false, localResourceRoots: [], enableFindWidget: true },
      );
      this.panel.onDidDispose(() => (this.panel = undefined));
    } else this.panel.reveal(vscode.ViewColumn.Beside, true);
    this.render(answer);
    return answer;
  }

  private async refresh(): Promise<void> {
    this.timer = undefined;
    if (!this.panel) return;
    const answer = await this.report();
    if (answer && this.panel) this.render(answer);
  }

  private render(answer: ReportAnswer): void {
    if (!this.panel) return;
    this.panel.title = this.title(answer);
    this.panel.webview.html = withPolicy(answer.html);
  }

  private title(answer: ReportAnswer): string {
    return vscode.l10n.t('Data asset report {0} ({1} units)', answer.year, answer.units.length);
  }

  /** The server's report of the folder, its progress in the status bar; a failure is shown to the user. */
  private async report(): Promise<ReportAnswer | undefined> {
    const argument: ReportArguments = this.folder ? { folder: this.folder.fsPath } : {};
    try {
      return await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Making the data asset report…') },
        () =>
          this.client.sendRequest(ExecuteCommandRequest.type, {
            command: REPORT_COMMAND,
            arguments: [argument],
          }) as Promise<ReportAnswer>,
      );
    } catch (error) {
      const text = sheetErrorText(error) ?? (error instanceof Error ? error.message : String(error));
      void vscode.window.showErrorMessage(text);
      return undefined;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.saving.dispose();
    this.panel?.dispose();
  }
}

export function registerReportCommand(context: vscode.ExtensionContext, client: LanguageClient): void {
  const preview = new ReportPreview(client);
  context.subscriptions.push(
    preview,
    vscode.commands.registerCommand('steward.previewReport', (folder?: unknown) =>
      preview.show(folder instanceof vscode.Uri ? folder : undefined),
    ),
  );
}
