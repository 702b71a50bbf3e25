/**
 * DA-REV-002: a public institution's disposal revenue is non-tax revenue unless the state provides otherwise (clause 7),
 * like an administrative unit's (DA-REV-001); an exception is waived with its basis.
 */
import type { MapNode } from '../../parser/ast';
import { PLACEHOLDER } from '../../edit/yaml-edit';
import { textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { SOURCES, handlingText, lineArgs, NON_TAX, nonTaxEdit, revenueLines, UNIT_INSTITUTION } from './common';

export const institutionDisposalRevenueRule: Rule = {
  meta: {
    id: 'DA-REV-002',
    name: 'institution-disposal-revenue-is-non-tax',
    sources: SOURCES,
    severity: 'error',
    fixable: true,
    waiverNeedsBasis: true,
    replacesSchemaAt: ['/assets/*/revenue/*/handling'],
    messages: {
      notNonTax: {
        'zh-CN':
          '除国家另有规定外，事业单位数据资产的处置收入应当按照政府非税收入和国库集中收缴制度的有关规定管理；资产“{asset}”{year} 年的处置收入管理方式却是“{handling}”。属于国家另有规定情形的，请以豁免注释写明所依据的规定（# steward-disable-next-line DA-REV-002 -- 依据……）；否则改为“非税收入”',
        en: 'Unless the state provides otherwise, a public institution\'s income from disposing of data assets is managed under the rules for government non-tax revenue and treasury centralised collection; the {year} disposal income of asset "{asset}" is handled as "{handling}". If a state provision says otherwise, cite it in a waiver comment (# steward-disable-next-line DA-REV-002 -- per ...); if not, change it to 非税收入',
      },
      fix: { 'zh-CN': '改为“非税收入”', en: 'Change to 非税收入 (government non-tax revenue)' },
    },
    docs: {
      description: {
        'zh-CN':
          '事业单位的处置收益（source: 处置）管理方式应为“非税收入”：除国家另有规定外，处置收入按政府非税收入管理，与行政单位相同；属于另有规定情形的，以豁免注释写明所依据的规定。使用收入由本级财政部门规定具体管理办法，本规则不作检查。',
        en: 'A public institution handles disposal revenue (source: 处置) as 非税收入 (government non-tax revenue): unless the state provides otherwise, disposal income is non-tax revenue, as for an administrative unit, and an exception is made by a waiver comment citing the provision. Income from use follows the measures of the same-level finance department and is not checked here.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（七）条：除国家另有规定外，行政事业单位数据资产的处置收入按照政府非税收入和国库集中收缴制度的有关规定管理。这一要求对行政单位和事业单位相同（行政单位由 DA-REV-001 检查），例外须有国家规定为据，因而以写明依据的豁免注释处理。事业单位数据资产使用形成的收入，由本级财政部门规定具体管理办法。',
        en: "Clause (7) of 财资〔2024〕1号: unless the state provides otherwise, the disposal income of administrative institutions' data assets is managed under the rules for government non-tax revenue and treasury centralised collection. The requirement is the same for administrative units and public institutions (DA-REV-001 checks the former); an exception needs a state provision, so it is made by a waiver comment that cites it. A public institution's income from use follows the measures of the same-level finance department.",
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
      const edit = nonTaxEdit(line.handling);
      context.report({
        messageId: 'notNonTax',
        span: line.handling.span,
        args: lineArgs(item, line, handling),
        path: `${scope.path}/revenue/${line.index}/handling`,
        data: { asset: textAt(item, 'id'), source: line.source, handling, expected: NON_TAX },
        fix: edit ? { title: institutionDisposalRevenueRule.meta.messages.fix, edits: [edit] } : undefined,
      });
    }
  },
};
