/**
 * The diagnostics the language server sends, over the real protocol (test/lsp-client.ts): capped per file
 * (steward.diagnostics.maxPerFile) in severity order with one summary of the rest, pulled (LSP 3.17) with result ids
 * and `unchanged` reports, the notice on a file over steward.validation.maxFileSize, and, after random edits, the
 * same diagnostics as a fresh check of the final text.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { createStewardService } from '../server/src/service';
import type { Finding } from '../server/src/service';
import { toDiagnostic } from '../server/src/lsp/convert';
import { MINIMAL_REGISTER, registerOf, ROOT, tempDir } from './helpers';
import { LspClient, uriOf } from './lsp-client';
import { COUNTED_CHECK } from './faulty-server';

const RANK = { error: 0, warning: 1, info: 2 } as const;
const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

/** A register whose assets give errors, warnings and infos, mixed through the file. */
function mixedRegister(count: number): string {
  return registerOf(count, (asset, n) => {
    if (n % 3 === 0) return asset.replace('一般数据', '重要数据'); // two warnings and an info
    if (n % 4 === 0) return asset.replace('A08060201', 'A08060301'); // a warning
    if (n % 5 === 0) return asset.replace('method: 自主采集', 'method: 捐赠'); // an error
    return asset;
  });
}

/** What a fresh service says of the text: its findings, by position. */
function freshFindings(uri: string, text: string): Finding[] {
  const service = createStewardService();
  service.update(uri, text);
  return service.findings(uri);
}

const shape = (d: Diagnostic) => ({
  code: d.code,
  severity: d.severity,
  line: d.range.start.line,
  character: d.range.start.character,
  message: d.message,
});

describe('lsp: diagnostics capped per file (steward.diagnostics.maxPerFile)', function () {
  this.timeout(60_000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  for (const locale of ['en', 'zh-CN'] as const) {
    it(`sends the first N in severity order and one summary counting the rest by severity (${locale})`, async () => {
      client = new LspClient();
      client.settings = { diagnostics: { maxPerFile: 7 } };
      const dir = tempDir();
      await client.ready(dir, locale);
      const uri = uriOf(path.join(dir, 'many.assets.yaml'));
      const text = mixedRegister(30);
      const fresh = freshFindings(uri, text);
      const count = (severity: Finding['severity']) => fresh.filter((f) => f.severity === severity).length;
      assert.ok(count('error') > 0 && count('error') < 7 && count('warning') > 7 && count('info') > 0);
      client.open(uri, text);
      const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.version === 1);

      const summary = diagnostics.filter((d) => d.code === 'steward.moreFindings');
      const shown = diagnostics.filter((d) => d.code !== 'steward.moreFindings');
      assert.equal(shown.length, 7);
      // Every error is kept; the rest are the first warnings by position (a stable sort of the fresh findings).
      const expected = [...fresh]
        .sort((a, b) => RANK[a.severity] - RANK[b.severity])
        .slice(0, 7)
        .map((f) => shape(toDiagnostic(f, locale)));
      assert.deepEqual(shown.map(shape), expected);
      assert.equal(shown.filter((d) => d.severity === SEVERITY.error).length, count('error'));

      assert.equal(summary.length, 1);
      assert.equal(summary[0].severity, SEVERITY.info);
      assert.deepEqual(summary[0].range.start, { line: 0, character: 0 });
      const omittedWarnings = count('warning') - (7 - count('error'));
      const more = fresh.length - 7;
      if (locale === 'en') {
        assert.match(summary[0].message, new RegExp(`^${more} more findings in this file are not listed here`));
        assert.ok(summary[0].message.includes(`(errors 0, warnings ${omittedWarnings}, infos ${count('info')})`));
        assert.ok(summary[0].message.includes(`of ${fresh.length} findings the first 7 by severity`));
        assert.ok(summary[0].message.includes('steward validate many.assets.yaml --max-findings-per-file 0'));
      } else {
        assert.match(summary[0].message, new RegExp(`^本文件另有 ${more} 个问题未在此列出`));
        assert.ok(summary[0].message.includes(`（错误 0 个，警告 ${omittedWarnings} 个，提示 ${count('info')} 个）`));
        assert.ok(summary[0].message.includes(`共 ${fresh.length} 个问题，按严重程度只列出前 7 个`));
        assert.ok(summary[0].message.includes('steward validate many.assets.yaml --max-findings-per-file 0'));
      }
    });
  }

  it('caps at 1,000 by default, lists all with 0, and keeps errors when warnings alone exceed the cap', async () => {
    client = new LspClient();
    const dir = tempDir();
    await client.ready(dir);
    const uri = uriOf(path.join(dir, 'big.assets.yaml'));
    // 2,000 assets: 1,000 with two warnings and an info each (3,000 findings), a few errors near the end.
    const text = registerOf(2000, (asset, n) =>
      n > 1990
        ? asset.replace('method: 自主采集', 'method: 捐赠')
        : n % 2
          ? asset.replace('一般数据', '重要数据')
          : asset,
    );
    client.open(uri, text);
    const first = await client.diagnosticsFor(uri, (p) => p.version === 1);
    const shown = first.diagnostics.filter((d) => d.code !== 'steward.moreFindings');
    assert.equal(shown.length, 1000);
    assert.equal(shown.filter((d) => d.severity === SEVERITY.error).length, 10, 'the errors at the end are kept');
    assert.ok(shown.slice(0, 10).every((d) => d.severity === SEVERITY.error));
    assert.equal(first.diagnostics.filter((d) => d.code === 'steward.moreFindings').length, 1);

    client.settings = { diagnostics: { maxPerFile: 0 } };
    const all = client.nextDiagnostics(uri, (p) => p.diagnostics.length > 1001);
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const unlimited = await all;
    assert.equal(unlimited.diagnostics.length, freshFindings(uri, text).length);
    assert.ok(unlimited.diagnostics.every((d) => d.code !== 'steward.moreFindings'));
  });

  it('does not push a file again when neither its diagnostics nor its version changed', async () => {
    client = new LspClient();
    const dir = tempDir({ 'a.assets.yaml': mixedRegister(6), 'b.assets.yaml': mixedRegister(4) });
    await client.ready(dir);
    const disk = uriOf(path.join(dir, 'b.assets.yaml'));
    await client.diagnosticsFor(disk, (p) => p.diagnostics.length > 0);
    const before = client.published.filter((p) => p.uri === disk).length;
    // A configuration change re-reads the workspace and publishes every file: b's diagnostics are the same.
    const ends = client.progress.filter((p) => (p as { kind: string }).kind === 'end').length;
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await new Promise<void>((resolve) => {
      const check = () =>
        client!.progress.filter((p) => (p as { kind: string }).kind === 'end').length > ends
          ? resolve()
          : setTimeout(check, 5);
      check();
    });
    await client.request('textDocument/hover', { textDocument: { uri: disk }, position: { line: 0, character: 0 } });
    assert.equal(client.published.filter((p) => p.uri === disk).length, before);
  });
});

describe('lsp: pull diagnostics (LSP 3.17 textDocument/diagnostic)', function () {
  this.timeout(60_000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  it('are offered only to a client that declares them', async () => {
    client = new LspClient();
    const pushed = (await client.initialize(tempDir())) as { capabilities: Record<string, unknown> };
    assert.equal(pushed.capabilities.diagnosticProvider, undefined);
    await client.close();
    client = new LspClient();
    client.pullDiagnostics = true;
    const pulled = (await client.initialize(tempDir())) as { capabilities: Record<string, unknown> };
    assert.deepEqual(pulled.capabilities.diagnosticProvider, {
      identifier: 'steward',
      interFileDependencies: true,
      workspaceDiagnostics: false,
    });
  });

  it('answer for the checked version, `unchanged` when the result id is current, and are not pushed', async () => {
    client = new LspClient();
    client.pullDiagnostics = true;
    const dir = tempDir();
    await client.ready(dir);
    const uri = uriOf(path.join(dir, 'p.assets.yaml'));
    let text = mixedRegister(12);
    client.open(uri, text);
    const first = await client.pull(uri);
    // Once the client pulls a document, its diagnostics are not pushed (a push before the pull is taken back).
    const pushedBefore = client.published.length;
    assert.equal(first.kind, 'full');
    if (first.kind !== 'full') return;
    const expected = (t: string) => freshFindings(uri, t).map((f) => shape(toDiagnostic(f, 'en')));
    assert.deepEqual(first.items.map(shape), expected(text));

    const again = await client.pull(uri, first.resultId);
    assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });

    // Typing in a name changes no finding: unchanged; fixing the error (捐赠 -> 购置 is valid) changes them.
    const lines = text.split('\n');
    const nameLine = lines.findIndex((l) => l.startsWith('    name: '));
    client.change(uri, { start: { line: nameLine, character: 10 }, end: { line: nameLine, character: 10 } }, 'x');
    text = lines.map((l, i) => (i === nameLine ? l.slice(0, 10) + 'x' + l.slice(10) : l)).join('\n');
    assert.deepEqual(await client.pull(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });

    const errorLine = text.split('\n').findIndex((l) => l.includes('method: 捐赠'));
    const at = text.split('\n')[errorLine].indexOf('捐赠');
    client.change(
      uri,
      { start: { line: errorLine, character: at }, end: { line: errorLine, character: at + 2 } },
      '自主采集',
    );
    text = text
      .split('\n')
      .map((l, i) => (i === errorLine ? l.replace('捐赠', '自主采集') : l))
      .join('\n');
    const fixed = await client.pull(uri, first.resultId);
    assert.equal(fixed.kind, 'full');
    if (fixed.kind !== 'full') return;
    assert.notEqual(fixed.resultId, first.resultId);
    assert.deepEqual(fixed.items.map(shape), expected(text));
    assert.equal(fixed.items.length, first.items.length - 1);

    // A round trip: nothing was pushed for the pulled document since, and what was pushed before is taken back.
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.deepEqual(
      client.published.slice(pushedBefore).filter((p) => p.uri === uri),
      [],
    );
    assert.deepEqual(client.diagnostics.get(uri)?.diagnostics ?? [], []);
  });

  it('ask the client to pull again when a check changes another open file’s cross-file findings', async () => {
    client = new LspClient();
    client.pullDiagnostics = true;
    const dir = tempDir();
    await client.ready(dir);
    const a = uriOf(path.join(dir, 'a.assets.yaml'));
    const b = uriOf(path.join(dir, 'b.assets.yaml'));
    client.open(a, registerOf(2));
    client.open(b, registerOf(1).replace('DA-2024-0001', 'DA-2024-0009'));
    const pulledA = await client.pull(a);
    const pulledB = await client.pull(b);
    assert.equal(client.refreshes, 0);
    // b now defines DA-2024-0002 too: a's asset is a duplicate of another file's (a cross-file finding).
    const line = 8;
    client.change(b, { start: { line, character: 18 }, end: { line, character: 20 } }, '02');
    const afterB = await client.pull(b, pulledB.resultId);
    assert.equal(afterB.kind, 'full');
    const refreshed = await new Promise<number>((resolve) => {
      const check = () => (client!.refreshes > 0 ? resolve(client!.refreshes) : setTimeout(check, 5));
      check();
    });
    assert.ok(refreshed >= 1);
    const again = await client.pull(a, pulledA.resultId);
    assert.equal(again.kind, 'full', 'a’s findings changed');
  });
});

describe("lsp: a document's first check", function () {
  this.timeout(120_000);
  let client: LspClient;
  afterEach(async () => client?.close());

  /** The faulty server's count of checks (COUNTED_CHECK), as its stderr gives them. */
  function countedChecks(): () => string[] {
    let stderr = '';
    client.process.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
    return () =>
      stderr
        .split('\n')
        .filter((line) => line.startsWith('counted check: '))
        .map((line) => line.slice('counted check: '.length));
  }

  it('is checked once, by the first reload, not once before the settings arrive and again after', async () => {
    client = new LspClient([path.join(ROOT, 'out', 'test', 'faulty-server.js'), '--stdio']);
    client.pullDiagnostics = true;
    const checks = countedChecks();
    const dir = tempDir();
    // Opened as an editor opens the files it restores: right after `initialized`, before the settings are read.
    await client.initialize(dir);
    const uri = uriOf(path.join(dir, 'restored.assets.yaml'));
    client.open(uri, `${COUNTED_CHECK}\n${MINIMAL_REGISTER.replace('一般数据', '重要数据')}`);
    const report = await client.pull(uri);
    assert.equal(report.kind, 'full');
    assert.ok(report.kind === 'full' && report.items.length > 0, 'the findings of the file');
    await client.indexed();
    assert.deepEqual(checks(), [`${uri} (trees kept)`]);
  });

  it('of a large file keeps its parse as it goes (its trees folded), and an edit meanwhile is checked from that parse', async () => {
    client = new LspClient([path.join(ROOT, 'out', 'test', 'faulty-server.js'), '--stdio']);
    client.pullDiagnostics = true;
    const checks = countedChecks();
    const dir = tempDir();
    await client.ready(dir);
    const uri = uriOf(path.join(dir, 'large.assets.yaml'));
    // Over 2 MB (the size from which the first check once ran without trees, then again with them), with findings
    // of every severity.
    const text = `${COUNTED_CHECK}\n${mixedRegister(9000)}`;
    assert.ok(Buffer.byteLength(text) > 2 * 1024 * 1024);
    client.open(uri, text);
    const first = await client.pull(uri);
    assert.equal(first.kind, 'full');
    // Typed at once: it costs the edited item.
    const line = text.split('\n').findIndex((l) => l.includes('securityGrade: 重要数据'));
    const edit = { start: { line, character: 19 }, end: { line, character: 23 } };
    const version = client.change(uri, edit, '一般数据');
    const after = await client.pull(uri, first.resultId);
    assert.equal(after.kind, 'full');
    assert.deepEqual(checks(), [`${uri} (trees kept)`, `${uri} (trees kept, an edit)`]);
    const lines = text.split('\n');
    lines[line] = lines[line].slice(0, 19) + '一般数据' + lines[line].slice(23);
    const expected = freshFindings(uri, lines.join('\n'))
      .sort((a, b) => RANK[a.severity] - RANK[b.severity])
      .slice(0, 1000)
      .map((f) => shape(toDiagnostic(f, 'en')));
    assert.deepEqual(
      after.kind === 'full' && after.items.filter((d) => d.code !== 'steward.moreFindings').map(shape),
      expected,
      `version ${version}: as a fresh check of the text`,
    );
  });
});

describe('lsp: a file over steward.validation.maxFileSize says so on itself', function () {
  this.timeout(60_000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  for (const pull of [false, true]) {
    it(`from the edit that takes it over the limit until the one that takes it back (${pull ? 'pulled' : 'pushed'})`, async () => {
      client = new LspClient();
      client.pullDiagnostics = pull;
      client.settings = { validation: { maxFileSize: 2 }, locale: 'zh-CN' }; // 2 KB
      const dir = tempDir();
      await client.ready(dir);
      const uri = uriOf(path.join(dir, 'grow.assets.yaml'));
      const text = mixedRegister(3);
      assert.ok(text.length < 2048);
      client.open(uri, text);
      const notice = (items: Diagnostic[]) => items.filter((d) => d.code === 'steward.largeFile');
      const opened = pull
        ? ((await client.pull(uri)) as { items: Diagnostic[] }).items
        : (await client.diagnosticsFor(uri, (p) => p.version === 1)).diagnostics;
      assert.ok(opened.length > 0);
      assert.deepEqual(notice(opened), []);

      // A comment of 3 KB takes it over 2 KB: the notice appears at once, without a save, and stays.
      const end = text.split('\n').length - 1;
      const comment = `# ${'备注'.repeat(1500)}\n`;
      client.change(uri, { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, comment);
      let over: Diagnostic[];
      if (pull) over = ((await client.pull(uri)) as { items: Diagnostic[] }).items;
      else over = (await client.nextDiagnostics(uri, (p) => notice(p.diagnostics).length > 0)).diagnostics;
      assert.equal(notice(over).length, 1);
      assert.deepEqual(notice(over)[0].range.start, { line: 0, character: 0 });
      assert.equal(notice(over)[0].severity, SEVERITY.info);
      assert.match(
        notice(over)[0].message,
        /^本文件约 [\d.]+ MB，超过 steward\.validation\.maxFileSize（0\.0 MB）：只在打开和保存时检查/,
      );
      // The findings of the last check stay beside it.
      assert.equal(over.length, freshFindings(uri, text).length + 1);
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
      assert.equal(client.statuses.filter((s) => s.uri === uri).at(-1)?.mode, 'save-only');

      // Another edit while over: still there.
      client.change(uri, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, '');
      client.change(uri, { start: { line: end, character: 0 }, end: { line: end, character: 2 } }, '#');
      if (pull) assert.equal(notice(((await client.pull(uri)) as { items: Diagnostic[] }).items).length, 1);
      else assert.equal(notice(client.diagnostics.get(uri)!.diagnostics).length, 1);

      // Deleting the comment takes it back under the limit: checked again, the notice goes.
      const version = client.change(
        uri,
        { start: { line: end, character: 0 }, end: { line: end + 1, character: 0 } },
        '',
      );
      let back: Diagnostic[];
      if (pull) back = ((await client.pull(uri)) as { items: Diagnostic[] }).items;
      else back = (await client.nextDiagnostics(uri, (p) => p.version === version)).diagnostics;
      assert.deepEqual(notice(back), []);
      assert.deepEqual(
        back.map(shape),
        freshFindings(uri, text).map((f) => shape(toDiagnostic(f, 'zh-CN'))),
      );
    });
  }
});

describe('lsp: after random edits, the diagnostics equal a fresh check of the final text', function () {
  this.timeout(180_000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  // Snippets that make and unmake findings: a bad enum value, an important grade, a bad code, YAML breakage.
  const SNIPPETS = [
    '捐赠',
    '重要数据',
    'A08060301',
    'x',
    '',
    ': ',
    '\n',
    '\n    remarks: 备注\n',
    '  - id: DA-2024-0002\n',
  ];
  const editArb = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.nat({ max: 12 }),
    insert: fc.constantFrom(...SNIPPETS),
  });

  for (const pull of [false, true]) {
    it(`${pull ? 'pulled' : 'pushed'}, under the cap`, async () => {
      client = new LspClient();
      client.pullDiagnostics = pull;
      const dir = tempDir();
      await client.ready(dir);
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 12 }), async (edits) => {
          const uri = uriOf(path.join(dir, `r${run++}.assets.yaml`));
          let text = mixedRegister(6);
          client!.open(uri, text);
          let version = 1;
          let resultId: string | undefined;
          if (pull) resultId = (await client!.pull(uri)).resultId;
          for (const edit of edits) {
            const start = Math.floor(edit.at * text.length);
            const end = Math.min(text.length, start + edit.remove);
            const position = (offset: number) => {
              const before = text.slice(0, offset).split('\n');
              return { line: before.length - 1, character: before[before.length - 1].length };
            };
            version = client!.change(uri, { start: position(start), end: position(end) }, edit.insert);
            text = text.slice(0, start) + edit.insert + text.slice(end);
          }
          const expected = freshFindings(uri, text).map((f) => shape(toDiagnostic(f, 'en')));
          let actual: Diagnostic[];
          if (pull) {
            const report = await client!.pull(uri, resultId);
            actual = report.kind === 'full' ? report.items : [];
            if (report.kind === 'unchanged') {
              // Unchanged from the open: the findings of the first text.
              const first = await client!.pull(uri);
              actual = (first as { items: Diagnostic[] }).items;
            }
          } else actual = (await client!.diagnosticsFor(uri, (p) => p.version === version)).diagnostics;
          assert.ok(expected.length < 1000, 'under the cap');
          assert.deepEqual(actual.map(shape), expected);
          void client!.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        }),
        { seed: 1919, numRuns: 25 },
      );
    });
  }
});
