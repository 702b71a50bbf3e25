import * as assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import { createStewardService } from '../server/src/service';
import { codeActions, FIX_ALL_KIND } from '../server/src/service/code-actions';
import type { StewardCodeAction } from '../server/src/service/code-actions';
import { LineIndex } from '../server/src/service/parser/lines';
import type { Finding, Locale, Range } from '../server/src/service/types';

const URI = 'file:///b.assets.yaml';

const HEAD = `apiVersion: steward/v1
kind: DataAssetRegister
unit:
  name: 某市交通运输局
  code: 113301000025391739
  type: 行政单位
  supervisingDepartment: 某市人民政府
  responsible: { role: 数据资产管理员 }
assets:
`;

/** An asset that no rule has anything to say about, with `extra` lines appended (indented as asset keys). */
function asset(
  fields: Partial<Record<'id' | 'resource' | 'classificationCode' | 'securityGrade', string>> = {},
  extra = '',
): string {
  return `  - id: ${fields.id ?? 'DA-2024-0001'}
    name: 公交运行监测数据集
    resource: ${fields.resource ?? 'R-330100-JT-0001'}
    classificationCode: ${fields.classificationCode ?? 'A08060201'}
    securityGrade: ${fields.securityGrade ?? '一般数据'}
    acquisition:
      method: 自主采集
    registration:
      cardNumber: ZC-2024-0001
${extra}`;
}

const APPROVED = `        period: { start: 2024-06-01, end: 2029-05-31 }
        securityAssessment: { ref: AQPG-2024-03, date: 2024-05-10 }
        approval: { ref: 某财资〔2024〕56号, authority: 某市财政局, date: 2024-05-24 }
`;

/** Text with `|` marking the cursor (or `|…|` a selection). */
function marked(text: string): { text: string; range: Range } {
  const first = text.indexOf('|');
  const second = text.indexOf('|', first + 1);
  const plain = text.replace(/\|/g, '');
  const lines = new LineIndex(plain);
  const start = lines.positionAt(first);
  const end = second < 0 ? start : lines.positionAt(second - 1);
  return { text: plain, range: { start, end } };
}

/** The rules these tests are about: findings of other rules (added as the project grows) are left out. */
const UNDER_TEST = /^DA-(AUTH|SCHEMA|CODE)-/;

function actionsAt(
  markedText: string,
  locale: Locale = 'zh-CN',
  only?: string[],
): { text: string; actions: StewardCodeAction[] } {
  const { text, range } = marked(markedText);
  const service = createStewardService({ today: '2026-11-26' });
  const { document } = service.update(URI, text);
  const findings = service.findings(URI).filter((finding) => UNDER_TEST.test(finding.ruleId));
  return { text, actions: codeActions(document, range, findings, locale, { only }) };
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

function apply(text: string, action: StewardCodeAction): string {
  const changes = action.action.edit?.changes ?? {};
  assert.deepEqual(Object.keys(changes), [URI], 'edits only the file itself');
  return applyTextEdits(text, changes[URI]);
}

function byTitle(actions: StewardCodeAction[], title: string): StewardCodeAction {
  const found = actions.find((a) => a.action.title === title);
  assert.ok(found, `no action "${title}" among ${JSON.stringify(actions.map((a) => a.action.title))}`);
  return found;
}

interface Case {
  name: string;
  /** The file, with the cursor marked by `|`. */
  code: string;
  locale?: Locale;
  /** Every action offered, in order: `kind title`, `*` after the kind when preferred. */
  actions: string[];
  /** Title of the action to apply, and the exact text after it. */
  apply?: { title: string; output: string };
}

const show = (actions: StewardCodeAction[]) =>
  actions.map(({ action }) => `${action.kind}${action.isPreferred ? '*' : ''} ${action.title}`);

const CASES: Case[] = [
  {
    name: "the rule's own fix comes first and is preferred; the waiver last",
    code:
      HEAD +
      asset(
        {},
        `    authorizations:
      - entity: 某公司
        rights: ['产品|经营权']   # 待确认
${APPROVED}`,
      ),
    actions: ['quickfix* 改为“数据产品经营权”', 'quickfix 豁免此问题（DA-AUTH-005）：在上一行添加豁免注释'],
    apply: {
      title: '改为“数据产品经营权”',
      output:
        HEAD +
        asset(
          {},
          `    authorizations:
      - entity: 某公司
        rights: ['数据产品经营权']   # 待确认
${APPROVED}`,
        ),
    },
  },
  {
    name: 'a wrong enum value: replace with the suggestion, keeping the single quotes and the comment',
    code: HEAD + asset({ securityGrade: "'一|般'  # 待复核" }),
    actions: ['quickfix 替换为“一般数据”', 'quickfix 豁免此问题（DA-SCHEMA-003）：在上一行添加豁免注释'],
    apply: { title: '替换为“一般数据”', output: HEAD + asset({ securityGrade: "'一般数据'  # 待复核" }) },
  },
  {
    name: "in English the suggestion shows the value's English label",
    code: HEAD + asset({ securityGrade: '"一般|"' }),
    locale: 'en',
    actions: [
      'quickfix Replace with "一般数据" (General data)',
      'quickfix Waive this finding (DA-SCHEMA-003) with a comment on the line above',
    ],
    apply: { title: 'Replace with "一般数据" (General data)', output: HEAD + asset({ securityGrade: '"一般数据"' }) },
  },
  {
    name: 'an unknown field close to a known one: rename the key, value and comment untouched',
    code: HEAD + asset().replace('    securityGrade: 一般数据', '    securityGr|ad: 一般数据   # 按目录'),
    actions: ['quickfix 将字段改为“securityGrade”', 'quickfix 豁免此问题（DA-SCHEMA-002）：在上一行添加豁免注释'],
    apply: { title: '将字段改为“securityGrade”', output: HEAD + asset({ securityGrade: '一般数据   # 按目录' }) },
  },
  {
    name: 'a quoted unknown key is renamed inside its quotes',
    code: HEAD + asset().replace('    securityGrade: 一般数据', '    "securityGrde|": 一般数据'),
    locale: 'en',
    actions: [
      'quickfix Rename the field to "securityGrade"',
      'quickfix Waive this finding (DA-SCHEMA-002) with a comment on the line above',
    ],
    apply: {
      title: 'Rename the field to "securityGrade"',
      output: HEAD + asset().replace('    securityGrade: 一般数据', '    "securityGrade": 一般数据'),
    },
  },
  {
    name: 'no rename when the mapping already has the suggested key',
    code:
      HEAD + asset().replace('    securityGrade: 一般数据', '    securityGrade: 一般数据\n    securityGr|ad: 重要数据'),
    actions: ['quickfix 豁免此问题（DA-SCHEMA-002）：在上一行添加豁免注释'],
  },
  {
    name: 'a 2010-edition code: one action per data class, the number replaced by a code',
    code: HEAD + asset({ classificationCode: '2010|000   # 旧版代码' }),
    actions: [
      'quickfix 替换为 A08060201 结构化数据',
      'quickfix 替换为 A08060202 半结构化数据',
      'quickfix 替换为 A08060203 非结构化数据',
      'quickfix 豁免此问题（DA-CODE-004）：在上一行添加豁免注释',
    ],
    apply: {
      title: '替换为 A08060202 半结构化数据',
      output: HEAD + asset({ classificationCode: 'A08060202   # 旧版代码' }),
    },
  },
  {
    name: 'a quoted 2010-edition code keeps its quotes',
    code: HEAD + asset({ classificationCode: "'|2010000'" }),
    apply: { title: '替换为 A08060201 结构化数据', output: HEAD + asset({ classificationCode: "'A08060201'" }) },
    actions: [
      'quickfix 替换为 A08060201 结构化数据',
      'quickfix 替换为 A08060202 半结构化数据',
      'quickfix 替换为 A08060203 非结构化数据',
      'quickfix 豁免此问题（DA-CODE-004）：在上一行添加豁免注释',
    ],
  },
  {
    name: 'a code written in lower case: the written form',
    code: HEAD + asset({ classificationCode: 'a0806020|1' }),
    locale: 'en',
    actions: [
      'quickfix Replace with A08060201 结构化数据 (Structured data)',
      'quickfix Waive this finding (DA-CODE-001) with a comment on the line above',
    ],
    apply: { title: 'Replace with A08060201 结构化数据 (Structured data)', output: HEAD + asset() },
  },
  {
    name: 'the waiver goes on its own line above, at the indentation of the dash of a `- key:` line',
    code:
      HEAD +
      asset(
        {},
        `    authorizations:
      - enti|ty: 某公司
        rights: [数据加工使用权]
        period: { start: 2024-06-01, end: 2029-05-31 }
        approval: { ref: 某财资〔2024〕56号, authority: 某市财政局, date: 2024-05-24 }
`,
      ),
    actions: [
      'quickfix* 添加安全评估记录（报告编号、日期待填写）',
      'quickfix 豁免此问题（DA-AUTH-001）：在上一行添加豁免注释',
    ],
    apply: {
      title: '豁免此问题（DA-AUTH-001）：在上一行添加豁免注释',
      output:
        HEAD +
        asset(
          {},
          `    authorizations:
      # steward-disable-next-line DA-AUTH-001 -- 原因待填写
      - entity: 某公司
        rights: [数据加工使用权]
        period: { start: 2024-06-01, end: 2029-05-31 }
        approval: { ref: 某财资〔2024〕56号, authority: 某市财政局, date: 2024-05-24 }
`,
        ),
    },
  },
  {
    name: 'CRLF files get a CRLF waiver line, in English',
    code: (HEAD + asset({ securityGrade: '一|般' })).replace(/\n/g, '\r\n'),
    locale: 'en',
    actions: [
      'quickfix Replace with "一般数据" (General data)',
      'quickfix Waive this finding (DA-SCHEMA-003) with a comment on the line above',
    ],
    apply: {
      title: 'Waive this finding (DA-SCHEMA-003) with a comment on the line above',
      output: (HEAD + asset({ securityGrade: '一般' }))
        .replace(
          '    securityGrade: 一般',
          '    # steward-disable-next-line DA-SCHEMA-003 -- reason to fill in\n    securityGrade: 一般',
        )
        .replace(/\n/g, '\r\n'),
    },
  },
  {
    name: 'a waiver for another rule on the line above: the rule id joins it (before its expiry and reason)',
    code:
      HEAD +
      asset(
        {},
        `    authorizations:
      # steward-disable-next-line DA-AUTH-002 until 2027-06-30 -- 市政府专题会议纪要已批准
      - enti|ty: 某公司
        rights: [数据加工使用权]
        period: { start: 2024-06-01, end: 2029-05-31 }
`,
      ),
    actions: [
      'quickfix* 添加安全评估记录（报告编号、日期待填写）',
      'quickfix 豁免此问题（DA-AUTH-001）：在上一行添加豁免注释',
    ],
    apply: {
      title: '豁免此问题（DA-AUTH-001）：在上一行添加豁免注释',
      output:
        HEAD +
        asset(
          {},
          `    authorizations:
      # steward-disable-next-line DA-AUTH-002, DA-AUTH-001 until 2027-06-30 -- 市政府专题会议纪要已批准
      - entity: 某公司
        rights: [数据加工使用权]
        period: { start: 2024-06-01, end: 2029-05-31 }
`,
        ),
    },
  },
  {
    name: 'two fixable findings of one rule: fix them all at once',
    code:
      HEAD +
      asset(
        {},
        `    authorizations:
      - entity: 甲公司
        rights: [加工|使用权]
${APPROVED}      - entity: 乙公司
        rights: ["产品经营权"]
${APPROVED}`,
      ),
    actions: [
      'quickfix* 改为“数据加工使用权”',
      'quickfix 修复此文件中所有 DA-AUTH-005 问题',
      'quickfix 豁免此问题（DA-AUTH-005）：在上一行添加豁免注释',
    ],
    apply: {
      title: '修复此文件中所有 DA-AUTH-005 问题',
      output:
        HEAD +
        asset(
          {},
          `    authorizations:
      - entity: 甲公司
        rights: [数据加工使用权]
${APPROVED}      - entity: 乙公司
        rights: ["数据产品经营权"]
${APPROVED}`,
        ),
    },
  },
  {
    name: "a selection over several findings offers each one's actions",
    code: HEAD + asset({ classificationCode: '|a08060201', securityGrade: '一般|' }),
    locale: 'en',
    actions: [
      'quickfix Replace with A08060201 结构化数据 (Structured data)',
      'quickfix Replace with "一般数据" (General data)',
      'quickfix Waive this finding (DA-CODE-001) with a comment on the line above',
      'quickfix Waive this finding (DA-SCHEMA-003) with a comment on the line above',
    ],
  },
  {
    name: 'nothing where there is no finding',
    code: HEAD + asset({ id: 'DA-2024-|0001' }),
    actions: [],
  },
];

describe('code actions', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { text, actions } = actionsAt(c.code, c.locale);
      assert.deepEqual(show(actions), c.actions);
      if (c.apply) assert.equal(apply(text, byTitle(actions, c.apply.title)), c.apply.output);
    });
  }

  it('each action carries the findings it resolves, for the server to turn into diagnostics', () => {
    const { actions } = actionsAt(HEAD + asset({ securityGrade: '一|般' }));
    for (const { action, findings } of actions) {
      assert.equal(action.diagnostics, undefined);
      assert.deepEqual(
        findings.map((f) => f.ruleId),
        ['DA-SCHEMA-003'],
      );
    }
  });

  it('an applied waiver silences the finding and is not itself reported', () => {
    const code =
      HEAD +
      asset(
        {},
        `    authorizations:
      - enti|ty: 某公司
        rights: [数据加工使用权]
        period: { start: 2024-06-01, end: 2029-05-31 }
`,
      );
    const { text, actions } = actionsAt(code, 'en');
    let current = text;
    for (const id of ['DA-AUTH-001', 'DA-AUTH-002']) {
      const service = createStewardService({ today: '2026-11-26' });
      const { document } = service.update(URI, current);
      const at = new LineIndex(current).positionAt(current.indexOf('entity: 某公司') + 2);
      const range = { start: at, end: at };
      const waive = byTitle(
        codeActions(document, range, service.findings(URI), 'en'),
        `Waive this finding (${id}) with a comment on the line above`,
      );
      current = apply(current, waive);
    }
    assert.ok(actions.length > 0);
    const service = createStewardService({ today: '2026-11-26' });
    service.update(URI, current);
    assert.deepEqual(
      service
        .findings(URI)
        .filter((f) => /^DA-(AUTH|WAIVER)-/.test(f.ruleId))
        .map((f) => f.ruleId),
      [],
    );
    assert.match(
      current,
      /\n {6}# steward-disable-next-line DA-AUTH-001, DA-AUTH-002 -- reason to fill in\n {6}- entity: 某公司\n/,
    );
  });

  it('fixes of one rule are not combined when there is only one', () => {
    const { actions } = actionsAt(
      HEAD +
        asset(
          {},
          `    authorizations:
      - entity: 甲公司
        rights: [加工|使用权]
${APPROVED}`,
        ),
    );
    assert.ok(!actions.some((a) => a.action.title.startsWith('修复此文件中所有')));
  });

  it('combines only fixes whose edits do not overlap; an identical edit is applied once', () => {
    const text = 'apiVersion: steward/v1\nkind: DataAssetRegister\nassets: []\n';
    const document = createStewardService({ today: '2026-11-26' }).update(URI, text).document;
    const at = (line: number, from: number, to = from): Range => ({
      start: { line, character: from },
      end: { line, character: to },
    });
    const finding = (ruleId: string, range: Range, edit: TextEdit): Finding => ({
      ruleId,
      severity: 'error',
      message: { 'zh-CN': ruleId, en: ruleId },
      range,
      fix: { title: { 'zh-CN': `修复 ${ruleId}`, en: `Fix ${ruleId}` }, edits: [edit] },
    });
    const cursor = at(0, 0);
    // Two replacements of overlapping text: only the first is kept, so there is nothing to combine.
    const overlapping = [
      finding('DA-TEST-001', at(0, 0, 3), { range: at(0, 0, 10), newText: 'x' }),
      finding('DA-TEST-001', at(0, 5, 8), { range: at(0, 5, 15), newText: 'y' }),
    ];
    assert.deepEqual(show(codeActions(document, cursor, overlapping, 'en')), [
      'quickfix* Fix DA-TEST-001',
      'quickfix Waive this finding (DA-TEST-001) with a comment on the line above',
    ]);
    // The same insertion twice, and an insertion at the end of a replaced range: compatible.
    const compatible = [
      finding('DA-TEST-001', at(0, 0, 3), { range: at(2, 0), newText: '# a\n' }),
      finding('DA-TEST-001', at(1, 0, 3), { range: at(2, 0), newText: '# a\n' }),
      finding('DA-TEST-001', at(1, 0, 3), { range: at(1, 6, 23), newText: 'Other' }),
    ];
    const all = byTitle(codeActions(document, cursor, compatible, 'en'), 'Fix all DA-TEST-001 problems in this file');
    assert.equal(all.findings.length, 3);
    assert.equal(apply(text, all), 'apiVersion: steward/v1\nkind: Other\n# a\nassets: []\n');
  });

  describe('fix all on request (source.fixAll.steward)', () => {
    const code =
      HEAD +
      asset(
        { securityGrade: '一般' },
        `    authorizations:
      - entity: 甲公司
        rights: [加工使用权]
        period: { start: 2024-06-01, end: 2029-05-31 }
      - entity: 乙公司
        rights: [数据产品经营权]
${APPROVED}`,
      ) +
      asset(
        { id: 'DA-2024-0002', classificationCode: '2010000' },
        `    authorizations:
      - entity: 丙公司
        rights: ["产品经营权"]
${APPROVED}`,
      ) +
      '|';

    it('combines every rule fix of the file, wherever the cursor is, and no guesses among suggestions', () => {
      const { text, actions } = actionsAt(code, 'en', ['source.fixAll']);
      assert.deepEqual(show(actions), [`${FIX_ALL_KIND} Fix all auto-fixable problems in this file`]);
      assert.deepEqual(
        actions[0].findings.map((f) => f.ruleId),
        ['DA-AUTH-001', 'DA-AUTH-002', 'DA-AUTH-005', 'DA-AUTH-005'],
      );
      assert.equal(
        apply(text, actions[0]),
        HEAD +
          asset(
            { securityGrade: '一般' },
            `    authorizations:
      - entity: 甲公司
        rights: [数据加工使用权]
        period: { start: 2024-06-01, end: 2029-05-31 }
        securityAssessment:
          ref: 待填写
          date: 待填写
        approval:
          ref: 待填写
          authority: 待填写
      - entity: 乙公司
        rights: [数据产品经营权]
${APPROVED}`,
          ) +
          asset(
            { id: 'DA-2024-0002', classificationCode: '2010000' },
            `    authorizations:
      - entity: 丙公司
        rights: ["数据产品经营权"]
${APPROVED}`,
          ),
      );
    });

    it('is matched by the `source` kind too, and not offered without `only` or for `quickfix`', () => {
      assert.deepEqual(show(actionsAt(code, 'zh-CN', ['source']).actions), [
        `${FIX_ALL_KIND} 修复此文件中所有可自动修复的问题`,
      ]);
      assert.deepEqual(show(actionsAt(code, 'zh-CN').actions), []);
      assert.deepEqual(show(actionsAt(code, 'zh-CN', ['quickfix']).actions), []);
      assert.deepEqual(show(actionsAt(code, 'zh-CN', ['refactor']).actions), []);
    });

    it('`only: quickfix` keeps the quick fixes at the cursor', () => {
      const atGrade = code.replace('|', '').replace('securityGrade: 一般\n', 'securityGrade: 一|般\n');
      assert.deepEqual(show(actionsAt(atGrade, 'zh-CN', ['quickfix']).actions), [
        'quickfix 替换为“一般数据”',
        'quickfix 豁免此问题（DA-SCHEMA-003）：在上一行添加豁免注释',
      ]);
    });
  });
});
