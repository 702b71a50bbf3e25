/**
 * The extension host's test entry (`extensionTestsPath`): runs every `*.e2e.js` next to it with mocha 11 and
 * prints one summary line that test/e2e/run-vscode.mjs reads (it fails the run when no test ran).
 * The files are named *.e2e.ts, not *.test.ts, so that the root build's mocha never picks them up.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { screenshotFailure, testStarted } from './failure-screen';

export const SUMMARY_PREFIX = 'STEWARD-E2E-SUMMARY ';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  // For working on one test: STEWARD_E2E_GREP=<part of its title> node test/e2e/run-vscode.mjs
  if (process.env.STEWARD_E2E_GREP) mocha.grep(process.env.STEWARD_E2E_GREP);
  mocha.suite.beforeEach(function () {
    testStarted(this.currentTest);
  });
  screenshotFirst(mocha.suite);
  // The untrusted pass (its own workspace, Restricted Mode) runs untrusted.e2e.js alone; the others never run it.
  const untrusted = process.env.STEWARD_E2E_UNTRUSTED === '1';
  const files = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.e2e.js') && (name === 'untrusted.e2e.js') === untrusted)
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  const stats = await new Promise<{ tests: number; passes: number; failures: number; pending: number }>((resolve) => {
    const runner = mocha.run(() =>
      resolve({
        tests: runner.stats?.tests ?? 0,
        passes: runner.stats?.passes ?? 0,
        failures: runner.stats?.failures ?? 0,
        pending: runner.stats?.pending ?? 0,
      }),
    );
  });
  console.log(SUMMARY_PREFIX + JSON.stringify({ files: files.length, ...stats }));
  if (stats.failures > 0) throw new Error(`${stats.failures} of ${stats.tests} extension tests failed`);
  if (stats.passes === 0) throw new Error('no extension test ran');
}

/**
 * Adds the failure screenshot hook to `suite` and to every suite created under it. A suite is announced before its
 * body runs, so the hook comes before the suite's own afterEach hooks, which may close what the test left open.
 */
function screenshotFirst(suite: Mocha.Suite): void {
  suite.afterEach('screenshot of a failed test', async function () {
    if (this.currentTest?.state === 'failed') await screenshotFailure(this.currentTest);
  });
  suite.on(Mocha.Suite.constants.EVENT_SUITE_ADD_SUITE, screenshotFirst);
}
