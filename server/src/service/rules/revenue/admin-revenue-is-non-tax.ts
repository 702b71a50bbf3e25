/**
 * DA-REV-001: an administrative unit's revenue from data assets is handled as government non-tax revenue (clause 7):
 * income from use always, disposal income unless the state provides otherwise (an exception is waived with its basis).
 */
import type { MapNode } from '../../parser/ast';
import { textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { SOURCES, handlingText, lineArgs, NON_TAX, nonTaxEdit, revenueLines, UNIT_ADMIN } from './common';

export const adminRevenueHandlingRule: Rule = {
  meta: {
    id: 'DA-REV-001',
    name: 'admin-revenue-is-non-tax',
    sources: SOURCES,
    severity: 'error',
    fixable: true,
    waiverNeedsBasis: true,
    replacesSchemaAt: ['/assets/*/revenue/*/handling'],
    messages: {
      notNonTax: {
        'zh-CN':
          '行政单位数据资产使用形成的收入，应当按照政府非税收入和国库集中收缴制度的有关规定管理；资产“{asset}”{year} 年的使用收入管理方式却是“{handling}”。请改为“非税收入”',
        en: 'An administrative unit\'s income from using data assets is managed under the rules for government non-tax revenue and treasury centralised collection; the {year} income from use of asset "{asset}" is handled as "{handling}". Change it to 非税收入',
      },
      disposalNotNonTax: {
        'zh-CN':
          '除国家另有规定外，行政单位数据资产的处置收入应当按照政府非税收入和国库集中收缴制度的有关规定管理；资产“{asset}”{year} 年的处置收入管理方式却是“{handling}”。属于国家另有规定情形的，请以豁免注释写明所依据的规定（# steward-disable-next-line DA-REV-001 -- 依据……）；否则改为“非税收入”',
        en: 'Unless the state provides otherwise, an administrative unit\'s income from disposing of data assets is managed under the rules for government non-tax revenue and treasury centralised collection; the {year} disposal income of asset "{asset}" is handled as "{handling}". If a state provision says otherwise, cite it in a waiver comment (# steward-disable-next-line DA-REV-001 -- per ...); if not, change it to 非税收入',
      },
      fix: { 'zh-CN': '改为“非税收入”', en: 'Change to 非税收入 (government non-tax revenue)' },
    },
    docs: {
      description: {
        'zh-CN':
          '行政单位登记的数据资产收益，管理方式应为“非税收入”：使用收入一律如此；处置收入除国家另有规定外如此，属于另有规定情形的，以豁免注释写明所依据的规定。',
        en: "In an administrative unit's register, revenue is handled as 非税收入 (government non-tax revenue): income from use always, disposal income unless the state provides otherwise, in which case a waiver comment cites the provision.",
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（七）条：行政单位数据资产使用形成的收入，按照政府非税收入和国库集中收缴制度的有关规定管理；除国家另有规定外，行政事业单位数据资产的处置收入也按照上述规定管理。任何行政事业单位及个人不得违反国家规定截留、私分、挪用、坐支数据资产相关收入。处置收入的例外须有国家规定为据，因而以写明依据的豁免注释处理。',
        en: "Clause (7) of 财资〔2024〕1号: an administrative unit's income from using data assets is managed under the rules for government non-tax revenue and treasury centralised collection; unless the state provides otherwise, the disposal income of administrative institutions is managed under the same rules. No unit or person may, against state rules, withhold, privately divide, misappropriate or spend before paying in (坐支) income related to data assets. An exception for disposal income needs a state provision, so it is made by a waiver comment that cites it.",
      },
      example: `${UNIT_ADMIN}
assets:
  - id: DA-2024-0001
    name: 公交运行监测数据集
    revenue:
      - year: 2024
        source: 使用
        amount: 120000
        handling: 事业收入`,
      fixedExample: `${UNIT_ADMIN}
assets:
  - id: DA-2024-0001
    name: 公交运行监测数据集
    revenue:
      - year: 2024
        source: 使用
        amount: 120000
        handling: 非税收入`,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset' || scope.unitType !== '行政单位') return;
    for (const line of revenueLines(item, scope)) {
      const handling = handlingText(line.handling);
      if (!line.handling || handling === '' || handling === NON_TAX) continue;
      const node = line.handling;
      const edit = nonTaxEdit(node);
      context.report({
        messageId: line.source === '处置' ? 'disposalNotNonTax' : 'notNonTax',
        span: node.span,
        args: lineArgs(item, line, handling),
        path: `${scope.path}/revenue/${line.index}/handling`,
        data: { asset: textAt(item, 'id'), source: line.source, handling, expected: NON_TAX },
        fix: edit ? { title: adminRevenueHandlingRule.meta.messages.fix, edits: [edit] } : undefined,
      });
    }
  },
};
