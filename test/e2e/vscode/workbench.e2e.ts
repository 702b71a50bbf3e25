/** The extension in the workbench: its commands, and settings that take effect without a reload. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  diagnosticsWhen,
  ruleIdOf,
  setStewardSetting,
  WAIT_MS,
  withEditor,
  workspaceUri,
} from './helpers';

const COMMANDS = [
  'steward.validateWorkspace',
  'steward.newAsset',
  'steward.explainRule',
  'steward.openRulesReference',
  'steward.showOutput',
  'steward.importSpreadsheet',
  'steward.exportSpreadsheet',
  'steward.previewReport',
];

/** The text of the rule document `steward.explainRule` opens (a virtual steward-rule: document, shown in a preview). */
async function explainedRule(id: string, locale: 'zh-CN' | 'en'): Promise<string> {
  const wanted = (d: vscode.TextDocument) => d.uri.scheme === 'steward-rule' && d.uri.path === `/${locale}/${id}.md`;
  const subscriptions: vscode.Disposable[] = [];
  try {
    const opened = new Promise<vscode.TextDocument>((resolve, reject) => {
      const timer = setTimeout(() => {
        const open = vscode.workspace.textDocuments
          .filter((d) => d.uri.scheme === 'steward-rule')
          .map((d) => d.uri.toString());
        reject(
          new Error(
            `no steward-rule document for ${id} in ${locale} within ${WAIT_MS} ms; open: ${open.join(', ') || 'none'}`,
          ),
        );
      }, WAIT_MS);
      subscriptions.push({ dispose: () => clearTimeout(timer) });
      subscriptions.push(vscode.workspace.onDidOpenTextDocument((document) => wanted(document) && resolve(document)));
    });
    await vscode.commands.executeCommand('steward.explainRule', id);
    const document = vscode.workspace.textDocuments.find(wanted) ?? (await opened);
    return document.getText();
  } finally {
    for (const subscription of subscriptions) subscription.dispose();
  }
}

describe('workbench: commands and settings in VS Code', function () {
  let extension: vscode.Extension<unknown>;
  before(async () => {
    extension = await activateExtension();
  });
  afterEach(async () => {
    await setStewardSetting('locale', undefined);
    await setStewardSetting('rules', undefined);
    await setStewardSetting('diagnostics.maxPerFile', undefined);
  });

  it('steward.diagnostics.maxPerFile caps a shown file’s problems, one information at its top counting the rest', async () => {
    await withEditor(['invalid', 'duplicate-id.assets.yaml'], async (editor) => {
      const uri = editor.document.uri;
      const all = await diagnosticsWhen(uri, (d) => d.length >= 2, 'two problems or more');
      await setStewardSetting('diagnostics.maxPerFile', 1);
      const isSummary = (d: vscode.Diagnostic) => ruleIdOf(d) === 'steward.moreFindings';
      const capped = await diagnosticsWhen(uri, (d) => d.some(isSummary), 'the summary of the problems left out');
      assert.equal(capped.length, 2);
      const summary = capped.find(isSummary)!;
      assert.equal(summary.severity, vscode.DiagnosticSeverity.Information);
      assert.equal(summary.range.start.line, 0);
      assert.match(summary.message, new RegExp(`^${all.length - 1} more findings in this file are not listed here`));
      await setStewardSetting('diagnostics.maxPerFile', undefined);
      await diagnosticsWhen(uri, (d) => d.length === all.length && !d.some(isSummary), 'all problems again');
    });
  });

  it('is active, reports how long activation took, and registers every command its manifest contributes', async () => {
    assert.equal(extension.isActive, true);
    const api = extension.exports as { activationMs: number; ready: Promise<void> };
    assert.equal(typeof api.activationMs, 'number');
    // A figure for the benchmark notes (not a timed assertion): the runner prints it.
    console.log(`STEWARD-ACTIVATION-MS ${api.activationMs.toFixed(1)}`);
    const contributed = (
      extension.packageJSON as { contributes: { commands: Array<{ command: string }> } }
    ).contributes.commands.map((c) => c.command);
    assert.deepEqual(contributed.sort(), [...COMMANDS].sort());
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      COMMANDS.filter((command) => !registered.has(command)),
      [],
    );
  });

  it('steward.explainRule opens the rule help from the server, in the language of steward.locale', async () => {
    const english = await explainedRule('DA-AUTH-001', 'en');
    assert.match(english, /DA-AUTH-001/);
    assert.match(english, /security assessment/i);
    await setStewardSetting('locale', 'zh-CN');
    // The English preview of the same rule stays open: the Chinese one must open beside it, not just reveal it.
    const chinese = await explainedRule('DA-AUTH-001', 'zh-CN');
    assert.match(chinese, /安全评估/);
  });

  it("steward.locale switches the diagnostics' language without a reload", async () => {
    const uri = workspaceUri('invalid', 'wrong-enum.catalog.yaml');
    await vscode.workspace.openTextDocument(uri);
    const isEnum = (d: vscode.Diagnostic) => ruleIdOf(d) === 'DA-SCHEMA-003';
    // English by default (the display language is English); a previous test's locale may still be settling.
    const english = await diagnosticsWhen(
      uri,
      (all) => all.some((d) => isEnum(d) && !/不是/.test(d.message)),
      'DA-SCHEMA-003 in English',
    );
    assert.match(english.find(isEnum)!.message, /"普通数据" is not a valid value of "securityGrade"/);
    await setStewardSetting('locale', 'zh-CN');
    const chinese = await diagnosticsWhen(
      uri,
      (all) => all.some((d) => isEnum(d) && /不是/.test(d.message)),
      'the message in Chinese',
    );
    assert.match(chinese.find(isEnum)!.message, /“普通数据”不是“securityGrade”（数据分级）的有效值/);
    await setStewardSetting('locale', 'en');
    await diagnosticsWhen(
      uri,
      (all) => all.some((d) => isEnum(d) && /is not a valid value/.test(d.message)),
      'the message in English again',
    );
  });

  it('steward.rules turns a rule off, and changes a severity, without a reload', async () => {
    const enumUri = workspaceUri('invalid', 'wrong-enum.catalog.yaml');
    const codeUri = workspaceUri('invalid', 'code-not-data-branch.assets.yaml');
    await vscode.workspace.openTextDocument(enumUri);
    await vscode.workspace.openTextDocument(codeUri);
    await diagnosticsWhen(enumUri, (all) => all.some((d) => ruleIdOf(d) === 'DA-SCHEMA-003'), 'DA-SCHEMA-003');
    const warning = await diagnosticsWhen(
      codeUri,
      (all) => all.some((d) => ruleIdOf(d) === 'DA-CODE-002'),
      'DA-CODE-002',
    );
    assert.equal(warning.find((d) => ruleIdOf(d) === 'DA-CODE-002')!.severity, vscode.DiagnosticSeverity.Warning);

    await setStewardSetting('rules', { 'DA-SCHEMA-003': 'off', 'DA-CODE-002': 'error' });
    await diagnosticsWhen(
      enumUri,
      (all) => !all.some((d) => ruleIdOf(d) === 'DA-SCHEMA-003'),
      'DA-SCHEMA-003 turned off',
    );
    await diagnosticsWhen(
      codeUri,
      (all) => all.some((d) => ruleIdOf(d) === 'DA-CODE-002' && d.severity === vscode.DiagnosticSeverity.Error),
      'DA-CODE-002 as an error',
    );

    await setStewardSetting('rules', undefined);
    await diagnosticsWhen(enumUri, (all) => all.some((d) => ruleIdOf(d) === 'DA-SCHEMA-003'), 'DA-SCHEMA-003 back');
    await diagnosticsWhen(
      codeUri,
      (all) => all.some((d) => ruleIdOf(d) === 'DA-CODE-002' && d.severity === vscode.DiagnosticSeverity.Warning),
      'DA-CODE-002 a warning again',
    );
  });
});
