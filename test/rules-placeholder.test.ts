import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { placeholderRule } from '../server/src/service/rules/placeholder/no-placeholder-left';
import { authorizationAssessmentRule } from '../server/src/service/rules/authorization/authorization-needs-security-assessment';
import { setInBlock, setNewBlock } from '../server/src/service/edit/blocks';
import { applyEdits, PLACEHOLDER } from '../server/src/service/edit/yaml-edit';
import { parseStewardFile } from '../server/src/service/parser/parse';
import type { MapNode, SeqNode } from '../server/src/service/parser/ast';
import { createStewardService } from '../server/src/service';
import { applyFixes, catalog, register, ruleFindings, ruleTester } from './rule-tester';
import { ROOT } from './helpers';
import type { Rule } from '../server/src/service/rules/rule';
import { ruleCitation } from '../server/src/service/rules/report';

const PLACEHOLDER_RULES: Rule[] = [placeholderRule];

/** An asset on lines 9–14; what follows starts on line 15. */
const ASSET = `  - id: DA-2024-0002
    name: 公交线路站点数据集
    resource: R-330100-JT-0002
    classificationCode: A08060202
    securityGrade: 一般数据
    acquisition: { method: 生产加工 }
`;

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

ruleTester(placeholderRule, {
  valid: [
    {
      name: 'real values everywhere',
      code: register(`${ASSET}    registration: { cardNumber: ZCKP-330100-2024-0002 }\n`),
    },
    {
      name: 'near miss: the word inside a longer text, or in a comment',
      code: register(
        `${ASSET}    registration:\n      cardNumber: ZCKP-330100-2024-0002   # 待填写\n      system: 卡片信息待填写完整后同步\n`,
      ),
    },
    { name: 'near miss: a key is not a value', code: register(`${ASSET}    x-备注: { 待填写: 否 }\n`) },
  ],
  invalid: [
    {
      name: 'a card number a fix left',
      code: register(`${ASSET}    registration:\n      cardNumber: 待填写   # 由快速修复插入\n`),
      errors: [{ messageId: 'item', line: 16, column: 19 }],
    },
    {
      name: 'nested flow values: one finding each',
      code: register(
        `${ASSET}    authorizations: [{ entity: 甲, securityAssessment: { ref: 待填写, date: 待填写 } }]\n`,
      ),
      errors: [
        { messageId: 'item', line: 15, column: 62 },
        { messageId: 'item', line: 15, column: 73 },
      ],
    },
    {
      name: 'spelled with escapes in a double-quoted value (the text holds no placeholder, the value does)',
      code: register(`${ASSET}    registration: { cardNumber: "\\u5F85\\u586B\\u5199" }\n`),
      errors: [{ messageId: 'item', line: 15, column: 33 }],
    },
    {
      name: 'a list item, and a quoted value; CRLF',
      code: crlf(
        register(
          `${ASSET}    security: { protectionMeasures: [待填写], lastRiskAssessment: 2026-09-20 }\n    registration: { cardNumber: "待填写" }\n`,
        ),
      ),
      errors: [
        { messageId: 'item', line: 15, column: 38 },
        { messageId: 'item', line: 16, column: 33 },
      ],
    },
    {
      name: "in the document head: the unit's supervising department",
      code: register(ASSET).replace('supervisingDepartment: 某市人民政府', 'supervisingDepartment: 待填写'),
      errors: [{ messageId: 'head', line: 7, column: 26 }],
    },
    {
      name: 'in a catalog resource',
      code: catalog(
        '  - id: R-330100-JT-0002\n    name: 公交线路站点数据\n    sharing: { type: 不予共享, basis: 待填写 }\n',
      ),
      errors: [{ messageId: 'item', line: 11, column: 35 }],
    },
  ],
});

const TODAY = '2026-11-26';

describe('placeholder rule (DA-TODO-001)', () => {
  it('declares its id, severity and no fix', () => {
    assert.deepEqual(
      PLACEHOLDER_RULES.map((rule) => [rule.meta.id, rule.meta.severity, ruleCitation(rule.meta)]),
      [['DA-TODO-001', 'warning', 'steward/v1']],
    );
    assert.ok(!('fix' in placeholderRule.meta.messages));
  });

  it('names the field path and the item, with a JSON pointer', () => {
    const findings = ruleFindings(
      placeholderRule,
      register(`${ASSET}    authorizations: [{ entity: 甲, securityAssessment: { ref: 待填写 } }]\n`).replace(
        'name: 某市交通运输局',
        'name: 待填写',
      ),
    );
    assert.deepEqual(
      findings.map((f) => [f.path, f.message.en]),
      [
        ['/unit/name', 'Fill in unit.name: it still holds the placeholder 待填写 left by a quick fix'],
        [
          '/assets/0/authorizations/0/securityAssessment/ref',
          'Fill in authorizations[0].securityAssessment.ref of "DA-2024-0002": it still holds the placeholder 待填写 left by a quick fix',
        ],
      ],
    );
    assert.equal(
      findings[1].message['zh-CN'],
      '请填写“DA-2024-0002”的 authorizations[0].securityAssessment.ref：这里还是快速修复留下的占位符“待填写”',
    );
    assert.equal(findings[0].message['zh-CN'], '请填写 unit.name：这里还是快速修复留下的占位符“待填写”');
  });

  it("what another rule's fix leaves behind is reported until filled in", () => {
    const code = register(
      `${ASSET}    authorizations:\n      - entity: 某市大数据运营有限公司\n        rights: [数据加工使用权]\n        approval: { ref: A-1 }\n`,
    );
    const fixed = applyFixes(code, ruleFindings(authorizationAssessmentRule, code));
    assert.ok(fixed.includes(`ref: ${PLACEHOLDER}`));
    assert.deepEqual(
      ruleFindings(placeholderRule, fixed).map((f) => f.path),
      ['/assets/0/authorizations/0/securityAssessment/ref', '/assets/0/authorizations/0/securityAssessment/date'],
    );
  });

  it('the example unit holds no placeholder', () => {
    const service = createStewardService({ rules: PLACEHOLDER_RULES, today: TODAY });
    const dir = path.join(ROOT, 'examples', 'transport-bureau');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const findings = service
        .validate(file, fs.readFileSync(path.join(dir, file), 'utf8'))
        .findings.filter((f) => f.ruleId === 'DA-TODO-001');
      assert.deepEqual(
        findings.map((f) => `${file}:${f.range.start.line + 1} ${f.message.en}`),
        [],
      );
    }
  });
});

describe('placeholder insertion helpers', () => {
  const text = `apiVersion: steward/v1
kind: DataAssetRegister
unit: { name: 甲 }
assets:
  - id: DA-1
    authorizations:
      - entity: 甲公司
        fee:
          amount: 1
      - entity: 乙公司
        approval: { ref: A }
    security: {}
`;
  const item = parseStewardFile('a.yaml', text).documents[0].items[0].node as MapNode;
  const first = (item.entries[1].value as SeqNode).items[0] as MapNode;

  it('setInBlock inserts after a nested last block, not into the next list item', () => {
    const edit = setInBlock(text, first, 'approval', { ref: PLACEHOLDER });
    assert.ok(edit);
    assert.ok(
      applyEdits(text, [edit]).includes(
        '        fee:\n          amount: 1\n        approval:\n          ref: 待填写\n      - entity: 乙公司\n',
      ),
    );
  });

  it('setNewBlock fills an empty flow mapping, leaves one with content alone', () => {
    const edit = setNewBlock(text, item, 'security', {
      lastRiskAssessment: PLACEHOLDER,
      protectionMeasures: [PLACEHOLDER],
    });
    assert.ok(edit);
    assert.ok(
      applyEdits(text, [edit]).endsWith('    security: { lastRiskAssessment: 待填写, protectionMeasures: [待填写] }\n'),
    );
    assert.equal(setNewBlock(text, item, 'authorizations', { x: PLACEHOLDER }), undefined);
  });
});
