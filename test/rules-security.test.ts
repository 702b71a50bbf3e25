import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { securityRecordsRule } from '../server/src/service/rules/security/high-grade-needs-security-records';
import { riskAssessmentAgeRule } from '../server/src/service/rules/security/risk-assessment-within-a-year';
import { isoDateOf, yearsBefore } from '../server/src/service/tree/values';
import type { ScalarNode } from '../server/src/service/parser/ast';
import { createStewardService } from '../server/src/service';
import { catalog, register, ruleFindings, ruleTester } from './rule-tester';
import { ROOT } from './helpers';
import type { Rule } from '../server/src/service/rules/rule';
import { ruleCitation } from '../server/src/service/rules/report';

const SECURITY_RULES: Rule[] = [securityRecordsRule, riskAssessmentAgeRule];

/** An asset of the given grade on lines 9–14; what follows starts on line 15. */
function asset(grade = '重要数据'): string {
  return `  - id: DA-2024-0004
    name: 路网视频监控图像数据集
    resource: R-330100-JT-0008
    classificationCode: A08060203
    securityGrade: ${grade}
    acquisition: { method: 自主采集 }
`;
}

const NEXT = `
  - id: DA-2024-0005
    name: 公共交通客流起讫点分析数据集
`;

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

// ------------------------------------------------------------------------------------------------ DA-SEC-002

ruleTester(securityRecordsRule, {
  valid: [
    {
      name: 'important data with measures and an assessment',
      code: register(
        `${asset()}    security:\n      protectionMeasures: [视频专网隔离, 存储加密]\n      lastRiskAssessment: 2026-09-20\n`,
      ),
    },
    {
      name: 'core data, flow style',
      code: register(
        `${asset('核心数据')}    security: { protectionMeasures: [加密], lastRiskAssessment: 2026-09-20 }\n`,
      ),
    },
    { name: 'near miss: general data needs neither', code: register(asset('一般数据')) },
    { name: 'no grade: the schema reports it', code: register(asset('')) },
    {
      name: 'a catalog resource is not checked',
      code: catalog(`  - id: R-330100-JT-0008\n    name: 甲\n    securityGrade: 重要数据\n`),
    },
  ],
  invalid: [
    {
      name: 'no security block: two findings at the grade, one fix adds the whole block before the next asset',
      code: register(`${asset()}${NEXT}`),
      errors: [
        { messageId: 'protectionMeasures', line: 13, column: 5 },
        { messageId: 'lastRiskAssessment', line: 13, column: 5 },
      ],
      output: register(`${asset()}    security:
      protectionMeasures: [待填写]
      lastRiskAssessment: 待填写
${NEXT}`),
    },
    {
      name: 'a block with the level only: both fields go after its last entry, comments kept',
      code: register(`${asset()}    security:   # 等保测评见附件
      protectionLevel: 第三级   # 2024 年测评
    reporting:
      years: [2024]
`),
      errors: [
        { messageId: 'protectionMeasures', line: 15, column: 5 },
        { messageId: 'lastRiskAssessment', line: 15, column: 5 },
      ],
      output: register(`${asset()}    security:   # 等保测评见附件
      protectionLevel: 第三级   # 2024 年测评
      protectionMeasures: [待填写]
      lastRiskAssessment: 待填写
    reporting:
      years: [2024]
`),
    },
    {
      name: 'a block ending in a block list, followed by another asset: the date goes after the list',
      code: register(
        `${asset()}    security:\n      protectionMeasures:\n        - 视频专网隔离\n        - 存储加密\n${asset('一般数据')}`,
      ),
      errors: [{ messageId: 'lastRiskAssessment', line: 15, column: 5 }],
      output: register(
        `${asset()}    security:\n      protectionMeasures:\n        - 视频专网隔离\n        - 存储加密\n      lastRiskAssessment: 待填写\n${asset('一般数据')}`,
      ),
    },
    {
      name: 'a flow block without the assessment date',
      code: register(`${asset('核心数据')}    security: { protectionMeasures: [加密, 审计] }\n`),
      errors: [{ messageId: 'lastRiskAssessment', line: 15, column: 5 }],
      output: register(
        `${asset('核心数据')}    security: { protectionMeasures: [加密, 审计], lastRiskAssessment: 待填写 }\n`,
      ),
    },
    {
      name: 'an empty flow block is filled',
      code: register(`${asset()}    security: {}\n`),
      errors: [
        { messageId: 'protectionMeasures', line: 15, column: 5 },
        { messageId: 'lastRiskAssessment', line: 15, column: 5 },
      ],
      output: register(`${asset()}    security: { protectionMeasures: [待填写], lastRiskAssessment: 待填写 }\n`),
    },
    {
      name: 'an empty security key is filled below it, its comment kept; CRLF',
      code: crlf(register(`${asset()}    security:   # 待补\n`)),
      errors: [
        { messageId: 'protectionMeasures', line: 15, column: 5 },
        { messageId: 'lastRiskAssessment', line: 15, column: 5 },
      ],
      output: crlf(
        register(
          `${asset()}    security:   # 待补\n      protectionMeasures: [待填写]\n      lastRiskAssessment: 待填写\n`,
        ),
      ),
    },
    {
      name: 'an empty protectionMeasures key is filled in place',
      code: register(`${asset()}    security:\n      protectionMeasures:\n      lastRiskAssessment: 2026-09-20\n`),
      errors: [{ messageId: 'protectionMeasures', line: 15, column: 5 }],
      output: register(
        `${asset()}    security:\n      protectionMeasures: [待填写]\n      lastRiskAssessment: 2026-09-20\n`,
      ),
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-SEC-003

/** The asset with `security:` (line 15) assessed on `date` (line 17, value at column 27). */
function assessed(date: string, grade = '重要数据', after = ''): string {
  return register(
    `${asset(grade)}    security:\n      protectionMeasures: [存储加密]\n      lastRiskAssessment: ${date}\n${after}`,
  );
}

const DISPOSED = '    disposal: { method: 销毁, decision: { ref: D-1 }, approval: { ref: A-1 } }\n';

ruleTester(riskAssessmentAgeRule, {
  valid: [
    { name: 'exactly one year ago is not more than a year', code: assessed('2025-11-26') },
    { name: 'assessed today', code: assessed('2026-11-26', '核心数据') },
    { name: 'general data assessed this year', code: assessed('2026-01-01', '一般数据') },
    { name: 'near miss: a disposed asset needs no new assessment', code: assessed('2023-05-01', '重要数据', DISPOSED) },
    { name: "a placeholder is the schema's case (and DA-TODO-001's)", code: assessed('待填写') },
    { name: "an impossible date is the schema's case", code: assessed('2025-02-30') },
    { name: 'no grade: nothing to weigh the age against', code: assessed('2020-01-01', '') },
  ],
  invalid: [
    {
      name: 'important data assessed a year and a day ago: a warning at the date',
      code: assessed('2025-11-25   # 上次等保测评时一并评估'),
      errors: [{ messageId: 'stale', line: 17, column: 27, severity: 'warning' }],
    },
    {
      name: 'general data: information only',
      code: assessed('2024-09-20', '一般数据'),
      errors: [{ messageId: 'stale', line: 17, column: 27, severity: 'info' }],
    },
    {
      name: 'a future date is an error, quoted or not, disposed or not',
      code: assessed('"2027-01-01"', '核心数据', DISPOSED),
      errors: [{ messageId: 'future', line: 17, column: 27, severity: 'error' }],
    },
    {
      name: 'flow style, CRLF',
      code: crlf(
        register(`${asset('核心数据')}    security: { protectionMeasures: [加密], lastRiskAssessment: 2023-12-31 }\n`),
      ),
      errors: [{ messageId: 'stale', line: 15, column: 63, severity: 'warning' }],
    },
  ],
});

ruleTester(
  riskAssessmentAgeRule,
  {
    valid: [{ name: 'with today 2028-02-29, 2027-03-01 is within the year', code: assessed('2027-03-01') }],
    invalid: [
      {
        name: 'with today 2028-02-29, 2027-02-28 is more than a year ago',
        code: assessed('2027-02-28'),
        errors: [{ messageId: 'stale', line: 17, column: 27, severity: 'warning' }],
      },
    ],
  },
  { today: '2028-02-29' },
);

// ------------------------------------------------------------------------------------------------ the family

const TODAY = '2026-11-26';

describe('security rules (财资〔2024〕1号 (9))', () => {
  it('declares ids, severities and clauses', () => {
    assert.deepEqual(
      SECURITY_RULES.map((rule) => [rule.meta.id, rule.meta.severity, ruleCitation(rule.meta)]),
      [
        ['DA-SEC-002', 'warning', '财资〔2024〕1号 (9); 《网络数据安全管理条例》第三十三条'],
        [
          'DA-SEC-003',
          'warning',
          '财资〔2024〕1号 (9); 《网络数据安全管理条例》第三十三条; 《数据安全法》第二十一条; 实务 (practice)',
        ],
      ],
    );
  });

  it('with the block missing, only the first finding carries the fix, so that fixing all adds one block', () => {
    const findings = ruleFindings(securityRecordsRule, register(asset('核心数据')));
    assert.deepEqual(
      findings.map((f) => [f.path, f.fix?.title.en]),
      [
        [
          '/assets/0/security/protectionMeasures',
          'Add the security block (protection measures and latest risk assessment to fill in)',
        ],
        ['/assets/0/security/lastRiskAssessment', undefined],
      ],
    );
    assert.match(findings[0].message['zh-CN'], /^资产“路网视频监控图像数据集”为核心数据，但没有记录安全防护措施/);
    assert.equal(
      findings[1].message.en,
      'Asset "路网视频监控图像数据集" is core data (核心数据) but records no latest risk assessment (security.lastRiskAssessment): give the date of the latest data security risk assessment',
    );
  });

  it('the placeholders a fix inserts are reported by the schema (date) until filled, never a made-up date', () => {
    const fixed = register(
      `${asset()}    security:\n      protectionMeasures: [待填写]\n      lastRiskAssessment: 待填写\n`,
    );
    const findings = createStewardService({ rules: SECURITY_RULES, workspaceRules: [], today: TODAY }).validate(
      'a.assets.yaml',
      fixed,
    ).findings;
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.path]),
      [['DA-SCHEMA-005', '/assets/0/security/lastRiskAssessment']],
    );
  });

  it('the stale message names the date; the future one names today', () => {
    const [stale] = ruleFindings(riskAssessmentAgeRule, assessed('2024-09-20'), { today: TODAY });
    assert.equal(
      stale.message['zh-CN'],
      '资产“路网视频监控图像数据集”（重要数据）最近一次风险评估在 2024-09-20，距今已超过一年：请重新开展数据安全风险评估并更新日期',
    );
    assert.deepEqual(stale.data, { messageId: 'stale', asset: 'DA-2024-0004', date: '2024-09-20', grade: '重要数据' });
    const [future] = ruleFindings(riskAssessmentAgeRule, assessed('2027-01-01'), { today: TODAY });
    assert.equal(
      future.message.en,
      'The latest risk assessment of asset "路网视频监控图像数据集" is dated 2027-01-01, after today (2026-11-26): only an assessment already carried out can be recorded; check the date',
    );
  });

  it('date helpers: real calendar dates only; a year back keeps the day', () => {
    const scalar = (value: unknown) =>
      ({ type: 'scalar', span: { start: 0, end: 0 }, value, source: String(value), style: 'plain' }) as ScalarNode;
    assert.equal(isoDateOf(scalar('2024-02-29')), '2024-02-29');
    assert.equal(isoDateOf(scalar(' 2024-09-20 ')), '2024-09-20');
    for (const bad of ['2023-02-29', '2024-13-01', '2024-9-20', '20240920', 20240920, null])
      assert.equal(isoDateOf(scalar(bad)), undefined, String(bad));
    assert.equal(yearsBefore('2026-11-26', 1), '2025-11-26');
    assert.equal(yearsBefore('2028-02-29', 1), '2027-02-29');
  });

  it('the example unit: findings of these rules (reported to the lead: its risk assessments of 2024-09-20 are more than a year before 2026-11-26)', () => {
    const service = createStewardService({ rules: SECURITY_RULES, today: TODAY });
    const ids = new Set(SECURITY_RULES.map((rule) => rule.meta.id));
    const dir = path.join(ROOT, 'examples', 'transport-bureau');
    const found: string[] = [];
    for (const file of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()) {
      const findings = service
        .validate(file, fs.readFileSync(path.join(dir, file), 'utf8'))
        .findings.filter((f) => ids.has(f.ruleId));
      found.push(...findings.map((f) => `${file}:${f.range.start.line + 1} ${f.ruleId} ${f.severity}`));
    }
    // The register states its own "as of" date (2024-12-31), so the assessments' age is judged on that day.
    assert.deepEqual(found, []);
    const asOf = createStewardService({ rules: SECURITY_RULES, today: '2024-12-31' });
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const findings = asOf
        .validate(file, fs.readFileSync(path.join(dir, file), 'utf8'))
        .findings.filter((f) => ids.has(f.ruleId));
      assert.deepEqual(
        findings.map((f) => `${file}:${f.range.start.line + 1} ${f.message.en}`),
        [],
      );
    }
  });
});
