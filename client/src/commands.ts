/** The extension's commands. Each asks the language server or edits the active document; none checks anything itself. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RulesRequest, ValidateWorkspaceRequest } from '../../server/src/protocol';
import type { Locale, RuleDoc } from '../../server/src/protocol';
import { resolveLocale } from './presentation';
import { RuleDocuments, severityLabel, showMarkdown } from './rule-docs';
import { assetInsertion, isRegister, registerSnippet } from './templates';
import { registerSheetCommands } from './sheets';
import { registerReportCommand } from './report';

export function localeNow(): Locale {
  return resolveLocale(vscode.workspace.getConfiguration('steward').get<string>('locale'), vscode.env.language);
}

export function registerCommands(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  log: vscode.LogOutputChannel,
): void {
  const ruleDocuments = new RuleDocuments();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider('steward-rule', ruleDocuments),
    vscode.commands.registerCommand('steward.validateWorkspace', () => validateWorkspace(client)),
    vscode.commands.registerCommand('steward.newAsset', () => newAsset()),
    vscode.commands.registerCommand('steward.explainRule', (id?: unknown) =>
      explainRule(client, ruleDocuments, typeof id === 'string' ? id : undefined),
    ),
    vscode.commands.registerCommand('steward.openRulesReference', () => openRulesReference(context)),
    vscode.commands.registerCommand('steward.showOutput', () => log.show()),
  );
  registerSheetCommands(context, client);
  registerReportCommand(context, client);
}

async function validateWorkspace(client: LanguageClient): Promise<void> {
  const summary = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Checking the data asset files of the workspace…'),
    },
    () => client.sendRequest(ValidateWorkspaceRequest),
  );
  const message = vscode.l10n.t(
    'Files checked: {0}. Errors: {1}, warnings: {2}.',
    summary.files,
    summary.errors,
    summary.warnings,
  );
  const showProblems = vscode.l10n.t('Show Problems');
  const show = summary.errors > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  if ((await show(message, showProblems)) === showProblems)
    await vscode.commands.executeCommand('workbench.actions.view.problems');
}

/** Our snippets carry their own indentation: VS Code must not re-indent them. */
const SNIPPET_OPTIONS = { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true } as const;

/** Adds an asset to the active register, or opens a new register holding one asset. */
async function newAsset(): Promise<void> {
  const year = new Date().getFullYear();
  const editor = vscode.window.activeTextEditor;
  if (editor && isRegister(editor.document.getText())) {
    const lines = editor.document.getText().split(/\r?\n/);
    const place = assetInsertion(lines, editor.selection.active.line, year);
    const range = new vscode.Range(place.line, place.startCharacter, place.line, place.endCharacter);
    await editor.insertSnippet(new vscode.SnippetString(place.snippet), range, SNIPPET_OPTIONS);
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
  const created = await vscode.window.showTextDocument(document);
  await created.insertSnippet(
    new vscode.SnippetString(registerSnippet(year)),
    new vscode.Position(0, 0),
    SNIPPET_OPTIONS,
  );
}

async function explainRule(client: LanguageClient, documents: RuleDocuments, id: string | undefined): Promise<void> {
  const rules = await client.sendRequest(RulesRequest);
  documents.remember(rules);
  const locale = localeNow();
  const chosen = id ? rules.find((rule) => rule.id === id) : await pickRule(rules, locale);
  if (!chosen) {
    if (id) void vscode.window.showWarningMessage(vscode.l10n.t('There is no rule {0}.', id));
    return;
  }
  await showMarkdown(documents.uriFor(chosen.id, locale));
}

async function pickRule(rules: readonly RuleDoc[], locale: Locale): Promise<RuleDoc | undefined> {
  const items = rules.map((rule) => ({
    label: rule.id,
    description: rule.short[locale],
    detail: `${rule.clause} · ${severityLabel(rule.severity)} · ${rule.name}`,
    rule,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Explain a rule'),
    placeHolder: vscode.l10n.t('Type a rule id, a word of its description or a clause'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.rule;
}

/** The reference of every rule, shipped in the extension (copied from docs/ at build time). */
async function openRulesReference(context: vscode.ExtensionContext): Promise<void> {
  const file = localeNow() === 'zh-CN' ? 'rules.zh-CN.md' : 'rules.md';
  await showMarkdown(vscode.Uri.joinPath(context.extensionUri, 'dist', 'docs', file));
}
