// Benchmark: the language server over stdio, as an editor drives it.
//   node bench/lsp.mjs [--assets 2000,10000,50000] [--edits 60] [--completions 60] [--workspace 10000]
//                      [--max-file-kb 102400] [--write-results]
// The register of each size is opened with steward.validation.maxFileSize raised to --max-file-kb (default
// 100 MB), so that even the 50,000-asset file (55 MB) is checked on every edit: the default (20 MB) would
// switch it to save-only checking, which the server announces.
// Prints a markdown table: edit-to-diagnostics latency (median, p95), completion latency (median, p95), the
// outline (documentSymbol) after every sixth edit, time to first diagnostics, and the server's resident memory
// with a workspace of --workspace assets indexed.
// SERVER_FLAGS (environment): extra node flags for the server process, e.g. to profile it:
//   SERVER_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" node bench/lsp.mjs --assets 10000
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
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
  };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in options)) throw new Error(`unknown option ${argv[i]}`);
    if (key === 'write-results') {
      options[key] = true;
      i--;
    } else if (key === 'assets') options.assets = argv[i + 1].split(',').map(Number);
    else options[key] = Number(argv[i + 1]);
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

async function startServer(folder, settings = {}) {
  // A heap large enough for a 55 MB file held open (Node's default depends on the machine's memory).
  const child = spawn(
    process.execPath,
    [
      '--max-old-space-size=4096',
      ...(process.env.SERVER_FLAGS ? process.env.SERVER_FLAGS.split(' ') : []),
      SERVER,
      '--stdio',
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && (waiter.version === undefined || params.version === waiter.version)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  connection.onNotification('steward/status', () => {});
  connection.onNotification('$/progress', () => {});
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => settings));
  connection.onNotification('window/showMessage', () => {});
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  const uri = pathToFileURL(folder).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'bench' }],
    locale: 'en',
    capabilities: {
      workspace: { configuration: true },
      window: { workDoneProgress: true },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  await connection.sendNotification('initialized', {});
  const diagnostics = (target, version) => new Promise((resolve) => waiters.push({ uri: target, version, resolve }));
  return { child, connection, diagnostics };
}

async function editLatency(options, assets) {
  const dir = join(ROOT, 'bench', '.data', `lsp-${assets}`);
  mkdirSync(dir, { recursive: true });
  const paths = writeGenerated({ assets, out: dir });
  const text = readFileSync(paths.register, 'utf8');
  const server = await startServer(dir, { validation: { maxFileSize: options['max-file-kb'] } });
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

async function workspaceMemory(options) {
  const dir = join(ROOT, 'bench', '.data', `lsp-ws-${options.workspace}`);
  mkdirSync(dir, { recursive: true });
  const paths = writeGenerated({ assets: options.workspace, out: dir });
  const started = performance.now();
  const server = await startServer(dir);
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
for (const assets of options.assets) {
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
log(`language server: workspace of ${options.workspace} assets`);
const ws = await workspaceMemory(options);
rows.push(`| workspace indexed (ms) | ${options.workspace} | ${f(ws.indexMs)} | — | — |`);
rows.push(
  `| server RSS, workspace indexed (MB) | ${options.workspace} | ${f(ws.memory.current)} | peak ${f(ws.memory.peak)} | ≤ 300 |`,
);
const table = [
  '| measure | N | median | p95 | target |',
  '|---|---:|---:|---:|---|',
  ...rows,
  '',
  `Machine: ${os.cpus()[0]?.model}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}; ${new Date().toISOString()}.`,
  `Command: node bench/lsp.mjs --assets ${options.assets.join(',')} --edits ${options.edits} --completions ${options.completions} --workspace ${options.workspace} (steward.validation.maxFileSize ${options['max-file-kb']} KB).`,
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
