import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { paidFeeRule } from '../server/src/service/rules/authorization/paid-authorization-needs-fee';
import { paidValuationRule } from '../server/src/service/rules/authorization/paid-authorization-needs-valuation';
import { authorisableRightsRule } from '../server/src/service/rules/authorization/only-authorisable-rights';
import { guaranteeRule } from '../server/src/service/rules/authorization/no-data-asset-guarantee';
import { authorizationOrderRule } from '../server/src/service/rules/authorization/authorization-steps-in-order';
import { authorizationPeriodRule } from '../server/src/service/rules/authorization/valid-authorization-period';
import { feeWithoutPaidRule } from '../server/src/service/rules/authorization/no-fee-on-free-authorization';
import { authorizationAssessmentRule } from '../server/src/service/rules/authorization/authorization-needs-security-assessment';
import { authorizationApprovalRule } from '../server/src/service/rules/authorization/authorization-needs-approval';
import { createStewardService } from '../server/src/service';
import {
  applyFixes,
  authorized,
  AUTHORIZED_ASSET,
  catalog,
  GRANT_LINES,
  register,
  ruleFindings,
  ruleTester,
} from './rule-tester';
import { ROOT } from './helpers';
import type { Rule } from '../server/src/service/rules/rule';
import { ruleCitation } from '../server/src/service/rules/report';

const AUTHORIZATION_RULES: Rule[] = [
  paidFeeRule,
  paidValuationRule,
  authorisableRightsRule,
  guaranteeRule,
  authorizationOrderRule,
  authorizationPeriodRule,
  feeWithoutPaidRule,
];
const AUTHORIZATION_ASSESSMENT_RULES: Rule[] = [authorizationAssessmentRule, authorizationApprovalRule];

const ASSET = AUTHORIZED_ASSET;
const { entity: ENTITY, rights: RIGHTS } = GRANT_LINES;
const PERIOD = '        period: { start: 2024-06-01, end: 2029-05-31 }\n';
const ASSESSMENT = GRANT_LINES.assessment;
const APPROVAL = GRANT_LINES.approval;
const FEE = '        fee: { amount: 120000 }\n';
const VALUATION = GRANT_LINES.valuation;
/** An assessed and approved authorization, lines 16–20. */
const GRANTED = `${ENTITY}${RIGHTS}${PERIOD}${ASSESSMENT}${APPROVAL}`;
const PAID = '        paid: true\n';

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

// ------------------------------------------------------------------------------------------------ DA-AUTH-003

ruleTester(paidFeeRule, {
  valid: [
    { name: 'a paid authorization with fee and valuation', code: authorized(`${GRANTED}${PAID}${FEE}${VALUATION}`) },
    { name: 'near miss: a free authorization', code: authorized(`${GRANTED}        paid: false\n`) },
    { name: 'near miss: paid not stated', code: authorized(GRANTED) },
    {
      name: "near miss: paid written as text is the schema's type error",
      code: authorized(`${GRANTED}        paid: "true"\n`),
    },
    { name: 'an asset without authorizations', code: register(ASSET) },
    {
      name: 'a catalog is not checked',
      code: catalog('  - id: R-330100-JT-0001\n    name: 甲\n    authorizations: [{ entity: 乙, paid: true }]\n'),
    },
  ],
  invalid: [
    {
      name: 'a block authorization without fee: a block fee after the last entry, comments and the next key kept',
      code: authorized(
        `      - entity: 某市大数据运营有限公司   # 运营主体
${RIGHTS}${PERIOD}${ASSESSMENT}${APPROVAL}        paid: true     # 按年收费
${VALUATION}`,
        '    revenue: []\n',
      ),
      errors: [{ messageId: 'missing', line: 16, column: 9 }],
      output: authorized(
        `      - entity: 某市大数据运营有限公司   # 运营主体
${RIGHTS}${PERIOD}${ASSESSMENT}${APPROVAL}        paid: true     # 按年收费
${VALUATION}        fee:
          amount: 待填写
`,
        '    revenue: []\n',
      ),
    },
    {
      name: 'a flow authorization gains a flow fee',
      code: authorized(
        '      - { entity: 甲公司, rights: [数据加工使用权], securityAssessment: { ref: A-1 }, approval: { ref: B-1 }, paid: true, valuation: { ref: PG-1 } }\n',
      ),
      errors: [{ messageId: 'missing', line: 16, column: 11 }],
      output: authorized(
        '      - { entity: 甲公司, rights: [数据加工使用权], securityAssessment: { ref: A-1 }, approval: { ref: B-1 }, paid: true, valuation: { ref: PG-1 }, fee: { amount: 待填写 } }\n',
      ),
    },
    {
      name: 'an empty fee key is filled below it, its comment kept',
      code: authorized(`${GRANTED}${PAID}        fee:     # 按评估报告定价\n${VALUATION}`),
      errors: [{ messageId: 'missing', line: 16, column: 9 }],
      output: authorized(`${GRANTED}${PAID}        fee:     # 按评估报告定价\n          amount: 待填写\n${VALUATION}`),
    },
    {
      name: 'only the second of two authorizations lacks its fee, CRLF kept',
      code: crlf(
        authorized(
          `${GRANTED}${PAID}${FEE}${VALUATION}      - entity: 乙公司\n${RIGHTS}${ASSESSMENT}${APPROVAL}${PAID}`,
        ),
      ),
      errors: [{ messageId: 'missing', line: 24, column: 9 }],
      output: crlf(
        authorized(
          `${GRANTED}${PAID}${FEE}${VALUATION}      - entity: 乙公司\n${RIGHTS}${ASSESSMENT}${APPROVAL}${PAID}        fee:\n          amount: 待填写\n`,
        ),
      ),
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-AUTH-004

const ASSET_VALUED = `${ASSET}    valuation: { method: 收益法, ref: PG-2024-08, value: 1150000 }\n`;

ruleTester(paidValuationRule, {
  valid: [
    { name: 'a paid authorization with its valuation', code: authorized(`${GRANTED}${PAID}${FEE}${VALUATION}`) },
    { name: 'near miss: a free authorization without valuation', code: authorized(`${GRANTED}        paid: false\n`) },
  ],
  invalid: [
    {
      name: 'the asset has a valuation: the message says it may be cited, the fix still leaves the facts to fill in',
      code: register(`${ASSET_VALUED}    authorizations:\n${GRANTED}${PAID}${FEE}`),
      errors: [{ messageId: 'missingAssetValued', line: 17, column: 9 }],
      output: register(
        `${ASSET_VALUED}    authorizations:\n${GRANTED}${PAID}${FEE}        valuation:\n          method: 待填写\n          ref: 待填写\n`,
      ),
    },
    {
      name: 'a flow authorization without valuation, CRLF kept',
      code: crlf(
        authorized(
          '      - { entity: 甲公司, rights: [数据产品经营权], securityAssessment: { ref: A-1 }, approval: { ref: B-1 }, paid: true, fee: { amount: 100 } }\n',
        ),
      ),
      errors: [{ messageId: 'missing', line: 16, column: 11 }],
      output: crlf(
        authorized(
          '      - { entity: 甲公司, rights: [数据产品经营权], securityAssessment: { ref: A-1 }, approval: { ref: B-1 }, paid: true, fee: { amount: 100 }, valuation: { method: 待填写, ref: 待填写 } }\n',
        ),
      ),
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-AUTH-005

/** An authorization whose rights line (line 17) is `rights`. */
function granting(rights: string): string {
  return authorized(`${ENTITY}${rights}${PERIOD}${ASSESSMENT}${APPROVAL}`);
}

ruleTester(authorisableRightsRule, {
  valid: [
    { name: 'the processing-and-use right', code: granting(RIGHTS) },
    {
      name: 'both rights as a block list',
      code: granting('        rights:\n          - 数据加工使用权\n          - "数据产品经营权"\n'),
    },
    { name: "an empty list is the schema's finding", code: granting('        rights: []\n') },
    { name: "a number is the schema's type error", code: granting('        rights: [1]\n') },
  ],
  invalid: [
    {
      name: 'the holding right (or ownership) is not authorisable: an error at the value, no fix',
      code: granting('        rights: [数据所有权, 数据加工使用权]\n'),
      errors: [{ messageId: 'retained', line: 17, column: 18 }],
    },
    {
      name: 'short names in a block list are corrected, comments and quoting kept',
      code: granting("        rights:\n          - 加工使用权   # 简称\n          - '产品经营权'\n"),
      errors: [
        { messageId: 'misnamed', line: 18, column: 13 },
        { messageId: 'misnamed', line: 19, column: 13 },
      ],
      output: granting("        rights:\n          - 数据加工使用权   # 简称\n          - '数据产品经营权'\n"),
    },
    {
      name: 'a bare use right is ambiguous (no fix); the holding right is retained',
      code: granting('        rights: [使用权, 数据持有权]\n'),
      errors: [
        { messageId: 'notAuthorisable', line: 17, column: 18 },
        { messageId: 'retained', line: 17, column: 23 },
      ],
    },
    {
      name: 'a short name for a right already listed is a duplicate to remove, not a fix',
      code: granting('        rights: [数据加工使用权, 加工使用权]\n'),
      errors: [{ messageId: 'duplicate', line: 17, column: 27 }],
    },
    {
      name: 'two short names for the same right: the first is fixed, the second is a duplicate',
      code: granting('        rights: [加工使用权, 数据 加工使用权]\n'),
      errors: [
        { messageId: 'misnamed', line: 17, column: 18 },
        { messageId: 'duplicate', line: 17, column: 25 },
      ],
      output: granting('        rights: [数据加工使用权, 数据 加工使用权]\n'),
    },
    {
      name: '经营权 means the data-product operation right, CRLF kept',
      code: crlf(granting('        rights: [经营权]\n')),
      errors: [{ messageId: 'misnamed', line: 17, column: 18 }],
      output: crlf(granting('        rights: [数据产品经营权]\n')),
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-AUTH-006

ruleTester(guaranteeRule, {
  valid: [
    { name: 'an asset without guarantee', code: register(ASSET) },
    { name: 'an authorized asset', code: authorized(GRANTED) },
    { name: 'a catalog is not checked', code: catalog('  - id: R-330100-JT-0001\n    name: 甲\n    guarantee: x\n') },
  ],
  invalid: [
    {
      name: 'a guarantee block: an error at its key, no fix',
      code: register(
        `${ASSET}    guarantee:\n      creditor: 某商业银行\n      amount: 5000000\n    reporting: { years: [2024] }\n`,
      ),
      errors: [{ messageId: 'guarantee', line: 15, column: 5 }],
    },
    {
      name: 'any value counts, even 无 or an empty key',
      code: register(`${ASSET}    guarantee: 无\n${ASSET.replace('DA-2024-0001', 'DA-2024-0002')}    guarantee:\n`),
      errors: [
        { messageId: 'guarantee', line: 15, column: 5 },
        { messageId: 'guarantee', line: 22, column: 5 },
      ],
    },
    {
      name: 'a flow asset',
      code: register('  - { id: DA-2024-0002, name: 甲, guarantee: { creditor: 乙 } }\n'),
      errors: [{ messageId: 'guarantee', line: 9, column: 34 }],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-AUTH-007

ruleTester(authorizationOrderRule, {
  valid: [
    { name: 'assessment, approval, then the start', code: authorized(GRANTED) },
    {
      name: 'all on the same day',
      code: authorized(
        `${ENTITY}${RIGHTS}        period: { start: 2024-06-01 }\n        securityAssessment: { ref: A, date: 2024-06-01 }\n        approval: { ref: B, date: "2024-06-01" }\n`,
      ),
    },
    {
      name: 'near miss: a date that does not exist is not compared (the schema reports it)',
      code: authorized(
        `${ENTITY}${RIGHTS}        period: { start: 2024-01-01 }\n        securityAssessment: { ref: A, date: 2024-02-30 }\n        approval: { ref: B }\n`,
      ),
    },
    {
      name: 'near miss: no start date, assessment before approval',
      code: authorized(`${ENTITY}${RIGHTS}${ASSESSMENT}${APPROVAL}`),
    },
  ],
  invalid: [
    {
      name: 'an assessment after the start: an error at its date (its lateness against the approval is not repeated)',
      code: authorized(`${ENTITY}${RIGHTS}        period:
          start: 2024-06-01
          end: 2029-05-31
        securityAssessment:
          ref: AQPG-2024-03
          date: 2024-06-20   # 补做
        approval: { ref: B, date: 2024-05-24 }
`),
      errors: [{ messageId: 'assessmentAfterStart', line: 23, column: 17 }],
    },
    {
      name: 'an approval after the start',
      code: authorized(
        `${ENTITY}${RIGHTS}${PERIOD}${ASSESSMENT}        approval: { ref: 某财资〔2024〕56号, date: 2024-06-05 }\n`,
      ),
      errors: [{ messageId: 'approvalAfterStart', line: 20, column: 46 }],
    },
    {
      name: 'an assessment after the approval, both before the start: a warning',
      code: authorized(
        `${ENTITY}${RIGHTS}${PERIOD}        securityAssessment: { ref: AQPG-2024-03, date: 2024-05-28 }\n${APPROVAL}`,
      ),
      errors: [{ messageId: 'assessmentAfterApproval', line: 19, column: 56, severity: 'warning' }],
    },
    {
      name: 'both after the start: two errors',
      code: authorized(
        `${ENTITY}${RIGHTS}${PERIOD}        securityAssessment: { ref: AQPG-2024-03, date: 2024-06-10 }\n        approval: { ref: 某财资〔2024〕56号, authority: 某市财政局, date: 2024-06-05 }\n`,
      ),
      errors: [
        { messageId: 'assessmentAfterStart', line: 19, column: 56 },
        { messageId: 'approvalAfterStart', line: 20, column: 64 },
      ],
    },
    {
      name: 'no period: a quoted assessment date after the approval, CRLF',
      code: crlf(
        authorized(
          `${ENTITY}${RIGHTS}        securityAssessment:\n          ref: A\n          date: '2024-05-28'\n        approval: { ref: B, date: 2024-05-24 }\n`,
        ),
      ),
      errors: [{ messageId: 'assessmentAfterApproval', line: 20, column: 17, severity: 'warning' }],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-AUTH-008

/** An authorization (lines 16–20) whose period (line 18) is `period`; `after` follows the asset. */
function lasting(period: string, after = ''): string {
  return authorized(`${ENTITY}${RIGHTS}${period}${ASSESSMENT}${APPROVAL}`, after);
}

ruleTester(authorizationPeriodRule, {
  valid: [
    { name: 'a current period', code: lasting(PERIOD) },
    {
      name: 'ending today is not yet expired',
      code: lasting('        period: { start: 2024-06-01, end: 2026-11-26 }\n'),
    },
    { name: 'a one-day period', code: lasting('        period: { start: 2029-06-01, end: 2029-06-01 }\n') },
    { name: 'no end date', code: lasting('        period: { start: 2024-06-01 }\n') },
    {
      name: "near miss: an end that is not a date is the schema's",
      code: lasting('        period: { start: 2024-06-01, end: 2024-13-01 }\n'),
    },
    {
      name: 'near miss: expired, but the asset has been disposed of',
      code: lasting('        period: { start: 2019-06-01, end: 2020-05-31 }\n', '    disposal:\n      method: 销毁\n'),
    },
  ],
  invalid: [
    {
      name: 'an end before the start: an error at the end (not also reported as expired)',
      code: lasting('        period: { start: 2024-06-01, end: 2024-05-31 }\n'),
      errors: [{ messageId: 'endBeforeStart', line: 18, column: 43 }],
    },
    {
      name: 'an expired period: information',
      code: lasting('        period: { start: 2024-04-01, end: 2025-03-31 }   # 一年期\n'),
      errors: [{ messageId: 'expired', line: 18, column: 43, severity: 'info' }],
    },
    {
      name: 'a block period that ended yesterday, CRLF',
      code: crlf(lasting('        period:\n          start: 2024-11-26\n          end: 2026-11-25\n')),
      errors: [{ messageId: 'expired', line: 20, column: 16, severity: 'info' }],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-AUTH-009

ruleTester(feeWithoutPaidRule, {
  valid: [
    { name: 'a paid authorization with its fee', code: authorized(`${GRANTED}${PAID}${FEE}${VALUATION}`) },
    { name: 'a free authorization without fee', code: authorized(`${GRANTED}        paid: false\n`) },
    {
      name: 'near miss: a free authorization with a zero fee',
      code: authorized(`${GRANTED}        paid: false\n        fee: { amount: 0, basis: 公益用途免收 }\n`),
    },
    {
      name: "near miss: paid written as text is the schema's type error",
      code: authorized(`${GRANTED}        paid: 是\n${FEE}`),
    },
  ],
  invalid: [
    {
      name: 'marked free with a fee: a warning at the fee, no fix',
      code: authorized(`${GRANTED}        paid: false\n        fee:\n          amount: 5000\n`),
      errors: [{ messageId: 'free', line: 22, column: 9 }],
    },
    {
      name: 'paid not stated, a fee in a flow authorization',
      code: authorized(
        '      - { entity: 甲公司, rights: [数据加工使用权], securityAssessment: { ref: A-1 }, approval: { ref: B-1 }, fee: { amount: 100 } }\n',
      ),
      errors: [{ messageId: 'unstated', line: 16, column: 101 }],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ the family

/** A docs example (an `assets:` fragment) as a full register. */

const TODAY = '2026-11-26';
/** The date the example register is "as of" (its header comment). */
const EXAMPLES_AS_OF = '2024-12-31';

function examplesOf(dir: string): Array<[file: string, text: string]> {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]);
}

describe('authorization rules (财资〔2024〕1号 (4))', () => {
  it('declares ids, severities, clauses and the schema paths it replaces', () => {
    assert.deepEqual(
      AUTHORIZATION_RULES.map((rule) => [
        rule.meta.id,
        rule.meta.severity,
        ruleCitation(rule.meta),
        rule.meta.replacesSchemaAt ?? [],
      ]),
      [
        ['DA-AUTH-003', 'error', '财资〔2024〕1号 (4)', ['/assets/*/authorizations/*/fee']],
        ['DA-AUTH-004', 'error', '财资〔2024〕1号 (4); 中评协〔2023〕17号', ['/assets/*/authorizations/*/valuation']],
        ['DA-AUTH-005', 'error', '财资〔2024〕1号 (4)', ['/assets/*/authorizations/*/rights/*']],
        ['DA-AUTH-006', 'error', '财资〔2024〕1号 (4); 财资〔2024〕167号', ['/assets/*/guarantee']],
        ['DA-AUTH-007', 'error', '财资〔2024〕1号 (4)', []],
        ['DA-AUTH-008', 'error', '财资〔2024〕1号 (4)', []],
        ['DA-AUTH-009', 'warning', '财资〔2024〕1号 (4)', []],
      ],
    );
    const taken = new Set(AUTHORIZATION_ASSESSMENT_RULES.map((rule) => rule.meta.id));
    assert.deepEqual(
      AUTHORIZATION_RULES.filter((rule) => taken.has(rule.meta.id)),
      [],
    );
  });

  it("replaces the schema's findings for fee, valuation, rights and guarantee; the fixes together add fee then valuation", () => {
    const text = authorized(
      `${ENTITY}        rights: [数据所有权, 加工使用权]\n${PERIOD}${ASSESSMENT}${APPROVAL}${PAID}`,
      '    guarantee: { creditor: 某商业银行 }\n',
    );
    const schemaOnly = createStewardService({ rules: [], workspaceRules: [], today: TODAY }).validate(
      'a.assets.yaml',
      text,
    ).findings;
    assert.deepEqual(
      schemaOnly.map((f) => [f.ruleId, f.path]),
      [
        ['DA-SCHEMA-001', '/assets/0/authorizations/0/fee'],
        ['DA-SCHEMA-001', '/assets/0/authorizations/0/valuation'],
        ['DA-SCHEMA-003', '/assets/0/authorizations/0/rights/0'],
        ['DA-SCHEMA-003', '/assets/0/authorizations/0/rights/1'],
        ['DA-SCHEMA-006', '/assets/0/guarantee'],
      ],
    );
    const findings = createStewardService({ rules: AUTHORIZATION_RULES, workspaceRules: [], today: TODAY }).validate(
      'a.assets.yaml',
      text,
    ).findings;
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.path]),
      [
        ['DA-AUTH-003', '/assets/0/authorizations/0/fee'],
        ['DA-AUTH-004', '/assets/0/authorizations/0/valuation'],
        ['DA-AUTH-005', '/assets/0/authorizations/0/rights/0'],
        ['DA-AUTH-005', '/assets/0/authorizations/0/rights/1'],
        ['DA-AUTH-006', '/assets/0/guarantee'],
      ],
    );
    assert.equal(
      applyFixes(text, findings),
      authorized(
        `${ENTITY}        rights: [数据所有权, 数据加工使用权]\n${PERIOD}${ASSESSMENT}${APPROVAL}${PAID}        fee:\n          amount: 待填写\n        valuation:\n          method: 待填写\n          ref: 待填写\n`,
        '    guarantee: { creditor: 某商业银行 }\n',
      ),
    );
  });

  it('messages name the entity, the right and the dates in both languages', () => {
    const [valuation] = ruleFindings(
      paidValuationRule,
      register(`${ASSET_VALUED}    authorizations:\n${GRANTED}${PAID}${FEE}`),
    );
    assert.equal(
      valuation.message['zh-CN'],
      '向“某市大数据运营有限公司”的授权是有偿的（paid: true），但没有资产权益评估（valuation）：请写明评估方法和评估报告编号；如果资产的评估报告 PG-2024-08 涵盖本次授权，可以引用它',
    );
    assert.match(
      valuation.message.en,
      /if the asset's valuation report PG-2024-08 covers this authorization, cite it$/,
    );
    const [right] = ruleFindings(authorisableRightsRule, granting('        rights: [产品经营权]\n'));
    assert.equal(
      right.message.en,
      'The authorization to "某市大数据运营有限公司" grants "产品经营权": write its standard name "数据产品经营权"; only 数据加工使用权 and 数据产品经营权 may be authorised',
    );
    assert.deepEqual(right.fix?.title, { 'zh-CN': '改为“数据产品经营权”', en: 'Change to "数据产品经营权"' });
    const [order] = ruleFindings(
      authorizationOrderRule,
      authorized(`${ENTITY}${RIGHTS}${PERIOD}        securityAssessment: { ref: A, date: 2024-06-20 }\n${APPROVAL}`),
    );
    assert.equal(
      order.message['zh-CN'],
      '向“某市大数据运营有限公司”的授权 2024-06-01 开始，安全评估却在 2024-06-20 才完成：安全评估须在授权之前完成，请核对日期',
    );
    assert.equal(order.path, '/assets/0/authorizations/0/securityAssessment/date');
    const [guarantee] = ruleFindings(guaranteeRule, register(`${ASSET}    guarantee: x\n`));
    assert.match(
      guarantee.message['zh-CN'],
      /^资产“公交运行监测数据集”记有担保（guarantee）：不得利用数据资产进行担保，新增政府隐性债务/,
    );
  });

  it('expiry follows the injected date', () => {
    const text = lasting('        period: { start: 2024-06-01, end: 2025-05-31 }\n');
    assert.deepEqual(ruleFindings(authorizationPeriodRule, text, { today: '2025-05-31' }), []);
    assert.deepEqual(
      ruleFindings(authorizationPeriodRule, text, { today: '2025-06-01' }).map((f) => [f.data?.messageId, f.severity]),
      [['expired', 'info']],
    );
  });

  it('the example unit gives no finding of these rules as of its date', () => {
    const service = createStewardService({ rules: AUTHORIZATION_RULES, today: EXAMPLES_AS_OF });
    const ids = new Set(AUTHORIZATION_RULES.map((rule) => rule.meta.id));
    const files = examplesOf(path.join(ROOT, 'examples', 'transport-bureau'));
    assert.ok(files.some(([file]) => file === 'transport.assets.yaml'));
    for (const [file, text] of files) {
      const findings = service.validate(file, text).findings.filter((f) => ids.has(f.ruleId));
      assert.deepEqual(
        findings.map((f) => `${file}:${f.range.start.line + 1} ${f.message.en}`),
        [],
      );
    }
  });

  it('once they end, its two time-limited authorizations are noted as expired (information only)', () => {
    const service = createStewardService({ rules: AUTHORIZATION_RULES, today: '2029-06-01' });
    // Without its asOf line the register is checked as of `today`.
    const text = fs
      .readFileSync(path.join(ROOT, 'examples', 'transport-bureau', 'transport.assets.yaml'), 'utf8')
      .replace(/^asOf: .*\n/m, '');
    const findings = service
      .validate('transport.assets.yaml', text)
      .findings.filter((f) => f.ruleId.startsWith('DA-AUTH'));
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.path]),
      [
        ['DA-AUTH-008', 'info', '/assets/0/authorizations/0/period/end'],
        ['DA-AUTH-008', 'info', '/assets/1/authorizations/0/period/end'],
      ],
    );
  });

  for (const [file, ruleId, findingPath] of [
    ['paid-without-fee.assets.yaml', 'DA-AUTH-003', '/assets/0/authorizations/0/fee'],
    ['guarantee.assets.yaml', 'DA-AUTH-006', '/assets/0/guarantee'],
  ]) {
    it(`the invalid example ${file} is reported by ${ruleId} instead of the schema`, () => {
      const text = fs.readFileSync(path.join(ROOT, 'examples', 'invalid', file), 'utf8');
      const findings = createStewardService({
        rules: AUTHORIZATION_RULES,
        workspaceRules: [],
        today: EXAMPLES_AS_OF,
      }).validate(file, text).findings;
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.path]),
        [[ruleId, findingPath]],
      );
    });
  }
});
