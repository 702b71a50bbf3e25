/**
 * Rule help as read-only virtual Markdown documents (`steward-rule:/zh-CN/DA-AUTH-001.md`), shown in the Markdown
 * preview: no webview of our own, and the text is the server's, from the rule's metadata.
 */
import * as vscode from 'vscode';
import type { Locale, RuleDoc } from '../../server/src/protocol';

export const RULE_SCHEME = 'steward-rule';

/** A rule's default severity in the user's words. */
export function severityLabel(severity: RuleDoc['severity']): string {
  switch (severity) {
    case 'error':
      return vscode.l10n.t('error');
    case 'warning':
      return vscode.l10n.t('warning');
    case 'info':
      return vscode.l10n.t('info');
  }
}

export class RuleDocuments implements vscode.TextDocumentContentProvider {
  private readonly rules = new Map<string, RuleDoc>();

  remember(rules: readonly RuleDoc[]): void {
    for (const rule of rules) this.rules.set(rule.id, rule);
  }

  /**
   * The locale is part of the path: the Markdown preview tells documents apart by path, so with the locale in
   * the query a rule's help in a second language only revealed the first language's preview.
   */
  uriFor(id: string, locale: Locale): vscode.Uri {
    return vscode.Uri.from({ scheme: RULE_SCHEME, path: `/${locale}/${id}.md` });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const match = /^\/(zh-CN|en)\/(.+)\.md$/.exec(uri.path);
    const id = match ? match[2] : uri.path.replace(/^\//, '').replace(/\.md$/, '');
    const locale: Locale = match?.[1] === 'zh-CN' ? 'zh-CN' : 'en';
    const rule = this.rules.get(id);
    if (!rule) return `# ${id}\n\n${vscode.l10n.t('No rule has this id.')}\n`;
    const help = rule.help[locale];
    // Built-in checks have a one-paragraph help without a heading.
    const heading = help.trimStart().startsWith('#') ? '' : `## ${rule.id}: ${rule.short[locale]}\n\n`;
    return `${heading}${help}\n\n---\n\n${vscode.l10n.t('Default severity: {0}. Change it with the setting steward.rules or in steward.config.yaml.', severityLabel(rule.severity))}\n`;
  }
}

/** Opens a Markdown document in the preview, or as text if the preview is not available. */
export async function showMarkdown(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  }
}
