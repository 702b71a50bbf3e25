import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspClient, uriOf } from './lsp-client';
import { tempDir, MINIMAL_CATALOG, MINIMAL_REGISTER, ROOT, random, registerOf } from './helpers';
import { LineIndex } from '../server/src/service/parser/lines';
import { createStewardService } from '../server/src/service';

describe('lsp: the bundled server over stdio', function () {
  this.timeout(60_000);
  let client: LspClient;
  afterEach(async () => client?.close());

  it('indexes the workspace with progress and publishes diagnostics for files not open', async () => {
    client = new LspClient();
    const examples = path.join(ROOT, 'examples');
    const enumFile = uriOf(path.join(examples, 'invalid', 'wrong-enum.catalog.yaml'));
    const waiting = client.nextDiagnostics(enumFile);
    await client.initialize(examples);
    const published = await waiting;
    assert.deepEqual(
      published.diagnostics
        .filter((d) => d.code !== 'DA-REF-002')
        .map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1, d.severity]),
      [['DA-SCHEMA-003', 24, 20, 1]],
    );
    const valid = await client.diagnosticsFor(uriOf(path.join(examples, 'transport-bureau', 'transport.assets.yaml')));
    assert.deepEqual(valid.diagnostics, []);
    assert.ok(client.progress.some((p) => (p as { kind: string }).kind === 'begin'));
    assert.ok(client.progress.some((p) => (p as { kind: string }).kind === 'end'));
  });

  it("re-validates an open document on each edit, version by version, in the client's locale", async () => {
    client = new LspClient();
    const dir = tempDir({ 'a.catalog.yaml': MINIMAL_CATALOG });
    await client.initialize(dir, 'zh-cn');
    const uri = uriOf(path.join(dir, 'a.assets.yaml'));
    client.open(uri, MINIMAL_REGISTER);
    assert.deepEqual((await client.nextDiagnostics(uri)).diagnostics, []);
    // securityGrade: 一般数据 -> 普通数据 (line 13, characters 19..23)
    const version = client.change(
      uri,
      { start: { line: 12, character: 19 }, end: { line: 12, character: 21 } },
      '普通',
    );
    const after = await client.nextDiagnostics(uri, (p) => p.version === version);
    assert.deepEqual(
      after.diagnostics.map((d) => d.code),
      ['DA-SCHEMA-003'],
    );
    assert.match(after.diagnostics[0].message, /“普通数据”不是“securityGrade”（数据分级）的有效值/);
  });

  it('after 120 random edits sent as an editor sends them (bursts, several changes per notification), diagnostics equal a fresh check', async () => {
    client = new LspClient();
    const dir = tempDir();
    await client.initialize(dir);
    const uri = uriOf(path.join(dir, 'r.assets.yaml'));
    let text = registerOf(12);
    client.open(uri, text);
    await client.nextDiagnostics(uri);
    const next = random(31);
    const pieces = [
      'x',
      ' ',
      '\n',
      ':',
      '#',
      '普通',
      '\n    note: 备注',
      '\n  - id: DA-NEW\n    name: 新',
      '[',
      '\r\n',
    ];
    let version = 1;
    for (let step = 0; step < 120; step++) {
      const events = [];
      for (let n = 1 + next(3); n > 0; n--) {
        // A position cannot address the middle of a CRLF pair: an editor never sends one, so neither does this.
        const outsideCrlf = (offset: number) =>
          text[offset - 1] === '\r' && text[offset] === '\n' ? offset + 1 : offset;
        const start = outsideCrlf(next(text.length + 1));
        const end = outsideCrlf(Math.min(text.length, start + (next(3) === 0 ? next(6) : 0)));
        const insert = next(4) === 0 ? '' : pieces[next(pieces.length)];
        const lines = new LineIndex(text);
        events.push({ range: { start: lines.positionAt(start), end: lines.positionAt(end) }, text: insert });
        text = text.slice(0, start) + insert + text.slice(end);
      }
      version = client.changeMany(uri, events);
      // Bursts: most steps do not wait, so the server sees several notifications before it checks.
      if (step % 4 !== 3 && step !== 119) continue;
      const published = await client.nextDiagnostics(uri, (p) => p.version === version);
      const fresh = createStewardService().validate(path.join(dir, 'r.assets.yaml'), text).findings;
      const shape = (
        code: unknown,
        range: { start: { line: number; character: number }; end: { line: number; character: number } },
      ) => `${String(code)} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
      assert.deepEqual(
        published.diagnostics.map((d) => shape(d.code, d.range)),
        fresh.map((f) => shape(f.ruleId, f.range)),
        `step ${step}`,
      );
    }
  });

  it("cross-file: fixing a catalog clears an open register's finding", async () => {
    client = new LspClient();
    const dir = tempDir({ 'a.catalog.yaml': MINIMAL_CATALOG.replace('R-330100-JT-0001', 'R-330100-JT-0002') });
    await client.initialize(dir);
    const register = uriOf(path.join(dir, 'a.assets.yaml'));
    client.open(register, MINIMAL_REGISTER);
    // Once the workspace is indexed, the reference is checked against the catalog on disk.
    const first = await client.diagnosticsFor(register, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      first.diagnostics.map((d) => d.code),
      ['DA-REF-001'],
    );
    const catalog = uriOf(path.join(dir, 'a.catalog.yaml'));
    client.open(catalog, fs.readFileSync(path.join(dir, 'a.catalog.yaml'), 'utf8'));
    await client.nextDiagnostics(catalog);
    client.change(catalog, { start: { line: 8, character: 23 }, end: { line: 8, character: 24 } }, '1');
    const cleared = await client.nextDiagnostics(register, (p) => p.diagnostics.length === 0);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('leaves YAML files that are not steward documents alone', async () => {
    client = new LspClient();
    const dir = tempDir();
    await client.initialize(dir);
    const uri = uriOf(path.join(dir, 'docker-compose.yaml'));
    client.open(uri, 'services:\n  web:\n    image: nginx\n');
    assert.deepEqual((await client.nextDiagnostics(uri)).diagnostics, []);
  });

  it('applies rule settings from the editor', async () => {
    client = new LspClient();
    const dir = tempDir();
    client.settings = { rules: { 'DA-CODE-002': 'error' } };
    await client.initialize(dir);
    const uri = uriOf(path.join(dir, 'a.assets.yaml'));
    client.open(uri, MINIMAL_REGISTER.replace('A08060201', 'A08060301'));
    const published = await client.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.severity === 1));
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.severity]),
      [['DA-CODE-002', 1]],
    );
  });

  it('steward lsp --stdio starts the same server from the CLI', async () => {
    client = new LspClient([path.join(ROOT, 'dist', 'steward.js'), 'lsp', '--stdio']);
    const result = (await client.initialize(tempDir())) as { serverInfo: { name: string } };
    assert.equal(result.serverInfo.name, 'steward');
  });
});

describe('lsp: reacting to settings and to files changed on disk', function () {
  this.timeout(60_000);
  let client: LspClient;
  afterEach(async () => client?.close());

  it('a settings change re-validates with the new rule severities', async () => {
    client = new LspClient();
    const dir = tempDir();
    await client.ready(dir);
    const uri = uriOf(path.join(dir, 'a.assets.yaml'));
    client.open(uri, MINIMAL_REGISTER.replace('A08060201', 'A08060301'));
    const before = await client.diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      before.diagnostics.map((d) => [d.code, d.severity]),
      [['DA-CODE-002', 2]],
    );
    client.settings = { rules: { 'DA-CODE-002': 'off' } };
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after = await client.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    assert.deepEqual(after.diagnostics, []);
  });

  it("a catalog changed on disk updates an open register's cross-file finding", async () => {
    client = new LspClient();
    const dir = tempDir({ 'a.catalog.yaml': MINIMAL_CATALOG });
    await client.ready(dir);
    const uri = uriOf(path.join(dir, 'b.assets.yaml'));
    client.open(uri, MINIMAL_REGISTER);
    assert.deepEqual((await client.diagnosticsFor(uri)).diagnostics, []);
    fs.writeFileSync(path.join(dir, 'a.catalog.yaml'), MINIMAL_CATALOG.replace('R-330100-JT-0001', 'R-330100-JT-0002'));
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(path.join(dir, 'a.catalog.yaml')), type: 2 }],
    });
    const after = await client.nextDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      after.diagnostics.map((d) => d.code),
      ['DA-REF-001'],
    );
  });
});

describe('lsp: files above steward.validation.maxFileSize', function () {
  this.timeout(60_000);
  let client: LspClient;
  afterEach(async () => client?.close());

  it('are checked on open and on save only, and the server says so once, in the status and in words', async () => {
    client = new LspClient();
    client.settings = { validation: { maxFileSize: 1 } }; // 1 KB: the minimal register is larger
    const dir = tempDir();
    await client.ready(dir);
    const uri = uriOf(path.join(dir, 'big.assets.yaml'));
    const text = MINIMAL_REGISTER.replace('A08060201', 'A08060301') + `# ${'备注'.repeat(600)}\n`;
    assert.ok(text.length > 1024);
    client.open(uri, text);
    const opened = await client.diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
    // The finding, and on the file itself the notice that it is checked on open and save only.
    assert.deepEqual(
      opened.diagnostics.map((d) => d.code),
      ['DA-CODE-002', 'steward.largeFile'],
    );
    // The status notification follows the diagnostics: a round trip makes sure it has arrived.
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(client.statuses.filter((s) => s.uri === uri).at(-1)?.mode, 'save-only');
    const told = client.messages.filter((m) => m.message.includes('steward.validation.maxFileSize'));
    assert.equal(told.length, 1);
    assert.match(
      told[0].message,
      /big\.assets\.yaml is [\d.]+ MB, above steward\.validation\.maxFileSize \(0\.0 MB\): it is checked when opened and saved/,
    );

    // Typing the fix publishes nothing; saving publishes the fixed state.
    const at = text.split('\n').findIndex((line) => line.includes('A08060301'));
    const character = text.split('\n')[at].indexOf('A08060301') + 'A08060'.length;
    const version = client.change(
      uri,
      { start: { line: at, character }, end: { line: at, character: character + 1 } },
      '2',
    );
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    void client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const saved = await client.nextDiagnostics(uri, (p) => p.version === version);
    assert.deepEqual(
      saved.diagnostics.map((d) => d.code),
      ['steward.largeFile'],
      'the notice stays while the file is over the limit',
    );
    // A round trip after the save: any publish the edit had scheduled would have arrived by now.
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(
      client.published.filter((p) => p.uri === uri && p.version === version).length,
      1,
      'only the save published the new version',
    );
    assert.equal(
      client.messages.filter((m) => m.message.includes('steward.validation.maxFileSize')).length,
      1,
      'said once',
    );
  });
});

describe('lsp: a large file checked from scratch', function () {
  this.timeout(120_000);
  let client: LspClient;
  afterEach(async () => client?.close());

  it('runs in steps: a request sent after the open is answered before the check ends, and edits cancel the stale check', async () => {
    client = new LspClient();
    const dir = tempDir();
    await client.ready(dir);
    const uri = uriOf(path.join(dir, 'big.assets.yaml'));
    // The last asset's code is outside the data codes (DA-CODE-002).
    let text = registerOf(4000, (asset, n) => (n === 4000 ? asset.replace('A08060201', 'A08060301') : asset));
    // Two edits while the open's check runs: each check started from scratch is replaced by the next one. All is
    // worked out before the open and sent at once behind it (open, hover, edit, edit), so that nothing the test
    // computes meanwhile lets the open's check finish first.
    const lines = text.split('\n');
    const nameLine = lines.findIndex((line) => line.startsWith('    name: '));
    const codeLine = lines.lastIndexOf(lines.find((line) => line.includes('A08060301'))!);
    const column = lines[codeLine].indexOf('A08060301') + 'A08060'.length;
    const twiceEdited = lines
      .map((line, i) =>
        i === nameLine
          ? line.slice(0, 10) + 'x' + line.slice(10)
          : i === codeLine
            ? line.slice(0, column) + '2' + line.slice(column + 1)
            : line,
      )
      .join('\n');
    client.open(uri, text);
    const hovered = client.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 0 },
    });
    client.change(uri, { start: { line: nameLine, character: 10 }, end: { line: nameLine, character: 10 } }, 'x');
    const version = client.change(
      uri,
      { start: { line: codeLine, character: column }, end: { line: codeLine, character: column + 1 } },
      '2',
    );
    text = twiceEdited;
    assert.equal(await hovered, null, 'nothing to say before the file is checked');
    assert.equal(
      client.published.filter((p) => p.uri === uri).length,
      0,
      'the request was answered while the check of the open was under way',
    );
    const published = await client.nextDiagnostics(uri, (p) => p.version === version);
    assert.deepEqual(
      client.published.filter((p) => p.uri === uri).map((p) => p.version),
      [version],
      'stale versions published nothing',
    );
    const fresh = createStewardService().validate(path.join(dir, 'big.assets.yaml'), text).findings;
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      fresh.map((f) => f.ruleId),
    );
    // The file's parse is kept: the next edit is checked from it, and answers as a fresh check does.
    const again = client.change(
      uri,
      { start: { line: codeLine, character: column }, end: { line: codeLine, character: column + 1 } },
      '3',
    );
    text = text
      .split('\n')
      .map((line, i) => (i === codeLine ? line.slice(0, column) + '3' + line.slice(column + 1) : line))
      .join('\n');
    const edited = await client.nextDiagnostics(uri, (p) => p.version === again);
    assert.deepEqual(
      edited.diagnostics.map((d) => [d.code, d.range.start.line]),
      createStewardService()
        .validate(path.join(dir, 'big.assets.yaml'), text)
        .findings.map((f) => [f.ruleId, f.range.start.line]),
    );
    assert.deepEqual(
      edited.diagnostics.map((d) => d.code),
      ['DA-CODE-002'],
    );
  });
});
