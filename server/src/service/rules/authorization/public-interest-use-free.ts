/**
 * DA-AUTH-013: an authorization for public governance or public welfare charges no fee (clause 5;
 * 发改价格〔2025〕65号).
 */
import type { MapNode } from '../../parser/ast';
import { mapAt, scalarAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { cite, notice } from '../sources';
import { APPROVED, assetExample, authorizationsOf, entityOf, FEE, VALUATION } from './common';

const FREE_PURPOSES = ['公共治理', '公益事业'];

export const publicInterestFreeRule: Rule = {
  meta: {
    id: 'DA-AUTH-013',
    name: 'public-interest-use-free',
    sources: [notice('(5)'), cite('ndrc-2025-65')],
    severity: 'warning',
    fixable: false,
    messages: {
      charged: {
        'zh-CN':
          '向“{entity}”的授权用于{purpose}，却是有偿的（{charge}）：用于公共治理、公益事业的数据应有条件无偿使用，不收取费用。若用途写错（实为产业发展、行业发展），请更正 purpose；否则请改为无偿授权',
        en: 'The authorization to "{entity}" serves {purpose} yet is charged ({charge}): data used for public governance or public welfare is provided free of charge on conditions. If the purpose is wrong (it is industrial or sector development), correct purpose; otherwise make the authorization free',
      },
    },
    docs: {
      description: {
        'zh-CN': '用途（purpose）为公共治理或公益事业的授权不应有偿（paid: true）或收费（fee.amount 大于 0）。',
        en: 'An authorization whose purpose is public governance (公共治理) or public welfare (公益事业) is neither paid (paid: true) nor charged (fee.amount above 0).',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（五）条：推动用于公共治理、公益事业的数据资产有条件无偿使用，探索用于产业发展、行业发展的有条件有偿使用。发改价格〔2025〕65号第一条：用于公共治理、公益事业的公共数据产品和服务不收取费用，用于产业发展、行业发展的可以收取运营服务费，实行政府指导价管理。用途与收费不一致，要么用途登记有误，要么收了不应收的费用。通知用语为“推动”，且 65号文针对运营机构的收费，所以本规则给出警告而不是错误。',
        en: 'Clause (5) of 财资〔2024〕1号: promote conditional free use of data assets for public governance and public welfare, and explore conditional paid use for industrial and sector development. 发改价格〔2025〕65号 part 1: public data products and services for public governance and public welfare are provided free of charge; for industrial and sector development an operating service fee may be charged at government-guided prices. A purpose that does not match the charge is either a wrong purpose or a fee that should not be charged. The notice "promotes" free use and 65号 governs the operator\'s charges, hence a warning rather than an error.',
      },
      example: assetExample([...APPROVED, 'purpose: 公益事业', 'paid: true', FEE, VALUATION]),
      fixedExample: assetExample([...APPROVED, 'purpose: 公益事业', 'paid: false']),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    for (const { map, index } of authorizationsOf(item)) {
      const purposeNode = scalarAt(map, 'purpose');
      const purpose = textAt(map, 'purpose');
      if (!purposeNode || !FREE_PURPOSES.includes(purpose)) continue;
      const paid = scalarAt(map, 'paid')?.value === true;
      const amount = scalarAt(mapAt(map, 'fee'), 'amount')?.value;
      const charged = typeof amount === 'number' && amount > 0;
      if (!paid && !charged) continue;
      context.report({
        messageId: 'charged',
        span: purposeNode.span,
        args: { entity: entityOf(map), purpose, charge: charged ? `fee.amount: ${amount}` : 'paid: true' },
        path: `${scope.path}/authorizations/${index}/purpose`,
        data: { asset: textAt(item, 'id'), entity: textAt(map, 'entity'), purpose, paid, amount },
      });
    }
  },
};
