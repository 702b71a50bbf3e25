// Output stress: peak RSS and wall time of `steward validate` per output format on a register whose every asset
// breaks a few rules (bench/generate.mjs --violations; 58,000 assets are about 65 MB and 340,000 findings).
// Usage: node bench/stress-output.mjs [--assets 58000] [--formats stylish,json,sarif,junit,github,gitlab]
//                                     [--steward dist/steward.js] [--label NAME] [--runs 1]
// Each run is a fresh child writing its report to a file (stdout redirected; no terminal, no colour), measured
// the same way as bench/run.mjs (bench/rss-probe.cjs reports the child's process.resourceUsage().maxRSS).
// Prints a markdown table: format, exit code, peak RSS, wall time, report size.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { writeGenerated } from './generate.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH_DIR, '..');
const DATA_DIR = join(BENCH_DIR, '.data', 'stress');
const RSS_PROBE = join(BENCH_DIR, 'rss-probe.cjs');
const log = (message) => process.stderr.write(message + '\n');

function parseArgs(argv) {
  const options = {
    assets: 58000,
    formats: ['stylish', 'json', 'sarif', 'junit', 'github', 'gitlab'],
    steward: join(ROOT, 'dist', 'steward.js'),
    label: '',
    runs: 1,
    extra: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (flag === '--assets') options.assets = Number(value);
    else if (flag === '--formats') options.formats = value.split(',');
    else if (flag === '--steward') options.steward = resolve(value);
    else if (flag === '--label') options.label = value;
    else if (flag === '--runs') options.runs = Number(value);
    else if (flag === '--') options.extra = argv.slice(--i + 1);
    else throw new Error(`unknown flag ${flag}`);
    if (flag === '--') break;
  }
  return options;
}

/** Runs steward once: { code, ms, rssMB, bytes, stderr }. */
function runOnce(options, file, format, outFile) {
  const rssFile = join(DATA_DIR, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const out = openSync(outFile, 'w');
  const args = ['--require', RSS_PROBE, options.steward, 'validate', file, '--format', format, ...options.extra];
  const started = performance.now();
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', out, 'pipe'],
      env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 4000) stderr += chunk;
    });
    child.on('close', (code, signal) => {
      const ms = performance.now() - started;
      closeSync(out);
      const rssKiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
      resolvePromise({ code: code ?? signal, ms, rssMB: rssKiB / 1024, bytes: statSync(outFile).size, stderr });
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(DATA_DIR, { recursive: true });
  const file = join(DATA_DIR, `violations-${options.assets}.assets.yaml`);
  if (!existsSync(file)) writeGenerated({ assets: options.assets, out: DATA_DIR, violations: true });
  const sizeMB = statSync(file).size / 1024 / 1024;
  log(`register: ${file} (${sizeMB.toFixed(1)} MB), steward: ${options.steward}`);
  const rows = [];
  for (const format of options.formats) {
    const runs = [];
    for (let run = 0; run < options.runs; run++) {
      const result = await runOnce(options, file, format, join(DATA_DIR, `report.${format}`));
      log(`${format}: exit ${result.code}, ${result.rssMB.toFixed(0)} MB, ${(result.ms / 1000).toFixed(1)} s`);
      if (typeof result.code !== 'number' || result.code > 1)
        log(result.stderr.trim().split('\n').slice(-3).join('\n'));
      runs.push(result);
    }
    rows.push({ format, runs });
    rmSync(join(DATA_DIR, `report.${format}`), { force: true });
  }
  const title = options.label ? ` (${options.label})` : '';
  console.log(`Output stress${title}: ${options.assets} assets, ${sizeMB.toFixed(1)} MB, ${options.steward}`);
  console.log('');
  console.log('| format | exit | peak RSS (MB) | wall time (s) | report (MB) |');
  console.log('|---|---|---:|---:|---:|');
  for (const { format, runs } of rows) {
    const codes = [...new Set(runs.map((run) => run.code))].join('/');
    const rss = median(runs.map((run) => run.rssMB));
    const ms = median(runs.map((run) => run.ms));
    const bytes = median(runs.map((run) => run.bytes));
    console.log(
      `| ${format} | ${codes} | ${rss.toFixed(0)} | ${(ms / 1000).toFixed(1)} | ${(bytes / 1048576).toFixed(1)} |`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
