/**
 * Rules say only what their sources say (issue 15): phrases that claimed more than the notice or the standards are
 * gone from every rule text, and the findings whose basis is this tool's format cite it.
 */
import * as assert from 'node:assert/strict';
import { REGISTRY } from '../server/src/service/rules/registry';
import { createStewardService } from '../server/src/service';
import { MINIMAL_REGISTER } from './helpers';

/** Every text a rule shows: its messages and its documentation, in both languages. */
function ruleTexts(): Array<{ id: string; text: string }> {
  const out: Array<{ id: string; text: string }> = [];
  for (const meta of REGISTRY) {
    const texts = [
      ...Object.values(meta.messages).flatMap((m) => [m['zh-CN'], m.en]),
      meta.docs.description['zh-CN'],
      meta.docs.description.en,
      meta.docs.rationale['zh-CN'],
      meta.docs.rationale.en,
    ];
    for (const text of texts) out.push({ id: meta.id, text });
  }
  return out;
}

/** Phrases no rule may use, each with why (the list). */
const UNSUPPORTED: Array<[RegExp, string]> = [
  [/扣除相关税金|资产评估费|after related taxes|valuation fees/, 'clause (7) says nothing of deducting taxes or fees'],
  [/收益分配机制之外|outside the distribution mechanism/, 'clause (7) does not speak of revenue outside the mechanism'],
  [/至少每年|at least yearly/, 'clause (9) says "按规定"; the yearly duty is the network data regulations\''],
  [/数据资产是无形资产|Data assets are intangible assets/, 'recognition follows the government accounting standards'],
  [/财会〔2023〕11号/, 'an enterprise accounting rule, not one administrative institutions follow'],
  [/按 GB\/T 14885-2022 登记在 A08|per GB\/T 14885-2022 under A08/, "A08 is the asset systems' extension"],
  [/（所有权）|\(ownership\)|belongs to the unit/, 'the data property framework uses 数据资源持有权'],
  [/评估文号|审批文号和审批机关|reference and date|reference and approving authority/, 'say what is checked'],
  [/编号及日期|number and date\./, 'DA-DISP-001 checks the number; the date is recommended'],
  [/应收尽收|国有资产流失|given away/, 'not the words of the notice'],
];

describe('rule wording: nothing beyond the sources', () => {
  it('no rule text uses a phrase its source does not support', () => {
    const found: string[] = [];
    for (const { id, text } of ruleTexts()) {
      for (const [pattern, why] of UNSUPPORTED) {
        if (pattern.test(text)) found.push(`${id}: ${pattern} (${why})`);
      }
    }
    assert.deepEqual(found, []);
  });

  it('the guarantee ban is worded as the regulations word it', () => {
    const texts = ruleTexts().filter((t) => t.id === 'DA-AUTH-006');
    assert.ok(texts.some((t) => t.text.includes('不得利用数据资产进行担保，新增政府隐性债务')));
  });

  it("an unknown field cites this tool's format, not the clause of the block it sits in", () => {
    const text = MINIMAL_REGISTER.replace(
      '    name: 公交运行监测数据集\n',
      '    name: 公交运行监测数据集\n    nmae: x\n',
    );
    const findings = createStewardService().validate('a.assets.yaml', text).findings;
    const unknown = findings.find((f) => f.ruleId === 'DA-SCHEMA-002');
    assert.ok(unknown, JSON.stringify(findings.map((f) => f.ruleId)));
    assert.equal(unknown.clause, 'steward/v1');
    assert.ok(unknown.message['zh-CN'].includes('nmae'));
  });

  it("an id of the wrong form cites this tool's format (the document contract)", () => {
    const text = MINIMAL_REGISTER.replace(/- id: DA-[^\n]*/, '- id: da-2024-1');
    const findings = createStewardService().validate('a.assets.yaml', text).findings;
    const format = findings.find((f) => f.ruleId === 'DA-SCHEMA-005');
    assert.ok(format, JSON.stringify(findings.map((f) => f.ruleId)));
    assert.equal(format.clause, 'steward/v1 文档约定 (document contract)');
  });

  it('accounting recognition may say the data was not recognised, as the government standards allow', () => {
    const text = MINIMAL_REGISTER.replace(
      '    name: 公交运行监测数据集\n',
      '    name: 公交运行监测数据集\n    accounting: { recognition: 未确认 }\n',
    );
    const findings = createStewardService().validate('a.assets.yaml', text).findings;
    assert.deepEqual(
      findings.filter((f) => f.ruleId.startsWith('DA-SCHEMA')).map((f) => f.message.en),
      [],
    );
  });
});
