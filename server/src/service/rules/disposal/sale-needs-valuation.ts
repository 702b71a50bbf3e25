/** DA-DISP-007: a disposal by sale (转让) records the valuation made before it (国务院令第91号 art. 3). */
import type { MapNode } from '../../parser/ast';
import { PLACEHOLDER, setInMap } from '../../edit/yaml-edit';
import { has, itemLabel, keySpanOf, mapAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { cite, notice } from '../sources';
import { APPROVAL, assetExample, DECISION, disposalLines } from './common';

const SALE = '转让';

export const saleValuationRule: Rule = {
  meta: {
    id: 'DA-DISP-007',
    name: 'sale-needs-valuation',
    sources: [notice('(6)'), cite('gov-order-91', '第三条')],
    severity: 'error',
    fixable: true,
    messages: {
      missing: {
        'zh-CN':
          '资产“{asset}”以转让方式处置，却没有资产评估（disposal.valuation）：国有资产转让应当进行资产评估，以评估结果作为定价依据。请写明评估方法和评估报告编号',
        en: 'Asset "{asset}" is disposed of by sale (转让) without a valuation (disposal.valuation): a transfer of state-owned assets requires an asset valuation, on which the price rests. Give the valuation method and report number',
      },
      missingAssetValued: {
        'zh-CN':
          '资产“{asset}”以转让方式处置，却没有资产评估（disposal.valuation）：国有资产转让应当进行资产评估。资产登记中的评估报告 {ref} 如果是为本次转让所做，请在 disposal.valuation 中引用它；否则请另行评估',
        en: 'Asset "{asset}" is disposed of by sale (转让) without a valuation (disposal.valuation): a transfer of state-owned assets requires an asset valuation. If the asset\'s valuation report {ref} was made for this sale, cite it in disposal.valuation; otherwise have the asset valued',
      },
      fix: {
        'zh-CN': '添加处置评估（方法、报告编号待填写）',
        en: 'Add the disposal valuation (method and report number to fill in)',
      },
    },
    docs: {
      description: {
        'zh-CN': '以转让方式处置的数据资产，处置记录须写明资产评估（disposal.valuation：评估方法和评估报告编号）。',
        en: 'A data asset disposed of by sale (转让) records the valuation in its disposal (disposal.valuation: method and report number).',
      },
      rationale: {
        'zh-CN':
          '《国有资产评估管理办法》（国务院令第91号）第三条：国有资产占有单位（含国家机关、事业单位）资产拍卖、转让的，应当进行资产评估。财资〔2024〕1号第（六）条要求数据资产处置履行审批程序，第（七）条规定处置收入按非税收入管理，不得少收、不收；没有评估，转让价格就没有依据，资产可能被低价转让。资产的评估报告未必是为本次转让所做，所以只提示可以引用，由数据管理者判断。置换、划转等其他方式不在本规则范围内。',
        en: 'Measures for State-owned Asset Valuation (国务院令第91号) art. 3: a holder of state-owned assets (state organs and public institutions included) has them valued before an auction or sale (转让). Clause (6) of 财资〔2024〕1号 puts disposals through an approval procedure and clause (7) manages disposal income as non-tax revenue that must not be under-collected or left uncollected; without a valuation the sale price rests on nothing and the asset may be sold below its value. An existing valuation of the asset was not necessarily made for this sale, so the rule only suggests citing it and leaves the judgement to the steward. Other methods (exchange, transfer free of charge, ...) are outside this rule.',
      },
      example: assetExample(disposalLines(`      method: ${SALE}`, DECISION, APPROVAL)),
      fixedExample: assetExample(
        disposalLines(
          `      method: ${SALE}`,
          DECISION,
          APPROVAL,
          '      valuation: { method: 市场法, ref: PG-2024-21 }',
        ),
      ),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const disposal = mapAt(item, 'disposal');
    if (!disposal || textAt(disposal, 'method') !== SALE || has(disposal, 'valuation')) return;
    const ref = textAt(mapAt(item, 'valuation'), 'ref');
    const edit = setInMap(context.file.text, disposal, 'valuation', { method: PLACEHOLDER, ref: PLACEHOLDER });
    context.report({
      messageId: ref ? 'missingAssetValued' : 'missing',
      span: keySpanOf(item, 'disposal') ?? disposal.span,
      args: { asset: itemLabel(item), ref },
      path: `${scope.path}/disposal/valuation`,
      data: { asset: textAt(item, 'id'), method: SALE, field: 'valuation' },
      fix: edit ? { title: saleValuationRule.meta.messages.fix, edits: [edit] } : undefined,
    });
  },
};
