/** DA-AUTH-011: a paid authorization's fee is more than 0 (clauses 4, 7). */
import type { MapNode } from '../../parser/ast';
import { mapAt, scalarAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { notice } from '../sources';
import { APPROVED, assetExample, authorizationsOf, entityOf, FEE, VALUATION } from './common';

export const paidFeeNotZeroRule: Rule = {
  meta: {
    id: 'DA-AUTH-011',
    name: 'paid-authorization-fee-not-zero',
    sources: [notice('(4), (7)')],
    severity: 'error',
    fixable: false,
    messages: {
      zero: {
        'zh-CN':
          '向“{entity}”的授权标为有偿（paid: true），收费金额却是 0：有偿使用不得不收费。若确为无偿授权，请改为 paid: false；若为有偿，请写明实际收费金额和定价依据',
        en: 'The authorization to "{entity}" is marked paid (paid: true) but its fee is 0: paid use cannot go uncharged. If the authorization is in fact free, set paid: false; if it is paid, give the actual amount and what the price is based on',
      },
    },
    docs: {
      description: {
        'zh-CN': '有偿授权（paid: true）的收费金额（fee.amount）须大于 0。',
        en: 'A paid authorization (paid: true) has a fee amount (fee.amount) above 0.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（四）条：有偿使用须履行审批程序并评估资产权益；第（七）条：不得违规少收、不收数据资产相关收入。标为有偿却收费为 0，要么是无偿授权被误标为有偿（评估和审批的依据就错了），要么是应收未收。哪一种只有数据管理者知道，所以本规则不提供自动修复。',
        en: "Clause (4) of 财资〔2024〕1号: paid use follows the approval procedure and an evaluation of the asset's rights and interests; clause (7): income related to data assets is never under-collected or left uncollected. A paid authorization with a fee of 0 is either a free one marked paid (so its approval and valuation rest on the wrong footing) or income due and not collected. Only the steward knows which, so no automatic fix is offered.",
      },
      example: assetExample([...APPROVED, 'paid: true', 'fee: { amount: 0 }', VALUATION]),
      fixedExample: assetExample([...APPROVED, 'paid: true', FEE, VALUATION]),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    for (const { map, index } of authorizationsOf(item)) {
      if (scalarAt(map, 'paid')?.value !== true) continue;
      const amount = scalarAt(mapAt(map, 'fee'), 'amount');
      // Only a number that is 0: a missing fee is DA-AUTH-003's, a non-number the schema's.
      if (!amount || typeof amount.value !== 'number' || amount.value !== 0) continue;
      context.report({
        messageId: 'zero',
        span: amount.span,
        args: { entity: entityOf(map) },
        path: `${scope.path}/authorizations/${index}/fee/amount`,
        data: { asset: textAt(item, 'id'), entity: textAt(map, 'entity') },
      });
    }
  },
};
