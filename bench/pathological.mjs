// Pathological inputs for every regular expression and scan that reads document text (parser, completion,
// waivers, code actions): each shape at n, 2n and 4n through the real service (the tsc build in out/), with the
// time per size and the growth from n to 4n. Linear time grows about 4×; a quadratic one 16×.
// Usage: npx tsc -p . && node bench/pathological.mjs [--n 20000] [--runs 3] [--max-growth 8] [--root DIR]
// Exit code 1 when a shape grows more than --max-growth from n to 4n (a CI stress check), else 0.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const at = process.argv.indexOf('--root');
// --root DIR: another checkout's build (before/after comparisons).
const ROOT = at >= 0 ? resolve(process.argv[at + 1]) : join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { createStewardService } = require(join(ROOT, 'out/server/src/service/index.js'));
const { splitDocuments } = require(join(ROOT, 'out/server/src/service/parser/split.js'));
const { isTrivia } = require(join(ROOT, 'out/server/src/service/parser/documents.js'));

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}
const N = option('n', 20000);
const RUNS = option('runs', 3);
const MAX_GROWTH = option('max-growth', 8);

const HEAD = 'apiVersion: steward/v1\nkind: DataAssetRegister\nassets:\n  - id: DA-1\n    name: x\n';
const uri = (i) => `file:///stress/${i}.assets.yaml`;
let files = 0;

/** Each shape: a label and a function of n that builds its input and returns the timed operation. */
const SHAPES = [
  {
    label: 'U+3000 line after the list, then n blank lines (isTrivia)',
    make: (n) => {
      const text = HEAD + '\u3000\n' + '\n'.repeat(n);
      return () => createStewardService().validate(uri(files++), text);
    },
  },
  {
    label: 'a comment line, then n lines of blanks (isTrivia)',
    make: (n) => {
      const text = HEAD + '#\n' + ' \n'.repeat(n);
      return () => isTrivia(text, { start: HEAD.length, end: text.length });
    },
  },
  {
    label: 'n blanks and no colon on a line, completion there (KEY)',
    make: (n) => {
      const line = '    a' + ' '.repeat(n) + 'b';
      return complete(HEAD + line + '\n', 5, line.length);
    },
  },
  {
    label: 'n long keys repeated, each 1,000 blanks before its colon (duplicate-key text)',
    make: (n) => {
      const line = 'k' + ' '.repeat(1000) + ': 1\n';
      const text = HEAD + '    x:\n' + ('      ' + line).repeat(Math.max(1, n / 100));
      return () => createStewardService().validate(uri(files++), text);
    },
  },
  {
    label: 'a waiver above a finding, its ids one word of n letters (code action RULE_ID)',
    make: (n) => {
      const text = `${HEAD}    # steward-disable-next-line x${'a'.repeat(n)}\n    quantity: many\n`;
      const service = createStewardService({ incremental: true });
      const at = uri(files++);
      service.update(at, text);
      const finding = service.findings(at).find((f) => f.range.start.line === 6);
      const range = finding ? finding.range : { start: { line: 6, character: 4 }, end: { line: 6, character: 5 } };
      return () => service.codeActions(at, range, 'en');
    },
  },
  {
    label: 'a comment of n id letters and a space, completion at its end (waiver word)',
    make: (n) => {
      const line = `    # ${'a-'.repeat(n)} `;
      return complete(HEAD + line + '\n', 5, line.length);
    },
  },
  {
    label: 'a waiver directive, n blanks and a line separator, completion at the end (WAIVER)',
    make: (n) => {
      const line = `    # steward-disable-next-line${' '.repeat(n)}\u2028x`;
      return complete(HEAD + line + '\n', 5, line.length);
    },
  },
  {
    label: 'a flow mapping, a comma and n blanks after the cursor (flow keys after it)',
    make: (n) => {
      const line = '    x: {a: 1, ';
      return complete(HEAD + line + ',' + ' '.repeat(n) + '\n}\n', 5, line.length);
    },
  },
  {
    label: 'n "..." in a value (document markers searched)',
    make: (n) => {
      const text = HEAD + '    name: ' + '...'.repeat(n) + '\n';
      return () => splitDocuments(text);
    },
  },
  {
    label: 'n lines of a lone CR inside a waiver line (line text trimmed)',
    make: (n) => {
      const text = `${HEAD}    # steward-disable-line DA-X-001 -- r${'\r'.repeat(n)}x\n`;
      return () => createStewardService().validate(uri(files++), text);
    },
  },
];

function complete(text, line, character) {
  const service = createStewardService({ incremental: true });
  const at = uri(files++);
  service.update(at, text);
  return () => service.complete(at, { line, character }, 'en');
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(make, n) {
  const run = make(n);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

const rows = [];
let failed = 0;
for (const shape of SHAPES) {
  measure(shape.make, Math.max(1, N / 10)); // warm-up
  const times = [N, 2 * N, 4 * N].map((n) => measure(shape.make, n));
  // Times under a few milliseconds are noise: growth is judged only when the largest size takes 20 ms or more.
  const growth = times[2] / Math.max(times[0], 0.05);
  const ok = times[2] < 20 || growth <= MAX_GROWTH;
  if (!ok) failed++;
  rows.push(
    `| ${shape.label} | ${times.map((t) => t.toFixed(1)).join(' | ')} | ${growth.toFixed(1)}× | ${ok ? 'PASS' : 'FAIL'} |`,
  );
}
console.log(`n = ${N}, median of ${RUNS} runs, milliseconds; linear ≈ 4× from n to 4n, limit ${MAX_GROWTH}×\n`);
console.log(`| shape | n | 2n | 4n | growth n → 4n | |`);
console.log('|---|---:|---:|---:|---:|---|');
for (const row of rows) console.log(row);
process.exit(failed > 0 ? 1 : 0);
