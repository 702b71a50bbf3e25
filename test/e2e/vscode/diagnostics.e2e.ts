/** Diagnostics in the real editor: every invalid example shows its rule on the offending line; the clean unit stays clean. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  diagnosticsWhen,
  lineOf,
  replaceLine,
  ruleIdOf,
  withEditor,
  withoutUnusedResourceNotes,
  workspaceUri,
} from './helpers';

const { Error: E, Warning: W, Information: I } = vscode.DiagnosticSeverity;

/** Each invalid example: its one rule, a text on the line it points at, and the severity VS Code shows. */
const EXPECTED: Record<string, [ruleId: string, lineContains: string, severity: vscode.DiagnosticSeverity]> = {
  'bad-date.catalog.yaml': ['DA-SCHEMA-005', '2024-02-30', E],
  'bad-id-pattern.catalog.yaml': ['DA-SCHEMA-005', 'r-330100-jt-9112', E],
  'classified-opened.catalog.yaml': ['DA-OPEN-001', 'type: 有条件开放', E],
  'code-2010-edition.assets.yaml': ['DA-CODE-004', 'classificationCode: 2010000', E],
  'code-not-a08.assets.yaml': ['DA-CODE-003', 'classificationCode: A02010100', E],
  'code-not-data-branch.assets.yaml': ['DA-CODE-002', 'classificationCode: A08060301', W],
  'code-unknown.assets.yaml': ['DA-CODE-001', 'classificationCode: A08060299', E],
  'disposal-without-approval.assets.yaml': ['DA-DISP-002', 'disposal:', E],
  'duplicate-id.assets.yaml': ['DA-ID-001', '- id: DA-2024-9225', E],
  'duplicate-key.catalog.yaml': ['DA-YAML-002', 'name:', E],
  'grade-below-resource.assets.yaml': ['DA-SEC-001', 'securityGrade: 一般数据', E],
  'guarantee.assets.yaml': ['DA-AUTH-006', 'guarantee:', E],
  'important-data-unprotected.assets.yaml': ['DA-SEC-002', 'security:', W],
  'missing-required.catalog.yaml': ['DA-SCHEMA-001', '- id: R-', E],
  'no-sharing-without-basis.catalog.yaml': ['DA-SHARE-001', 'sharing:', E],
  'paid-without-fee.assets.yaml': ['DA-AUTH-003', '- entity:', E],
  'personal-info-without-basis.catalog.yaml': ['DA-PI-001', 'personalInformation:', E],
  'placeholder-left.assets.yaml': ['DA-TODO-001', 'cardNumber: 待填写', W],
  'purchase-without-budget.assets.yaml': ['DA-ACQ-001', 'acquisition:', E],
  'related-to-itself.catalog.yaml': ['DA-CAT-002', 'relatedResources: [R-330100-JT-9122]', W],
  'revenue-not-non-tax.assets.yaml': ['DA-REV-001', 'handling: 事业收入', E],
  'tab-indent.catalog.yaml': ['DA-YAML-003', '\t', E],
  'top-level-not-mapping.catalog.yaml': ['DA-YAML-004', '- apiVersion', E],
  'unexpected-property.catalog.yaml': ['DA-SCHEMA-002', 'relatedResoures:', E],
  'unit-code-bad-check.catalog.yaml': ['DA-UNIT-001', 'code: 113301000025391738', E],
  'unit-code-kind-mismatch.catalog.yaml': ['DA-UNIT-002', 'code: 123301004703621533', W],
  'unknown-resource.assets.yaml': ['DA-REF-001', 'resource: R-330100-JT-0999', E],
  'waiver-without-reason.assets.yaml': ['DA-WAIVER-001', '# steward-disable-next-line DA-REF-001', E],
  'wrong-enum.catalog.yaml': ['DA-SCHEMA-003', 'securityGrade: 普通数据', E],
  'wrong-type.catalog.yaml': ['DA-SCHEMA-004', 'contains: 否', E],
  'yaml-syntax-error.catalog.yaml': ['DA-YAML-001', '注: ', E],
  // Issue 15: the grave cases that passed silently, and the 2025 regulations.
  'core-data-authorized.assets.yaml': ['DA-AUTH-010', 'authorizations:', E],
  'paid-fee-zero.assets.yaml': ['DA-AUTH-011', 'fee: { amount: 0', E],
  'authorization-after-disposal.assets.yaml': ['DA-AUTH-012', 'end: 2029-06-30', E],
  'public-welfare-charged.assets.yaml': ['DA-AUTH-013', 'purpose: 公益事业', W],
  'sale-without-valuation.assets.yaml': ['DA-DISP-007', 'disposal:', E],
  'revenue-before-authorization.assets.yaml': ['DA-REV-005', 'year: 2023', W],
  'reporting-years-missing.assets.yaml': ['DA-RPT-001', 'years: [2024]', I],
  'important-data-level-one.assets.yaml': ['DA-SEC-004', 'protectionLevel: 第一级', E],
  'no-public-data-registration.assets.yaml': ['DA-REG-002', 'authorizations:', W],
  'work-secret-opened.catalog.yaml': ['DA-OPEN-005', 'type: 有条件开放', E],
  'classified-graded.catalog.yaml': ['DA-SEC-005', 'securityGrade: 重要数据', I],
};

/** Exact ranges (1-based line and column, as the Problems view shows them) and the text they cover. */
const EXACT: Array<[file: string, line: number, column: number, text: string]> = [
  ['wrong-enum.catalog.yaml', 24, 20, '普通数据'],
  ['code-unknown.assets.yaml', 18, 25, 'A08060299'],
  ['unexpected-property.catalog.yaml', 36, 5, 'relatedResoures'],
];

describe('diagnostics: the example workspace in VS Code', function () {
  before(async () => {
    await activateExtension();
  });

  it('the workspace holds exactly the invalid examples listed here', async () => {
    const found = await vscode.workspace.findFiles('invalid/*.yaml');
    assert.deepEqual(found.map((uri) => uri.path.split('/').pop()).sort(), Object.keys(EXPECTED).sort());
  });

  for (const [file, [ruleId, lineContains, severity]] of Object.entries(EXPECTED)) {
    it(`${file}: ${ruleId} on the offending line`, async () => {
      const uri = workspaceUri('invalid', file);
      const document = await vscode.workspace.openTextDocument(uri);
      const diagnostics = withoutUnusedResourceNotes(
        await diagnosticsWhen(uri, (all) => withoutUnusedResourceNotes(all).length > 0, `a ${ruleId} diagnostic`),
      );
      // A duplicated id is reported at each of its definitions (two here), each pointing at the other.
      const times = ruleId === 'DA-ID-001' ? 2 : 1;
      assert.deepEqual(diagnostics.map(ruleIdOf), Array<string>(times).fill(ruleId));
      if (times === 2) {
        const related = diagnostics.map((d) => d.relatedInformation?.map((r) => r.location.range.start.line));
        assert.deepEqual(related, [[diagnostics[1].range.start.line], [diagnostics[0].range.start.line]]);
      }
      const [diagnostic] = diagnostics;
      assert.equal(diagnostic.source, 'steward');
      assert.equal(diagnostic.severity, severity);
      const line = document.lineAt(diagnostic.range.start.line).text;
      assert.ok(line.includes(lineContains), `line ${diagnostic.range.start.line + 1}: ${JSON.stringify(line)}`);
    });
  }

  for (const [file, line, column, text] of EXACT) {
    it(`${file}: the range is exactly "${text}" at ${line}:${column}`, async () => {
      const uri = workspaceUri('invalid', file);
      const document = await vscode.workspace.openTextDocument(uri);
      const [diagnostic] = withoutUnusedResourceNotes(
        await diagnosticsWhen(uri, (all) => withoutUnusedResourceNotes(all).length > 0, 'a diagnostic'),
      );
      assert.deepEqual([diagnostic.range.start.line + 1, diagnostic.range.start.character + 1], [line, column]);
      assert.equal(document.getText(diagnostic.range), text);
    });
  }

  // An empty list is also what a file nobody checked has: each clean file is made invalid, then restored, so the
  // empty list seen at the end is the server's answer for the file's real text.
  for (const [file, key, bad] of [
    ['transport.assets.yaml', 'securityGrade: 一般数据', '普通数据'],
    ['transport.catalog.yaml', 'securityGrade: 一般数据', '普通数据'],
  ] as const) {
    it(`transport-bureau/${file} is clean: an introduced error appears, and goes when undone`, async () => {
      await withEditor(['transport-bureau', file], async (editor) => {
        const uri = editor.document.uri;
        const line = lineOf(editor.document, key);
        const original = editor.document.lineAt(line).text;
        await replaceLine(editor, line, original.replace(/一般数据/, bad));
        const broken = await diagnosticsWhen(uri, (all) => all.length > 0, 'the introduced DA-SCHEMA-003');
        assert.deepEqual(
          broken.map((d) => [ruleIdOf(d), d.range.start.line]),
          [['DA-SCHEMA-003', line]],
        );
        await replaceLine(editor, line, original);
        assert.deepEqual(await diagnosticsWhen(uri, (all) => all.length === 0, 'no diagnostics'), []);
      });
    });
  }
});
