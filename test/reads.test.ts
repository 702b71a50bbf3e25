/**
 * Reading files safely (issue 16): every read refuses what is not a regular file and stops at the size limit
 * while reading; paths in steward.config.yaml stay in its folder; no file is read twice; the language server
 * survives the same files and reads no configured code table in an untrusted workspace. The CLI runs for real
 * (the bundle, in a child process) under a deadline and a small heap, so that a read that never ends fails the
 * test instead of hanging it. The large and slow cases (memory, time) are in scripts/stress-reads.mjs.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, MINIMAL_REGISTER, tempDir } from './helpers';
import { LspClient, SERVER, uriOf } from './lsp-client';
import { readFileBytes } from '../server/src/host/read';
import { parseConfig } from '../server/src/service/config';
import { URI } from 'vscode-uri';

/** Runs the bundled CLI with a deadline and a heap of 96 MB: a read without end fails fast. */
function steward(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--max-old-space-size=96', CLI, ...args], {
    cwd,
    env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1', FORCE_COLOR: '' },
    encoding: 'utf8',
    timeout: 15_000,
    killSignal: 'SIGKILL',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

/** A register whose classification code only a unit's own table (codes.csv below) knows. */
const OWN_CODE_REGISTER = MINIMAL_REGISTER.replace('A08060201', 'A08060299');
const OWN_CODES_CSV = 'code,name\nA08000000,无形资产\nA08060000,信息数据\nA08060200,数据\nA08060299,本单位自定义数据\n';

describe('reads: non-regular files are refused, never opened to block or read without end', function () {
  this.timeout(60_000);

  it('a *.assets.yaml link to /dev/zero named on the command line is refused, naming the file and what it is', () => {
    const dir = tempDir({ 'good.assets.yaml': MINIMAL_REGISTER });
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.assets.yaml'));
    const run = steward(['validate', 'zero.assets.yaml', 'good.assets.yaml', '--format', 'json'], dir);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as {
      files: Array<{ path: string; findings: Array<{ ruleId: string; message: string }> }>;
    };
    const zero = report.files.find((f) => f.path === 'zero.assets.yaml')!;
    assert.deepEqual(
      zero.findings.map((f) => [f.ruleId, f.message]),
      [['DA-FILE-001', 'Cannot read the file: it is a character device, not a regular file']],
    );
    assert.deepEqual(report.files.find((f) => f.path === 'good.assets.yaml')!.findings, []);
  });

  it('a glob over a folder with a /dev/zero link checks the other files and not the link', () => {
    const dir = tempDir({ 'good.assets.yaml': MINIMAL_REGISTER });
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.assets.yaml'));
    for (const args of [['validate', '*.assets.yaml'], ['validate']]) {
      const run = steward([...args, '--format', 'json'], dir);
      assert.equal(run.code, 0, `${args.join(' ')}: ${run.stderr}`);
      const report = JSON.parse(run.stdout) as { files: Array<{ path: string }> };
      assert.deepEqual(
        report.files.map((f) => f.path),
        ['good.assets.yaml'],
      );
    }
  });

  it('a FIFO named on the command line is refused at once, without waiting for a writer', () => {
    const dir = tempDir({ 'good.assets.yaml': MINIMAL_REGISTER });
    mkfifo(path.join(dir, 'pipe.assets.yaml'));
    const run = steward(['validate', 'pipe.assets.yaml'], dir);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /pipe\.assets\.yaml {2}\(could not be read\)/);
    assert.match(run.stdout, /DA-FILE-001\s+Cannot read the file: it is a named pipe \(FIFO\), not a regular file/);
  });

  it('a FIFO as --config, or steward.config.yaml linked to /dev/zero, is a usage error naming the file', () => {
    const dir = tempDir({ 'good.assets.yaml': MINIMAL_REGISTER });
    mkfifo(path.join(dir, 'pipe.yaml'));
    const fifo = steward(['validate', '--config', 'pipe.yaml'], dir);
    assert.equal(fifo.code, 2, fifo.stderr);
    assert.equal(
      fifo.stderr,
      'steward: Cannot read the configuration file pipe.yaml: Cannot read the file: it is a named pipe (FIFO), not a regular file\n',
    );
    fs.symlinkSync('/dev/zero', path.join(dir, 'steward.config.yaml'));
    const zero = steward(['validate'], dir);
    assert.equal(zero.code, 2, zero.stderr);
    assert.equal(
      zero.stderr,
      'steward: Cannot read the configuration file steward.config.yaml: Cannot read the file: it is a character device, not a regular file\n',
    );
  });

  it('a code table linked to /dev/zero (allowed out of the folder) is refused, naming it', () => {
    const dir = tempDir({ 'good.assets.yaml': MINIMAL_REGISTER, 'steward.config.yaml': 'codeTable: codes.csv\n' });
    fs.symlinkSync('/dev/zero', path.join(dir, 'codes.csv'));
    const run = steward(['validate', '--allow-outside-paths'], dir);
    assert.equal(run.code, 2, run.stderr);
    assert.equal(
      run.stderr,
      'steward: Cannot read the code table codes.csv: Cannot read the file: it is a character device, not a regular file\n',
    );
    const named = steward(['validate', '--code-table', '/dev/zero'], tempDir({ 'good.assets.yaml': MINIMAL_REGISTER }));
    assert.equal(named.code, 2, named.stderr);
    assert.match(
      named.stderr,
      /^steward: Cannot read the code table [./]*dev\/zero: Cannot read the file: it is a character device/,
    );
  });

  it('the size limit holds while reading: a file whose size says 0 (/proc) stops at the limit', () => {
    // /proc files are regular files whose stat size is 0 whatever they hold: only a limit kept while reading
    // catches them (as it catches a file that grows between stat and read).
    const file = '/proc/self/maps';
    assert.equal(fs.statSync(file).size, 0);
    const read = readFileBytes(file, { maxBytes: 64, limitOption: '--max-file-size' });
    assert.deepEqual(read, {
      ok: false,
      failure: { kind: 'too-large', limit: 64, size: undefined, limitOption: '--max-file-size' },
    });
    const whole = readFileBytes(file, { maxBytes: 1024 * 1024 });
    assert.ok(whole.ok && whole.bytes.length > 64);
  });
});

describe('reads: a configured code table stays in its folder up to the read', () => {
  it('readFileBytes with `within` checks the opened file: a link out is refused, a file inside is read', () => {
    const outside = tempDir({ 'secret.csv': 'code,name\n' });
    const dir = tempDir({ 'own.csv': OWN_CODES_CSV });
    fs.symlinkSync(path.join(outside, 'secret.csv'), path.join(dir, 'codes.csv'));
    assert.deepEqual(readFileBytes(path.join(dir, 'codes.csv'), { maxBytes: 1024, within: dir }), {
      ok: false,
      failure: { kind: 'outside', folder: dir },
    });
    const inside = readFileBytes(path.join(dir, 'own.csv'), { maxBytes: 1024, within: dir });
    assert.ok(inside.ok && inside.bytes.toString() === OWN_CODES_CSV);
    assert.ok(readFileBytes(path.join(dir, 'codes.csv'), { maxBytes: 1024 }).ok);
  });
});

describe('reads: standard input stops at the limit', function () {
  this.timeout(60_000);

  it('endless standard input (as from `yes`) stops at --max-file-size with DA-FILE-004, not an internal error', async () => {
    const child = spawn(
      process.execPath,
      ['--max-old-space-size=96', CLI, 'validate', '--stdin', '--max-file-size', '1'],
      {
        env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.on('error', () => undefined); // the CLI lets go of its input at the limit: EPIPE here
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let gone = false;
    void exited.then(() => (gone = true));
    // Writes "y\n" lines until the CLI exits; 32 MB at most, so that a CLI that reads on ends its input anyway.
    const chunk = Buffer.from('y\n'.repeat(32 * 1024));
    for (let written = 0; !gone && written < 32 * 1024 * 1024; written += chunk.length) {
      if (!child.stdin.write(chunk))
        await new Promise((resolve) => child.stdin.once('drain', resolve).once('close', resolve));
      if (child.stdin.destroyed) break;
    }
    if (!child.stdin.destroyed) child.stdin.end();
    const code = await exited;
    assert.equal(code, 1, stderr);
    assert.equal(stderr, '');
    assert.match(stdout, /<stdin> {2}\(could not be read\)/);
    assert.match(
      stdout.replace(/\s+/g, ' '),
      /DA-FILE-004 Reading stopped at the 1\.0 MB limit before the end; not checked \(raise it with --max-file-size\)/,
    );
  });
});

describe('reads: paths in steward.config.yaml stay in its folder', function () {
  this.timeout(60_000);
  const SECRET = 'root:$6$SECRET-HASH-LINE:20228:0:99999:7:::';

  /** A workspace beside a "secret" file that is not a code table. */
  function workspace(config: string): { dir: string; secret: string } {
    const outside = tempDir({ shadow: `${SECRET}\n` });
    const dir = tempDir({ 'good.assets.yaml': OWN_CODE_REGISTER, 'steward.config.yaml': config });
    return { dir, secret: path.join(outside, 'shadow') };
  }

  it('codeTable going up with .., absolute, or through a link out: DA-CONFIG-002 at the key, nothing read', () => {
    const up = workspace('');
    const relativeUp = path.relative(up.dir, up.secret);
    for (const [config, link] of [
      [`codeTable: ${relativeUp}\n`, false],
      [`codeTable: ${up.secret}\n`, false],
      ['codeTable: codes.csv\n', true],
    ] as const) {
      fs.writeFileSync(path.join(up.dir, 'steward.config.yaml'), config);
      fs.rmSync(path.join(up.dir, 'codes.csv'), { force: true });
      if (link) fs.symlinkSync(up.secret, path.join(up.dir, 'codes.csv'));
      const run = steward(['validate'], up.dir);
      assert.equal(run.code, 2, run.stderr);
      assert.ok(!run.stderr.includes('SECRET'), run.stderr);
      const value = config.slice('codeTable: '.length, -1);
      assert.equal(
        run.stderr.split('\n')[0],
        link
          ? `steward.config.yaml:1:12: error The codeTable path '${value}' leads through a symbolic link out of the configuration's folder and is not used (the CLI's --allow-outside-paths allows it)  DA-CONFIG-002`
          : `steward.config.yaml:1:12: error The codeTable path '${value}' leads out of the configuration's folder and is not used (the CLI's --allow-outside-paths allows it)  DA-CONFIG-002`,
      );
    }
  });

  it('allowed out of the folder, a file that is no code table is refused without quoting a line of it', () => {
    const { dir, secret } = workspace('');
    for (const [config, args] of [
      [`codeTable: ${secret}\n`, ['validate', '--allow-outside-paths']],
      ['', ['validate', '--code-table', secret]],
    ] as const) {
      fs.writeFileSync(path.join(dir, 'steward.config.yaml'), config);
      const run = steward([...args], dir);
      assert.ok(!run.stderr.includes('SECRET') && !run.stdout.includes('SECRET'), run.stderr);
      assert.match(
        run.stderr,
        /shadow:1:1: error code table: This is not an asset classification code table: no code could be read from it \(its content is not shown\)/,
      );
    }
  });

  it('a code table inside the folder is read as before', () => {
    const { dir } = workspace('codeTable: codes/own.csv\n');
    fs.mkdirSync(path.join(dir, 'codes'));
    fs.writeFileSync(path.join(dir, 'codes', 'own.csv'), OWN_CODES_CSV);
    const run = steward(['validate'], dir);
    assert.deepEqual([run.code, run.stdout, run.stderr], [0, '', '']);
  });

  it('files patterns leading out are DA-CONFIG-002 and match nothing outside', () => {
    const { dir, secret } = workspace('');
    fs.writeFileSync(path.join(dir, 'steward.config.yaml'), `files:\n  - "${secret}"\n  - "../**/*.assets.yaml"\n`);
    const run = steward(['validate'], dir);
    assert.equal(run.code, 2, run.stderr);
    assert.deepEqual(
      run.stderr.split('\n').map((line) => line.replace(/ leads out.*/, '')),
      [
        `steward.config.yaml:2:5: error The files path '${secret}'`,
        "steward.config.yaml:3:5: error The files path '../**/*.assets.yaml'",
        'steward: The configuration file steward.config.yaml has errors (see above)',
        '',
      ],
    );
  });

  it('parseConfig: .. that stays inside is fine; absolute, up and brace-hidden .. are not', () => {
    const known = () => true;
    const ids = (text: string, allowOutsidePaths = false) =>
      parseConfig(text, 'c.yaml', known, { allowOutsidePaths }).findings.map(
        (f) => `${f.ruleId}@${f.range.start.line + 1}:${f.range.start.character + 1}`,
      );
    assert.deepEqual(ids('codeTable: codes/../own.csv\nfiles: ["a/**/*.assets.yaml"]\n'), []);
    assert.deepEqual(ids('codeTable: a/../../own.csv\n'), ['DA-CONFIG-002@1:12']);
    assert.deepEqual(ids('codeTable: C:\\\\codes.csv\n'), ['DA-CONFIG-002@1:12']);
    assert.deepEqual(ids('files: ["{..,x}/*.yaml", "a/**"]\n'), ['DA-CONFIG-002@1:9']);
    assert.deepEqual(ids('codeTable: /etc/shadow\nfiles: ["/etc/**"]\n', true), []);
    const { config } = parseConfig('codeTable: /etc/shadow\nfiles: ["/etc/**", "a/**"]\n', 'c.yaml', known);
    assert.deepEqual([config.codeTable, config.files], [undefined, ['a/**']]);
  });
});

describe('reads: globs read no file twice, code-table problems are capped', function () {
  this.timeout(60_000);

  it('a link to its own folder (loops/loop -> .) does not list loops/good again', () => {
    const dir = tempDir({ 'loops/good.assets.yaml': MINIMAL_REGISTER });
    fs.symlinkSync('.', path.join(dir, 'loops', 'loop'));
    for (const args of [
      ['validate', 'loops/**/*.assets.yaml'],
      ['validate', 'loops'],
      ['validate', 'loops/good.assets.yaml', 'loops/loop/good.assets.yaml'],
    ]) {
      const run = steward([...args, '--format', 'json'], dir);
      assert.equal(run.code, 0, `${args.join(' ')}: ${run.stdout}`);
      assert.equal((JSON.parse(run.stdout) as { files: unknown[] }).files.length, 1, args.join(' '));
    }
  });

  it('a code table with 50 bad rows shows 20 problems and a summary line', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `X${i},bad`).join('\n');
    const dir = tempDir({ 'good.assets.yaml': MINIMAL_REGISTER, 'codes.csv': `${OWN_CODES_CSV}${rows}\n` });
    const run = steward(['validate', '--code-table', 'codes.csv'], dir);
    const lines = run.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 21, run.stderr);
    assert.ok(lines.slice(0, 20).every((line) => /^codes\.csv:\d+:1: error code table: /.test(line)));
    assert.equal(lines[20], 'codes.csv: 30 more code table problems not shown');
  });
});

/** `initialize` with initializationOptions (the client's workspace trust), as the VS Code extension sends it. */
async function initialize(client: LspClient, folder: string, initializationOptions?: unknown): Promise<void> {
  const uri = URI.file(folder).toString();
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: path.basename(folder) }],
    locale: 'en',
    initializationOptions,
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      window: { workDoneProgress: true },
    },
  });
  await client.connection.sendNotification('initialized', {});
}

describe('reads: the language server', function () {
  this.timeout(60_000);
  let client: LspClient;
  afterEach(async () => client?.close());

  it('indexes a workspace with a /dev/zero link and a FIFO: skips them, checks the others, logs a changed one', async () => {
    const dir = tempDir({ 'bad.assets.yaml': MINIMAL_REGISTER.replace('一般数据', '普通数据') });
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.assets.yaml'));
    mkfifo(path.join(dir, 'pipe.assets.yaml'));
    client = new LspClient(['--max-old-space-size=96', SERVER, '--stdio']);
    const bad = uriOf(path.join(dir, 'bad.assets.yaml'));
    const waiting = client.nextDiagnostics(bad);
    await initialize(client, dir);
    assert.deepEqual(
      (await waiting).diagnostics.map((d) => d.code),
      ['DA-SCHEMA-003'],
    );
    // The editor reports the link as changed: the server reads it through the same reader, says why not, goes on.
    const zero = uriOf(path.join(dir, 'zero.assets.yaml'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: zero, type: 2 }] });
    const summary = await client.request<{ files: number }>('steward/validateWorkspace', null);
    assert.equal(summary.files, 1);
    const logged = client.logs.map((l) => l.message).filter((m) => m.includes('zero.assets.yaml'));
    assert.deepEqual(logged, [
      `${path.join(dir, 'zero.assets.yaml')}: Cannot read the file: it is a character device, not a regular file (DA-FILE-001)`,
    ]);
    assert.equal(client.diagnostics.get(zero), undefined);
  });

  it('reads the configured code table in a trusted workspace, and only the built-in one in an untrusted one', async () => {
    const dir = tempDir({
      'a.assets.yaml': OWN_CODE_REGISTER,
      'codes.csv': OWN_CODES_CSV,
      'steward.config.yaml': 'codeTable: codes.csv\n',
    });
    const uri = uriOf(path.join(dir, 'a.assets.yaml'));
    const codesOf = async (options: unknown) => {
      client = new LspClient();
      const waiting = client.nextDiagnostics(uri);
      await initialize(client, dir, options);
      const codes = (await waiting).diagnostics.map((d) => d.code);
      const logs = client.logs.map((l) => l.message);
      await client.close();
      return { codes, logs };
    };
    assert.deepEqual((await codesOf(undefined)).codes, []);
    assert.deepEqual((await codesOf({ workspaceTrusted: true })).codes, []);
    const untrusted = await codesOf({ workspaceTrusted: false });
    assert.deepEqual(untrusted.codes, ['DA-CODE-001']);
    assert.ok(
      untrusted.logs.includes(
        'The workspace is not trusted: the configured code table codes.csv is not read; the built-in table is used',
      ),
      untrusted.logs.join('\n'),
    );
  });

  it('an untrusted workspace trusted later reads its code table (steward/workspaceTrusted)', async () => {
    const dir = tempDir({
      'a.assets.yaml': OWN_CODE_REGISTER,
      'codes.csv': OWN_CODES_CSV,
      'steward.config.yaml': 'codeTable: codes.csv\n',
    });
    const uri = uriOf(path.join(dir, 'a.assets.yaml'));
    client = new LspClient();
    const first = client.nextDiagnostics(uri);
    await initialize(client, dir, { workspaceTrusted: false });
    assert.deepEqual(
      (await first).diagnostics.map((d) => d.code),
      ['DA-CODE-001'],
    );
    const after = client.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification('steward/workspaceTrusted', {});
    assert.deepEqual((await after).diagnostics, []);
  });
});
