// `steward report` of a department (issue 18): 1,000 units of 100 assets each (a folder per unit, its catalog and
// register made by bench/generate.mjs with the unit's own name, code and ids), beside `steward validate` over the
// same files: wall time and peak RSS (bench/rss-probe.cjs), runs interleaved in pairs, and the target: the roll-up
// in at most 1.5x the time of validate, memory bounded as for validate.
// Usage: node bench/report.mjs [--units 1000] [--assets 100] [--runs 3]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, GENERATOR_VERSION } from './generate.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH_DIR, '..');
const STEWARD = join(ROOT, 'dist', 'steward.js');
const RSS_PROBE = join(BENCH_DIR, 'rss-probe.cjs');

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const UNITS = option('units', 1000);
const ASSETS = option('assets', 100);
const RUNS = option('runs', 3);

const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** A unified social credit code with its check character (GB 32100-2015). */
function uscc(serial, administrative) {
  const body = `${administrative ? '11' : '12'}330100${String(serial).padStart(9, '0')}`;
  const sum = [...body].reduce((total, c, i) => total + CHARS.indexOf(c) * WEIGHTS[i], 0);
  return body + CHARS[(31 - (sum % 31)) % 31];
}

const DEPARTMENTS = Array.from({ length: 20 }, (_, d) => `某市第${d + 1}主管部门`);

/** The generated files with the unit's own name, code, department and ids. */
function unitFiles(u) {
  const { register, catalog } = generate({ assets: ASSETS, seed: 1000 + u, findings: true });
  const administrative = u % 3 !== 2;
  const tag = `U${String(u + 1).padStart(4, '0')}`;
  const own = (text) =>
    text
      .replace(/^ {2}name: .*$/m, `  name: 某单位${tag}`)
      .replace(/^ {2}code: .*$/m, `  code: '${uscc(u + 1, administrative)}'`)
      .replace(/^ {2}type: .*$/m, `  type: ${administrative ? '行政单位' : '事业单位'}`)
      .replace(/^ {2}supervisingDepartment: .*$/m, `  supervisingDepartment: ${DEPARTMENTS[u % DEPARTMENTS.length]}`)
      .replace(/\b(DA|R)-/g, `$1-${tag}-`);
  return { register: own(register), catalog: own(catalog) };
}

function prepare() {
  const dir = join(BENCH_DIR, '.data', `department-${UNITS}x${ASSETS}-v${GENERATOR_VERSION}`);
  const done = join(dir, '.complete');
  if (existsSync(done)) return dir;
  rmSync(dir, { recursive: true, force: true });
  for (let u = 0; u < UNITS; u++) {
    const folder = join(dir, `unit-${String(u + 1).padStart(4, '0')}`);
    mkdirSync(folder, { recursive: true });
    const { register, catalog } = unitFiles(u);
    writeFileSync(join(folder, 'unit.assets.yaml'), register);
    writeFileSync(join(folder, 'unit.catalog.yaml'), catalog);
  }
  writeFileSync(done, '');
  return dir;
}

function timed(args, cwd) {
  const rssFile = join(cwd, `.rss-${process.pid}`);
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--require', RSS_PROBE, STEWARD, ...args], {
    cwd,
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`steward ${args.join(' ')}: exit ${run.status}\n${run.stderr}`);
  const rss = Number(readFileSync(rssFile, 'utf8')) / 1024;
  rmSync(rssFile, { force: true });
  return { ms, rss };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2
    ? sorted[(sorted.length - 1) / 2]
    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};

if (!existsSync(STEWARD)) {
  console.error('bench/report.mjs: dist/steward.js is missing; run `node esbuild.mjs` first');
  process.exit(2);
}
process.stderr.write(`report bench: ${UNITS} units x ${ASSETS} assets\n`);
const dir = prepare();
const out = join(dir, '..', `report-${process.pid}.json`);
const cases = {
  validate: ['validate', '.', '--format', 'json', '--output', join(dir, '..', `validate-${process.pid}.json`)],
  'report (json)': ['report', '.', '--format', 'json', '-o', out, '--force'],
};
const results = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (let run = 0; run < RUNS; run++)
  for (const [name, args] of Object.entries(cases)) {
    results[name].push(timed(args, dir));
    process.stderr.write(`  ${name} run ${run + 1}: ${Math.round(results[name].at(-1).ms)} ms\n`);
  }
rmSync(out, { force: true });
rmSync(cases.validate.at(-1), { force: true });

const rows = Object.entries(results).map(([name, runs]) => ({
  name,
  ms: median(runs.map((r) => r.ms)),
  rss: median(runs.map((r) => r.rss)),
}));
const ratios = results['report (json)'].map((r, i) => r.ms / results.validate[i].ms);
console.log(`\n## Report of a department (bench/report.mjs): ${UNITS} units x ${ASSETS} assets\n`);
console.log('| case | runs | median wall ms | median peak RSS MB |');
console.log('|---|---:|---:|---:|');
for (const row of rows) console.log(`| ${row.name} | ${RUNS} | ${Math.round(row.ms)} | ${row.rss.toFixed(1)} |`);
const ratio = median(ratios);
const rssRatio = rows[1].rss / rows[0].rss;
console.log(
  `\nTarget report ≤ 1.5× validate (median of paired runs): **${ratio <= 1.5 ? 'PASS' : 'FAIL'}** (${ratio.toFixed(2)}×; pairs ${ratios.map((r) => r.toFixed(2)).join(', ')})`,
);
console.log(
  `Target report's peak RSS bounded as validate's (≤ 1.5× validate's): **${rssRatio <= 1.5 ? 'PASS' : 'FAIL'}** (${rssRatio.toFixed(2)}×)`,
);
