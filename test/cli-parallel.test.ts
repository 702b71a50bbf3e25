import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli, tempDir, jsonReport, MINIMAL_REGISTER, MINIMAL_CATALOG, ROOT } from './helpers';
import type { CliRun } from './helpers';

/** A workspace with cross-file findings, waivers, a configuration with overrides, a code table and unreadable files. */
function workspace(): string {
  const table =
    'code,name,parent\nA08000000,无形资产,\nA08060000,信息数据类无形资产,A08000000\nA08060200,数据,A08060000\nA08060201,结构化数据,A08060200\nA08060300,软件,A08060000\nA08060301,应用软件,A08060300\n';
  const register = (id: string, resource: string) =>
    MINIMAL_REGISTER.replace('DA-2024-0001', id).replace('R-330100-JT-0001', resource);
  // Enough items that the files take a while, so that both workers are busy at once.
  const many = (count: number, from: number) =>
    MINIMAL_REGISTER +
    Array.from({ length: count }, (_, i) =>
      MINIMAL_REGISTER.slice(MINIMAL_REGISTER.indexOf('  - id:')).replace(
        'DA-2024-0001',
        `DA-2024-${String(from + i).padStart(4, '0')}`,
      ),
    ).join('');
  return tempDir({
    'steward.config.yaml':
      'codeTable: codes.csv\nrules:\n  DA-CODE-002: error\noverrides:\n  - files: ["legacy/**"]\n    rules: { DA-CODE-002: off, DA-REF-001: warning }\n',
    'codes.csv': table,
    'units/a.catalog.yaml': MINIMAL_CATALOG,
    'units/a.assets.yaml': register('DA-2024-0001', 'R-330100-JT-0001'),
    // The same asset id as a.assets.yaml (DA-ID-001 names the first), a resource no catalog has (DA-REF-001).
    'units/b.assets.yaml': register('DA-2024-0001', 'R-330100-JT-0404'),
    // A code the loaded table does not have (DA-CODE-001) and one outside the data branch (DA-CODE-002: an error here).
    'units/c.assets.yaml': register('DA-2024-0003', 'R-330100-JT-0001').replace('A08060201', 'A08060202'),
    'units/d.assets.yaml': register('DA-2024-0004', 'R-330100-JT-0001').replace('A08060201', 'A08060301'),
    // A waived DA-REF-001, a waiver without a reason, and what the override turns off or down.
    'units/waived.assets.yaml': register('DA-2024-0005', 'R-330100-JT-0405')
      .replace('    resource:', '    # steward-disable-next-line DA-REF-001 -- 目录资源正在补录\n    resource:')
      .replace('    classificationCode:', '    # steward-disable-next-line DA-SCHEMA-003\n    classificationCode:'),
    'legacy/e.assets.yaml': register('DA-2024-0006', 'R-330100-JT-0406').replace('A08060201', 'A08060301'),
    'bulk/f.assets.yaml': many(300, 1000),
    'bulk/g.assets.yaml': many(300, 2000),
    'bulk/h.assets.yaml': many(300, 1300),
    'binary.assets.yaml': Buffer.from([0x61, 0x3a, 0x20, 0x00, 0x01, 0x0a]),
    'utf16.catalog.yaml': Buffer.from([0xff, 0xfe, 0x61, 0x00]),
  });
}

function validate(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  return runCli(['validate', '--format', 'json', ...args], { cwd, env: { STEWARD_JOBS: '', ...env } });
}

/** Thread ids from the `--debug` line, when files were checked in worker threads. */
function workerThreads(stderr: string): number[] | undefined {
  const match = /files checked in (\d+) worker threads \(threads ([\d, ]+)\)/.exec(stderr);
  return match ? match[2].split(', ').map(Number) : undefined;
}

describe('cli: steward validate over worker threads', () => {
  let dir: string;
  before(() => {
    dir = workspace();
  });

  it('the workspace has what the comparison is about', () => {
    const run = validate(dir, ['--jobs', '1']);
    const byFile = new Map(
      jsonReport(run).files.map((f) => [f.path, f.findings.map((x) => `${x.ruleId}:${x.severity}`)]),
    );
    assert.ok(byFile.get('units/b.assets.yaml')?.includes('DA-ID-001:error'), run.stdout);
    assert.ok(byFile.get('units/b.assets.yaml')?.includes('DA-REF-001:error'));
    assert.ok(byFile.get('units/c.assets.yaml')?.includes('DA-CODE-001:error'));
    assert.ok(byFile.get('units/d.assets.yaml')?.includes('DA-CODE-002:error'));
    assert.ok(byFile.get('legacy/e.assets.yaml')?.includes('DA-REF-001:warning'));
    assert.ok(!byFile.get('legacy/e.assets.yaml')?.some((x) => x.startsWith('DA-CODE-002')));
    assert.ok(!byFile.get('units/waived.assets.yaml')?.some((x) => x.startsWith('DA-REF-001')));
    assert.ok(
      byFile.get('units/waived.assets.yaml')?.some((x) => x.startsWith('DA-WAIVE')),
      JSON.stringify(byFile.get('units/waived.assets.yaml')),
    );
    assert.ok(byFile.get('bulk/g.assets.yaml')?.includes('DA-ID-001:error'), 'the bulk files share DA-2024-0001');
    assert.deepEqual(byFile.get('binary.assets.yaml'), ['DA-FILE-002:error']);
    assert.deepEqual(byFile.get('utf16.catalog.yaml'), ['DA-FILE-003:error']);
  });

  it('prints byte for byte the same report with --jobs 1 and --jobs 2, in every format', () => {
    for (const format of ['json', 'stylish', 'sarif']) {
      const one = runCli(['validate', '--format', format, '--jobs', '1'], { cwd: dir });
      const two = runCli(['validate', '--format', format, '--jobs', '2'], { cwd: dir });
      assert.equal(two.stdout, one.stdout, format);
      assert.equal(two.stderr, one.stderr, format);
      assert.equal(two.code, one.code);
      assert.equal(one.code, 1);
    }
  });

  it('is the same on the examples, --schema-only included', () => {
    const examples = path.join(ROOT, 'examples');
    for (const extra of [[], ['--schema-only'], ['--quiet', '--locale', 'zh-CN']]) {
      const one = validate(examples, ['--jobs', '1', ...extra]);
      const three = validate(examples, ['--jobs', '3', ...extra]);
      assert.ok(jsonReport(one).files.length > 20);
      assert.equal(three.stdout, one.stdout, extra.join(' '));
      assert.equal(three.code, one.code);
    }
  });

  it('really runs worker threads: --debug names them, and each checked files', () => {
    const run = validate(dir, ['--jobs', '2', '--debug']);
    const threads = workerThreads(run.stderr);
    assert.ok(threads, run.stderr);
    assert.equal(threads.length, 2);
    assert.equal(new Set(threads).size, 2);
    // Thread 0 is the main thread: these are others.
    assert.ok(threads.every((id) => id > 0));
    assert.match(run.stderr, /^steward: 12 files checked in 2 worker threads/m);
    assert.doesNotMatch(run.stderr, /main thread/);
  });

  it('STEWARD_JOBS asks for workers too; --jobs wins over it', () => {
    assert.equal(workerThreads(validate(dir, ['--debug'], { STEWARD_JOBS: '2' }).stderr)?.length, 2);
    assert.match(
      validate(dir, ['--debug', '--jobs', '1'], { STEWARD_JOBS: '2' }).stderr,
      /12 files checked in the main thread/,
    );
  });

  it('small workspaces and stdin stay in the main thread', () => {
    assert.match(validate(dir, ['--debug']).stderr, /12 files checked in the main thread/);
    const stdin = runCli(['validate', '--stdin', '--format', 'json', '--debug', '--jobs', '4'], {
      cwd: dir,
      input: MINIMAL_REGISTER,
    });
    assert.equal(stdin.code, 0, stdin.stderr);
    assert.doesNotMatch(stdin.stderr, /worker/);
  });

  it('never starts more workers than files', () => {
    const run = validate(dir, ['units/a.assets.yaml', 'units/b.assets.yaml', '--jobs', '8', '--debug']);
    assert.equal(workerThreads(run.stderr)?.length, 2);
    assert.equal(run.stdout, validate(dir, ['units/a.assets.yaml', 'units/b.assets.yaml', '--jobs', '1']).stdout);
  });

  it('checks in the main thread when workers cannot start, with the same report', () => {
    const run = validate(dir, ['--jobs', '2', '--debug'], { STEWARD_TEST_WORKER_FAULT: 'start' });
    assert.match(run.stderr, /Could not start worker threads \(injected start failure\); checking in the main thread/);
    assert.match(run.stderr, /12 files checked in the main thread/);
    assert.equal(run.stdout, validate(dir, ['--jobs', '1']).stdout);
    assert.equal(run.code, 1);
  });

  it('a worker that crashes on a file is an internal error naming the file, exit 2, not a hang', () => {
    for (const [fault, reason] of [
      ['crash', /injected crash/],
      ['exit', /exited unexpectedly \(exit code 7\)/],
    ] as const) {
      const run = validate(dir, ['--jobs', '2'], { STEWARD_TEST_WORKER_FAULT: `${fault}:units/c.assets.yaml` });
      assert.equal(run.code, 2, run.stderr);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^steward: Internal error: The worker thread checking units\/c\.assets\.yaml failed: /);
      assert.match(run.stderr, reason);
    }
    const zh = validate(dir, ['--jobs', '2', '--locale', 'zh-CN'], {
      STEWARD_TEST_WORKER_FAULT: 'exit:units/c.assets.yaml',
    });
    assert.match(zh.stderr, /内部错误：检查 units\/c\.assets\.yaml 的工作线程出错：工作线程意外退出（退出码 7）/);
  });

  it('--jobs and STEWARD_JOBS take a number', () => {
    const bad = validate(dir, ['--jobs', 'many']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--jobs needs a non-negative integer, not "many"/);
    assert.match(validate(dir, [], { STEWARD_JOBS: '-1' }).stderr, /STEWARD_JOBS needs a non-negative integer/);
  });
});
