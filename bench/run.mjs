// Benchmark: `steward validate` against two reference pipelines (YAML parser + precompiled ajv validator).
// Usage: node bench/run.mjs [--sizes 1000,10000] [--runs 3] [--cases a,b] [--json] [--check] [--schemas DIR]
// Every timed run is a fresh child process; wall time is measured here around the child, peak RSS by the
// child itself (bench/rss-probe.cjs, preloaded with --require, reports process.resourceUsage().maxRSS).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { GENERATOR_VERSION, fileNames, writeGenerated } from './generate.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH_DIR, '..');
const DATA_DIR = join(BENCH_DIR, '.data');
// --schemas DIR points at another copy of the schemas (e.g. a draft); the default is the project's.
let SCHEMA_DIR = join(ROOT, 'schemas');
const registerSchemaPath = () => join(SCHEMA_DIR, 'data-asset-register.schema.json');
const catalogSchemaPath = () => join(SCHEMA_DIR, 'data-resource-catalog.schema.json');
const VALIDATOR = join(DATA_DIR, 'validator.cjs');
const STEWARD = join(ROOT, 'dist', 'steward.js');
const RSS_PROBE = join(BENCH_DIR, 'rss-probe.cjs');
const REFERENCE = join(BENCH_DIR, 'reference.mjs');
const CHILD_TIMEOUT_MS = 15 * 60 * 1000;
const SEED = 20240205;
const BASELINES = ['ref:yaml+ajv', 'ref:js-yaml+ajv'];
/** Every case some ratio is taken against: the references, and steward's own schema-only run. */
const RATIO_COLUMNS = [...BASELINES, 'steward:schema-only'];
const TARGETS = [
  { case: 'steward', baseline: 'ref:yaml+ajv', size: 10000, maxRatio: 1.5 },
  // The compliance rules may cost at most half again the schema-only run (issue: rules engine).
  { case: 'steward', baseline: 'steward:schema-only', size: 10000, maxRatio: 1.5 },
];

const require = createRequire(import.meta.url);
const log = (message) => process.stderr.write(message + '\n');

// ---------------------------------------------------------------------------------------------- options

function parseArgs(argv) {
  const options = { sizes: [1000, 10000], runs: 3, cases: undefined, json: false, check: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--json') options.json = true;
    else if (flag === '--check') options.check = true;
    else if (flag === '--sizes') options.sizes = argv[++i].split(',').map((s) => Number(s.replace(/_/g, '')));
    else if (flag === '--runs') options.runs = Number(argv[++i]);
    else if (flag === '--cases') options.cases = argv[++i].split(',');
    else if (flag === '--schemas') SCHEMA_DIR = resolve(argv[++i]);
    else throw new Error(`unknown flag ${flag} (see bench/README.md)`);
  }
  if (!options.sizes.every((n) => Number.isInteger(n) && n > 0)) throw new Error('--sizes takes positive integers, e.g. 1000,10000');
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs takes a positive integer');
  return options;
}

// ------------------------------------------------------------------------------------------------- data

/** Generates the register and catalog for `size` assets once; later runs reuse them (bench/.data/n-SIZE/). */
function ensureData(size) {
  const dir = join(DATA_DIR, `n-${size}`);
  const names = fileNames(size);
  const paths = { dir, register: join(dir, names.register), catalog: join(dir, names.catalog) };
  const stampPath = join(dir, 'meta.json');
  const stamp = JSON.stringify({ generator: GENERATOR_VERSION, seed: SEED, assets: size });
  const cached = existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp && existsSync(paths.register) && existsSync(paths.catalog);
  if (!cached) {
    log(`generating ${size} assets into ${dir}`);
    rmSync(dir, { recursive: true, force: true });
    writeGenerated({ assets: size, out: dir, seed: SEED });
    writeFileSync(stampPath, stamp);
  }
  return paths;
}

function createAjv() {
  const Ajv2020 = require('ajv/dist/2020').default;
  const addFormats = require('ajv-formats').default;
  // strict: false so annotation keywords an editor schema may carry (markdownDescription, ...) are not errors.
  const ajv = new Ajv2020({ allErrors: true, strict: false, code: { source: true } });
  addFormats(ajv);
  // Any other schema file (shared definitions) must be known before a $ref to it is compiled.
  for (const name of readdirSync(SCHEMA_DIR).filter((n) => n.endsWith('.schema.json'))) {
    const path = join(SCHEMA_DIR, name);
    if (path !== registerSchemaPath() && path !== catalogSchemaPath()) ajv.addSchema(JSON.parse(readFileSync(path, 'utf8')));
  }
  return ajv;
}

/** Writes the register schema's validator as standalone CommonJS, so timed children only `require` it. */
function buildValidators() {
  for (const path of [registerSchemaPath(), catalogSchemaPath()]) {
    if (!existsSync(path)) throw new Error(`schema not found: ${path}`);
  }
  const standaloneCode = require('ajv/dist/standalone').default;
  const ajv = createAjv();
  const register = ajv.compile(JSON.parse(readFileSync(registerSchemaPath(), 'utf8')));
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(VALIDATOR, standaloneCode(ajv, register));
  const catalog = ajv.compile(JSON.parse(readFileSync(catalogSchemaPath(), 'utf8')));
  delete require.cache[VALIDATOR];
  return { register: require(VALIDATOR), catalog };
}

/**
 * Untimed checks: both reference parsers must give the same data and the same validation result, and the
 * generated files should be valid (otherwise the references would measure error reporting, not validation).
 */
async function checkData(paths, validators) {
  const { parseDocument, parse } = await import('yaml');
  const { load, CORE_SCHEMA } = await import('js-yaml');
  const text = readFileSync(paths.register, 'utf8');
  const viaYaml = parseDocument(text).toJS();
  const viaJsYaml = load(text, { schema: CORE_SCHEMA });
  const problems = [];
  if (!isDeepStrictEqual(viaYaml, viaJsYaml)) problems.push('yaml and js-yaml parse the register into different data');
  const resultYaml = [validators.register(viaYaml), validators.register.errors];
  const resultJsYaml = [validators.register(viaJsYaml), validators.register.errors];
  if (!isDeepStrictEqual(resultYaml, resultJsYaml)) problems.push('the two references validate differently');
  if (!resultYaml[0]) problems.push(`register is invalid against its schema: ${summariseErrors(resultYaml[1])}`);
  const catalog = parse(readFileSync(paths.catalog, 'utf8'));
  if (!validators.catalog(catalog)) problems.push(`catalog is invalid against its schema: ${summariseErrors(validators.catalog.errors)}`);
  return problems;
}

function summariseErrors(errors) {
  const shown = errors.slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}`);
  return `${errors.length} error(s), e.g. ${shown.join('; ')}`;
}

// ------------------------------------------------------------------------------------------------ cases

const CASES = [
  {
    name: 'steward',
    unavailable: () => (existsSync(STEWARD) ? undefined : `${STEWARD} not built (run node esbuild.mjs)`),
    args: (file) => [STEWARD, 'validate', file, '--format', 'json'],
  },
  {
    name: 'steward:schema-only',
    unavailable: () => (existsSync(STEWARD) ? undefined : `${STEWARD} not built (run node esbuild.mjs)`),
    args: (file) => [STEWARD, 'validate', file, '--format', 'json', '--schema-only'],
  },
  { name: 'ref:yaml+ajv', unavailable: () => undefined, args: (file) => [REFERENCE, 'yaml', VALIDATOR, file] },
  { name: 'ref:js-yaml+ajv', unavailable: () => undefined, args: (file) => [REFERENCE, 'js-yaml', VALIDATOR, file] },
];

/** Runs one case in a fresh node process; exit 0 (clean) and 1 (findings) are both normal. */
function runChild(args, { cwd, captureStdout }) {
  const rssFile = join(DATA_DIR, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  return new Promise((resolvePromise) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--require', RSS_PROBE, ...args], {
      cwd,
      env: { ...process.env, BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', captureStdout ? 'pipe' : 'ignore', 'pipe'],
      timeout: CHILD_TIMEOUT_MS,
    });
    const stdout = [];
    const stderr = [];
    child.stdout?.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', (error) => resolvePromise({ ok: false, reason: error.message }));
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - start;
      const rssKiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
      rmSync(rssFile, { force: true });
      const stderrTail = lastLines(Buffer.concat(stderr).toString('utf8'));
      const result = { code, signal, wallMs, rssMB: rssKiB / 1024, stdout: Buffer.concat(stdout).toString('utf8'), stderrTail };
      if (code === 0 || code === 1) return resolvePromise({ ok: true, ...result });
      resolvePromise({ ok: false, ...result, reason: `exit ${code ?? signal}${stderrTail ? `: ${stderrTail}` : ''}` });
    });
  });
}

/** What a failing child said last: an uncaught error's message, else the last lines of stderr. */
function lastLines(text, count = 2) {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('at ') && !l.startsWith('Node.js v'));
  const error = lines.findLast((l) => /^\w*Error\b/.test(l));
  return (error ?? lines.slice(-count).join(' / ')).slice(0, 200);
}

/** One untimed run per case: warms the file cache and rejects a child whose output is not JSON. */
async function probeCase(benchCase, paths) {
  const result = await runChild(benchCase.args(paths.register), { cwd: paths.dir, captureStdout: true });
  if (!result.ok) return result.reason;
  try {
    JSON.parse(result.stdout);
  } catch {
    const stderr = result.stderrTail ? `, stderr: ${result.stderrTail}` : '';
    return `exit ${result.code} but output is not JSON (starts ${JSON.stringify(result.stdout.slice(0, 30))}${stderr})`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------- results

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summarise(results) {
  for (const row of results) {
    if (row.status !== 'ok') continue;
    row.medianWallMs = median(row.runs.map((r) => r.wallMs));
    row.medianRssMB = median(row.runs.map((r) => r.rssMB));
  }
  for (const row of results) {
    row.ratios = {};
    for (const baseline of RATIO_COLUMNS) {
      const base = results.find((r) => r.size === row.size && r.case === baseline);
      row.ratios[baseline] = row.status === 'ok' && base?.status === 'ok' ? row.medianWallMs / base.medianWallMs : null;
    }
  }
  return results;
}

function evaluateTargets(results) {
  return TARGETS.map((target) => {
    const row = results.find((r) => r.size === target.size && r.case === target.case);
    const label = `${target.case} ≤ ${target.maxRatio}× ${target.baseline} at N = ${target.size.toLocaleString('en-US')}`;
    if (!row) return { ...target, label, verdict: 'NOT MEASURED', ratio: null };
    const ratio = row.ratios[target.baseline];
    if (ratio === null) return { ...target, label, verdict: 'N/A', ratio, reason: row.reason };
    return { ...target, label, verdict: ratio <= target.maxRatio ? 'PASS' : 'FAIL', ratio };
  });
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    date: new Date().toISOString(),
  };
}

function markdown(results, targets, info) {
  const fmt = (value, digits) => (value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits));
  const lines = [
    `| N | case | runs | median wall ms | median peak RSS MB | ${RATIO_COLUMNS.map((c) => `× ${c}`).join(' | ')} |`,
    `|---:|---|---:|---:|---:|${RATIO_COLUMNS.map(() => '---:').join('|')}|`,
  ];
  for (const row of results) {
    const n = row.size.toLocaleString('en-US');
    if (row.status !== 'ok') {
      lines.push(`| ${n} | ${row.case} | 0 | ${row.status}: ${row.reason.replace(/\|/g, '/')} | — | ${RATIO_COLUMNS.map(() => '—').join(' | ')} |`);
      continue;
    }
    const ratios = RATIO_COLUMNS.map((b) => fmt(row.ratios[b], 2));
    lines.push(`| ${n} | ${row.case} | ${row.runs.length} | ${fmt(row.medianWallMs, 0)} | ${fmt(row.medianRssMB, 1)} | ${ratios.join(' | ')} |`);
  }
  lines.push('');
  for (const target of targets) {
    const ratio = target.ratio === null ? '' : ` (${target.ratio.toFixed(2)}×)`;
    const reason = target.reason ? ` (${target.reason})` : '';
    lines.push(`Target ${target.label}: **${target.verdict}**${ratio}${reason}`);
  }
  lines.push('');
  lines.push(`Machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGB} GB, ${info.platform}, Node ${info.node}; ${info.date}.`);
  lines.push('Wall time: spawn to exit of a fresh `node` process (startup included). Peak RSS: the child\'s `process.resourceUsage().maxRSS` at exit.');
  return lines.join('\n');
}

// ------------------------------------------------------------------------------------------------- main

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const cases = options.cases ? CASES.filter((c) => options.cases.includes(c.name)) : CASES;
  if (cases.length === 0) throw new Error(`--cases: none of ${options.cases.join(', ')} is known (${CASES.map((c) => c.name).join(', ')})`);
  const validators = buildValidators();
  const results = [];
  const warnings = [];

  for (const size of options.sizes) {
    const paths = ensureData(size);
    for (const problem of await checkData(paths, validators)) warnings.push(`N = ${size}: ${problem}`);
    if (options.check) continue;

    const rows = cases.map((benchCase) => ({ size, case: benchCase.name, status: 'ok', reason: undefined, runs: [] }));
    for (const [index, benchCase] of cases.entries()) {
      const unavailable = benchCase.unavailable();
      const failure = unavailable ? undefined : await probeCase(benchCase, paths);
      if (unavailable) Object.assign(rows[index], { status: 'unavailable', reason: unavailable });
      else if (failure) Object.assign(rows[index], { status: 'failed', reason: failure });
    }
    // Round-robin over the cases, so a slow spell of a noisy machine hits all of them alike.
    for (let run = 1; run <= options.runs; run++) {
      for (const [index, benchCase] of cases.entries()) {
        const row = rows[index];
        if (row.status !== 'ok') continue;
        log(`N = ${size}, ${benchCase.name}, run ${run}/${options.runs}`);
        const result = await runChild(benchCase.args(paths.register), { cwd: paths.dir, captureStdout: false });
        if (!result.ok) Object.assign(row, { status: 'failed', reason: result.reason });
        else row.runs.push({ wallMs: result.wallMs, rssMB: result.rssMB, exitCode: result.code });
      }
    }
    results.push(...rows);
  }

  for (const warning of warnings) log(`WARNING: ${warning}`);
  if (options.check) {
    log(warnings.length === 0 ? 'check: generated data is valid and both references agree' : 'check: problems found');
    process.exitCode = warnings.length === 0 ? 0 : 1;
    return;
  }
  summarise(results);
  const targets = evaluateTargets(results);
  const info = machine();
  if (options.json) {
    process.stdout.write(JSON.stringify({ machine: info, runsPerCase: options.runs, results, targets, warnings }, null, 2) + '\n');
  } else {
    process.stdout.write(markdown(results, targets, info) + '\n');
    for (const warning of warnings) process.stdout.write(`\nWARNING: ${warning}`);
    if (warnings.length > 0) process.stdout.write('\n');
  }
  // A broken reference means the numbers mean nothing; a missing or failing steward is only reported.
  if (results.some((r) => BASELINES.includes(r.case) && r.status !== 'ok')) process.exitCode = 1;
}

main().catch((error) => {
  log(`bench failed: ${error.message}`);
  process.exitCode = 2;
});
