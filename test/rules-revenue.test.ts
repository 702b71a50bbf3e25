import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { adminRevenueHandlingRule } from '../server/src/service/rules/revenue/admin-revenue-is-non-tax';
import { institutionDisposalRevenueRule } from '../server/src/service/rules/revenue/institution-disposal-revenue-is-non-tax';
import { revenueOriginRule } from '../server/src/service/rules/revenue/revenue-needs-origin';
import { uncollectedRevenueRule } from '../server/src/service/rules/revenue/paid-authorization-needs-revenue';
import { createStewardService } from '../server/src/service';
import { catalog, register, ruleFindings, ruleTester } from './rule-tester';
import { ROOT } from './helpers';
import type { Rule } from '../server/src/service/rules/rule';
import { ruleCitation } from '../server/src/service/rules/report';

const REVENUE_RULES: Rule[] = [
  adminRevenueHandlingRule,
  institutionDisposalRevenueRule,
  revenueOriginRule,
  uncollectedRevenueRule,
];

/** An asset on lines 9–14; what follows starts on line 15. */
const ASSET = `  - id: DA-2024-0001
    name: 公交运行监测数据集
    resource: R-330100-JT-0001
    classificationCode: A08060201
    securityGrade: 一般数据
    acquisition: { method: 自主采集 }
`;

/** A paid authorization on lines 15–22 (`paid: true` on line 20). */
const PAID = `    authorizations:
      - entity: 某市大数据运营有限公司
        rights: [数据加工使用权]
        securityAssessment: { ref: AQPG-2024-03, date: 2024-05-10 }
        approval: { ref: 某财资〔2024〕56号 }
        paid: true
        fee: { amount: 120000 }
        valuation: { method: 收益法, ref: PG-2024-08 }
`;

/** An unpaid authorization on lines 15–18. */
const UNPAID = `    authorizations:
      - entity: 某市大数据运营有限公司
        rights: [数据加工使用权]
        paid: false
`;

const DISPOSAL = `    disposal:
      method: 转让
      decision: { ref: 局务会纪要〔2024〕18号 }
      approval: { ref: 某财资〔2024〕88号 }
`;

/** A revenue line in block style. */
function line(source: string, handling: string, comment = ''): string {
  return `      - year: 2024
        source: ${source}
        amount: 120000
        handling: ${handling}${comment}
`;
}

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

/** A register of a unit whose `type:` line is left out. */
const withoutUnitType = (text: string) => text.replace('  type: 行政单位\n', '');

// ------------------------------------------------------------------------------------------------ DA-REV-001

ruleTester(adminRevenueHandlingRule, {
  valid: [
    {
      name: "an administrative unit's income from use as non-tax revenue",
      code: register(`${ASSET}${PAID}    revenue:\n${line('使用', '非税收入')}`),
    },
    {
      name: 'disposal income as non-tax revenue, flow style',
      code: register(
        `${ASSET}${DISPOSAL}    revenue:\n      - { year: 2024, source: 处置, amount: 3000, handling: 非税收入 }\n`,
      ),
    },
    {
      name: 'near miss: a public institution may keep income from use as 事业收入',
      code: register(`${ASSET}${PAID}    revenue:\n${line('使用', '事业收入')}`, '事业单位'),
    },
    {
      name: 'near miss: the unit type is unknown',
      code: withoutUnitType(register(`${ASSET}${PAID}    revenue:\n${line('使用', '事业收入')}`)),
    },
    {
      name: "an empty handling is the schema's missing value",
      code: register(`${ASSET}${PAID}    revenue:\n      - { year: 2024, source: 使用, amount: 1, handling: }\n`),
    },
    {
      name: 'a catalog is not checked',
      code: catalog(`  - id: R-330100-JT-0001\n    name: 甲\n    revenue: [{ source: 使用, handling: 事业收入 }]\n`),
    },
  ],
  invalid: [
    {
      name: 'block style: the value is replaced, its comment kept',
      code: register(
        `${ASSET}${PAID}    revenue:\n${line('使用', '事业收入', '   # 暂记事业收入')}    security:\n      protectionLevel: 第二级\n`,
      ),
      errors: [{ messageId: 'notNonTax', line: 27, column: 19 }],
      output: register(
        `${ASSET}${PAID}    revenue:\n${line('使用', '非税收入', '   # 暂记事业收入')}    security:\n      protectionLevel: 第二级\n`,
      ),
    },
    {
      name: 'flow style keeps double quotes; a disposal line is checked too',
      code: register(
        `${ASSET}${DISPOSAL}    revenue:\n      - { year: 2024, source: 处置, amount: 3000, handling: "事业收入" }\n`,
      ),
      errors: [{ messageId: 'disposalNotNonTax', line: 20, column: 59 }],
      output: register(
        `${ASSET}${DISPOSAL}    revenue:\n      - { year: 2024, source: 处置, amount: 3000, handling: "非税收入" }\n`,
      ),
    },
    {
      name: 'single quotes kept, two lines, CRLF',
      code: crlf(register(`${ASSET}${PAID}    revenue:\n${line('使用', "'事业收入'")}${line('使用', '单位自留')}`)),
      errors: [
        { messageId: 'notNonTax', line: 27, column: 19 },
        { messageId: 'notNonTax', line: 31, column: 19 },
      ],
      output: crlf(register(`${ASSET}${PAID}    revenue:\n${line('使用', "'非税收入'")}${line('使用', '非税收入')}`)),
    },
    {
      name: 'the placeholder a fix left: for an administrative unit only 非税收入 is possible',
      code: register(`${ASSET}${PAID}    revenue:\n${line('使用', '待填写')}`),
      errors: [{ messageId: 'notNonTax', line: 27, column: 19 }],
      output: register(`${ASSET}${PAID}    revenue:\n${line('使用', '非税收入')}`),
    },
  ],
});

ruleTester(
  adminRevenueHandlingRule,
  {
    valid: [
      {
        name: "the document's own type wins over the configured default",
        code: register(`${ASSET}${PAID}    revenue:\n${line('使用', '事业收入')}`, '事业单位'),
      },
    ],
    invalid: [
      {
        name: 'no unit type in the document: the configured default 行政单位 applies',
        code: withoutUnitType(register(`${ASSET}${PAID}    revenue:\n${line('使用', '事业收入')}`)),
        errors: [{ messageId: 'notNonTax', line: 26, column: 19 }],
        output: withoutUnitType(register(`${ASSET}${PAID}    revenue:\n${line('使用', '非税收入')}`)),
      },
    ],
  },
  { defaultUnitType: '行政单位' },
);

// ------------------------------------------------------------------------------------------------ DA-REV-002

ruleTester(institutionDisposalRevenueRule, {
  valid: [
    {
      name: "a public institution's disposal income as non-tax revenue",
      code: register(`${ASSET}${DISPOSAL}    revenue:\n${line('处置', '非税收入')}`, '事业单位'),
    },
    {
      name: "near miss: income from use follows the finance department's measures",
      code: register(`${ASSET}${PAID}    revenue:\n${line('使用', '事业收入')}`, '事业单位'),
    },
    {
      name: "near miss: an administrative unit is DA-REV-001's case",
      code: register(`${ASSET}${DISPOSAL}    revenue:\n${line('处置', '事业收入')}`),
    },
    {
      name: "a placeholder is DA-TODO-001's case",
      code: register(`${ASSET}${DISPOSAL}    revenue:\n${line('处置', '待填写')}`, '事业单位'),
    },
  ],
  invalid: [
    {
      name: 'disposal income kept as 事业收入: an error as for an administrative unit, fixed to 非税收入',
      code: register(
        `${ASSET}${DISPOSAL}    revenue:\n${line('使用', '事业收入')}${line('处置', '事业收入', '   # 按财政局批复留用')}`,
        '事业单位',
      ),
      errors: [{ messageId: 'notNonTax', line: 27, column: 19, severity: 'error' }],
      output: register(
        `${ASSET}${DISPOSAL}    revenue:\n${line('使用', '事业收入')}${line('处置', '非税收入', '   # 按财政局批复留用')}`,
        '事业单位',
      ),
    },
    {
      name: 'flow style, CRLF',
      code: crlf(
        register(
          `${ASSET}${DISPOSAL}    revenue: [{ year: 2024, source: 处置, amount: 3000, handling: 事业收入 }]\n`,
          '事业单位',
        ),
      ),
      errors: [{ messageId: 'notNonTax', line: 19, column: 65, severity: 'error' }],
      output: crlf(
        register(
          `${ASSET}${DISPOSAL}    revenue: [{ year: 2024, source: 处置, amount: 3000, handling: 非税收入 }]\n`,
          '事业单位',
        ),
      ),
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-REV-003

ruleTester(revenueOriginRule, {
  valid: [
    {
      name: 'income from use under a paid authorization',
      code: register(`${ASSET}${PAID}    revenue:\n${line('使用', '非税收入')}`),
    },
    {
      name: 'disposal income with its disposal',
      code: register(`${ASSET}${DISPOSAL}    revenue:\n${line('处置', '非税收入')}`),
    },
    {
      name: 'one paid authorization among unpaid ones is enough',
      code: register(
        `${ASSET}${UNPAID}      - { entity: 乙公司, rights: [数据产品经营权], paid: true }\n    revenue:\n${line('使用', '非税收入')}`,
      ),
    },
    { name: 'no revenue, no authorization', code: register(`${ASSET}    revenue: []\n`) },
    {
      name: "a line without source is the schema's case",
      code: register(`${ASSET}    revenue:\n      - { year: 2024, amount: 1, handling: 非税收入 }\n`),
    },
  ],
  invalid: [
    {
      name: 'income from use with no authorization at all: an error at the source',
      code: register(`${ASSET}    revenue:\n${line('使用', '非税收入')}`),
      errors: [{ messageId: 'useWithoutAuthorization', line: 17, column: 17, severity: 'error' }],
    },
    {
      name: 'income from use with only an unpaid authorization: a warning',
      code: register(`${ASSET}${UNPAID}    revenue:\n${line('使用', '非税收入')}`),
      errors: [{ messageId: 'useWithoutPaidAuthorization', line: 21, column: 17, severity: 'warning' }],
    },
    {
      name: 'an authorization that does not say paid is not paid',
      code: register(
        `${ASSET}    authorizations: [{ entity: 甲公司, rights: [数据加工使用权] }]\n    revenue: [{ year: 2024, source: 使用, amount: 5, handling: 非税收入 }]\n`,
      ),
      errors: [{ messageId: 'useWithoutPaidAuthorization', line: 16, column: 37, severity: 'warning' }],
    },
    {
      name: 'disposal income without a disposal record, next to a valid line; CRLF',
      code: crlf(register(`${ASSET}${PAID}    revenue:\n${line('使用', '非税收入')}${line('处置', '非税收入')}`)),
      errors: [{ messageId: 'disposalWithoutDisposal', line: 29, column: 17, severity: 'error' }],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-REV-004

ruleTester(uncollectedRevenueRule, {
  valid: [
    {
      name: 'a paid authorization with its income',
      code: register(`${ASSET}${PAID}    revenue:\n${line('使用', '非税收入')}`),
    },
    { name: 'near miss: an unpaid authorization needs no income', code: register(`${ASSET}${UNPAID}`) },
    {
      name: 'a paid authorization not started yet',
      code: register(`${ASSET}${PAID}        period: { start: 2027-01-01, end: 2028-12-31 }\n`),
    },
  ],
  invalid: [
    {
      name: 'a paid authorization without any revenue: info at its paid key',
      code: register(`${ASSET}${PAID}`),
      errors: [{ messageId: 'noRevenue', line: 20, column: 9, severity: 'info' }],
    },
    {
      name: 'disposal income is not income from use; the period has started',
      code: register(
        `${ASSET}${PAID}        period: { start: 2024-06-01 }\n${DISPOSAL}    revenue:\n${line('处置', '非税收入')}`,
      ),
      errors: [{ messageId: 'noRevenue', line: 20, column: 9, severity: 'info' }],
    },
    {
      name: 'flow authorizations: each paid one; CRLF',
      code: crlf(
        register(
          `${ASSET}    authorizations:\n      - { entity: 甲公司, rights: [数据加工使用权], paid: true }\n      - { entity: 乙公司, rights: [数据产品经营权], paid: false }\n      - { entity: 丙公司, rights: [数据产品经营权], paid: true }\n`,
        ),
      ),
      errors: [
        { messageId: 'noRevenue', line: 16, column: 43, severity: 'info' },
        { messageId: 'noRevenue', line: 18, column: 43, severity: 'info' },
      ],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ the family

const TODAY = '2026-11-26';

/** A docs example as a full register: an `assets:` fragment, or a `unit:` line followed by `assets:`. */

describe('revenue rules (财资〔2024〕1号 (7))', () => {
  it('declares ids, severities and clauses', () => {
    assert.deepEqual(
      REVENUE_RULES.map((rule) => [
        rule.meta.id,
        rule.meta.severity,
        ruleCitation(rule.meta),
        rule.meta.replacesSchemaAt ?? [],
      ]),
      [
        ['DA-REV-001', 'error', '财资〔2024〕1号 (7)', ['/assets/*/revenue/*/handling']],
        ['DA-REV-002', 'error', '财资〔2024〕1号 (7)', ['/assets/*/revenue/*/handling']],
        ['DA-REV-003', 'error', '财资〔2024〕1号 (7), (4); 财资〔2024〕167号', []],
        ['DA-REV-004', 'info', '财资〔2024〕1号 (7)', []],
      ],
    );
  });

  it('for an administrative unit, a handling outside the enum is reported once, by DA-REV-001 with its fix', () => {
    const text = register(`${ASSET}${PAID}    revenue:\n${line('使用', '单位自留')}`);
    const schemaOnly = createStewardService({ rules: [], workspaceRules: [], today: TODAY }).validate(
      'a.assets.yaml',
      text,
    ).findings;
    assert.deepEqual(
      schemaOnly.map((f) => [f.ruleId, f.path]),
      [['DA-SCHEMA-003', '/assets/0/revenue/0/handling']],
    );
    const findings = createStewardService({ rules: REVENUE_RULES, workspaceRules: [], today: TODAY }).validate(
      'a.assets.yaml',
      text,
    ).findings;
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.path, f.severity]),
      [['DA-REV-001', '/assets/0/revenue/0/handling', 'error']],
    );
    assert.equal(findings[0].fix?.edits[0].newText, '非税收入');
  });

  it('messages name the asset, year and source in both languages', () => {
    const [finding] = ruleFindings(
      adminRevenueHandlingRule,
      register(`${ASSET}${PAID}    revenue:\n${line('使用', '事业收入')}`),
    );
    assert.equal(
      finding.message['zh-CN'],
      '行政单位数据资产使用形成的收入，应当按照政府非税收入和国库集中收缴制度的有关规定管理；资产“公交运行监测数据集”2024 年的使用收入管理方式却是“事业收入”。请改为“非税收入”',
    );
    assert.equal(
      finding.message.en,
      'An administrative unit\'s income from using data assets is managed under the rules for government non-tax revenue and treasury centralised collection; the 2024 income from use of asset "公交运行监测数据集" is handled as "事业收入". Change it to 非税收入',
    );
    assert.deepEqual(finding.data, {
      messageId: 'notNonTax',
      asset: 'DA-2024-0001',
      source: '使用',
      handling: '事业收入',
      expected: '非税收入',
    });
    const [origin] = ruleFindings(revenueOriginRule, register(`${ASSET}    revenue:\n${line('处置', '非税收入')}`));
    assert.match(origin.message['zh-CN'], /^资产“公交运行监测数据集”记有 2024 年的处置收入，但没有处置记录/);
    assert.equal(origin.path, '/assets/0/revenue/0/source');
  });

  it('disposal income outside 非税收入 is an error for both unit types, each message naming the waiver with the state basis', () => {
    const service = createStewardService({ rules: REVENUE_RULES, workspaceRules: [], today: TODAY });
    const text = `${ASSET}${DISPOSAL}    revenue:\n${line('处置', '事业收入')}`;
    for (const [unitType, ruleId] of [
      ['行政单位', 'DA-REV-001'],
      ['事业单位', 'DA-REV-002'],
    ] as const) {
      const findings = service
        .validate('a.assets.yaml', register(text, unitType))
        .findings.filter((f) => f.ruleId.startsWith('DA-REV-00') && f.ruleId !== 'DA-REV-004');
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.severity, f.fix?.edits[0].newText]),
        [[ruleId, 'error', '非税收入']],
        unitType,
      );
      assert.match(findings[0].message['zh-CN'], /^除国家另有规定外/, unitType);
      assert.ok(findings[0].message['zh-CN'].includes(`# steward-disable-next-line ${ruleId} -- 依据`), unitType);
      assert.ok(findings[0].message.en.includes(`# steward-disable-next-line ${ruleId} -- per`), unitType);
    }
    const waivedWith = (reason: string) =>
      register(
        text.replace(
          '        handling: 事业收入',
          `        # steward-disable-next-line DA-REV-002 -- ${reason}\n        handling: 事业收入`,
        ),
        '事业单位',
      );
    const ids = (document: string) =>
      service
        .validate('a.assets.yaml', document)
        .findings.map((f) => f.ruleId)
        .filter((id) => id === 'DA-REV-002' || id.startsWith('DA-WAIVER'));
    // The exception needs the state's provision: a waiver that names it applies, one that does not is refused.
    assert.deepEqual(ids(waivedWith('依据《某省数据资产处置收入管理办法》第十二条')), []);
    assert.deepEqual(ids(waivedWith('依据国家另有规定')), ['DA-WAIVER-004', 'DA-REV-002']);
  });

  it('the example unit gives no finding of these rules', () => {
    const service = createStewardService({ rules: REVENUE_RULES, today: TODAY });
    const ids = new Set(REVENUE_RULES.map((rule) => rule.meta.id));
    const dir = path.join(ROOT, 'examples', 'transport-bureau');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const findings = service
        .validate(file, fs.readFileSync(path.join(dir, file), 'utf8'))
        .findings.filter((f) => ids.has(f.ruleId));
      assert.deepEqual(
        findings.map((f) => `${file}:${f.range.start.line + 1} ${f.message.en}`),
        [],
      );
    }
  });
});
