import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { MapEntry, MapNode, ScalarNode, YamlNode } from '../server/src/service/parser/ast';
import type { StewardDocument, StewardYamlDocument } from '../server/src/service/parser/model';
import type { Report, Rule, RuleContext } from '../server/src/service/rules/rule';
import type { CodeTable } from '../server/src/service/codes/table';
import { builtinCodeTable } from '../server/src/service/codes/table';
import { loadCodeTable } from '../server/src/service/codes/loader';
import { unknownCodeRule } from '../server/src/service/rules/classification-code/classification-code-exists';
import { nonDataIntangibleRule } from '../server/src/service/rules/classification-code/classification-code-under-data';
import { nonIntangibleRule } from '../server/src/service/rules/classification-code/classification-code-intangible';
import { edition2010Rule } from '../server/src/service/rules/classification-code/no-2010-classification-code';
import { unitCodeRule } from '../server/src/service/rules/unit/valid-unit-code';
import { unitKindRule } from '../server/src/service/rules/unit/unit-code-matches-unit-type';
import { normaliseCode } from '../server/src/service/codes/verdict';
import { REFERENCE_CODES_CSV } from './helpers';
import { ruleCitation } from '../server/src/service/rules/report';

const CLASSIFICATION_CODE_RULES: Rule[] = [unknownCodeRule, nonDataIntangibleRule, nonIntangibleRule, edition2010Rule];
const UNIT_CODE_RULES: Rule[] = [unitCodeRule, unitKindRule];

// ------------------------------------------------------------------------------------------------ hand-built nodes

/** A plain or quoted scalar at an absolute offset; `source` is the text between the quotes. */
function scalar(
  start: number,
  source: string,
  value: ScalarNode['value'] = source,
  style: ScalarNode['style'] = 'plain',
): ScalarNode {
  const quotes = style === 'single' || style === 'double' ? 2 : 0;
  return { type: 'scalar', span: { start, end: start + source.length + quotes }, value, source, style };
}

function entry(keyStart: number, key: string, value: YamlNode): MapEntry {
  return { key, keySpan: { start: keyStart, end: keyStart + key.length }, value };
}

function map(entries: MapEntry[]): MapNode {
  const start = entries[0]?.keySpan.start ?? 0;
  const end = entries.length > 0 ? entries[entries.length - 1].value.span.end : 0;
  return { type: 'map', span: { start, end }, entries };
}

/**
 * An asset as at offset 200 of a file:
 *   `  - id: DA-2024-0001` then `    classificationCode: <code>` starting at offset 221 (value at 245).
 */
const VALUE_START = 245;
function asset(code: ScalarNode | MapNode | undefined): MapNode {
  const entries = [entry(204, 'id', scalar(208, 'DA-2024-0001'))];
  if (code) entries.push(entry(225, 'classificationCode', code));
  return map(entries);
}

function plainAsset(source: string, value: ScalarNode['value'] = source): MapNode {
  return asset(scalar(VALUE_START, source, value));
}

function fakeDocument(root: YamlNode | null): StewardYamlDocument {
  return {
    index: 0,
    span: { start: 0, end: 400 },
    root,
    kind: 'DataAssetRegister',
    isSteward: true,
    items: [],
    headBroken: false,
  };
}

function context(table: CodeTable, reports: Array<Report & { ruleId: string }>, rule: Rule): RuleContext {
  return {
    file: { uri: 'file:///t.assets.yaml', text: '', documents: [], parseFindings: [] } as unknown as StewardDocument,
    codeTable: table,
    today: '2026-01-01',
    report: (report) => reports.push({ ...report, ruleId: rule.meta.id }),
  };
}

function runItemRules(
  item: MapNode,
  table: CodeTable = builtinCodeTable(),
  kind: 'asset' | 'resource' = 'asset',
): Array<Report & { ruleId: string }> {
  const reports: Array<Report & { ruleId: string }> = [];
  for (const rule of CLASSIFICATION_CODE_RULES) {
    rule.checkItem!(
      item,
      { kind, document: fakeDocument(null), index: 3, path: '/assets/3', unitType: '行政单位' },
      context(table, reports, rule),
    );
  }
  return reports;
}

function runDocumentRules(root: YamlNode | null): Array<Report & { ruleId: string }> {
  const reports: Array<Report & { ruleId: string }> = [];
  for (const rule of UNIT_CODE_RULES)
    rule.checkDocument!(fakeDocument(root), context(builtinCodeTable(), reports, rule));
  return reports;
}

/** Fills a rule's message the way the pipeline does; fails on a placeholder the report leaves open. */
function messageOf(rule: Rule, report: Report): { 'zh-CN': string; en: string } {
  const template = rule.meta.messages[report.messageId];
  assert.ok(template, `${rule.meta.id} has a message ${report.messageId}`);
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (_whole, key: string) => {
      assert.ok(report.args && key in report.args, `${rule.meta.id}/${report.messageId}: no value for {${key}}`);
      return String(report.args[key]);
    });
  return { 'zh-CN': fill(template['zh-CN']), en: fill(template.en) };
}

function ruleById(id: string): Rule {
  return [...CLASSIFICATION_CODE_RULES, ...UNIT_CODE_RULES].find((rule) => rule.meta.id === id)!;
}

function referenceTable(): CodeTable {
  return loadCodeTable(fs.readFileSync(REFERENCE_CODES_CSV, 'utf8'), { fileName: 'asset-category-codes.csv' }).table;
}

// ------------------------------------------------------------------------------------------------ classification

describe('classification code rules (DA-CODE-001..004)', () => {
  const VALID = ['A08060201', 'A08060202', 'A08060203'];
  for (const code of VALID) {
    it(`accepts ${code}`, () => assert.deepEqual(runItemRules(plainAsset(code)), []));
  }

  interface Case {
    source: string;
    value?: ScalarNode['value'];
    ruleId: string;
    messageId: string;
    data: Record<string, unknown>;
    en: RegExp;
    zh: RegExp;
  }
  const INVALID: Case[] = [
    {
      source: 'A08060204',
      ruleId: 'DA-CODE-001',
      messageId: 'unknownBuiltIn',
      data: { code: 'A08060204', source: 'built-in', suggestions: ['A08060203', 'A08060202', 'A08060201'] },
      en: /A08060204 does not exist: .*A08060000 信息数据类无形资产 branch.*close codes: A08060203 非结构化数据, A08060202 半结构化数据, A08060201 结构化数据$/,
      zh: /分类代码 A08060204 不存在/,
    },
    {
      source: 'A08069900',
      ruleId: 'DA-CODE-001',
      messageId: 'unknownBuiltIn',
      data: { code: 'A08069900', source: 'built-in', suggestions: ['A08060300', 'A08060200', 'A08060100'] },
      en: /close codes: A08060300 计算机软件/,
      zh: /相近的代码：A08060300 计算机软件/,
    },
    {
      source: 'a08060201',
      ruleId: 'DA-CODE-001',
      messageId: 'malformedDidYouMean',
      data: { code: 'a08060201', suggestions: ['A08060201'] },
      en: /'a08060201' is not how .* write A08060201/,
      zh: /应写作 A08060201/,
    },
    {
      source: 'A0806020',
      ruleId: 'DA-CODE-001',
      messageId: 'malformed',
      data: { code: 'A0806020', suggestions: [] },
      en: /'A0806020' is not an asset classification code/,
      zh: /“A0806020”不是资产分类代码/,
    },
    {
      source: 'A08000100',
      ruleId: 'DA-CODE-001',
      messageId: 'malformed',
      data: { code: 'A08000100', suggestions: [] },
      en: /four 2-digit levels/,
      zh: /分四级/,
    },
    {
      source: 'A08060301',
      ruleId: 'DA-CODE-002',
      messageId: 'outsideData',
      data: {
        code: 'A08060301',
        path: ['A08000000', 'A08060000', 'A08060300', 'A08060301'],
        suggestions: ['A08060201', 'A08060202', 'A08060203'],
      },
      en: /A08060301 is an intangible asset outside 数据.*A08000000 无形资产 > A08060000 信息数据类无形资产 > A08060300 计算机软件 > A08060301 基础软件\./,
      zh: /不在“数据”（A08060200）之下：A08000000 无形资产 > .* > A08060301 基础软件。/,
    },
    {
      source: 'A08040101',
      ruleId: 'DA-CODE-002',
      messageId: 'outsideData',
      data: {
        code: 'A08040101',
        path: ['A08000000', 'A08040101'],
        suggestions: ['A08060201', 'A08060202', 'A08060203'],
      },
      en: /A08000000 无形资产 > A08040101\./,
      zh: /A08000000 无形资产 > A08040101。/,
    },
    {
      source: 'A08060200',
      ruleId: 'DA-CODE-002',
      messageId: 'dataCategory',
      data: { code: 'A08060200', suggestions: ['A08060201', 'A08060202', 'A08060203'] },
      en: /is a category; register a data asset under one of its classes/,
      zh: /是中类/,
    },
    {
      source: 'A08060000',
      ruleId: 'DA-CODE-002',
      messageId: 'outsideData',
      data: {
        code: 'A08060000',
        path: ['A08000000', 'A08060000'],
        suggestions: ['A08060201', 'A08060202', 'A08060203'],
      },
      en: /A08000000 无形资产 > A08060000 信息数据类无形资产\./,
      zh: /信息数据类无形资产。/,
    },
    {
      source: 'A02010104',
      ruleId: 'DA-CODE-003',
      messageId: 'notIntangible',
      data: {
        code: 'A02010104',
        path: ['A02000000', 'A02010104'],
        suggestions: ['A08060201', 'A08060202', 'A08060203'],
      },
      en: /A02010104 is not an intangible-asset \(A08\) code: A02000000 设备 > A02010104\./,
      zh: /不是无形资产（A08）代码：A02000000 设备 > A02010104。/,
    },
    {
      source: 'A09000000',
      ruleId: 'DA-CODE-003',
      messageId: 'notIntangible',
      data: { code: 'A09000000', path: ['A09000000'], suggestions: ['A08060201', 'A08060202', 'A08060203'] },
      en: /code: A09000000\./,
      zh: /代码：A09000000。/,
    },
    {
      source: '2010000',
      value: 2010000,
      ruleId: 'DA-CODE-004',
      messageId: 'edition2010',
      data: { code: '2010000', edition: 'GB/T 14885-2010', suggestions: ['A08060201', 'A08060202', 'A08060203'] },
      en: /2010000 is a 7-digit code of the 2010 edition.*A08060201/,
      zh: /2010000 是 GB\/T 14885-2010 的 7 位数字代码/,
    },
    {
      source: '4010100',
      ruleId: 'DA-CODE-004',
      messageId: 'edition2010',
      data: { code: '4010100', edition: 'GB/T 14885-2010', suggestions: ['A08060201', 'A08060202', 'A08060203'] },
      en: /2022 edition/,
      zh: /2022 版/,
    },
  ];

  for (const testCase of INVALID) {
    it(`reports ${testCase.source} as ${testCase.ruleId} ${testCase.messageId}`, () => {
      const reports = runItemRules(plainAsset(testCase.source, testCase.value));
      assert.equal(reports.length, 1, JSON.stringify(reports));
      const [report] = reports;
      assert.equal(report.ruleId, testCase.ruleId);
      assert.equal(report.messageId, testCase.messageId);
      assert.deepEqual(report.span, { start: VALUE_START, end: VALUE_START + testCase.source.length });
      assert.equal(report.path, '/assets/3/classificationCode');
      assert.equal(report.severity, undefined);
      assert.deepEqual(report.data, testCase.data);
      const message = messageOf(ruleById(report.ruleId), report);
      assert.match(message.en, testCase.en);
      assert.match(message['zh-CN'], testCase.zh);
    });
  }

  it('uses the whole span of a quoted value, and the resolved text', () => {
    const reports = runItemRules(asset(scalar(VALUE_START, 'A08060301', 'A08060301', 'double')));
    assert.equal(reports[0].ruleId, 'DA-CODE-002');
    assert.deepEqual(reports[0].span, { start: VALUE_START, end: VALUE_START + 11 });
  });

  it('suggests the written form of a full-width or spaced code', () => {
    assert.equal(normaliseCode('Ａ０８０６０２０１'), 'A08060201');
    assert.equal(normaliseCode('A08 06 02 01'), 'A08060201');
    assert.equal(normaliseCode('08060201'), 'A08060201');
    assert.equal(normaliseCode('A08060201'), undefined);
    assert.equal(normaliseCode('foo'), undefined);
    const [report] = runItemRules(plainAsset('A08-06-02-01'));
    assert.equal(report.messageId, 'malformedDidYouMean');
    assert.deepEqual(report.data, { code: 'A08-06-02-01', suggestions: ['A08060201'] });
  });

  it('leaves a missing, empty or non-scalar code to the schema, and resources alone', () => {
    assert.deepEqual(runItemRules(asset(undefined)), []);
    assert.deepEqual(runItemRules(asset(scalar(VALUE_START, '', null))), []);
    assert.deepEqual(runItemRules(asset(scalar(VALUE_START, '  ', '  ', 'double'))), []);
    assert.deepEqual(runItemRules(asset(map([entry(VALUE_START, 'code', scalar(VALUE_START + 6, 'A02010104'))]))), []);
    assert.deepEqual(runItemRules(plainAsset('A02010104'), builtinCodeTable(), 'resource'), []);
  });

  describe('with a loaded official table', () => {
    const table = referenceTable();

    it('decides every code: an unknown A08 code is DA-CODE-001 with its would-be siblings', () => {
      const [report, ...rest] = runItemRules(plainAsset('A08060204'), table);
      assert.deepEqual(rest, []);
      assert.equal(report.ruleId, 'DA-CODE-001');
      assert.equal(report.messageId, 'unknown');
      assert.deepEqual(report.data, {
        code: 'A08060204',
        source: 'asset-category-codes.csv',
        suggestions: ['A08060203', 'A08060202', 'A08060201'],
      });
      assert.match(
        messageOf(unknownCodeRule, report).en,
        /A08060204 is not in the code table \(asset-category-codes\.csv\); close codes: A08060203 非结构化数据/,
      );
      const [other] = runItemRules(plainAsset('A08040110'), table);
      assert.equal(other.ruleId, 'DA-CODE-001');
      assert.deepEqual(other.data?.suggestions, ['A08040109', 'A08040108', 'A08040107']);
    });

    it('names the whole path of a known code', () => {
      const [report] = runItemRules(plainAsset('A08040101'), table);
      assert.equal(report.ruleId, 'DA-CODE-002');
      assert.deepEqual(report.data?.path, ['A08000000', 'A08040000', 'A08040100', 'A08040101']);
      assert.match(
        messageOf(nonDataIntangibleRule, report)['zh-CN'],
        /A08000000 无形资产 > A08040000 资源资质类无形资产 > A08040100 资源使用权 > A08040101 土地使用权/,
      );
      const [tangible] = runItemRules(plainAsset('A02040300'), table);
      assert.equal(tangible.ruleId, 'DA-CODE-003');
      assert.match(
        messageOf(nonIntangibleRule, tangible).en,
        /A02000000 设备 > A02040000 .* > A02040300 图书档案保护设备\./,
      );
    });

    it('reports a tangible code the table lacks as non-intangible only', () => {
      const reports = runItemRules(plainAsset('A02999999'), table);
      assert.deepEqual(
        reports.map((r) => r.ruleId),
        ['DA-CODE-003'],
      );
    });

    it('accepts the data classes', () => {
      for (const code of VALID) assert.deepEqual(runItemRules(plainAsset(code), table), []);
    });
  });

  it('declares full metadata', () => {
    assert.deepEqual(
      CLASSIFICATION_CODE_RULES.map((rule) => [rule.meta.id, rule.meta.severity]),
      [
        ['DA-CODE-001', 'error'],
        ['DA-CODE-002', 'warning'],
        ['DA-CODE-003', 'error'],
        ['DA-CODE-004', 'error'],
      ],
    );
    // GB/T 14885-2022 has the classes A01-A07; A08, where data assets go, is the asset systems' extension.
    assert.deepEqual(
      CLASSIFICATION_CODE_RULES.map((rule) => ruleCitation(rule.meta)),
      [
        '财资〔2024〕1号 (8); GB/T 14885-2022; A08 资产分类（实务 practice）',
        '财资〔2024〕1号 (8); A08 资产分类（实务 practice）',
        '财资〔2024〕1号 (8); A08 资产分类（实务 practice）',
        '财资〔2024〕1号 (8); GB/T 14885-2022',
      ],
    );
    for (const rule of CLASSIFICATION_CODE_RULES) {
      assert.deepEqual(rule.meta.replacesSchemaAt, ['/assets/*/classificationCode']);
      assertFullMeta(rule);
    }
    assert.equal(edition2010Rule.meta.docs.example.includes('2010000'), true);
  });
});

// ------------------------------------------------------------------------------------------------ unit code

/** A register's root: `unit:` at offset 40 with code (value at 80) and type (value at 110). */
const CODE_START = 80;
function unitRoot(code: ScalarNode | MapNode | undefined, type: string | null = '行政单位'): MapNode {
  const unitEntries = [entry(45, 'name', scalar(51, '某市交通运输局'))];
  if (code) unitEntries.push(entry(74, 'code', code));
  if (type !== null) unitEntries.push(entry(104, 'type', scalar(110, type)));
  return map([entry(0, 'apiVersion', scalar(12, 'steward/v1')), entry(40, 'unit', map(unitEntries))]);
}

function codeScalar(source: string, value: ScalarNode['value'] = source): ScalarNode {
  return scalar(CODE_START, source, value);
}

describe('unit code rules (DA-UNIT-001, DA-UNIT-002)', () => {
  it('accepts a valid code whose kind agrees with the unit type', () => {
    assert.deepEqual(runDocumentRules(unitRoot(codeScalar('113301000025391739'), '行政单位')), []);
    assert.deepEqual(runDocumentRules(unitRoot(codeScalar('12330100470051726L'), '事业单位')), []);
  });

  it('reads an unquoted 18-digit code from its source, not its rounded number', () => {
    const root = unitRoot(codeScalar('113301000025391739', 113301000025391740));
    assert.deepEqual(runDocumentRules(root), []);
  });

  it('reports a wrong check character with the expected one', () => {
    const reports = runDocumentRules(unitRoot(codeScalar('113301000025391738')));
    assert.equal(reports.length, 1);
    const [report] = reports;
    assert.equal(report.ruleId, 'DA-UNIT-001');
    assert.equal(report.messageId, 'checkCharacter');
    assert.deepEqual(report.span, { start: CODE_START, end: CODE_START + 18 });
    assert.equal(report.path, '/unit/code');
    assert.deepEqual(report.data, { code: '113301000025391738', index: 17, expected: '9' });
    assert.equal(
      messageOf(unitCodeRule, report).en,
      'Character 18 of the unified social credit code (its check character) should be "9", not "8"',
    );
    assert.equal(messageOf(unitCodeRule, report)['zh-CN'], '统一社会信用代码第 18 位校验码应为“9”，实为“8”');
  });

  it('reports each failing check under its own message id', () => {
    const reports = runDocumentRules(unitRoot(codeScalar('1133010000253917O', '1133010000253917O'), null));
    assert.deepEqual(
      reports.map((r) => [r.ruleId, r.messageId, r.data?.index]),
      [
        ['DA-UNIT-001', 'length', 17],
        ['DA-UNIT-001', 'badCharacter', 16],
      ],
    );
    for (const report of reports) {
      assert.deepEqual(report.span, { start: CODE_START, end: CODE_START + 17 });
      messageOf(unitCodeRule, report);
    }
    const organisation = runDocumentRules(unitRoot(codeScalar('113301000025391729')));
    assert.deepEqual(
      organisation.map((r) => r.messageId),
      ['organisationCheck', 'checkCharacter'],
    );
    assert.equal(organisation[0].data?.expected, '3');
  });

  it('warns when the kind character disagrees with the unit type', () => {
    const reports = runDocumentRules(unitRoot(codeScalar('12330100470051726L'), '行政单位'));
    assert.equal(reports.length, 1);
    const [report] = reports;
    assert.equal(report.ruleId, 'DA-UNIT-002');
    assert.equal(report.messageId, 'kindMismatch');
    assert.deepEqual(report.span, { start: CODE_START, end: CODE_START + 18 });
    assert.equal(report.path, '/unit/code');
    assert.deepEqual(report.data, {
      code: '12330100470051726L',
      unitType: '行政单位',
      kind: '2',
      expectedKind: '1',
      impliedUnitType: '事业单位',
    });
    const message = messageOf(unitKindRule, report);
    assert.equal(
      message['zh-CN'],
      '单位类型为行政单位，但统一社会信用代码 12330100470051726L 第 2 位为“2”（事业单位）；行政单位的代码第 2 位通常为“1”（机关）',
    );
    assert.equal(
      message.en,
      'The unit type is 行政单位 (an administrative unit), but character 2 of the unified social credit code 12330100470051726L is "2" (public institution); for an administrative unit it is normally "1" (government body)',
    );
    const other = runDocumentRules(unitRoot(codeScalar('113301000025391739'), '事业单位'));
    assert.deepEqual(
      other.map((r) => [r.ruleId, r.data?.expectedKind, r.data?.impliedUnitType]),
      [['DA-UNIT-002', '2', '行政单位']],
    );
    const unnamedKind = runDocumentRules(unitRoot(codeScalar('1A'), '事业单位')).find(
      (r) => r.ruleId === 'DA-UNIT-002',
    )!;
    assert.match(messageOf(unitKindRule, unnamedKind).en, /is "A" \(an undefined kind\)/);
  });

  it('checks the kind only for codes of the establishment authorities (first character 1)', () => {
    assert.deepEqual(runDocumentRules(unitRoot(codeScalar('91350100M000100Y43'), '事业单位')), []);
    assert.deepEqual(runDocumentRules(unitRoot(codeScalar('12330100470051726L'), '其他')), []);
    assert.deepEqual(runDocumentRules(unitRoot(codeScalar('12330100470051726L'), null)), []);
  });

  it('leaves a missing unit, code or root to the schema', () => {
    assert.deepEqual(runDocumentRules(null), []);
    assert.deepEqual(runDocumentRules(map([entry(0, 'apiVersion', scalar(12, 'steward/v1'))])), []);
    assert.deepEqual(runDocumentRules(unitRoot(undefined)), []);
    assert.deepEqual(runDocumentRules(unitRoot(codeScalar('', null))), []);
    assert.deepEqual(runDocumentRules(unitRoot(map([entry(CODE_START, 'x', scalar(CODE_START + 3, '1'))]))), []);
  });

  it('declares full metadata', () => {
    assert.deepEqual(
      UNIT_CODE_RULES.map((rule) => [rule.meta.id, rule.meta.severity, ruleCitation(rule.meta)]),
      [
        ['DA-UNIT-001', 'error', 'GB 32100-2015; 财资〔2024〕1号 (1)'],
        ['DA-UNIT-002', 'warning', 'GB 32100-2015; 财资〔2024〕1号 (1)'],
      ],
    );
    assert.deepEqual(unitCodeRule.meta.replacesSchemaAt, ['/unit/code']);
    assert.deepEqual(Object.keys(unitCodeRule.meta.messages).sort(), [
      'badCharacter',
      'checkCharacter',
      'fullWidth',
      'length',
      'lowercase',
      'organisationCheck',
    ]);
    for (const rule of UNIT_CODE_RULES) assertFullMeta(rule);
  });
});

function assertFullMeta(rule: Rule): void {
  const { messages, docs } = rule.meta;
  assert.ok(Object.keys(messages).length > 0, rule.meta.id);
  for (const [id, text] of Object.entries(messages)) {
    assert.ok(text['zh-CN'].trim() && text.en.trim(), `${rule.meta.id}/${id}`);
    assert.match(text['zh-CN'], /[\u4e00-\u9fff]/, `${rule.meta.id}/${id} zh-CN is Chinese`);
  }
  for (const text of [docs.description, docs.rationale]) {
    assert.ok(text['zh-CN'].trim() && text.en.trim(), rule.meta.id);
  }
  assert.ok(docs.example.trim() && docs.fixedExample.trim() && docs.example !== docs.fixedExample, rule.meta.id);
}
