import * as assert from 'node:assert/strict';
import type { Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { createStewardService } from '../server/src/service';
import type { StewardService } from '../server/src/service';
import { definition, prepareRename, references, rename } from '../server/src/service/navigation';
import { LineIndex } from '../server/src/service/parser/lines';
import type { StewardDocument } from '../server/src/service/parser/model';

const A = 'file:///a.catalog.yaml';
const B = 'file:///b.assets.yaml';

const CATALOG = `apiVersion: steward/v1
kind: DataResourceCatalog
unit:
  name: 某市交通运输局
resources:
  - id: R-330100-JT-0001   # 公交
    name: 公交车辆实时位置数据
  - id: 'R-330100-JT-0002'
    name: 出租车订单数据
    relatedResources: [R-330100-JT-0001, "R-330100-JT-0003"]
`;

const REGISTER = `apiVersion: steward/v1
kind: DataAssetRegister
assets:
  - id: DA-2024-0001
    name: 公交运行监测数据集
    resource: R-330100-JT-0001
  - id: "DA-2024-0002"
    name: 公交线路分析
    resource: "R-330100-JT-0001"   # 同一资源
  - id: DA-2024-0003
    name: 出租车订单
    resource: 'R-330100-JT-0002'
  - id: DA-2024-0004
    name: 待核对
    resource: R-330100-JT-9999
`;

interface Workspace {
  service: StewardService;
  texts: Record<string, string>;
  files: Record<string, StewardDocument>;
}

function workspace(texts: Record<string, string> = { [A]: CATALOG, [B]: REGISTER }): Workspace {
  const service = createStewardService({ today: '2026-11-26' });
  const files: Record<string, StewardDocument> = {};
  for (const [uri, text] of Object.entries(texts)) files[uri] = service.update(uri, text).document;
  return { service, texts, files };
}

/** The offset of the `|` in `marked`, a snippet that occurs once in `text` once the `|` is taken out. */
function offsetOf(text: string, marked: string): number {
  const bar = marked.indexOf('|');
  const plain = marked.slice(0, bar) + marked.slice(bar + 1);
  const at = text.indexOf(plain);
  assert.ok(at >= 0 && text.indexOf(plain, at + 1) < 0, `"${plain}" must occur exactly once`);
  return at + bar;
}

function slice(text: string, range: Range): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

/** `b 6:15 R-330100-JT-0001`: file letter, 1-based line and column, and the text the location covers. */
function show(ws: Workspace, locations: Location[]): string[] {
  return locations.map(
    (l) =>
      `${l.uri === A ? 'a' : l.uri === B ? 'b' : l.uri} ${l.range.start.line + 1}:${l.range.start.character + 1} ${slice(ws.texts[l.uri], l.range)}`,
  );
}

/** Applies LSP text edits (non-overlapping; insertions at one place in array order). */
function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits
    .map((edit, order) => ({
      start: lines.offsetAt(edit.range.start),
      end: lines.offsetAt(edit.range.end),
      newText: edit.newText,
      order,
    }))
    .sort((x, y) => x.start - y.start || x.order - y.order);
  let out = '';
  let at = 0;
  for (const span of spans) {
    assert.ok(span.start >= at, 'edits overlap');
    out += text.slice(at, span.start) + span.newText;
    at = span.end;
  }
  return out + text.slice(at);
}

function uriOf(file: 'a' | 'b'): string {
  return file === 'a' ? A : B;
}

describe('navigation: go to definition', () => {
  const cases: Array<{ name: string; file: 'a' | 'b'; at: string; expected: string[] }> = [
    {
      name: "an asset's resource: the resource's id in the catalog",
      file: 'b',
      at: 'resource: R-330|100-JT-0001',
      expected: ['a 6:9 R-330100-JT-0001'],
    },
    {
      name: 'a double-quoted reference, cursor at its end',
      file: 'b',
      at: 'resource: "R-330100-JT-0001|"',
      expected: ['a 6:9 R-330100-JT-0001'],
    },
    {
      name: 'a reference to a single-quoted definition: the text inside the quotes',
      file: 'b',
      at: "resource: '|R-330100-JT-0002'",
      expected: ['a 8:10 R-330100-JT-0002'],
    },
    { name: 'a relatedResources entry', file: 'a', at: '[R-330100-JT-00|01,', expected: ['a 6:9 R-330100-JT-0001'] },
    { name: 'a relatedResources entry naming no resource', file: 'a', at: '"R-330100-JT-0|003"', expected: [] },
    { name: 'a reference naming no resource', file: 'b', at: 'R-330100-JT-9|999', expected: [] },
    { name: 'a resource id: itself', file: 'a', at: 'id: R-3|30100-JT-0001', expected: ['a 6:9 R-330100-JT-0001'] },
    {
      name: 'a quoted asset id: itself, inside the quotes',
      file: 'b',
      at: 'id: "DA-2024-00|02"',
      expected: ['b 7:10 DA-2024-0002'],
    },
    { name: 'the resource key, not its value', file: 'b', at: '    reso|urce: R-330100-JT-9999', expected: [] },
    { name: 'any other value', file: 'b', at: 'name: 出租|车订单', expected: [] },
    { name: 'a comment', file: 'a', at: '# 公|交', expected: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const ws = workspace();
      const uri = uriOf(c.file);
      assert.deepEqual(
        show(ws, definition(ws.files[uri], offsetOf(ws.texts[uri], c.at), ws.service.index)),
        c.expected,
      );
    });
  }
});

describe('navigation: find references', () => {
  const all0001 = [
    'a 6:9 R-330100-JT-0001',
    'a 10:24 R-330100-JT-0001',
    'b 6:15 R-330100-JT-0001',
    'b 9:16 R-330100-JT-0001',
  ];
  const cases: Array<{ name: string; file: 'a' | 'b'; at: string; includeDeclaration: boolean; expected: string[] }> = [
    {
      name: 'from a resource definition: the definition, the related entry and both assets',
      file: 'a',
      at: 'id: R-330100-JT-000|1',
      includeDeclaration: true,
      expected: all0001,
    },
    {
      name: 'the same without the declaration',
      file: 'a',
      at: 'id: R-330100-JT-000|1',
      includeDeclaration: false,
      expected: all0001.slice(1),
    },
    {
      name: 'from a reference in another file: the same set',
      file: 'b',
      at: 'resource: "R-33|0100-JT-0001"',
      includeDeclaration: true,
      expected: all0001,
    },
    {
      name: 'from a related entry: the same set',
      file: 'a',
      at: '[|R-330100-JT-0001',
      includeDeclaration: true,
      expected: all0001,
    },
    {
      name: 'a quoted definition and its quoted reference',
      file: 'a',
      at: "'R-330100-JT-0002|'",
      includeDeclaration: true,
      expected: ['a 8:10 R-330100-JT-0002', 'b 12:16 R-330100-JT-0002'],
    },
    {
      name: 'an id named only by a related entry',
      file: 'a',
      at: '"R-330100-JT-0003|"',
      includeDeclaration: true,
      expected: ['a 10:43 R-330100-JT-0003'],
    },
    {
      name: 'an asset id: its definition',
      file: 'b',
      at: 'id: DA-2024-000|3',
      includeDeclaration: true,
      expected: ['b 10:9 DA-2024-0003'],
    },
    {
      name: 'an asset id without the declaration: nothing refers to assets',
      file: 'b',
      at: 'id: DA-2024-000|3',
      includeDeclaration: false,
      expected: [],
    },
    { name: 'not on an id', file: 'a', at: 'name: 出租车|订单数据', includeDeclaration: true, expected: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const ws = workspace();
      const uri = uriOf(c.file);
      assert.deepEqual(
        show(ws, references(ws.files[uri], offsetOf(ws.texts[uri], c.at), ws.service.index, c.includeDeclaration)),
        c.expected,
      );
    });
  }
});

describe('navigation: prepare rename', () => {
  const cases: Array<{ file: 'a' | 'b'; at: string; expected: string | null }> = [
    { file: 'a', at: 'id: |R-330100-JT-0001', expected: 'R-330100-JT-0001' },
    { file: 'a', at: "id: 'R-330100-JT-0002|'", expected: 'R-330100-JT-0002' },
    { file: 'b', at: 'resource: "R-330100-JT-0001"|', expected: 'R-330100-JT-0001' },
    { file: 'b', at: 'id: "DA-2024-0002|"', expected: 'DA-2024-0002' },
    { file: 'b', at: 'R-330100-JT-|9999', expected: 'R-330100-JT-9999' },
    { file: 'b', at: 'kind: DataAsset|Register', expected: null },
    { file: 'b', at: '|  - id: DA-2024-0001', expected: null },
  ];
  for (const c of cases) {
    it(`${c.file}: ${c.at} -> ${c.expected}`, () => {
      const ws = workspace();
      const uri = uriOf(c.file);
      const range = prepareRename(ws.files[uri], offsetOf(ws.texts[uri], c.at), ws.service.index);
      assert.equal(range === null ? null : slice(ws.texts[uri], range), c.expected);
    });
  }
});

describe('navigation: rename', () => {
  const renamed = (edit: WorkspaceEdit | { error: unknown }, ws: Workspace): Record<string, string> => {
    assert.ok(!('error' in edit), `unexpected error ${JSON.stringify(edit)}`);
    const changes = edit.changes!;
    return Object.fromEntries(
      Object.entries(changes).map(([uri, edits]) => [uri, applyTextEdits(ws.texts[uri], edits)]),
    );
  };

  const cases: Array<{ name: string; file: 'a' | 'b'; at: string; newName: string; a?: string; b?: string }> = [
    {
      name: 'a resource from a reference: its definition, the related entry and every asset, quoting kept',
      file: 'b',
      at: 'resource: R-330100-JT-00|01',
      newName: 'R-330100-JT-0101',
      a: CATALOG.replace('id: R-330100-JT-0001   # 公交', 'id: R-330100-JT-0101   # 公交').replace(
        '[R-330100-JT-0001,',
        '[R-330100-JT-0101,',
      ),
      b: REGISTER.replace('resource: R-330100-JT-0001', 'resource: R-330100-JT-0101').replace(
        'resource: "R-330100-JT-0001"',
        'resource: "R-330100-JT-0101"',
      ),
    },
    {
      name: 'a single-quoted resource definition and its single-quoted reference',
      file: 'a',
      at: "id: 'R-330|100-JT-0002'",
      newName: 'R-330100-JT-0202',
      a: CATALOG.replace("'R-330100-JT-0002'", "'R-330100-JT-0202'"),
      b: REGISTER.replace("'R-330100-JT-0002'", "'R-330100-JT-0202'"),
    },
    {
      name: 'a related entry naming no resource: the entry alone',
      file: 'a',
      at: '"R-330100-JT-|0003"',
      newName: 'R-330100-JT-0303',
      a: CATALOG.replace('"R-330100-JT-0003"', '"R-330100-JT-0303"'),
    },
    {
      name: 'an asset id: its definition only, inside its quotes',
      file: 'b',
      at: 'id: "DA-2024-|0002"',
      newName: 'DA-2024-0020',
      b: REGISTER.replace('"DA-2024-0002"', '"DA-2024-0020"'),
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const ws = workspace();
      const uri = uriOf(c.file);
      const result = renamed(rename(ws.files[uri], offsetOf(ws.texts[uri], c.at), c.newName, ws.service.index), ws);
      const expected: Record<string, string> = {};
      if (c.a !== undefined) expected[A] = c.a;
      if (c.b !== undefined) expected[B] = c.b;
      assert.deepEqual(result, expected);
    });
  }

  const refusals: Array<{ name: string; file: 'a' | 'b'; at: string; newName: string; en: RegExp; zh: RegExp }> = [
    {
      name: 'a resource id that does not match R-[A-Z0-9-]+',
      file: 'b',
      at: 'R-330100-JT-000|1"',
      newName: 'r-330100-jt-0101',
      en: /not a valid resource id/,
      zh: /不是有效的数据资源编号/,
    },
    {
      name: 'an asset name for a resource',
      file: 'a',
      at: 'id: R-330100-JT-000|1',
      newName: 'DA-2024-0009',
      en: /not a valid resource id/,
      zh: /不是有效的数据资源编号/,
    },
    {
      name: 'a resource name for an asset',
      file: 'b',
      at: 'id: DA-2024-000|1',
      newName: 'R-330100-JT-0009',
      en: /not a valid asset id/,
      zh: /不是有效的数据资产编号/,
    },
    {
      name: 'spaces around the name',
      file: 'b',
      at: 'id: DA-2024-000|1',
      newName: ' DA-2024-0009',
      en: /not a valid asset id/,
      zh: /不是有效的数据资产编号/,
    },
    {
      name: 'an id defined elsewhere',
      file: 'a',
      at: 'id: R-330100-JT-000|1',
      newName: 'R-330100-JT-0002',
      en: /already used in the workspace \(file:\/\/\/a\.catalog\.yaml:8\)/,
      zh: /已在工作区中使用/,
    },
    {
      name: 'an asset id defined elsewhere',
      file: 'b',
      at: 'id: DA-2024-000|1',
      newName: 'DA-2024-0003',
      en: /already used/,
      zh: /已在工作区中使用/,
    },
    {
      name: 'an id assets already refer to',
      file: 'a',
      at: 'id: R-330100-JT-000|1',
      newName: 'R-330100-JT-9999',
      en: /already used in the workspace \(file:\/\/\/b\.assets\.yaml:15\)/,
      zh: /已在工作区中使用/,
    },
    {
      name: 'an id a related entry already names',
      file: 'a',
      at: 'id: R-330100-JT-000|1',
      newName: 'R-330100-JT-0003',
      en: /already used/,
      zh: /已在工作区中使用/,
    },
    {
      name: 'the same id',
      file: 'a',
      at: 'id: R-330100-JT-000|1',
      newName: 'R-330100-JT-0001',
      en: /same as the current one/,
      zh: /与原编号相同/,
    },
    {
      name: 'a position that is not an id',
      file: 'b',
      at: 'name: 公交|线路分析',
      newName: 'R-330100-JT-0101',
      en: /Only a resource id/,
      zh: /只能重命名/,
    },
  ];
  for (const c of refusals) {
    it(`refuses ${c.name}`, () => {
      const ws = workspace();
      const uri = uriOf(c.file);
      const result = rename(ws.files[uri], offsetOf(ws.texts[uri], c.at), c.newName, ws.service.index);
      assert.ok('error' in result, 'expected an error');
      assert.match(result.error.en, c.en);
      assert.match(result.error['zh-CN'], c.zh);
    });
  }

  it('a definition whose id is defined twice is renamed alone, resolving the duplicate', () => {
    const C = 'file:///c.catalog.yaml';
    const duplicate =
      'apiVersion: steward/v1\nkind: DataResourceCatalog\nresources:\n  - id: R-330100-JT-0001\n    name: 重复登记的资源\n';
    const ws = workspace({ [A]: CATALOG, [B]: REGISTER, [C]: duplicate });
    const result = renamed(
      rename(ws.files[C], offsetOf(duplicate, 'id: R-|330100'), 'R-330100-JT-0009', ws.service.index),
      ws,
    );
    assert.deepEqual(result, { [C]: duplicate.replace('R-330100-JT-0001', 'R-330100-JT-0009') });
  });

  it('keeps CRLF line breaks and edits on the right lines', () => {
    const crlf = { [A]: CATALOG.replace(/\n/g, '\r\n'), [B]: REGISTER.replace(/\n/g, '\r\n') };
    const ws = workspace(crlf);
    const result = renamed(
      rename(ws.files[A], offsetOf(crlf[A], '[R-330100-JT-0001|'), 'R-330100-JT-0101', ws.service.index),
      ws,
    );
    assert.deepEqual(result, {
      [A]: crlf[A].replace(/R-330100-JT-0001/g, 'R-330100-JT-0101'),
      [B]: crlf[B].replace(/R-330100-JT-0001/g, 'R-330100-JT-0101'),
    });
  });

  it('the edits reach files by the uri the index stores, and the renamed workspace has no dangling reference', () => {
    const ws = workspace();
    const edit = rename(ws.files[B], offsetOf(REGISTER, "'R-330100-JT-00|02'"), 'R-330100-JT-0202', ws.service.index);
    const texts = renamed(edit, ws);
    for (const [uri, text] of Object.entries(texts)) ws.service.update(uri, text);
    assert.deepEqual(
      ws.service
        .findings(B)
        .filter((f) => f.ruleId === 'DA-REF-001')
        .map((f) => f.range.start.line + 1),
      [15],
    );
  });
});
