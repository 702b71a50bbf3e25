/**
 * Issue 15 (domain fidelity): the grave cases that used to pass silently, and the rules from the 2025 regulations.
 * Each table has the case that passed before these rules (the first invalid case of each).
 */
import * as assert from 'node:assert/strict';
import { paidFeeNotZeroRule } from '../server/src/service/rules/authorization/paid-authorization-fee-not-zero';
import { authorizationAfterDisposalRule } from '../server/src/service/rules/authorization/no-authorization-after-disposal';
import { publicInterestFreeRule } from '../server/src/service/rules/authorization/public-interest-use-free';
import { restrictedAuthorizationRule } from '../server/src/service/rules/authorization/no-authorization-of-restricted-data';
import { saleValuationRule } from '../server/src/service/rules/disposal/sale-needs-valuation';
import { useRevenueWithinAuthorizationRule } from '../server/src/service/rules/revenue/use-revenue-within-authorization';
import { protectionLevelRule } from '../server/src/service/rules/security/protection-level-fits-grade';
import { gradeOnStateSecretRule } from '../server/src/service/rules/security/no-grade-on-state-secret';
import { gradeBelowResourceRule } from '../server/src/service/rules/security/asset-grade-not-below-resource';
import { workSecretRule } from '../server/src/service/rules/sharing-opening/work-secret-not-opened';
import { publicDataRegistrationRule } from '../server/src/service/rules/registration/asset-needs-public-data-registration';
import { createStewardService } from '../server/src/service';
import {
  authorized,
  AUTHORIZED_ASSET,
  catalog,
  GRANT_LINES,
  register,
  ruleTester,
  workspaceRuleFindings,
  workspaceRuleTester,
} from './rule-tester';
import { MINIMAL_CATALOG, MINIMAL_REGISTER } from './helpers';

const ASSET = AUTHORIZED_ASSET;
const { entity: ENTITY, rights: RIGHTS } = GRANT_LINES;
const ASSESSMENT = GRANT_LINES.assessment;
const APPROVAL = GRANT_LINES.approval;
const VALUATION = GRANT_LINES.valuation;
/** An assessed and approved authorization, lines 16–19, without a period. */
const GRANTED = `${ENTITY}${RIGHTS}${ASSESSMENT}${APPROVAL}`;
const period = (start: string, end?: string) => `        period: { start: ${start}${end ? `, end: ${end}` : ''} }\n`;

// ------------------------------------------------------------------------------------------------ DA-AUTH-011

ruleTester(paidFeeNotZeroRule, {
  valid: [
    {
      name: 'a paid authorization with a fee',
      code: authorized(`${GRANTED}        paid: true\n        fee: { amount: 120000 }\n${VALUATION}`),
    },
    {
      name: 'a free authorization with a fee of 0',
      code: authorized(`${GRANTED}        paid: false\n        fee: { amount: 0 }\n`),
    },
    { name: "paid without a fee is DA-AUTH-003's", code: authorized(`${GRANTED}        paid: true\n${VALUATION}`) },
    {
      name: "a fee that is no number is the schema's",
      code: authorized(`${GRANTED}        paid: true\n        fee: { amount: '0' }\n${VALUATION}`),
    },
  ],
  invalid: [
    {
      name: 'paid: true with a fee of 0 (passed before)',
      code: authorized(`${GRANTED}        paid: true\n        fee: { amount: 0 }\n${VALUATION}`),
      errors: [{ messageId: 'zero', line: 21, column: 24 }],
    },
    {
      name: 'a block fee of 0.0, second authorization',
      code: authorized(
        `${GRANTED}        paid: false\n${GRANTED}        paid: true\n        fee:\n          amount: 0.0\n${VALUATION}`,
      ),
      errors: [{ messageId: 'zero', line: 27, column: 19 }],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-AUTH-012

const SOLD = (date?: string) =>
  `    disposal:\n      method: 转让\n${date ? `      date: ${date}\n` : ''}      decision: { ref: 局务会纪要〔2025〕9号 }\n      approval: { ref: 某财资〔2025〕31号 }\n`;

ruleTester(authorizationAfterDisposalRule, {
  valid: [
    { name: 'not disposed: an open-ended authorization is fine', code: authorized(GRANTED) },
    {
      name: 'ended on the disposal date',
      code: authorized(`${GRANTED}${period('2024-06-01', '2025-06-30')}`, SOLD('2025-06-30')),
    },
    {
      name: 'undated disposal, authorization ended before today',
      code: authorized(`${GRANTED}${period('2024-06-01', '2025-06-30')}`, SOLD()),
    },
    {
      name: "an end that is no date is the schema's",
      code: authorized(`${GRANTED}        period: { start: 2024-06-01, end: 明年 }\n`, SOLD('2025-06-30')),
    },
  ],
  invalid: [
    {
      name: 'sold, the authorization runs on for years (passed before)',
      code: authorized(`${GRANTED}${period('2024-06-01', '2029-05-31')}`, SOLD('2025-06-30')),
      errors: [{ messageId: 'endsAfter', line: 20, column: 43 }],
    },
    {
      name: 'sold, the authorization has no period at all',
      code: authorized(GRANTED, SOLD('2025-06-30')),
      errors: [{ messageId: 'noEnd', line: 16, column: 9 }],
    },
    {
      name: 'undated disposal: compared with today',
      code: authorized(`${GRANTED}${period('2024-06-01', '2027-01-01')}${ENTITY}${RIGHTS}`, SOLD()),
      errors: [
        { messageId: 'endsAfterToday', line: 20, column: 43 },
        { messageId: 'noEndUndated', line: 21, column: 9 },
      ],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-AUTH-013

ruleTester(publicInterestFreeRule, {
  valid: [
    { name: 'public welfare, free', code: authorized(`${GRANTED}        purpose: 公益事业\n        paid: false\n`) },
    {
      name: 'industrial development, paid',
      code: authorized(
        `${GRANTED}        purpose: 产业发展\n        paid: true\n        fee: { amount: 50000 }\n${VALUATION}`,
      ),
    },
    {
      name: 'no purpose stated',
      code: authorized(`${GRANTED}        paid: true\n        fee: { amount: 50000 }\n${VALUATION}`),
    },
    {
      name: 'public governance with a fee of 0 (the fee rules speak to it)',
      code: authorized(`${GRANTED}        purpose: 公共治理\n        fee: { amount: 0 }\n`),
    },
  ],
  invalid: [
    {
      name: 'public welfare, paid',
      code: authorized(
        `${GRANTED}        purpose: 公益事业\n        paid: true\n        fee: { amount: 50000 }\n${VALUATION}`,
      ),
      errors: [{ messageId: 'charged', line: 20, column: 18, severity: 'warning' }],
    },
    {
      name: 'public governance with a fee but not marked paid',
      code: authorized(`${GRANTED}        purpose: 公共治理\n        fee: { amount: 8000 }\n`),
      errors: [{ messageId: 'charged', line: 20, column: 18, severity: 'warning' }],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-DISP-007

const DISPOSAL = (method: string, extra = '') =>
  `    disposal:\n      method: ${method}\n      decision: { ref: 局务会纪要〔2025〕9号 }\n      approval: { ref: 某财资〔2025〕31号 }\n${extra}`;

ruleTester(saleValuationRule, {
  valid: [
    {
      name: 'a sale with its valuation',
      code: register(`${ASSET}${DISPOSAL('转让', '      valuation: { method: 市场法, ref: PG-2025-11 }\n')}`),
    },
    { name: 'a transfer free of charge needs none here', code: register(`${ASSET}${DISPOSAL('无偿划转')}`) },
    { name: 'not disposed', code: register(ASSET) },
  ],
  invalid: [
    {
      name: 'a sale without a valuation (passed before)',
      code: register(`${ASSET}${DISPOSAL('转让')}`),
      errors: [{ messageId: 'missing', line: 15, column: 5 }],
      output: register(
        `${ASSET}${DISPOSAL('转让', '      valuation:\n        method: 待填写\n        ref: 待填写\n')}`,
      ),
    },
    {
      name: 'a sale of an asset valued before: the message names the report',
      code: register(`${ASSET}    valuation: { method: 成本法, ref: PG-2023-02 }\n${DISPOSAL('转让')}`),
      errors: [{ messageId: 'missingAssetValued', line: 16, column: 5 }],
      output: register(
        `${ASSET}    valuation: { method: 成本法, ref: PG-2023-02 }\n${DISPOSAL('转让', '      valuation:\n        method: 待填写\n        ref: 待填写\n')}`,
      ),
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-REV-005

const PAID = (fee: number, start: string, end = '2029-12-31') =>
  `${ENTITY}${RIGHTS}${period(start, end)}        paid: true\n        fee: { amount: ${fee} }\n${VALUATION}`;
const revenue = (...lines: Array<[number, number]>) =>
  `    revenue:\n${lines.map(([year, amount]) => `      - { year: ${year}, source: 使用, amount: ${amount}, handling: 非税收入 }\n`).join('')}`;

ruleTester(useRevenueWithinAuthorizationRule, {
  valid: [
    {
      name: 'income within the fee, from the start year',
      code: authorized(PAID(100000, '2025-01-01'), revenue([2025, 100000])),
    },
    {
      name: 'a year of arrears paid late: twice the fee is still explained',
      code: authorized(PAID(100000, '2024-01-01'), revenue([2025, 200000])),
    },
    {
      name: 'no period: the start is bounded by the approval (2024)',
      code: authorized(
        `${GRANTED}        paid: true\n        fee: { amount: 5000 }\n${VALUATION}`,
        revenue([2024, 5000]),
      ),
    },
    {
      name: 'one authorization without any date: the start cannot be known',
      code: authorized(`${PAID(100000, '2025-01-01')}${ENTITY}${RIGHTS}`, revenue([2023, 100000])),
    },
    {
      name: 'an unpaid authorization in force: the fees cannot be compared',
      code: authorized(`${ENTITY}${RIGHTS}${period('2024-01-01')}        paid: false\n`, revenue([2025, 900000])),
    },
  ],
  invalid: [
    {
      name: 'income in a year before the authorization began (passed before)',
      code: authorized(PAID(100000, '2025-01-01'), revenue([2024, 100000], [2025, 100000])),
      errors: [{ messageId: 'beforeAuthorization', line: 23, column: 17 }],
    },
    {
      name: 'a year far above the agreed fee (passed before)',
      code: authorized(PAID(100000, '2025-01-01'), revenue([2025, 150000], [2025, 60000])),
      errors: [{ messageId: 'aboveFees', line: 23, column: 43 }],
    },
    {
      name: 'two paid authorizations: the fees of those in force that year are added',
      code: authorized(
        `${PAID(100000, '2024-01-01', '2024-12-31')}${PAID(50000, '2025-01-01')}`,
        revenue([2024, 200000], [2025, 120000]),
      ),
      errors: [{ messageId: 'aboveFees', line: 30, column: 43 }],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-SEC-004

const graded = (grade: string, level: string) =>
  register(
    ASSET.replace('securityGrade: 一般数据', `securityGrade: ${grade}`) +
      `    security:\n      protectionLevel: ${level}\n      protectionMeasures: [访问控制]\n      lastRiskAssessment: 2026-09-20\n`,
  );

ruleTester(protectionLevelRule, {
  valid: [
    { name: 'important data at level 3', code: graded('重要数据', '第三级') },
    { name: 'important data at level 2', code: graded('重要数据', '第二级') },
    { name: 'general data at level 1', code: graded('一般数据', '第一级') },
  ],
  invalid: [
    {
      name: 'important data at level 1 (passed before)',
      code: graded('重要数据', '第一级'),
      errors: [{ messageId: 'levelOne', line: 16, column: 24 }],
    },
    {
      name: 'core data at level 1',
      code: graded('核心数据', '第一级'),
      errors: [{ messageId: 'levelOne', line: 16, column: 24 }],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-SEC-005, DA-OPEN-005

/** A resource on lines 9–14 with the given secrecy and grade line. */
const resource = (secrecy: string, grade: string | undefined, sharing: string, opening: string) =>
  catalog(`  - id: R-330100-JT-0009
    name: 城市轨道交通关键设施安防布设数据
${grade ? `    securityGrade: ${grade}\n` : ''}    secrecy: ${secrecy}
    sharing: { type: ${sharing}, basis: 《保守国家秘密法》, conditions: 按需提供 }
    opening: { type: ${opening} }
`);

ruleTester(gradeOnStateSecretRule, {
  valid: [
    { name: 'a classified resource without a grade', code: resource('涉密', undefined, '不予共享', '不予开放') },
    {
      name: 'a graded resource that is no state secret',
      code: resource('非涉密', '重要数据', '有条件共享', '不予开放'),
    },
    { name: 'a graded work secret', code: resource('工作秘密', '重要数据', '有条件共享', '不予开放') },
  ],
  invalid: [
    {
      name: 'a classified resource graded under GB/T 43697',
      code: resource('涉密', '核心数据', '不予共享', '不予开放'),
      errors: [{ messageId: 'graded', line: 11, column: 5 }],
      output: resource('涉密', undefined, '不予共享', '不予开放'),
    },
  ],
});

ruleTester(workSecretRule, {
  valid: [
    {
      name: 'a work secret, shared on conditions, not opened',
      code: resource('工作秘密', '重要数据', '有条件共享', '不予开放'),
    },
    { name: 'not a secret: opened on conditions', code: resource('非涉密', '一般数据', '有条件共享', '有条件开放') },
  ],
  invalid: [
    {
      name: 'a work secret opened on conditions',
      code: resource('工作秘密', '一般数据', '有条件共享', '有条件开放'),
      errors: [{ messageId: 'opened', line: 14, column: 22 }],
      output: resource('工作秘密', '一般数据', '有条件共享', '不予开放'),
    },
    {
      name: 'a work secret shared with every department',
      code: resource('工作秘密', '一般数据', '无条件共享', '不予开放'),
      errors: [{ messageId: 'sharedFreely', line: 13, column: 22 }],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-REG-002

const REGISTRATION =
  '    publicDataRegistration: { code: GGSJ-330100-2025-000123, date: 2025-03-20, type: 首次登记 }\n';

ruleTester(publicDataRegistrationRule, {
  valid: [
    {
      name: 'in authorised operation and registered',
      code: authorized(`${GRANTED}${period('2025-03-01')}`, REGISTRATION),
    },
    { name: 'no authorization', code: register(ASSET) },
    { name: 'the authorization has ended', code: authorized(`${GRANTED}${period('2024-03-01', '2025-02-28')}`) },
    { name: 'the authorization starts later', code: authorized(`${GRANTED}${period('2027-01-01')}`) },
    { name: 'disposed of', code: authorized(`${GRANTED}${period('2024-03-01')}`, SOLD('2025-06-30')) },
    {
      name: 'checked as of a date before the measures were issued',
      code: authorized(`${GRANTED}${period('2024-03-01')}`).replace(
        'kind: DataAssetRegister',
        'kind: DataAssetRegister\nasOf: 2024-12-31',
      ),
    },
  ],
  invalid: [
    {
      name: 'in authorised operation, not registered',
      code: authorized(`${GRANTED}${period('2025-03-01')}`),
      errors: [{ messageId: 'missing', line: 15, column: 5, severity: 'warning' }],
      output: authorized(`${GRANTED}${period('2025-03-01')}`, '    publicDataRegistration:\n      code: 待填写\n'),
    },
    {
      name: 'the registration was cancelled while the authorization runs',
      code: authorized(`${GRANTED}${period('2025-03-01')}`, REGISTRATION.replace('首次登记', '注销登记')),
      errors: [{ messageId: 'cancelled', line: 21, column: 86, severity: 'warning' }],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-AUTH-010 (cross-file)

/** The minimal catalog with its one resource's grade, secrecy, sharing and opening changed. */
function catalogWith(grade: string, secrecy: string, sharing: string, opening: string): string {
  return MINIMAL_CATALOG.replace('securityGrade: 一般数据', `securityGrade: ${grade}`)
    .replace('secrecy: 非涉密', `secrecy: ${secrecy}`)
    .replace(
      / {4}sharing:\n {6}type: 有条件共享\n {6}conditions: [^\n]*\n/,
      `    sharing:\n      type: ${sharing}\n      basis: 《数据安全法》第二十一条\n`,
    )
    .replace(/ {4}opening:\n {6}type: [^\n]*\n/, `    opening:\n      type: ${opening}\n`);
}

/** The minimal register, its asset graded `grade` and authorised (the `authorizations` key on line 16). */
function authorizedRegister(grade = '一般数据'): string {
  return MINIMAL_REGISTER.replace('securityGrade: 一般数据', `securityGrade: ${grade}`).replace(
    '    registration:\n',
    '    authorizations:\n      - entity: 某市大数据运营有限公司\n        rights: [数据加工使用权]\n    registration:\n',
  );
}

workspaceRuleTester(restrictedAuthorizationRule, {
  valid: [
    { name: 'general data, shared on conditions', catalog: MINIMAL_CATALOG, register: authorizedRegister() },
    {
      name: 'a classified resource whose asset is not authorised',
      catalog: catalogWith('重要数据', '涉密', '不予共享', '不予开放'),
      register: MINIMAL_REGISTER,
    },
    {
      name: 'important (not core) data not opened may be authorised',
      catalog: catalogWith('重要数据', '非涉密', '有条件共享', '不予开放'),
      register: authorizedRegister('重要数据'),
    },
  ],
  invalid: [
    {
      name: 'a state secret authorised to a company (passed before)',
      catalog: catalogWith('重要数据', '涉密', '不予共享', '不予开放'),
      register: authorizedRegister('重要数据'),
      errors: [{ messageId: 'classified', line: 16, column: 5 }],
    },
    {
      name: 'core data its resource neither shares nor opens, authorised (passed before)',
      catalog: catalogWith('核心数据', '非涉密', '不予共享', '不予开放'),
      register: authorizedRegister('核心数据'),
      errors: [{ messageId: 'coreRestricted', line: 16, column: 5 }],
    },
    {
      name: 'a work secret authorised: a warning',
      catalog: catalogWith('一般数据', '工作秘密', '有条件共享', '不予开放').replace(
        '      basis: 《数据安全法》第二十一条\n',
        '      conditions: 按需提供\n',
      ),
      register: authorizedRegister(),
      errors: [{ messageId: 'workSecret', line: 16, column: 5, severity: 'warning' }],
    },
  ],
});

describe('DA-AUTH-010: a waiver must cite its legal basis (DA-WAIVER-004)', () => {
  const catalogText = catalogWith('重要数据', '涉密', '不予共享', '不予开放');
  const waived = (reason: string) =>
    authorizedRegister('重要数据').replace(
      '    authorizations:\n',
      `    # steward-disable-next-line DA-AUTH-010 -- ${reason}\n    authorizations:\n`,
    );
  function check(registerText: string) {
    const service = createStewardService({ today: '2026-11-26' });
    service.update('test.catalog.yaml', catalogText);
    return service.validate('test.assets.yaml', registerText).findings;
  }

  it('a reason that cites a basis waives the finding', () => {
    const findings = check(waived('依据《保守国家秘密法》经保密行政管理部门批准（某保密局〔2025〕3号）'));
    assert.deepEqual(
      findings
        .filter((f) => f.ruleId.startsWith('DA-AUTH-010') || f.ruleId.startsWith('DA-WAIVER'))
        .map((f) => f.ruleId),
      [],
    );
  });

  it('a reason without a basis waives nothing, and says so', () => {
    const findings = check(waived('经局领导同意'));
    const relevant = findings.filter((f) => f.ruleId === 'DA-AUTH-010' || f.ruleId.startsWith('DA-WAIVER'));
    assert.deepEqual(
      relevant.map((f) => [f.ruleId, f.severity, f.range.start.line + 1]),
      [
        ['DA-WAIVER-004', 'error', 16],
        ['DA-AUTH-010', 'error', 17],
      ],
    );
    assert.match(relevant[1].message.en, /the waiver cites no basis and does not apply/);
    assert.match(relevant[0].message['zh-CN'], /须写明依据/);
  });

  it('other rules named in the same waiver are still waived', () => {
    // DA-REG-002 (no public data registration) reports at the same `authorizations` key.
    assert.ok(check(waived('经局领导同意')).some((f) => f.ruleId === 'DA-REG-002'));
    const findings = check(waived('经局领导同意').replace('DA-AUTH-010 --', 'DA-AUTH-010, DA-REG-002 --'));
    assert.ok(!findings.some((f) => f.ruleId === 'DA-REG-002'));
    assert.ok(findings.some((f) => f.ruleId === 'DA-AUTH-010'));
  });
});

// ------------------------------------------------------------------------------------------------ DA-SEC-001's exception

describe('DA-SEC-001: derived data re-graded with a stated justification (GB/T 43697-2024 annex I)', () => {
  const important = MINIMAL_CATALOG.replace('securityGrade: 一般数据', 'securityGrade: 重要数据');
  it('a lower grade without a justification is an error', () => {
    const findings = workspaceRuleFindings(gradeBelowResourceRule, important, MINIMAL_REGISTER);
    assert.deepEqual(
      findings.map((f) => f.range.start.line + 1),
      [13],
    );
    assert.match(findings[0].message.en, /gradeJustification/);
  });
  it('a lower grade with a justification is accepted', () => {
    const justified = MINIMAL_REGISTER.replace(
      '    securityGrade: 一般数据\n',
      '    securityGrade: 一般数据\n    gradeJustification: 按区县汇总后的统计数据，经评估（PG-2025-07）不再能识别单车轨迹\n',
    );
    assert.deepEqual(workspaceRuleFindings(gradeBelowResourceRule, important, justified), []);
  });
});

// ------------------------------------------------------------------------------------------------ schema

describe('schema: the 2025 fields and values', () => {
  function errors(uri: string, text: string) {
    const service = createStewardService({ today: '2026-11-26', rules: [], workspaceRules: [] });
    return service
      .validate(uri, text)
      .findings.filter((f) => f.severity === 'error')
      .map((f) => f.ruleId);
  }
  it('a classified resource needs no grade; any other resource still does', () => {
    const classified = MINIMAL_CATALOG.replace('    securityGrade: 一般数据\n', '').replace(
      'secrecy: 非涉密',
      'secrecy: 涉密',
    );
    assert.deepEqual(errors('a.catalog.yaml', classified), []);
    const ungraded = MINIMAL_CATALOG.replace('    securityGrade: 一般数据\n', '');
    assert.deepEqual(errors('a.catalog.yaml', ungraded), ['DA-SCHEMA-001']);
  });
  it('工作秘密 is a secrecy value', () => {
    assert.deepEqual(errors('a.catalog.yaml', MINIMAL_CATALOG.replace('secrecy: 非涉密', 'secrecy: 工作秘密')), []);
  });
  it('the new register fields validate, and their enums are closed', () => {
    const full = authorizedRegister()
      .replace(
        '        rights: [数据加工使用权]\n',
        '        rights: [数据加工使用权]\n        purpose: 产业发展\n        securityAssessment: { ref: A-1, date: 2025-01-02 }\n        approval: { ref: B-1 }\n',
      )
      .replace(
        '    registration:\n',
        '    gradeJustification: 统计汇总数据\n    publicDataRegistration: { code: GGSJ-1, platform: 某省公共数据资源登记平台, date: 2025-03-20, type: 变更登记 }\n    registration:\n',
      );
    assert.deepEqual(errors('a.assets.yaml', full), []);
    assert.deepEqual(errors('a.assets.yaml', full.replace('purpose: 产业发展', 'purpose: 商业')), ['DA-SCHEMA-003']);
    assert.deepEqual(errors('a.assets.yaml', full.replace('type: 变更登记', 'type: 补录')), ['DA-SCHEMA-003']);
  });
  it('the documents valid before stay valid (the contract examples)', () => {
    assert.deepEqual(errors('a.catalog.yaml', MINIMAL_CATALOG), []);
    assert.deepEqual(errors('a.assets.yaml', MINIMAL_REGISTER), []);
  });
});
