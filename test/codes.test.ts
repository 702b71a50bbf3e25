import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeTable,
  builtinCodeTable,
  codeLevel,
  is2010Code,
  isDataCode,
  isIntangibleCode,
  isUnder,
  isWellFormedCode,
  structuralAncestors,
  structuralParent,
} from '../server/src/service/codes/table';
import { loadCodeTable } from '../server/src/service/codes/loader';
import type { CodeTableProblem } from '../server/src/service/codes/loader';

import { REFERENCE_CODES_CSV, ROOT } from './helpers';
const BUILTIN_JSON = path.join(ROOT, 'schemas', 'codes', 'builtin.json');

/** Line, column and kind of each problem: the shape most assertions compare. */
function where(problems: CodeTableProblem[]): Array<[number, number, string]> {
  return problems.map((p) => [p.line, p.column, p.kind]);
}

function readReference(): string {
  return fs.readFileSync(REFERENCE_CODES_CSV, 'utf8');
}

describe('code structure helpers', () => {
  it('reads the level from the trailing 00 pairs', () => {
    assert.equal(codeLevel('A08000000'), 1);
    assert.equal(codeLevel('A08060000'), 2);
    assert.equal(codeLevel('A08060200'), 3);
    assert.equal(codeLevel('A08060201'), 4);
    assert.equal(codeLevel('A02049900'), 3);
  });

  it('rejects text that is not a well-formed code', () => {
    for (const bad of [
      '',
      'A0806020',
      'A080602011',
      'a08060201',
      'B08060201',
      'A00000000',
      'A08000100',
      'A08060001',
      'A０8060201',
    ]) {
      assert.equal(codeLevel(bad), undefined, bad);
      assert.equal(isWellFormedCode(bad), false, bad);
    }
  });

  it('derives parents and ancestors from the code alone', () => {
    assert.equal(structuralParent('A08060201'), 'A08060200');
    assert.equal(structuralParent('A08060200'), 'A08060000');
    assert.equal(structuralParent('A08060000'), 'A08000000');
    assert.equal(structuralParent('A08000000'), null);
    assert.equal(structuralParent('A0806'), undefined);
    assert.equal(structuralParent('A02040300'), 'A02040000');
    assert.deepEqual(structuralAncestors('A08060201'), ['A08000000', 'A08060000', 'A08060200']);
    assert.deepEqual(structuralAncestors('A08000000'), []);
  });

  it('tells data, intangible and 2010-edition codes apart', () => {
    assert.equal(isDataCode('A08060201'), true);
    assert.equal(isDataCode('A08060200'), true);
    assert.equal(isDataCode('A08060301'), false);
    assert.equal(isDataCode('A08060000'), false);
    assert.equal(isIntangibleCode('A08040101'), true);
    assert.equal(isIntangibleCode('A02010104'), false);
    assert.equal(isUnder('A08060201', 'A08060000'), true);
    assert.equal(isUnder('A08070201', 'A08060000'), false);
    assert.equal(is2010Code('2010000'), true);
    assert.equal(is2010Code('20100000'), false);
    assert.equal(is2010Code('A201000'), false);
  });
});

describe('the built-in code table', () => {
  const table = builtinCodeTable();

  it('holds the eight roots and the complete A08060000 branch', () => {
    assert.equal(table.source, 'built-in');
    assert.equal(table.size, 8 + 1 + 3 + 4 + 3 + 4);
    assert.deepEqual(
      table
        .all()
        .filter((entry) => entry.parent === null)
        .map((entry) => `${entry.code} ${entry.name}`),
      [
        'A01000000 房屋和构筑物',
        'A02000000 设备',
        'A03000000 文物和陈列品',
        'A04000000 图书和档案',
        'A05000000 家具和用具',
        'A06000000 特种动植物',
        'A07000000 物资',
        'A08000000 无形资产',
      ],
    );
    assert.deepEqual(
      table.children('A08060200').map((entry) => [entry.code, entry.name, entry.unit]),
      [
        ['A08060201', '结构化数据', '组'],
        ['A08060202', '半结构化数据', '组'],
        ['A08060203', '非结构化数据', '组'],
      ],
    );
    assert.deepEqual(
      table.children('A08060100').map((entry) => entry.code),
      ['A08060101', 'A08060102', 'A08060103', 'A08060199'],
    );
    assert.deepEqual(
      table.children('A08060300').map((entry) => entry.code),
      ['A08060301', 'A08060302', 'A08060303', 'A08060399'],
    );
    for (const entry of table.all()) {
      assert.ok(entry.nameEn, `${entry.code} has an English name`);
      assert.equal(entry.parent, structuralParent(entry.code));
      assert.equal(entry.level, codeLevel(entry.code));
    }
  });

  it('decides membership only under A08060000', () => {
    assert.equal(table.isComplete, false);
    assert.equal(table.covers('A08060204'), true);
    assert.equal(table.covers('A08060000'), true);
    assert.equal(table.covers('A08040101'), false);
    assert.equal(table.covers('A02010104'), false);
    assert.equal(table.isKnownOrUncovered('A08060204'), false);
    assert.equal(table.isKnownOrUncovered('A08060201'), true);
    assert.equal(table.isKnownOrUncovered('A08040101'), true);
  });

  it('walks ancestors root first and finds parents', () => {
    assert.deepEqual(
      table.ancestors('A08060201').map((entry) => entry.code),
      ['A08000000', 'A08060000', 'A08060200'],
    );
    assert.deepEqual(
      table.ancestors('A08040101').map((entry) => entry.code),
      ['A08000000'],
    );
    assert.equal(table.parentOf('A08060201')?.name, '数据');
    assert.equal(table.parentOf('A08000000'), undefined);
    assert.equal(table.get('A08060202')?.nameEn, 'Semi-structured data');
    assert.equal(table.has('A08060204'), false);
  });

  it('searches by code prefix, then exact name, name prefix and substring', () => {
    assert.deepEqual(
      table.search('a0806', 3).map((entry) => entry.code),
      ['A08060000', 'A08060100', 'A08060101'],
    );
    assert.deepEqual(
      table.search('0806020', 10).map((entry) => entry.code),
      ['A08060200', 'A08060201', 'A08060202', 'A08060203'],
    );
    assert.deepEqual(
      table.search('A08060201', 10).map((entry) => entry.code),
      ['A08060201'],
    );
    assert.deepEqual(
      table.search('数据', 10).map((entry) => entry.code),
      ['A08060200', 'A08060000', 'A08060201', 'A08060202', 'A08060203'],
    );
    assert.deepEqual(
      table.search('结构化', 10).map((entry) => entry.code),
      ['A08060201', 'A08060202', 'A08060203'],
    );
    assert.deepEqual(
      table.search('  Structured DATA ', 10).map((entry) => entry.code),
      ['A08060201', 'A08060202', 'A08060203'],
    );
    assert.deepEqual(
      table.search('software', 2).map((entry) => entry.code),
      ['A08060300', 'A08060301'],
    );
    assert.deepEqual(
      table.search('Computer software', 2).map((entry) => entry.code),
      ['A08060300', 'A08060399'],
    );
    assert.deepEqual(table.search('不存在的名称', 10), []);
    assert.equal(table.search('', 3).length, 3);
    assert.deepEqual(table.search('a', 0), []);
  });

  it('suggests the nearest would-be siblings of a missing code', () => {
    assert.deepEqual(
      table.suggest('A08060204').map((entry) => entry.code),
      ['A08060203', 'A08060202', 'A08060201'],
    );
    assert.deepEqual(
      table.suggest('A08060298', 2).map((entry) => entry.code),
      ['A08060203', 'A08060202'],
    );
    assert.deepEqual(
      table.suggest('A08069900', 1).map((entry) => entry.code),
      ['A08060300'],
    );
    assert.deepEqual(table.suggest('nonsense'), []);
  });

  it('is the same table when builtin.json goes through the loader', () => {
    const loaded = loadCodeTable(fs.readFileSync(BUILTIN_JSON, 'utf8'), { fileName: 'builtin.json' });
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.table.complete, ['A08060000']);
    assert.deepEqual(
      loaded.table
        .all()
        .map(({ code, name, nameEn, parent, level, unit }) => ({ code, name, nameEn, parent, level, unit })),
      table.all().map(({ code, name, nameEn, parent, level, unit }) => ({ code, name, nameEn, parent, level, unit })),
    );
  });
});

describe('CodeTable', () => {
  it('keeps the first of two entries with the same code', () => {
    const table = new CodeTable(
      [
        { code: 'A08000000', name: '无形资产', parent: null, level: 1 },
        { code: 'A08000000', name: '重复', parent: null, level: 1 },
      ],
      { source: 'test' },
    );
    assert.equal(table.size, 1);
    assert.equal(table.get('A08000000')?.name, '无形资产');
    assert.equal(table.isComplete, true);
    assert.equal(table.covers('A01000000'), true);
  });
});

describe('loadCodeTable: CSV', () => {
  const HEADER = 'level,code,name,parent,unit,remark,depreciate_state,depreciate_months,card_type,short_code,leaf';

  it('reads quoted commas, doubled quotes and quoted line breaks, and keeps line numbers right', () => {
    const text = [
      HEADER,
      '1,A08000000,无形资产,,,,Depreciation,,c01,A08,0',
      '2,A08060000,信息数据类无形资产,A08000000,,"第一行',
      '第二行, 含逗号和 ""引号""",Depreciation,,c06,A0806,0',
      '3,A08060200,数据,A08060000,,,Depreciation,,c06,A080602,0',
      '4,A08060201,结构化数据,A08060999,组,,Depreciation,60,c06,A08060201,1',
      '',
    ].join('\n');
    const { table, problems } = loadCodeTable(text, { fileName: 'codes.csv' });
    assert.equal(table.size, 4);
    assert.equal(table.source, 'codes.csv');
    assert.equal(table.get('A08060000')?.remark, '第一行\n第二行, 含逗号和 "引号"');
    assert.equal(table.get('A08060200')?.line, 5);
    assert.deepEqual(where(problems), [[6, 19, 'inconsistent-parent']]);
    assert.equal(problems[0].severity, 'warning');
    assert.equal(problems[0].code, 'A08060201');
    assert.match(problems[0].message.en, /names A08060999 as its parent.*the table uses A08060200/);
    assert.match(problems[0].message['zh-CN'], /代码表采用 A08060200/);
    assert.equal(table.get('A08060201')?.parent, 'A08060200');
    assert.equal(table.get('A08060201')?.unit, '组');
  });

  it('drops a BOM, reads CRLF, reports a duplicate at the second occurrence and a bad code', () => {
    const text =
      '\uFEFFcode,name\r\nA08000000,无形资产\r\nA08060000,信息数据类无形资产\r\nA08000000,重复\r\nA0800000,坏\r\nA08000100,坏\r\n';
    const { table, problems } = loadCodeTable(text, { fileName: 'codes.csv' });
    assert.equal(table.size, 2);
    assert.equal(table.get('A08000000')?.name, '无形资产');
    assert.equal(table.get('A08060000')?.parent, 'A08000000');
    assert.equal(table.get('A08060000')?.level, 2);
    assert.deepEqual(where(problems), [
      [4, 1, 'duplicate-code'],
      [5, 1, 'bad-code'],
      [6, 1, 'bad-code'],
    ]);
    assert.match(problems[0].message.en, /already defined on line 2/);
    assert.match(problems[0].message['zh-CN'], /第 2 行已定义/);
    assert.match(problems[1].message.en, /'A0800000' is not an asset classification code/);
  });

  it('counts columns on the BOM line without the BOM', () => {
    const { table, problems } = loadCodeTable('\uFEFF[{"code": "A0806", "name": "x"}]', { fileName: 'x.json' });
    assert.deepEqual(where(problems), [[1, 11, 'bad-code']]);
    assert.equal(table.size, 0);
  });

  it('accepts the columns in any order by header name and derives a missing parent', () => {
    const text = 'name,unit,code\n无形资产,,A08000000\n数据,组,A08060200\n';
    const { table, problems } = loadCodeTable(text, { fileName: 'x.csv' });
    assert.deepEqual(where(problems), [[3, 6, 'unknown-parent']]);
    assert.match(problems[0].message.en, /The parent A08060000 of A08060200 is not in the table/);
    assert.equal(table.get('A08060200')?.parent, 'A08060000');
    assert.equal(table.get('A08060200')?.unit, '组');
  });

  it('reports rows with too many or too few columns, skips them, and does not blame their children', () => {
    const text = [
      'level,code,name,parent',
      '1,A08000000,无形资产,',
      '2,A08060000,信息数据,类无形资产,A08000000',
      '3,A08060200,数据,A08060000',
      '3,A08060300',
      '4,A08060301,基础软件,A08060300',
    ].join('\n');
    const { table, problems } = loadCodeTable(text, { fileName: 'x.csv' });
    assert.deepEqual(where(problems), [
      [3, 24, 'malformed-row'],
      [5, 1, 'malformed-row'],
    ]);
    assert.match(problems[0].message.en, /has 5 columns but the header has 4/);
    assert.deepEqual(
      table.all().map((entry) => entry.code),
      ['A08000000', 'A08060200', 'A08060301'],
    );
  });

  it('reports a level that disagrees with the code, an empty name and a root given a parent', () => {
    const text = [
      'level,code,name,parent',
      '1,A08000000,无形资产,',
      '3,A08060000,信息数据类无形资产,A08000000',
      '3,A08060200,  ,A08060000',
      '1,A01000000,房屋和构筑物,A08000000',
    ].join('\n');
    const { table, problems } = loadCodeTable(text, { fileName: 'x.csv' });
    assert.deepEqual(where(problems), [
      [3, 1, 'level-mismatch'],
      [4, 13, 'empty-name'],
      [5, 20, 'inconsistent-parent'],
    ]);
    assert.match(problems[0].message.en, /The level says 3 but code A08060000 is at level 2/);
    assert.match(problems[2].message.en, /makes it a root/);
    assert.equal(table.get('A08060000')?.level, 2);
    assert.equal(table.get('A01000000')?.parent, null);
    assert.equal(problems[1].severity, 'error');
  });

  it('reports a level and a parent that disagree with the code separately when the parent does not explain the level', () => {
    const text =
      'level,code,name,parent\n1,A08000000,无形资产,\n2,A08060000,信息数据类无形资产,A08000000\n2,A08060201,结构化数据,A08060000\n';
    const { problems } = loadCodeTable(text, { fileName: 'x.csv' });
    assert.deepEqual(where(problems), [
      [4, 1, 'level-mismatch'],
      [4, 19, 'inconsistent-parent'],
      [4, 19, 'unknown-parent'],
    ]);
  });

  it('reports an unterminated quote and keeps the rows before it', () => {
    const text = 'code,name,remark\nA08000000,无形资产,\nA08060000,信息数据类无形资产,"没有结束\nA08060200,数据,\n';
    const { table, problems } = loadCodeTable(text, { fileName: 'x.csv' });
    assert.deepEqual(where(problems), [[3, 21, 'malformed-row']]);
    assert.match(problems[0].message.en, /Unterminated quoted field/);
    assert.deepEqual(
      table.all().map((entry) => entry.code),
      ['A08000000'],
    );
  });

  it('reports characters after a closing quote', () => {
    const text = 'code,name\nA08000000,"无形"资产\nA08060000,信息数据类无形资产\n';
    const { table, problems } = loadCodeTable(text, { fileName: 'x.csv' });
    assert.deepEqual(where(problems), [[2, 15, 'malformed-row']]);
    assert.deepEqual(
      table.all().map((entry) => entry.code),
      ['A08060000'],
    );
  });

  it('needs a header with code and name', () => {
    const { table, problems } = loadCodeTable('1,A08000000,无形资产,\n', { fileName: 'x.csv' });
    assert.equal(table.size, 0);
    assert.deepEqual(where(problems), [[1, 1, 'bad-header']]);
    assert.match(problems[0].message.en, /columns code, name/);
    assert.deepEqual(where(loadCodeTable('\n\n', { fileName: 'x.csv' }).problems), [[1, 1, 'bad-header']]);
  });

  it('accepts Chinese header names and blank lines, and a lone CR as a line break', () => {
    const { table, problems } = loadCodeTable('代码,名称\r\rA08000000,无形资产\rA08060000,信息数据类无形资产\r', {
      fileName: 'x.csv',
    });
    assert.deepEqual(problems, []);
    assert.equal(table.size, 2);
    assert.equal(table.get('A08060000')?.line, 4);
  });
});

describe('loadCodeTable: JSON', () => {
  it('reads a flat array and reports problems at the offending value', () => {
    const text = `[
  {"code": "A08000000", "name": "无形资产"},
  {"code": "A08060000", "name": "信息数据类无形资产", "parent": "A08000000"},
  {"code": "A08060200", "name": "数据",
   "parent": "A08069900"},
  {"code": "A08060201", "name": "结构化数据", "unit": "组", "level": 3},
  {"code": "A08060201", "name": "again"},
  {"code": "A0806", "name": "bad"},
  "not an object",
  {"code": "A08060202", "name": 5}
]`;
    const { table, problems } = loadCodeTable(text, { fileName: 'codes.json' });
    assert.deepEqual(where(problems), [
      [5, 14, 'inconsistent-parent'],
      [6, 64, 'level-mismatch'],
      [7, 12, 'duplicate-code'],
      [8, 12, 'bad-code'],
      [9, 3, 'malformed-row'],
      [10, 33, 'malformed-row'],
    ]);
    assert.match(problems[2].message.en, /already defined on line 6/);
    assert.match(problems[5].message.en, /The field name should be a string/);
    assert.deepEqual(
      table.all().map((entry) => entry.code),
      ['A08000000', 'A08060000', 'A08060200', 'A08060201'],
    );
    assert.equal(table.get('A08060201')?.unit, '组');
    assert.equal(table.get('A08060201')?.level, 4);
  });

  it('reads a nested tree, taking the enclosing object as the declared parent', () => {
    const text = `{"code": "A08000000", "name": "无形资产", "children": [
  {"code": "A08060000", "name": "信息数据类无形资产", "children": [
    {"code": "A08060200", "name": "数据", "children": [
      {"code": "A08060201", "name": "结构化数据"},
      {"code": "A08060301", "name": "基础软件"}
    ]}
  ]}
]}`;
    const { table, problems } = loadCodeTable(text, { fileName: 'tree.json' });
    assert.deepEqual(where(problems), [
      [5, 16, 'inconsistent-parent'],
      [5, 16, 'unknown-parent'],
    ]);
    assert.match(problems[0].message.en, /A08060301 names A08060200 as its parent/);
    assert.equal(table.size, 5);
    assert.equal(table.get('A08060301')?.parent, 'A08060300');
    assert.deepEqual(
      table.children('A08060200').map((entry) => entry.code),
      ['A08060201'],
    );
  });

  it('reads {codes, complete} as a partial table, and numbers as codes', () => {
    const text =
      '{"complete": ["A08060000", "bad"], "codes": [{"code": "A08000000", "name": "无形资产"}, {"code": 2010000, "name": "旧"}]}';
    const { table, problems } = loadCodeTable(text, { fileName: 'partial.json' });
    assert.deepEqual(where(problems), [
      [1, 28, 'bad-code'],
      [1, 94, 'bad-code'],
    ]);
    assert.deepEqual(table.complete, ['A08060000']);
    assert.equal(table.covers('A02000000'), false);
  });

  it('reports JSON syntax errors with their position', () => {
    assert.deepEqual(where(loadCodeTable('[\n  {"code": "A08000000",}\n]', { fileName: 'x.json' }).problems), [
      [2, 24, 'syntax'],
    ]);
    assert.deepEqual(where(loadCodeTable('[{"code": "A08000000"', { fileName: 'x.json' }).problems), [
      [1, 22, 'syntax'],
    ]);
    assert.deepEqual(where(loadCodeTable('[{"code": "A080\n"}]', { fileName: 'x.json' }).problems), [
      [1, 11, 'syntax'],
    ]);
    assert.deepEqual(where(loadCodeTable('[] x', { fileName: 'x.json' }).problems), [[1, 4, 'syntax']]);
    assert.deepEqual(where(loadCodeTable('"codes"', { fileName: 'x.json' }).problems), [[1, 1, 'bad-structure']]);
    const deep = loadCodeTable('['.repeat(500), { fileName: 'x.json' }).problems;
    assert.equal(deep[0].kind, 'syntax');
    assert.match(deep[0].message.en, /nested too deeply/);
  });

  it('picks the format from the extension, or from the text', () => {
    const json = '[{"code": "A08000000", "name": "无形资产"}]';
    assert.equal(loadCodeTable(json, { fileName: 'codes.txt' }).table.size, 1);
    assert.equal(loadCodeTable('code,name\nA08000000,无形资产\n', { fileName: 'codes' }).table.size, 1);
    assert.equal(loadCodeTable(json, { fileName: 'codes.json', format: 'csv' }).problems[0].kind, 'bad-header');
  });
});

describe('loadCodeTable: the 2,751-row reference table', () => {
  let text: string;
  let table: ReturnType<typeof loadCodeTable>['table'];
  let problems: ReturnType<typeof loadCodeTable>['problems'];
  before(() => {
    // A missing file fails this suite's tests, not the whole run.
    text = readReference();
    ({ table, problems } = loadCodeTable(text, { fileName: 'asset-category-codes.csv' }));
  });

  it('loads every row', () => {
    assert.equal(table.size, 2751);
    assert.equal(table.isComplete, true);
    assert.equal(table.all().filter((entry) => entry.level === 1).length, 8);
    assert.equal(table.get('A01010201')?.remark, '包括公安、安全等业务工作用房。');
  });

  it('reports exactly the three known quirk rows, at their real lines', () => {
    assert.deepEqual(
      problems.map((p) => [p.line, p.kind, p.code, p.severity]),
      [
        [313, 'inconsistent-parent', 'A02040300', 'warning'],
        [314, 'inconsistent-parent', 'A02040400', 'warning'],
        [315, 'inconsistent-parent', 'A02049900', 'warning'],
      ],
    );
    const lines = text.split('\n');
    for (const problem of problems) {
      const line = lines[problem.line - 1];
      assert.ok(line.includes(problem.code!), `line ${problem.line} holds ${problem.code}`);
      assert.equal(line.slice(problem.column - 1, problem.column - 1 + 9), 'A02040200');
    }
  });

  it('places the quirk rows where their codes put them', () => {
    for (const code of ['A02040300', 'A02040400', 'A02049900']) {
      assert.equal(table.get(code)?.parent, 'A02040000');
      assert.equal(table.get(code)?.level, 3);
    }
    assert.deepEqual(
      table
        .children('A02040000')
        .map((entry) => entry.code)
        .slice(-3),
      ['A02040300', 'A02040400', 'A02049900'],
    );
    assert.deepEqual(
      table.children('A02040200').map((entry) => entry.code),
      ['A02040201', 'A02040202', 'A02040299'],
    );
  });

  it('agrees with the built-in table on every built-in code', () => {
    for (const entry of builtinCodeTable().all()) {
      const loaded = table.get(entry.code);
      assert.ok(loaded, entry.code);
      assert.equal(loaded.name, entry.name, entry.code);
      assert.equal(loaded.parent, entry.parent, entry.code);
    }
  });

  it('searches the full table', () => {
    assert.equal(table.search('A080602', 10).length, 4);
    assert.equal(table.search('数据', 100)[0].code, 'A08060200');
    assert.ok(table.search('数据', 100).length > 5);
    assert.equal(table.covers('A02999999'), true);
    assert.equal(table.isKnownOrUncovered('A02999999'), false);
  });
});
