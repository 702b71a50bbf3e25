import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspectionRecordRule } from '../server/src/service/rules/supervision/high-grade-needs-inspection';
import { inspectionDateRule } from '../server/src/service/rules/supervision/no-future-inspection-date';
import { annualReportRule } from '../server/src/service/rules/reporting/asset-in-annual-report';
import { supervisingDepartmentRule } from '../server/src/service/rules/unit/unit-needs-supervising-department';
import { responsiblePersonRule } from '../server/src/service/rules/unit/unit-needs-responsible-person';
import { createStewardService } from '../server/src/service';
import { catalog, register, ruleFindings, ruleTester } from './rule-tester';
import { ROOT } from './helpers';
import type { Rule } from '../server/src/service/rules/rule';
import { ruleCitation } from '../server/src/service/rules/report';

const OVERSIGHT_RULES: Rule[] = [
  inspectionRecordRule,
  inspectionDateRule,
  annualReportRule,
  supervisingDepartmentRule,
  responsiblePersonRule,
];

/** An asset of the given grade on lines 9–14; what follows starts on line 15. */
function asset(grade = '重要数据'): string {
  return `  - id: DA-2024-0003
    name: 巡游出租汽车营运数据集
    resource: R-330100-JT-0003
    classificationCode: A08060201
    securityGrade: ${grade}
    acquisition: { method: 自主采集 }
`;
}

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

// ------------------------------------------------------------------------------------------------ DA-SUP-001

const INSPECTED = '    inspections:\n      - { date: 2024-06-18, kind: 日常, inspector: 科技信息处 }\n';
const DISPOSED = '    disposal: { method: 销毁, decision: { ref: D-1 }, approval: { ref: A-1 } }\n';

ruleTester(inspectionRecordRule, {
  valid: [
    { name: 'important data with an inspection', code: register(`${asset()}${INSPECTED}`) },
    { name: 'near miss: general data', code: register(asset('一般数据')) },
    { name: 'near miss: a disposed asset is no longer held', code: register(`${asset('核心数据')}${DISPOSED}`) },
    {
      name: "inspections that are not a list are the schema's case",
      code: register(`${asset()}    inspections: 每季度检查\n`),
    },
    {
      name: 'a catalog resource is not checked',
      code: catalog(`  - id: R-330100-JT-0003\n    name: 甲\n    securityGrade: 核心数据\n`),
    },
  ],
  invalid: [
    {
      name: 'important data without inspections: info at the asset',
      code: register(asset()),
      errors: [{ messageId: 'none', line: 9, column: 5, severity: 'info' }],
    },
    {
      name: 'an empty list, and an empty key, are no record',
      code: register(`${asset('核心数据')}    inspections: []\n\n${asset()}    inspections:   # 待补\n`),
      errors: [
        { messageId: 'none', line: 9, column: 5, severity: 'info' },
        { messageId: 'none', line: 17, column: 5, severity: 'info' },
      ],
    },
    {
      name: 'a flow asset; CRLF',
      code: crlf(register('  - { id: DA-2024-0004, name: 路网视频, securityGrade: 重要数据 }\n')),
      errors: [{ messageId: 'none', line: 9, column: 7, severity: 'info' }],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-SUP-002

ruleTester(inspectionDateRule, {
  valid: [
    {
      name: 'inspected today and before',
      code: register(
        `${asset()}    inspections:\n      - { date: 2026-11-26, kind: 专项 }\n      - { date: 2024-06-18, kind: 日常 }\n`,
      ),
    },
    {
      name: "a placeholder or an impossible date is the schema's case",
      code: register(
        `${asset()}    inspections:\n      - { date: 待填写, kind: 专项 }\n      - { date: 2027-02-30, kind: 日常 }\n`,
      ),
    },
  ],
  invalid: [
    {
      name: 'a planned inspection written as a record: a warning at its date',
      code: register(`${asset()}    inspections:\n      - date: 2027-03-01   # 计划中的专项检查\n        kind: 专项\n`),
      errors: [{ messageId: 'future', line: 16, column: 15, severity: 'warning' }],
    },
    {
      name: 'one day after today, quoted, among valid ones; CRLF',
      code: crlf(
        register(
          `${asset()}    inspections:\n      - { date: 2024-06-18, kind: 日常 }\n      - { date: "2026-11-27", kind: 专项 }\n`,
        ),
      ),
      errors: [{ messageId: 'future', line: 17, column: 17, severity: 'warning' }],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-RPT-001

/** The asset registered on `date` (line 15–16), then `after`. */
function registered(date: string, after = ''): string {
  return register(
    `${asset('一般数据')}    registration: { cardNumber: ZCKP-330100-2024-0003, date: ${date} }\n${after}`,
  );
}

ruleTester(annualReportRule, {
  valid: [
    { name: 'registered this year: no annual report is due yet', code: registered('2026-03-29') },
    {
      name: 'registered in 2024 and reported every year since',
      code: registered('2024-03-29', '    reporting:\n      years: [2024, 2025]\n'),
    },
    {
      name: 'registered in 2019: the reports before 2024 are not asked for (clause 11 dates from 2024)',
      code: registered('2019-06-30', '    reporting: { years: [2024, 2025] }\n'),
    },
    {
      name: 'disposed of in 2024: reported up to the disposal year',
      code: registered(
        '2023-03-29',
        '    disposal: { method: 销毁, date: 2024-10-25 }\n    reporting: { years: [2024] }\n',
      ),
    },
    {
      name: 'no registration date: nothing to compare',
      code: register(`${asset()}    registration: { cardNumber: ZCKP-330100-2024-0003 }\n`),
    },
    {
      name: "a reporting block without years is the schema's case",
      code: registered('2024-03-29', '    reporting: {}\n'),
    },
  ],
  invalid: [
    {
      name: 'registered in 2023, reported only for 2023, checked in 2026 (passed before)',
      code: registered('2023-05-10', '    reporting: { years: [2023] }\n'),
      errors: [{ messageId: 'missingYears', line: 16, column: 25 }],
    },
    {
      name: 'registered in 2024, no reporting block: at the asset',
      code: registered('2024-03-29'),
      errors: [{ messageId: 'noReporting', line: 9, column: 5 }],
    },
    {
      name: 'a year in between is missing',
      code: registered('2024-03-29', '    reporting:\n      years: [2025]   # 2024 年漏报\n'),
      errors: [{ messageId: 'missingYears', line: 17, column: 14 }],
    },
    {
      name: 'an empty reporting key is no record; CRLF',
      code: crlf(registered('2025-12-31', '    reporting:\n')),
      errors: [{ messageId: 'noReporting', line: 9, column: 5 }],
    },
    {
      name: 'a block list of years',
      code: registered('2024-03-29', '    reporting:\n      years:\n        - 2023\n'),
      errors: [{ messageId: 'missingYears', line: 18, column: 9 }],
    },
  ],
});

describe('DA-RPT-001: the years due follow the injected date', () => {
  const code = registered('2023-05-10', '    reporting: { years: [2023, 2024] }\n');
  it('as of 2025-06-30 the 2024 report is the last due: complete', () => {
    assert.deepEqual(ruleFindings(annualReportRule, code, { today: '2025-06-30' }), []);
  });
  it('as of 2026-01-01 the 2025 report is due too', () => {
    const [finding] = ruleFindings(annualReportRule, code, { today: '2026-01-01' });
    assert.deepEqual(finding.data?.missing, [2025]);
  });
  it("a document's asOf date is the date it is checked as of", () => {
    const asOf = code.replace('kind: DataAssetRegister', 'kind: DataAssetRegister\nasOf: 2025-12-31');
    assert.deepEqual(ruleFindings(annualReportRule, asOf, { today: '2030-01-01' }), []);
  });
});

// ------------------------------------------------------------------------------------------------ DA-UNIT-003

/** A register whose `unit:` block (from line 3) is `unit`, then one asset. */
function withUnit(unit: string, kind = 'DataAssetRegister'): string {
  const list = kind === 'DataAssetRegister' ? 'assets' : 'resources';
  return `apiVersion: steward/v1\nkind: ${kind}\n${unit}${list}: []\n`;
}

const UNIT = `unit:
  name: 某市交通运输信息中心
  code: 123301004703621533
  type: 事业单位
`;

const BUREAU = `unit:
  name: 某市交通运输局
  code: 113301000025391739
  type: 行政单位
  supervisingDepartment: 某市人民政府
  responsible: { name: 王晓明, role: 数据资产管理员 }
`;

ruleTester(supervisingDepartmentRule, {
  valid: [
    { name: "the builders' unit has one", code: register(asset()) },
    {
      name: 'a later document of the same file for the same unit may leave it out',
      code: `${withUnit(BUREAU)}---\n${withUnit(BUREAU.replace('  supervisingDepartment: 某市人民政府\n', ''), 'DataResourceCatalog')}`,
    },
    {
      name: 'so may an earlier one',
      code: `${withUnit(BUREAU.replace('  supervisingDepartment: 某市人民政府\n', ''))}---\n${withUnit(BUREAU)}`,
    },
    {
      name: "no unit at all is the schema's case",
      code: 'apiVersion: steward/v1\nkind: DataAssetRegister\nassets: []\n',
    },
  ],
  invalid: [
    {
      name: 'a unit without it: at the unit key, inserted after its nested last entry, comments kept',
      code: withUnit(`${UNIT}  responsible:   # 信息中心
    name: 李华
`),
      errors: [{ messageId: 'missing', line: 3, column: 1 }],
      output: withUnit(`${UNIT}  responsible:   # 信息中心
    name: 李华
  supervisingDepartment: 待填写
`),
    },
    {
      name: 'a flow unit in a catalog',
      code: withUnit(
        'unit: { name: 某市交通运输信息中心, code: 123301004703621533, type: 事业单位 }\n',
        'DataResourceCatalog',
      ),
      errors: [{ messageId: 'missing', line: 3, column: 1 }],
      output: withUnit(
        'unit: { name: 某市交通运输信息中心, code: 123301004703621533, type: 事业单位, supervisingDepartment: 待填写 }\n',
        'DataResourceCatalog',
      ),
    },
    {
      name: 'an empty value is filled in place; CRLF',
      code: crlf(withUnit(`${UNIT}  supervisingDepartment:\n`)),
      errors: [{ messageId: 'missing', line: 3, column: 1 }],
      output: crlf(withUnit(`${UNIT}  supervisingDepartment: 待填写\n`)),
    },
    {
      name: 'another unit in the same file does not answer for this one',
      code: `${withUnit(BUREAU)}---\n${withUnit(UNIT)}`,
      errors: [{ messageId: 'missing', line: 13, column: 1 }],
      output: `${withUnit(BUREAU)}---\n${withUnit(`${UNIT}  supervisingDepartment: 待填写\n`)}`,
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-UNIT-004

ruleTester(responsiblePersonRule, {
  valid: [
    { name: 'a name', code: withUnit(`${UNIT}  responsible: { name: 李华 }\n`) },
    { name: 'a post only', code: withUnit(`${UNIT}  responsible:\n    role: 数据资产管理员\n`) },
    {
      name: 'named by another document of the same file for the same unit',
      code: `${withUnit(BUREAU)}---\n${withUnit(BUREAU.replace(/ {2}responsible:.*\n/, ''))}`,
    },
  ],
  invalid: [
    {
      name: 'no responsible: info at the unit key, no fix',
      code: withUnit(UNIT),
      errors: [{ messageId: 'missing', line: 3, column: 1, severity: 'info' }],
    },
    {
      name: 'a contact but neither name nor post: at the responsible key',
      code: withUnit(`${UNIT}  responsible:\n    department: 综合科\n    contact: 0571-00000000\n`),
      errors: [{ messageId: 'noNameOrRole', line: 7, column: 3, severity: 'info' }],
    },
    {
      name: 'another unit in the same file does not answer for this one; CRLF',
      code: crlf(`${withUnit(BUREAU)}---\n${withUnit(UNIT)}`),
      errors: [{ messageId: 'missing', line: 13, column: 1, severity: 'info' }],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ the family

const TODAY = '2026-11-26';

/** A docs example as a full register: an `assets:` fragment, or a `unit:` block. */

describe('oversight rules: supervision (10), reporting (11), responsibilities (1)', () => {
  it('declares ids, severities and clauses', () => {
    assert.deepEqual(
      OVERSIGHT_RULES.map((rule) => [
        rule.meta.id,
        rule.meta.severity,
        ruleCitation(rule.meta),
        typeof rule.checkItem,
        typeof rule.checkDocument,
      ]),
      [
        ['DA-SUP-001', 'info', '财资〔2024〕1号 (10); 实务 (practice)', 'function', 'undefined'],
        ['DA-SUP-002', 'warning', '财资〔2024〕1号 (10)', 'function', 'undefined'],
        ['DA-RPT-001', 'info', '财资〔2024〕1号 (11)', 'function', 'undefined'],
        ['DA-UNIT-003', 'warning', '财资〔2024〕1号 (1)', 'undefined', 'function'],
        ['DA-UNIT-004', 'info', '财资〔2024〕1号 (1)', 'undefined', 'function'],
      ],
    );
  });

  it('messages say what is missing, in both languages, with paths', () => {
    const [report] = ruleFindings(annualReportRule, registered('2024-03-29', '    reporting: { years: [2023] }\n'));
    assert.equal(
      report.message['zh-CN'],
      '资产“巡游出租汽车营运数据集”于 2024 年登记，报告年度（2023）缺少 2024, 2025：自登记年度（最早 2024 年）起，到上一个已结束的年度为止，每年的国有资产年度报告都应包含它。请将它纳入这些年度的报告，并在报告年度（reporting.years）中写明',
    );
    assert.equal(
      report.message.en,
      'Asset "巡游出租汽车营运数据集" was registered in 2024, but its report years (2023) lack 2024, 2025: every annual state-owned asset report from its registration year (2024 at the earliest) up to the last completed year includes it. Include it in those reports and list the years in reporting.years',
    );
    assert.equal(report.path, '/assets/0/reporting/years');
    const [unit] = ruleFindings(supervisingDepartmentRule, withUnit(UNIT));
    assert.equal(
      unit.message['zh-CN'],
      '单位“某市交通运输信息中心”没有写明主管部门（unit.supervisingDepartment）：各部门负责本部门所属单位数据资产的监督管理，请填写指导和监督本单位的主管部门',
    );
    assert.equal(unit.path, '/unit/supervisingDepartment');
    const [inspection] = ruleFindings(
      inspectionDateRule,
      register(`${asset()}    inspections: [{ date: 2027-01-05, kind: 专项 }]\n`),
    );
    assert.equal(inspection.path, '/assets/0/inspections/0/date');
    assert.equal(
      inspection.message.en,
      'An inspection of asset "巡游出租汽车营运数据集" is dated 2027-01-05, after today (2026-11-26): record only inspections that took place, not planned ones; check the date',
    );
  });

  it('the example unit: findings of these rules (reported to the lead: DA-2024-0004, 重要数据, has no inspection record)', () => {
    const service = createStewardService({ rules: OVERSIGHT_RULES, today: TODAY });
    const ids = new Set(OVERSIGHT_RULES.map((rule) => rule.meta.id));
    const dir = path.join(ROOT, 'examples', 'transport-bureau');
    const found: string[] = [];
    for (const file of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()) {
      const findings = service
        .validate(file, fs.readFileSync(path.join(dir, file), 'utf8'))
        .findings.filter((f) => ids.has(f.ruleId));
      found.push(...findings.map((f) => `${file}:${f.range.start.line + 1} ${f.ruleId}`));
    }
    assert.deepEqual(found, []);
  });
});
