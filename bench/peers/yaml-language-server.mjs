// Peer case: Red Hat's yaml-language-server, driven over stdio the way an editor drives it.
//   node bench/peers/yaml-language-server.mjs --file FILE --schema SCHEMA.json [--edits 5] [--timeout 180] [--heap-mb MB]
// Starts the server, hands it SCHEMA for FILE (yaml.schemas), opens FILE and measures:
//   - firstMs: spawn → first textDocument/publishDiagnostics for FILE (server start-up included, as a CLI's is);
//   - openToFirstMs: didOpen → those diagnostics;
//   - edits: for each edit (one character typed into a `name:` value somewhere in the file), didChange → the
//     next publishDiagnostics for FILE. Edits are sequential: the next one is sent only after the previous
//     one's diagnostics, so every publish belongs to exactly one edit;
//   - peakRssMB: the server's peak resident memory (VmHWM from /proc, polled; else maxRSS reported at exit).
// Prints one JSON object on stdout. status is 'ok', 'timeout' (no diagnostics within --timeout seconds, for the
// first diagnostics or for one edit), 'oom' (the server died with "heap out of memory") or 'crashed'; the
// numbers measured before a failure are kept. Exit code 0 when status is ok, else 3 (2 = usage error).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const RSS_PROBE = join(HERE, '..', 'rss-probe.cjs');
const require = createRequire(import.meta.url);

function parseArgs(argv) {
  const options = { file: undefined, schema: undefined, edits: 5, timeout: 180, heapMB: undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (flag === '--file') options.file = resolve(value);
    else if (flag === '--schema') options.schema = resolve(value);
    else if (flag === '--edits') options.edits = Number(value);
    else if (flag === '--timeout') options.timeout = Number(value);
    else if (flag === '--heap-mb') options.heapMB = Number(value);
    else throw new Error(`unknown flag ${flag}`);
  }
  if (!options.file || !options.schema) throw new Error('--file and --schema are required');
  if (!Number.isInteger(options.edits) || options.edits < 0) throw new Error('--edits takes a non-negative integer');
  if (!(options.timeout > 0)) throw new Error('--timeout takes a positive number of seconds');
  return options;
}

/** The server's entry point, found through the package's bin script (which only sets a version variable). */
function serverEntry() {
  const packageJson = require.resolve('yaml-language-server/package.json');
  return join(dirname(packageJson), 'out', 'server', 'src', 'server.js');
}

/** Peak resident set (VmHWM) of a live process, in MB; undefined where /proc is not available. */
function peakRssMB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kiB = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kiB) ? kiB / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The settings the server pulls with workspace/configuration: our schema for FILE, no network look-ups. */
function settingsFor(options) {
  const yaml = {
    validate: true,
    hover: false,
    completion: false,
    format: { enable: false },
    schemas: { [pathToFileURL(options.schema).href]: [options.file, `**/${options.file.split(/[\\/]/).pop()}`] },
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
    yamlVersion: '1.2',
  };
  return { yaml, http: {}, '[yaml]': {}, editor: {} };
}

/**
 * The session the benchmark times: initialize, open the file, first diagnostics, then `options.edits` one-character
 * edits spread over the file; fills `result`. The failure ('timeout', 'exit' or 'error'), or undefined.
 */
async function drive({ connection, waitFor, nextDiagnostics, options, uri, text, result, started }) {
  try {
    const init = await waitFor(
      'initialize',
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(dirname(options.file)).href,
        workspaceFolders: [{ uri: pathToFileURL(dirname(options.file)).href, name: 'bench' }],
        locale: 'en',
        capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
      }),
    );
    if (init.failed) throw init;
    // After `initialized` the server pulls the settings; validation is debounced (200 ms), so the settings
    // are in place before the document opened next is validated.
    connection.sendNotification('initialized', {});
    const first = nextDiagnostics();
    const openedAt = performance.now();
    connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
    const diagnostics = await waitFor('first diagnostics', first);
    if (diagnostics.failed) throw diagnostics;
    const now = performance.now();
    result.firstMs = now - started;
    result.openToFirstMs = now - openedAt;
    result.firstDiagnostics = diagnostics.value.diagnostics.length;
    result.messages = diagnostics.value.diagnostics
      .slice(0, 5)
      .map((d) => ({ line: d.range.start.line, message: d.message }));

    const lines = text.split('\n');
    const nameLines = lines.map((line, i) => (line.startsWith('    name: ') ? i : -1)).filter((i) => i >= 0);
    for (let k = 0; k < options.edits && nameLines.length > 0; k++) {
      // Spread over the file: the first edit near the start, the last near the end.
      const line = nameLines[Math.floor(((k + 0.5) / options.edits) * nameLines.length)];
      const next = nextDiagnostics();
      const editedAt = performance.now();
      connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: k + 2 },
        contentChanges: [{ range: { start: { line, character: 10 }, end: { line, character: 10 } }, text: 'x' }],
      });
      const edited = await waitFor(`edit ${k + 1} of ${options.edits}`, next);
      if (edited.failed) throw edited;
      result.edits.push(performance.now() - editedAt);
    }
    result.phase = 'done';
  } catch (error) {
    const failure = error?.failed ? error.failed : 'error';
    if (failure === 'error') result.reason = String(error?.message ?? error);
    return failure;
  }
  return undefined;
}

/** What a failed run's status is, from the server's last words on stderr. */
function classifyFailure(result, failure, tail, exitInfo) {
  if (/heap out of memory|Allocation failed/i.test(tail)) result.status = 'oom';
  else if (failure === 'timeout') result.status = 'timeout';
  else result.status = 'crashed';
  if (result.status === 'crashed' && !result.reason) {
    const last = tail
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(-2)
      .join(' / ');
    result.reason = `server exited (${exitInfo?.code ?? exitInfo?.signal}) during ${result.phase}${last ? `: ${last.slice(0, 200)}` : ''}`;
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const text = readFileSync(options.file, 'utf8');
  const uri = pathToFileURL(options.file).href;
  const settings = settingsFor(options);
  const rssFile = join(tmpdir(), `steward-bench-yls-rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });

  const result = {
    status: 'ok',
    phase: 'start',
    firstMs: null,
    openToFirstMs: null,
    firstDiagnostics: null,
    messages: [],
    edits: [],
    peakRssMB: null,
    elapsedMs: null,
    reason: undefined,
  };
  const started = performance.now();
  const heap = options.heapMB ? [`--max-old-space-size=${options.heapMB}`] : [];
  const server = spawn(process.execPath, [...heap, '--require', RSS_PROBE, serverEntry(), '--stdio'], {
    cwd: dirname(options.file),
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stderr = [];
  let stderrBytes = 0;
  server.stderr.on('data', (chunk) => {
    // Keep the tail only: a dying V8 prints its heap statistics before "heap out of memory".
    stderr.push(chunk);
    stderrBytes += chunk.length;
    while (stderrBytes > 64 * 1024 && stderr.length > 1) stderrBytes -= stderr.shift().length;
  });
  let peak = 0;
  const sampleRss = () => {
    const mb = peakRssMB(server.pid);
    if (mb !== undefined && mb > peak) peak = mb;
  };
  const sampler = setInterval(sampleRss, 100);

  // Any wait below also ends when the server exits; a wait that lasts longer than --timeout ends the run.
  let exitInfo;
  const exited = new Promise((resolveExit) =>
    server.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolveExit();
    }),
  );
  server.stdin.on('error', () => {}); // EPIPE after the server died: reported through `exited`
  const connection = createProtocolConnection(
    new StreamMessageReader(server.stdout),
    new StreamMessageWriter(server.stdin),
  );
  let onDiagnostics;
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    if (params.uri === uri && onDiagnostics) onDiagnostics(params);
  });
  connection.onNotification(() => {}); // telemetry/event, window/logMessage, ...
  connection.onRequest('workspace/configuration', (params) => params.items.map((item) => settings[item.section] ?? {}));
  connection.onRequest(() => null); // client/registerCapability, window/workDoneProgress/create, ...
  connection.onError(() => {});
  connection.onClose(() => {});
  connection.listen();

  const waitFor = (phase, promise) => {
    result.phase = phase;
    let timer;
    const timeout = new Promise((resolveTimeout) => {
      timer = setTimeout(() => resolveTimeout({ failed: 'timeout' }), options.timeout * 1000);
    });
    const died = exited.then(() => ({ failed: 'exit' }));
    return Promise.race([promise.then((value) => ({ value })), timeout, died]).finally(() => clearTimeout(timer));
  };
  const nextDiagnostics = () =>
    new Promise((resolveDiagnostics) => {
      onDiagnostics = (params) => {
        onDiagnostics = undefined;
        resolveDiagnostics(params);
      };
    });

  const failure = await drive({ connection, waitFor, nextDiagnostics, options, uri, text, result, started });
  result.elapsedMs = performance.now() - started;
  sampleRss();

  if (!failure) {
    // Graceful end, so the probe in the server reports its maxRSS too.
    const shutdown = await waitFor('shutdown', connection.sendRequest('shutdown'));
    if (!shutdown.failed) connection.sendNotification('exit');
    const killer = setTimeout(() => server.kill('SIGKILL'), 10000);
    await exited;
    clearTimeout(killer);
    result.phase = 'done';
  } else if (failure !== 'exit') {
    server.kill('SIGKILL');
  }
  await exited;
  clearInterval(sampler);
  connection.dispose();
  if (existsSync(rssFile)) {
    const probed = Number(readFileSync(rssFile, 'utf8')) / 1024;
    if (probed > peak) peak = probed;
    rmSync(rssFile, { force: true });
  }
  result.peakRssMB = peak > 0 ? peak : null;

  if (failure) classifyFailure(result, failure, Buffer.concat(stderr).toString('utf8'), exitInfo);
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exitCode = result.status === 'ok' ? 0 : 3;
}

main().catch((error) => {
  process.stderr.write(`yaml-language-server driver: ${error.message}\n`);
  process.exitCode = 2;
});
