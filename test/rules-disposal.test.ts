import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { disposalDecisionRule } from '../server/src/service/rules/disposal/disposal-needs-collective-decision';
import { disposalApprovalRule } from '../server/src/service/rules/disposal/disposal-needs-approval';
import { destructionRecordRule } from '../server/src/service/rules/disposal/destruction-needs-record';
import { irrecoverableRule } from '../server/src/service/rules/disposal/destruction-irrecoverable';
import { destructionDetailsRule } from '../server/src/service/rules/disposal/destruction-needs-technique-and-verifier';
import { disposalOrderRule } from '../server/src/service/rules/disposal/disposal-steps-in-order';
import { createStewardService } from '../server/src/service';
import { catalog, register, ruleFindings, ruleTester } from './rule-tester';
import { ROOT } from './helpers';
import type { Rule } from '../server/src/service/rules/rule';
import { ruleCitation } from '../server/src/service/rules/report';

const DISPOSAL_RULES: Rule[] = [
  disposalDecisionRule,
  disposalApprovalRule,
  destructionRecordRule,
  irrecoverableRule,
  destructionDetailsRule,
  disposalOrderRule,
];

/** An asset on lines 9–14; what follows starts on line 15. */
const ASSET = `  - id: DA-2019-0007
    name: 公交IC卡历史交易明细
    resource: R-330100-JT-0001
    classificationCode: A08060201
    securityGrade: 一般数据
    acquisition: { method: 自主采集 }
`;

const DECISION = '      decision: { ref: 局务会纪要〔2024〕18号, date: 2024-09-27 }\n';
const APPROVAL = '      approval: { ref: 某财资〔2024〕88号, date: 2024-10-15 }\n';
const DESTRUCTION = `      destruction:
        irrecoverable: true
        technique: 存储介质多次覆写后消磁
        verifiedBy: 科技信息处
`;

/** The asset with a `disposal:` block (line 15) holding `lines` (from line 16). */
function disposal(lines: string, after = ''): string {
  return register(`${ASSET}    disposal:\n${lines}${after}`);
}

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

// ------------------------------------------------------------------------------------------------ DA-DISP-001

ruleTester(disposalDecisionRule, {
  valid: [
    { name: 'a disposal with decision and approval', code: disposal(`      method: 无偿划转\n${DECISION}${APPROVAL}`) },
    { name: 'an asset never disposed of', code: register(ASSET) },
    {
      name: 'a catalog is not checked',
      code: catalog(`  - id: R-330100-JT-0001\n    name: 甲\n    disposal: { method: 销毁 }\n`),
    },
  ],
  invalid: [
    {
      name: 'a block without decision: it goes after the last entry, comments and the next key kept',
      code: disposal(
        `      method: 无偿划转   # 划转至市大数据管理局
      date: 2024-11-20
${APPROVAL}`,
        '    security:\n      protectionLevel: 第二级\n',
      ),
      errors: [{ messageId: 'missing', line: 15, column: 5 }],
      output: disposal(
        `      method: 无偿划转   # 划转至市大数据管理局
      date: 2024-11-20
${APPROVAL}      decision:
        ref: 待填写
        date: 待填写
`,
        '    security:\n      protectionLevel: 第二级\n',
      ),
    },
    {
      name: 'a flow disposal gains a flow decision',
      code: register(`${ASSET}    disposal: { method: 转让, approval: { ref: 某财资〔2024〕90号 } }\n`),
      errors: [{ messageId: 'missing', line: 15, column: 5 }],
      output: register(
        `${ASSET}    disposal: { method: 转让, approval: { ref: 某财资〔2024〕90号 }, decision: { ref: 待填写, date: 待填写 } }\n`,
      ),
    },
    {
      name: 'an empty decision key is filled below it, its comment kept, CRLF',
      code: crlf(disposal(`      method: 报废\n      decision:   # 见会议纪要\n${APPROVAL}`)),
      errors: [{ messageId: 'missing', line: 15, column: 5 }],
      output: crlf(
        disposal(
          `      method: 报废\n      decision:   # 见会议纪要\n        ref: 待填写\n        date: 待填写\n${APPROVAL}`,
        ),
      ),
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-DISP-002

ruleTester(disposalApprovalRule, {
  valid: [
    { name: 'a disposal with its approval', code: disposal(`      method: 对外捐赠\n${DECISION}${APPROVAL}`) },
    { name: 'an asset never disposed of', code: register(ASSET) },
  ],
  invalid: [
    {
      name: "the invalid example's case: a free transfer without approval",
      code: disposal(`      method: 无偿划转\n      date: 2024-11-20\n${DECISION}`),
      errors: [{ messageId: 'missing', line: 15, column: 5 }],
      output: disposal(
        `      method: 无偿划转\n      date: 2024-11-20\n${DECISION}      approval:\n        ref: 待填写\n`,
      ),
    },
    {
      name: 'flow style, CRLF',
      code: crlf(register(`${ASSET}    disposal: { method: 置换, decision: { ref: 纪要-7 } }   # 与省厅置换\n`)),
      errors: [{ messageId: 'missing', line: 15, column: 5 }],
      output: crlf(
        register(
          `${ASSET}    disposal: { method: 置换, decision: { ref: 纪要-7 }, approval: { ref: 待填写 } }   # 与省厅置换\n`,
        ),
      ),
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-DISP-003

ruleTester(destructionRecordRule, {
  valid: [
    {
      name: 'a destruction with its record',
      code: disposal(`      method: 销毁\n${DECISION}${APPROVAL}${DESTRUCTION}`),
    },
    {
      name: 'near miss: a transfer needs no destruction record',
      code: disposal(`      method: 无偿划转\n${DECISION}${APPROVAL}`),
    },
    { name: 'no method: the schema reports it', code: disposal(`${DECISION}${APPROVAL}`) },
  ],
  invalid: [
    {
      name: 'destroyed without a record: placeholders only, never irrecoverable: true',
      code: disposal(`      method: 销毁\n${DECISION}${APPROVAL}`, '    reporting:\n      years: [2024]\n'),
      errors: [{ messageId: 'missing', line: 15, column: 5 }],
      output: disposal(
        `      method: 销毁\n${DECISION}${APPROVAL}      destruction:
        irrecoverable: 待填写
        technique: 待填写
        verifiedBy: 待填写
`,
        '    reporting:\n      years: [2024]\n',
      ),
    },
    {
      name: 'deleted, flow style with a double-quoted method',
      code: register(`${ASSET}    disposal: { method: "删除", decision: { ref: D-1 }, approval: { ref: A-1 } }\n`),
      errors: [{ messageId: 'missing', line: 15, column: 5 }],
      output: register(
        `${ASSET}    disposal: { method: "删除", decision: { ref: D-1 }, approval: { ref: A-1 }, destruction: { irrecoverable: 待填写, technique: 待填写, verifiedBy: 待填写 } }\n`,
      ),
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-DISP-004

ruleTester(irrecoverableRule, {
  valid: [
    { name: 'irrecoverable: true', code: disposal(`      method: 销毁\n${DECISION}${APPROVAL}${DESTRUCTION}`) },
    {
      name: 'no destruction record (DA-DISP-003 reports it)',
      code: disposal(`      method: 销毁\n${DECISION}${APPROVAL}`),
    },
    {
      name: "irrecoverable absent: the schema's missing required field",
      code: disposal(`      method: 销毁\n${DECISION}${APPROVAL}      destruction: { technique: 消磁 }\n`),
    },
  ],
  invalid: [
    {
      name: 'false: the data can still be restored',
      code: disposal(
        `      method: 删除\n${DECISION}${APPROVAL}${DESTRUCTION.replace('irrecoverable: true', 'irrecoverable: false   # 仅逻辑删除')}`,
      ),
      errors: [{ messageId: 'recoverable', line: 20, column: 24 }],
    },
    {
      name: 'the placeholder a fix left is not a confirmation',
      code: disposal(
        `      method: 销毁\n${DECISION}${APPROVAL}      destruction: { irrecoverable: 待填写, technique: 消磁, verifiedBy: 信息处 }\n`,
      ),
      errors: [{ messageId: 'unconfirmed', line: 19, column: 37 }],
    },
    {
      name: 'a quoted "true" is text, not a confirmation; CRLF',
      code: crlf(
        disposal(
          `      method: 销毁\n${DECISION}${APPROVAL}${DESTRUCTION.replace('irrecoverable: true', 'irrecoverable: "true"')}`,
        ),
      ),
      errors: [{ messageId: 'unconfirmed', line: 20, column: 24 }],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-DISP-005

ruleTester(destructionDetailsRule, {
  valid: [
    {
      name: 'technique and verifier given',
      code: disposal(`      method: 销毁\n${DECISION}${APPROVAL}${DESTRUCTION}`),
    },
    { name: 'no destruction record', code: disposal(`      method: 销毁\n${DECISION}${APPROVAL}`) },
  ],
  invalid: [
    {
      name: 'a flow record with neither: one finding per field, both inserted',
      code: disposal(`      method: 销毁\n${DECISION}${APPROVAL}      destruction: { irrecoverable: true }\n`),
      errors: [
        { messageId: 'technique', line: 19, column: 7, severity: 'warning' },
        { messageId: 'verifiedBy', line: 19, column: 7, severity: 'warning' },
      ],
      output: disposal(
        `      method: 销毁\n${DECISION}${APPROVAL}      destruction: { irrecoverable: true, technique: 待填写, verifiedBy: 待填写 }\n`,
      ),
    },
    {
      name: 'a block record without verifier, comment kept',
      code: disposal(`      method: 销毁\n${DECISION}${APPROVAL}      destruction:
        irrecoverable: true
        technique: 物理粉碎   # 备份磁带
    security:
      protectionLevel: 第三级
`),
      errors: [{ messageId: 'verifiedBy', line: 19, column: 7, severity: 'warning' }],
      output: disposal(`      method: 销毁\n${DECISION}${APPROVAL}      destruction:
        irrecoverable: true
        technique: 物理粉碎   # 备份磁带
        verifiedBy: 待填写
    security:
      protectionLevel: 第三级
`),
    },
    {
      name: 'an empty technique is filled in place, CRLF',
      code: crlf(
        disposal(
          `      method: 删除\n${DECISION}${APPROVAL}      destruction:\n        irrecoverable: true\n        technique:\n        verifiedBy: 科技信息处\n`,
        ),
      ),
      errors: [{ messageId: 'technique', line: 19, column: 7, severity: 'warning' }],
      output: crlf(
        disposal(
          `      method: 删除\n${DECISION}${APPROVAL}      destruction:\n        irrecoverable: true\n        technique: 待填写\n        verifiedBy: 科技信息处\n`,
        ),
      ),
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-DISP-006

ruleTester(disposalOrderRule, {
  valid: [
    {
      name: 'decision, approval, disposal in order',
      code: disposal(`      method: 销毁\n      date: 2024-10-25\n${DECISION}${APPROVAL}${DESTRUCTION}`),
    },
    {
      name: 'the same day is in order',
      code: disposal(
        `      method: 转让\n      date: 2024-10-15\n      decision: { ref: D-1, date: 2024-10-15 }\n      approval: { ref: A-1, date: 2024-10-15 }\n`,
      ),
    },
    {
      name: 'dates missing or not yet filled in are not compared',
      code: disposal(
        `      method: 转让\n      date: 2024-01-01\n      decision: { ref: D-1, date: 待填写 }\n      approval: { ref: A-1 }\n`,
      ),
    },
  ],
  invalid: [
    {
      name: 'approved before the decision',
      code: disposal(
        `      method: 无偿划转\n${DECISION}      approval: { ref: 某财资〔2024〕88号, date: 2024-09-20 }\n`,
      ),
      errors: [{ messageId: 'approvalBeforeDecision', line: 18, column: 44, severity: 'warning' }],
    },
    {
      name: 'disposed of before the approval',
      code: disposal(`      method: 无偿划转\n      date: 2024-10-08   # 先划转后补批\n${DECISION}${APPROVAL}`),
      errors: [{ messageId: 'disposalBeforeApproval', line: 17, column: 13, severity: 'warning' }],
    },
    {
      name: 'no approval date: disposed of before the decision; CRLF',
      code: crlf(
        disposal(
          `      method: 报损\n      date: 2024-09-01\n${DECISION}      approval: { ref: 某财资〔2024〕88号 }\n`,
        ),
      ),
      errors: [{ messageId: 'disposalBeforeDecision', line: 17, column: 13, severity: 'warning' }],
    },
    {
      name: 'both steps out of order: two findings',
      code: disposal(
        `      method: 销毁\n      date: 2024-09-01\n${DECISION}      approval:\n        ref: 某财资〔2024〕88号\n        date: "2024-09-10"\n`,
      ),
      errors: [
        { messageId: 'disposalBeforeApproval', line: 17, column: 13, severity: 'warning' },
        { messageId: 'approvalBeforeDecision', line: 21, column: 15, severity: 'warning' },
      ],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ the family

const TODAY = '2026-11-26';

/** A docs example (an `assets:` fragment) as a full register. */

describe('disposal rules (财资〔2024〕1号 (6))', () => {
  it('declares ids, severities and the schema paths it replaces', () => {
    assert.deepEqual(
      DISPOSAL_RULES.map((rule) => [
        rule.meta.id,
        rule.meta.severity,
        ruleCitation(rule.meta),
        rule.meta.replacesSchemaAt ?? [],
      ]),
      [
        ['DA-DISP-001', 'error', '财资〔2024〕1号 (6)', ['/assets/*/disposal/decision']],
        ['DA-DISP-002', 'error', '财资〔2024〕1号 (6)', ['/assets/*/disposal/approval']],
        ['DA-DISP-003', 'error', '财资〔2024〕1号 (6)', ['/assets/*/disposal/destruction']],
        ['DA-DISP-004', 'error', '财资〔2024〕1号 (6)', []],
        ['DA-DISP-005', 'warning', '财资〔2024〕1号 (6)', []],
        ['DA-DISP-006', 'warning', '财资〔2024〕1号 (6)', []],
      ],
    );
  });

  it("replaces the schema's missing-field findings for decision, approval and destruction, and only those", () => {
    const text = register(`${ASSET}    disposal:\n      method: 销毁\n`);
    const paths = ['/assets/0/disposal/decision', '/assets/0/disposal/approval', '/assets/0/disposal/destruction'];
    const schemaOnly = createStewardService({ rules: [], workspaceRules: [], today: TODAY }).validate(
      'a.assets.yaml',
      text,
    ).findings;
    assert.deepEqual(
      schemaOnly
        .filter((f) => f.ruleId === 'DA-SCHEMA-001')
        .map((f) => f.path)
        .sort(),
      [...paths].sort(),
    );
    const findings = createStewardService({ rules: DISPOSAL_RULES, workspaceRules: [], today: TODAY }).validate(
      'a.assets.yaml',
      text,
    ).findings;
    assert.deepEqual(
      findings.filter((f) => f.ruleId.startsWith('DA-SCHEMA')),
      [],
    );
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.path]),
      [
        ['DA-DISP-001', paths[0]],
        ['DA-DISP-002', paths[1]],
        ['DA-DISP-003', paths[2]],
      ],
    );
  });

  it('the fix for a missing destruction record leaves the facts to the steward (DA-DISP-004 asks for them)', () => {
    const text = disposal(`      method: 销毁\n${DECISION}${APPROVAL}`);
    const [finding] = ruleFindings(destructionRecordRule, text);
    assert.ok(finding.fix);
    assert.doesNotMatch(finding.fix.edits.map((e) => e.newText).join(''), /true/);
    const fixed = `${text}      destruction:\n        irrecoverable: 待填写\n        technique: 待填写\n        verifiedBy: 待填写\n`;
    assert.deepEqual(
      ruleFindings(irrecoverableRule, fixed).map((f) => f.data?.messageId),
      ['unconfirmed'],
    );
  });

  it('messages name the asset and the dates in both languages', () => {
    const text = disposal(`      method: 无偿划转\n      date: 2024-10-08\n${DECISION}${APPROVAL}`);
    const [finding] = ruleFindings(disposalOrderRule, text);
    assert.equal(finding.message['zh-CN'], '处置日期 2024-10-08 早于审批日期 2024-10-15：应在取得处置批复后再处置');
    assert.equal(
      finding.message.en,
      'The disposal is dated 2024-10-08, before its approval of 2024-10-15: an asset is disposed of only once the approval is given',
    );
    assert.equal(finding.path, '/assets/0/disposal/date');
    const [missing] = ruleFindings(disposalApprovalRule, disposal(`      method: 无偿划转\n${DECISION}`));
    assert.match(missing.message['zh-CN'], /^资产“公交IC卡历史交易明细”的处置没有审批文件/);
  });

  it('the example unit gives no finding of these rules', () => {
    const service = createStewardService({ rules: DISPOSAL_RULES, today: TODAY });
    const ids = new Set(DISPOSAL_RULES.map((rule) => rule.meta.id));
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

  it('the invalid example of a disposal without approval is reported by DA-DISP-002 instead of the schema', () => {
    const text = fs.readFileSync(
      path.join(ROOT, 'examples', 'invalid', 'disposal-without-approval.assets.yaml'),
      'utf8',
    );
    const findings = createStewardService({ rules: DISPOSAL_RULES, workspaceRules: [], today: TODAY }).validate(
      'disposal-without-approval.assets.yaml',
      text,
    ).findings;
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.path]),
      [['DA-DISP-002', '/assets/0/disposal/approval']],
    );
  });
});
