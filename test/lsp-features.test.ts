import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  DocumentSymbol,
  Location,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { LspClient, uriOf } from './lsp-client';
import { tempDir, MINIMAL_CATALOG, MINIMAL_REGISTER } from './helpers';

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'yaml', 1, text), edits);
}

describe('lsp: navigation, outline, rename and quick fixes over stdio', function () {
  this.timeout(60_000);
  let client: LspClient;
  let dir: string;
  let catalogUri: string;
  let registerUri: string;
  const register = MINIMAL_REGISTER.replace('  - id: DA-2024-0001', '  # 第一项资产\n  - id: DA-2024-0001');

  beforeEach(async () => {
    client = new LspClient();
    dir = tempDir({ 'a.catalog.yaml': MINIMAL_CATALOG });
    await client.ready(dir);
    catalogUri = uriOf(path.join(dir, 'a.catalog.yaml'));
    registerUri = uriOf(path.join(dir, 'b.assets.yaml'));
    client.open(catalogUri, MINIMAL_CATALOG);
    client.open(registerUri, register);
    await client.diagnosticsFor(registerUri);
  });
  afterEach(async () => client.close());

  it('outline: one symbol per document, a child per asset', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: registerUri },
    });
    assert.equal(symbols.length, 1);
    assert.deepEqual(
      symbols[0].children?.map((s) => s.name),
      ['unit 某市交通运输局', 'DA-2024-0001 公交运行监测数据集'],
    );
  });

  it('outline: steward.outline.maxItems caps the items listed', async () => {
    // A settings change makes the server read its settings and index the workspace again: wait for that to end.
    const ends = () => client.progress.filter((p) => (p as { kind: string }).kind === 'end').length;
    const indexedBefore = ends();
    client.settings = { outline: { maxItems: 0 } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await new Promise<void>((resolve) => {
      const check = () => (ends() > indexedBefore ? resolve() : setTimeout(check, 5));
      check();
    });
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: registerUri },
    });
    assert.deepEqual(
      symbols[0].children?.map((s) => s.name),
      ['unit 某市交通运输局', '… 1 more items not listed (steward.outline.maxItems)'],
    );
  });

  it("go to definition from an asset's resource to the catalog, and references back", async () => {
    const line = register.split('\n').findIndex((l) => l.includes('resource: R-'));
    const locations = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri: registerUri },
      position: { line, character: 20 },
    });
    assert.deepEqual(
      locations.map((l) => [l.uri, l.range.start.line]),
      [[catalogUri, 8]],
    );
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: catalogUri },
      position: { line: 8, character: 12 },
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      refs.map((l) => [l.uri, l.range.start.line]).sort(),
      [
        [catalogUri, 8],
        [registerUri, line],
      ].sort(),
    );
  });

  it('rename a resource id across both files, keeping everything else', async () => {
    const prepared = await client.request<{ start: { line: number } } | null>('textDocument/prepareRename', {
      textDocument: { uri: catalogUri },
      position: { line: 8, character: 12 },
    });
    assert.equal(prepared?.start.line, 8);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: catalogUri },
      position: { line: 8, character: 12 },
      newName: 'R-330100-JT-0100',
    });
    assert.equal(
      apply(MINIMAL_CATALOG, edit.changes![catalogUri]),
      MINIMAL_CATALOG.replace('R-330100-JT-0001', 'R-330100-JT-0100'),
    );
    assert.equal(apply(register, edit.changes![registerUri]), register.replace('R-330100-JT-0001', 'R-330100-JT-0100'));
    await assert.rejects(
      client.request('textDocument/rename', {
        textDocument: { uri: catalogUri },
        position: { line: 8, character: 12 },
        newName: 'bad id',
      }),
      /R-/,
    );
  });

  async function actionsAt(uri: string, text: string, line: number): Promise<CodeAction[]> {
    const published = await client.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.range.start.line === line));
    const diagnostics = published.diagnostics.filter((d) => d.range.start.line === line);
    void text;
    return client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
  }

  it('quick fix: add the missing security assessment, byte for byte, comments kept', async () => {
    const text =
      register +
      `    authorizations:
      - entity: 某市大数据运营有限公司   # 运营主体
        rights: [数据加工使用权]
        approval: { ref: 某财资〔2024〕56号 }
`;
    client.change(
      registerUri,
      { start: { line: 0, character: 0 }, end: { line: register.split('\n').length, character: 0 } },
      text,
    );
    const line = text.split('\n').findIndex((l) => l.includes('- entity:'));
    const actions = await actionsAt(registerUri, text, line);
    const fix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.some((d) => d.code === 'DA-AUTH-001'));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(
      apply(text, fix.edit!.changes![registerUri]),
      text.replace(
        '        approval: { ref: 某财资〔2024〕56号 }\n',
        '        approval: { ref: 某财资〔2024〕56号 }\n        securityAssessment:\n          ref: 待填写\n          date: 待填写\n',
      ),
    );
  });

  it('quick fix: replace an invalid enum value with the closest valid one, and waive with a comment', async () => {
    const text = register.replace('method: 自主采集', 'method: 自主采');
    client.change(
      registerUri,
      { start: { line: 0, character: 0 }, end: { line: register.split('\n').length, character: 0 } },
      text,
    );
    const line = text.split('\n').findIndex((l) => l.includes('method: 自主采'));
    const actions = await actionsAt(registerUri, text, line);
    const replace = actions.find((a) => a.title.includes('自主采集'));
    assert.ok(replace, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(apply(text, replace.edit!.changes![registerUri]), register);
    const waive = actions.find((a) => /Waive/.test(a.title));
    assert.ok(waive);
    assert.equal(
      apply(text, waive.edit!.changes![registerUri]),
      text.replace(
        '      method: 自主采',
        '      # steward-disable-next-line DA-SCHEMA-003 -- reason to fill in\n      method: 自主采',
      ),
    );
  });

  it('quick fix: replace a 2010-edition code', async () => {
    const text = register.replace('classificationCode: A08060201', 'classificationCode: 2010000');
    client.change(
      registerUri,
      { start: { line: 0, character: 0 }, end: { line: register.split('\n').length, character: 0 } },
      text,
    );
    const line = text.split('\n').findIndex((l) => l.includes('2010000'));
    const actions = await actionsAt(registerUri, text, line);
    const replace = actions.find((a) => a.title.includes('A08060201'));
    assert.ok(replace, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(apply(text, replace.edit!.changes![registerUri]), register);
  });
});

describe('lsp: completion and hover over stdio', function () {
  this.timeout(60_000);
  let client: LspClient;
  afterEach(async () => client.close());

  it('offers the grades at securityGrade, codes with names at classificationCode, and explains a key on hover', async () => {
    client = new LspClient();
    const dir = tempDir({ 'a.catalog.yaml': MINIMAL_CATALOG });
    await client.ready(dir);
    const uri = uriOf(path.join(dir, 'b.assets.yaml'));
    client.open(uri, MINIMAL_REGISTER);
    await client.diagnosticsFor(uri);
    const lines = MINIMAL_REGISTER.split('\n');
    const gradeLine = lines.findIndex((l) => l.startsWith('    securityGrade:'));
    const grades = await client.request<{ items: { label: string }[] }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: gradeLine, character: 19 },
    });
    assert.deepEqual(
      grades.items
        .map((i) => i.label)
        .filter((l) => /数据$/.test(l))
        .sort(),
      ['一般数据', '核心数据', '重要数据'].sort(),
    );
    const codeLine = lines.findIndex((l) => l.startsWith('    classificationCode:'));
    const codes = await client.request<{ items: { label: string; detail?: string }[] }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: codeLine, character: 24 },
    });
    assert.ok(
      codes.items.some((i) => i.label === 'A08060201' && /结构化数据/.test(i.detail ?? '')),
      JSON.stringify(codes.items.slice(0, 5)),
    );
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri },
      position: { line: gradeLine, character: 6 },
    });
    assert.match(hover.contents.value, /数据分级/);
    assert.match(hover.contents.value, /GB\/T 43697-2024/);
  });
});

describe('lsp: every quick fix the server offers on the invalid examples', function () {
  this.timeout(120_000);
  let client: LspClient;
  afterEach(async () => client.close());

  it('applies each preferred fix; the text changes only where the edit says and the finding is gone', async () => {
    const fs = await import('node:fs');
    const root = path.resolve(__dirname, '..', '..', 'examples');
    client = new LspClient();
    await client.ready(root);
    let applied = 0;
    for (const name of fs.readdirSync(path.join(root, 'invalid')).sort()) {
      const uri = uriOf(path.join(root, 'invalid', name));
      const text = fs.readFileSync(path.join(root, 'invalid', name), 'utf8');
      client.open(uri, text);
      const published = await client.nextDiagnostics(uri);
      for (const diagnostic of published.diagnostics) {
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: diagnostic.range,
          context: { diagnostics: [diagnostic] },
        });
        const fix = actions.find((a) => a.isPreferred && a.diagnostics?.some((d) => d.code === diagnostic.code));
        if (!fix) continue;
        const edits = fix.edit!.changes![uri];
        const fixed = apply(text, edits);
        // Lines before the first edit are untouched.
        const firstLine = Math.min(...edits.map((e) => e.range.start.line));
        assert.deepEqual(fixed.split('\n').slice(0, firstLine), text.split('\n').slice(0, firstLine), name);
        const version = client.change(
          uri,
          { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } },
          fixed,
        );
        const after = await client.nextDiagnostics(uri, (p) => p.version === version);
        const same = (d: { code?: string | number; range: { start: { line: number } } }) =>
          d.code === diagnostic.code && d.range.start.line === diagnostic.range.start.line;
        assert.ok(!after.diagnostics.some(same), `${name}: ${diagnostic.code} still reported after its fix`);
        applied++;
        // Back to the original for the next diagnostic.
        const back = client.change(
          uri,
          { start: { line: 0, character: 0 }, end: { line: fixed.split('\n').length, character: 0 } },
          text,
        );
        await client.nextDiagnostics(uri, (p) => p.version === back);
      }
    }
    assert.ok(applied >= 8, `only ${applied} fixes applied`);
  });
});
