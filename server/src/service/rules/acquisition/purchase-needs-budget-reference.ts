/** DA-ACQ-001: a purchase (购置) cites the budget reference it was made within (clause 3). */
import type { MapNode } from '../../parser/ast';
import { PLACEHOLDER } from '../../edit/yaml-edit';
import { insertBeside } from '../../edit/blocks';
import { has, itemLabel, keySpanOf, mapAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { assetExample, BUDGET, SOURCES, METHOD, PURCHASE } from './common';

export const budgetReferenceRule: Rule = {
  meta: {
    id: 'DA-ACQ-001',
    name: 'purchase-needs-budget-reference',
    sources: SOURCES,
    severity: 'error',
    fixable: true,
    replacesSchemaAt: ['/assets/*/acquisition/budgetReference'],
    messages: {
      missing: {
        'zh-CN':
          '资产“{asset}”通过购置取得，但没有预算依据（acquisition.budgetReference）：请写明预算项目编号或预算批复文号',
        en: 'Asset "{asset}" was purchased (购置) but cites no budget reference (acquisition.budgetReference): give the budget item number or the budget approval number',
      },
      fix: { 'zh-CN': '添加预算依据（待填写）', en: 'Add the budget reference (to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '取得方式为“购置”的资产，须在 acquisition.budgetReference 中写明所依据的预算项目或预算批复。',
        en: 'An asset acquired by purchase (购置) cites, in acquisition.budgetReference, the budget item or budget approval that funds it.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（三）条：通过购置方式配置数据资产的，应当以依法履职和事业发展需要为前提，落实过紧日子要求，按照预算管理规定科学配置。写明预算依据，才能核对每笔购置都在预算之内。',
        en: "Clause (3) of 财资〔2024〕1号: data assets are purchased only as lawful duties and the unit's development require, frugally, and within the budget management rules. Citing the budget reference lets every purchase be checked against the budget.",
      },
      example: assetExample(`${METHOD}\n      governmentProcurement: { applies: false }`),
      fixedExample: assetExample(`${METHOD}\n${BUDGET}\n      governmentProcurement: { applies: false }`),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const acquisition = mapAt(item, 'acquisition');
    if (!acquisition || textAt(acquisition, 'method') !== PURCHASE || has(acquisition, 'budgetReference')) return;
    const edit = insertBeside(context.file.text, acquisition, ['method', 'date'], 'budgetReference', PLACEHOLDER);
    context.report({
      messageId: 'missing',
      span: keySpanOf(item, 'acquisition') ?? acquisition.span,
      args: { asset: itemLabel(item) },
      path: `${scope.path}/acquisition/budgetReference`,
      data: { asset: textAt(item, 'id'), field: 'budgetReference' },
      fix: edit ? { title: budgetReferenceRule.meta.messages.fix, edits: [edit] } : undefined,
    });
  },
};
