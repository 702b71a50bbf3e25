/**
 * "Preview Data Asset Report" in VS Code: the language server makes the HTML report of the workspace (steward.report)
 * and the extension shows it in a webview beside the editor, made again when a register is saved.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, WAIT_MS, workspaceUri } from './helpers';

interface ReportAnswer {
  html: string;
  year: number;
  units: Array<{ name: string; code: string }>;
}

const REGISTER = ['transport-bureau', 'transport.assets.yaml'];

function reportTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('steward.report'));
}

/** The report's tab once its label matches, failing after WAIT_MS with the labels seen. */
function reportTabWhen(label: RegExp): Promise<vscode.Tab> {
  return new Promise((resolve, reject) => {
    const find = () => reportTabs().find((tab) => label.test(tab.label));
    const found = find();
    if (found) return resolve(found);
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no report tab labelled ${label}; tabs: ${JSON.stringify(reportTabs().map((t) => t.label))}`));
    }, WAIT_MS);
    const listener = vscode.window.tabGroups.onDidChangeTabs(() => {
      const tab = find();
      if (!tab) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(tab);
    });
  });
}

describe('VS Code: Preview Data Asset Report', () => {
  before(async () => {
    await activateExtension();
  });
  afterEach(async () => {
    await vscode.window.tabGroups.close(reportTabs());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the report of the workspace in a webview beside the editor', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri(...REGISTER));
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const answer = await vscode.commands.executeCommand<ReportAnswer | undefined>('steward.previewReport');
    assert.ok(answer, 'the command answered the report');
    assert.ok(
      answer.units.some((unit) => unit.name === '某市交通运输局'),
      JSON.stringify(answer.units),
    );
    assert.ok(answer.html.includes('<h2>某市交通运输局</h2>'), 'the unit has its part in the HTML');
    const tab = await reportTabWhen(new RegExp(`${answer.year}`));
    assert.match(tab.label, /Data asset report|数据资产报告/);
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'beside the editor, not in its group');
  });

  it('is made again when a register is saved: its title counts the units the register now names', async () => {
    const answer = await vscode.commands.executeCommand<ReportAnswer | undefined>('steward.previewReport');
    assert.ok(answer);
    const units = answer.units.length;
    await reportTabWhen(new RegExp(`[(（]${units} `));
    const document = await vscode.workspace.openTextDocument(workspaceUri(...REGISTER));
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const line = document
      .getText()
      .split('\n')
      .findIndex((text) => text.startsWith('  code: '));
    const original = document.lineAt(line).text;
    try {
      // Another valid unified social credit code: the register is now a unit of its own.
      await editor.edit((edit) => edit.replace(document.lineAt(line).range, '  code: 11330100002539174C'));
      await document.save();
      await reportTabWhen(new RegExp(`[(（]${units + 1} `));
    } finally {
      await editor.edit((edit) => edit.replace(document.lineAt(line).range, original));
      await document.save();
    }
  });
});
