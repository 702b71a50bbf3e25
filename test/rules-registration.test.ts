import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assetCardRule } from '../server/src/service/rules/registration/asset-needs-card-number';
import { createStewardService } from '../server/src/service';
import { catalog, register, ruleFindings, ruleTester } from './rule-tester';
import { ROOT } from './helpers';
import type { Rule } from '../server/src/service/rules/rule';
import { ruleCitation } from '../server/src/service/rules/report';

const REGISTRATION_RULES: Rule[] = [assetCardRule];

/** An asset on lines 9–14; what follows starts on line 15. */
const ASSET = `  - id: DA-2024-0002
    name: 公交线路站点数据集
    resource: R-330100-JT-0002
    classificationCode: A08060202
    securityGrade: 一般数据
    acquisition: { method: 生产加工 }
`;

const NEXT = `
  # 第二项资产
  - id: DA-2024-0003
    name: 巡游出租汽车营运数据集
`;

const NEXT_REGISTERED = `  - id: DA-2024-0003
    name: 巡游出租汽车营运数据集
    registration:
      cardNumber: ZCKP-330100-2024-0003
`;

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

ruleTester(assetCardRule, {
  valid: [
    {
      name: 'a card number in a block',
      code: register(
        `${ASSET}    registration:\n      cardNumber: ZCKP-330100-2024-0002\n      system: 某省预算管理一体化系统\n`,
      ),
    },
    {
      name: 'a card number in a flow block',
      code: register(`${ASSET}    registration: { cardNumber: ZCKP-330100-2024-0002 }\n`),
    },
    { name: 'an all-digit card number', code: register(`${ASSET}    registration: { cardNumber: 33010020240002 }\n`) },
    {
      name: "the placeholder is DA-TODO-001's case",
      code: register(`${ASSET}    registration: { cardNumber: 待填写 }\n`),
    },
    { name: 'a catalog resource is not an asset', code: catalog(`  - id: R-330100-JT-0002\n    name: 甲\n`) },
  ],
  invalid: [
    {
      name: 'no registration block: one is added at the end of each asset, before the next one and its comment',
      code: register(`${ASSET}${NEXT}`),
      errors: [
        { messageId: 'missing', line: 9, column: 5 },
        { messageId: 'missing', line: 17, column: 5 },
      ],
      output: register(
        `${ASSET}    registration:\n      cardNumber: 待填写\n${NEXT}    registration:\n      cardNumber: 待填写\n`,
      ),
    },
    {
      name: 'an asset ending in a nested block list: the block goes after the list, not into the next asset',
      code: register(`${ASSET}    reporting:\n      years:\n        - 2024\n${NEXT_REGISTERED}`),
      errors: [{ messageId: 'missing', line: 9, column: 5 }],
      output: register(
        `${ASSET}    reporting:\n      years:\n        - 2024\n    registration:\n      cardNumber: 待填写\n${NEXT_REGISTERED}`,
      ),
    },
    {
      name: 'a block without card number: it goes after the last entry, comments kept',
      code: register(`${ASSET}    registration:   # 一体化系统
      system: 某省预算管理一体化系统
      date: 2024-03-29   # 登记日期
    accounting: { recognition: 无形资产 }
`),
      errors: [{ messageId: 'missing', line: 15, column: 5 }],
      output: register(`${ASSET}    registration:   # 一体化系统
      system: 某省预算管理一体化系统
      date: 2024-03-29   # 登记日期
      cardNumber: 待填写
    accounting: { recognition: 无形资产 }
`),
    },
    {
      name: 'a flow block without card number',
      code: register(`${ASSET}    registration: { system: 某省预算管理一体化系统 }\n`),
      errors: [{ messageId: 'missing', line: 15, column: 5 }],
      output: register(`${ASSET}    registration: { system: 某省预算管理一体化系统, cardNumber: 待填写 }\n`),
    },
    {
      name: 'an empty registration key is filled below it',
      code: register(`${ASSET}    registration:\n`),
      errors: [{ messageId: 'missing', line: 15, column: 5 }],
      output: register(`${ASSET}    registration:\n      cardNumber: 待填写\n`),
    },
    {
      name: 'an empty flow block is filled',
      code: register(`${ASSET}    registration: {}   # 待登记\n`),
      errors: [{ messageId: 'missing', line: 15, column: 5 }],
      output: register(`${ASSET}    registration: { cardNumber: 待填写 }   # 待登记\n`),
    },
    {
      name: 'an empty cardNumber is filled in place; CRLF',
      code: crlf(register(`${ASSET}    registration:\n      cardNumber:\n      system: 某省预算管理一体化系统\n`)),
      errors: [{ messageId: 'missing', line: 15, column: 5 }],
      output: crlf(
        register(`${ASSET}    registration:\n      cardNumber: 待填写\n      system: 某省预算管理一体化系统\n`),
      ),
    },
    {
      name: 'a flow asset gains a flow registration',
      code: register(
        '  - { id: DA-2024-0009, name: 甲, resource: R-1, classificationCode: A08060201, securityGrade: 一般数据, acquisition: { method: 自主采集 } }\n',
      ),
      errors: [{ messageId: 'missing', line: 9, column: 7 }],
      output: register(
        '  - { id: DA-2024-0009, name: 甲, resource: R-1, classificationCode: A08060201, securityGrade: 一般数据, acquisition: { method: 自主采集 }, registration: { cardNumber: 待填写 } }\n',
      ),
    },
  ],
});

const TODAY = '2026-11-26';

describe('registration rules (财资〔2024〕1号 (8))', () => {
  it('declares its id, severity and clause', () => {
    assert.deepEqual(
      REGISTRATION_RULES.map((rule) => [rule.meta.id, rule.meta.severity, ruleCitation(rule.meta)]),
      [['DA-REG-001', 'warning', '财资〔2024〕1号 (8)']],
    );
  });

  it('names the asset in both languages, with the path of the missing field', () => {
    const [finding] = ruleFindings(assetCardRule, register(ASSET));
    assert.equal(
      finding.message['zh-CN'],
      '资产“公交线路站点数据集”没有资产卡片编号（registration.cardNumber）：数据资产应在预算管理一体化系统中登记资产卡片，请填写卡片编号',
    );
    assert.equal(
      finding.message.en,
      'Asset "公交线路站点数据集" has no asset card number (registration.cardNumber): a data asset is registered with an asset information card in the integrated budget-management system; give the card number',
    );
    assert.equal(finding.path, '/assets/0/registration/cardNumber');
    assert.deepEqual(finding.data, { messageId: 'missing', asset: 'DA-2024-0002', field: 'cardNumber' });
    assert.equal(finding.severity, 'warning');
  });

  it('the example unit gives no finding of this rule', () => {
    const service = createStewardService({ rules: REGISTRATION_RULES, today: TODAY });
    const dir = path.join(ROOT, 'examples', 'transport-bureau');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const findings = service
        .validate(file, fs.readFileSync(path.join(dir, file), 'utf8'))
        .findings.filter((f) => f.ruleId === 'DA-REG-001');
      assert.deepEqual(
        findings.map((f) => `${file}:${f.range.start.line + 1} ${f.message.en}`),
        [],
      );
    }
  });
});
