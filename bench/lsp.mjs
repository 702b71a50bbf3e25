// Benchmark: the language server over stdio, as an editor drives it.
//   node bench/lsp.mjs [--assets 2000,10000,50000] [--edits 60] [--completions 60] [--workspace 10000]
//                      [--max-file-kb 102400] [--write-results]
//                      [--findings 1000,10000,50000] [--diagnostics pull|push] [--cli-runs 3] [--only-findings]
//                      [--peer-max-assets N] [--peer-edits 5] [--peer-timeout 240] [--server dist/server.js]
// --findings: the sizes of the register with many findings (bench/generate.mjs --findings: every fourth asset
// 重要数据 without protection measures), opened with the default settings, edited like the others; the rows say how
// many findings there are, how many diagnostics the server sends, its bytes per edit, the first diagnostics beside
// the CLI's `validate` of the same file, and yaml-language-server's edit latency on the same file (skipped above
// --peer-max-assets). --diagnostics: pull (textDocument/diagnostic with result ids, as VS Code's client does, when
// the server offers it; the default) or push (publishDiagnostics only, as Neovim 0.8 gets them). --server: another
// build of the server (e.g. main's, for before/after).
// The register of each size is opened with steward.validation.maxFileSize raised to --max-file-kb (default
// 100 MB), so that even the 50,000-asset file (55 MB) is checked on every edit: the default (20 MB) would
// switch it to save-only checking, which the server announces.
// Prints a markdown table: edit-to-diagnostics latency (median, p95), completion latency (median, p95), the
// outline (documentSymbol) after every sixth edit, time to first diagnostics, and the server's resident memory
// with a workspace of --workspace assets indexed.
// SERVER_FLAGS (environment): extra node flags for the server process, e.g. to profile it:
//   SERVER_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" node bench/lsp.mjs --assets 10000
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node.js';
import { writeGenerated } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = join(ROOT, 'dist', 'server.js');

const log = (message) => process.stderr.write(message + '\n');

function parseArgs(argv) {
  const options = {
    assets: [2000, 10000, 50000],
    edits: 60,
    completions: 60,
    workspace: 10000,
    'max-file-kb': 102400,
    'write-results': false,
    findings: [1000, 10000, 50000],
    diagnostics: 'pull',
    'cli-runs': 3,
    'only-findings': false,
    'peer-max-assets': Infinity,
    'peer-edits': 5,
    'peer-timeout': 240,
    server: SERVER,
  };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in options)) throw new Error(`unknown option ${argv[i]}`);
    if (key === 'write-results' || key === 'only-findings') {
      options[key] = true;
      i--;
    } else if (key === 'assets' || key === 'findings')
      options[key] = argv[i + 1] === 'none' ? [] : argv[i + 1].split(',').map(Number);
    else if (key === 'server') options.server = resolve(argv[i + 1]);
    else if (key === 'diagnostics') {
      if (argv[i + 1] !== 'pull' && argv[i + 1] !== 'push') throw new Error('--diagnostics takes pull or push');
      options.diagnostics = argv[i + 1];
    } else options[key] = Number(argv[i + 1]);
  }
  return options;
}

function quantile(values, q) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

function rssMB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const current = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
  const peak = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
  return { current, peak };
}

async function startServer(folder, settings = {}, { server = SERVER, pull = false } = {}) {
  // A heap large enough for a 55 MB file held open (Node's default depends on the machine's memory).
  const child = spawn(
    process.execPath,
    [
      '--max-old-space-size=4096',
      ...(process.env.SERVER_FLAGS ? process.env.SERVER_FLAGS.split(' ') : []),
      server,
      '--stdio',
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const waiters = [];
  /** Bytes of diagnostics received (publishDiagnostics params and pull reports, as JSON), and the last counts. */
  const received = { bytes: 0, status: new Map(), refreshes: 0 };
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    received.bytes += Buffer.byteLength(JSON.stringify(params));
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && (waiter.version === undefined || params.version === waiter.version)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  connection.onNotification('steward/status', (params) => received.status.set(params.uri, params));
  connection.onNotification('$/progress', () => {});
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => settings));
  connection.onNotification('window/showMessage', () => {});
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => {
    received.refreshes++;
    return null;
  });
  connection.listen();
  const uri = pathToFileURL(folder).href;
  const init = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'bench' }],
    locale: 'en',
    capabilities: {
      workspace: { configuration: true, ...(pull ? { diagnostics: { refreshSupport: true } } : {}) },
      window: { workDoneProgress: true },
      textDocument: {
        publishDiagnostics: { versionSupport: true, relatedInformation: true },
        ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
    },
  });
  await connection.sendNotification('initialized', {});
  const diagnostics = (target, version) => new Promise((resolve) => waiters.push({ uri: target, version, resolve }));
  /** The report of a pull (textDocument/diagnostic), its bytes counted. */
  const pullReport = async (target, previousResultId) => {
    const report = await connection.sendRequest('textDocument/diagnostic', {
      textDocument: { uri: target },
      ...(previousResultId ? { previousResultId } : {}),
    });
    received.bytes += Buffer.byteLength(JSON.stringify(report));
    return report;
  };
  const pulls = pull && Boolean(init.capabilities.diagnosticProvider);
  return { child, connection, diagnostics, pullReport, pulls, received };
}

async function editLatency(options, assets) {
  const dir = join(ROOT, 'bench', '.data', `lsp-${assets}`);
  mkdirSync(dir, { recursive: true });
  const paths = writeGenerated({ assets, out: dir });
  const text = readFileSync(paths.register, 'utf8');
  const server = await startServer(
    dir,
    { validation: { maxFileSize: options['max-file-kb'] } },
    { server: options.server },
  );
  const uri = pathToFileURL(paths.register).href;
  let started = performance.now();
  const first = server.diagnostics(uri, 1);
  await server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'yaml', version: 1, text },
  });
  await first;
  const firstMs = performance.now() - started;
  // Edit the name of assets spread through the file: type one character, wait for that version's diagnostics.
  const lines = text.split('\n');
  const nameLines = lines.map((line, i) => (line.startsWith('    name: ') ? i : -1)).filter((i) => i >= 0);
  const edits = [];
  const outlines = [];
  let version = 1;
  for (let k = 0; k < options.edits; k++) {
    const line = nameLines[Math.floor((k * 7919) % nameLines.length)];
    version++;
    const waiting = server.diagnostics(uri, version);
    started = performance.now();
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 10 }, end: { line, character: 10 } }, text: 'x' }],
    });
    await waiting;
    edits.push(performance.now() - started);
    // Every sixth edit, the outline an editor asks for after a change (documentSymbol, default item cap).
    if (k % 6 === 5) {
      started = performance.now();
      await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      outlines.push(performance.now() - started);
    }
  }
  const gradeLines = lines.map((line, i) => (line.startsWith('    securityGrade: ') ? i : -1)).filter((i) => i >= 0);
  const completions = [];
  for (let k = 0; k < options.completions; k++) {
    const line = gradeLines[Math.floor((k * 104729) % gradeLines.length)];
    started = performance.now();
    await server.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: 19 },
    });
    completions.push(performance.now() - started);
  }
  const memory = rssMB(server.child.pid);
  await server.connection.sendRequest('shutdown');
  await server.connection.sendNotification('exit');
  return { firstMs, edits, completions, outlines, memory };
}

const median = (values) => quantile(values, 0.5);
const PEER = join(ROOT, 'bench', 'peers', 'yaml-language-server.mjs');
const REGISTER_SCHEMA = join(ROOT, 'schemas', 'data-asset-register.schema.json');

/** Wall time of `steward validate FILE` (the CLI of the same build as the server), output discarded. */
function cliMs(options, file) {
  const cli = join(dirname(options.server), 'steward.js');
  const started = performance.now();
  const run = spawnSync(process.execPath, [cli, 'validate', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  if (run.status !== 0 && run.status !== 1) throw new Error(`steward validate ${file}: exit ${run.status}`);
  return ms;
}

/** didOpen → the first diagnostics of the file (pulled right after the open, as VS Code does, or pushed). */
async function openFile(server, uri, text) {
  const started = performance.now();
  const pushed = server.diagnostics(uri, 1);
  await server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'yaml', version: 1, text },
  });
  const report = server.pulls ? await server.pullReport(uri) : await pushed;
  const ms = performance.now() - started;
  return { ms, resultId: report.resultId, published: (report.items ?? report.diagnostics).length };
}

async function stop(server) {
  await server.connection.sendRequest('shutdown');
  await server.connection.sendNotification('exit');
}

/** yaml-language-server on the same file (bench/peers/yaml-language-server.mjs): its edit times, or why not. */
function peerEdits(options, file, assets) {
  if (assets > options['peer-max-assets']) return { status: 'skipped (--peer-max-assets)', edits: [] };
  const run = spawnSync(
    process.execPath,
    [PEER, '--file', file, '--schema', REGISTER_SCHEMA, '--edits', String(options['peer-edits'])],
    { encoding: 'utf8', timeout: (options['peer-timeout'] * (options['peer-edits'] + 2) + 30) * 1000 },
  );
  try {
    const result = JSON.parse(run.stdout);
    return { status: result.status, edits: result.edits ?? [] };
  } catch {
    return { status: run.error ? String(run.error.message) : `exit ${run.status}`, edits: [] };
  }
}

/**
 * The register with many findings, opened with the default settings in a server whose workspace holds nothing
 * else (so that it sees what `steward validate FILE` sees): first diagnostics beside the CLI's, then edits.
 */
async function findingsRun(options, assets) {
  const dir = join(ROOT, 'bench', '.data', `lsp-findings-${assets}`);
  const empty = join(dir, 'workspace');
  mkdirSync(empty, { recursive: true });
  const file = writeGenerated({ assets, out: dir, findings: true }).register;
  const text = readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).href;
  const pull = options.diagnostics === 'pull';
  // First diagnostics and the CLI alternately, so that both see the same machine load; the last server stays.
  const cli = [];
  const first = [];
  let server;
  let opened;
  for (let run = 0; run < options['cli-runs']; run++) {
    cli.push(cliMs(options, file));
    server = await startServer(empty, {}, { server: options.server, pull });
    opened = await openFile(server, uri, text);
    first.push(opened.ms);
    if (run < options['cli-runs'] - 1) await stop(server);
  }
  const lines = text.split('\n');
  const nameLines = lines.map((line, i) => (line.startsWith('    name: ') ? i : -1)).filter((i) => i >= 0);
  const edits = [];
  const bytesBefore = server.received.bytes;
  let resultId = opened.resultId;
  let published = opened.published;
  let missed = 0;
  let version = 1;
  for (let k = 0; k < options.edits; k++) {
    const line = nameLines[Math.floor((k * 7919) % nameLines.length)];
    version++;
    const pushed = server.diagnostics(uri, version);
    const started = performance.now();
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 10 }, end: { line, character: 10 } }, text: 'x' }],
    });
    if (server.pulls) {
      const report = await server.pullReport(uri, resultId);
      resultId = report.resultId;
      if (report.kind === 'full') published = report.items.length;
    } else {
      // A server that checks large files on save only sends nothing after an edit: give up after 10 s.
      const timeout = new Promise((resolve) => setTimeout(() => resolve(undefined), 10_000));
      const params = await Promise.race([pushed, timeout]);
      if (!params) {
        missed++;
        // Three in a row: the server does not check this file on edits; the rest are not tried.
        if (missed === 3 && edits.length === 0) {
          missed = options.edits;
          break;
        }
        continue;
      }
      published = params.diagnostics.length;
    }
    edits.push(performance.now() - started);
  }
  const bytesPerEdit = (server.received.bytes - bytesBefore) / Math.max(1, edits.length);
  const status = server.received.status.get(uri);
  const findings = status ? status.errors + status.warnings + status.infos : undefined;
  const memory = rssMB(server.child.pid);
  await stop(server);
  const ratios = first.map((ms, i) => ms / cli[i]);
  const peer = peerEdits(options, file, assets);
  const mb = Buffer.byteLength(text) / 2 ** 20;
  return { mb, cli, first, ratios, edits, missed, findings, published, bytesPerEdit, memory, peer, mode: server.pulls };
}

/** The rows of one size of the register with many findings, and its PASS/FAIL lines. */
function findingsRows(assets, r, f, verdicts) {
  const n = `${assets} (${r.mb.toFixed(1)} MB)`;
  const edits = r.edits.length ? `${f(median(r.edits))} | ${f(quantile(r.edits, 0.95))}` : '— | —';
  const missed = r.missed ? `; ${r.missed} edits got no diagnostics (10 s each, the rest not tried after 3)` : '';
  const peer = r.peer.edits.length
    ? `${f(median(r.peer.edits))} | ${f(quantile(r.peer.edits, 0.95))}`
    : `${r.peer.status} | —`;
  const target = { 10000: 'p95 ≤ 30', 50000: 'p95 ≤ 100' }[assets] ?? '—';
  const rows = [
    `| findings: edit → diagnostics (ms), ${r.edits.length} edits, ${r.mode ? 'pulled' : 'pushed'}${missed} | ${n} | ${edits} | ${target} |`,
    `| findings: yaml-language-server edit → diagnostics (ms), ${r.peer.edits.length} edits | ${n} | ${peer} | — |`,
    `| findings: findings in the file / diagnostics sent | ${n} | ${r.findings ?? '—'} | ${r.published} | — |`,
    `| findings: diagnostics bytes received per edit | ${n} | ${Math.round(r.bytesPerEdit)} | — | — |`,
    `| findings: first diagnostics after open (ms) / CLI validate (ms), ${r.first.length} pairs | ${n} | ${f(median(r.first))} | ${f(median(r.cli))} | ≤ 1.3× |`,
    `| findings: server RSS after the edits (MB) | ${n} | ${f(r.memory.current)} | peak ${f(r.memory.peak)} | ${assets === 50000 ? '≤ 600' : '—'} |`,
  ];
  const p95 = quantile(r.edits, 0.95);
  const limit = { 10000: 30, 50000: 100 }[assets];
  if (limit !== undefined) {
    const ok = r.missed === 0 && p95 !== undefined && p95 <= limit;
    verdicts.push(
      `${ok ? 'PASS' : 'FAIL'} edit → diagnostics p95 ${f(p95)} ms ≤ ${limit} ms at ${assets} assets${missed}`,
    );
  }
  if (assets === 50000) {
    const ok = r.memory.current <= 600;
    verdicts.push(
      `${ok ? 'PASS' : 'FAIL'} server RSS ${f(r.memory.current)} MB ≤ 600 MB at 50000 assets after the edits`,
    );
  }
  const ratio = median(r.ratios);
  verdicts.push(
    `${ratio <= 1.3 ? 'PASS' : 'FAIL'} first diagnostics ${ratio.toFixed(2)}× the CLI's validate (median of ${r.ratios.length} pairs) ≤ 1.3× at ${assets} assets`,
  );
  return rows;
}

async function workspaceMemory(options) {
  const dir = join(ROOT, 'bench', '.data', `lsp-ws-${options.workspace}`);
  mkdirSync(dir, { recursive: true });
  const paths = writeGenerated({ assets: options.workspace, out: dir });
  const started = performance.now();
  const server = await startServer(dir, {}, { server: options.server });
  // The catalog's diagnostics arrive once the whole workspace is indexed.
  await server.diagnostics(pathToFileURL(paths.catalog).href);
  const indexMs = performance.now() - started;
  const memory = rssMB(server.child.pid);
  await server.connection.sendRequest('shutdown');
  await server.connection.sendNotification('exit');
  return { indexMs, memory };
}

const options = parseArgs(process.argv.slice(2));
const EDIT_TARGET = { 2000: 30, 10000: 50, 50000: 300 };
const f = (n) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(1));
const rows = [];
const verdicts = [];
for (const assets of options['only-findings'] ? [] : options.assets) {
  log(`language server: ${assets} assets`);
  const edit = await editLatency(options, assets);
  const target = EDIT_TARGET[assets] ? `p95 ≤ ${EDIT_TARGET[assets]}` : '—';
  rows.push(`| first diagnostics after open (ms) | ${assets} | ${f(edit.firstMs)} | — | — |`);
  rows.push(
    `| edit → diagnostics (ms), ${edit.edits.length} edits | ${assets} | ${f(quantile(edit.edits, 0.5))} | ${f(quantile(edit.edits, 0.95))} | ${target} |`,
  );
  rows.push(
    `| completion (ms), ${edit.completions.length} requests | ${assets} | ${f(quantile(edit.completions, 0.5))} | ${f(quantile(edit.completions, 0.95))} | p95 ≤ 10 |`,
  );
  rows.push(
    `| outline after an edit (ms), ${edit.outlines.length} requests | ${assets} | ${f(quantile(edit.outlines, 0.5))} | ${f(quantile(edit.outlines, 0.95))} | — |`,
  );
  rows.push(
    `| server RSS after the edits (MB) | ${assets} | ${f(edit.memory.current)} | peak ${f(edit.memory.peak)} | — |`,
  );
}
for (const assets of options.findings) {
  log(`language server: register with many findings, ${assets} assets`);
  rows.push(...findingsRows(assets, await findingsRun(options, assets), f, verdicts));
}
if (!options['only-findings']) {
  log(`language server: workspace of ${options.workspace} assets`);
  const ws = await workspaceMemory(options);
  rows.push(`| workspace indexed (ms) | ${options.workspace} | ${f(ws.indexMs)} | — | — |`);
  rows.push(
    `| server RSS, workspace indexed (MB) | ${options.workspace} | ${f(ws.memory.current)} | peak ${f(ws.memory.peak)} | ≤ 300 |`,
  );
}
const table = [
  '| measure | N | median | p95 | target |',
  '|---|---:|---:|---:|---|',
  ...rows,
  '',
  ...verdicts.map((line) => `- ${line}`),
  ...(verdicts.length ? [''] : []),
  `Machine: ${os.cpus()[0]?.model}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}; ${new Date().toISOString()}.`,
  `Command: node bench/lsp.mjs ${process.argv.slice(2).join(' ')} (other rows: steward.validation.maxFileSize ${options['max-file-kb']} KB; the findings rows: default settings).`,
].join('\n');
console.log(table);
if (options['write-results']) {
  // Its own section of bench/RESULTS.md (bench/run.mjs writes the rest), replaced on every run.
  const file = join(ROOT, 'bench', 'RESULTS.md');
  const begin = '<!-- lsp:begin -->';
  const end = '<!-- lsp:end -->';
  const section = `${begin}\n## Language server (bench/lsp.mjs)\n\n${table}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const at = current.indexOf(begin);
  const next =
    at >= 0
      ? current.slice(0, at) + section + current.slice(current.indexOf(end) + end.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
  log(`wrote ${file}`);
}
