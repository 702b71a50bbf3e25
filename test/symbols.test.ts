import * as assert from 'node:assert/strict';
import { SymbolKind } from 'vscode-languageserver-types';
import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { createStewardService } from '../server/src/service';
import { documentSymbols } from '../server/src/service/symbols';
import { LineIndex } from '../server/src/service/parser/lines';
import type { Locale } from '../server/src/service/types';
import { MINIMAL_REGISTER, random, registerOf } from './helpers';

const KIND_NAMES = new Map<number, string>(Object.entries(SymbolKind).map(([name, value]) => [value as number, name]));

function parse(text: string, uri = 'file:///a.catalog.yaml') {
  return createStewardService({ today: '2026-11-26' }).update(uri, text).document;
}

/** The outline as lines: kind, name, detail, 1-based line span, and the text of the selection range. */
function render(symbols: DocumentSymbol[], text: string, depth = 0): string[] {
  const lines = new LineIndex(text);
  const slice = (range: Range) => text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
  return symbols.flatMap((symbol) => [
    `${'  '.repeat(depth)}${KIND_NAMES.get(symbol.kind)} ${symbol.name}${symbol.detail ? ` (${symbol.detail})` : ''} ${symbol.range.start.line + 1}-${symbol.range.end.line + 1} [${slice(symbol.selectionRange)}]`,
    ...render(symbol.children ?? [], text, depth + 1),
  ]);
}

const CATALOG = `apiVersion: steward/v1
kind: DataResourceCatalog
unit:
  name: 某市交通运输局
  code: 113301000025391739
  type: 行政单位
resources:
  - id: R-330100-JT-0001
    name: 公交车辆实时位置数据
    securityGrade: 重要数据

  # 下一条待补充
  - id: 'R-330100-JT-0002'
    name: 出租车订单数据
`;

const REGISTER = `apiVersion: steward/v1
kind: DataAssetRegister
unit: { name: 某市交通运输局, type: 行政单位 }
assets:
  - id: DA-2024-0001
    name: 公交运行监测数据集
    resource: R-330100-JT-0001
    classificationCode: A08060201
    authorizations:
      - entity: 某市大数据运营有限公司
        rights: [数据加工使用权, 数据产品经营权]
      - rights: [数据加工使用权]
    revenue:
      - year: 2024
        source: 使用
        amount: 120000
        handling: 非税收入
    disposal:
      method: 销毁
      decision: { ref: 某财资〔2025〕3号, date: 2025-03-01 }
  - name: 尚未编号的资产
`;

const BOTH = `${CATALOG}---\n${REGISTER}`;

interface Case {
  name: string;
  text: string;
  locale: Locale;
  outline: string[];
}

const CASES: Case[] = [
  {
    name: 'a catalog and a register in one file, in Chinese',
    text: BOTH,
    locale: 'zh-CN',
    outline: [
      'Module 数据资源目录 · 某市交通运输局 1-14 [DataResourceCatalog]',
      '  Object 单位 某市交通运输局 (行政单位) 3-6 [某市交通运输局]',
      '  Class R-330100-JT-0001 公交车辆实时位置数据 (重要数据) 8-10 [R-330100-JT-0001]',
      "  Class R-330100-JT-0002 出租车订单数据 13-14 ['R-330100-JT-0002']",
      'Module 数据资产登记 · 某市交通运输局 15-36 [DataAssetRegister]',
      '  Object 单位 某市交通运输局 (行政单位) 18-18 [某市交通运输局]',
      '  Struct DA-2024-0001 公交运行监测数据集 (A08060201) 20-35 [DA-2024-0001]',
      '    Event 授权 → 某市大数据运营有限公司 (数据加工使用权, 数据产品经营权) 25-26 [某市大数据运营有限公司]',
      '    Event 授权 → （未填写） (数据加工使用权) 27-27 [rights]',
      '    Field 收益 2024 使用 (120000 非税收入) 29-32 [year]',
      '    Event 处置 → 销毁 (2025-03-01) 33-35 [disposal]',
      '  Struct 尚未编号的资产 36-36 [name]',
    ],
  },
  {
    name: 'the same file in English',
    text: BOTH,
    locale: 'en',
    outline: [
      'Module Data resource catalog · 某市交通运输局 1-14 [DataResourceCatalog]',
      '  Object unit 某市交通运输局 (行政单位) 3-6 [某市交通运输局]',
      '  Class R-330100-JT-0001 公交车辆实时位置数据 (重要数据) 8-10 [R-330100-JT-0001]',
      "  Class R-330100-JT-0002 出租车订单数据 13-14 ['R-330100-JT-0002']",
      'Module Data asset register · 某市交通运输局 15-36 [DataAssetRegister]',
      '  Object unit 某市交通运输局 (行政单位) 18-18 [某市交通运输局]',
      '  Struct DA-2024-0001 公交运行监测数据集 (A08060201) 20-35 [DA-2024-0001]',
      '    Event authorization → 某市大数据运营有限公司 (数据加工使用权, 数据产品经营权) 25-26 [某市大数据运营有限公司]',
      '    Event authorization → (not filled in) (数据加工使用权) 27-27 [rights]',
      '    Field revenue 2024 使用 (120000 非税收入) 29-32 [year]',
      '    Event disposal → 销毁 (2025-03-01) 33-35 [disposal]',
      '  Struct 尚未编号的资产 36-36 [name]',
    ],
  },
  {
    name: 'a document without unit or items: just the document, selected at its kind',
    text: 'apiVersion: steward/v1\nkind: DataAssetRegister\n',
    locale: 'zh-CN',
    outline: ['Module 数据资产登记 1-2 [DataAssetRegister]'],
  },
  {
    name: 'an unknown kind is shown as written',
    text: 'apiVersion: steward/v1\nkind: DataThing\nunit:\n  name: 某局\n',
    locale: 'en',
    outline: ['Module DataThing · 某局 1-4 [DataThing]', '  Object unit 某局 3-4 [某局]'],
  },
  {
    name: 'an item with a YAML error is still listed by the id read from its text',
    text: 'apiVersion: steward/v1\nkind: DataAssetRegister\nassets:\n  - id: DA-2024-0001\n    name: 甲\n  - id: "DA-2024-0002"\n    name: 乙\n   bad: x\n  - id: DA-2024-0003\n    name: 丙\n',
    locale: 'zh-CN',
    outline: [
      'Module 数据资产登记 1-10 [DataAssetRegister]',
      '  Struct DA-2024-0001 甲 4-5 [DA-2024-0001]',
      '  Struct DA-2024-0002 6-8 [DA-2024-0002]',
      '  Struct DA-2024-0003 丙 9-10 [DA-2024-0003]',
    ],
  },
  {
    name: 'a YAML file that is not a steward document has no outline',
    text: 'name: 其他工具的配置\nitems: [1, 2]\n',
    locale: 'zh-CN',
    outline: [],
  },
  {
    name: 'an empty file',
    text: '',
    locale: 'zh-CN',
    outline: [],
  },
  {
    name: 'CRLF line breaks: the same lines',
    text: 'apiVersion: steward/v1\r\nkind: DataResourceCatalog\r\nresources:\r\n  - id: R-1\r\n    name: 甲\r\n    securityGrade: 一般数据\r\n',
    locale: 'zh-CN',
    outline: ['Module 数据资源目录 1-6 [DataResourceCatalog]', '  Class R-1 甲 (一般数据) 4-6 [R-1]'],
  },
];

/** A register of `count` assets (the minimal one, numbered), checked by an editor's service. */
function checkedRegister(count: number) {
  const text = registerOf(count);
  const editor = createStewardService({ incremental: true, today: '2026-11-26' });
  editor.update('r.assets.yaml', text);
  return { text, editor, items: editor.document('r.assets.yaml')!.documents[0].items };
}

function freshlyChecked(text: string) {
  const fresh = createStewardService({ incremental: true, today: '2026-11-26' });
  fresh.update('r.assets.yaml', text);
  return fresh;
}

describe('document symbols (outline)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      assert.deepEqual(render(documentSymbols(parse(c.text), c.locale), c.text), c.outline);
    });
  }

  it('item ranges run from the dash to the last value, without the comments and blank lines after it', () => {
    const [catalog] = documentSymbols(parse(BOTH), 'zh-CN');
    const first = catalog.children![1];
    assert.deepEqual(first.range, { start: { line: 7, character: 2 }, end: { line: 9, character: 23 } });
    assert.deepEqual(first.selectionRange, { start: { line: 7, character: 8 }, end: { line: 7, character: 24 } });
  });

  it('never throws on any prefix of a file, and every range nests inside its parent', () => {
    const contains = (outer: Range, inner: Range) => {
      const le = (a: Range['start'], b: Range['start']) =>
        a.line < b.line || (a.line === b.line && a.character <= b.character);
      return le(outer.start, inner.start) && le(inner.end, outer.end);
    };
    const check = (symbols: DocumentSymbol[], parent: Range | undefined, prefix: string) => {
      for (const symbol of symbols) {
        assert.ok(symbol.name.length > 0, `empty name in ${JSON.stringify(prefix)}`);
        assert.ok(
          contains(symbol.range, symbol.selectionRange),
          `selection outside range in ${JSON.stringify(prefix)}`,
        );
        if (parent) assert.ok(contains(parent, symbol.range), `child outside parent in ${JSON.stringify(prefix)}`);
        check(symbol.children ?? [], symbol.range, prefix);
      }
    };
    for (let end = 0; end <= BOTH.length; end++) {
      const prefix = BOTH.slice(0, end);
      check(documentSymbols(parse(prefix), 'en'), undefined, prefix);
    }
  });

  it('lists at most maxItems items and sums up the rest in one last entry, in both languages', () => {
    const item = MINIMAL_REGISTER.slice(MINIMAL_REGISTER.indexOf('  - id'));
    let text = MINIMAL_REGISTER;
    for (let i = 2; i <= 30; i++) text += item.replace('DA-2024-0001', `DA-2024-${String(i).padStart(4, '0')}`);
    const file = parse(text, 'file:///r.assets.yaml');
    const [all] = documentSymbols(file, 'en');
    assert.equal(all.children!.length, 31); // the unit and 30 assets
    const [capped] = documentSymbols(file, 'en', 10);
    const names = capped.children!.map((symbol) => symbol.name);
    assert.deepEqual(
      names.slice(1, 11),
      all.children!.slice(1, 11).map((symbol) => symbol.name),
    );
    assert.equal(names.length, 12);
    assert.equal(names[11], '… 20 more items not listed (steward.outline.maxItems)');
    const lines = text.split('\n');
    assert.equal(
      capped.children![11].range.start.line,
      lines.findIndex((line) => line.includes('DA-2024-0011')),
    );
    assert.equal(
      documentSymbols(file, 'zh-CN', 10)[0].children![11].name,
      '……另有 20 项未列出（steward.outline.maxItems）',
    );
    assert.equal(documentSymbols(file, 'en', 30)[0].children!.length, 31, 'nothing summed up when all fit');
  });

  it('after an edit, lists what a fresh parse lists and settles only the trees it lists', () => {
    const { text, editor, items } = checkedRegister(30);
    const at = text.indexOf('DA-2024-0002') + 3;
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    editor.update('r.assets.yaml', edited, { change: { start: at, oldEnd: at, newEnd: at + 1 } });
    const fresh = freshlyChecked(edited);
    assert.deepEqual(
      editor.documentSymbols('r.assets.yaml', 'en', 10),
      fresh.documentSymbols('r.assets.yaml', 'en', 10),
    );
    // The same item objects carry on in the edited parse: those past the tenth still wait for their move (but the
    // last, which the parse reads to find where the list ends).
    assert.ok(
      items.slice(12, 29).every((chunk) => chunk.pending === 1),
      'trees past the listed ones are not moved',
    );
    assert.deepEqual(editor.documentSymbols('r.assets.yaml', 'en'), fresh.documentSymbols('r.assets.yaml', 'en'));
  });

  it('after an edit, reuses the symbols of the items it did not touch, without reading their trees', () => {
    const { text, editor, items } = checkedRegister(30);
    editor.documentSymbols('r.assets.yaml', 'en');
    // A line added in the second asset: every asset below moves one line down.
    const at = text.indexOf('DA-2024-0002');
    const lineEnd = text.indexOf('\n', at) + 1;
    const edited = text.slice(0, lineEnd) + '    name: 第二\n' + text.slice(lineEnd);
    editor.update('r.assets.yaml', edited, {
      change: { start: lineEnd, oldEnd: lineEnd, newEnd: lineEnd + '    name: 第二\n'.length },
    });
    const fresh = freshlyChecked(edited);
    assert.deepEqual(editor.documentSymbols('r.assets.yaml', 'en'), fresh.documentSymbols('r.assets.yaml', 'en'));
    assert.ok(
      items.slice(2, 29).every((chunk) => chunk.pending !== undefined),
      'the trees below the edit were not read',
    );
    // The other language is computed, not reused.
    assert.deepEqual(editor.documentSymbols('r.assets.yaml', 'zh-CN'), fresh.documentSymbols('r.assets.yaml', 'zh-CN'));
  });

  it('after each of 400 random edits, equals the outline of a fresh parse (both languages)', () => {
    const next = random(20261127);
    let text = registerOf(
      12,
      (asset, n) =>
        asset +
        (n % 3 === 0 ? '    authorizations:\n      - entity: 某公司\n        rights: [数据加工使用权]\n' : '') +
        (n % 4 === 0 ? '    disposal:\n      method: 销毁\n' : ''),
    );
    const editor = createStewardService({ incremental: true, today: '2026-11-26' });
    editor.update('r.assets.yaml', text);
    const pieces = ['x', '\n', ' ', '-', '  - id: DA-2024-0099\n', '    name: 新\n', '# c\n', ': ', '\t', '"'];
    for (let step = 0; step < 400; step++) {
      const start = next(text.length + 1);
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      // Half of the edits at a line's start (indentation, new keys and items), the others anywhere.
      const at = next(2) === 0 ? lineStart : start;
      const removed = next(3) === 0 ? Math.min(next(12), text.length - at) : 0;
      const inserted = next(4) === 0 ? '' : pieces[next(pieces.length)];
      text = text.slice(0, at) + inserted + text.slice(at + removed);
      editor.update('r.assets.yaml', text, {
        change: { start: at, oldEnd: at + removed, newEnd: at + inserted.length },
      });
      const fresh = freshlyChecked(text);
      const locale: Locale = next(5) === 0 ? 'zh-CN' : 'en';
      assert.deepEqual(
        editor.documentSymbols('r.assets.yaml', locale, 8),
        fresh.documentSymbols('r.assets.yaml', locale, 8),
        `step ${step}: ${JSON.stringify(inserted)} at ${at}, ${removed} removed`,
      );
    }
  });
});
