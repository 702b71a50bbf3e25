import * as assert from 'node:assert/strict';
import { parseStewardFile, ChunkCache } from '../server/src/service/parser/parse';
import { splitDocuments } from '../server/src/service/parser/split';
import { LineIndex } from '../server/src/service/parser/lines';
import { toPlainValue } from '../server/src/service/parser/convert';
import type { YamlNode } from '../server/src/service/parser/ast';
import type { Span } from '../server/src/service/types';
import { getValue } from '../server/src/service/parser/ast';

const REGISTER = `# 登记表
apiVersion: steward/v1
kind: DataAssetRegister
unit:
  name: 某市交通运输局
  code: 113301000025391739
  type: 行政单位
assets:
  # 第一项
  - id: DA-2024-0001
    name: 公交运行监测数据集
    note: |
      多行
      文本
  - id: DA-2024-0002
    name: "第二项"
    tags: [a, b]

  - id: DA-2024-0003
    name: 第三项
`;

function strip(node: YamlNode | null): unknown {
  return node === null ? null : toPlainValue(node);
}

/** A span's two numbers (a node is its own span, so comparing `span`s would compare whole nodes). */
function offsets(span: Span): Span {
  return { start: span.start, end: span.end };
}

function pos(text: string, offset: number): string {
  const p = new LineIndex(text).positionAt(offset);
  return `${p.line + 1}:${p.character + 1}`;
}

describe('parser: what a node holds (an open file keeps millions of them, issue 19)', () => {
  const text = "a: 公交车辆\nb: 75000\nc: '113301'\nd: 1.50\ne: true\n'f g': x\nh:\n  - 1\n";
  for (const fast of [true, false]) {
    it(`${fast ? 'the fast parser' : 'the yaml package'}: own fields only where nodes differ`, () => {
      const root = parseStewardFile('x', text, { fast }).documents[0].root;
      assert.ok(root && root.type === 'map');
      assert.deepEqual(Object.keys(root), ['start', 'end', 'entries']);
      const [a, b, c, d, e, f, h] = root.entries;
      // A key written as itself: its span ends at its start plus its length.
      assert.deepEqual(Object.keys(a), ['key', 'start', 'value']);
      assert.deepEqual(offsets(a.keySpan), { start: 0, end: 1 });
      // A scalar written as its value reads: no source, no style, no type of its own.
      for (const [entry, value, source] of [
        [a, '公交车辆', '公交车辆'],
        [b, 75000, '75000'],
        [e, true, 'true'],
      ] as const) {
        assert.deepEqual(Object.keys(entry.value), ['start', 'end', 'value'], entry.key);
        assert.ok(entry.value.type === 'scalar');
        assert.deepEqual([entry.value.value, entry.value.source, entry.value.style], [value, source, 'plain']);
      }
      // What differs from how it reads is held.
      assert.ok(c.value.type === 'scalar' && d.value.type === 'scalar');
      assert.deepEqual([c.value.value, c.value.source, c.value.style], ['113301', '113301', 'single']);
      assert.deepEqual([d.value.value, d.value.source, d.value.style], [1.5, '1.50', 'plain']);
      assert.deepEqual(Object.keys(f), ['key', 'start', 'end', 'value']);
      assert.deepEqual([f.key, text.slice(f.keySpan.start, f.keySpan.end)], ['f g', "'f g'"]);
      assert.ok(h.value.type === 'seq');
      assert.deepEqual(Object.keys(h.value), ['start', 'end', 'items']);
    });
  }
});

describe('parser: splitting into documents and items', () => {
  it('splits an item list into one chunk per item, comments and blank lines included', () => {
    const [doc] = splitDocuments(REGISTER);
    assert.ok(doc.items);
    assert.equal(doc.items.key, 'assets');
    assert.equal(doc.items.items.length, 3);
    assert.ok(REGISTER.slice(doc.items.items[0].start).startsWith('  - id: DA-2024-0001'));
    assert.ok(REGISTER.slice(doc.items.items[2].start).startsWith('  - id: DA-2024-0003'));
    assert.equal(doc.items.items[2].end, REGISTER.length);
  });

  it('splits documents at --- and not at --- inside a value', () => {
    const text = 'a: 1\n---\nb: "---"\n--- # second\nc: 3\n';
    const docs = splitDocuments(text);
    assert.equal(docs.length, 3);
    assert.equal(text.slice(docs[1].span.start, docs[1].span.end), '---\nb: "---"\n');
  });

  it('leaves flow lists and lists with odd layout whole', () => {
    assert.equal(splitDocuments('assets: [1, 2]\n')[0].items, undefined);
    assert.equal(splitDocuments('assets:\n  - a\n   bad: 1\n  x: 2\n')[0].items, undefined);
  });

  it('handles a list at column 0 and keys after the list', () => {
    const text = 'kind: DataAssetRegister\nassets:\n- id: DA-A\n- id: DA-B\nextra: 1\n';
    const [doc] = splitDocuments(text);
    assert.equal(doc.items?.items.length, 2);
    assert.equal(text.slice(doc.items.tail.start, doc.items.tail.end), 'extra: 1\n');
  });
});

describe('parser: chunked parsing is the same as whole parsing', () => {
  const cases: Record<string, string> = {
    register: REGISTER,
    crlf: REGISTER.replace(/\n/g, '\r\n'),
    'list at column 0 with tail keys':
      'apiVersion: steward/v1\nkind: DataAssetRegister\nassets:\n- id: DA-A\n  name: a\n- id: DA-B\nextra: 1\n',
    'two documents':
      REGISTER +
      '---\n' +
      REGISTER.replace('DataAssetRegister', 'DataResourceCatalog').replace('assets:', 'resources:'),
    'anchor used across items':
      'kind: DataAssetRegister\nassets:\n  - id: DA-A\n    unit: &u 组\n  - id: DA-B\n    unit: *u\n',
    'empty item': 'kind: DataAssetRegister\nassets:\n  -\n  - id: DA-B\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      const split = parseStewardFile('x', text);
      const whole = parseStewardFile('x', text, { split: false });
      assert.deepEqual(
        split.documents.map((d) => strip(d.root)),
        whole.documents.map((d) => strip(d.root)),
      );
      assert.deepEqual(
        split.parseFindings.map((f) => f.ruleId),
        whole.parseFindings.map((f) => f.ruleId),
      );
      // Every key keeps its absolute position.
      const walk = (a: YamlNode, b: YamlNode): void => {
        assert.deepEqual(offsets(a.span), offsets(b.span), `span of ${JSON.stringify(strip(a))}`);
        if (a.type === 'map' && b.type === 'map')
          a.entries.forEach((e, i) => {
            assert.deepEqual(offsets(e.keySpan), offsets(b.entries[i].keySpan));
            walk(e.value, b.entries[i].value);
          });
        if (a.type === 'seq' && b.type === 'seq') a.items.forEach((item, i) => walk(item, b.items[i]));
      };
      split.documents.forEach((d, i) => {
        const other = whole.documents[i].root;
        if (d.root && other && d.root.type === 'map' && other.type === 'map') {
          d.root.entries.forEach((e, k) => {
            assert.deepEqual(offsets(e.keySpan), offsets(other.entries[k].keySpan));
            if (e.value.type !== 'seq') walk(e.value, other.entries[k].value);
            else if (other.entries[k].value.type === 'seq')
              e.value.items.forEach((item, j) =>
                walk(item, (other.entries[k].value as { items: YamlNode[] }).items[j]),
              );
          });
        }
      });
    });
  }

  it("exposes the items of the kind's list with their spans", () => {
    const file = parseStewardFile('x', REGISTER);
    const [doc] = file.documents;
    assert.equal(doc.kind, 'DataAssetRegister');
    assert.equal(doc.items.length, 3);
    const second = doc.items[1].node!;
    assert.equal(pos(REGISTER, getValue(second, 'name')!.span.start), '16:11');
  });
});

describe('parser: positions and problems', () => {
  it('keeps an 18-digit unit code as written', () => {
    const file = parseStewardFile('x', 'unit:\n  code: 113301000025391739\n');
    const code = getValue(getValue(file.documents[0].root!, 'unit'), 'code');
    assert.equal(code?.type === 'scalar' && code.value, '113301000025391739');
  });

  it('reports a duplicate key at the second key, naming it', () => {
    const text = 'kind: DataAssetRegister\nassets:\n  - id: DA-A\n    name: a\n    name: b\n';
    const [finding] = parseStewardFile('x', text).parseFindings;
    assert.equal(finding.ruleId, 'DA-YAML-002');
    assert.deepEqual(finding.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 8 } });
    assert.match(finding.message.en, /"name"/);
  });

  it('reports a duplicate key split between the head and the tail of a document', () => {
    const text = 'kind: DataAssetRegister\nunit: {}\nassets:\n- id: DA-A\nunit: {}\n';
    const findings = parseStewardFile('x', text).parseFindings;
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.range.start.line]),
      [['DA-YAML-002', 4]],
    );
  });

  it('reports tabs used as indentation with their line', () => {
    const findings = parseStewardFile('x', 'unit:\n\tname: x\n').parseFindings;
    assert.ok(
      findings.some((f) => f.ruleId === 'DA-YAML-003' && f.range.start.line === 1),
      JSON.stringify(findings),
    );
  });

  it('reports syntax errors at their place in a chunk, in both languages', () => {
    const text = 'kind: DataAssetRegister\nassets:\n  - id: DA-A\n  - id: "DA-B\n  - id: DA-C\n';
    const findings = parseStewardFile('x', text).parseFindings;
    assert.ok(findings.length > 0);
    assert.ok(
      findings.every((f) => f.range.start.line >= 3),
      JSON.stringify(findings.map((f) => f.range)),
    );
    assert.match(findings[0].message['zh-CN'], /YAML/);
  });

  it('survives a billion-laughs alias bomb quickly and says so', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 12; i++)
      text += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const started = Date.now();
    const file = parseStewardFile('x', text);
    assert.ok(Date.now() - started < 5000);
    assert.ok(file.parseFindings.some((f) => f.ruleId === 'DA-YAML-005'));
  });

  it('survives 10,000-deep nesting, block and flow', () => {
    let block = '';
    for (let i = 0; i < 10_000; i++) block += ' '.repeat(i) + 'a:\n';
    const flow = 'a: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n';
    for (const text of [block, flow]) {
      const file = parseStewardFile('x', text);
      const deep = file.parseFindings.filter((f) => f.ruleId === 'DA-YAML-006');
      assert.equal(deep.length, 1, JSON.stringify(file.parseFindings.map((f) => f.ruleId)));
    }
  });

  it('treats __proto__ and constructor as ordinary keys', () => {
    const file = parseStewardFile('x', '__proto__: {polluted: true}\nconstructor: 1\n');
    const value = toPlainValue(file.documents[0].root!) as Record<string, unknown>;
    assert.deepEqual(Object.keys(value), ['__proto__', 'constructor']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
  });

  it('blanks a byte-order mark without moving offsets', () => {
    const file = parseStewardFile('x', '\uFEFFkind: DataAssetRegister\n');
    assert.equal(file.documents[0].kind, 'DataAssetRegister');
  });

  it('maps positions through CRLF and lone CR line ends', () => {
    const lines = new LineIndex('a\r\nb\rc\nd');
    assert.deepEqual(lines.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(5), { line: 2, character: 0 });
    assert.deepEqual(lines.positionAt(7), { line: 3, character: 0 });
    assert.equal(lines.offsetAt({ line: 2, character: 1 }), 6);
  });
});

describe('parser: incremental reuse', () => {
  it('an edit inside one item re-parses that item only (chunks the yaml package parses are cached)', () => {
    const cache = new ChunkCache();
    let text = 'apiVersion: steward/v1\nkind: DataAssetRegister\nunit: {name: x}\nassets:\n';
    for (let i = 0; i < 50; i++) text += `  - id: DA-${i}\n    name: item ${i}\n`;
    // The fast parser builds a chunk's tree as fast as a cache could copy it, so only the fallback uses the cache.
    parseStewardFile('x', text, { cache, fast: false });
    const before = { hits: cache.hits, misses: cache.misses };
    const edited = text.replace('name: item 25', 'name: item 25 changed');
    const file = parseStewardFile('x', edited, { cache, fast: false });
    assert.equal(cache.misses - before.misses, 1, 'only the edited item is parsed');
    assert.equal(cache.hits - before.hits, 50, 'the head and the 49 other items come from the cache');
    // Items after the edit are reused at their new offsets.
    const last = file.documents[0].items[49].node!;
    assert.equal(edited.slice(getValue(last, 'name')!.span.start, getValue(last, 'name')!.span.end), 'item 49');
  });
});
