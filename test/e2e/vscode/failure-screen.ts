/**
 * Screenshots of failing tests, taken while the failing test's screen is still up. The runner (run-vscode.mjs)
 * serves STEWARD_E2E_SCREENSHOT_URL: a POST with the test's titles is answered once the screenshot is saved, so the
 * suite goes on only after it (a handshake; the console stream the runner reads only goes one way).
 * index.ts puts a hook before every suite's own afterEach hooks; withEditor asks before it closes the editor.
 */
import * as http from 'node:http';
import type Mocha from 'mocha';

const URL_VARIABLE = 'STEWARD_E2E_SCREENSHOT_URL';
/** The runner's screenshot takes a few seconds at most; a test hook must not hang on it past mocha's timeout. */
const ANSWER_MS = 20_000;

let running: Mocha.Test | undefined;
const shot = new Set<Mocha.Runnable>();

/** The test now running (index.ts records it before each test). */
export function currentTest(): Mocha.Test | undefined {
  return running;
}

export function testStarted(test: Mocha.Test | undefined): void {
  running = test;
}

/**
 * Asks the runner for a screenshot of the screen as it is now, named after `test`; resolves once it is saved. Once
 * per test. A runner that does not answer is reported on the console, never thrown: the test's own failure counts.
 */
export async function screenshotFailure(test: Mocha.Runnable | undefined): Promise<void> {
  const url = process.env[URL_VARIABLE];
  if (!test || shot.has(test) || !url) return;
  shot.add(test);
  try {
    const file = await post(url, JSON.stringify({ title: test.fullTitle(), name: test.title }));
    console.log(`screenshot of the failing test: ${file}`);
  } catch (error) {
    console.error(`no screenshot of the failing test "${test.fullTitle()}": ${(error as Error).message}`);
  }
}

export function post(url: string, body: string, answerMs = ANSWER_MS): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: answerMs,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          response.statusCode === 200 ? resolve(text) : reject(new Error(`HTTP ${response.statusCode}: ${text}`)),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${answerMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}
