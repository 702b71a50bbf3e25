// `steward import` of a catalog workbook (our own layout, as `steward export` writes it) beside a script that only
// reads the same file with exceljs's streaming reader: median wall time and peak RSS of each, and the targets of
// issue 17 (≤ 2× exceljs alone, ≤ 300 MB at 50,000 rows, linear growth). Needs `npx tsc -p . && node esbuild.mjs`
// (the workbook is laid out with out/server/src/service/sheets/layout.js; the CLI is dist/steward.js).
//
//   node bench/import.mjs [--sizes 1000,10000,50000] [--runs 3]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import ExcelJS from 'exceljs';
import { generate } from './generate.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH_DIR, '..');
const CLI = join(ROOT, 'dist', 'steward.js');
const RSS_PROBE = join(BENCH_DIR, 'rss-probe.cjs');
const require = createRequire(import.meta.url);
const LAYOUT = join(ROOT, 'out', 'server', 'src', 'service', 'sheets', 'layout.js');

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}
const sizes = option('sizes', '1000,10000,50000').split(',').map(Number);
const runs = Number(option('runs', '3'));
for (const file of [CLI, LAYOUT]) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: run npx tsc -p . && node esbuild.mjs`);
    process.exit(2);
  }
}
const { documentRows, documentsLayout, headersOf, workbookLayout } = require(LAYOUT);

/** The generated catalog of `n` resources, written in the workbook layout by exceljs's streaming writer. */
async function writeWorkbook(n, file) {
  const data = parseAllDocuments(generate({ assets: n }).catalog)[0].toJS();
  const rows = documentRows('DataResourceCatalog', data, `catalog-${n}.catalog.yaml`);
  const layout = workbookLayout('DataResourceCatalog');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = (table, body) => {
    const ws = writer.addWorksheet(table.sheet);
    ws.addRow(headersOf(table)).commit();
    for (const row of body)
      ws.addRow(
        row.map((v) => (Array.isArray(v) ? v.join('\n') : typeof v === 'boolean' ? (v ? '是' : '否') : v)),
      ).commit();
    ws.commit();
  };
  sheet(documentsLayout(), [rows.documents]);
  sheet(layout.items, rows.items);
  layout.children.forEach((child, i) => sheet(child, rows.children[i]));
  await writer.commit();
}

// exceljs's streaming reader alone (no mapping, no YAML, no validation), given the workbook's parts first as
// steward import gives them (host/xlsx-rows.ts): plain exceljs fails on workbooks whose sheets precede those parts
// (unzipper: "invalid signature"), as exceljs's own streaming writer orders them.
const HOST = join(ROOT, 'out', 'server', 'src', 'host');
const READ_ONLY = `
const { checkZip } = require(${JSON.stringify(join(HOST, 'zip-check.js'))});
const { openXlsx } = require(${JSON.stringify(join(HOST, 'xlsx-rows.js'))});
(async () => {
  const file = process.argv[2];
  const book = await openXlsx(file, checkZip(file).entries);
  let cells = 0;
  for await (const sheet of book.sheets) for await (const row of sheet.rows) cells += row.cells.length;
  process.stdout.write(String(cells));
})().catch((error) => {
  console.error(error);
  process.exit(3);
});`;

function timed(args, dir) {
  const rssFile = join(dir, `rss-${process.hrtime.bigint()}`);
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--require', RSS_PROBE, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    maxBuffer: 1 << 28,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  // steward import exits 1 when the imported documents have errors; anything else failing is the bench's failure.
  const ok = run.status === 0 || (run.status === 1 && args.includes('import'));
  if (!ok) throw new Error(`${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  if (args[0].endsWith('read-only.cjs') && !(Number(run.stdout) > 0))
    throw new Error(`read-only read no cells: ${run.stdout}`);
  return { wallMs, rssMB: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const dir = mkdtempSync(join(tmpdir(), 'steward-bench-import-'));
const results = [];
try {
  writeFileSync(join(dir, 'read-only.cjs'), READ_ONLY);
  for (const n of sizes) {
    const book = join(dir, `catalog-${n}.xlsx`);
    process.stderr.write(`writing the ${n}-resource workbook…\n`);
    await writeWorkbook(n, book);
    const cases = { 'steward import': [], 'exceljs read only': [] };
    for (let r = 0; r < runs; r++) {
      process.stderr.write(`N = ${n}, run ${r + 1} of ${runs}\n`);
      cases['exceljs read only'].push(timed([join(dir, 'read-only.cjs'), book], dir));
      cases['steward import'].push(timed([CLI, 'import', book, '--out', join(dir, `out-${n}`), '--force'], dir));
    }
    for (const [name, list] of Object.entries(cases))
      results.push({ n, name, ms: median(list.map((x) => x.wallMs)), rss: median(list.map((x) => x.rssMB)) });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const row = (n, name) => results.find((r) => r.n === n && r.name === name);
console.log('| N | case | runs | median wall (ms) | median peak RSS (MB) | × exceljs read only |');
console.log('|---:|---|---:|---:|---:|---:|');
for (const r of results) {
  const base = row(r.n, 'exceljs read only');
  console.log(
    `| ${r.n.toLocaleString('en')} | ${r.name} | ${runs} | ${r.ms.toFixed(0)} | ${r.rss.toFixed(1)} | ${(r.ms / base.ms).toFixed(2)} |`,
  );
}
console.log('');
for (const n of sizes.filter((s) => s >= 10_000)) {
  const ratio = row(n, 'steward import').ms / row(n, 'exceljs read only').ms;
  console.log(
    `Target steward import ≤ 2× exceljs read only at N = ${n.toLocaleString('en')}: **${ratio <= 2 ? 'PASS' : 'FAIL'}** (${ratio.toFixed(2)}×)`,
  );
}
if (sizes.includes(50_000)) {
  const rss = row(50_000, 'steward import').rss;
  console.log(
    `Target steward import peak RSS ≤ 300 MB at N = 50,000: **${rss <= 300 ? 'PASS' : 'FAIL'}** (${rss.toFixed(1)} MB)`,
  );
}
const [small, middle, large] = [...sizes].sort((a, b) => a - b);
if (large !== undefined) {
  const t = (n) => row(n, 'steward import').ms;
  const first = (t(middle) - t(small)) / (middle - small);
  const second = (t(large) - t(middle)) / (large - middle);
  const ratio = second / first;
  console.log(
    `Target steward import time not superlinear (cost per added row ${middle.toLocaleString('en')}→${large.toLocaleString('en')} ≤ 1.2 × ${small.toLocaleString('en')}→${middle.toLocaleString('en')}): **${ratio <= 1.2 ? 'PASS' : 'FAIL'}** (${ratio.toFixed(2)}: ${(second * 1000).toFixed(0)} and ${(first * 1000).toFixed(0)} µs per row)`,
  );
}
console.log(`\nNode ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
