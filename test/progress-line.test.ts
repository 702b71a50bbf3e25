import * as assert from 'node:assert/strict';
import { progressLine } from '../server/src/cli/progress';

/** A standard error that records what is written to it. */
function stderr(isTTY: boolean): { isTTY: boolean; text: string; write(text: string): void } {
  return {
    isTTY,
    text: '',
    write(text: string) {
      this.text += text;
    },
  };
}

describe('cli: the progress line of import, export and report', () => {
  it('on a terminal: drawn in place once the delay has passed, erased at the end', () => {
    const err = stderr(true);
    const progress = progressLine({ stderr: err, env: { STEWARD_PROGRESS_DELAY_MS: '0' } });
    assert.ok(progress.show);
    progress.show('read 10 rows');
    progress.show('read 20 rows');
    progress.finish();
    assert.equal(err.text, '\r\u001b[Kread 10 rows\r\u001b[Kread 20 rows\r\u001b[K');
  });

  it('nothing before the delay, nothing to erase; no line at all in CI or without a terminal', () => {
    const early = stderr(true);
    const waiting = progressLine({ stderr: early, env: { STEWARD_PROGRESS_DELAY_MS: '60000' } });
    waiting.show?.('read 10 rows');
    waiting.finish();
    assert.equal(early.text, '');
    for (const [isTTY, env] of [
      [false, {}],
      [true, { CI: 'true' }],
      [true, { TERM: 'dumb' }],
    ] as const) {
      const err = stderr(isTTY);
      const progress = progressLine({ stderr: err, env: { ...env, STEWARD_PROGRESS_DELAY_MS: '0' } });
      assert.equal(progress.show, undefined);
      progress.finish();
      assert.equal(err.text, '');
    }
  });
});
