import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, tempDir, jsonReport, MINIMAL_REGISTER, MINIMAL_CATALOG, ROOT, REFERENCE_CODES_CSV } from './helpers';

describe('cli: steward validate', () => {
  it('is silent and exits 0 on valid files', () => {
    const dir = tempDir({ 'a.assets.yaml': MINIMAL_REGISTER, 'a.catalog.yaml': MINIMAL_CATALOG });
    const run = runCli(['validate'], { cwd: dir });
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
  });

  it('exits 1 with findings, pointing at the offending value', () => {
    const dir = tempDir({
      'a.assets.yaml': MINIMAL_REGISTER.replace('securityGrade: 一般数据', 'securityGrade: 普通数据'),
    });
    const run = runCli(['validate', '--format', 'json'], { cwd: dir });
    assert.equal(run.code, 1);
    const [file] = jsonReport(run).files;
    assert.equal(file.path, 'a.assets.yaml');
    const finding = file.findings.find((f) => f.ruleId === 'DA-SCHEMA-003');
    assert.ok(finding, run.stdout);
    assert.deepEqual([finding.line, finding.column], [13, 20]);
    assert.match(finding.message, /一般数据/);
  });

  it('only looks at the contract globs inside a folder', () => {
    const dir = tempDir({
      'a.assets.yaml': MINIMAL_REGISTER,
      'other.yaml': 'not: ours\n',
      'node_modules/x.assets.yaml': ': bad',
    });
    const report = jsonReport(runCli(['validate', '.', '--format', 'json'], { cwd: dir }));
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['a.assets.yaml'],
    );
  });

  it('reports globs that match nothing and goes on with the rest', () => {
    const dir = tempDir({ 'a.assets.yaml': MINIMAL_REGISTER });
    const run = runCli(['validate', 'nothing/**/*.assets.yaml', 'a.assets.yaml'], { cwd: dir });
    assert.equal(run.code, 0);
    assert.match(run.stderr, /No files match "nothing\/\*\*\/\*\.assets\.yaml"/);
  });

  it('exits 2 with a one-line message when nothing at all is found', () => {
    const run = runCli(['validate', 'nothing/*.assets.yaml'], { cwd: tempDir() });
    assert.equal(run.code, 2);
    assert.doesNotMatch(run.stderr, /at .*\.js:\d+/);
  });

  it('reports an unreadable path as a finding in that file and checks the others', () => {
    const dir = tempDir({ 'a.assets.yaml': MINIMAL_REGISTER });
    const run = runCli(['validate', 'missing.assets.yaml', 'a.assets.yaml', '--format', 'json'], { cwd: dir });
    assert.equal(run.code, 1);
    const report = jsonReport(run);
    assert.deepEqual(
      report.files.map((f) => [f.path, f.findings.map((x) => x.ruleId)]),
      [
        ['a.assets.yaml', []],
        ['missing.assets.yaml', ['DA-FILE-001']],
      ],
    );
  });

  it('applies --max-warnings and --quiet', () => {
    const warning = MINIMAL_REGISTER.replace('A08060201', 'A08060301');
    const dir = tempDir({ 'a.assets.yaml': warning });
    assert.equal(runCli(['validate'], { cwd: dir }).code, 0);
    assert.equal(runCli(['validate', '--max-warnings', '0'], { cwd: dir }).code, 1);
    assert.equal(runCli(['validate', '--max-warnings', '1'], { cwd: dir }).code, 0);
    const quiet = runCli(['validate', '--quiet'], { cwd: dir });
    assert.equal(quiet.stdout, '');
  });

  it('writes --output to a file and nothing to stdout', () => {
    const dir = tempDir({
      'a.assets.yaml': MINIMAL_REGISTER.replace('name: 公交运行监测数据集', 'name: [公交运行监测数据集'),
    });
    const run = runCli(['validate', '--format', 'sarif', '--output', 'out/report.sarif'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'out/report.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
  });

  it('reads stdin with --stdin-filename', () => {
    const run = runCli(['validate', '--stdin', '--stdin-filename', 'units/x.assets.yaml', '--format', 'json'], {
      input: MINIMAL_REGISTER.replace('id: DA-2024-0001', 'id: da-1'),
    });
    assert.equal(run.code, 1);
    const [file] = jsonReport(run).files;
    assert.equal(file.path, 'units/x.assets.yaml');
    assert.equal(file.findings[0].ruleId, 'DA-SCHEMA-005');
  });

  it('prints messages in Chinese with --locale zh-CN or a Chinese LANG', () => {
    const dir = tempDir({ 'a.assets.yaml': MINIMAL_REGISTER.replace('    name: 公交运行监测数据集\n', '') });
    const zh = runCli(['validate'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(zh.stdout, /缺少必填字段“name”/);
    const en = runCli(['validate', '--locale', 'en'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(en.stdout, /Missing required field "name"/);
  });

  it('speaks Chinese when the environment names no language (unset, C, POSIX), English when it asks for English', () => {
    const dir = tempDir({ 'a.assets.yaml': MINIMAL_REGISTER.replace('    name: 公交运行监测数据集\n', '') });
    for (const LANG of ['', 'C', 'C.UTF-8', 'POSIX']) {
      const run = runCli(['validate'], { cwd: dir, env: { LANG, LC_ALL: '', LC_MESSAGES: '' } });
      assert.match(run.stdout, /缺少必填字段“name”/, `LANG=${LANG}`);
    }
    const posix = runCli(['validate'], { cwd: dir, env: { LANG: 'en_US.UTF-8', LC_ALL: 'POSIX' } });
    assert.match(posix.stdout, /缺少必填字段“name”/, 'LC_ALL=POSIX wins over LANG');
    for (const env of [{ LANG: 'en_US.UTF-8' }, { LANG: 'C', LC_MESSAGES: 'en_GB.UTF-8' }, { LANG: 'de_DE.UTF-8' }]) {
      const run = runCli(['validate'], { cwd: dir, env: { LC_ALL: '', LC_MESSAGES: '', ...env } });
      assert.match(run.stdout, /Missing required field "name"/, JSON.stringify(env));
    }
  });

  it('usage errors exit 2 with one line and no stack trace', () => {
    for (const args of [
      ['validate', '--format', 'xml'],
      ['validate', '--max-warnings', 'many'],
      ['frobnicate'],
      ['validate', '--no-such-flag'],
      ['validate', '--locale', 'fr'],
    ]) {
      const run = runCli(args, { cwd: tempDir() });
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.match(run.stderr, /^steward: /);
    }
  });

  it('prints help and version', () => {
    assert.match(runCli(['--help']).stdout, /Usage: steward/);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(runCli(['--version']).stdout.trim(), pkg.version);
  });
});

describe('cli: bad input', () => {
  function one(
    name: string,
    content: string | Buffer,
    extra: string[] = [],
  ): {
    code: number | null;
    findings: { ruleId: string; line: number; column: number; message: string }[];
    stderr: string;
  } {
    const dir = tempDir({
      [name]: content,
      'ok.assets.yaml': MINIMAL_REGISTER.replace('DA-2024-0001', 'DA-2024-9999'),
    });
    const run = runCli(['validate', '--format', 'json', ...extra], { cwd: dir });
    const report = jsonReport(run);
    const ok = report.files.find((f) => f.path === 'ok.assets.yaml');
    assert.deepEqual(ok?.findings, [], 'the other file is still checked, and clean');
    return { code: run.code, findings: report.files.find((f) => f.path === name)!.findings, stderr: run.stderr };
  }

  it('an empty file', () => {
    const { findings } = one('empty.assets.yaml', '');
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.line, f.column]),
      [['DA-DOC-001', 1, 1]],
    );
  });

  it('a binary file', () => {
    const { findings } = one(
      'bin.assets.yaml',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['DA-FILE-002'],
    );
  });

  it('invalid UTF-8, located at its line and column', () => {
    const bytes = Buffer.concat([
      Buffer.from('apiVersion: steward/v1\nkind: Data'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('\n'),
    ]);
    const { findings } = one('bad.assets.yaml', bytes);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.line, f.column]),
      [['DA-FILE-003', 2, 11]],
    );
  });

  it('a byte-order mark and CRLF line ends are accepted, positions unchanged', () => {
    const text =
      '\uFEFF' + MINIMAL_REGISTER.replace('securityGrade: 一般数据', 'securityGrade: 普通数据').replace(/\n/g, '\r\n');
    const { findings } = one('bom.assets.yaml', text);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.line, f.column]),
      [['DA-SCHEMA-003', 13, 20]],
    );
  });

  it('a YAML alias bomb', () => {
    let text = 'apiVersion: steward/v1\nkind: DataAssetRegister\nx-lol0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 15; i++)
      text += `x-lol${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const { findings } = one('bomb.assets.yaml', text);
    assert.ok(
      findings.some((f) => f.ruleId === 'DA-YAML-005' && f.line > 3),
      JSON.stringify(findings),
    );
  });

  it('10,000-deep nesting', () => {
    const text =
      'apiVersion: steward/v1\nkind: DataAssetRegister\nunit: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n';
    const { findings } = one('deep.assets.yaml', text);
    assert.ok(
      findings.some((f) => f.ruleId === 'DA-YAML-006' && f.line === 3),
      JSON.stringify(findings),
    );
  });

  it('__proto__ and constructor keys are unknown fields at their keys', () => {
    const text = MINIMAL_REGISTER.replace(
      '  type: 行政单位\n',
      '  type: 行政单位\n  __proto__: {a: 1}\n  constructor: x\n',
    );
    const { findings } = one('proto.assets.yaml', text);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.line, f.column]),
      [
        ['DA-SCHEMA-002', 7, 3],
        ['DA-SCHEMA-002', 8, 3],
      ],
    );
  });

  it('a top level that is not a mapping', () => {
    const { findings } = one('list.assets.yaml', '- a\n- b\n');
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.line, f.column]),
      [['DA-YAML-004', 1, 1]],
    );
  });

  it('a file over --max-file-size is reported, not read', () => {
    const { findings } = one('big.assets.yaml', 'x'.repeat(2 * 1024 * 1024), ['--max-file-size', '1']);
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['DA-FILE-004'],
    );
  });
});

describe('cli: code tables', () => {
  it('codes search finds codes by Chinese name and by code prefix, with their path', () => {
    const byName = runCli(['codes', 'search', '结构化数据']);
    assert.equal(byName.code, 0);
    assert.match(byName.stdout.split('\n')[0], /^A08060201\s+结构化数据\s.*无形资产 > 信息数据类无形资产 > 数据/);
    const byPrefix = runCli(['codes', 'search', 'a080602', '--format', 'json']);
    const codes = JSON.parse(byPrefix.stdout).codes.map((c: { code: string }) => c.code);
    assert.deepEqual(codes, ['A08060200', 'A08060201', 'A08060202', 'A08060203']);
    assert.equal(runCli(['codes', 'search', '不存在的名称']).code, 1);
    assert.equal(runCli(['codes', 'search']).code, 2);
  });

  it("--code-table loads the unit's full table, reports its quirks by line and uses it", () => {
    const reference = REFERENCE_CODES_CSV;
    const dir = tempDir({ 'a.assets.yaml': MINIMAL_REGISTER.replace('A08060201', 'A02010104') });
    const run = runCli(['validate', '--code-table', reference, '--format', 'json'], { cwd: dir });
    const quirks = run.stderr.trim().split('\n');
    assert.equal(quirks.length, 3, run.stderr);
    assert.match(quirks[0], /asset-category-codes\.csv:313:\d+: warning .*A02040300/);
    const [file] = jsonReport(run).files;
    assert.deepEqual(
      file.findings.map((f) => f.ruleId),
      ['DA-CODE-003'],
    );
    assert.match(file.findings[0].message, /A02000000/);
  });

  it('a code missing from a loaded table is an error; a malformed table row does not stop the run', () => {
    const table =
      'code,name,parent\nA08000000,无形资产,\nA08060000,信息数据类无形资产,A08000000\nA08060200,数据,A08060000\nA08060201,结构化数据,A08060200\nbroken-row\n';
    const dir = tempDir({ 'codes.csv': table, 'a.assets.yaml': MINIMAL_REGISTER.replace('A08060201', 'A08060202') });
    const run = runCli(['validate', '--code-table', 'codes.csv', '--format', 'json'], { cwd: dir });
    assert.match(run.stderr, /codes\.csv:6:1: /);
    assert.deepEqual(
      jsonReport(run).files[0].findings.map((f) => f.ruleId),
      ['DA-CODE-001'],
    );
    assert.equal(run.code, 1);
  });

  it('an unreadable code table is a usage error', () => {
    const run = runCli(['validate', '--code-table', 'nope.csv'], {
      cwd: tempDir({ 'a.assets.yaml': MINIMAL_REGISTER }),
    });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /nope\.csv/);
  });
});

describe('cli: a 50 MB register', function () {
  this.timeout(300_000);
  it('is checked to the end with every finding placed, within a bounded heap', () => {
    const dir = tempDir();
    const generated = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bench', 'generate.mjs'), '--assets', '47000', '--out', dir],
      { encoding: 'utf8' },
    );
    assert.equal(generated.status, 0, generated.stderr);
    const register = fs.readdirSync(dir).find((f) => f.endsWith('.assets.yaml'))!;
    const file = path.join(dir, register);
    // One bad value near the end: it must be found at its exact line.
    const text = fs.readFileSync(file, 'utf8');
    const at = text.lastIndexOf('securityGrade: 一般数据');
    fs.writeFileSync(
      file,
      text.slice(0, at) + 'securityGrade: 普通数据' + text.slice(at + 'securityGrade: 一般数据'.length),
    );
    assert.ok(fs.statSync(file).size > 50_000_000);
    const run = runCli(['validate', register, '--format', 'json'], {
      cwd: dir,
      nodeArgs: ['--max-old-space-size=1024'],
    });
    assert.equal(run.code, 1, run.stderr.slice(0, 500));
    const [result] = jsonReport(run).files;
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.line]),
      [['DA-SCHEMA-003', text.slice(0, at).split('\n').length]],
    );
  });
});
