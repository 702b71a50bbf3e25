import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { budgetReferenceRule } from '../server/src/service/rules/acquisition/purchase-needs-budget-reference';
import { procurementRecordRule } from '../server/src/service/rules/acquisition/government-procurement-needs-record';
import { procurementStatedRule } from '../server/src/service/rules/acquisition/purchase-needs-procurement-statement';
import { createStewardService } from '../server/src/service';
import { applyFixes, catalog, register, ruleFindings, ruleTester } from './rule-tester';
import { ROOT } from './helpers';
import type { Rule } from '../server/src/service/rules/rule';
import { ruleCitation } from '../server/src/service/rules/report';

const ACQUISITION_RULES: Rule[] = [budgetReferenceRule, procurementRecordRule, procurementStatedRule];

/** An asset on lines 9–13; `rest` (its acquisition) starts on line 14. */
function asset(rest: string, id = 'DA-2024-0005', name = '公共交通客流起讫点分析数据集'): string {
  return `  - id: ${id}
    name: ${name}
    resource: R-330100-JT-0005
    classificationCode: A08060201
    securityGrade: 一般数据
${rest}`;
}

const BUDGET = '      budgetReference: 2024-330100-JT-XM-017\n';
const NOT_PROCURED = '      governmentProcurement: { applies: false }\n';
const PROCURED = '      governmentProcurement: { applies: true, ref: ZFCG-330100-2024-0231 }\n';

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

// ------------------------------------------------------------------------------------------------ DA-ACQ-001

ruleTester(budgetReferenceRule, {
  valid: [
    {
      name: 'a purchase with its budget reference',
      code: register(asset(`    acquisition:\n      method: 购置\n${BUDGET}${PROCURED}`)),
    },
    {
      name: 'a flow acquisition with a numeric budget reference',
      code: register(
        asset(
          '    acquisition: { method: 购置, budgetReference: 20240017, governmentProcurement: { applies: false } }\n',
        ),
      ),
    },
    {
      name: 'near miss: collected data needs no budget reference',
      code: register(asset('    acquisition:\n      method: 自主采集\n')),
    },
    { name: 'near miss: produced and processed', code: register(asset('    acquisition: { method: 生产加工 }\n')) },
    { name: "no acquisition block is the schema's finding", code: register(asset('')) },
    {
      name: 'a catalog is not checked',
      code: catalog('  - id: R-330100-JT-0005\n    name: 甲\n    acquisition: { method: 购置 }\n'),
    },
  ],
  invalid: [
    {
      name: "the invalid example's case: the reference goes beside method and date, before the nested block",
      code: register(
        asset(`    acquisition:
      method: 购置
      date: 2024-05-06
      governmentProcurement:
        applies: false        # 金额低于集中采购限额
    registration:
      cardNumber: ZCKP-330100-2024-9201
`),
      ),
      errors: [{ messageId: 'missing', line: 14, column: 5 }],
      output: register(
        asset(`    acquisition:
      method: 购置
      date: 2024-05-06
      budgetReference: 待填写
      governmentProcurement:
        applies: false        # 金额低于集中采购限额
    registration:
      cardNumber: ZCKP-330100-2024-9201
`),
      ),
    },
    {
      name: 'a flow acquisition gains the reference inside its braces',
      code: register(asset('    acquisition: { method: 购置, date: 2024-03-28 }   # 外购\n')),
      errors: [{ messageId: 'missing', line: 14, column: 5 }],
      output: register(
        asset('    acquisition: { method: 购置, date: 2024-03-28, budgetReference: 待填写 }   # 外购\n'),
      ),
    },
    {
      name: 'an empty reference key is filled in place, CRLF kept',
      code: crlf(register(asset(`    acquisition:\n      method: 购置\n      budgetReference:\n${NOT_PROCURED}`))),
      errors: [{ messageId: 'missing', line: 14, column: 5 }],
      output: crlf(
        register(asset(`    acquisition:\n      method: 购置\n      budgetReference: 待填写\n${NOT_PROCURED}`)),
      ),
    },
    {
      name: 'a quoted method is still a purchase; only the second asset is reported',
      code: register(
        asset(`    acquisition:\n      method: 自主采集\n`) +
          asset(`    acquisition:\n      method: "购置"\n${NOT_PROCURED}`, 'DA-2024-0006', '网约车订单数据集'),
      ),
      errors: [{ messageId: 'missing', line: 21, column: 5 }],
      output: register(
        asset(`    acquisition:\n      method: 自主采集\n`) +
          asset(
            `    acquisition:\n      method: "购置"\n      budgetReference: 待填写\n${NOT_PROCURED}`,
            'DA-2024-0006',
            '网约车订单数据集',
          ),
      ),
    },
    {
      name: 'a file that ends on the method line gains a line break first',
      code: register(asset('    acquisition:\n      method: 购置   # 外购')),
      errors: [{ messageId: 'missing', line: 14, column: 5 }],
      output: register(asset('    acquisition:\n      method: 购置   # 外购\n      budgetReference: 待填写\n')),
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-ACQ-002

ruleTester(procurementRecordRule, {
  valid: [
    {
      name: 'procurement with its record',
      code: register(asset(`    acquisition:\n      method: 购置\n${BUDGET}${PROCURED}`)),
    },
    {
      name: 'near miss: procurement does not apply',
      code: register(asset(`    acquisition:\n      method: 购置\n${BUDGET}${NOT_PROCURED}`)),
    },
    {
      name: "near miss: applies written as text is the schema's type error",
      code: register(
        asset(`    acquisition:\n      method: 购置\n${BUDGET}      governmentProcurement: { applies: "true" }\n`),
      ),
    },
    { name: 'no procurement block', code: register(asset(`    acquisition:\n      method: 购置\n${BUDGET}`)) },
  ],
  invalid: [
    {
      name: 'a block without record: it goes under applies, the comment stays',
      code: register(
        asset(`    acquisition:
      method: 购置
${BUDGET}      governmentProcurement:
        applies: true   # 属集中采购目录
    registration: { cardNumber: ZCKP-1 }
`),
      ),
      errors: [{ messageId: 'missing', line: 17, column: 7 }],
      output: register(
        asset(`    acquisition:
      method: 购置
${BUDGET}      governmentProcurement:
        applies: true   # 属集中采购目录
        ref: 待填写
    registration: { cardNumber: ZCKP-1 }
`),
      ),
    },
    {
      name: 'a flow block nested in a flow acquisition',
      code: register(
        asset('    acquisition: { method: 购置, budgetReference: XM-017, governmentProcurement: { applies: true } }\n'),
      ),
      errors: [{ messageId: 'missing', line: 14, column: 57 }],
      output: register(
        asset(
          '    acquisition: { method: 购置, budgetReference: XM-017, governmentProcurement: { applies: true, ref: 待填写 } }\n',
        ),
      ),
    },
    {
      name: 'an empty ref is filled in place, CRLF kept',
      code: crlf(
        register(
          asset(
            `    acquisition:\n      method: 购置\n${BUDGET}      governmentProcurement:\n        applies: true\n        ref:\n`,
          ),
        ),
      ),
      errors: [{ messageId: 'missing', line: 17, column: 7 }],
      output: crlf(
        register(
          asset(
            `    acquisition:\n      method: 购置\n${BUDGET}      governmentProcurement:\n        applies: true\n        ref: 待填写\n`,
          ),
        ),
      ),
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-ACQ-003

ruleTester(procurementStatedRule, {
  valid: [
    {
      name: 'a purchase that says procurement does not apply',
      code: register(asset(`    acquisition:\n      method: 购置\n${BUDGET}${NOT_PROCURED}`)),
    },
    {
      name: 'a purchase under procurement',
      code: register(
        asset(
          `    acquisition: { method: 购置, budgetReference: XM-017, governmentProcurement: { applies: true, ref: ZFCG-1 } }\n`,
        ),
      ),
    },
    { name: 'near miss: collected data', code: register(asset('    acquisition: { method: 自主采集 }\n')) },
    {
      name: "an empty procurement key is the schema's type error, not a missing statement",
      code: register(asset(`    acquisition:\n      method: 购置\n${BUDGET}      governmentProcurement:\n`)),
    },
  ],
  invalid: [
    {
      name: 'a purchase that does not say: information at the method, no fix',
      code: register(asset(`    acquisition:\n      method: 购置     # 外购\n${BUDGET}`)),
      errors: [{ messageId: 'unstated', line: 15, column: 15, severity: 'info' }],
    },
    {
      name: 'a flow acquisition',
      code: register(asset('    acquisition: { method: 购置, budgetReference: XM-017 }\n')),
      errors: [{ messageId: 'unstated', line: 14, column: 28, severity: 'info' }],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ the family

/** A docs example (an `assets:` fragment) as a full register. */

const TODAY = '2026-11-26';

describe('acquisition rules (财资〔2024〕1号 (3))', () => {
  it('declares ids, severities, clauses and the schema paths it replaces', () => {
    assert.deepEqual(
      ACQUISITION_RULES.map((rule) => [
        rule.meta.id,
        rule.meta.severity,
        ruleCitation(rule.meta),
        rule.meta.replacesSchemaAt ?? [],
      ]),
      [
        ['DA-ACQ-001', 'error', '财资〔2024〕1号 (3)', ['/assets/*/acquisition/budgetReference']],
        [
          'DA-ACQ-002',
          'error',
          '财资〔2024〕1号 (3); 《政府采购法》',
          ['/assets/*/acquisition/governmentProcurement/ref'],
        ],
        ['DA-ACQ-003', 'info', '财资〔2024〕1号 (3); 《政府采购法》', []],
      ],
    );
  });

  it("replaces the schema's missing-field findings for the budget and the procurement record, and only those", () => {
    const text = register(
      asset('    acquisition:\n      method: 购置\n      governmentProcurement:\n        applies: true\n'),
    );
    const paths = ['/assets/0/acquisition/budgetReference', '/assets/0/acquisition/governmentProcurement/ref'];
    const schemaOnly = createStewardService({ rules: [], workspaceRules: [], today: TODAY }).validate(
      'a.assets.yaml',
      text,
    ).findings;
    assert.deepEqual(
      schemaOnly.map((f) => [f.ruleId, f.path]),
      paths.map((p) => ['DA-SCHEMA-001', p]),
    );
    const findings = createStewardService({ rules: ACQUISITION_RULES, workspaceRules: [], today: TODAY }).validate(
      'a.assets.yaml',
      text,
    ).findings;
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.path]),
      [
        ['DA-ACQ-001', paths[0]],
        ['DA-ACQ-002', paths[1]],
      ],
    );
    // Both fixes at once: the budget reference beside the method, the record inside the procurement block.
    assert.equal(
      applyFixes(text, findings),
      register(
        asset(
          '    acquisition:\n      method: 购置\n      budgetReference: 待填写\n      governmentProcurement:\n        applies: true\n        ref: 待填写\n',
        ),
      ),
    );
  });

  it('messages name the asset in both languages', () => {
    const [finding] = ruleFindings(budgetReferenceRule, register(asset('    acquisition: { method: 购置 }\n')));
    assert.equal(
      finding.message['zh-CN'],
      '资产“公共交通客流起讫点分析数据集”通过购置取得，但没有预算依据（acquisition.budgetReference）：请写明预算项目编号或预算批复文号',
    );
    assert.equal(
      finding.message.en,
      'Asset "公共交通客流起讫点分析数据集" was purchased (购置) but cites no budget reference (acquisition.budgetReference): give the budget item number or the budget approval number',
    );
    assert.deepEqual(finding.data, { messageId: 'missing', asset: 'DA-2024-0005', field: 'budgetReference' });
  });

  it('the example unit gives no finding of these rules', () => {
    const service = createStewardService({ rules: ACQUISITION_RULES, today: TODAY });
    const ids = new Set(ACQUISITION_RULES.map((rule) => rule.meta.id));
    const dir = path.join(ROOT, 'examples', 'transport-bureau');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    assert.ok(files.includes('transport.assets.yaml'));
    for (const file of files) {
      const findings = service
        .validate(file, fs.readFileSync(path.join(dir, file), 'utf8'))
        .findings.filter((f) => ids.has(f.ruleId));
      assert.deepEqual(
        findings.map((f) => `${file}:${f.range.start.line + 1} ${f.message.en}`),
        [],
      );
    }
  });

  it('the invalid example of a purchase without budget is reported by DA-ACQ-001 instead of the schema', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'invalid', 'purchase-without-budget.assets.yaml'), 'utf8');
    const findings = createStewardService({ rules: ACQUISITION_RULES, workspaceRules: [], today: TODAY }).validate(
      'purchase-without-budget.assets.yaml',
      text,
    ).findings;
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.path, f.range.start.line + 1]),
      [['DA-ACQ-001', '/assets/0/acquisition/budgetReference', 21]],
    );
  });
});
