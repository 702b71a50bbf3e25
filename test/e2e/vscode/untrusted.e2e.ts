/**
 * Restricted Mode: in a workspace VS Code does not trust, the server reads no code table the workspace names
 * (steward.config.yaml's `codeTable`, the workspace's `steward.codeTable` setting) and checks against the built-in
 * one. Run only by the runner's untrusted pass (STEWARD_E2E_UNTRUSTED=1), in the workspace it writes for it:
 * `a.assets.yaml` uses A08060299, a code only the workspace's own `codes.csv` knows.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, diagnosticsWhen, ruleIdOf, withEditor, workspaceUri } from './helpers';

describe('workspace trust: an untrusted workspace', () => {
  before(async () => {
    await activateExtension();
  });

  it('is in Restricted Mode, and the code table it names is not read: the built-in table reports A08060299', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the runner opens this workspace untrusted');
    const uri = workspaceUri('a.assets.yaml');
    await withEditor(['a.assets.yaml'], async () => {
      const diagnostics = await diagnosticsWhen(
        uri,
        (all) => all.some((d) => ruleIdOf(d) === 'DA-CODE-001'),
        'DA-CODE-001 from the built-in table',
      );
      const unknown = diagnostics.filter((d) => ruleIdOf(d) === 'DA-CODE-001');
      assert.equal(unknown.length, 1);
      assert.match(unknown[0].message, /A08060299/);
      assert.match(unknown[0].message, /built-in code table/);
    });
  });
});
