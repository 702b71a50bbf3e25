/** The status bar item for the active steward file: its error and warning counts; a click opens the Problems view. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FileStateRequest, StatusNotification } from '../../server/src/protocol';
import type { FileMode, FindingCounts } from '../../server/src/protocol';
import { countsSentence, statusText } from './presentation';

interface Shown extends FindingCounts {
  mode?: FileMode;
}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('steward.status', vscode.StatusBarAlignment.Left, 10);
  /** Counts the server last reported, by document uri. */
  private readonly counts = new Map<string, Shown>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly client: LanguageClient,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.item.name = vscode.l10n.t('Data Asset Steward');
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      this.item,
      client.onNotification(StatusNotification, (status) => {
        this.counts.set(status.uri, status);
        if (status.uri === this.activeUri()) this.render(status);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.workspace.onDidCloseTextDocument((document) => this.counts.delete(document.uri.toString())),
    );
  }

  /** Asks the server about the active document (it may be a YAML file that is not ours). */
  async refresh(): Promise<void> {
    const uri = this.activeUri();
    if (!uri || vscode.window.activeTextEditor?.document.languageId !== 'yaml' || !this.client.isRunning()) {
      this.hide();
      return;
    }
    try {
      const state = await this.client.sendRequest(FileStateRequest, { uri });
      if (uri !== this.activeUri()) return; // the user moved on meanwhile
      if (state.steward) this.render(state);
      else this.hide();
    } catch (error) {
      this.log.warn(`steward/fileState failed: ${(error as Error).message}`);
      this.hide();
    }
  }

  private activeUri(): string | undefined {
    return vscode.window.activeTextEditor?.document.uri.toString();
  }

  private render(counts: Shown): void {
    this.item.text = statusText(counts, vscode.l10n.t('checked on save'));
    this.item.tooltip = this.tooltip(counts);
    this.item.backgroundColor = counts.errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
    void vscode.commands.executeCommand('setContext', 'steward.isStewardFile', true);
  }

  private tooltip(counts: Shown): vscode.MarkdownString {
    const lines = [countsSentence(counts, vscode.l10n)];
    if (counts.mode === 'save-only')
      lines.push(vscode.l10n.t('This file is large: it is checked when opened and saved, not while you type.'));
    lines.push(vscode.l10n.t('Click to open the Problems view.'));
    return new vscode.MarkdownString(lines.join('\n\n'));
  }

  private hide(): void {
    this.item.hide();
    void vscode.commands.executeCommand('setContext', 'steward.isStewardFile', false);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
