// A paired check of the CLI against the fastest plain reference, for noisy machines:
//   node bench/pair.mjs RUNS FILE [register|catalog]
// Runs `steward validate FILE` and `bench/reference.mjs js-yaml` on FILE alternately, RUNS times each (fresh
// processes), and prints both medians, the ratio of the medians, the median of the per-pair ratios and the ratio
// of the best runs. Needs `npm run bench` once before (it writes bench/.data/validator-*.cjs and the files).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const [runs, file, kind = 'register'] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
if (!Number.isInteger(runs) || runs < 1 || !file)
  throw new Error('usage: node bench/pair.mjs RUNS FILE [register|catalog]');
const commands = {
  steward: [join(ROOT, 'dist', 'steward.js'), 'validate', file, '--format', 'json', '--output', '/dev/null'],
  'js-yaml+ajv': [
    join(ROOT, 'bench', 'reference.mjs'),
    'js-yaml',
    join(ROOT, 'bench', '.data', `validator-${kind}.cjs`),
    file,
  ],
};
const times = { steward: [], 'js-yaml+ajv': [] };
for (let i = 0; i < runs; i++) {
  for (const [name, args] of Object.entries(commands)) {
    const started = performance.now();
    const run = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    if (run.status !== 0 && run.status !== 1) throw new Error(`${name} exited with ${run.status}`);
    times[name].push(performance.now() - started);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const a = times.steward;
const b = times['js-yaml+ajv'];
const pairs = a.map((value, i) => value / b[i]);
console.log(
  `steward ${median(a).toFixed(0)} ms, js-yaml+ajv ${median(b).toFixed(0)} ms; ratio of medians ${(median(a) / median(b)).toFixed(2)}, median per-pair ratio ${median(pairs).toFixed(2)}, best vs best ${(Math.min(...a) / Math.min(...b)).toFixed(2)}`,
);
