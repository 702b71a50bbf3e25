/**
 * The integrations people expect: the composite GitHub Action (action.yml), its `run` steps executed with bash as a
 * runner would, with the inputs and environment GitHub sets (only the upload step, a `uses:`, is not run: its inputs
 * must name the SARIF file written), and the pre-commit hook (.pre-commit-hooks.yaml) run by the real `pre-commit`
 * tool (Debian's package: scripts/install-pre-commit.sh) in a temporary git repository.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { CLI, MINIMAL_CATALOG, MINIMAL_REGISTER, ROOT, tempDir } from './helpers';

const BROKEN = MINIMAL_REGISTER.replace('securityGrade: 一般数据', 'securityGrade: 普通数据');

interface Step {
  name: string;
  id?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

interface Contexts {
  inputs: Record<string, string>;
  github: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string> }>;
}

/** The value of a context path such as `inputs.path` or `steps.validate.outputs.exit-code` ('' when unset). */
function lookup(contexts: Contexts, reference: string): string {
  const [head, ...rest] = reference.split('.');
  let value: unknown = contexts[head as keyof Contexts];
  for (const part of rest) value = (value as Record<string, unknown> | undefined)?.[part];
  return typeof value === 'string' ? value : '';
}

/** `${{ ... }}` in a value, for the context references the action uses. */
function substitute(text: string, contexts: Contexts): string {
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, reference: string) => lookup(contexts, reference));
}

/**
 * A step's `if`: terms joined by `&&`, each `!cancelled()` (a run is never cancelled here) or a comparison of a
 * context with a string. Anything else fails the test, so that a condition this cannot read is noticed.
 */
function condition(expression: string | undefined, contexts: Contexts): boolean {
  if (expression === undefined) return true;
  const inner = /^\$\{\{(.*)\}\}$/s.exec(expression.trim())?.[1] ?? expression;
  return inner.split('&&').every((term) => {
    const trimmed = term.trim();
    if (trimmed === '!cancelled()') return true;
    const comparison = /^([\w.-]+)\s*(==|!=)\s*'([^']*)'$/.exec(trimmed);
    assert.ok(comparison, `a condition the test reads: ${trimmed}`);
    const equal = lookup(contexts, comparison[1]) === comparison[3];
    return comparison[2] === '==' ? equal : !equal;
  });
}

interface ActionRun {
  /** Exit code of the last step run, and which steps ran. */
  code: number;
  ran: string[];
  log: string;
  upload?: Record<string, string>;
}

/** Runs the action's steps in `workspace` as a runner does (bash -eo pipefail, GITHUB_OUTPUT, the action path). */
function runAction(workspace: string, given: Record<string, string> = {}): ActionRun {
  const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;
  assert.equal(action.runs.using, 'composite');
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, i]) => [name, i.default ?? '']));
  const contexts: Contexts = {
    inputs: { ...inputs, ...given },
    github: { action_path: ROOT, workspace },
    steps: {},
  };
  const result: ActionRun = { code: 0, ran: [], log: '' };
  for (const step of action.runs.steps) {
    if (!condition(step.if, contexts)) continue;
    result.ran.push(step.name);
    if (step.uses) {
      assert.match(step.uses, /^github\/codeql-action\/upload-sarif@v\d+$/);
      result.upload = Object.fromEntries(
        Object.entries(step.with ?? {}).map(([key, value]) => [key, substitute(String(value), contexts)]),
      );
      continue;
    }
    assert.equal(step.shell, 'bash', `${step.name}: composite run steps name their shell`);
    const output = path.join(tempDir(), 'github-output');
    fs.writeFileSync(output, '');
    const env = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(String(v), contexts)]),
    );
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
      cwd: workspace,
      encoding: 'utf8',
      env: {
        ...process.env,
        NO_COLOR: '',
        FORCE_COLOR: '',
        LANG: 'en_US.UTF-8',
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: workspace,
        GITHUB_ACTION_PATH: ROOT,
        GITHUB_OUTPUT: output,
        ...env,
      },
      timeout: 120_000,
    });
    result.log += run.stdout + run.stderr;
    result.code = run.status ?? -1;
    if (step.id) {
      const outputs = Object.fromEntries(
        fs
          .readFileSync(output, 'utf8')
          .split('\n')
          .filter((line) => line.includes('='))
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
      contexts.steps[step.id] = { outputs };
    }
    if (result.code !== 0) break; // a failing step ends a composite action
  }
  return result;
}

describe('integrations: the GitHub Action (action.yml)', () => {
  it('prints annotations, writes the SARIF log it uploads, and fails the job on errors', () => {
    const workspace = tempDir({ 'units/a.assets.yaml': BROKEN, 'units/a.catalog.yaml': MINIMAL_CATALOG });
    const run = runAction(workspace);
    assert.equal(run.code, 1, run.log);
    assert.deepEqual(run.ran, ['Build steward', 'Validate', 'Upload the findings to code scanning', 'Fail on errors']);
    assert.match(run.log, /^::error file=units\/a\.assets\.yaml,line=13,/m);
    assert.deepEqual(run.upload, { sarif_file: 'steward.sarif', category: 'steward' });
    const sarif = JSON.parse(fs.readFileSync(path.join(workspace, run.upload.sarif_file), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.ok(
      sarif.runs[0].results.some(
        (r: { ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
          r.ruleId === 'DA-SCHEMA-003' &&
          r.locations[0].physicalLocation.artifactLocation.uri === 'units/a.assets.yaml',
      ),
    );
  });

  it('passes on clean files; its inputs choose the paths, the format, the SARIF file and whether to fail', () => {
    const workspace = tempDir({
      'ok/a.assets.yaml': MINIMAL_REGISTER,
      'ok/a.catalog.yaml': MINIMAL_CATALOG,
      'bad/b.assets.yaml': BROKEN,
    });
    const clean = runAction(workspace, { path: 'ok', 'sarif-file': 'out/clean.sarif' });
    assert.equal(clean.code, 0, clean.log);
    assert.deepEqual(clean.upload, { sarif_file: 'out/clean.sarif', category: 'steward' });
    assert.equal(
      JSON.parse(fs.readFileSync(path.join(workspace, 'out/clean.sarif'), 'utf8')).runs[0].results.length,
      0,
    );
    const lenient = runAction(workspace, { path: 'ok bad/*.assets.yaml', format: 'stylish', 'fail-on-error': 'false' });
    assert.equal(lenient.code, 0, lenient.log);
    assert.match(lenient.log, /^bad\/b\.assets\.yaml$/m);
    assert.ok(!lenient.ran.includes('Fail on errors'));
    const noUpload = runAction(workspace, { path: 'ok', upload: 'false' });
    assert.equal(noUpload.upload, undefined);
  });

  it('a usage error fails the Validate step itself, with nothing to upload', () => {
    const workspace = tempDir({ 'a.assets.yaml': MINIMAL_REGISTER });
    const run = runAction(workspace, { format: 'xml' });
    assert.equal(run.code, 2);
    assert.deepEqual(run.ran, ['Build steward', 'Validate']);
    assert.match(run.log, /Unknown format "xml"/);
  });
});

describe('integrations: the pre-commit hook (.pre-commit-hooks.yaml)', () => {
  interface Hook {
    id: string;
    entry: string;
    language: string;
    files: string;
    pass_filenames?: boolean;
  }
  const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const hook = hooks.find((h) => h.id === 'steward-validate')!;

  function preCommit(args: string[], cwd: string): { code: number | null; output: string } {
    const run = spawnSync('pre-commit', args, {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, PRE_COMMIT_HOME: path.join(cwd, '.cache'), NO_COLOR: '1', LANG: 'en_US.UTF-8' },
      timeout: 120_000,
    });
    assert.equal(run.error, undefined, `pre-commit is installed (scripts/install-pre-commit.sh): ${run.error}`);
    return { code: run.status, output: run.stdout + run.stderr };
  }

  function git(args: string[], cwd: string): void {
    const run = spawnSync('git', args, { cwd, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  }

  /**
   * A unit's repository using the hook. The manifest's hook is used as written except how it is installed:
   * `language: node` would `npm install` this repository from the registry, so the test runs the same entry with
   * `steward` being the CLI built here.
   */
  function repository(files: Record<string, string>): string {
    const dir = tempDir(files);
    const local = {
      ...hook,
      language: 'system',
      entry: hook.entry.replace(/^steward\b/, `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)}`),
    };
    fs.writeFileSync(
      path.join(dir, '.pre-commit-config.yaml'),
      JSON.stringify({ repos: [{ repo: 'local', hooks: [local] }] }, null, 2),
    );
    git(['init', '-q'], dir);
    git(['add', '.'], dir);
    return dir;
  }

  it('the manifest is valid for pre-commit; the hook runs steward validate on the whole repository', () => {
    assert.equal(preCommit(['validate-manifest', '.pre-commit-hooks.yaml'], ROOT).code, 0);
    assert.equal(hook.language, 'node');
    assert.match(hook.entry, /^steward validate$/);
    assert.equal(hook.pass_filenames, false);
  });

  it('its files pattern takes catalogs, registers, the configuration and .stewardignore, nothing else', () => {
    const files = new RegExp(hook.files);
    for (const name of [
      'a.catalog.yaml',
      'units/x/b.assets.yml',
      'steward.config.yaml',
      'sub/steward.config.yml',
      '.stewardignore',
    ])
      assert.match(name, files);
    for (const name of ['a.yaml', 'catalog.yaml', 'docs/a.catalog.yaml.md', 'a.assets.json', 'mysteward.config.yaml'])
      assert.doesNotMatch(name, files);
  });

  it('fails the commit on findings, passes when they are fixed, skips when no such file is staged', () => {
    const dir = repository({ 'units/a.assets.yaml': BROKEN, 'units/a.catalog.yaml': MINIMAL_CATALOG });
    const failing = preCommit(['run', '--all-files'], dir);
    assert.equal(failing.code, 1, failing.output);
    assert.match(failing.output, /steward validate.*Failed/);
    assert.match(failing.output, /DA-SCHEMA-003/);
    fs.writeFileSync(path.join(dir, 'units/a.assets.yaml'), MINIMAL_REGISTER);
    git(['add', '.'], dir);
    const passing = preCommit(['run', '--all-files'], dir);
    assert.equal(passing.code, 0, passing.output);
    assert.match(passing.output, /steward validate.*Passed/);
    const other = repository({ 'README.md': '# unit\n' });
    const skipped = preCommit(['run', '--all-files'], other);
    assert.equal(skipped.code, 0, skipped.output);
    assert.match(skipped.output, /steward validate.*Skipped/);
  });
});
