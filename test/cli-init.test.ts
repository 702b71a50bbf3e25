/**
 * `steward init`: a new unit's folder from flags, and from answers typed on a real pseudo-terminal (util-linux
 * `script`); what it writes checks clean; it refuses to overwrite and leaves nothing behind when it cannot write.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { CLI, ROOT, runCli, runCliWithObstacle, tempDir } from './helpers';

const CODE = '113301000025391739'; // 1 = 机构编制, 1 = 机关: an administrative unit's code
const INSTITUTION_CODE = '123301004703621533'; // kind 2: a public institution
const FILES = [
  '.github/workflows/data-assets.yml',
  '.vscode/extensions.json',
  'steward.config.yaml',
  'unit.assets.yaml',
  'unit.catalog.yaml',
];

/** Every file below `dir`, relative, with `/`, sorted. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

interface JsonReport {
  summary: { files: number; errors: number; warnings: number; infos: number };
  files: Array<{ path: string; findings: Array<{ ruleId: string; pointer?: string; path?: string }> }>;
}

/** `steward validate` run in the unit's folder (so that its steward.config.yaml applies), as JSON. */
function validateIn(dir: string): { code: number | null; report: JsonReport; stderr: string } {
  const run = runCli(['validate', '--format', 'json'], { cwd: dir });
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

const ruleIds = (report: JsonReport) => report.files.flatMap((file) => file.findings.map((f) => f.ruleId));

function flags(extra: string[] = []): string[] {
  return ['--unit-name', '某市交通运输局', '--unit-code', CODE, '--unit-type', '行政单位', ...extra];
}

describe('steward init: from flags', () => {
  it('writes the five files, which check with no findings, the configuration included', () => {
    const dir = path.join(tempDir(), 'new-unit');
    const run = runCli(['init', dir, ...flags(['--supervising-department', '某市人民政府'])]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(filesUnder(dir), FILES);
    for (const file of FILES) assert.match(run.stdout, new RegExp(file.replace(/\./g, '\\.')));
    const { code, report, stderr } = validateIn(dir);
    assert.equal(stderr, '', 'the configuration has no findings');
    assert.equal(code, 0);
    assert.equal(report.summary.files, 2);
    assert.deepEqual(ruleIds(report), []);
  });

  it('fills in the unit, links the asset to the resource, and has Chinese comments with English beside', () => {
    const dir = tempDir();
    assert.equal(runCli(['init', dir, ...flags(['--unit-type', '2', '--unit-code', INSTITUTION_CODE])]).code, 0);
    const catalog = yaml.load(fs.readFileSync(path.join(dir, 'unit.catalog.yaml'), 'utf8')) as {
      unit: Record<string, unknown>;
      resources: Array<{ id: string }>;
    };
    const register = yaml.load(fs.readFileSync(path.join(dir, 'unit.assets.yaml'), 'utf8')) as {
      unit: Record<string, unknown>;
      assets: Array<{ resource: string }>;
    };
    for (const doc of [catalog, register]) {
      assert.equal(doc.unit.name, '某市交通运输局');
      assert.equal(doc.unit.code, INSTITUTION_CODE, 'a string, not a number any YAML reader would round');
      assert.equal(doc.unit.type, '事业单位');
    }
    assert.equal(catalog.resources.length, 1);
    assert.equal(register.assets.length, 1);
    assert.equal(register.assets[0].resource, catalog.resources[0].id);
    assert.equal(catalog.resources[0].id, 'R-330100-0001', 'the division of the code (characters 3-8)');
    const config = yaml.load(fs.readFileSync(path.join(dir, 'steward.config.yaml'), 'utf8')) as Record<string, unknown>;
    assert.equal(config.unitType, '事业单位');
    const text = fs.readFileSync(path.join(dir, 'unit.assets.yaml'), 'utf8');
    assert.match(text, /# 示例条目：.*\n\s+# An example item/);
  });

  it('without a supervising department, the only findings are the two fill-in markers it leaves', () => {
    const dir = tempDir();
    assert.equal(runCli(['init', dir, ...flags()]).code, 0);
    const { code, report } = validateIn(dir);
    assert.equal(code, 0, 'warnings only');
    const found = report.files.flatMap((file) => file.findings.map((f) => `${file.path} ${f.ruleId}`)).sort();
    assert.deepEqual(found, ['unit.assets.yaml DA-TODO-001', 'unit.catalog.yaml DA-TODO-001']);
  });

  it('recommends the extension by its id and runs steward validate --format sarif in CI, uploading it', () => {
    const dir = tempDir();
    assert.equal(runCli(['init', dir, ...flags()]).code, 0);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'client', 'package.json'), 'utf8')) as {
      publisher: string;
      name: string;
    };
    const extensions = JSON.parse(fs.readFileSync(path.join(dir, '.vscode', 'extensions.json'), 'utf8'));
    assert.deepEqual(extensions, { recommendations: [`${manifest.publisher}.${manifest.name}`] });
    const workflow = yaml.load(fs.readFileSync(path.join(dir, '.github/workflows/data-assets.yml'), 'utf8')) as {
      jobs: { steward: { steps: Array<{ run?: string; uses?: string; with?: Record<string, string> }> } };
    };
    const steps = workflow.jobs.steward.steps;
    const validate = steps.findIndex(
      (step) => step.run === 'npx steward validate --format sarif --output steward.sarif',
    );
    const upload = steps.findIndex((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'));
    assert.ok(validate >= 0 && upload > validate, JSON.stringify(steps));
    assert.equal(steps[upload].with?.sarif_file, 'steward.sarif');
  });

  it('quotes a name YAML would misread, and it reads back the same', () => {
    const dir = tempDir();
    const name = '某局: "综合" #1 ';
    assert.equal(runCli(['init', dir, ...flags(['--unit-name', name, '--supervising-department', 'yes'])]).code, 0);
    const catalog = yaml.load(fs.readFileSync(path.join(dir, 'unit.catalog.yaml'), 'utf8')) as {
      unit: Record<string, unknown>;
    };
    assert.equal(catalog.unit.name, name.trim());
    assert.equal(catalog.unit.supervisingDepartment, 'yes');
    assert.deepEqual(ruleIds(validateIn(dir).report), []);
  });

  it('not on a terminal, a missing flag is a usage error naming it, and nothing is written', () => {
    const dir = tempDir();
    const run = runCli(['init', dir, '--unit-name', '某局']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /give --unit-code, --unit-type/);
    assert.deepEqual(filesUnder(dir), []);
  });

  it('a bad code or type is a usage error saying why', () => {
    const dir = tempDir();
    const badCode = runCli(['init', dir, ...flags(['--unit-code', '113301000025391738'])]);
    assert.equal(badCode.code, 2);
    assert.match(badCode.stderr, /--unit-code .*character\) should be "9", not "8"/);
    const badType = runCli(['init', dir, ...flags(['--unit-type', '企业'])]);
    assert.equal(badType.code, 2);
    assert.match(badType.stderr, /not "企业"/);
    assert.deepEqual(filesUnder(dir), []);
  });

  it('a type the code contradicts is written, with a note naming DA-UNIT-002', () => {
    const dir = tempDir();
    const run = runCli(['init', dir, ...flags(['--unit-type', '事业单位'])]);
    assert.equal(run.code, 0);
    assert.match(run.stderr, /DA-UNIT-002/);
  });
});

describe('steward init: existing and unwritable files', () => {
  it('refuses to overwrite, listing the files and writing none; --force overwrites', () => {
    const dir = tempDir({ 'unit.assets.yaml': '# mine\n', '.vscode/extensions.json': '{}\n' });
    const run = runCli(['init', dir, ...flags()]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /exist already; nothing was written/);
    assert.match(run.stderr, /unit\.assets\.yaml/);
    assert.match(run.stderr, /extensions\.json/);
    assert.doesNotMatch(run.stderr, /unit\.catalog\.yaml/);
    assert.deepEqual(filesUnder(dir), ['.vscode/extensions.json', 'unit.assets.yaml']);
    assert.equal(fs.readFileSync(path.join(dir, 'unit.assets.yaml'), 'utf8'), '# mine\n');
    const forced = runCli(['init', dir, ...flags(['--force'])]);
    assert.equal(forced.code, 0, forced.stderr);
    assert.deepEqual(filesUnder(dir), FILES);
    assert.match(fs.readFileSync(path.join(dir, 'unit.assets.yaml'), 'utf8'), /kind: DataAssetRegister/);
  });

  it('in a folder it may not write to, fails naming the place and leaves nothing', () => {
    const parent = tempDir();
    fs.chmodSync(parent, 0o755);
    const dir = path.join(parent, 'read-only');
    fs.mkdirSync(dir, { mode: 0o555 });
    fs.chmodSync(dir, 0o555);
    // root writes anywhere: run as nobody then (setpriv is util-linux, like script).
    const asUser = process.getuid?.() === 0 ? ['--reuid=65534', '--regid=65534', '--clear-groups'] : undefined;
    const args = [CLI, 'init', dir, ...flags(), '--locale', 'en'];
    const run = asUser
      ? spawnSyncText('setpriv', [...asUser, process.execPath, ...args])
      : spawnSyncText(process.execPath, args);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /Cannot write .*read-only.* \(EACCES\); nothing was written/);
    assert.deepEqual(filesUnder(dir), []);
  });

  it('when one file cannot be written, the others written so far are removed too', () => {
    // .vscode is a file: extensions.json cannot go there, after the catalog, register and config were written.
    const dir = tempDir({ '.vscode': 'not a folder' });
    const run = runCli(['init', dir, ...flags()]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Cannot write .*extensions\.json \(ENOTDIR\); nothing was written/);
    assert.deepEqual(fs.readdirSync(dir), ['.vscode']);
  });
});

describe('steward init --force: all files or none', () => {
  it('one file failing as they are put in place: every replaced file keeps its old content', () => {
    const dir = tempDir(Object.fromEntries(FILES.map((file) => [file, `old ${file}\n`])));
    const targets = FILES.map((file) => path.join(dir, file));
    const run = runCliWithObstacle(['init', dir, ...flags(['--force', '--locale', 'en'])], { cwd: ROOT, targets });
    const obstacle = FILES.find((file) => fs.statSync(path.join(dir, file)).isDirectory());
    assert.ok(obstacle, run.stderr);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /Cannot write .* \(EISDIR\); nothing was written/);
    assert.ok(run.stderr.includes(obstacle), run.stderr);
    const kept = FILES.filter((file) => file !== obstacle);
    for (const file of kept) assert.equal(fs.readFileSync(path.join(dir, file), 'utf8'), `old ${file}\n`);
    assert.deepEqual(filesUnder(dir), [...kept, `${obstacle}/inside.txt`].sort());
  });
});

function spawnSyncText(command: string, args: string[]): { code: number | null; stderr: string } {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: '', LANG: 'en_US.UTF-8', NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: result.status, stderr: result.stderr };
}

/**
 * Runs `steward init` on a pseudo-terminal and answers its questions: each answer is typed (with Enter) once the
 * output so far matches its pattern. Resolves with the exit code and everything the terminal showed.
 */
function onTerminal(
  args: string[],
  answers: Array<[RegExp, string]>,
): Promise<{ code: number | null; output: string }> {
  const command = `exec ${[process.execPath, CLI, ...args].map((a) => JSON.stringify(a)).join(' ')}`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8', TERM: 'xterm-256color', CI: '' },
  });
  let output = '';
  let next = 0;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (data: string) => {
    output += data;
    while (next < answers.length && answers[next][0].test(output)) child.stdin.write(answers[next++][1]);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: output.replace(/\r\n/g, '\n') }));
  });
}

describe('steward init: on a terminal', () => {
  it('asks, explains a bad code and asks again, takes the type the code implies, and writes a clean folder', async () => {
    const dir = path.join(tempDir(), 'asked');
    const { code, output } = await onTerminal(
      ['init', dir],
      [
        [/Unit name/, '某市交通运输局\r'],
        [/credit code/, '113301000025391738\r'],
        [/enter it again[\s\S]*credit code/, `${CODE}\r`],
        [/Unit type[^\n]*\[Enter: 行政单位\]/, '\r'],
        [/Supervising department/, '某市人民政府\r'],
      ],
    );
    assert.equal(code, 0, output);
    assert.match(output, /That code is not valid: Character 18 .*should be "9", not "8"\. Please enter it again\./);
    assert.deepEqual(filesUnder(dir), FILES);
    const register = yaml.load(fs.readFileSync(path.join(dir, 'unit.assets.yaml'), 'utf8')) as {
      unit: Record<string, unknown>;
    };
    assert.deepEqual(register.unit, {
      name: '某市交通运输局',
      code: CODE,
      type: '行政单位',
      supervisingDepartment: '某市人民政府',
    });
    const { report } = validateIn(dir);
    assert.deepEqual(ruleIds(report), []);
  });

  it('asks only what the flags leave out, re-asks a bad type, and Ctrl-C writes nothing', async () => {
    const dir = tempDir();
    const asked = await onTerminal(
      ['init', dir, '--unit-name', '某中心', '--supervising-department', '某市交通运输局', '--locale', 'zh-CN'],
      [
        [/统一社会信用代码/, `${INSTITUTION_CODE}\r`],
        [/单位类型[^\n]*［回车：事业单位］/, '企业\r'],
        [/而不是“企业”[\s\S]*单位类型/, '2\r'],
      ],
    );
    assert.equal(asked.code, 0, asked.output);
    assert.doesNotMatch(asked.output, /单位名称：|主管部门（/);
    assert.match(fs.readFileSync(path.join(dir, 'unit.catalog.yaml'), 'utf8'), /type: 事业单位/);

    const cancelledDir = path.join(tempDir(), 'cancelled');
    const cancelled = await onTerminal(['init', cancelledDir], [[/Unit name/, '\u0003']]);
    assert.equal(cancelled.code, 2, cancelled.output);
    assert.match(cancelled.output, /Cancelled; nothing was written/);
    assert.equal(fs.existsSync(cancelledDir), false);
  });
});
