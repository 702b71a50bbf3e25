#!/usr/bin/env node
// An independent LSP client for the bundled server: headless Neovim runs test/e2e/nvim/client.lua, which starts
// the server over stdio, answers workspace/configuration, opens example files and asks for a completion, and writes
// what the server answered as JSON. This runner checks that JSON against the expectations of the LSP tests
// (test/lsp.test.ts, test/lsp-features.test.ts, test/examples.test.ts) and prints PASS/FAIL per check.
// Last, README's Neovim snippet, taken from README.md as it stands, runs in Neovim on a copy of examples/
// (test/e2e/nvim/readme-snippet.lua records what it brought).
//
// Usage: node esbuild.mjs && node test/e2e/run-nvim.mjs     (builds nothing itself)
// Exit code: 0 when every check passed, 1 otherwise (a missing Neovim or server bundle is a failure, never a pass).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { INSTALL_COMMAND, requireTools } from './check-tools.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLIENT_LUA = path.join(ROOT, 'test', 'e2e', 'nvim', 'client.lua');
const SNIPPET_CHECK_LUA = path.join(ROOT, 'test', 'e2e', 'nvim', 'readme-snippet.lua');
const EXAMPLES = path.join(ROOT, 'examples');
/** Deadline of each wait inside Neovim, and of a whole Neovim run (after which its process group is killed). */
const WAIT_MS = 15_000;
const RUN_MS = 60_000;

const started = Date.now();
let failures = 0;
let passes = 0;

function check(name, ok, detail = '') {
  if (ok) {
    passes++;
    console.log(`PASS  ${name}`);
  } else {
    failures++;
    console.log(`FAIL  ${name}${detail ? `\n      ${detail}` : ''}`);
  }
}

/** Deep equality (key order does not matter: Neovim's JSON encoder writes keys in hash order). */
function equal(name, actual, expected) {
  check(
    name,
    isDeepStrictEqual(actual, expected),
    `expected ${JSON.stringify(expected)}\n      got      ${JSON.stringify(actual)}`,
  );
}

function finish() {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\nnvim e2e: ${passes} passed, ${failures} failed (${seconds} s)`);
  process.exit(failures === 0 ? 0 : 1);
}

// --- Tools -------------------------------------------------------------------------------------------------------
// A missing Neovim prints the install command (bash scripts/install-editors.sh) and exits 1.
const { neovim: NVIM } = requireTools(['neovim']);
const version = spawnSync(NVIM, ['--version'], { encoding: 'utf8', timeout: 10_000 });
const nvimVersion = /NVIM v(\d+)\.(\d+)\.(\d+)/.exec(version.stdout ?? '');
if (!nvimVersion || (Number(nvimVersion[1]) === 0 && Number(nvimVersion[2]) < 7)) {
  console.error(
    `FAIL  Neovim 0.7 or later is needed (vim.lsp.start_client); found: ${(version.stdout ?? String(version.error)).split('\n')[0]}`,
  );
  console.error(`      需要 Neovim 0.7 或更高版本；安装：${INSTALL_COMMAND}`);
  process.exit(1);
}
for (const bundle of ['server.js', 'steward.js']) {
  if (!fs.existsSync(path.join(ROOT, 'dist', bundle))) {
    console.error(
      `FAIL  dist/${bundle} is missing: run \`node esbuild.mjs\` first / 缺少 dist/${bundle}：请先运行 \`node esbuild.mjs\``,
    );
    process.exit(1);
  }
}
console.log(`Neovim ${nvimVersion.slice(1).join('.')} as an LSP client of dist/server.js\n`);

// --- Running Neovim ----------------------------------------------------------------------------------------------
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-nvim-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));

/** Runs the Lua files (client.lua by default) on a job; resolves with Neovim's exit status and the JSON written (or null). */
function runNeovim(name, job, luaFiles = [CLIENT_LUA]) {
  const jobFile = path.join(work, `${name}.job.json`);
  const output = path.join(work, `${name}.out.json`);
  fs.writeFileSync(jobFile, JSON.stringify({ ...job, output, timeoutMs: WAIT_MS }));
  const home = path.join(work, `${name}-home`);
  fs.mkdirSync(home);
  return new Promise((resolve) => {
    // Its own process group, so that a hard timeout also ends the language server Neovim started.
    const child = spawn(
      NVIM,
      [
        '--headless',
        '--clean',
        '-u',
        'NONE',
        '-n',
        '-i',
        'NONE',
        ...luaFiles.flatMap((file) => ['-c', `luafile ${file}`]),
      ],
      {
        cwd: ROOT,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          STEWARD_NVIM_JOB: jobFile,
          XDG_CACHE_HOME: home,
          XDG_STATE_HOME: home,
          XDG_DATA_HOME: home,
          XDG_CONFIG_HOME: home,
        },
      },
    );
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, RUN_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // The server should have exited on `exit`; make sure nothing of this run outlives it.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      let result = null;
      try {
        result = JSON.parse(fs.readFileSync(output, 'utf8'));
      } catch {
        /* reported below */
      }
      const lspLog = path.join(home, 'nvim', 'lsp.log');
      resolve({
        code,
        signal,
        timedOut,
        result,
        log: log.trim(),
        lspLog: fs.existsSync(lspLog) ? fs.readFileSync(lspLog, 'utf8').trim() : '',
      });
    });
  });
}

/** Checks that the run ended by itself, in time, and wrote its result; returns the result or null. */
function ranWell(label, run, script = 'client.lua') {
  const detail = [
    `exit code ${run.code}${run.signal ? `, signal ${run.signal}` : ''}`,
    ...(run.result?.errors ?? []),
    run.log,
    run.lspLog && `lsp.log:\n${run.lspLog}`,
  ]
    .filter(Boolean)
    .join('\n      ');
  check(`${label}: Neovim finished within ${RUN_MS / 1000} s`, !run.timedOut, detail);
  check(
    `${label}: ${script} wrote its result and reported no error`,
    run.result !== null && run.code === 0 && run.result.errors.length === 0,
    detail,
  );
  return run.result;
}

const uri = (file) => pathToFileURL(file).href;
const lines = (file) => fs.readFileSync(file, 'utf8').split(/\r?\n/);
/** [rule id, 1-based line, 1-based column, severity] as test/lsp.test.ts compares them. */
const summary = (diagnostics) =>
  diagnostics.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1, d.severity]);
/** The diagnostics published in answer to the didOpen of `file`. */
const answerTo = (result, file) => {
  const opened = result.opened.find((o) => o.file === file);
  return opened && result.published.find((p) => p.seq === opened.answerSeq);
};

// --- Run 1: dist/server.js --stdio on examples/ --------------------------------------------------------------------
const wrongEnum = path.join(EXAMPLES, 'invalid', 'wrong-enum.catalog.yaml');
const notDataBranch = path.join(EXAMPLES, 'invalid', 'code-not-data-branch.assets.yaml');
const cleanAssets = path.join(EXAMPLES, 'transport-bureau', 'transport.assets.yaml');
const cleanCatalog = path.join(EXAMPLES, 'transport-bureau', 'transport.catalog.yaml');
const codeLine = lines(cleanAssets).findIndex((l) => /^\s*classificationCode:/.test(l));
const codePrefix = /^\s*classificationCode: /.exec(lines(cleanAssets)[codeLine])[0];

const main = ranWell(
  'dist/server.js --stdio',
  await runNeovim('server', {
    server: [process.execPath, path.join(ROOT, 'dist', 'server.js'), '--stdio'],
    root: EXAMPLES,
    // As in "applies rule settings from the editor" (test/lsp.test.ts); the locale shows the answer was used.
    settings: { locale: 'zh-CN', rules: { 'DA-CODE-002': 'error' } },
    open: [wrongEnum, notDataBranch, cleanAssets],
    // The cursor right after `classificationCode: ` (a byte column, as Neovim counts).
    completions: [{ file: cleanAssets, line: codeLine, col: Buffer.byteLength(codePrefix) }],
  }),
);

if (main) {
  equal('initialize: serverInfo.name', main.serverInfo?.name, 'steward');
  check(
    'workspace/configuration: the server asked and Neovim answered',
    main.configurationRequests >= 1,
    `requests: ${main.configurationRequests}`,
  );
  check(
    '$/progress: indexing began and ended',
    main.progress.includes('begin') && main.progress.includes('end'),
    JSON.stringify(main.progress),
  );

  // test/lsp.test.ts: wrong-enum.catalog.yaml -> DA-SCHEMA-003 at 24:20, error (DA-REF-002 aside).
  const fromDisk = main.published.find((p) => p.uri === uri(wrongEnum) && p.version == null);
  equal(
    'wrong-enum.catalog.yaml, published after indexing (not open yet)',
    fromDisk && summary(fromDisk.diagnostics).filter((d) => d[0] !== 'DA-REF-002'),
    [['DA-SCHEMA-003', 24, 20, 1]],
  );
  const enumOpen = answerTo(main, wrongEnum);
  equal(
    'wrong-enum.catalog.yaml, answer to didOpen',
    enumOpen && summary(enumOpen.diagnostics).filter((d) => d[0] !== 'DA-REF-002'),
    [['DA-SCHEMA-003', 24, 20, 1]],
  );
  // test/examples.test.ts: the finding points at the offending line.
  check(
    'wrong-enum.catalog.yaml: the finding is on the line `securityGrade: 普通数据`',
    enumOpen &&
      lines(wrongEnum)[enumOpen.diagnostics.find((d) => d.code === 'DA-SCHEMA-003')?.range.start.line]?.includes(
        'securityGrade: 普通数据',
      ),
  );
  // test/lsp.test.ts (zh-CN client): the message in the settings' locale.
  const enumMessage = enumOpen?.diagnostics.find((d) => d.code === 'DA-SCHEMA-003')?.message ?? '';
  check(
    'wrong-enum.catalog.yaml: message in the locale of the settings (zh-CN)',
    /“普通数据”不是“securityGrade”（数据分级）的有效值/.test(enumMessage),
    JSON.stringify(enumMessage),
  );

  // test/lsp.test.ts "applies rule settings from the editor": DA-CODE-002 raised to an error.
  const branchOpen = answerTo(main, notDataBranch);
  equal(
    'code-not-data-branch.assets.yaml with DA-CODE-002 set to error',
    branchOpen && branchOpen.diagnostics.map((d) => [d.code, d.severity]),
    [['DA-CODE-002', 1]],
  );
  check(
    'code-not-data-branch.assets.yaml: the finding is on the line `classificationCode: A08060301`',
    branchOpen &&
      lines(notDataBranch)[branchOpen.diagnostics[0]?.range.start.line]?.includes('classificationCode: A08060301'),
  );

  // test/lsp.test.ts: the example unit is clean; an empty list is an answer.
  const cleanOpen = answerTo(main, cleanAssets);
  equal('transport.assets.yaml (clean), answer to didOpen', cleanOpen?.diagnostics, []);
  const catalogFromDisk = main.published.filter((p) => p.uri === uri(cleanCatalog));
  check(
    'transport.catalog.yaml (clean, never opened): published, always empty',
    catalogFromDisk.length > 0 && catalogFromDisk.every((p) => p.diagnostics.length === 0),
    JSON.stringify(catalogFromDisk.map((p) => summary(p.diagnostics))),
  );

  // What Neovim itself holds (vim.diagnostic) matches what was published.
  for (const opened of main.opened) {
    const published = answerTo(main, opened.file);
    equal(
      `vim.diagnostic.get() of ${path.basename(opened.file)} matches the published answer`,
      (opened.shown ?? []).map((d) => [d.code, d.lnum + 1, d.col + 1, d.severity]).sort(),
      published ? summary(published.diagnostics).sort() : null,
    );
  }

  // test/lsp-features.test.ts: completion at `classificationCode:` offers the data codes with their names.
  const completion = main.completions[0];
  const labels = (completion?.items ?? []).map((i) => i.label);
  equal('completion: sent at the value of classificationCode', completion?.position, {
    line: codeLine,
    character: codePrefix.length,
  });
  check(
    'completion: offers A08060201 described as 结构化数据',
    completion?.items.some((i) => i.label === 'A08060201' && /结构化数据/.test(i.detail ?? '')),
    JSON.stringify(completion?.items.slice(0, 5)),
  );
  check(
    'completion: offers the data codes A08060201, A08060202, A08060203',
    ['A08060201', 'A08060202', 'A08060203'].every((c) => labels.includes(c)),
    JSON.stringify(labels),
  );
  check(
    'completion: every item is a data code (A08…)',
    labels.length > 0 && labels.every((l) => /^A08\d+$/.test(l)),
    JSON.stringify(labels),
  );
  check('the server exited after shutdown/exit', main.serverExit?.code === 0, JSON.stringify(main.serverExit));
}

// --- Run 2: the same server through the CLI, `steward lsp --stdio` -------------------------------------------------
const cli = ranWell(
  'steward lsp --stdio',
  await runNeovim('cli', {
    server: [process.execPath, path.join(ROOT, 'dist', 'steward.js'), 'lsp', '--stdio'],
    root: EXAMPLES,
    settings: {},
    open: [wrongEnum],
    completions: [],
  }),
);
if (cli) {
  equal('steward lsp --stdio: serverInfo.name', cli.serverInfo?.name, 'steward');
  const enumOpen = answerTo(cli, wrongEnum);
  equal(
    'steward lsp --stdio: wrong-enum.catalog.yaml, answer to didOpen',
    enumOpen && summary(enumOpen.diagnostics).filter((d) => d[0] !== 'DA-REF-002'),
    [['DA-SCHEMA-003', 24, 20, 1]],
  );
}

// --- Run 3: README's Neovim snippet, as README.md has it -----------------------------------------------------------
/** The first Lua block of README's "Editors" section, verbatim; null when there is none. */
function readmeSnippet() {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = /^## Editors\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1] ?? '';
  return /^```lua\n([\s\S]*?)^```$/m.exec(section)?.[1] ?? null;
}

const snippet = readmeSnippet();
check('README.md: the "Editors" section has a Lua snippet for Neovim', snippet !== null);
if (snippet !== null) {
  // A project of its own: examples/ copied, with a steward.config.yaml that the server reads only when the snippet
  // made the directory holding it the workspace root (DA-REF-002, on by default, turned off there).
  const project = path.join(work, 'readme-project');
  fs.cpSync(EXAMPLES, project, { recursive: true });
  fs.writeFileSync(path.join(project, 'steward.config.yaml'), 'rules:\n  DA-REF-002: off\n');
  const snippetFile = path.join(work, 'readme-snippet.lua');
  fs.writeFileSync(snippetFile, snippet);
  const enumCopy = path.join(project, 'invalid', 'wrong-enum.catalog.yaml');
  const branchCopy = path.join(project, 'invalid', 'code-not-data-branch.assets.yaml');
  // Neovim runs in the repository (runNeovim's cwd), where the snippet's `npx steward` is this project's own bin.
  const readmeRun = ranWell(
    'README snippet',
    await runNeovim(
      'readme',
      {
        // The Chinese quotation marks of the zh-CN messages tell them from the English ones the server may send first.
        open: [
          { file: enumCopy, codes: ['DA-SCHEMA-003'], contains: '“' },
          { file: branchCopy, codes: ['DA-CODE-002'], contains: '“' },
        ],
      },
      [snippetFile, SNIPPET_CHECK_LUA],
    ),
    'readme-snippet.lua',
  );
  if (readmeRun) {
    const [enumFile, branchFile] = readmeRun.files;
    equal(
      'README snippet: one server started, by its command, for the project holding steward.config.yaml',
      readmeRun.clients.map((c) => [c.name, c.cmd, c.root_dir]),
      [['steward', ['npx', 'steward', 'lsp', '--stdio'], project]],
    );
    const serverId = readmeRun.clients[0]?.id;
    equal(
      'README snippet: wrong-enum.catalog.yaml is YAML, its buffer attached to that server',
      enumFile && [enumFile.filetype, enumFile.clients.map((c) => c.id)],
      ['yaml', [serverId]],
    );
    // DA-REF-002 absent: the steward.config.yaml of the root was applied.
    equal(
      'README snippet: wrong-enum.catalog.yaml shows DA-SCHEMA-003 at 24:20 (error), and nothing else',
      enumFile?.diagnostics.map((d) => [d.code, d.lnum + 1, d.col + 1, d.severity]),
      [['DA-SCHEMA-003', 24, 20, 1]],
    );
    // The snippet's settings reached the server (locale zh-CN): Neovim 0.7 answers only when asked.
    const enumMessage = enumFile?.diagnostics[0]?.message ?? '';
    check(
      'README snippet: the message is in the locale of its settings (zh-CN)',
      /“普通数据”不是“securityGrade”（数据分级）的有效值/.test(enumMessage),
      JSON.stringify(enumMessage),
    );
    equal(
      'README snippet: a second file of the project goes to the same server',
      branchFile && branchFile.clients.map((c) => c.id),
      [serverId],
    );
    check(
      'README snippet: code-not-data-branch.assets.yaml shows DA-CODE-002 on `classificationCode: A08060301`',
      branchFile?.diagnostics.length === 1 &&
        branchFile.diagnostics[0].code === 'DA-CODE-002' &&
        lines(branchCopy)[branchFile.diagnostics[0].lnum]?.includes('classificationCode: A08060301'),
      JSON.stringify(branchFile?.diagnostics),
    );
  }
}

finish();
