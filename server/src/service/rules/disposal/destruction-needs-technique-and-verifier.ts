/** DA-DISP-005: a destruction record states the technique used and who verified it (clause 6). */
import type { MapNode } from '../../parser/ast';
import { PLACEHOLDER, setInMap } from '../../edit/yaml-edit';
import { has, itemLabel, keySpanOf, mapAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { APPROVAL, assetExample, SOURCES, DECISION, DESTRUCTION, disposalLines } from './common';

const VERIFICATION_FIELDS = ['technique', 'verifiedBy'] as const;

export const destructionDetailsRule: Rule = {
  meta: {
    id: 'DA-DISP-005',
    name: 'destruction-needs-technique-and-verifier',
    sources: SOURCES,
    severity: 'warning',
    fixable: true,
    messages: {
      technique: {
        'zh-CN': '资产“{asset}”的销毁记录没有写明技术手段（destruction.technique），如多次覆写、消磁、物理粉碎',
        en: 'The destruction record of asset "{asset}" does not state the technique (destruction.technique), e.g. multi-pass overwrite, degaussing, physical shredding',
      },
      verifiedBy: {
        'zh-CN': '资产“{asset}”的销毁记录没有写明核验人（destruction.verifiedBy）：由谁核验了销毁结果',
        en: 'The destruction record of asset "{asset}" does not say who verified it (destruction.verifiedBy)',
      },
      fixTechnique: { 'zh-CN': '添加销毁技术手段（待填写）', en: 'Add the destruction technique (to fill in)' },
      fixVerifiedBy: { 'zh-CN': '添加核验人（待填写）', en: 'Add who verified the destruction (to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '销毁记录应写明采用的技术手段（technique）和核验人（verifiedBy），缺哪项报哪项。',
        en: 'A destruction record states the technique used (technique) and who verified it (verifiedBy); each missing one is reported.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（六）条要求按照保密制度、采用专业技术手段彻底销毁；写明手段和核验人，才能证明销毁确实不可恢复、责任可追溯。',
        en: 'Clause (6) of 财资〔2024〕1号 requires complete destruction by professional technical means under the confidentiality system; the technique and the verifier are what show it was unrecoverable and who answers for it.',
      },
      example: assetExample(
        disposalLines('      method: 销毁', DECISION, APPROVAL, '      destruction: { irrecoverable: true }'),
      ),
      fixedExample: assetExample(disposalLines('      method: 销毁', DECISION, APPROVAL, DESTRUCTION)),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const disposal = mapAt(item, 'disposal');
    const destruction = mapAt(disposal, 'destruction');
    if (!disposal || !destruction) return;
    for (const field of VERIFICATION_FIELDS) {
      if (has(destruction, field)) continue;
      const edit = setInMap(context.file.text, destruction, field, PLACEHOLDER);
      const title =
        field === 'technique'
          ? destructionDetailsRule.meta.messages.fixTechnique
          : destructionDetailsRule.meta.messages.fixVerifiedBy;
      context.report({
        messageId: field,
        span: keySpanOf(disposal, 'destruction') ?? destruction.span,
        args: { asset: itemLabel(item) },
        path: `${scope.path}/disposal/destruction/${field}`,
        data: { asset: textAt(item, 'id'), field },
        fix: edit ? { title, edits: [edit] } : undefined,
      });
    }
  },
};
