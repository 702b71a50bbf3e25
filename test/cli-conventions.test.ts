/**
 * The conventions people expect of a command-line tool: help per subcommand listing its options, clear errors for
 * unknown or misplaced options (exit 2, one line), and files left out by `.stewardignore` and the configuration's
 * `ignores` in the CLI and in the language server's workspace index.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { jsonReport, MINIMAL_REGISTER, runCli, tempDir } from './helpers';
import { LspClient } from './lsp-client';

const BROKEN = MINIMAL_REGISTER.replace('securityGrade: 一般数据', 'securityGrade: 普通数据');

describe('cli: help', () => {
  it('the main usage lists every command, lsp included, and points at the per-command help', () => {
    for (const locale of ['en', 'zh-CN']) {
      const help = runCli(['--help', '--locale', locale]);
      assert.equal(help.code, 0);
      for (const command of ['validate', 'codes', 'rules', 'explain', 'lsp'])
        assert.match(help.stdout, new RegExp(`^  ${command} `, 'm'), `${locale}: ${command}`);
      assert.match(help.stdout, /steward <(command|命令)> --help/);
    }
  });

  const OPTIONS: Record<string, string[]> = {
    validate: ['--format', '--output', '--max-warnings', '--quiet', '--fix', '--fix-dry-run', '--no-ignore', '--jobs'],
    codes: ['--limit', '--format', '--code-table'],
    rules: ['--format'],
    explain: ['--format'],
    lsp: ['--stdio', '--node-ipc', '--socket'],
  };
  for (const [command, options] of Object.entries(OPTIONS)) {
    it(`steward ${command} --help prints that command's usage and its options, and exits 0`, () => {
      for (const locale of ['en', 'zh-CN']) {
        const run = runCli([command, '--help', '--locale', locale]);
        assert.equal(run.code, 0, run.stderr);
        assert.equal(run.stderr, '');
        assert.match(run.stdout, new RegExp(`^(Usage|用法)[:：] ?steward ${command}`));
        for (const option of options) assert.ok(run.stdout.includes(option), `${locale} ${command}: ${option}`);
      }
      assert.equal(runCli(['help', command]).stdout, runCli([command, '-h']).stdout);
    });
  }

  it('the helps differ from each other and from the main usage', () => {
    const texts = ['validate', 'codes', 'rules', 'explain', 'lsp'].map((c) => runCli([c, '--help']).stdout);
    texts.push(runCli(['--help']).stdout);
    assert.equal(new Set(texts).size, texts.length);
  });

  it('steward lsp without a transport is a one-line usage error, not a stack trace', () => {
    const run = runCli(['lsp']);
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      'steward: steward lsp needs a transport: --stdio, --node-ipc, --socket=<port> or --pipe=<name>\n',
    );
    const help = runCli(['lsp', '--stdio', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: steward lsp --stdio/);
  });
});

describe('cli: option errors', () => {
  it('an unknown option names itself and the help to read, exit 2', () => {
    const run = runCli(['rules', '--json']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'steward: Unknown option --json. Run steward rules --help for the options.\n');
    const zh = runCli(['validate', '-x'], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(zh.code, 2);
    assert.equal(zh.stderr, 'steward: 未知选项 -x。运行 steward validate --help 查看可用选项。\n');
  });

  it("another command's option is an error, not silently ignored", () => {
    for (const [args, option, command] of [
      [['rules', '--jobs', '2'], 'jobs', 'rules'],
      [['codes', 'search', '数据', '--fix'], 'fix', 'codes'],
      [['explain', 'DA-AUTH-001', '--limit', '3'], 'limit', 'explain'],
      [['validate', '--limit', '3'], 'limit', 'validate'],
    ] as const) {
      const run = runCli([...args], { cwd: tempDir() });
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(
        run.stderr,
        `steward: The option --${option} does not apply to steward ${command}. Run steward ${command} --help for its options.\n`,
      );
    }
  });

  it('codes --limit is honoured and documented', () => {
    const run = runCli(['codes', 'search', 'A08', '--limit', '2']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout.trim().split('\n').length, 2);
    assert.match(runCli(['codes', '--help']).stdout, /--limit <N>/);
  });
});

describe('cli: ignored files', () => {
  function workspace(extra: Record<string, string> = {}): string {
    return tempDir({
      'a.assets.yaml': BROKEN,
      'drafts/b.assets.yaml': BROKEN,
      'old/c.assets.yaml': BROKEN,
      'old/keep.assets.yaml': BROKEN,
      ...extra,
    });
  }
  const checked = (dir: string, args: string[] = []) =>
    jsonReport(runCli(['validate', '--format', 'json', ...args], { cwd: dir })).files.map((f) => f.path);

  it('.stewardignore (gitignore syntax, negation included) leaves files out of a folder walk', () => {
    const dir = workspace({ '.stewardignore': '# drafts are not submitted\ndrafts/\nold/*\n!old/keep.assets.yaml\n' });
    assert.deepEqual(checked(dir), ['a.assets.yaml', 'old/keep.assets.yaml']);
    assert.deepEqual(checked(dir, ['--no-ignore']).length, 4);
  });

  it("the configuration's ignores, relative to its folder, from a subfolder too, and with .stewardignore", () => {
    const dir = workspace({
      'steward.config.yaml': 'ignores:\n  - drafts/\n',
      '.stewardignore': 'old/c.assets.yaml\n',
    });
    assert.deepEqual(checked(dir), ['a.assets.yaml', 'old/keep.assets.yaml']);
    const fromOld = jsonReport(runCli(['validate', '--format', 'json'], { cwd: path.join(dir, 'old') }));
    assert.deepEqual(
      fromOld.files.map((f) => f.path),
      ['keep.assets.yaml'],
    );
  });

  it('the configuration schema accepts ignores and rejects a non-list', () => {
    const ok = tempDir({ 'a.assets.yaml': MINIMAL_REGISTER, 'steward.config.yaml': 'ignores: ["x/", "!y"]\n' });
    assert.equal(runCli(['validate'], { cwd: ok }).code, 0);
    const bad = tempDir({ 'a.assets.yaml': MINIMAL_REGISTER, 'steward.config.yaml': 'ignores: drafts/\n' });
    const run = runCli(['validate'], { cwd: bad });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /steward\.config\.yaml:1:10: error .*ignores/);
  });

  it('a file named on the command line and ignored is skipped with a warning (as ESLint does), exit 0', () => {
    const dir = workspace({ '.stewardignore': 'drafts/\n' });
    const run = runCli(['validate', 'drafts/b.assets.yaml'], { cwd: dir });
    assert.equal(run.code, 0, run.stdout);
    assert.equal(run.stdout, '');
    assert.equal(
      run.stderr,
      "steward: drafts/b.assets.yaml: File ignored because of a matching ignore pattern (.stewardignore or the configuration's ignores); use --no-ignore to check it\n",
    );
    const forced = runCli(['validate', 'drafts/b.assets.yaml', '--no-ignore'], { cwd: dir });
    assert.equal(forced.code, 1);
    assert.equal(forced.stderr, '');
    // Next to a file that is checked, the ignored one still only warns.
    const both = runCli(['validate', 'drafts/b.assets.yaml', 'a.assets.yaml', '--format', 'json'], { cwd: dir });
    assert.deepEqual(
      jsonReport(both).files.map((f) => f.path),
      ['a.assets.yaml'],
    );
    assert.match(both.stderr, /drafts\/b\.assets\.yaml: File ignored/);
  });
});

describe('lsp: the workspace index leaves ignored files out', () => {
  let client: LspClient | undefined;
  afterEach(async () => client?.close());

  async function indexedFiles(dir: string): Promise<number> {
    client = new LspClient();
    await client.ready(dir);
    const summary = (await client.connection.sendRequest('steward/validateWorkspace')) as { files: number };
    await client.close();
    client = undefined;
    return summary.files;
  }

  it('.stewardignore and the configuration’s ignores, over stdio', async () => {
    const files = { 'a.assets.yaml': BROKEN, 'drafts/b.assets.yaml': BROKEN, 'old/c.assets.yaml': BROKEN };
    assert.equal(await indexedFiles(tempDir(files)), 3);
    assert.equal(await indexedFiles(tempDir({ ...files, '.stewardignore': 'drafts/\n' })), 2);
    const both = tempDir({ ...files, '.stewardignore': 'drafts/\n', 'steward.config.yaml': 'ignores: [old/]\n' });
    assert.equal(await indexedFiles(both), 1);
    client = new LspClient();
    await client.ready(both);
    const state = (await client.connection.sendRequest('steward/fileState', {
      uri: URI.file(fs.realpathSync(path.join(both, 'drafts', 'b.assets.yaml'))).toString(),
    })) as { steward: boolean };
    assert.equal(state.steward, false);
  });

  it('a .stewardignore written while the server runs re-indexes: the ignored file and its diagnostics go', async () => {
    const dir = fs.realpathSync(tempDir({ 'a.assets.yaml': BROKEN, 'drafts/b.assets.yaml': BROKEN }));
    client = new LspClient();
    await client.ready(dir);
    const draft = URI.file(path.join(dir, 'drafts', 'b.assets.yaml')).toString();
    const kept = URI.file(path.join(dir, 'a.assets.yaml')).toString();
    assert.ok((await client.diagnosticsFor(draft)).diagnostics.length > 0);
    const ends = () => client!.progress.filter((p) => (p as { kind: string }).kind === 'end').length;
    const indexedBefore = ends();
    fs.writeFileSync(path.join(dir, '.stewardignore'), 'drafts/\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: URI.file(path.join(dir, '.stewardignore')).toString(), type: 1 }],
    });
    await client.diagnosticsFor(draft, (published) => published.diagnostics.length === 0);
    await new Promise<void>((resolve) => {
      const check = () => (ends() > indexedBefore ? resolve() : setTimeout(check, 5));
      check();
    });
    const state = (await client.connection.sendRequest('steward/fileState', { uri: draft })) as { steward: boolean };
    assert.equal(state.steward, false);
    assert.ok(client.diagnostics.get(kept)!.diagnostics.length > 0, 'the other file keeps its diagnostics');
    // A change of an ignored file on disk does not bring it back. The server handles an ignored file's change
    // without waiting on anything, so the request sent after it is answered after it.
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: draft, type: 2 }] });
    const after = (await client.connection.sendRequest('steward/fileState', { uri: draft })) as { steward: boolean };
    assert.equal(after.steward, false);
  });
});
