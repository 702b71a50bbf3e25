// Input stress: the large inputs of issue 16 that crashed or ran for minutes, each run once through
// `steward validate --format json` in a fresh child; prints exit code, peak RSS, wall time, the report's error count
// and first finding, and the first line of standard error. A case "ends cleanly" when the exit code is 0 or 1
// (findings) or a usage error naming a limit.
// Usage: node bench/stress-inputs.mjs [--steward dist/steward.js] [--cases keys,list,bigvalue,tiny,large,findings,atlimit]
//   keys      one asset with 125,000 unknown keys (1.7 MB)
//   list      one asset whose `inspections` list has 125,000 bad elements (1.2 MB)
//   bigvalue  a 2 MB value quoted by 405 findings through an anchor and aliases (2.1 MB)
//   tiny      1,100,000 one-line assets (46 MB): over the item limit (DA-FILE-005) (not in the default cases)
//   large     a 200 MB register of 180,000 ordinary assets: over the size limit (DA-FILE-004) (not in the default cases)
//   findings  the register of 58,000 assets with 342,000 findings (66 MB): checked at the default limits
//   atlimit   the same kind of register with 83,000 assets (94 MB), just under the default --max-file-size
//             (findings and atlimit are not in the default cases: minutes, about a gigabyte)
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { writeGenerated } from './generate.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const DATA_DIR = join(BENCH_DIR, '.data', 'stress-inputs');
const RSS_PROBE = join(BENCH_DIR, 'rss-probe.cjs');

const HEAD = [
  'apiVersion: steward/v1',
  'kind: DataAssetRegister',
  'asOf: 2025-12-31',
  'unit:',
  '  name: 某市交通运输局',
  "  code: '113301000025391739'",
  '  type: 行政单位',
  '  supervisingDepartment: 某市人民政府',
  'assets:',
  '',
].join('\n');

/** Writes `count` lines made by `line(i)` after `prefix`, in pieces (the large files never sit in one string). */
function writeLines(file, prefix, count, line) {
  const fd = openSync(file, 'w');
  writeSync(fd, prefix);
  let buffer = [];
  for (let i = 0; i < count; i++) {
    buffer.push(line(i));
    if (buffer.length === 10_000) {
      writeSync(fd, buffer.join(''));
      buffer = [];
    }
  }
  writeSync(fd, buffer.join(''));
  closeSync(fd);
}

const CASES = {
  keys: (file) => writeLines(file, HEAD + '  - id: DA-2024-000001\n    name: 测试\n', 125_000, (i) => `    k${i}: 1\n`),
  list: (file) =>
    writeLines(file, HEAD + '  - id: DA-2024-000002\n    name: 测试\n    inspections:\n', 125_000, () => '      - 1\n'),
  bigvalue: (file) =>
    writeLines(file, HEAD, 405, (i) => {
      const value = i === 0 ? `&v ${'x'.repeat(2 * 1024 * 1024)}` : '*v';
      return `  - id: DA-2024-${String(i).padStart(6, '0')}\n    name: 测试\n    classificationCode: ${value}\n`;
    }),
  tiny: (file) =>
    writeLines(file, HEAD, 1_100_000, (i) => `  - {id: DA-${String(i).padStart(8, '0')}, name: 资产${i}}\n`),
  large: (file) => {
    const { register } = writeGenerated({ assets: 180_000, out: DATA_DIR });
    return register;
  },
  findings: () => writeGenerated({ assets: 58_000, out: DATA_DIR, violations: true }).register,
  atlimit: () => writeGenerated({ assets: 83_000, out: DATA_DIR, violations: true }).register,
};

function parseArgs(argv) {
  const options = { steward: resolve(BENCH_DIR, '..', 'dist', 'steward.js'), cases: ['keys', 'list', 'bigvalue'] };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--steward') options.steward = resolve(argv[i + 1]);
    else if (argv[i] === '--cases') options.cases = argv[i + 1].split(',');
    else throw new Error(`unknown flag ${argv[i]}`);
  }
  const unknown = options.cases.filter((name) => !(name in CASES));
  if (unknown.length > 0) throw new Error(`unknown case ${unknown.join(', ')}`);
  return options;
}

function run(steward, file) {
  const rssFile = join(DATA_DIR, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--require', RSS_PROBE, steward, 'validate', file, '--format', 'json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BENCH_RSS_FILE: rssFile },
    });
    let stderr = '';
    let stdout = '';
    // The report's start holds its summary and first finding; the rest is drained unread.
    child.stdout.on('data', (chunk) => {
      if (stdout.length < 64 * 1024) stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 2000) stderr += chunk;
    });
    child.on('close', (code, signal) => {
      const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : NaN;
      done({
        code: code ?? signal,
        ms: performance.now() - started,
        rss,
        errors: /"errors":\s*(\d+)/.exec(stdout)?.[1] ?? '',
        first: firstFinding(stdout),
        stderr: stderr.trim().split('\n')[0] ?? '',
      });
    });
  });
}

/** `RULE line:column message` of the JSON report's first finding. */
function firstFinding(report) {
  const found =
    /"ruleId":\s*"([^"]+)",[^{}]*?"message":\s*"((?:[^"\\]|\\.)*)",\s*"line":\s*(\d+),\s*"column":\s*(\d+)/.exec(
      report,
    );
  return found ? `${found[1]} ${found[3]}:${found[4]} ${found[2]}` : '';
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(DATA_DIR, { recursive: true });
  console.log(`| case | exit | peak RSS (MB) | wall time (s) | errors | first finding | first line of stderr |`);
  console.log('|---|---|---:|---:|---:|---|---|');
  for (const name of options.cases) {
    let file = join(DATA_DIR, `${name}.assets.yaml`);
    if (name === 'large' || name === 'findings' || name === 'atlimit') file = CASES[name]();
    else if (!existsSync(file)) CASES[name](file);
    const result = await run(options.steward, file);
    const rss = Number.isNaN(result.rss) ? 'n/a' : result.rss.toFixed(0);
    const time = (result.ms / 1000).toFixed(1);
    console.log(
      `| ${name} | ${result.code} | ${rss} | ${time} | ${result.errors} | ${result.first} | ${result.stderr} |`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
