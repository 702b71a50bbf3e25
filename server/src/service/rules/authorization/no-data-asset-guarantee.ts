/** DA-AUTH-006: a data asset is never used as a guarantee (clause 4). */
import type { MapNode } from '../../parser/ast';
import { getEntry } from '../../parser/ast';
import { itemLabel, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { APPROVED, assetExample, SOURCES } from './common';
import { cite } from '../sources';

export const guaranteeRule: Rule = {
  meta: {
    id: 'DA-AUTH-006',
    name: 'no-data-asset-guarantee',
    sources: [...SOURCES, cite('czz-2024-167')],
    severity: 'error',
    fixable: false,
    replacesSchemaAt: ['/assets/*/guarantee'],
    messages: {
      guarantee: {
        'zh-CN':
          '资产“{asset}”记有担保（guarantee）：不得利用数据资产进行担保，新增政府隐性债务。请解除这项担保安排；登记中的这条记录如何处理（删除或另行存档说明）由单位决定',
        en: 'Asset "{asset}" records a guarantee (guarantee): data assets must never be used as a guarantee or to create hidden government debt. Undo the guarantee arrangement; how to handle this record in the register (remove it, or archive it with an explanation) is the unit\'s decision',
      },
    },
    docs: {
      description: {
        'zh-CN': '数据资产登记中不得出现担保（guarantee）：无论写了什么，都是错误。',
        en: 'A data asset never carries a guarantee (guarantee): whatever it holds, its presence is an error.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（四）条：不得利用数据资产进行担保，新增政府隐性债务；财资〔2024〕167号对试点单位重申了这一禁止。出现担保记录说明资产可能已被违规使用，需要单位纠正；删除记录不会解除担保本身，所以本规则不提供自动修复。',
        en: 'Clause (4) of 财资〔2024〕1号: data assets may not be used as guarantees to create new hidden government debt, a ban 财资〔2024〕167号 repeats for the pilot units. A guarantee record means the asset may have been misused, which the unit must put right; deleting the record would not undo the guarantee, so no automatic fix is offered.',
      },
      example: assetExample(APPROVED, ['guarantee:', '  creditor: 某商业银行', '  contract: DB-2024-0007']),
      fixedExample: assetExample(APPROVED),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const entry = getEntry(item, 'guarantee');
    if (!entry) return;
    context.report({
      messageId: 'guarantee',
      span: entry.keySpan,
      args: { asset: itemLabel(item) },
      path: `${scope.path}/guarantee`,
      data: { asset: textAt(item, 'id') },
    });
  },
};
