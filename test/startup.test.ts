import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, MINIMAL_REGISTER, ROOT, tempDir } from './helpers';

/** Runs `node [-r probe] args` in `cwd`; the probe writes, at exit, what `report` returns as the last stderr line. */
function probed(report: string, args: string[], cwd: string): unknown {
  const probe = path.join(tempDir(), 'probe.js');
  fs.writeFileSync(
    probe,
    `process.on('exit', () => process.stderr.write('\\nPROBE ' + JSON.stringify(${report}) + '\\n'));\n`,
  );
  const run = spawnSync(process.execPath, ['-r', probe, ...args], { cwd, encoding: 'utf8' });
  const line = run.stderr.split('\n').find((l) => l.startsWith('PROBE '));
  assert.ok(line, `no probe output (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(line.slice('PROBE '.length));
}

describe('start-up: a run loads only what it uses', () => {
  it('steward validate loads node:crypto for SARIF output only (its fingerprints)', () => {
    // One finding (a code outside the data codes), so that every format has something to print.
    const dir = tempDir({ 'r.assets.yaml': MINIMAL_REGISTER.replace('A08060201', 'A08060301') });
    const crypto = "process.moduleLoadList.includes('NativeModule crypto')";
    for (const format of ['json', 'stylish', 'junit', 'github']) {
      assert.equal(probed(crypto, [CLI, 'validate', 'r.assets.yaml', '--format', format], dir), false, format);
    }
    assert.equal(probed(crypto, [CLI, 'validate', 'r.assets.yaml', '--format', 'sarif'], dir), true);
  });

  it('steward validate with its output piped loads neither worker threads, a terminal nor readline', () => {
    const dir = tempDir({ 'a.assets.yaml': MINIMAL_REGISTER, 'b.assets.yaml': MINIMAL_REGISTER });
    const modules = ['worker_threads', 'tty', 'readline/promises'];
    const report = `${JSON.stringify(modules)}.filter((m) => process.moduleLoadList.includes('NativeModule ' + m))`;
    assert.deepEqual(probed(report, [CLI, 'validate', 'a.assets.yaml', 'b.assets.yaml', '--format', 'json'], dir), []);
    // Two workers asked for: they start (and load what they need).
    const jobs = [CLI, 'validate', 'a.assets.yaml', 'b.assets.yaml', '--format', 'json', '--jobs', '2'];
    assert.deepEqual(probed(report, jobs, dir), ['worker_threads']);
  });

  it('the service checks a file the fast parser reads without loading the yaml package; an alias loads it', () => {
    const service = path.join(ROOT, 'out', 'server', 'src', 'service', 'index.js');
    const loaded = (text: string) => {
      const dir = tempDir({ 'r.assets.yaml': text });
      const script = `require(${JSON.stringify(service)}).createStewardService().validate('r.assets.yaml', require('fs').readFileSync('r.assets.yaml', 'utf8'))`;
      return probed(
        'Object.keys(require.cache).some((k) => /node_modules[\\\\/]yaml[\\\\/]/.test(k))',
        ['-e', script],
        dir,
      );
    };
    assert.equal(loaded(MINIMAL_REGISTER), false);
    // An alias is beyond the fast parser: that item is parsed by the yaml package.
    const withAlias = MINIMAL_REGISTER.replace('  - id: DA-2024-0001', '  - id: &first DA-2024-0001').concat(
      '    note: *first\n',
    );
    assert.equal(loaded(withAlias), true);
  });

  it('steward validate loads neither exceljs nor csv-parse; steward import loads what its input needs', () => {
    const runModule = path.join(ROOT, 'out', 'server', 'src', 'cli', 'run.js');
    const loaded = (args: string[]) => {
      const dir = tempDir({ 'r.assets.yaml': MINIMAL_REGISTER, 'a.csv': '资源名称,资源标识\nx,R-1\n' });
      const io =
        '{ cwd: process.cwd(), env: process.env, stdout: { write() {} }, stderr: { write() {} }, readStdin: async () => ({ ok: false }) }';
      const script = `require(${JSON.stringify(runModule)}).run(${JSON.stringify(args)}, ${io})`;
      return probed(
        "['exceljs', 'csv-parse'].filter((name) => Object.keys(require.cache).some((k) => k.includes('node_modules/' + name + '/')))",
        ['-e', script],
        dir,
      );
    };
    assert.deepEqual(loaded(['validate', 'r.assets.yaml']), []);
    // A CSV needs csv-parse only; exceljs loads for a workbook.
    assert.deepEqual(loaded(['import', 'a.csv', '--out', 'out', '--dry-run']), ['csv-parse']);
  });
});
