/** DA-AUTH-009: an authorization not marked paid records no fee (clause 4). */
import type { MapNode } from '../../parser/ast';
import { getEntry } from '../../parser/ast';
import { has, keySpanOf, mapAt, scalarAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { APPROVED, assetExample, authorizationsOf, SOURCES, entityOf, FEE } from './common';

export const feeWithoutPaidRule: Rule = {
  meta: {
    id: 'DA-AUTH-009',
    name: 'no-fee-on-free-authorization',
    sources: SOURCES,
    severity: 'warning',
    fixable: false,
    messages: {
      free: {
        'zh-CN':
          '向“{entity}”的授权标为无偿（paid: false），却记有收费（fee）：如果收费，请改为 paid: true 并补全资产权益评估（valuation）；如果无偿，请删除 fee',
        en: 'The authorization to "{entity}" is marked free (paid: false) yet records a fee (fee): if it is charged, set paid: true and add the valuation; if it is free, remove the fee',
      },
      unstated: {
        'zh-CN':
          '向“{entity}”的授权记有收费（fee），但没有写明是否有偿（paid）：如果收费，请添加 paid: true 并补全资产权益评估（valuation）；如果无偿，请删除 fee',
        en: 'The authorization to "{entity}" records a fee (fee) but does not say whether it is paid (paid): if it is charged, add paid: true and the valuation; if it is free, remove the fee',
      },
    },
    docs: {
      description: {
        'zh-CN': '未标为有偿（paid 为 false 或未填写）的授权不应记有收费（fee，金额为 0 的除外）。',
        en: 'An authorization not marked paid (paid false or absent) records no fee (fee), unless the amount is 0.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（四）条：有偿使用须履行审批程序并评估资产权益。收了费却不标有偿，有偿授权的审批和评估要求就会被绕过，收益也可能游离于第（七）条规定的管理之外。哪一处写错只有数据管理者知道，所以本规则不提供自动修复。',
        en: "Clause (4) of 财资〔2024〕1号: paid use requires approval and an evaluation of the asset's rights and interests. A fee on an authorization not marked paid bypasses those requirements, and the income may escape the handling clause (7) prescribes. Only the steward knows which of the two is wrong, so no automatic fix is offered.",
      },
      example: assetExample([...APPROVED, 'paid: false', FEE]),
      fixedExample: assetExample([...APPROVED, 'paid: false']),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    for (const { map, index } of authorizationsOf(item)) {
      const paid = getEntry(map, 'paid');
      // A non-boolean `paid` is the schema's type error; `paid: true` is the consistent case.
      const messageId = !paid
        ? 'unstated'
        : paid.value.type === 'scalar' && paid.value.value === false
          ? 'free'
          : undefined;
      if (!messageId || !has(map, 'fee') || scalarAt(mapAt(map, 'fee'), 'amount')?.value === 0) continue;
      context.report({
        messageId,
        span: keySpanOf(map, 'fee')!,
        args: { entity: entityOf(map) },
        path: `${scope.path}/authorizations/${index}/fee`,
        data: { asset: textAt(item, 'id'), entity: textAt(map, 'entity'), paidStated: messageId === 'free' },
      });
    }
  },
};
