// The extension in a real VS Code: code-server (VS Code's server, web client and Node extension host) driven by
// headless Chromium through playwright-core.
//   1. The extension-host suite (test/e2e/vscode, mocha) runs against client/ as the extension under development,
//      in a copy of examples/; its result comes back through codeAutomationExit. A failing test's screen is saved
//      as .e2e-artifacts/vscode-failure-<n>-<test title>.png while that test's state is still shown (the suite waits).
//   2. The packaged dist/data-asset-steward.vsix is installed into a fresh code-server; an invalid example is
//      opened and the squiggle, the Problems entry and the status bar item are checked in the page (DOM); a
//      screenshot is saved under .e2e-artifacts/ and its path printed.
// Needs `npm run build:client` and `npm run package:vsix` first, and the editors (bash scripts/install-editors.sh).
// Exits non-zero on any failure; every wait has a deadline; code-server runs in its own process group, ended
// (extension host and language server included) on the way out.
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { format } from 'node:util';
import { join, relative } from 'node:path';
import { requireTools, ROOT } from './check-tools.mjs';

const TOTAL_TIMEOUT_MS = 10 * 60_000;
const START_TIMEOUT_MS = 30_000;
const SUITE_TIMEOUT_MS = 5 * 60_000;
const SCREEN_TIMEOUT_MS = 90_000;

const CLIENT = join(ROOT, 'client');
const VSIX = join(ROOT, 'dist', 'data-asset-steward.vsix');
const SUITE = join(ROOT, 'out', 'e2e', 'vscode', 'index.js');
const ARTIFACTS = join(ROOT, '.e2e-artifacts');
const EXTENSION_ID = 'data-asset-steward.data-asset-steward';
const SUMMARY_PREFIX = 'STEWARD-E2E-SUMMARY ';
/** The invalid example shown on screen, and the finding expected on it (as the Problems view words it). */
const SHOWN = {
  file: 'invalid/wrong-enum.catalog.yaml',
  ruleId: 'DA-SCHEMA-003',
  line: 24,
  column: 20,
  text: '普通数据',
};

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
/** User settings for a quiet workbench: no welcome page, tips, trust prompt or update check. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
};

const cleanups = [];
const started = Date.now();

function log(message) {
  console.log(`run-vscode: ${message}`);
}

class Failure extends Error {}

/** Rejects after `ms` with a message naming what was awaited. */
function deadline(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Failure(`${what}: no result within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function cleanup() {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()();
    } catch (error) {
      console.error(`run-vscode: cleanup: ${error.message}`);
    }
  }
}

function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `steward-e2e-${prefix}-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function preconditions() {
  const tools = requireTools(['code-server', 'chromium', 'playwright-core']);
  const built = [
    [join(CLIENT, 'dist', 'extension.js'), 'npm run build:client'],
    [join(CLIENT, 'dist', 'server.js'), 'npm run build:client'],
    [VSIX, 'npm run package:vsix'],
  ];
  const missing = built.filter(([file]) => !existsSync(file));
  if (missing.length > 0) {
    const commands = [...new Set(missing.map(([, command]) => command))].join(' && ');
    throw new Failure(
      `missing ${missing.map(([file]) => relative(ROOT, file)).join(', ')}; build them first with: ${commands}\n缺少构建产物，请先运行：${commands}`,
    );
  }
  return tools;
}

function compileSuite() {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  rmSync(join(ROOT, 'out', 'e2e'), { recursive: true, force: true });
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'test', 'e2e')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (result.status !== 0)
    throw new Failure(
      `the extension-host suite does not compile:\n${result.stdout}${result.stderr}${result.error ?? ''}`,
    );
  if (!existsSync(SUITE)) throw new Failure(`${relative(ROOT, SUITE)} was not produced`);
}

/** A copy of examples/, so the tests' edits and settings never touch the repository. */
function exampleWorkspace() {
  const dir = join(tempDir('workspace'), 'examples');
  cpSync(join(ROOT, 'examples'), dir, { recursive: true });
  return dir;
}

function userDataDir(settings = {}) {
  const dir = tempDir('user-data');
  mkdirSync(join(dir, 'User'), { recursive: true });
  writeFileSync(join(dir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  return dir;
}

/** Workspace trust on, without its prompt: a folder opened is in Restricted Mode until someone trusts it. */
const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.emptyWindow': false,
};

/**
 * The untrusted pass's workspace: a register whose code (A08060299) only the workspace's own table knows, and
 * that table named twice, by steward.config.yaml and by the workspace's settings. Trusted, it would be clean.
 */
function untrustedWorkspace() {
  const dir = join(tempDir('untrusted'), 'untrusted');
  mkdirSync(join(dir, '.vscode'), { recursive: true });
  writeFileSync(join(dir, 'a.assets.yaml'), OWN_CODE_REGISTER);
  writeFileSync(
    join(dir, 'codes.csv'),
    'code,name\nA08000000,无形资产\nA08060000,信息数据\nA08060200,数据\nA08060299,本单位自定义数据\n',
  );
  writeFileSync(join(dir, 'steward.config.yaml'), 'codeTable: codes.csv\n');
  writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'steward.codeTable': 'codes.csv' }));
  return dir;
}

/** The contract's minimal register, with a classification code only the untrusted workspace's codes.csv has. */
const OWN_CODE_REGISTER = `apiVersion: steward/v1
kind: DataAssetRegister
unit:
  name: 某市交通运输局
  code: 113301000025391739
  type: 行政单位
  supervisingDepartment: 某市人民政府
assets:
  - id: DA-2024-0001
    name: 公交运行监测数据集
    resource: R-330100-JT-0001
    classificationCode: A08060299
    securityGrade: 一般数据
    acquisition:
      method: 自主采集
    registration:
      cardNumber: ZC-2024-0001
`;

let codeServerHome;
/**
 * code-server's environment: its config file and logs (XDG directories) in a temporary directory, so that a
 * ~/.config/code-server/config.yaml (cert, auth…) cannot change the run, and the run writes nothing into HOME.
 */
function codeServerEnv(extra = {}) {
  codeServerHome ??= tempDir('code-server-home');
  return {
    ...process.env,
    NODE_OPTIONS: '',
    XDG_CONFIG_HOME: join(codeServerHome, 'config'),
    XDG_DATA_HOME: join(codeServerHome, 'data'),
    ...extra,
  };
}

/** Starts code-server in its own process group; resolves once /healthz answers. */
async function startCodeServer(entry, { name, userData, extensions, env = {}, workspaceTrust = false }) {
  const port = await freePort();
  mkdirSync(ARTIFACTS, { recursive: true });
  const logFile = join(ARTIFACTS, `code-server-${name}.log`);
  const output = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    [
      entry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensions,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: codeServerEnv(env) },
  );
  child.stdout.pipe(output);
  child.stderr.pipe(output);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let stopping;
  const stop = () => (stopping ??= stopGroup(child, exited));
  cleanups.push(stop);

  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + START_TIMEOUT_MS;
  let lastError = 'no answer';
  let gone;
  void exited.then((result) => {
    gone = result;
  });
  while (Date.now() < until) {
    if (gone)
      throw new Failure(
        `code-server exited (${JSON.stringify(gone)}) before it answered; see ${relative(ROOT, logFile)}`,
      );
    try {
      const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return { base, logFile, stop };
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Failure(
    `code-server did not answer on ${base}/healthz within ${START_TIMEOUT_MS / 1000} s (${lastError}); see ${relative(ROOT, logFile)}`,
  );
}

/** Ends code-server's process group (the extension host and the language server are in it). */
async function stopGroup(child, exited) {
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the group is already gone
    }
  };
  signalGroup('SIGTERM');
  const stopped = await Promise.race([
    exited.then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), 5000)),
  ]);
  // Whatever is left of the group (the extension host may outlive the server for a moment) is killed.
  signalGroup('SIGKILL');
  if (!stopped) await deadline(exited, 5000, 'code-server to exit after SIGKILL');
}

/** A path on code-server's machine as the web client names it; `authority` defaults to the word code-server maps. */
function remote(path, authority = 'remote') {
  return `vscode-remote://${authority}${path}`;
}

function workbenchUrl(base, folder, payload) {
  return `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function launchBrowser(executablePath) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: START_TIMEOUT_MS,
  });
  cleanups.push(() => deadline(browser.close(), 10_000, 'closing Chromium'));
  return browser;
}

/** A file name's worth of a test title: ASCII letters and digits, the rest as single dashes. */
function fileNameOf(title) {
  return (
    title
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 100) || 'test'
  );
}

/**
 * Serves the failing tests' screenshots (test/e2e/vscode/failure-screen.ts): a POST with a test's titles is answered
 * with the screenshot's path once it is saved, while the suite waits, so it shows that test's screen.
 */
async function failingTestScreenshots(page) {
  const files = [];
  let count = 0;
  const server = createHttpServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (body += chunk));
    request.on('end', async () => {
      let asked;
      try {
        asked = JSON.parse(body);
      } catch {
        // answered below, as a request without a title
      }
      if (request.url === '/quick-input') {
        await answerQuickInput(page, asked ?? {}, response);
        return;
      }
      const { title, name } = asked ?? {};
      if (request.method !== 'POST' || typeof title !== 'string') {
        response.writeHead(400).end('expected a POST of {"title": "<full title>", "name": "<test title>"}');
        return;
      }
      const file = join(
        ARTIFACTS,
        `vscode-failure-${++count}-${fileNameOf(typeof name === 'string' ? name : title)}.png`,
      );
      try {
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: file, timeout: 10_000 });
        files.push(file);
        console.error(`run-vscode: screenshot of the failing test "${title}": ${relative(ROOT, file)}`);
        response.writeHead(200).end(relative(ROOT, file));
      } catch (error) {
        response.writeHead(500).end(`the screenshot failed: ${error.message}`);
      }
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  cleanups.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  );
  return { url: `http://127.0.0.1:${server.address().port}/failure`, files };
}

/** How long the runner waits for each step of typing into a quick input (the test's request waits longer). */
const QUICK_INPUT_WAIT_MS = 15_000;

/**
 * Types into the quick input a test is waiting on, as a person would: `{ title, value, startsIn }` waits for the
 * quick input titled `title` (a file dialog in the web workbench is one: the simple file dialog), types `value` at
 * the end of its box and presses Enter; answered once the quick input has closed (a folder typed with its slash is
 * first waited on to open). A file dialog's box holds the folder it opened in
 * (`value` is then a path relative to it), filled in after the dialog shows: with `startsIn` (that folder), typing
 * waits until the box holds it, as a person waits for the dialog before typing; keys typed earlier were replaced
 * by the folder when it arrived (a clean-clone CI run saw 'imported/' arrive as 'ed/'). Before Enter the box must
 * hold the folder and `value`, else the answer says what it held. test/e2e/vscode/sheets.e2e.ts drives the pickers
 * with it.
 */
async function answerQuickInput(page, { title, value, startsIn }, response) {
  if (typeof title !== 'string' || typeof value !== 'string' || !['string', 'undefined'].includes(typeof startsIn)) {
    response
      .writeHead(400)
      .end('expected a POST of {"title": "<quick input title>", "value": "<text to type>", "startsIn"?: "<folder>"}');
    return;
  }
  try {
    const widget = page.locator('.quick-input-widget', { has: page.locator('.quick-input-title', { hasText: title }) });
    await widget.waitFor({ state: 'visible', timeout: QUICK_INPUT_WAIT_MS });
    const box = widget.locator('.quick-input-box input').first();
    const folder = startsIn === undefined ? undefined : startsIn.replace(/[\\/]+$/, '') + '/';
    if (folder !== undefined) {
      const handle = await box.elementHandle();
      await page.waitForFunction(([input, wanted]) => input.value === wanted, [handle, folder], {
        timeout: QUICK_INPUT_WAIT_MS,
      });
    }
    // Typed key by key after what the box shows, as a person would.
    await box.press('End');
    await box.pressSequentially(value);
    if (folder !== undefined) {
      const held = await box.inputValue();
      if (held !== folder + value) throw new Error(`the box held "${held}" after typing, not "${folder + value}"`);
    }
    const opened = value.endsWith('/') ? value.replace(/\/+$/, '').split('/').pop() : undefined;
    if (folder !== undefined && opened) {
      // Typing a folder's slash makes the dialog open it, a moment later. Enter before that chooses nothing: the
      // dialog opens the folder instead (a clean-clone CI run waited on the next box in vain). The folder is open
      // once the list no longer shows it among its parent's entries.
      const list = await widget.locator('.quick-input-list').elementHandle();
      await page
        .waitForFunction(
          ([element, name]) =>
            ![...element.querySelectorAll('.monaco-list-row')].some((row) => row.getAttribute('aria-label') === name),
          [list, opened],
          { timeout: QUICK_INPUT_WAIT_MS },
        )
        .catch(async () => {
          throw new Error(`the dialog did not open "${opened}": its list shows ${await rowsOf(widget)}`);
        });
    }
    await box.press('Enter');
    // Answered once the dialog took the answer: the box closed (or the next one with another title replaced it).
    await widget.waitFor({ state: 'hidden', timeout: QUICK_INPUT_WAIT_MS }).catch(async () => {
      throw new Error(
        `Enter did not close it: the box holds "${await box.inputValue()}", the list ${await rowsOf(widget)}`,
      );
    });
    response.writeHead(200).end('typed');
  } catch (error) {
    await failureScreenshot(page, 'quick-input', `the quick input "${title}"`);
    response.writeHead(500).end(`could not type into the quick input "${title}": ${error.message}`);
  }
}

/** The rows a quick input's list shows, for an error message. */
async function rowsOf(widget) {
  const labels = await widget
    .locator('.quick-input-list .monaco-list-row')
    .evaluateAll((rows) =>
      rows.map((row) => `${row.getAttribute('aria-label')}${row.classList.contains('focused') ? ' (active)' : ''}`),
    );
  return labels.length ? labels.map((label) => `"${label}"`).join(', ') : 'no rows';
}

/** Part 1: the extension-host suite against client/. Returns its summary (tests, passes, failures). */
async function runExtensionTests(browser, entry, { untrusted = false } = {}) {
  const workspace = untrusted ? untrustedWorkspace() : exampleWorkspace();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const screenshots = await failingTestScreenshots(page);
  const server = await startCodeServer(entry, {
    name: untrusted ? 'untrusted' : 'suite',
    userData: userDataDir(untrusted ? UNTRUSTED_SETTINGS : {}),
    extensions: tempDir('extensions'),
    env: {
      STEWARD_E2E_SCREENSHOT_URL: screenshots.url,
      STEWARD_E2E_QUICK_INPUT_URL: screenshots.url.replace(/\/failure$/, '/quick-input'),
      ...(untrusted ? { STEWARD_E2E_UNTRUSTED: '1' } : {}),
    },
    workspaceTrust: untrusted,
  });
  let summary;
  let settle;
  const result = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });
  page.once('crash', () => settle.reject(new Failure('the workbench page crashed')));
  await page.exposeFunction('codeAutomationExit', (code) => settle.resolve(code));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = Array.isArray(args) ? format(...args) : String(args);
    for (const line of text.split('\n')) {
      if (line.startsWith(SUMMARY_PREFIX)) summary = JSON.parse(line.slice(SUMMARY_PREFIX.length));
    }
    // The extension host's console: mocha's report and anything the tests or the extension log.
    (type === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
  });
  const payload = [
    ['extensionDevelopmentPath', remote(CLIENT)],
    ['extensionTestsPath', remote(SUITE)],
  ];
  log(`extension tests: client/ in code-server ${server.base}, workspace ${workspace}`);
  await page.goto(workbenchUrl(server.base, workspace, payload), { timeout: START_TIMEOUT_MS });
  try {
    const code = await deadline(result, SUITE_TIMEOUT_MS, 'the extension-host suite');
    if (!summary)
      throw new Failure(
        `the suite exited with ${code} without its summary line; see ${relative(ROOT, server.logFile)}`,
      );
    if (code !== 0 || summary.failures > 0 || summary.passes === 0 || summary.tests !== summary.passes) {
      const shown = screenshots.files.map((file) => `\n  ${relative(ROOT, file)}`).join('');
      throw new Failure(
        `extension tests failed: exit code ${code}, ${JSON.stringify(summary)}${shown && `; the failing tests' screens:${shown}`}`,
      );
    }
    return summary;
  } catch (error) {
    await failureScreenshot(page, 'suite-end', 'the screen as the suite ended');
    throw error;
  } finally {
    await context.close();
    await server.stop();
  }
}

async function failureScreenshot(page, name, what) {
  try {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, `vscode-failure-${name}.png`);
    await page.screenshot({ path: file, timeout: 10_000 });
    writeFileSync(file.replace(/\.png$/, '.html'), await page.content());
    console.error(`run-vscode: screenshot of ${what}: ${file} (page: .html next to it)`);
  } catch {
    // the page may be gone
  }
}

function installVsix(entry) {
  const userData = userDataDir();
  const extensions = tempDir('vsix-extensions');
  const result = spawnSync(
    process.execPath,
    [entry, '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', VSIX],
    {
      encoding: 'utf8',
      timeout: 120_000,
      env: codeServerEnv(),
    },
  );
  const installed = readdirSync(extensions).filter((name) => name.startsWith(`${EXTENSION_ID}-`));
  if (result.status !== 0 || installed.length !== 1) {
    throw new Failure(
      `installing ${relative(ROOT, VSIX)} failed (exit ${result.status}, installed: ${installed.join(', ') || 'nothing'}):\n${result.stdout}${result.stderr}`,
    );
  }
  log(`installed ${relative(ROOT, VSIX)} (${statSync(VSIX).size} bytes) as ${installed[0]}`);
  return { userData, extensions };
}

/** Part 2: the installed .vsix as a person sees it. Returns the screenshot's path. */
async function checkOnScreen(browser, entry) {
  const { userData, extensions } = installVsix(entry);
  const workspace = exampleWorkspace();
  const file = join(workspace, SHOWN.file);
  const server = await startCodeServer(entry, { name: 'vsix', userData, extensions });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  try {
    log(`on screen: ${SHOWN.file} in code-server ${server.base} with the installed .vsix`);
    // The file must be named with the page's own authority (host:port): under another one it opens as a
    // different resource, without the markers the extension publishes for it.
    await page.goto(workbenchUrl(server.base, workspace, [['openFile', remote(file, new URL(server.base).host)]]), {
      timeout: START_TIMEOUT_MS,
    });
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor({ timeout: SCREEN_TIMEOUT_MS });

    // The squiggle: an error decoration drawn over the offending value on its line.
    const squiggle = editor.locator('.view-overlays .squiggly-error').first();
    await squiggle.waitFor({ timeout: SCREEN_TIMEOUT_MS });
    const valueLine = editor.locator('.view-line', { hasText: `securityGrade: ${SHOWN.text}` }).first();
    const [squiggleBox, lineBox] = [await squiggle.boundingBox(), await valueLine.boundingBox()];
    if (!squiggleBox || !lineBox) throw new Failure('the squiggle or the offending line is not on screen');
    const overlapsLine = squiggleBox.y < lineBox.y + lineBox.height && lineBox.y < squiggleBox.y + squiggleBox.height;
    if (!overlapsLine)
      throw new Failure(
        `the squiggle (y=${squiggleBox.y}) is not on the line "securityGrade: ${SHOWN.text}" (y=${lineBox.y})`,
      );

    // The Problems view, opened as a person would (Ctrl+Shift+M) and filtered to the file, lists the finding
    // with its rule id and place, in view.
    await editor.click();
    await page.keyboard.press('Control+Shift+M');
    const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
    await filter.waitFor({ timeout: SCREEN_TIMEOUT_MS });
    await filter.fill(`**/${SHOWN.file.split('/').pop()}`);
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: SHOWN.ruleId }).first();
    await row.waitFor({ timeout: SCREEN_TIMEOUT_MS });
    const rowText = (await row.innerText()).replace(/\s+/g, ' ');
    for (const part of [SHOWN.ruleId, `"${SHOWN.text}"`, `[Ln ${SHOWN.line}, Col ${SHOWN.column}]`]) {
      if (!rowText.includes(part)) throw new Failure(`the Problems entry lacks ${part}: ${rowText}`);
    }
    // The list may still be laying out (the filter applied, pulled diagnostics arriving): wait until the row sits
    // inside the panel, and fail only if it never does.
    const inView = await page
      .waitForFunction(
        (ruleId) => {
          const doc = globalThis.document;
          const panel = doc.querySelector('.markers-panel');
          const rows = [...doc.querySelectorAll('.markers-panel .monaco-list-row')];
          const row = rows.find((r) => r.textContent?.includes(ruleId));
          if (!panel || !row) return false;
          const [p, r] = [panel.getBoundingClientRect(), row.getBoundingClientRect()];
          return r.height > 0 && r.top >= p.top && r.bottom <= p.bottom;
        },
        SHOWN.ruleId,
        { timeout: SCREEN_TIMEOUT_MS },
      )
      .then(
        () => true,
        () => false,
      );
    if (!inView) throw new Failure('the Problems entry is not in view');

    // The status bar item of the extension shows the file's error count.
    const status = page.locator(`.statusbar-item[id="${EXTENSION_ID}.steward.status"]`);
    await status.waitFor({ timeout: SCREEN_TIMEOUT_MS });
    const statusLabel = (await status.getAttribute('aria-label')) ?? (await status.innerText());
    if (!/^error\s+1\s+warning\s+0\b/.test(statusLabel))
      throw new Failure(`the status bar item does not show 1 error and 0 warnings: ${JSON.stringify(statusLabel)}`);
    // Its hover (part of its accessible label) counts in English words: one error, not "1 errors".
    const hover = 'Data Asset Steward: 1 error, 0 warnings, 1 info in this file.';
    if (!statusLabel.includes(hover))
      throw new Failure(`the status bar item's hover does not say "${hover}": ${JSON.stringify(statusLabel)}`);

    mkdirSync(ARTIFACTS, { recursive: true });
    const screenshot = join(ARTIFACTS, 'vscode-vsix-wrong-enum.png');
    await page.screenshot({ path: screenshot, timeout: 20_000 });
    log(`Problems entry: ${rowText}`);
    log(`status bar item: ${statusLabel.split('\n')[0]}`);
    return screenshot;
  } catch (error) {
    await failureScreenshot(page, 'vsix', 'the failure');
    throw error;
  } finally {
    await context.close();
    await server.stop();
  }
}

async function main() {
  const tools = preconditions();
  // An earlier run's failure screenshots would pass for this run's.
  if (existsSync(ARTIFACTS)) {
    for (const name of readdirSync(ARTIFACTS))
      if (name.startsWith('vscode-failure-')) rmSync(join(ARTIFACTS, name), { force: true });
  }
  compileSuite();
  const browser = await launchBrowser(tools.chromium);
  const summary = await runExtensionTests(browser, tools['code-server']);
  log(`extension tests: ${summary.passes} passed of ${summary.tests} (${summary.files} files)`);
  const untrusted = await runExtensionTests(browser, tools['code-server'], { untrusted: true });
  log(`extension tests in an untrusted workspace: ${untrusted.passes} passed of ${untrusted.tests}`);
  const screenshot = await checkOnScreen(browser, tools['code-server']);
  log(`screenshot: ${screenshot}`);
}

const watchdog = setTimeout(() => {
  console.error(`run-vscode: FAILED: still running after ${TOTAL_TIMEOUT_MS / 60_000} min; stopping`);
  void cleanup().finally(() => process.exit(1));
}, TOTAL_TIMEOUT_MS);

let exitCode = 0;
try {
  await main();
  log(`passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  exitCode = 1;
  console.error(`run-vscode: FAILED: ${error instanceof Failure ? error.message : (error.stack ?? error)}`);
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
process.exit(exitCode);
