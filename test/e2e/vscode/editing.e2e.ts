/** Editing with the extension: completion of classification codes and the quick fix for a missing security assessment. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, deleteLine, diagnosticsWhen, lineOf, replaceLine, ruleIdOf, withEditor } from './helpers';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

describe('editing: completion and quick fixes in VS Code', function () {
  before(async () => {
    await activateExtension();
  });

  it('completion at an empty classificationCode: offers the three data codes with their names', async () => {
    await withEditor(['transport-bureau', 'transport.assets.yaml'], async (editor) => {
      const line = lineOf(editor.document, 'classificationCode: A08060201');
      await replaceLine(editor, line, '    classificationCode: ');
      const position = new vscode.Position(line, editor.document.lineAt(line).text.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        editor.document.uri,
        position,
      );
      const codes = list.items.filter((item) => /^A\d{8}$/.test(labelOf(item)));
      assert.deepEqual(codes.map((item) => [labelOf(item), item.detail]).sort(), [
        ['A08060201', '结构化数据'],
        ['A08060202', '半结构化数据'],
        ['A08060203', '非结构化数据'],
      ]);
    });
  });

  it('quick fix for a missing security assessment adds the record to the authorization', async () => {
    await withEditor(['transport-bureau', 'transport.assets.yaml'], async (editor) => {
      const document = editor.document;
      // The second asset's authorization: its securityAssessment goes, the quick fix puts a record back.
      const assessment = lineOf(document, 'securityAssessment: { ref: AQPG-2024-02');
      const entity = assessment - 4;
      assert.match(document.lineAt(entity).text, /^ {6}- entity: /);
      await deleteLine(editor, assessment);
      const broken = document.getText();

      const diagnostics = await diagnosticsWhen(
        document.uri,
        (all) => all.some((d) => ruleIdOf(d) === 'DA-AUTH-001'),
        'DA-AUTH-001',
      );
      const missing = diagnostics.find((d) => ruleIdOf(d) === 'DA-AUTH-001')!;
      assert.equal(missing.range.start.line, entity);
      assert.match(missing.message, /security assessment/);

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        missing.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find(
        (action) => action.title === 'Add a security assessment record (report number and date to fill in)',
      );
      assert.ok(fix?.edit, `no such quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));

      const lines = broken.split('\n');
      const paid = lines.findIndex((text, index) => index > entity && text === '        paid: false');
      const expected = [
        ...lines.slice(0, paid + 1),
        '        securityAssessment:',
        '          ref: 待填写',
        '          date: 待填写',
        ...lines.slice(paid + 1),
      ].join('\n');
      assert.equal(document.getText(), expected);
      // The finding is gone; the placeholders are reported as what is left to fill in.
      const after = await diagnosticsWhen(
        document.uri,
        (all) => !all.some((d) => ruleIdOf(d) === 'DA-AUTH-001'),
        'DA-AUTH-001 gone',
      );
      assert.ok(
        after.some((d) => ruleIdOf(d) === 'DA-TODO-001' && d.range.start.line === paid + 2),
        JSON.stringify(after.map((d) => [ruleIdOf(d), d.range.start.line])),
      );
    });
  });
});
