/**
 * The language server under bad protocol input, over stdio with a real client (test/lsp-client.ts): params of the
 * wrong shape, positions out of range, unknown documents, settings and configuration of the wrong type, a code
 * table that goes away, thousands of rapid edits. Every request is answered or refused with a JSON-RPC error in
 * words (never an exception's own text), every refused notification is logged, other documents keep their
 * diagnostics.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createStewardService } from '../server/src/service';
import { MINIMAL_REGISTER, registerOf, ROOT, tempDir } from './helpers';
import { PLANTED_HOVER_CHARACTER } from './faulty-server';
import { LspClient, uriOf } from './lsp-client';
import type { Published } from './lsp-client';

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
const at = (line: number, character: number, endLine = line, endCharacter = character): Range => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});
const shape = (code: unknown, range: Range) =>
  `${String(code)} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

/** Resolves once `condition` holds (checked as messages arrive); rejects after `timeoutMs`. */
function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (condition()) resolve();
      else if (Date.now() > deadline) reject(new Error('condition not met in time'));
      else setTimeout(poll, 5);
    };
    poll();
  });
}

/** The request's JSON-RPC error (the request must fail). */
async function refusal(client: LspClient, method: string, params: unknown): Promise<{ code: number; message: string }> {
  try {
    const result = await client.request(method, params);
    assert.fail(`${method} answered ${JSON.stringify(result)}`);
  } catch (error) {
    const { code, message } = error as { code: number; message: string };
    return { code, message };
  }
}

/** What a fresh service finds in `text`, as the server would publish it. */
function fresh(file: string, text: string): string[] {
  return createStewardService()
    .validate(file, text)
    .findings.map((f) => shape(f.ruleId, f.range));
}

const CODE_LINE = MINIMAL_REGISTER.split('\n').findIndex((l) => l.includes('A08060201'));

describe('lsp: requests and notifications with params of the wrong shape', function () {
  this.timeout(60_000);
  let client: LspClient;
  afterEach(async () => client?.close());

  it('requests are refused with InvalidParams naming the field, never with an exception text; the server goes on', async () => {
    client = new LspClient();
    const dir = tempDir();
    await client.ready(dir);
    const uri = uriOf(path.join(dir, 'a.assets.yaml'));
    client.open(uri, MINIMAL_REGISTER.replace('A08060201', 'A08060301'));
    await client.diagnosticsFor(uri, (p) => p.version === 1);
    const doc = { textDocument: { uri } };
    const cases: Array<[string, unknown, RegExp]> = [
      ['textDocument/hover', { textDocument: 5 }, /params\.textDocument must be an object, not 5/],
      [
        'textDocument/hover',
        { ...doc, position: { line: 1.5, character: 0 } },
        /params\.position\.line must be an integer/,
      ],
      [
        'textDocument/completion',
        { ...doc, position: { line: -1, character: 0 } },
        /params\.position\.line must be an integer from 0/,
      ],
      ['textDocument/definition', { ...doc, position: { line: '3', character: 0 } }, /params\.position\.line/],
      ['textDocument/references', { ...doc, position: { line: 0, character: 0 } }, /params\.context must be an object/],
      [
        'textDocument/rename',
        { ...doc, position: { line: 0, character: 0 }, newName: 5 },
        /params\.newName must be a string/,
      ],
      ['textDocument/documentSymbol', { textDocument: { uri: null } }, /params\.textDocument\.uri must be a string/],
      [
        'textDocument/codeAction',
        { ...doc, range: at(CODE_LINE, 0, CODE_LINE, 30), context: { diagnostics: [], only: 'quickfix' } },
        /params\.context\.only must be an array/,
      ],
      [
        'textDocument/codeAction',
        { ...doc, range: at(CODE_LINE, 0, CODE_LINE, 30), context: { diagnostics: [], only: [5] } },
        /params\.context\.only\[0\] must be a string/,
      ],
      [
        'textDocument/codeAction',
        { ...doc, range: at(0, 0), context: {} },
        /params\.context\.diagnostics must be an array/,
      ],
      ['steward/fileState', { uri: 5 }, /params\.uri must be a string/],
      ['textDocument/hover', undefined, /params must be an object/],
    ];
    for (const [method, params, message] of cases) {
      const error = await refusal(client, method, params);
      assert.equal(error.code, -32602, `${method} ${JSON.stringify(params)}: ${error.message}`);
      assert.match(error.message, message);
      assert.match(error.message, new RegExp(`^Data Asset Steward: ${method.replace('/', '\\/')}: `));
      assert.doesNotMatch(error.message, /TypeError|Cannot read|is not a function|undefined \(reading/);
    }
    // The document and the server are as they were.
    const hover = await client.request('textDocument/hover', { ...doc, position: { line: CODE_LINE, character: 26 } });
    assert.ok(hover, 'a good hover is answered');
    const actions = await client.request<unknown[]>('textDocument/codeAction', {
      ...doc,
      range: at(CODE_LINE, 0, CODE_LINE, 30),
      context: { diagnostics: [], only: ['quickfix'] },
    });
    assert.ok(Array.isArray(actions));
    assert.equal(client.process.exitCode, null);
  });

  it('a didChange with a fractional, negative or missing position is refused and logged; the copy stays intact', async () => {
    client = new LspClient();
    const dir = tempDir();
    await client.ready(dir);
    const file = path.join(dir, 'a.assets.yaml');
    const uri = uriOf(file);
    client.open(uri, MINIMAL_REGISTER);
    await client.diagnosticsFor(uri, (p) => p.version === 1);
    const refused = () => client.logs.filter((l) => l.message.includes('refused a message: textDocument/didChange'));
    client.change(uri, at(1.5, 0), 'x');
    client.change(uri, at(-1, 0), 'x');
    client.change(uri, { start: { line: 2, character: 0 } } as Range, 'x');
    client.change(uri, at(2, Number.NaN), 'x'); // JSON has no NaN: it arrives as null
    await until(() => refused().length === 4);
    assert.match(
      refused()[0].message,
      /params\.contentChanges\[0\]\.range\.start\.line must be an integer .* not 1\.5/,
    );
    assert.match(refused()[1].message, /range\.start\.line must be an integer from 0 .* not -1/);
    assert.match(refused()[2].message, /range\.end must be an object/);
    assert.match(refused()[3].message, /range\.start\.character must be an integer .* not null/);
    assert.ok(
      refused().every((l) => l.type === 1),
      'logged as errors',
    );
    // A good edit after them applies to the text as it was: its diagnostics are those of a fresh check.
    const column = MINIMAL_REGISTER.split('\n')[CODE_LINE].indexOf('A08060201') + 'A08060'.length;
    const version = client.change(uri, at(CODE_LINE, column, CODE_LINE, column + 1), '3');
    const published = await client.nextDiagnostics(uri, (p) => p.version === version);
    const expected = TextDocument.create(uri, 'yaml', 1, MINIMAL_REGISTER);
    TextDocument.update(expected, [{ range: at(CODE_LINE, column, CODE_LINE, column + 1), text: '3' }], 2);
    assert.deepEqual(
      published.diagnostics.map((d) => shape(d.code, d.range)),
      fresh(file, expected.getText()),
    );
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['DA-CODE-002'],
    );
  });

  it('edits out of range stop where vscode-languageserver-textdocument stops them (line or character past the end, ends swapped)', async () => {
    client = new LspClient();
    const dir = tempDir();
    await client.ready(dir);
    const file = path.join(dir, 'a.assets.yaml');
    const uri = uriOf(file);
    client.open(uri, MINIMAL_REGISTER);
    await client.diagnosticsFor(uri, (p) => p.version === 1);
    const reference = TextDocument.create(uri, 'yaml', 1, MINIMAL_REGISTER);
    const edits: Array<{ range: Range; text: string }> = [
      { range: at(9999, 0), text: '# after the end\n' },
      { range: at(CODE_LINE, 999, CODE_LINE, 2000), text: ' # past the line' },
      { range: at(CODE_LINE + 1, 10, CODE_LINE, 4), text: 'classificationCode: A08060301\n    ' },
      { range: at(2_000_000_000, 2_000_000_000), text: '\n# far away\n' },
    ];
    let version = 1;
    for (const edit of edits) {
      version = client.changeMany(uri, [edit]);
      TextDocument.update(reference, [edit], version);
    }
    const published = await client.nextDiagnostics(uri, (p) => p.version === version);
    assert.deepEqual(
      published.diagnostics.map((d) => shape(d.code, d.range)),
      fresh(file, reference.getText()),
    );
    assert.ok(
      client.logs.every((l) => !l.message.includes('refused')),
      'in-range integers are valid LSP',
    );
  });

  it('a didOpen or didChangeWatchedFiles of the wrong shape is refused and logged; the server goes on', async () => {
    client = new LspClient();
    const dir = tempDir();
    await client.ready(dir);
    const uri = uriOf(path.join(dir, 'a.assets.yaml'));
    void client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: 5 },
    });
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 7 }] });
    await until(() => client.logs.filter((l) => l.message.includes('refused a message')).length === 2);
    assert.match(client.logs.map((l) => l.message).join('\n'), /didOpen: params\.textDocument\.text must be a string/);
    assert.match(client.logs.map((l) => l.message).join('\n'), /params\.changes\[0\]\.type must be one of 1, 2, 3/);
    client.open(uri, MINIMAL_REGISTER);
    await client.diagnosticsFor(uri, (p) => p.version === 1);
  });
});

describe('lsp: a request whose handler throws (a bug)', function () {
  this.timeout(60_000);
  let client: LspClient;
  afterEach(async () => client?.close());

  it('is answered with an internal error in words (not the exception text), logged with its stack', async () => {
    for (const locale of ['en', 'zh-CN']) {
      client = new LspClient([path.join(ROOT, 'out', 'test', 'faulty-server.js'), '--stdio']);
      const dir = tempDir();
      await client.ready(dir, locale);
      const uri = uriOf(path.join(dir, 'a.assets.yaml'));
      client.open(uri, MINIMAL_REGISTER);
      await client.diagnosticsFor(uri, (p) => p.version === 1);
      const error = await refusal(client, 'textDocument/hover', {
        textDocument: { uri },
        position: { line: 0, character: PLANTED_HOVER_CHARACTER },
      });
      assert.equal(error.code, -32603);
      assert.equal(
        error.message,
        locale === 'en'
          ? 'Data Asset Steward could not answer textDocument/hover: an internal error; the details are in the Data Asset Steward output.'
          : '数据资产管家无法答复 textDocument/hover：出现内部错误，详细信息见“数据资产管家”输出面板。',
      );
      assert.ok(
        client.logs.some(
          (l) => l.type === 1 && /TypeError: Cannot read properties of undefined[^]*\n\s+at /.test(l.message),
        ),
      );
      assert.ok(
        await client.request('textDocument/hover', {
          textDocument: { uri },
          position: { line: CODE_LINE, character: 26 },
        }),
      );
      await client.close();
    }
  });
});

describe('lsp: documents the server never saw', function () {
  this.timeout(60_000);
  let client: LspClient;
  afterEach(async () => client?.close());

  it('every request about a never-opened uri is answered (empty), none fails', async () => {
    client = new LspClient();
    const dir = tempDir();
    await client.ready(dir);
    const textDocument = { uri: uriOf(path.join(dir, 'never.assets.yaml')) };
    const position = { line: 3, character: 4 };
    const requests: Array<[string, unknown]> = [
      ['textDocument/hover', { textDocument, position }],
      ['textDocument/completion', { textDocument, position }],
      ['textDocument/definition', { textDocument, position }],
      ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
      ['textDocument/documentSymbol', { textDocument }],
      ['textDocument/prepareRename', { textDocument, position }],
      [
        'textDocument/codeAction',
        { textDocument, range: at(0, 0, 5, 0), context: { diagnostics: [], only: ['source'] } },
      ],
      ['steward/fileState', { uri: textDocument.uri }],
    ];
    for (const [method, params] of requests) {
      const result = await client.request<unknown>(method, params);
      assert.ok(result === null || Array.isArray(result) || typeof result === 'object', method);
    }
    // A rename of nothing is refused in words, as a rename of something that cannot be renamed is.
    const error = await refusal(client, 'textDocument/rename', { textDocument, position, newName: 'x' });
    assert.doesNotMatch(error.message, /TypeError|Cannot read/);
    // Changes and closes of a document never opened are ignored.
    client.change(textDocument.uri, at(0, 0), 'x');
    void client.connection.sendNotification('textDocument/didClose', { textDocument });
    const state = await client.request<{ steward: boolean }>('steward/fileState', { uri: textDocument.uri });
    assert.equal(state.steward, false);
    assert.equal(client.process.exitCode, null);
  });
});

describe('lsp: settings and configuration of the wrong type', function () {
  this.timeout(60_000);
  let client: LspClient;
  afterEach(async () => client?.close());

  it('settings `files: [5]`, `codeTable: {}` and others are dropped with a warning; the workspace is still checked', async () => {
    client = new LspClient();
    const dir = tempDir({ 'a.assets.yaml': MINIMAL_REGISTER.replace('A08060201', 'A08060301') });
    client.settings = {
      files: [5],
      codeTable: {},
      locale: 7,
      rules: 'all',
      unitType: ['x'],
      validation: { maxFileSize: 'big' },
      outline: { maxItems: -1 },
      diagnostics: { maxPerFile: 2.5 },
    };
    await client.ready(dir);
    const uri = uriOf(path.join(dir, 'a.assets.yaml'));
    const published = await client.diagnosticsFor(uri);
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['DA-CODE-002'],
    );
    const warnings = client.logs.filter((l) => l.type === 2).map((l) => l.message);
    for (const key of ['files', 'codeTable', 'locale', 'rules', 'unitType', 'validation', 'outline', 'diagnostics'])
      assert.ok(
        warnings.some((w) => w.startsWith(`steward.${key}: `) && w.endsWith('the default applies')),
        `${key}: ${warnings.join('\n')}`,
      );
    assert.ok(!client.logs.some((l) => /internal error/.test(l.message)), 'no reload failed');
    // The server still reloads with them: a workspace validation answers.
    const summary = await client.request<{ files: number }>('steward/validateWorkspace', undefined);
    assert.equal(summary.files, 1);
  });

  it('a steward.config.yaml that fails its schema: its problems are logged with file, line and column; checks go on', async () => {
    client = new LspClient();
    const dir = tempDir({
      'steward.config.yaml': 'rules: 5\nfiles: not-a-list\nunitType: 7\n',
      'a.assets.yaml': MINIMAL_REGISTER.replace('A08060201', 'A08060301'),
    });
    await client.ready(dir);
    const published = await client.diagnosticsFor(uriOf(path.join(dir, 'a.assets.yaml')));
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['DA-CODE-002'],
    );
    const config = path.join(dir, 'steward.config.yaml');
    const logged = client.logs.filter((l) => l.message.startsWith(`${config}:`));
    assert.ok(logged.length > 0, JSON.stringify(client.logs));
    assert.ok(logged.every((l) => /^.+:\d+:\d+: /.test(l.message)));
    assert.ok(!client.logs.some((l) => /internal error/.test(l.message)));
  });

  it('a code table deleted or corrupted while the workspace is open: the server reloads, says so, uses the built-in table', async () => {
    client = new LspClient();
    const table =
      'code,name,parent\nA08000000,无形资产,\nA08060000,信息数据类无形资产,A08000000\nA08060200,数据,A08060000\nA08060201,结构化数据,A08060200\n';
    const dir = tempDir({ 'steward.config.yaml': 'codeTable: codes.csv\n', 'codes.csv': table });
    await client.ready(dir);
    const uri = uriOf(path.join(dir, 'a.assets.yaml'));
    // A08060202 is in the built-in table, not in this one.
    client.open(uri, MINIMAL_REGISTER.replace('A08060201', 'A08060202'));
    const first = await client.diagnosticsFor(uri, (p) => p.version === 1);
    assert.deepEqual(
      first.diagnostics.map((d) => d.code),
      ['DA-CODE-001'],
    );
    const codes = path.join(dir, 'codes.csv');
    fs.writeFileSync(codes, Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02]));
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(codes), type: 2 }],
    });
    await until(() =>
      client.messages.some((m) => m.type === 2 && m.message.includes(`Cannot read the code table ${codes}`)),
    );
    // Current or next: the diagnostics may have been published before the message was seen.
    await client.diagnosticsFor(uri, (p: Published) => p.diagnostics.length === 0);
    assert.equal(client.diagnostics.get(uriOf(codes)), undefined, 'the code table is not checked as a register');
    // Restored, then deleted.
    fs.writeFileSync(codes, table);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(codes), type: 2 }],
    });
    await client.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === 'DA-CODE-001'));
    const told = client.messages.length;
    fs.rmSync(codes);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(codes), type: 3 }],
    });
    await client.diagnosticsFor(uri, (p) => p.diagnostics.length === 0);
    assert.ok(client.messages.slice(told).some((m) => m.message.includes(`Cannot read the code table ${codes}`)));
  });
});

describe('lsp: duplicate ids across open files, edited', function () {
  this.timeout(60_000);
  let client: LspClient;
  afterEach(async () => client?.close());

  it("each file's finding points at the other; an edit of one file updates the other file's finding", async () => {
    client = new LspClient();
    const dir = tempDir();
    await client.ready(dir);
    const a = uriOf(path.join(dir, 'a.assets.yaml'));
    const b = uriOf(path.join(dir, 'b.assets.yaml'));
    const idLine = MINIMAL_REGISTER.split('\n').findIndex((l) => l.includes('DA-2024-0001'));
    const idRange = at(idLine, 8, idLine, 20);
    client.open(a, MINIMAL_REGISTER);
    client.open(b, MINIMAL_REGISTER);
    const related = (p: Published) =>
      p.diagnostics
        .filter((d) => d.code === 'DA-ID-001')
        .map((d) => d.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]));
    const inA = await client.diagnosticsFor(a, (p) => related(p).length === 1);
    const inB = await client.diagnosticsFor(b, (p) => related(p).length === 1);
    assert.deepEqual(related(inA), [[[b, idLine]]]);
    assert.deepEqual(related(inB), [[[a, idLine]]]);
    assert.equal(inA.diagnostics[0].relatedInformation![0].message, 'Another definition of DA-2024-0001');
    // b's id changes: a's finding goes, without a's being edited.
    client.change(b, idRange, 'DA-2024-0002');
    await client.nextDiagnostics(a, (p) => related(p).length === 0);
    // And comes back.
    client.change(b, idRange, 'DA-2024-0001');
    await client.nextDiagnostics(a, (p) => related(p).length === 1);
    // b's definition moves down two lines: a's finding points at its new place.
    client.change(b, at(idLine, 0), '  # moved\n  # down\n');
    const moved = await client.nextDiagnostics(a, (p) => related(p)[0]?.[0][1] === idLine + 2);
    assert.match(moved.diagnostics[0].message, new RegExp(`b\\.assets\\.yaml:${idLine + 3}`));
    // b closed and gone from disk: a's finding goes.
    void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: b } });
    await client.nextDiagnostics(a, (p) => related(p).length === 0);
  });
});

describe('lsp: 10,000 rapid edits', function () {
  this.timeout(180_000);
  let client: LspClient;
  afterEach(async () => client?.close());

  it('the final diagnostics are those of a fresh open of the final text; another document keeps its own', async () => {
    client = new LspClient();
    const dir = tempDir();
    await client.ready(dir);
    const file = path.join(dir, 'big.assets.yaml');
    const uri = uriOf(file);
    const other = uriOf(path.join(dir, 'other.assets.yaml'));
    client.open(other, MINIMAL_REGISTER.replace('DA-2024-0001', 'DA-2099-0001').replace('A08060201', 'A08060301'));
    const otherBefore = await client.diagnosticsFor(other, (p) => p.version === 1);
    const text = registerOf(200);
    client.open(uri, text);
    await client.diagnosticsFor(uri, (p) => p.version === 1);
    const reference = TextDocument.create(uri, 'yaml', 1, text);
    // Deterministic pseudo-random edits: type and delete characters in names and codes, insert and join lines.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let version = 1;
    for (let i = 0; i < 10_000; i++) {
      const line = next(reference.lineCount);
      const length = reference.getText(at(line, 0, line + 1, 0)).replace(/\r?\n$/, '').length;
      const character = next(length + 1);
      const kind = next(4);
      const edit =
        kind === 0
          ? { range: at(line, character), text: 'x' }
          : kind === 1
            ? { range: at(line, character, line, Math.min(length, character + 1)), text: '' }
            : kind === 2
              ? { range: at(line, character), text: '9' }
              : { range: at(line, character, line, Math.min(length, character + 2)), text: 'A0' };
      version = client.changeMany(uri, [edit]);
      TextDocument.update(reference, [edit], version);
    }
    const published = await client.nextDiagnostics(uri, (p) => p.version === version, 120_000);
    assert.deepEqual(
      published.diagnostics.map((d) => shape(d.code, d.range)),
      fresh(file, reference.getText()),
    );
    assert.deepEqual(client.diagnostics.get(other)!.diagnostics, otherBefore.diagnostics);
  });
});
