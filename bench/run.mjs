// Benchmark: `steward validate` against two reference pipelines (YAML parser + precompiled ajv validator) and two
// peers given the same JSON Schemas (Spectral's CLI, Red Hat's yaml-language-server), on registers and catalogs.
// Usage: node bench/run.mjs [--sizes 1000,10000,50000] [--runs 3] [--quick-runs 9] [--cases a,b] [--files register,catalog]
//                           [--edits 3] [--peer-timeout 240] [--json] [--check] [--schemas DIR]
//                           [--write-results [FILE]]
// Every timed run is a fresh child process; wall time is measured here around the child, peak RSS by the
// child itself (bench/rss-probe.cjs, preloaded with --require, reports process.resourceUsage().maxRSS).
// yaml-language-server is timed by its driver (bench/peers/yaml-language-server.mjs): spawn → first diagnostics.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import v8 from 'node:v8';
import { GENERATOR_VERSION, fileNames, generate, writeGenerated } from './generate.mjs';
import { parseSpectralOutput, spectralArgs, spectralCli, writeRuleset } from './peers/spectral.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH_DIR, '..');
const DATA_DIR = join(BENCH_DIR, '.data');
const RESULTS_FILE = join(BENCH_DIR, 'RESULTS.md');
// --schemas DIR points at another copy of the schemas (e.g. a draft); the default is the project's.
let SCHEMA_DIR = join(ROOT, 'schemas');
const FILE_KINDS = ['register', 'catalog'];
const schemaPath = (kind) =>
  join(SCHEMA_DIR, kind === 'register' ? 'data-asset-register.schema.json' : 'data-resource-catalog.schema.json');
const validatorPath = (kind) => join(DATA_DIR, `validator-${kind}.cjs`);
const rulesetPath = (kind) => join(DATA_DIR, 'spectral', `${kind}.ruleset.json`);
const STEWARD = join(ROOT, 'dist', 'steward.js');
const RSS_PROBE = join(BENCH_DIR, 'rss-probe.cjs');
const REFERENCE = join(BENCH_DIR, 'reference.mjs');
const YLS_DRIVER = join(BENCH_DIR, 'peers', 'yaml-language-server.mjs');
const SPECTRAL = spectralCli();
const CHILD_TIMEOUT_MS = 15 * 60 * 1000;
const SEED = 20240205;
const BASELINES = ['ref:yaml+ajv', 'ref:js-yaml+ajv'];
const PEERS = ['spectral', 'yaml-language-server'];
/** Every case some ratio is taken against: the references, steward's schema-only run, and steward itself. */
const RATIO_COLUMNS = [...BASELINES, 'steward:schema-only', 'steward'];

const require = createRequire(import.meta.url);
const log = (message) => process.stderr.write(message + '\n');
const thousands = (n) => n.toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------- options

function parseArgs(argv) {
  const options = {
    sizes: [1000, 10000, 50000],
    runs: 3,
    quickRuns: 9,
    cases: undefined,
    files: FILE_KINDS,
    edits: 3,
    peerTimeoutS: 240,
    peerHeapMB: undefined,
    json: false,
    check: false,
    writeResults: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--json') options.json = true;
    else if (flag === '--check') options.check = true;
    else if (flag === '--sizes') options.sizes = argv[++i].split(',').map((s) => Number(s.replace(/_/g, '')));
    else if (flag === '--runs') options.runs = Number(argv[++i]);
    else if (flag === '--quick-runs') options.quickRuns = Number(argv[++i]);
    else if (flag === '--cases') options.cases = argv[++i].split(',');
    else if (flag === '--files') options.files = argv[++i].split(',');
    else if (flag === '--edits') options.edits = Number(argv[++i]);
    else if (flag === '--peer-timeout') options.peerTimeoutS = Number(argv[++i]);
    else if (flag === '--peer-heap-mb') options.peerHeapMB = Number(argv[++i]);
    else if (flag === '--schemas') SCHEMA_DIR = resolve(argv[++i]);
    else if (flag === '--write-results')
      options.writeResults = argv[i + 1] && !argv[i + 1].startsWith('--') ? resolve(argv[++i]) : RESULTS_FILE;
    else throw new Error(`unknown flag ${flag} (see bench/README.md)`);
  }
  if (!options.sizes.every((n) => Number.isInteger(n) && n > 0))
    throw new Error('--sizes takes positive integers, e.g. 1000,10000');
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs takes a positive integer');
  if (!Number.isInteger(options.quickRuns) || options.quickRuns < 0)
    throw new Error('--quick-runs takes a non-negative integer');
  if (!Number.isInteger(options.edits) || options.edits < 0) throw new Error('--edits takes a non-negative integer');
  if (!(options.peerTimeoutS > 0)) throw new Error('--peer-timeout takes a positive number of seconds');
  if (options.peerHeapMB !== undefined && !(Number.isInteger(options.peerHeapMB) && options.peerHeapMB > 0))
    throw new Error('--peer-heap-mb takes a positive integer');
  const unknownKinds = options.files.filter((k) => !FILE_KINDS.includes(k));
  if (unknownKinds.length > 0) throw new Error(`--files: ${unknownKinds.join(', ')} unknown (register, catalog)`);
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
  const cached =
    existsSync(stampPath) &&
    readFileSync(stampPath, 'utf8') === stamp &&
    existsSync(paths.register) &&
    existsSync(paths.catalog);
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
  const main = FILE_KINDS.map(schemaPath);
  for (const name of readdirSync(SCHEMA_DIR).filter((n) => n.endsWith('.schema.json'))) {
    const path = join(SCHEMA_DIR, name);
    if (!main.includes(path)) ajv.addSchema(JSON.parse(readFileSync(path, 'utf8')));
  }
  return ajv;
}

/**
 * Writes each schema's validator as standalone CommonJS (so timed children only `require` it) and Spectral's
 * rulesets (the schema inlined); returns the validators for the untimed checks.
 */
function buildValidators() {
  for (const kind of FILE_KINDS) {
    if (!existsSync(schemaPath(kind))) throw new Error(`schema not found: ${schemaPath(kind)}`);
  }
  const standaloneCode = require('ajv/dist/standalone').default;
  const ajv = createAjv();
  mkdirSync(DATA_DIR, { recursive: true });
  const validators = {};
  for (const kind of FILE_KINDS) {
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath(kind), 'utf8')));
    writeFileSync(validatorPath(kind), standaloneCode(ajv, validate));
    delete require.cache[validatorPath(kind)];
    validators[kind] = require(validatorPath(kind));
    writeRuleset(schemaPath(kind), rulesetPath(kind), `steward-${kind}-schema`);
  }
  return validators;
}

/**
 * Untimed checks: both reference parsers must give the same data and the same validation result, and the
 * generated files should be valid (otherwise the references would measure error reporting, not validation).
 */
async function checkData(paths, validators, kinds) {
  const { parseDocument } = await import('yaml');
  const { load, CORE_SCHEMA } = await import('js-yaml');
  const problems = [];
  for (const kind of kinds) {
    const text = readFileSync(paths[kind], 'utf8');
    const viaYaml = parseDocument(text).toJS();
    const viaJsYaml = load(text, { schema: CORE_SCHEMA });
    if (!isDeepStrictEqual(viaYaml, viaJsYaml)) problems.push(`yaml and js-yaml parse the ${kind} into different data`);
    const validate = validators[kind];
    const resultYaml = [validate(viaYaml), validate.errors];
    const resultJsYaml = [validate(viaJsYaml), validate.errors];
    if (!isDeepStrictEqual(resultYaml, resultJsYaml))
      problems.push(`the two references validate the ${kind} differently`);
    if (!resultYaml[0]) problems.push(`${kind} is invalid against its schema: ${summariseErrors(resultYaml[1])}`);
  }
  return problems;
}

function summariseErrors(errors) {
  const shown = errors.slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}`);
  return `${errors.length} error(s), e.g. ${shown.join('; ')}`;
}

// ------------------------------------------------------------------------------------------------ cases

/** --peer-heap-mb: the peers' V8 heap limit (default: node's own, which depends on the machine's memory). */
const heapFlag = (options) => (options.peerHeapMB ? [`--max-old-space-size=${options.peerHeapMB}`] : []);
const stewardUnavailable = () => (existsSync(STEWARD) ? undefined : `${STEWARD} not built (run node esbuild.mjs)`);
const CASES = [
  // `quick`: seconds even at 50,000 assets, so they get --quick-runs runs (the targets' ratios rest on them).
  {
    name: 'steward',
    quick: true,
    unavailable: stewardUnavailable,
    args: (file) => [STEWARD, 'validate', file, '--format', 'json'],
  },
  {
    name: 'steward:schema-only',
    quick: true,
    unavailable: stewardUnavailable,
    args: (file) => [STEWARD, 'validate', file, '--format', 'json', '--schema-only'],
  },
  {
    name: 'ref:yaml+ajv',
    unavailable: () => undefined,
    args: (file, kind) => [REFERENCE, 'yaml', validatorPath(kind), file],
  },
  {
    name: 'ref:js-yaml+ajv',
    quick: true,
    unavailable: () => undefined,
    args: (file, kind) => [REFERENCE, 'js-yaml', validatorPath(kind), file],
  },
  {
    name: 'spectral',
    peer: true,
    unavailable: () => (SPECTRAL ? undefined : '@stoplight/spectral-cli not installed (npm ci)'),
    args: (file, kind, options) => [...heapFlag(options), ...spectralArgs(SPECTRAL.path, rulesetPath(kind), file)],
    /** Number of findings in the output; throws when the output is not Spectral's JSON. */
    findings: (stdout) => parseSpectralOutput(stdout).length,
  },
  {
    name: 'yaml-language-server',
    peer: true,
    lsp: true,
    unavailable: () => {
      try {
        require.resolve('yaml-language-server/package.json');
        return undefined;
      } catch {
        return 'yaml-language-server not installed (npm ci)';
      }
    },
    args: (file, kind, options) => [
      YLS_DRIVER,
      '--file',
      file,
      '--schema',
      schemaPath(kind),
      '--edits',
      String(options.edits),
      '--timeout',
      String(options.peerTimeoutS),
      ...(options.peerHeapMB ? ['--heap-mb', String(options.peerHeapMB)] : []),
    ],
  },
];

/**
 * Runs one command in a fresh node process; exit 0 (clean) and 1 (findings) are both normal. A child that
 * prints "heap out of memory" is reported as { failure: 'oom' }, one killed after `timeoutMs` as 'timeout'.
 */
function runChild(args, { cwd, captureStdout, timeoutMs = CHILD_TIMEOUT_MS, probe = true, sampleRss = false }) {
  const rssFile = join(DATA_DIR, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  return new Promise((resolvePromise) => {
    const start = performance.now();
    const child = spawn(process.execPath, [...(probe ? ['--require', RSS_PROBE] : []), ...args], {
      cwd,
      env: { ...process.env, BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', captureStdout ? 'pipe' : 'ignore', 'pipe'],
    });
    // A child killed here or dying of OOM never reports its maxRSS: sample its VmHWM (Linux) meanwhile.
    let sampledMB = NaN;
    const sampler = sampleRss
      ? setInterval(() => {
          const mb = peakRssMB(child.pid);
          if (mb !== undefined && !(mb <= sampledMB)) sampledMB = mb;
        }, 200)
      : undefined;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const stdout = [];
    const stderr = [];
    child.stdout?.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      clearInterval(sampler);
      resolvePromise({ ok: false, failure: 'failed', reason: error.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(sampler);
      const wallMs = performance.now() - start;
      const rssKiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : sampledMB * 1024;
      rmSync(rssFile, { force: true });
      const stderrText = Buffer.concat(stderr).toString('utf8');
      const stderrTail = lastLines(stderrText);
      const result = {
        code,
        signal,
        wallMs,
        rssMB: rssKiB / 1024,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderrTail,
      };
      if (timedOut) return resolvePromise({ ok: false, ...result, failure: 'timeout', reason: undefined });
      if (/heap out of memory/i.test(stderrText))
        return resolvePromise({ ok: false, ...result, failure: 'oom', reason: 'JavaScript heap out of memory' });
      if (code === 0 || code === 1) return resolvePromise({ ok: true, ...result });
      resolvePromise({
        ok: false,
        ...result,
        failure: 'failed',
        reason: `exit ${code ?? signal}${stderrTail ? `: ${stderrTail}` : ''}`,
      });
    });
  });
}

/** Peak resident set (VmHWM) of a live process in MB; undefined where /proc is not available. */
function peakRssMB(pid) {
  try {
    const kiB = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kiB) ? kiB / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** What a failing child said last: an uncaught error's message, else the last lines of stderr. */
function lastLines(text, count = 2) {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at ') && !l.startsWith('Node.js v'));
  const error = lines.findLast((l) => /^\w*Error\b/.test(l));
  return (error ?? lines.slice(-count).join(' / ')).slice(0, 200);
}

/**
 * One timed run of a case on one file. Returns { run } (wallMs, rssMB, and for the language server its edit
 * latencies) or { failure, reason, afterMs, rssMB }; `findings` is what a peer reported on the file.
 */
async function timedRun(benchCase, file, kind, options, cwd) {
  if (benchCase.lsp) {
    // The driver times the server itself; the driver's own memory is not the server's.
    const child = await runChild(benchCase.args(file, kind, options), {
      cwd,
      captureStdout: true,
      probe: false,
      timeoutMs: (options.edits + 2) * options.peerTimeoutS * 1000 + 60000,
    });
    let out;
    try {
      out = JSON.parse(child.stdout);
    } catch {
      return { failure: 'failed', reason: child.reason ?? `driver output is not JSON (${child.stderrTail})` };
    }
    if (out.firstMs === null) {
      const reason = out.status === 'oom' || out.status === 'timeout' ? `during ${out.phase}` : out.reason;
      return {
        failure: out.status === 'oom' || out.status === 'timeout' ? out.status : 'failed',
        reason,
        afterMs: out.elapsedMs,
        rssMB: out.peakRssMB,
      };
    }
    const run = { wallMs: out.firstMs, rssMB: out.peakRssMB, openToFirstMs: out.openToFirstMs, edits: out.edits };
    if (out.status !== 'ok') {
      const what = out.status === 'oom' ? 'out of memory' : out.status;
      run.note = `${what} at ${out.phase}, ${(out.elapsedMs / 1000).toFixed(0)} s after start${out.reason ? `: ${out.reason}` : ''}`;
    }
    return { run, findings: out.firstDiagnostics, messages: out.messages };
  }
  const timeoutMs = benchCase.peer ? options.peerTimeoutS * 1000 : CHILD_TIMEOUT_MS;
  const child = await runChild(benchCase.args(file, kind, options), {
    cwd,
    captureStdout: Boolean(benchCase.findings),
    timeoutMs,
    sampleRss: benchCase.peer,
  });
  if (!child.ok) return { failure: child.failure, reason: child.reason, afterMs: child.wallMs, rssMB: child.rssMB };
  let findings;
  if (benchCase.findings) {
    try {
      findings = benchCase.findings(child.stdout);
    } catch (error) {
      return {
        failure: 'failed',
        reason: `${error.message} (exit ${child.code}${child.stderrTail ? `, stderr: ${child.stderrTail}` : ''})`,
      };
    }
  }
  return { run: { wallMs: child.wallMs, rssMB: child.rssMB, exitCode: child.code }, findings };
}

/** One untimed run per CLI case: warms the file cache and rejects a child whose output is not JSON. */
async function probeCase(benchCase, file, kind, options, cwd) {
  const result = await runChild(benchCase.args(file, kind, options), { cwd, captureStdout: true });
  if (!result.ok) return result.reason;
  try {
    JSON.parse(result.stdout);
  } catch {
    const stderr = result.stderrTail ? `, stderr: ${result.stderrTail}` : '';
    return `exit ${result.code} but output is not JSON (starts ${JSON.stringify(result.stdout.slice(0, 30))}${stderr})`;
  }
  return undefined;
}

/**
 * Untimed, once per bench run: a peer that is handed the schema must report a schema error planted in a small
 * file (exactly one finding, on the planted line) and nothing on the same file unplanted. Otherwise it is not
 * validating and its times mean nothing. Returns { [case]: reason } for the peers that fail.
 */
async function checkPeers(peerCases, kinds, options) {
  const dir = join(DATA_DIR, 'planted');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const texts = generate({ assets: 20, seed: SEED });
  const failures = {};
  for (const kind of kinds) {
    const clean = texts[kind];
    const needle = 'securityGrade: 一般数据';
    const at = clean.indexOf(needle);
    const planted = clean.slice(0, at) + 'securityGrade: 机密数据' + clean.slice(at + needle.length);
    const plantedLine = clean.slice(0, at).split('\n').length - 1;
    const files = {
      clean: join(dir, `clean-${kind}.${kind === 'register' ? 'assets' : 'catalog'}.yaml`),
      planted: join(dir, `planted-${kind}.${kind === 'register' ? 'assets' : 'catalog'}.yaml`),
    };
    writeFileSync(files.clean, clean);
    writeFileSync(files.planted, planted);
    for (const benchCase of peerCases) {
      if (failures[benchCase.name]) continue;
      const quick = { ...options, edits: 0, peerTimeoutS: Math.max(60, options.peerTimeoutS) };
      const onClean = await timedRun(benchCase, files.clean, kind, quick, dir);
      const onPlanted = await timedRun(benchCase, files.planted, kind, quick, dir);
      const fail = [onClean, onPlanted].find((r) => r.failure);
      if (fail)
        failures[benchCase.name] = `planted-error check: ${fail.failure}${fail.reason ? ` (${fail.reason})` : ''}`;
      else if (onClean.findings !== 0)
        failures[benchCase.name] = `reports ${onClean.findings} finding(s) on a valid ${kind}`;
      else if (onPlanted.findings !== 1)
        failures[benchCase.name] =
          `reports ${onPlanted.findings} finding(s), not 1, for one schema error planted in a ${kind}`;
      else if (benchCase.lsp && onPlanted.messages[0]?.line !== plantedLine)
        failures[benchCase.name] =
          `reports the error planted in a ${kind} on line ${onPlanted.messages[0]?.line + 1}, not ${plantedLine + 1}`;
      else log(`check: ${benchCase.name} reports the schema error planted in a ${kind}`);
    }
  }
  return failures;
}

// ---------------------------------------------------------------------------------------------- results

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank quantile. */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))];
}

const sameCell = (a, b) => a.size === b.size && a.file === b.file;

function summarise(results) {
  for (const row of results) {
    if (row.status !== 'ok') continue;
    row.medianWallMs = median(row.runs.map((r) => r.wallMs));
    const rss = row.runs.map((r) => r.rssMB).filter((v) => Number.isFinite(v));
    row.medianRssMB = rss.length > 0 ? median(rss) : null;
    const edits = row.runs.flatMap((r) => r.edits ?? []);
    if (edits.length > 0) row.edits = { count: edits.length, medianMs: median(edits), p95Ms: quantile(edits, 0.95) };
  }
  for (const row of results) {
    row.ratios = {};
    row.ratioIsLowerBound = row.status === 'oom' || row.status === 'timeout';
    for (const baseline of RATIO_COLUMNS) {
      const base = results.find((r) => sameCell(r, row) && r.case === baseline);
      const time = row.status === 'ok' ? row.medianWallMs : row.ratioIsLowerBound ? row.afterMs : undefined;
      row.ratios[baseline] = time !== undefined && base?.status === 'ok' ? time / base.medianWallMs : null;
    }
  }
  return results;
}

/** The sizes the linearity target compares. */
const LINEAR_SIZES = [1000, 10000, 50000];

/** Cost per added asset from 1,000 to 10,000 and from 10,000 to 50,000 (ms per asset) and their ratio. */
function slopes(one, small, large) {
  const first = (small - one) / 9000;
  const second = (large - small) / 40000;
  const ratio = second / first;
  return {
    first,
    second,
    ratio,
    text: `${ratio.toFixed(2)}: ${(first * 1000).toFixed(0)} and ${(second * 1000).toFixed(0)} µs per asset`,
  };
}

const cellOf = (results, caseName, size, file = 'register') =>
  results.find((r) => r.case === caseName && r.size === size && r.file === file);
const reasonOf = (row) => (row ? `${row.case}: ${row.status}${row.reason ? ` (${row.reason})` : ''}` : undefined);

/** The targets of issue 6, all on the register; each gives { label, verdict, value?, detail? }. */
function evaluateTargets(results, series) {
  const targets = [];
  const notMeasured = (label, ...rows) => {
    if (rows.length === 0 || rows.some((r) => !r)) return { label, verdict: 'NOT MEASURED' };
    const broken = rows.find((r) => r.status !== 'ok');
    return { label, verdict: 'N/A', detail: reasonOf(broken) };
  };
  const atMost = (caseName, baseline, size, max) => {
    const label = `${caseName} ≤ ${max}× ${baseline} at N = ${thousands(size)}`;
    const row = cellOf(results, caseName, size);
    const base = cellOf(results, baseline, size);
    if (row?.status !== 'ok' || base?.status !== 'ok') return notMeasured(label, row, base);
    const ratio = row.medianWallMs / base.medianWallMs;
    return { label, verdict: ratio <= max ? 'PASS' : 'FAIL', value: `${ratio.toFixed(2)}×` };
  };
  const fasterThan = (peer, size, factor, what) => {
    const label = `steward ≥ ${factor}× faster than ${peer}${what} at N = ${thousands(size)}`;
    const row = cellOf(results, 'steward', size);
    const other = cellOf(results, peer, size);
    if (row?.status !== 'ok' || !other) return notMeasured(label, row, other);
    if (other.status === 'ok') {
      const ratio = other.medianWallMs / row.medianWallMs;
      return { label, verdict: ratio >= factor ? 'PASS' : 'FAIL', value: `${ratio.toFixed(2)}×` };
    }
    if (other.ratioIsLowerBound && other.afterMs !== undefined) {
      // The peer gave up after afterMs, so it is at least that slow.
      const bound = other.afterMs / row.medianWallMs;
      const detail = `${peer}: ${failureText(other)}`;
      return bound >= factor
        ? { label, verdict: 'PASS', value: `≥ ${bound.toFixed(2)}×`, detail }
        : { label, verdict: 'N/A', value: `≥ ${bound.toFixed(2)}×`, detail };
    }
    return notMeasured(label, row, other);
  };
  for (const size of [10000, 50000]) targets.push(atMost('steward', 'ref:js-yaml+ajv', size, 1.3));
  for (const size of [10000, 50000]) targets.push(fasterThan('spectral', size, 3.5, ''));
  for (const size of [10000, 50000]) targets.push(fasterThan('yaml-language-server', size, 6, ' (first diagnostics)'));
  {
    const label = 'steward peak RSS ≤ 300 MB at N = 10,000';
    const row = cellOf(results, 'steward', 10000);
    targets.push(
      row?.status === 'ok' && row.medianRssMB !== null
        ? { label, verdict: row.medianRssMB <= 300 ? 'PASS' : 'FAIL', value: `${row.medianRssMB.toFixed(0)} MB` }
        : notMeasured(label, row),
    );
  }
  {
    // No superlinear growth: the cost per added asset from 10,000 to 50,000 is at most 1.2 times that from 1,000 to
    // 10,000 (a superlinear engine shows a larger second slope). A smaller second slope is accepted: it is V8's
    // warm-up (functions optimised while the first interval runs; bench/README.md), the planners' decision of
    // 2026-12. Slopes, not whole times divided by N, so that node's start-up is not counted as per-asset cost.
    // The verdict rests on the linearity series (the three sizes run in turn, see linearitySeries); the slopes
    // from the table's medians, taken minutes apart between other cases, are shown beside it.
    const label = 'steward time not superlinear in N from 1,000 to 50,000: cost per added asset 10k→50k / 1k→10k ≤ 1.2';
    const [one, small, large] = LINEAR_SIZES.map((n) => cellOf(results, 'steward', n));
    const fromTable =
      one?.status === 'ok' && small?.status === 'ok' && large?.status === 'ok'
        ? slopes(one.medianWallMs, small.medianWallMs, large.medianWallMs)
        : undefined;
    const fromSeries = series ? slopes(...LINEAR_SIZES.map((n) => median(series.runs[n]))) : undefined;
    const verdict = (s) => (s.ratio <= 1.2 ? 'PASS' : 'FAIL');
    if (fromSeries) {
      const detail = `series of ${series.rounds} interleaved rounds${fromTable ? `; from the table's medians: ${fromTable.text}` : ''}`;
      targets.push({ label, verdict: verdict(fromSeries), value: fromSeries.text, detail });
    } else if (fromTable) {
      targets.push({
        label,
        verdict: verdict(fromTable),
        value: fromTable.text,
        detail:
          series === null
            ? 'no linearity series: steward failed in it'
            : "from the table's medians (no linearity series)",
      });
    } else targets.push(notMeasured(label, one, small, large));
  }
  // Earlier targets, kept: the editor-grade baseline, and the rules engine's cost over schema-only (rules issue).
  targets.push(atMost('steward', 'ref:yaml+ajv', 10000, 1.5));
  targets.push(atMost('steward', 'steward:schema-only', 10000, 1.5));
  return targets;
}

function machine(options) {
  const cpus = os.cpus();
  const version = (name) => {
    try {
      return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
    } catch {
      return 'not installed';
    }
  };
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    heapLimitMB: Math.round(v8.getHeapStatistics().heap_size_limit / 2 ** 20),
    peerHeapMB: options.peerHeapMB ?? null,
    peers: { spectral: SPECTRAL?.version ?? 'not installed', 'yaml-language-server': version('yaml-language-server') },
    date: new Date().toISOString(),
  };
}

function failureText(row) {
  const after =
    row.afterMs !== undefined && Number.isFinite(row.afterMs) ? ` after ${(row.afterMs / 1000).toFixed(0)} s` : '';
  if (row.status === 'oom') return `out of memory${after}${row.reason ? ` (${row.reason})` : ''}`;
  if (row.status === 'timeout') return `timeout${after}${row.reason ? ` (${row.reason})` : ''}`;
  return `${row.status}: ${row.reason}`;
}

function markdownTable(results) {
  const fmt = (value, digits) =>
    value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);
  const lines = [
    `| N | file | case | runs | median wall ms | median peak RSS MB | ${RATIO_COLUMNS.map((c) => `× ${c}`).join(' | ')} | per edit ms: median / p95 (edits) | notes |`,
    `|---:|---|---|---:|---:|---:|${RATIO_COLUMNS.map(() => '---:').join('|')}|---:|---|`,
  ];
  for (const row of results) {
    const n = thousands(row.size);
    const ratios = RATIO_COLUMNS.map((b) =>
      row.ratios[b] === null ? '—' : `${row.ratioIsLowerBound ? '≥ ' : ''}${fmt(row.ratios[b], 2)}`,
    );
    const edits = row.edits ? `${fmt(row.edits.medianMs, 0)} / ${fmt(row.edits.p95Ms, 0)} (${row.edits.count})` : '—';
    const note = (row.note ?? '').replace(/\|/g, '/');
    if (row.status !== 'ok') {
      const rss = row.rssMB !== undefined && Number.isFinite(row.rssMB) ? fmt(row.rssMB, 1) : '—';
      lines.push(
        `| ${n} | ${row.file} | ${row.case} | ${row.runs.length} | ${failureText(row).replace(/\|/g, '/')} | ${rss} | ${ratios.join(' | ')} | ${edits} | ${note} |`,
      );
      continue;
    }
    lines.push(
      `| ${n} | ${row.file} | ${row.case} | ${row.runs.length} | ${fmt(row.medianWallMs, 0)} | ${fmt(row.medianRssMB, 1)} | ${ratios.join(' | ')} | ${edits} | ${note} |`,
    );
  }
  return lines;
}

function markdown(results, targets, info, warnings, series) {
  const lines = markdownTable(results);
  lines.push('');
  if (series) {
    const cell = (n) =>
      `${thousands(n)}: ${median(series.runs[n]).toFixed(0)} ms (fastest ${Math.min(...series.runs[n]).toFixed(0)})`;
    lines.push(
      `Linearity series (steward on the register, the three sizes in turn, ${series.rounds} rounds; median wall time): ${LINEAR_SIZES.map(cell).join(', ')}.`,
      '',
    );
  }
  for (const target of targets) {
    const value = target.value ? ` (${target.value})` : '';
    const detail = target.detail ? ` — ${target.detail}` : '';
    lines.push(`Target ${target.label}: **${target.verdict}**${value}${detail}`);
  }
  lines.push('');
  lines.push(
    `Machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGB} GB, ${info.platform}, Node ${info.node} (default heap limit ${info.heapLimitMB} MB); ${info.date}.`,
  );
  const peerHeap = info.peerHeapMB ? `; both run with --max-old-space-size=${info.peerHeapMB}` : '';
  lines.push(
    `Peers: Spectral CLI ${info.peers.spectral}, yaml-language-server ${info.peers['yaml-language-server']}${peerHeap}.`,
  );
  lines.push(
    "Wall time: spawn to exit of a fresh `node` process (startup included); for yaml-language-server, spawn to the first diagnostics for the opened file. Peak RSS: the child's `process.resourceUsage().maxRSS` at exit (the language server: its VmHWM).",
  );
  for (const warning of warnings) lines.push('', `WARNING: ${warning}`);
  return lines.join('\n');
}

function resultsDocument(text, options, info) {
  const command = `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim();
  return [
    '# Benchmark results',
    '',
    `Measured ${info.date.slice(0, 10)} with \`${command}\` (${Math.max(options.runs, options.quickRuns)} timed runs of steward, steward:schema-only and ref:js-yaml+ajv, ${options.runs} of the other cases; ${options.edits} edit(s) per yaml-language-server run; peer timeout ${options.peerTimeoutS} s).`,
    'How the numbers are taken: [README.md](README.md). Written by `node bench/run.mjs --write-results`; do not edit by hand.',
    '',
    text,
    '',
  ].join('\n');
}

// ------------------------------------------------------------------------------------------------- main

/** All runs of all cases on one file (N = size, kind register or catalog); returns one row per case. */
async function benchFile({ size, kind, paths, cases, options, context }) {
  const { unavailable, peerFailures, gaveUp, warnings } = context;
  const file = paths[kind];
  const rows = cases.map((benchCase) => ({
    size,
    file: kind,
    case: benchCase.name,
    status: 'ok',
    reason: undefined,
    runs: [],
  }));
  for (const [index, benchCase] of cases.entries()) {
    const row = rows[index];
    const earlier = gaveUp.get(`${benchCase.name}/${kind}`);
    if (unavailable.get(benchCase.name))
      Object.assign(row, { status: 'unavailable', reason: unavailable.get(benchCase.name) });
    else if (peerFailures[benchCase.name])
      Object.assign(row, { status: 'failed', reason: peerFailures[benchCase.name] });
    else if (earlier)
      Object.assign(row, { status: 'skipped', reason: `${earlier.label} at N = ${thousands(earlier.size)}` });
    else if (!benchCase.peer) {
      const failure = await probeCase(benchCase, file, kind, options, paths.dir);
      if (failure) Object.assign(row, { status: 'failed', reason: failure });
    }
  }
  // Round-robin over the cases, so a slow spell of a noisy machine hits all of them alike; the quick cases go on
  // alone for their extra runs, still in turn.
  const rounds = Math.max(options.runs, options.quickRuns);
  for (let run = 1; run <= rounds; run++) {
    for (const [index, benchCase] of cases.entries()) {
      const row = rows[index];
      const runs = benchCase.quick ? rounds : options.runs;
      if (row.status !== 'ok' || row.stopped || run > runs) continue;
      log(`N = ${size}, ${kind}, ${benchCase.name}, run ${run}/${runs}`);
      const outcome = await timedRun(benchCase, file, kind, options, paths.dir);
      if (outcome.failure) {
        Object.assign(row, {
          status: outcome.failure,
          reason: outcome.reason,
          afterMs: outcome.afterMs,
          rssMB: outcome.rssMB,
        });
        if (outcome.failure === 'oom' || outcome.failure === 'timeout') {
          const label = outcome.failure === 'oom' ? 'out of memory' : 'timeout';
          gaveUp.set(`${benchCase.name}/${kind}`, { label, size });
        }
        continue;
      }
      row.runs.push(outcome.run);
      // The language server ran out of time or memory during the edits: its first diagnostics still count.
      if (outcome.run.note) Object.assign(row, { note: outcome.run.note, stopped: true });
      if (outcome.findings > 0 && !row.warned) {
        row.warned = true;
        warnings.push(
          `N = ${size}: ${benchCase.name} reports ${outcome.findings} finding(s) on the ${kind}, which is valid: its time includes error reporting`,
        );
      }
    }
  }
  // A failure after some good runs still leaves a median to show; keep the failure visible.
  for (const row of rows) {
    if (row.status !== 'ok' && row.runs.length > 0 && row.status !== 'skipped') {
      row.note = `${row.note ? `${row.note}; ` : ''}run ${row.runs.length + 1}: ${failureText(row)}`;
      row.status = 'ok';
    }
  }
  return rows;
}

/**
 * The linearity series: steward on the registers of 1,000, 10,000 and 50,000 assets, the three sizes in turn for
 * as many rounds as the quick cases get. The table's rows for one size are taken together, between the other
 * cases of that size (peers that hold gigabytes), minutes away from the rows of the other sizes, so a slow spell
 * of a shared machine lands on one size only; the linearity target compares sizes, so it needs them interleaved,
 * as the ratios have their cases interleaved. Returns { rounds, runs: { [N]: wall ms[] } }, undefined when not
 * all three sizes (or steward, or the register) are in this run, null when steward failed in it.
 */
async function linearitySeries(options, cases, context) {
  const steward = cases.find((c) => c.name === 'steward');
  if (!steward || context.unavailable.get('steward') || !options.files.includes('register')) return undefined;
  if (!LINEAR_SIZES.every((n) => options.sizes.includes(n))) return undefined;
  const rounds = Math.max(options.runs, options.quickRuns);
  const runs = Object.fromEntries(LINEAR_SIZES.map((n) => [n, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const size of LINEAR_SIZES) {
      log(`linearity series: N = ${thousands(size)}, round ${round}/${rounds}`);
      const paths = ensureData(size);
      const outcome = await timedRun(steward, paths.register, 'register', options, paths.dir);
      if (outcome.failure) {
        log(`linearity series: steward failed at N = ${thousands(size)} (${outcome.reason ?? outcome.failure})`);
        return null;
      }
      runs[size].push(outcome.run.wallMs);
    }
  }
  return { rounds, runs };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const cases = options.cases ? CASES.filter((c) => options.cases.includes(c.name)) : CASES;
  if (cases.length === 0)
    throw new Error(`--cases: none of ${options.cases.join(', ')} is known (${CASES.map((c) => c.name).join(', ')})`);
  const validators = buildValidators();
  const results = [];
  const warnings = [];
  const unavailable = new Map(cases.map((c) => [c.name, c.unavailable()]));

  // Peers must show, once, that they really apply the schema before any of their numbers are taken.
  const peerCases = cases.filter((c) => c.peer && !unavailable.get(c.name));
  const peerFailures =
    options.check || peerCases.length === 0 ? {} : await checkPeers(peerCases, options.files, options);
  // A peer that ran out of memory or time on a file kind is not run again on larger files of that kind.
  const context = { unavailable, peerFailures, gaveUp: new Map(), warnings };

  for (const size of [...options.sizes].sort((a, b) => a - b)) {
    const paths = ensureData(size);
    for (const problem of await checkData(paths, validators, options.files)) warnings.push(`N = ${size}: ${problem}`);
    if (options.check) continue;

    for (const kind of options.files)
      results.push(...(await benchFile({ size, kind, paths, cases, options, context })));
  }

  for (const warning of warnings) log(`WARNING: ${warning}`);
  if (options.check) {
    log(warnings.length === 0 ? 'check: generated data is valid and both references agree' : 'check: problems found');
    process.exitCode = warnings.length === 0 ? 0 : 1;
    return;
  }
  const series = await linearitySeries(options, cases, context);
  summarise(results);
  const targets = evaluateTargets(results, series);
  const info = machine(options);
  const text = markdown(results, targets, info, warnings, series);
  if (options.json) {
    process.stdout.write(
      JSON.stringify(
        {
          machine: info,
          options: { ...options, schemas: SCHEMA_DIR },
          results,
          linearitySeries: series ?? null,
          targets,
          warnings,
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    process.stdout.write(text + '\n');
  }
  if (options.writeResults) {
    writeFileSync(options.writeResults, resultsDocument(text, options, info));
    log(`results written to ${relative(process.cwd(), options.writeResults) || options.writeResults}`);
  }
  // A broken reference means the numbers mean nothing; a missing or failing steward or peer is only reported.
  if (results.some((r) => BASELINES.includes(r.case) && r.status !== 'ok')) process.exitCode = 1;
}

main().catch((error) => {
  log(`bench failed: ${error.message}`);
  process.exitCode = 2;
});
