// Stress script for reads (issue 16, docs/reliability.md section "reads"): workspace content that used to deny
// service — /dev/zero behind a symlink, FIFOs, endless standard input — run against the bundled CLI and server.
// Each case has a deadline and a memory ceiling, prints its wall time and peak RSS, and fails the script when it
// hangs, grows past its ceiling or answers anything but the expected clear error. Linux (mkfifo, /dev/zero).
// Needs the bundles and the test build: `npx tsc -p . && node esbuild.mjs`, then `node scripts/stress-reads.mjs`.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'steward.js');
const SERVER = join(ROOT, 'dist', 'server.js');
const RSS_PROBE = join(ROOT, 'bench', 'rss-probe.cjs');
const require = createRequire(import.meta.url);
const { MINIMAL_REGISTER } = require(join(ROOT, 'out', 'test', 'helpers.js'));
const { LspClient, uriOf } = require(join(ROOT, 'out', 'test', 'lsp-client.js'));

const DEADLINE_MS = 60_000;

const dirs = [];
function workspace(files = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'steward-stress-reads-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/**
 * Runs the CLI with the RSS probe; `feed` may write to its standard input. Resolves with exit code, output, wall
 * time and peak RSS; a run past the deadline is killed and reported as such.
 */
function runCli(args, cwd, feed) {
  const rssFile = join(workspace(), 'rss');
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', RSS_PROBE, CLI, ...args], {
      cwd,
      env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1', BENCH_RSS_FILE: rssFile },
      stdio: [feed ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), DEADLINE_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      let rssKb = NaN;
      try {
        rssKb = Number(readFileSync(rssFile, 'utf8'));
      } catch {
        // killed: no probe output
      }
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started, rssMb: rssKb / 1024 });
    });
    if (feed) feed(child);
  });
}

/** Writes "y\n" lines to the child's standard input until it lets go of it (or exits), as `yes` does. */
function endlessYes(child) {
  const chunk = Buffer.from('y\n'.repeat(32 * 1024));
  child.stdin.on('error', () => undefined);
  const pump = () => {
    while (!child.stdin.destroyed && child.stdin.write(chunk));
    if (!child.stdin.destroyed) child.stdin.once('drain', pump);
  };
  pump();
}

const cases = [
  {
    name: '*.assets.yaml -> /dev/zero, named',
    ceilingMb: 200,
    run: () => {
      const dir = workspace({ 'good.assets.yaml': MINIMAL_REGISTER });
      symlinkSync('/dev/zero', join(dir, 'zero.assets.yaml'));
      return runCli(['validate', 'zero.assets.yaml'], dir);
    },
    expect: (r) => r.code === 1 && /DA-FILE-001/.test(r.stdout) && /character device/.test(r.stdout),
  },
  {
    name: '*.assets.yaml -> /dev/zero, by a glob',
    ceilingMb: 200,
    run: () => {
      const dir = workspace({ 'good.assets.yaml': MINIMAL_REGISTER });
      symlinkSync('/dev/zero', join(dir, 'zero.assets.yaml'));
      return runCli(['validate', '**/*.assets.yaml'], dir);
    },
    expect: (r) => r.code === 0 && r.stdout === '',
  },
  {
    name: 'steward.config.yaml -> /dev/zero',
    ceilingMb: 200,
    run: () => {
      const dir = workspace({ 'good.assets.yaml': MINIMAL_REGISTER });
      symlinkSync('/dev/zero', join(dir, 'steward.config.yaml'));
      return runCli(['validate'], dir);
    },
    expect: (r) => r.code === 2 && /configuration file steward\.config\.yaml: .*character device/.test(r.stderr),
  },
  {
    name: 'codeTable -> /dev/zero (--allow-outside-paths)',
    ceilingMb: 200,
    run: () => {
      const dir = workspace({ 'good.assets.yaml': MINIMAL_REGISTER, 'steward.config.yaml': 'codeTable: codes.csv\n' });
      symlinkSync('/dev/zero', join(dir, 'codes.csv'));
      return runCli(['validate', '--allow-outside-paths'], dir);
    },
    expect: (r) => r.code === 2 && /code table codes\.csv: .*character device/.test(r.stderr),
  },
  {
    name: 'FIFO named on the command line',
    ceilingMb: 200,
    run: () => {
      const dir = workspace({ 'good.assets.yaml': MINIMAL_REGISTER });
      execFileSync('mkfifo', [join(dir, 'pipe.assets.yaml')]);
      return runCli(['validate', 'pipe.assets.yaml'], dir);
    },
    expect: (r) => r.code === 1 && /named pipe \(FIFO\)/.test(r.stdout),
  },
  {
    name: 'FIFO as --config',
    ceilingMb: 200,
    run: () => {
      const dir = workspace({ 'good.assets.yaml': MINIMAL_REGISTER });
      execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
      return runCli(['validate', '--config', 'pipe.yaml'], dir);
    },
    expect: (r) => r.code === 2 && /named pipe \(FIFO\)/.test(r.stderr),
  },
  {
    name: '`yes | steward validate --stdin` (96 MB limit)',
    // The limit's worth of input is held while it is read, then dropped.
    ceilingMb: 700,
    run: () => runCli(['validate', '--stdin'], workspace(), endlessYes),
    expect: (r) => r.code === 1 && /DA-FILE-004/.test(r.stdout) && /96\.0 MB limit/.test(r.stdout.replace(/\s+/g, ' ')),
  },
  {
    name: '`yes | steward validate --stdin --max-file-size 1`',
    ceilingMb: 200,
    run: () => runCli(['validate', '--stdin', '--max-file-size', '1'], workspace(), endlessYes),
    expect: (r) => r.code === 1 && /DA-FILE-004/.test(r.stdout),
  },
  {
    name: 'server indexing: /dev/zero link and FIFO in the workspace',
    ceilingMb: 300,
    run: serverIndexing,
    expect: (r) => r.code === 0,
  },
];

/** The server indexes a workspace holding a /dev/zero link and a FIFO: the other file gets its diagnostics. */
async function serverIndexing() {
  const dir = workspace({ 'bad.assets.yaml': MINIMAL_REGISTER.replace('一般数据', '普通数据') });
  symlinkSync('/dev/zero', join(dir, 'zero.assets.yaml'));
  execFileSync('mkfifo', [join(dir, 'pipe.assets.yaml')]);
  const client = new LspClient([SERVER, '--stdio']);
  const started = performance.now();
  let code = 1;
  let stderr = '';
  try {
    const uri = uriOf(join(dir, 'bad.assets.yaml'));
    const waiting = client.nextDiagnostics(uri, () => true, DEADLINE_MS);
    await client.initialize(dir);
    const published = await waiting;
    code = published.diagnostics.some((d) => d.code === 'DA-SCHEMA-003') ? 0 : 1;
  } catch (error) {
    stderr = String(error);
  }
  const ms = performance.now() - started;
  // The server's peak RSS so far (VmHWM), read while it still runs.
  const status = readFileSync(`/proc/${client.process.pid}/status`, 'utf8');
  const rssMb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
  await client.close();
  return { code, signal: null, stdout: '', stderr, ms, rssMb };
}

const rows = [];
let failed = 0;
for (const entry of cases) {
  const result = await entry.run();
  const ok = result.signal === null && entry.expect(result) && result.rssMb <= entry.ceilingMb;
  if (!ok) failed++;
  rows.push([
    entry.name,
    result.signal ? `killed (${result.signal})` : String(result.code),
    `${(result.ms / 1000).toFixed(2)} s`,
    Number.isNaN(result.rssMb) ? '—' : `${result.rssMb.toFixed(0)} MB`,
    `${entry.ceilingMb} MB`,
    ok ? 'ok' : `FAILED ${result.stderr.slice(0, 200)}${result.stdout.slice(0, 200)}`,
  ]);
}
for (const dir of dirs) rmSync(dir, { recursive: true, force: true });

const header = ['case', 'exit', 'time', 'peak RSS', 'ceiling', 'result'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
if (failed > 0) {
  console.error(`stress-reads: ${failed} case(s) failed`);
  process.exit(1);
}
