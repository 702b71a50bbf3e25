/**
 * Microsoft's SARIF validator (@microsoft/sarif-multitool, a dev dependency with its own binary) on the SARIF of
 * `steward validate examples`: no error and no warning. Notes (e.g. that rule names are not Pascal case, a choice
 * of ours) are not reported at its default level.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, runCli } from './helpers';

/** The validator's binary for this platform (the package's `sarif-multitool` bin runs it through a shell). */
function multitool(): string {
  return require('@microsoft/sarif-multitool') as string;
}

describe("SARIF: Microsoft's validator on `steward validate examples --format sarif`", function () {
  this.timeout(120_000);

  it('reports no error and no warning, and links every rule to its section of docs/rules.md', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-sarif-'));
    try {
      const log = path.join(dir, 'examples.sarif');
      const run = runCli(['validate', 'examples', '--format', 'sarif', '--output', log], { cwd: ROOT });
      assert.equal(run.code, 1, run.stderr); // the invalid examples have errors
      const checked = spawnSync(multitool(), ['validate', log], { cwd: dir, encoding: 'utf8' });
      const output = `${checked.stdout}${checked.stderr}`;
      assert.equal(checked.error, undefined);
      const problems = output.split(/\r?\n/).filter((line) => /:\s*(error|warning)\s+[A-Z]+\d+/i.test(line));
      assert.deepEqual(problems, []);
      assert.match(output, /Analysis completed successfully/);
      assert.equal(checked.status, 0, output);
      linksResolve(JSON.parse(fs.readFileSync(log, 'utf8')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Every rule's helpUri is a section of the rules reference shipped beside the CLI; informationUri its README. */
function linksResolve(log: {
  runs: Array<{ tool: { driver: { informationUri: string; rules: Array<{ id: string; helpUri?: string }> } } }>;
}): void {
  const driver = log.runs[0].tool.driver;
  assert.equal(fileURLToPath(driver.informationUri), path.join(ROOT, 'README.md'));
  for (const rule of driver.rules) {
    assert.ok(rule.helpUri, `${rule.id} has a helpUri`);
    const [file, anchor] = rule.helpUri.split('#');
    assert.equal(fileURLToPath(file), path.join(ROOT, 'docs', 'rules.md'));
    assert.ok(
      fs.readFileSync(fileURLToPath(file), 'utf8').includes(`<a id="${anchor}">`),
      `${rule.id}: docs/rules.md has the section #${anchor}`,
    );
  }
}
