import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { createStewardService } from '../server/src/service';
import { MINIMAL_REGISTER, registerOf, ROOT, tempDir } from './helpers';
import { LspClient, uriOf } from './lsp-client';
import { ONE_TIME_FAULT, PLANTED_FAULT } from './faulty-server';

const FAULTY_SERVER = path.join(ROOT, 'out', 'test', 'faulty-server.js');
const shape = (
  code: unknown,
  range: { start: { line: number; character: number }; end: { line: number; character: number } },
) => `${String(code)} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

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

describe('lsp: a fault inside a check (a bug in the service) does not end the server', function () {
  this.timeout(60_000);
  let client: LspClient;
  afterEach(async () => client?.close());

  it('logs the failure with its stack, tells the user once per file in their language, and goes on serving', async () => {
    for (const locale of ['en', 'zh-CN']) {
      client = new LspClient([FAULTY_SERVER, '--stdio']);
      const dir = tempDir();
      await client.ready(dir, locale);
      const good = uriOf(path.join(dir, 'good.assets.yaml'));
      const bad = uriOf(path.join(dir, 'bad.assets.yaml'));
      client.open(bad, `${PLANTED_FAULT}\n${MINIMAL_REGISTER}`);
      client.open(good, MINIMAL_REGISTER);
      // The good file opened after the failing one is still checked.
      await client.diagnosticsFor(good, (p) => p.version === 1);
      const logged = client.logs.filter((l) =>
        l.message.includes(`internal error while checking ${path.join(dir, 'bad.assets.yaml')}`),
      );
      assert.equal(logged.length, 1, JSON.stringify(client.logs));
      assert.equal(logged[0].type, 1, 'logged as an error');
      assert.match(logged[0].message, /Error: planted fault\n\s+at /, 'with the stack');
      const shown = () => client.messages.filter((m) => m.type === 1 && m.message.includes('bad.assets.yaml'));
      assert.equal(shown().length, 1);
      assert.match(
        shown()[0].message,
        locale === 'zh-CN' ? /内部错误：planted fault/ : /failed while checking bad\.assets\.yaml: planted fault/,
      );
      assert.equal(
        client.published.filter((p) => p.uri === bad).length,
        0,
        "no diagnostics claim to be the failed check's",
      );
      // Two more failing checks of that file: logged again, not shown again.
      const failures = () => client.logs.filter((l) => l.message.includes('internal error while checking')).length;
      client.change(bad, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, '# a\n');
      await until(() => failures() === 2);
      client.change(bad, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, '# b\n');
      await until(() => failures() === 3);
      // The server still answers and checks: an edit of the good file gets its diagnostics.
      const lines = MINIMAL_REGISTER.split('\n');
      const codeLine = lines.findIndex((l) => l.includes('A08060201'));
      const column = lines[codeLine].indexOf('A08060201') + 'A08060'.length;
      const version = client.change(
        good,
        { start: { line: codeLine, character: column }, end: { line: codeLine, character: column + 1 } },
        '3',
      );
      const published = await client.nextDiagnostics(good, (p) => p.version === version);
      assert.deepEqual(
        published.diagnostics.map((d) => d.code),
        ['DA-CODE-002'],
      );
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri: good },
        position: { line: codeLine, character: column },
      });
      assert.ok(hover, 'hover answered');
      assert.equal(failures(), 3);
      assert.equal(shown().length, 1, 'told once');
      assert.equal(client.process.exitCode, null, 'the server is alive');
      await client.close();
    }
  });

  it('after a failed check of an edit, the next edit is checked from the whole text, as a fresh check', async () => {
    client = new LspClient([FAULTY_SERVER, '--stdio']);
    const dir = tempDir();
    await client.ready(dir);
    const file = path.join(dir, 'r.assets.yaml');
    const uri = uriOf(file);
    // The fifth asset carries a comment as long as the fault's marker.
    const filler = `# ${'x'.repeat(ONE_TIME_FAULT.length - 2)}`;
    const lines = registerOf(20, (asset, n) =>
      n === 5 ? asset.replace('  - id:', `  ${filler}\n  - id:`) : asset,
    ).split('\n');
    client.open(uri, lines.join('\n'));
    await client.diagnosticsFor(uri, (p) => p.version === 1);
    const codeLines = lines.map((l, i) => (l.includes('A08060201') ? i : -1)).filter((i) => i >= 0);
    const column = lines[codeLines[0]].indexOf('A08060201') + 'A08060'.length;
    const breakCode = (line: number) => ({
      range: { start: { line, character: column }, end: { line, character: column + 1 } },
      text: '3',
    });
    // An edit whose check fails: the comment becomes the marker and the fifth asset's code breaks, the text's
    // length unchanged, so nothing but the server's own record says the service missed that edit.
    const comment = lines.indexOf(`  ${filler}`);
    client.changeMany(uri, [
      {
        range: { start: { line: comment, character: 2 }, end: { line: comment, character: 2 + filler.length } },
        text: ONE_TIME_FAULT,
      },
      breakCode(codeLines[4]),
    ]);
    await until(() => client.logs.some((l) => l.message.includes('one-time fault')));
    // The next edit breaks the tenth asset's code: its check must see both edits.
    const version = client.changeMany(uri, [breakCode(codeLines[9])]);
    lines[comment] = `  ${ONE_TIME_FAULT}`;
    for (const line of [codeLines[4], codeLines[9]])
      lines[line] = lines[line].slice(0, column) + '3' + lines[line].slice(column + 1);
    const published = await client.nextDiagnostics(uri, (p) => p.version === version);
    const fresh = createStewardService().validate(file, lines.join('\n')).findings;
    assert.deepEqual(
      published.diagnostics.map((d) => shape(d.code, d.range)),
      fresh.map((f) => shape(f.ruleId, f.range)),
    );
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line]),
      [
        ['DA-CODE-002', codeLines[4]],
        ['DA-CODE-002', codeLines[9]],
      ],
    );
  });
});
