// Benchmark: what an open document costs in memory (issue 19).
//   node bench/memory.mjs [--sizes 1000,10000,50000] [--edits 60] [--server-assets 50000] [--no-server]
//                         [--root DIR]
// 1. Bytes retained per asset by the service holding an open register (the language server's service, without
//    the server): a child process (`node --expose-gc`) opens the generated register the way the server does
//    (the text in pieces, `updateSteps` to the end, `incremental: true`), then makes --edits edits (one character
//    typed into a `name:` value, spread through the file, each passed with its change as the server passes it);
//    after each stage it collects garbage twice and reads V8's used heap. The figures are the heap the text and
//    the service hold, per asset, with and without the text itself (the editor's copy, which the server keeps).
// 2. The language server's resident memory (VmRSS; VmHWM the peak) with the register of --server-assets assets
//    open and --edits edits done, each edit waited for until its diagnostics arrive (dist/server.js over stdio,
//    steward.validation.maxFileSize raised so that every edit is checked).
// The register is bench/generate.mjs's with its many-findings option when it has one (`findings`), else its
// plain register; the table gives the file's findings. --root DIR measures another checkout's service and
// server (its sources and dist/), for a before/after comparison on the same data.
// Prints a markdown table and PASS/FAIL lines: ≤ 6 KB per asset (text included) after the edits at the largest
// size, and the server's RSS ≤ 600 MB at --server-assets. Progress goes to stderr.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeGenerated } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PER_ASSET_TARGET_KB = 6;
const SERVER_RSS_TARGET_MB = 600;

const log = (message) => process.stderr.write(message + '\n');

function parseArgs(argv) {
  const options = { sizes: [1000, 10000, 50000], edits: 60, 'server-assets': 50000, server: true, root: ROOT };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--no-server') options.server = false;
    else if (flag === '--sizes') options.sizes = argv[++i].split(',').map(Number);
    else if (flag === '--edits') options.edits = Number(argv[++i]);
    else if (flag === '--server-assets') options['server-assets'] = Number(argv[++i]);
    else if (flag === '--root') options.root = resolve(argv[++i]);
    else throw new Error(`unknown option ${flag}`);
  }
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes: positive integers');
  return options;
}

/** The register of `assets` assets (the many-findings variant where the generator has it). */
function register(assets) {
  const dir = join(ROOT, 'bench', '.data', `memory-${assets}`);
  mkdirSync(dir, { recursive: true });
  return writeGenerated({ assets, out: dir, findings: true }).register;
}

/** The service of `root`'s sources as one CommonJS file (schema validators precompiled, as in dist/). */
async function bundleService(root) {
  const { build } = await import(pathToFileURL(join(ROOT, 'node_modules', 'esbuild', 'lib', 'main.js')).href);
  const { precompiledValidators } = await import(pathToFileURL(join(root, 'build', 'validators.mjs')).href);
  const outfile = join(os.tmpdir(), `steward-memory-service-${process.pid}.cjs`);
  await build({
    entryPoints: [join(root, 'server', 'src', 'service', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    define: { STEWARD_VERSION: '"bench"', 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    minifySyntax: true,
    logLevel: 'warning',
    plugins: [await precompiledValidators(root + '/')],
  });
  return outfile;
}

/** Where the k-th of `count` edits goes: the end of a `name:` line spread through the text. */
function editOffset(text, k, count) {
  let at = text.indexOf('\n    name: ', Math.floor(((k + 0.5) / count) * text.length));
  if (at < 0) at = text.indexOf('\n    name: ');
  return text.indexOf('\n', at + 1);
}

/** The child: opens FILE in the bundled service and prints the heap after each stage (JSON). */
function probe(bundle, file, edits) {
  const service = createRequire(import.meta.url)(bundle);
  const gc = () => {
    globalThis.gc();
    globalThis.gc();
    return process.memoryUsage().heapUsed;
  };
  // Warm up first, so that compiled validators, loaded modules and the parser's tables count as the baseline.
  const warm = service.createStewardService({ incremental: true });
  const small = readFileSync(join(ROOT, 'examples', 'transport-bureau', 'transport.assets.yaml'), 'utf8');
  const run = (steps) => {
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  };
  run(warm.updateSteps('file:///warm.yaml', service.PieceText.from(small)));
  warm.remove('file:///warm.yaml');
  const base = gc();
  let text = service.PieceText.from(readFileSync(file, 'utf8'));
  const withText = gc();
  const steward = service.createStewardService({ incremental: true });
  const uri = pathToFileURL(file).href;
  run(steward.updateSteps(uri, text));
  const findings = steward.findings(uri).length;
  // Counted from the index: `document()` would give every item its tree again (an editor's service folds them).
  const summary = steward.index.get(uri);
  const assets = summary.assets.length + summary.resources.length;
  const opened = gc();
  for (let k = 0; k < edits; k++) {
    const at = editOffset(text.toString(), k, edits);
    text = text.edit(at, at, 'x');
    run(steward.updateSteps(uri, text, { change: { start: at, oldEnd: at, newEnd: at + 1 } }));
  }
  const edited = gc();
  globalThis.kept = [steward, text];
  process.stdout.write(JSON.stringify({ assets, findings, base, withText, opened, edited }) + '\n');
}

function measureService(bundle, file, edits) {
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=8192',
      fileURLToPath(import.meta.url),
      '--probe',
      bundle,
      file,
      String(edits),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`the memory probe failed on ${file} (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split('\n').pop());
}

function rssMB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { current: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** The server with FILE open and `edits` edits done, each until its diagnostics: its RSS then. */
async function measureServer(root, file, edits) {
  const protocol = createRequire(join(ROOT, 'package.json'))('vscode-languageserver-protocol/node.js');
  const server = join(root, 'dist', 'server.js');
  if (!existsSync(server)) throw new Error(`${server} is missing: run node esbuild.mjs`);
  const child = spawn(process.execPath, ['--max-old-space-size=4096', server, '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const connection = protocol.createProtocolConnection(
    new protocol.StreamMessageReader(child.stdout),
    new protocol.StreamMessageWriter(child.stdin),
  );
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && params.version === waiter.version) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  const settings = { validation: { maxFileSize: 1024 * 1024 } };
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => settings));
  for (const method of ['steward/status', '$/progress', 'window/showMessage', 'window/logMessage'])
    connection.onNotification(method, () => {});
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();
  const folder = pathToFileURL(dirname(file)).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folder,
    workspaceFolders: [{ uri: folder, name: 'bench' }],
    locale: 'en',
    capabilities: {
      workspace: { configuration: true },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  await connection.sendNotification('initialized', {});
  const diagnostics = (uri, version) => new Promise((done) => waiters.push({ uri, version, resolve: done }));
  const uri = pathToFileURL(file).href;
  let text = readFileSync(file, 'utf8');
  const opened = diagnostics(uri, 1);
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'yaml', version: 1, text },
  });
  await opened;
  const afterOpen = rssMB(child.pid);
  for (let k = 0; k < edits; k++) {
    const at = editOffset(text, k, edits);
    const before = text.slice(0, at);
    const line = before.split('\n').length - 1;
    const character = at - before.lastIndexOf('\n') - 1;
    text = before + 'x' + text.slice(at);
    const version = k + 2;
    const done = diagnostics(uri, version);
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }],
    });
    await done;
  }
  const afterEdits = rssMB(child.pid);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  return { afterOpen, afterEdits };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  log(`bundling the service of ${options.root}`);
  const bundle = await bundleService(options.root);
  const kb = (bytes, assets) => (bytes / assets / 1024).toFixed(2);
  const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
  const rows = [];
  let largest;
  for (const assets of [...options.sizes].sort((a, b) => a - b)) {
    const file = register(assets);
    log(`service: ${assets} assets (${file})`);
    const m = measureService(bundle, file, options.edits);
    const text = m.withText - m.base;
    rows.push(
      `| ${m.assets.toLocaleString('en')} | ${m.findings.toLocaleString('en')} | ${mb(text)} | ` +
        `${mb(m.opened - m.base)} | ${kb(m.opened - m.base, m.assets)} | ${kb(m.opened - m.withText, m.assets)} | ` +
        `${mb(m.edited - m.base)} | ${kb(m.edited - m.base, m.assets)} |`,
    );
    largest = { assets: m.assets, perAsset: (m.edited - m.base) / m.assets / 1024 };
  }
  const lines = [
    `Open register, service heap after GC (${options.edits} edits; text = the document's own text in pieces):`,
    '',
    '| assets | findings | text (MB) | opened (MB) | KB/asset | KB/asset without text | after edits (MB) | KB/asset after edits |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
  ];
  if (largest) {
    const ok = largest.perAsset <= PER_ASSET_TARGET_KB;
    lines.push(
      `${ok ? 'PASS' : 'FAIL'}: ≤ ${PER_ASSET_TARGET_KB} KB per asset retained (text included) after ${options.edits} edits at ` +
        `N = ${largest.assets.toLocaleString('en')}: ${largest.perAsset.toFixed(2)} KB`,
    );
  }
  if (options.server) {
    const assets = options['server-assets'];
    log(`language server: ${assets} assets, ${options.edits} edits`);
    const server = await measureServer(options.root, register(assets), options.edits);
    lines.push(
      '',
      `Language server (dist/server.js), ${assets.toLocaleString('en')}-asset register open: RSS after the first ` +
        `diagnostics ${server.afterOpen.current.toFixed(0)} MB, after ${options.edits} edits ` +
        `${server.afterEdits.current.toFixed(0)} MB (peak ${server.afterEdits.peak.toFixed(0)} MB)`,
      `${server.afterEdits.current <= SERVER_RSS_TARGET_MB ? 'PASS' : 'FAIL'}: server RSS ≤ ${SERVER_RSS_TARGET_MB} MB ` +
        `with ${assets.toLocaleString('en')} assets open and ${options.edits} edits done: ` +
        `${server.afterEdits.current.toFixed(0)} MB`,
    );
  }
  lines.push(
    '',
    `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${new Date().toISOString()}`,
  );
  process.stdout.write(lines.join('\n') + '\n');
}

if (process.argv[2] === '--probe') probe(process.argv[3], process.argv[4], Number(process.argv[5]));
else await main();
