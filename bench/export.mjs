// `steward export --format xlsx` of the bench register (bench/generate.mjs) beside exceljs's streaming writer
// alone writing the very same cells (values, types and number formats, read back from our workbook), sheet after
// sheet as we do: wall time and peak RSS (bench/rss-probe.cjs) per size, and the targets of issue 17.
// Usage: node bench/export.mjs [--sizes 1000,10000,50000] [--runs 3] [--baseline-child FILE OUT]
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  createWriteStream,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATOR_VERSION, writeGenerated } from './generate.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH_DIR, '..');
const DATA_DIR = join(BENCH_DIR, '.data');
const STEWARD = join(ROOT, 'dist', 'steward.js');
const RSS_PROBE = join(BENCH_DIR, 'rss-probe.cjs');
const THIS = fileURLToPath(import.meta.url);
const require = createRequire(import.meta.url);

const ROWS_PER_TURN = 256;
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** The baseline: cells (one JSON line per row, `{"s": sheet}` lines opening sheets) written by exceljs alone. */
async function baselineChild(cellsFile, out) {
  const ExcelJS = require('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: false });
  const styles = { d: { numFmt: 'yyyy-mm-dd' }, a: { numFmt: '#,##0.00' }, w: { alignment: { wrapText: true } } };
  let sheet;
  let rows = 0;
  for await (const line of createInterface({ input: createReadStream(cellsFile, 'utf8'), crlfDelay: Infinity })) {
    const record = JSON.parse(line);
    if (!Array.isArray(record)) {
      sheet?.commit();
      sheet = workbook.addWorksheet(record.s, { views: [{ state: 'frozen', ySplit: 1 }] });
      continue;
    }
    const row = sheet.addRow([]);
    record.forEach((cell, index) => {
      if (cell === null) return;
      const target = row.getCell(index + 1);
      if (typeof cell === 'object') {
        target.value = cell.d ? new Date(cell.d) : cell.v;
        target.style = styles[cell.d ? 'd' : cell.f];
      } else target.value = cell;
    });
    row.commit();
    if (++rows % ROWS_PER_TURN === 0) await turn();
  }
  sheet?.commit();
  await workbook.commit();
}

/** Our workbook's cells, as the baseline's input (not timed). */
async function cellsOf(xlsx, cellsFile) {
  const ExcelJS = require('exceljs');
  const out = createWriteStream(cellsFile);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(xlsx, {
    worksheets: 'emit',
    styles: 'cache',
    sharedStrings: 'cache',
  });
  let cells = 0;
  for await (const worksheet of reader) {
    out.write(JSON.stringify({ s: worksheet.name ?? `sheet${worksheet.id}` }) + '\n');
    for await (const row of worksheet) {
      const values = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        const value = cell.value;
        let written = value ?? null;
        if (value instanceof Date) written = { d: value.toISOString() };
        else if (typeof value === 'number' && cell.numFmt === '#,##0.00') written = { v: value, f: 'a' };
        else if (typeof value === 'string' && value.includes('\n')) written = { v: value, f: 'w' };
        values[column - 1] = written;
        if (value !== null && value !== undefined) cells++;
      });
      for (let i = 0; i < values.length; i++) values[i] ??= null;
      if (!out.write(JSON.stringify(values) + '\n')) await new Promise((resolve) => out.once('drain', resolve));
    }
  }
  await new Promise((resolve) => out.end(resolve));
  return cells;
}

function timed(args) {
  const rssFile = join(DATA_DIR, `rss-export-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--require', RSS_PROBE, ...args], {
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  const rssMB = Number(readFileSync(rssFile, 'utf8')) / 1024;
  rmSync(rssFile, { force: true });
  return { wallMs, rssMB };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function registerFile(size) {
  const dir = join(DATA_DIR, `export-${size}`);
  const meta = join(dir, 'meta.json');
  const file = join(dir, `register-${size}.assets.yaml`);
  if (!existsSync(file) || !existsSync(meta) || JSON.parse(readFileSync(meta, 'utf8')).version !== GENERATOR_VERSION) {
    mkdirSync(dir, { recursive: true });
    writeGenerated({ assets: size, out: dir });
    writeFileSync(meta, JSON.stringify({ version: GENERATOR_VERSION }));
  }
  return { dir, file };
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--baseline-child') return baselineChild(args[1], args[2]);
  const option = (name, fallback) => {
    const index = args.indexOf(name);
    return index < 0 ? fallback : args[index + 1];
  };
  const sizes = option('--sizes', '1000,10000,50000').split(',').map(Number);
  const runs = Number(option('--runs', '3'));
  const rows = [];
  for (const size of sizes) {
    const { dir, file } = registerFile(size);
    const ours = join(dir, 'steward.xlsx');
    const theirs = join(dir, 'exceljs.xlsx');
    const cellsFile = join(dir, 'cells.jsonl');
    const measured = { steward: [], exceljs: [] };
    for (let run = 0; run < runs; run++) {
      process.stderr.write(`export ${size}: run ${run + 1}/${runs}\n`);
      measured.steward.push(timed([STEWARD, 'export', file, '--format', 'xlsx', '--out', ours, '--force']));
      if (run === 0) measured.cells = await cellsOf(ours, cellsFile);
      rmSync(theirs, { force: true });
      measured.exceljs.push(timed([THIS, '--baseline-child', cellsFile, theirs]));
    }
    rmSync(cellsFile, { force: true });
    const summary = (list) => ({ wallMs: median(list.map((r) => r.wallMs)), rssMB: median(list.map((r) => r.rssMB)) });
    rows.push({ size, cells: measured.cells, steward: summary(measured.steward), exceljs: summary(measured.exceljs) });
  }
  const fmt = (n, digits = 0) =>
    n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const lines = [
    `| assets | cells | steward export (s) | peak RSS (MB) | exceljs alone (s) | peak RSS (MB) | time ratio |`,
    `|---:|---:|---:|---:|---:|---:|---:|`,
  ];
  for (const row of rows)
    lines.push(
      `| ${fmt(row.size)} | ${fmt(row.cells)} | ${fmt(row.steward.wallMs / 1000, 2)} | ${fmt(row.steward.rssMB)} | ${fmt(row.exceljs.wallMs / 1000, 2)} | ${fmt(row.exceljs.rssMB)} | ${fmt(row.steward.wallMs / row.exceljs.wallMs, 2)} |`,
    );
  const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
  const largest = rows.at(-1);
  lines.push('');
  lines.push(
    `${verdict(rows.every((r) => r.steward.wallMs <= 2 * r.exceljs.wallMs))} time ≤ 2× exceljs alone at every size (${rows.map((r) => `${fmt(r.steward.wallMs / r.exceljs.wallMs, 2)}×`).join(', ')})`,
  );
  if (largest.size >= 50000)
    lines.push(
      `${verdict(largest.steward.rssMB <= 300)} peak RSS ≤ 300 MB at ${fmt(largest.size)} (${fmt(largest.steward.rssMB)} MB)`,
    );
  if (rows.length >= 2) {
    const perAsset = rows.map((r) => r.steward.wallMs / r.size);
    const growth = perAsset.at(-1) / perAsset[1 < rows.length - 1 ? 1 : 0];
    lines.push(
      `${verdict(growth <= 1.5)} linear growth: time per asset at ${fmt(largest.size)} is ${fmt(growth, 2)}× that at ${fmt(rows[rows.length > 2 ? 1 : 0].size)} (≤ 1.5)`,
    );
  }
  lines.push('', `Node ${process.version}, ${runs} run(s) per size, medians.`);
  process.stdout.write(lines.join('\n') + '\n');
}

await main();
