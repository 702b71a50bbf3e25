import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover } from 'vscode-languageserver-types';
import { createStewardService } from '../server/src/service';
import type { StewardService } from '../server/src/service';
import { hover } from '../server/src/service/hover';
import { LineIndex } from '../server/src/service/parser/lines';
import type { Locale } from '../server/src/service/types';

const ROOT = path.resolve(__dirname, '..', '..');
const CATALOG_URI = 'file:///ws/roads.catalog.yaml';
const REGISTER_URI = 'file:///ws/roads.assets.yaml';

const CATALOG = `apiVersion: steward/v1
kind: DataResourceCatalog
unit: { name: 某市交通运输局, code: 113301000025391739, type: 行政单位 }
resources:
  - id: R-330100-JT-0001
    name: 公交车辆实时位置数据
    securityGrade: 一般数据
    secrecy: 非涉密
    sharing: { type: 有条件共享, conditions: 仅向交通管理部门共享 }
    opening: { type: 不予开放 }
    relatedResources: [R-330100-JT-0002, R-330100-JT-0404]
  - id: R-330100-JT-0002
    name: 出租车订单数据
    securityGrade: 重要数据
    secrecy: 非涉密
    sharing:
      type: 无条件共享
    opening:
      type: 有条件开放
      conditions: 经申请后开放
`;

const REGISTER = `apiVersion: steward/v1
kind: DataAssetRegister
unit:
  name: 某市交通运输局
  code: 113301000025391739
  type: 行政单位
assets:
  - id: DA-2024-0001
    name: 公交运行监测数据集
    resource: R-330100-JT-0001
    classificationCode: A08060201
    securityGrade: 一般数据
    acquisition:
      method: 自主采集
    registration:
      cardNumber: ZC-2024-0001
  - id: DA-2024-0002
    name: 出租车订单数据集
    resource: R-330100-JT-0002
    classificationCode: A08060301
    securityGrade: 重要数据
    acquisition: { method: 购置 }
    registration: { cardNumber: ZC-2024-0002 }
`;

function workspace(
  texts: Record<string, string> = { [CATALOG_URI]: CATALOG, [REGISTER_URI]: REGISTER },
): StewardService {
  const service = createStewardService({ today: '2026-11-26' });
  for (const [uri, text] of Object.entries(texts)) service.update(uri, text);
  return service;
}

/** The offset of the `|` in `marked`, a snippet that occurs once in `text` once the `|` is taken out. */
function offsetOf(text: string, marked: string): number {
  const bar = marked.indexOf('|');
  const plain = marked.slice(0, bar) + marked.slice(bar + 1);
  const at = text.indexOf(plain);
  assert.ok(at >= 0 && text.indexOf(plain, at + 1) < 0, `"${plain}" must occur exactly once`);
  return at + bar;
}

function hoverAt(service: StewardService, uri: string, text: string, marked: string, locale: Locale): Hover | null {
  const file = service.update(uri, text).document;
  return hover({
    file,
    offset: offsetOf(text, marked),
    index: service.index,
    codeTable: service.codeTable,
    locale,
    findings: service.findings(uri),
    rules: service.rules(),
  });
}

function value(result: Hover | null): string {
  assert.ok(result, 'expected a hover');
  assert.ok(typeof result.contents === 'object' && 'kind' in result.contents && result.contents.kind === 'markdown');
  return result.contents.value;
}

function covered(text: string, result: Hover | null): string {
  assert.ok(result?.range, 'expected a hover range');
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(result.range.start), lines.offsetAt(result.range.end));
}

describe('hover', () => {
  const cases: Array<{ name: string; uri: string; marked: string; locale: Locale; lines: string[]; range: string }> = [
    {
      name: 'a key: title and English name, the description in the locale first, the basis',
      uri: REGISTER_URI,
      marked: '    securi|tyGrade: 一般数据\n    acquisition:\n      method: 自主采集',
      locale: 'zh-CN',
      lines: [
        '**数据分级** · Data grade',
        '',
        '数据级别：核心数据、重要数据或一般数据。',
        '',
        'Data grade: 核心数据 = core data; 重要数据 = important data; 一般数据 = general data.',
        '',
        '依据 / Basis: GB/T 43697-2024',
      ],
      range: 'securityGrade',
    },
    {
      name: 'a key in English',
      uri: REGISTER_URI,
      marked: '    securi|tyGrade: 一般数据\n    acquisition:\n      method: 自主采集',
      locale: 'en',
      lines: [
        '**数据分级** · Data grade',
        '',
        'Data grade: 核心数据 = core data; 重要数据 = important data; 一般数据 = general data.',
        '',
        '数据级别：核心数据、重要数据或一般数据。',
      ],
      range: 'securityGrade',
    },
    {
      name: 'a nested key in a flow mapping',
      uri: REGISTER_URI,
      marked: 'acquisition: { me|thod: 购置 }',
      locale: 'zh-CN',
      lines: ['**配置方式** · Allocation method', '', '自主采集、生产加工或购置。'],
      range: 'method',
    },
    {
      name: 'an enum value: English label and Chinese explanation',
      uri: REGISTER_URI,
      marked: '      method: 自|主采集',
      locale: 'zh-CN',
      lines: [
        '**自主采集** · Collected independently',
        '',
        '履职或提供公共服务中自行采集',
        '',
        '配置方式（`method`）的取值',
      ],
      range: '自主采集',
    },
    {
      name: 'an enum value in English',
      uri: REGISTER_URI,
      marked: '      method: 自|主采集',
      locale: 'en',
      lines: [
        '**自主采集** · Collected independently',
        '',
        '履职或提供公共服务中自行采集',
        '',
        'A value of `method` (配置方式)',
      ],
      range: '自主采集',
    },
    {
      name: 'a data classification code',
      uri: REGISTER_URI,
      marked: 'classificationCode: A0806|0201',
      locale: 'zh-CN',
      lines: [
        '**A08060201 结构化数据 · Structured data**',
        '',
        'A08000000 无形资产 > A08060000 信息数据类无形资产 > A08060200 数据 > A08060201',
        '',
        '✓ 数据资产分类代码（计量单位：组）',
      ],
      range: 'A08060201',
    },
    {
      name: 'a data classification code in English',
      uri: REGISTER_URI,
      marked: 'classificationCode: A0806|0201',
      locale: 'en',
      lines: [
        '**A08060201 Structured data (结构化数据)**',
        '',
        'A08000000 无形资产 > A08060000 信息数据类无形资产 > A08060200 数据 > A08060201',
        '',
        '✓ A data-asset classification code (unit of count: 组)',
      ],
      range: 'A08060201',
    },
    {
      name: 'a code that is not a data code: the finding first, then the code',
      uri: REGISTER_URI,
      marked: 'classificationCode: A0806|0301',
      locale: 'en',
      lines: ['**DA-CODE-002** Classification code A08060301 is an intangible asset outside 数据'],
      range: 'A08060301',
    },
    {
      name: 'a resource reference: name, grade, secrecy, file',
      uri: REGISTER_URI,
      marked: 'resource: R-330100-JT-0|001',
      locale: 'zh-CN',
      lines: [
        '**R-330100-JT-0001** · 公交车辆实时位置数据',
        '',
        '- 数据分级：一般数据',
        '- 涉密属性：非涉密',
        '- 定义于：roads.catalog.yaml 第 5 行',
      ],
      range: 'R-330100-JT-0001',
    },
    {
      name: 'a resource reference in English',
      uri: REGISTER_URI,
      marked: 'resource: R-330100-JT-0|001',
      locale: 'en',
      lines: [
        '**R-330100-JT-0001** · 公交车辆实时位置数据',
        '',
        '- Grade: 一般数据 (General data)',
        '- Secrecy: 非涉密 (Not classified)',
        '- Defined in: roads.catalog.yaml, line 5',
      ],
      range: 'R-330100-JT-0001',
    },
    {
      name: 'a related resource in the same catalog: sharing and opening too',
      uri: CATALOG_URI,
      marked: 'relatedResources: [R-330100-JT-0|002',
      locale: 'zh-CN',
      lines: [
        '**R-330100-JT-0002** · 出租车订单数据',
        '',
        '- 数据分级：重要数据',
        '- 涉密属性：非涉密',
        '- 共享类型：无条件共享',
        '- 开放类型：有条件开放',
        '- 定义于：roads.catalog.yaml 第 12 行',
      ],
      range: 'R-330100-JT-0002',
    },
    {
      name: 'an unknown related resource: the finding, then that no resource has the id',
      uri: CATALOG_URI,
      marked: 'R-330100-JT-0|404',
      locale: 'zh-CN',
      lines: ['**DA-REF-003**'],
      range: 'R-330100-JT-0404',
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const service = workspace();
      const text = c.uri === CATALOG_URI ? CATALOG : REGISTER;
      const result = hoverAt(service, c.uri, text, c.marked, c.locale);
      const lines = value(result).split('\n');
      if (c.lines.length === 1) assert.ok(lines[0].startsWith(c.lines[0]), `first line: ${lines[0]}`);
      else assert.deepEqual(lines.slice(0, c.lines.length), c.lines);
      assert.equal(covered(text, result), c.range);
    });
  }

  describe('findings', () => {
    const bad = REGISTER.replace(
      '    acquisition: { method: 购置 }\n',
      '    acquisition: { method: 购置 }\n    guarantee: 向银行质押\n',
    );

    it("shows the rule id, message, the rule's short docs and the explain hint", () => {
      const service = workspace({ [CATALOG_URI]: CATALOG, [REGISTER_URI]: bad });
      const finding = service.findings(REGISTER_URI).find((f) => f.ruleId === 'DA-AUTH-006');
      assert.ok(finding, 'the register has a guarantee finding');
      const rule = service.rules().find((r) => r.id === 'DA-AUTH-006');
      assert.ok(rule);
      for (const locale of ['zh-CN', 'en'] as const) {
        const text = value(hoverAt(service, REGISTER_URI, bad, '    guar|antee: 向银行质押', locale));
        const [findingPart] = text.split('\n\n---\n\n');
        const explain =
          locale === 'en' ? 'Details: `steward explain DA-AUTH-006`' : '详细说明：`steward explain DA-AUTH-006`';
        const ruleLine: string = locale === 'en' ? `Rule: ${rule.short.en}` : `规则：${rule.short['zh-CN']}`;
        assert.equal(findingPart, `**DA-AUTH-006** ${finding.message[locale]}\n\n${ruleLine}\n\n${explain}`);
      }
    });

    it("a finding alone, where there is nothing else to say, covers the finding's range", () => {
      const todo = REGISTER.replace('cardNumber: ZC-2024-0001', 'cardNumber: 待填写');
      const service = workspace({ [CATALOG_URI]: CATALOG, [REGISTER_URI]: todo });
      const finding = service.findings(REGISTER_URI).find((f) => f.ruleId === 'DA-TODO-001');
      assert.ok(finding, 'the placeholder is reported');
      const result = hoverAt(service, REGISTER_URI, todo, 'cardNumber: 待|填写', 'zh-CN');
      assert.equal(value(result).split('\n')[0], `**DA-TODO-001** ${finding.message['zh-CN']}`);
      assert.deepEqual(result?.range, finding.range);
    });
  });

  describe('codes with problems', () => {
    const cases: Array<{ code: string; locale: Locale; lines: string[] }> = [
      {
        code: '2010000',
        locale: 'zh-CN',
        lines: ['**2010000**', '', '⚠ 这是 GB/T 14885-2010 的 7 位旧代码，应改用 2022 版代码（数据资产如 A08060201）'],
      },
      {
        code: 'A08069999',
        locale: 'en',
        lines: [
          '**A08069999**',
          '',
          'A08000000 无形资产 > A08060000 信息数据类无形资产 > A08069999',
          '',
          '⚠ The code table (built-in) has no such code',
          '',
          '⚠ Not a data-asset code: data assets are registered under A08060200 数据 (A08060201 structured, A08060202 semi-structured, A08060203 unstructured)',
        ],
      },
      {
        code: 'A02010101',
        locale: 'zh-CN',
        lines: [
          '**A02010101**',
          '',
          'A02000000 设备 > A02010101',
          '',
          '代码表（built-in）未收录此门类的细分代码，无法核对；请加载单位的正式代码表',
          '',
          '⚠ 不是数据资产分类代码：数据资产应登记在 A08060200 数据 下（A08060201 结构化、A08060202 半结构化、A08060203 非结构化）',
        ],
      },
      {
        code: 'A08060200',
        locale: 'zh-CN',
        lines: [
          '**A08060200 数据 · Data**',
          '',
          'A08000000 无形资产 > A08060000 信息数据类无形资产 > A08060200',
          '',
          '这是数据大类本身：数据资产应登记在其下的小类 A08060201/02/03',
        ],
      },
    ];
    for (const c of cases) {
      it(`${c.code} (${c.locale})`, () => {
        const text = REGISTER.replace('classificationCode: A08060201', `classificationCode: ${c.code}`);
        const service = workspace({ [CATALOG_URI]: CATALOG, [REGISTER_URI]: text });
        const result = hover({
          file: service.update(REGISTER_URI, text).document,
          offset: offsetOf(text, `classificationCode: ${c.code[0]}|${c.code.slice(1)}`),
          index: service.index,
          codeTable: service.codeTable,
          locale: c.locale,
          findings: [],
          rules: service.rules(),
        });
        assert.deepEqual(value(result).split('\n'), c.lines);
        assert.equal(covered(text, result), c.code);
      });
    }
  });

  it('an unknown resource says so', () => {
    const text = REGISTER.replace('resource: R-330100-JT-0002', 'resource: R-330100-JT-0999');
    const service = workspace({ [CATALOG_URI]: CATALOG, [REGISTER_URI]: text });
    const file = service.update(REGISTER_URI, text).document;
    const result = hover({
      file,
      offset: offsetOf(text, 'R-330100-JT-0|999'),
      index: service.index,
      codeTable: service.codeTable,
      locale: 'en',
      findings: [],
      rules: [],
    });
    assert.equal(value(result), '**R-330100-JT-0999** · No catalog resource has this id');
  });

  it('nothing on free text, whitespace, comments or unknown keys', () => {
    const text = REGISTER.replace(
      '    name: 公交运行监测数据集\n',
      '    name: 公交运行监测数据集   # 注释\n    x-note: 自定义\n',
    );
    const service = workspace({ [CATALOG_URI]: CATALOG, [REGISTER_URI]: text });
    const file = service.update(REGISTER_URI, text).document;
    for (const marked of ['name: 公交运|行监测数据集', '数据集 |  # 注释', '# 注|释', 'x-no|te']) {
      const result = hover({
        file,
        offset: offsetOf(text, marked),
        index: service.index,
        codeTable: service.codeTable,
        locale: 'zh-CN',
        findings: [],
        rules: [],
      });
      assert.equal(result, null, marked);
    }
  });

  describe('robustness', () => {
    const dir = path.join(ROOT, 'examples', 'transport-bureau');
    const files = fs
      .readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
    files.push({
      name: 'broken.assets.yaml',
      text: 'apiVersion: steward/v1\nkind: DataAssetRegister\nassets:\n  - id: "DA-1\n    classificationCode: [A0806, {\n\t- x\n  - - :\n---\n{ [ ,: }\r\n😀: 😀\r  ',
    });
    for (const file of files) {
      it(`every offset of ${file.name}`, () => {
        const service = workspace();
        const uri = `file:///ws/${file.name}`;
        const document = service.update(uri, file.text).document;
        const findings = service.findings(uri);
        let hovers = 0;
        for (let offset = 0; offset <= file.text.length; offset++) {
          const result = hover({
            file: document,
            offset,
            index: service.index,
            codeTable: service.codeTable,
            locale: 'en',
            findings,
            rules: service.rules(),
          });
          if (result) hovers++;
        }
        if (file.text.length > 1000) assert.ok(hovers > 0);
      });
    }
  });
});
