// A longer fuzzing campaign than the unit suite's (test/fuzz.test.ts): the same properties (test/fuzz/properties.ts,
// from the tsc build in out/), seed after seed, until the runs or the minutes are spent.
// Usage: npm run fuzz -- [--runs N] [--seed S] [--minutes M] [--properties documents,fixes,edits,suite]
//   --runs N     runs per property per seed (default 500)
//   --seed S     the first seed (default: the time); each round uses the next one
//   --minutes M  keep going, a new seed per round, until M minutes have passed (default: one round)
// Prints each failure with its seed, path and counterexample (reproduce with the same --seed and --runs), then
// a table: property, seeds, runs, failures, seconds. Exit code 1 when anything failed.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const fc = require('fast-check');
let P;
let LspClient;
try {
  P = require(join(ROOT, 'out/test/fuzz/properties.js'));
  ({ LspClient } = require(join(ROOT, 'out/test/lsp-client.js')));
} catch {
  console.error('fuzz: build first (npx tsc -p . && node esbuild.mjs)');
  process.exit(2);
}

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}
const RUNS = Number(option('runs', '500'));
let seed = Number(option('seed', String(Date.now() % 1_000_000_000)));
const MINUTES = Number(option('minutes', '0'));
const PROPERTIES = option('properties', 'documents,fixes,edits,suite').split(',');
if (!Number.isInteger(RUNS) || RUNS < 1 || !Number.isInteger(seed)) {
  console.error('fuzz: --runs takes a positive integer, --seed an integer');
  process.exit(2);
}

const seeds = P.seedDocuments(12);
const stats = new Map(PROPERTIES.map((p) => [p, { seeds: 0, runs: 0, failures: 0, seconds: 0 }]));
let failed = 0;

function report(property, details) {
  failed++;
  stats.get(property).failures++;
  console.log(`\nFAIL ${property} --seed ${details.seed} --runs ${RUNS} (path ${details.counterexamplePath})`);
  console.log(String(details.errorInstance?.message ?? details.error).slice(0, 2000));
  console.log('counterexample:', JSON.stringify(details.counterexample?.[0]).slice(0, 4000));
}

async function round(client, folder) {
  const parameters = { seed, numRuns: RUNS };
  for (const property of PROPERTIES) {
    const start = Date.now();
    let details;
    if (property === 'documents') details = fc.check(fc.property(P.documentArb(seeds), P.checkDocument), parameters);
    else if (property === 'fixes')
      details = fc.check(
        fc.property(P.documentArb(seeds), (text) => void P.checkQuickFixes(text)),
        parameters,
      );
    else if (property === 'edits') {
      let n = 0;
      details = await fc.check(
        fc.asyncProperty(P.editStreamArb(seeds, 20), (stream) =>
          P.checkIncrementalEqualsFresh(client, seeds, stream, folder, `${seed}-${n++}`),
        ),
        parameters,
      );
    } else if (property === 'suite') {
      // The suite's cases, each as the seed of mutations (the cases themselves are checked by the unit suite).
      const cases = P.suiteCases().map((c) => c.yaml);
      details = fc.check(fc.property(P.documentArb(cases), P.checkDocument), parameters);
    } else throw new Error(`unknown property ${property}`);
    const entry = stats.get(property);
    entry.seeds++;
    entry.runs += details.numRuns;
    entry.seconds += (Date.now() - start) / 1000;
    if (details.failed) report(property, details);
  }
  seed++;
}

const folder = mkdtempSync(join(tmpdir(), 'steward-fuzz-'));
const client = PROPERTIES.includes('edits') ? new LspClient() : undefined;
const started = Date.now();
try {
  if (client) await client.ready(folder);
  do await round(client, folder);
  while (MINUTES > 0 && Date.now() - started < MINUTES * 60_000);
} finally {
  if (client) await client.close();
  rmSync(folder, { recursive: true, force: true });
}
console.log('\n| property | seeds | runs | failures | seconds |\n|---|---:|---:|---:|---:|');
for (const [property, s] of stats)
  console.log(`| ${property} | ${s.seeds} | ${s.runs} | ${s.failures} | ${s.seconds.toFixed(0)} |`);
process.exit(failed > 0 ? 1 : 0);
