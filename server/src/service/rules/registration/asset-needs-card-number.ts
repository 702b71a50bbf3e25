/**
 * DA-REG-001: every data asset has its asset information card in the integrated budget-management system
 * (clause 8), recorded as registration.cardNumber.
 */
import type { MapNode } from '../../parser/ast';
import { PLACEHOLDER } from '../../edit/yaml-edit';
import { setInBlock, setNewBlock } from '../../edit/blocks';
import { has, itemAnchor, keySpanOf, mapAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { notice } from '../sources';

const ASSET = `assets:
  - id: DA-2024-0002
    name: 公交线路站点数据集
    classificationCode: A08060202`;

export const assetCardRule: Rule = {
  meta: {
    id: 'DA-REG-001',
    name: 'asset-needs-card-number',
    sources: [notice('(8)')],
    severity: 'warning',
    fixable: true,
    messages: {
      missing: {
        'zh-CN':
          '资产“{asset}”没有资产卡片编号（registration.cardNumber）：数据资产应在预算管理一体化系统中登记资产卡片，请填写卡片编号',
        en: 'Asset "{asset}" has no asset card number (registration.cardNumber): a data asset is registered with an asset information card in the integrated budget-management system; give the card number',
      },
      fix: { 'zh-CN': '添加资产卡片编号（待填写）', en: 'Add the asset card number (to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '每项数据资产都要写明预算管理一体化系统中的资产卡片编号（registration.cardNumber）。',
        en: 'Every data asset gives its asset card number in the integrated budget-management system (registration.cardNumber).',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（八）条：依托数据资源目录开展数据资产清查盘点，按照 GB/T 14885-2022 等国家标准加强数据资产登记，在预算管理中充分利用，并在一体化系统中建立健全资产信息卡。写明卡片编号，登记才能与系统中的资产信息卡对应。',
        en: 'Clause (8) of 财资〔2024〕1号: data assets are inventoried from the data resource catalog, registered per national standards such as GB/T 14885-2022 and used in budget management, and asset information cards are set up in the integrated system. The card number is what ties the register entry to its card in the system.',
      },
      example: ASSET,
      fixedExample: `${ASSET}
    registration:
      cardNumber: ZCKP-330100-2024-0002
      system: 某省预算管理一体化系统`,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const registration = mapAt(item, 'registration');
    if (has(registration, 'cardNumber')) return;
    const text = context.file.text;
    // Into the registration block when there is one; otherwise a new block (or `registration:` filled in place).
    const edit =
      registration && registration.entries.length > 0
        ? setInBlock(text, registration, 'cardNumber', PLACEHOLDER)
        : setNewBlock(text, item, 'registration', { cardNumber: PLACEHOLDER });
    context.report({
      messageId: 'missing',
      span: keySpanOf(item, 'registration') ?? itemAnchor(item),
      args: { asset: textAt(item, 'name') || textAt(item, 'id') || '?' },
      path: `${scope.path}/registration/cardNumber`,
      data: { asset: textAt(item, 'id'), field: 'cardNumber' },
      fix: edit ? { title: assetCardRule.meta.messages.fix, edits: [edit] } : undefined,
    });
  },
};
