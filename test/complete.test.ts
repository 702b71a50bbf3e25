import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InsertTextFormat } from 'vscode-languageserver-types';
import type { CompletionItem, CompletionList, Range, TextEdit } from 'vscode-languageserver-types';
import { createStewardService } from '../server/src/service';
import type { StewardService } from '../server/src/service';
import { complete } from '../server/src/service/completion';
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
    sharing: { type: 有条件共享 }
    opening: { type: 不予开放 }
  - id: R-330100-JT-0002
    name: 出租车订单数据
    securityGrade: 重要数据
    secrecy: 非涉密
    sharing: { type: 有条件共享 }
    opening: { type: 不予开放 }
`;

const REGISTER_HEAD = `apiVersion: steward/v1
kind: DataAssetRegister
unit:
  name: 某市交通运输局
  code: 113301000025391739
  type: 行政单位
assets:
  - id: DA-2024-0001
    name: 公交运行监测数据集
`;

interface Run {
  list: CompletionList;
  text: string;
}

/** Completes at the `|` of `marked` in a workspace that also holds the catalog above. */
function run(marked: string, options: { uri?: string; locale?: Locale } = {}): Run {
  const bar = marked.indexOf('|');
  assert.ok(bar >= 0, 'the snippet needs a | for the cursor');
  const text = marked.slice(0, bar) + marked.slice(bar + 1);
  const service: StewardService = createStewardService({ today: '2026-11-26' });
  service.update(CATALOG_URI, CATALOG);
  const uri = options.uri ?? REGISTER_URI;
  const { document } = service.update(uri, text);
  const list = complete({
    file: document,
    offset: bar,
    index: service.index,
    codeTable: service.codeTable,
    locale: options.locale ?? 'zh-CN',
    rules: service.rules(),
  });
  return { list, text };
}

/** Items in the order a client shows them before filtering: by sortText, then label. */
function ordered(list: CompletionList): CompletionItem[] {
  const key = (item: CompletionItem) => item.sortText ?? item.label;
  return [...list.items].sort((a, b) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.label < b.label ? -1 : a.label > b.label ? 1 : 0,
  );
}

function labels(list: CompletionList): string[] {
  return ordered(list).map((item) => item.label);
}

function item(list: CompletionList, label: string): CompletionItem {
  const found = list.items.find((i) => i.label === label);
  assert.ok(found, `no item ${label} among ${list.items.map((i) => i.label).join(', ')}`);
  return found;
}

function edit(completion: CompletionItem): TextEdit {
  assert.ok(completion.textEdit && 'range' in completion.textEdit, `${completion.label} has no textEdit with a range`);
  return completion.textEdit;
}

function slice(text: string, range: Range): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

describe('complete', () => {
  describe('keys', () => {
    const cases: Array<{ name: string; marked: string; uri?: string; first: string[]; absent?: string[] }> = [
      {
        name: 'asset keys: required first, written ones left out, then whole blocks',
        marked: REGISTER_HEAD + '    |\n',
        first: [
          'resource',
          'classificationCode',
          'securityGrade',
          'acquisition',
          '授权运营记录（整段）',
          '收益记录（整段）',
          '处置记录（整段）',
          'quantity',
        ],
        absent: ['id', 'name', 'guarantee'],
      },
      {
        name: 'a partial key',
        marked: REGISTER_HEAD + '    sec|\n',
        first: ['resource', 'classificationCode', 'securityGrade'],
      },
      {
        name: 'keys of a nested mapping',
        marked: REGISTER_HEAD + '    acquisition:\n      |\n',
        first: ['method', 'date', 'budgetReference', 'governmentProcurement'],
      },
      {
        name: 'a purchase makes budgetReference required (if/then)',
        marked: REGISTER_HEAD + '    acquisition:\n      method: 购置\n      |\n',
        first: ['budgetReference', 'date', 'governmentProcurement'],
      },
      {
        name: 'a paid authorization makes fee and valuation required',
        marked:
          REGISTER_HEAD +
          '    authorizations:\n      - entity: 某市大数据运营有限公司\n        paid: true\n        |\n',
        first: ['rights', 'securityAssessment', 'approval', 'fee', 'valuation', 'scope'],
        absent: ['entity', 'paid'],
      },
      {
        name: 'a new asset item after "- ": the whole item first, then its keys',
        marked: REGISTER_HEAD + '  - |\n',
        first: ['数据资产（整段）', 'id', 'name', 'resource'],
      },
      {
        name: "the second item does not see the first item's keys",
        marked:
          REGISTER_HEAD +
          '    resource: R-330100-JT-0001\n  - id: DA-2024-0002\n    |\n    classificationCode: A08060201\n',
        first: ['name', 'resource', 'securityGrade', 'acquisition'],
        absent: ['id', 'classificationCode'],
      },
      {
        name: 'the authorizations list level: a whole authorization',
        marked: REGISTER_HEAD + '    authorizations:\n      |\n',
        first: ['授权运营记录（整段）'],
      },
      {
        name: 'the revenue list level after "- ": the whole line, then the keys',
        marked: REGISTER_HEAD + '    revenue:\n      - |\n',
        first: ['收益记录（整段）', 'year', 'source', 'amount', 'handling', 'payer'],
      },
      {
        name: 'keys inside a flow mapping',
        marked: REGISTER_HEAD + '    authorizations:\n      - securityAssessment: { ref: AQPG-2024-03, | }\n',
        first: ['date', 'assessor'],
        absent: ['ref'],
      },
      {
        name: 'not sharing makes its basis required, also in a flow mapping',
        marked: CATALOG.replace(
          '    sharing: { type: 有条件共享 }\n    opening: { type: 不予开放 }\n  - id: R-330100-JT-0002',
          '    sharing: { type: 不予共享, | }\n    opening: { type: 不予开放 }\n  - id: R-330100-JT-0002',
        ),
        uri: 'file:///ws/other.catalog.yaml',
        first: ['basis', 'conditions', 'method'],
      },
      {
        name: 'top-level keys not yet written',
        marked: 'apiVersion: steward/v1\nkind: DataAssetRegister\n|\nassets: []\n',
        first: ['unit', 'asOf'],
      },
      {
        name: 'an empty register file: skeletons, the register first, then the keys',
        marked: '|',
        first: ['数据资产登记（整篇骨架）', '数据资源目录（整篇骨架）', 'apiVersion', 'kind', 'unit', 'assets', 'asOf'],
      },
      {
        name: 'a catalog file without apiVersion: the catalog skeleton first',
        marked: 'unit:\n  name: 某局\n|\n',
        uri: 'file:///ws/new.catalog.yaml',
        first: ['数据资源目录（整篇骨架）', '数据资产登记（整篇骨架）', 'apiVersion', 'kind', 'resources', 'asOf'],
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const { list } = run(c.marked, { uri: c.uri });
        assert.deepEqual(labels(list).slice(0, c.first.length), c.first);
        for (const label of c.absent ?? []) assert.ok(!labels(list).includes(label), `${label} should not be offered`);
      });
    }

    it('labels whole blocks in the locale', () => {
      const { list } = run(REGISTER_HEAD + '    |\n', { locale: 'en' });
      const blocks = ordered(list)
        .filter((i) => i.kind === 15)
        .map((i) => i.label);
      assert.deepEqual(blocks, ['Authorization (whole block)', 'Revenue line (whole block)', 'Disposal (whole block)']);
      assert.deepEqual(labels(run('|', { uri: 'file:///ws/new.catalog.yaml', locale: 'en' }).list).slice(0, 2), [
        'Data resource catalog (whole skeleton)',
        'Data asset register (whole skeleton)',
      ]);
    });

    it('gives detail (Chinese title and English) and documentation in the locale first', () => {
      const zh = item(run(REGISTER_HEAD + '    |\n').list, 'securityGrade');
      assert.equal(zh.detail, '数据分级 · Data grade');
      assert.deepEqual(zh.documentation, {
        kind: 'markdown',
        value:
          '数据级别：核心数据、重要数据或一般数据。\n\nData grade: 核心数据 = core data; 重要数据 = important data; 一般数据 = general data.\n\n依据 / Basis: GB/T 43697-2024',
      });
      const en = item(run(REGISTER_HEAD + '    |\n', { locale: 'en' }).list, 'securityGrade');
      assert.ok(
        typeof en.documentation === 'object' && en.documentation.value.startsWith('Data grade: 核心数据 = core data'),
      );
      assert.equal(item(run(REGISTER_HEAD + '    |\n').list, 'acquisition').detail, '取得方式 · Acquisition');
    });

    it('matches keys by their Chinese title too', () => {
      assert.equal(
        item(run(REGISTER_HEAD + '    |\n').list, 'classificationCode').filterText,
        'classificationCode 资产分类代码',
      );
    });
  });

  describe('snippets', () => {
    const cases: Array<{ name: string; marked: string; label: string; newText: string }> = [
      { name: 'a scalar key', marked: REGISTER_HEAD + '    |\n', label: 'resource', newText: 'resource: $1' },
      {
        name: 'an enumerated key offers its values',
        marked: REGISTER_HEAD + '    |\n',
        label: 'securityGrade',
        newText: 'securityGrade: ${1|核心数据,重要数据,一般数据|}',
      },
      {
        name: 'an object with its required key',
        marked: REGISTER_HEAD + '    |\n',
        label: 'acquisition',
        newText: 'acquisition:\n  method: ${1|自主采集,生产加工,购置|}',
      },
      {
        name: 'securityAssessment with ref and date',
        marked: REGISTER_HEAD + '    authorizations:\n      - entity: 某公司\n        |\n',
        label: 'securityAssessment',
        newText: 'securityAssessment:\n  ref: ${1:待填写}\n  date: ${2:待填写}',
      },
      {
        name: 'after "- " later lines are indented to the key, not the dash',
        marked: REGISTER_HEAD + '    authorizations:\n      - |\n',
        label: 'securityAssessment',
        newText: 'securityAssessment:\n    ref: ${1:待填写}\n    date: ${2:待填写}',
      },
      {
        name: 'a list of enumerated values',
        marked: REGISTER_HEAD + '    authorizations:\n      - entity: 某公司\n        |\n',
        label: 'rights',
        newText: 'rights: [${1|数据加工使用权,数据产品经营权|}]',
      },
      {
        name: 'a boolean',
        marked: REGISTER_HEAD + '    authorizations:\n      - entity: 某公司\n        |\n',
        label: 'paid',
        newText: 'paid: ${1|true,false|}',
      },
      {
        name: 'the whole authorization at the asset level',
        marked: REGISTER_HEAD + '    |\n',
        label: '授权运营记录（整段）',
        newText:
          'authorizations:\n  - entity: ${1:待填写}\n    rights: [${2|数据加工使用权,数据产品经营权|}]\n    securityAssessment:\n      ref: ${3:待填写}\n      date: ${4:待填写}\n' +
          '    approval:\n      ref: ${5:待填写}\n      authority: ${6:待填写}\n    paid: ${7|true,false|}',
      },
      {
        name: 'the whole authorization at the list level',
        marked: REGISTER_HEAD + '    authorizations:\n      |\n',
        label: '授权运营记录（整段）',
        newText:
          '- entity: ${1:待填写}\n  rights: [${2|数据加工使用权,数据产品经营权|}]\n  securityAssessment:\n    ref: ${3:待填写}\n    date: ${4:待填写}\n' +
          '  approval:\n    ref: ${5:待填写}\n    authority: ${6:待填写}\n  paid: ${7|true,false|}',
      },
      {
        name: 'the whole revenue line after "- "',
        marked: REGISTER_HEAD + '    revenue:\n      - |\n',
        label: '收益记录（整段）',
        newText:
          'year: ${1:待填写}\n  source: ${2|使用,处置|}\n  amount: ${3:待填写}\n  handling: ${4|非税收入,事业收入|}',
      },
      {
        name: 'the whole disposal',
        marked: REGISTER_HEAD + '    |\n',
        label: '处置记录（整段）',
        newText:
          'disposal:\n  method: ${1|无偿划转,对外捐赠,转让,置换,报废,报损,销毁,删除|}\n  decision:\n    ref: ${2:待填写}\n    date: ${3:待填写}\n  approval:\n    ref: ${4:待填写}\n    authority: ${5:待填写}',
      },
      {
        name: 'a key inside a flow mapping stays on the line',
        marked: REGISTER_HEAD + '    acquisition: { method: 购置, | }\n',
        label: 'governmentProcurement',
        newText: 'governmentProcurement: { $1 }',
      },
      {
        name: 'kind in a file of unknown kind: a choice of both',
        marked: '|',
        label: 'kind',
        newText: 'kind: ${1|DataResourceCatalog,DataAssetRegister|}',
      },
      {
        name: 'renaming a key keeps its value',
        marked: REGISTER_HEAD + '    secu|rityGrade: 一般数据\n',
        label: 'securityGrade',
        newText: 'securityGrade',
      },
      {
        name: 'the catalog skeleton',
        marked: '|',
        label: '数据资源目录（整篇骨架）',
        newText:
          'apiVersion: steward/v1\nkind: DataResourceCatalog\nunit:\n  name: ${1:待填写}\n  code: ${2:待填写}\n  type: ${3|行政单位,事业单位|}\n  supervisingDepartment: ${4:待填写}\n' +
          'resources:\n  - id: ${5:待填写}\n    name: ${6:待填写}\n    securityGrade: ${7|核心数据,重要数据,一般数据|}\n    secrecy: ${8|涉密,工作秘密,非涉密|}\n' +
          '    sharing:\n      type: ${9|无条件共享,有条件共享,不予共享|}\n    opening:\n      type: ${10|无条件开放,有条件开放,不予开放|}',
      },
      {
        name: 'the register skeleton',
        marked: '|',
        label: '数据资产登记（整篇骨架）',
        newText:
          'apiVersion: steward/v1\nkind: DataAssetRegister\nunit:\n  name: ${1:待填写}\n  code: ${2:待填写}\n  type: ${3|行政单位,事业单位|}\n  supervisingDepartment: ${4:待填写}\n' +
          'assets:\n  - id: ${5:待填写}\n    name: ${6:待填写}\n    resource: ${7:待填写}\n    classificationCode: ${8:待填写}\n    securityGrade: ${9|核心数据,重要数据,一般数据|}\n' +
          '    acquisition:\n      method: ${10|自主采集,生产加工,购置|}\n    registration:\n      cardNumber: ${11:待填写}',
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const uri = c.label === 'kind' ? 'file:///ws/notes.yaml' : undefined;
        const completion = item(run(c.marked, { uri }).list, c.label);
        assert.equal(completion.insertTextFormat, InsertTextFormat.Snippet);
        assert.equal(edit(completion).newText, c.newText);
        assert.equal(completion.insertText, c.newText);
      });
    }
  });

  describe('values', () => {
    const cases: Array<{ name: string; marked: string; uri?: string; first: string[]; absent?: string[] }> = [
      {
        name: 'an enum',
        marked: REGISTER_HEAD + '    securityGrade: |\n',
        first: ['核心数据', '重要数据', '一般数据'],
      },
      {
        name: 'an enum, the value on the next line',
        marked: REGISTER_HEAD + '    securityGrade:\n      |\n',
        first: ['核心数据', '重要数据', '一般数据'],
      },
      {
        name: 'a nested enum',
        marked: REGISTER_HEAD + '    acquisition:\n      method: 自|\n',
        first: ['自主采集', '生产加工', '购置'],
      },
      { name: 'a const', marked: 'apiVersion: |\n', first: ['steward/v1'] },
      {
        name: "kind: both, the file name's kind first",
        marked: 'apiVersion: steward/v1\nkind: |\n',
        first: ['DataAssetRegister', 'DataResourceCatalog'],
      },
      { name: 'a boolean', marked: REGISTER_HEAD + '    authorizations:\n      - paid: |\n', first: ['true', 'false'] },
      {
        name: 'a flow list leaves out unique values already there',
        marked: REGISTER_HEAD + '    authorizations:\n      - rights: [数据加工使用权, |]\n',
        first: ['数据产品经营权'],
        absent: ['数据加工使用权'],
      },
      {
        name: 'a block list item',
        marked: REGISTER_HEAD + '    authorizations:\n      - rights:\n          - |\n',
        first: ['数据加工使用权', '数据产品经营权'],
      },
      {
        name: 'a value inside a flow mapping in a list',
        marked: CATALOG.replace(
          '    secrecy: 非涉密\n    sharing: { type: 有条件共享 }\n    opening: { type: 不予开放 }\n  - id: R-330100-JT-0002',
          '    secrecy: 非涉密\n    informationItems:\n      - { name: 车辆编号, dataType: 字| }\n    sharing: { type: 有条件共享 }\n    opening: { type: 不予开放 }\n  - id: R-330100-JT-0002',
        ),
        uri: 'file:///ws/other.catalog.yaml',
        first: ['字符型', '数值型', '货币型'],
      },
      {
        name: 'classificationCode with nothing typed: the data classes',
        marked: REGISTER_HEAD + '    classificationCode: |\n',
        first: ['A08060201', 'A08060202', 'A08060203'],
      },
      {
        name: 'classificationCode by code prefix: data classes first',
        marked: REGISTER_HEAD + '    classificationCode: A0806|\n',
        first: ['A08060201', 'A08060202', 'A08060203', 'A08060000', 'A08060100'],
      },
      {
        name: 'classificationCode by Chinese name',
        marked: REGISTER_HEAD + '    classificationCode: 软件|\n',
        first: ['A08060300', 'A08060301', 'A08060302', 'A08060303', 'A08060399'],
      },
      {
        name: 'resource: the catalog ids',
        marked: REGISTER_HEAD + '    resource: |\n',
        first: ['R-330100-JT-0001', 'R-330100-JT-0002'],
      },
      {
        name: 'relatedResources: the resource itself and listed ids left out',
        marked: CATALOG.replace(
          '    opening: { type: 不予开放 }\n  - id: R-330100-JT-0002',
          '    opening: { type: 不予开放 }\n    relatedResources: [|]\n  - id: R-330100-JT-0002',
        ),
        uri: 'file:///ws/other.catalog.yaml',
        first: ['R-330100-JT-0002'],
        absent: ['R-330100-JT-0001'],
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const { list } = run(c.marked, { uri: c.uri });
        assert.deepEqual(labels(list).slice(0, c.first.length), c.first);
        for (const label of c.absent ?? []) assert.ok(!labels(list).includes(label), `${label} should not be offered`);
      });
    }

    it('labels enum values in English and explains them in Chinese', () => {
      const general = item(run(REGISTER_HEAD + '    securityGrade: |\n').list, '一般数据');
      assert.equal(general.detail, 'General data');
      assert.deepEqual(general.documentation, { kind: 'markdown', value: '核心数据、重要数据以外的数据' });
      assert.equal(general.filterText, '一般数据 General data');
    });

    it('describes codes by name and ancestors, matchable by code or name, and asks again as the user types', () => {
      const { list } = run(REGISTER_HEAD + '    classificationCode: |\n');
      assert.equal(list.isIncomplete, true);
      const structured = item(list, 'A08060201');
      assert.equal(structured.detail, '结构化数据');
      assert.deepEqual(structured.documentation, {
        kind: 'markdown',
        value:
          'A08000000 无形资产 > A08060000 信息数据类无形资产 > A08060200 数据 > **A08060201 结构化数据**\n\n数据资产分类代码',
      });
      assert.equal(structured.filterText, 'A08060201 08060201 结构化数据 Structured data');
    });

    it('describes resources by name, grade and file', () => {
      const resource = item(run(REGISTER_HEAD + '    resource: |\n', { locale: 'en' }).list, 'R-330100-JT-0002');
      assert.equal(resource.detail, '出租车订单数据');
      assert.ok(typeof resource.documentation === 'object');
      assert.equal(
        resource.documentation.value,
        '**R-330100-JT-0002** · 出租车订单数据\n\n- Grade: 重要数据 (Important data)\n- Secrecy: 非涉密 (Not classified)\n- Defined in: roads.catalog.yaml, line 11',
      );
    });

    it('inserts a space right after a colon', () => {
      assert.equal(edit(item(run(REGISTER_HEAD + '    securityGrade:|\n').list, '一般数据')).newText, ' 一般数据');
    });
  });

  describe('replace ranges', () => {
    const cases: Array<{ name: string; marked: string; label: string; replaced: string }> = [
      { name: 'a partial key', marked: REGISTER_HEAD + '    secu|\n', label: 'securityGrade', replaced: 'secu' },
      {
        name: 'the whole key under the cursor',
        marked: REGISTER_HEAD + '    secu|rityGrade: 一般数据\n',
        label: 'securityGrade',
        replaced: 'securityGrade',
      },
      {
        name: 'a partial Chinese value',
        marked: REGISTER_HEAD + '    securityGrade: 一|\n',
        label: '一般数据',
        replaced: '一',
      },
      {
        name: 'the whole Chinese value, not its comment',
        marked: REGISTER_HEAD + '    securityGrade: 重|要数据   # 含敏感信息\n',
        label: '一般数据',
        replaced: '重要数据',
      },
      {
        name: 'inside quotes',
        marked: REGISTER_HEAD + '    securityGrade: "重|"\n',
        label: '重要数据',
        replaced: '重',
      },
      {
        name: 'a code typed by its Chinese name',
        marked: REGISTER_HEAD + '    classificationCode: 结构|\n',
        label: 'A08060201',
        replaced: '结构',
      },
      {
        name: 'a flow list item',
        marked: REGISTER_HEAD + '    authorizations:\n      - rights: [数据加|, 数据产品经营权]\n',
        label: '数据加工使用权',
        replaced: '数据加',
      },
      {
        name: 'a rule id in a waiver',
        marked: REGISTER_HEAD + '    # steward-disable-next-line DA-AU|\n',
        label: 'DA-AUTH-001',
        replaced: 'DA-AU',
      },
      {
        name: 'nothing typed: an empty range at the cursor',
        marked: REGISTER_HEAD + '    resource: |\n',
        label: 'R-330100-JT-0001',
        replaced: '',
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const { list, text } = run(c.marked);
        const range = edit(item(list, c.label)).range;
        assert.equal(slice(text, range), c.replaced);
        assert.equal(range.start.line, range.end.line);
      });
    }

    it('with CRLF line ends', () => {
      const marked = (REGISTER_HEAD + '    securityGrade: 一|\n').replace(/\n/g, '\r\n');
      const { list, text } = run(marked);
      assert.equal(slice(text, edit(item(list, '一般数据')).range), '一');
    });
  });

  describe('waiver comments', () => {
    it('offers rule ids with their short description, leaving out ids already named', () => {
      const { list } = run(REGISTER_HEAD + '    # steward-disable-next-line DA-AUTH-001, |\n');
      assert.ok(!labels(list).includes('DA-AUTH-001'));
      const approval = item(list, 'DA-AUTH-002');
      assert.equal(
        approval.detail,
        '每项数据资产授权都要有审批记录（approval），至少写明批复文号（ref），宜写明审批机关（authority）和批复日期（date）。',
      );
      assert.deepEqual(labels(list).slice(0, 2), ['DA-ACQ-001', 'DA-ACQ-002']);
    });

    it('after steward-disable and steward-disable-line, in English', () => {
      const short = createStewardService()
        .rules()
        .find((rule) => rule.id === 'DA-AUTH-002')?.short.en;
      assert.ok(short);
      for (const directive of ['# steward-disable DA-', 'name: x  # steward-disable-line DA-']) {
        const { list } = run(REGISTER_HEAD + `    ${directive}|\n`, { locale: 'en' });
        assert.equal(item(list, 'DA-AUTH-002').detail, short);
      }
    });

    it('offers the directives themselves', () => {
      const { list, text } = run(REGISTER_HEAD + '    # stew|\n');
      assert.deepEqual(labels(list), [
        'steward-disable-next-line',
        'steward-disable-line',
        'steward-disable',
        'steward-enable',
      ]);
      assert.equal(slice(text, edit(list.items[0]).range), 'stew');
    });

    it('offers nothing in the reason or in other comments', () => {
      assert.deepEqual(run(REGISTER_HEAD + '    # steward-disable-next-line DA-AUTH-001 -- 原因 |\n').list.items, []);
      assert.deepEqual(run(REGISTER_HEAD + '    # 备注 |\n').list.items, []);
    });
  });

  describe('nothing to offer', () => {
    const cases: Array<{ name: string; marked: string }> = [
      { name: 'inside a block scalar', marked: REGISTER_HEAD + '    x-note: |\n      第一行\n      |\n' },
      { name: 'a free-text value', marked: REGISTER_HEAD + '    name: 公交|\n' },
      {
        name: 'after a closed flow list',
        marked: REGISTER_HEAD + '    authorizations:\n      - rights: [数据加工使用权]|\n',
      },
      { name: 'a dash without its space', marked: REGISTER_HEAD + '  -|\n' },
      { name: 'on a document marker', marked: REGISTER_HEAD + '--|-\n' },
    ];
    for (const c of cases) {
      it(c.name, () => assert.deepEqual(run(c.marked).list.items, []));
    }
  });

  describe('robustness', () => {
    const exampleDir = path.join(ROOT, 'examples', 'transport-bureau');
    const examples = fs
      .readdirSync(exampleDir)
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => ({ name, text: fs.readFileSync(path.join(exampleDir, name), 'utf8') }));
    const broken = [
      'apiVersion: steward/v1\nkind: DataAssetRegister\nassets:\n  - id: "DA-1\n    name: [a, {b: \n\t- c\n  - - - :\n    ? x\n    key: |\n      - a: b\n---\n{ [ ,: }\n%YAML\n😀: 😀\r\n  \r  - \ufeff# steward-disable DA-\n',
      '- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - x\n',
      '',
    ];
    const service = createStewardService({ today: '2026-11-26' });
    const all = [...examples, ...broken.map((text, i) => ({ name: `broken-${i}.assets.yaml`, text }))];
    for (const file of all) {
      it(`every offset of ${file.name}`, () => {
        const { document } = service.update(`file:///ws/${file.name}`, file.text);
        const started = Date.now();
        let items = 0;
        for (let offset = 0; offset <= file.text.length; offset++) {
          const list = complete({
            file: document,
            offset,
            index: service.index,
            codeTable: service.codeTable,
            locale: 'zh-CN',
            rules: service.rules(),
          });
          assert.ok(Array.isArray(list.items));
          items += list.items.length;
          // LSP: an edit's range is on one line and contains the position completion was asked at.
          for (const completion of list.items) {
            const { range } = edit(completion);
            const start = document.lines.offsetAt(range.start);
            const end = document.lines.offsetAt(range.end);
            assert.ok(
              range.start.line === range.end.line && start <= offset && offset <= end,
              `${completion.label} at ${offset}`,
            );
          }
        }
        if (file.text.length > 1000) assert.ok(items > 0);
        assert.ok(Date.now() - started < 10_000, 'too slow');
      });
    }

    it('offsets outside the text give an empty list', () => {
      const { document } = service.update('file:///ws/x.assets.yaml', 'kind: DataAssetRegister\n');
      for (const offset of [-1, 1000, Number.NaN]) {
        assert.deepEqual(
          complete({
            file: document,
            offset,
            index: service.index,
            codeTable: service.codeTable,
            locale: 'en',
            rules: [],
          }).items,
          [],
        );
      }
    });
  });
});
