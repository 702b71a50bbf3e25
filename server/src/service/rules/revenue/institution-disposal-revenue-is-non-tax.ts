/** DA-REV-002: a public institution's disposal revenue is non-tax revenue unless the state provides otherwise (clause 7). */
import type { MapNode } from '../../parser/ast';
import { PLACEHOLDER } from '../../edit/yaml-edit';
import { textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { SOURCES, handlingText, lineArgs, NON_TAX, revenueLines, UNIT_INSTITUTION } from './common';

export const institutionDisposalRevenueRule: Rule = {
  meta: {
    id: 'DA-REV-002',
    name: 'institution-disposal-revenue-is-non-tax',
    sources: SOURCES,
    severity: 'warning',
    fixable: false,
    messages: {
      notNonTax: {
        'zh-CN':
          '事业单位的数据资产处置收入，除国家另有规定外，应作为政府非税收入实行国库集中收缴；资产“{asset}”{year} 年的处置收入管理方式却是“{handling}”。如属国家另有规定的情形，请用豁免注释写明所依据的规定（# steward-disable-next-line DA-REV-002 -- 依据……）；否则改为“非税收入”',
        en: 'A public institution\'s income from disposing of data assets is government non-tax revenue collected by the treasury unless the state provides otherwise; the {year} disposal income of asset "{asset}" is handled as "{handling}". If a state provision says otherwise, cite it in a waiver comment (# steward-disable-next-line DA-REV-002 -- per ...); if not, change it to 非税收入',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '事业单位的处置收益（source: 处置）管理方式不是“非税收入”时提示：除国家另有规定外，处置收入应上缴国库；有例外规定的，须注明依据。使用收益按同级财政部门的规定管理，不在本规则检查之列。',
        en: "Warns when a public institution handles disposal revenue (source: 处置) other than as 非税收入: unless the state provides otherwise, disposal income goes to the treasury, and an exception must be cited. Income from use follows the same-level finance department's measures and is not checked here.",
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（七）条：行政事业单位数据资产处置收入，按照国有资产管理的有关规定，在扣除相关税金、资产评估费等费用后，按照政府非税收入和国库集中收缴制度有关规定管理，国家另有规定的除外。',
        en: "Clause (7) of 财资〔2024〕1号: disposal income of administrative institutions' data assets, after related taxes and valuation fees, is managed under the rules for government non-tax revenue and treasury centralised collection, except where the state provides otherwise.",
      },
      example: `${UNIT_INSTITUTION}
assets:
  - id: DA-2019-0007
    name: 公交IC卡历史交易明细
    revenue:
      - { year: 2024, source: 处置, amount: 30000, handling: 事业收入 }`,
      fixedExample: `${UNIT_INSTITUTION}
assets:
  - id: DA-2019-0007
    name: 公交IC卡历史交易明细
    revenue:
      - { year: 2024, source: 处置, amount: 30000, handling: 非税收入 }`,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset' || scope.unitType !== '事业单位') return;
    for (const line of revenueLines(item, scope)) {
      const handling = handlingText(line.handling);
      // A placeholder is not a decision yet: DA-TODO-001 asks for it.
      if (
        line.source !== '处置' ||
        !line.handling ||
        handling === '' ||
        handling === NON_TAX ||
        handling === PLACEHOLDER
      )
        continue;
      context.report({
        messageId: 'notNonTax',
        span: line.handling.span,
        args: lineArgs(item, line, handling),
        path: `${scope.path}/revenue/${line.index}/handling`,
        data: { asset: textAt(item, 'id'), source: line.source, handling },
      });
    }
  },
};
