/** DA-DISP-004: a destruction record confirms the data cannot be restored (clause 6). */
import type { MapNode } from '../../parser/ast';
import { itemLabel, mapAt, scalarAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { APPROVAL, assetExample, SOURCES, DECISION, DESTRUCTION, disposalLines } from './common';

export const irrecoverableRule: Rule = {
  meta: {
    id: 'DA-DISP-004',
    name: 'destruction-irrecoverable',
    sources: SOURCES,
    severity: 'error',
    fixable: false,
    messages: {
      recoverable: {
        'zh-CN':
          '资产“{asset}”的销毁记录写明数据仍可恢复（irrecoverable: false）：彻底删除、销毁须采用专业技术手段，确保不可恢复。请按保密制度重新销毁并核验',
        en: 'The destruction record of asset "{asset}" says the data can still be restored (irrecoverable: false): complete deletion or destruction uses professional means so that nothing can be restored. Destroy it again under the confidentiality system and have it verified',
      },
      unconfirmed: {
        'zh-CN':
          '资产“{asset}”的销毁记录没有确认数据不可恢复（irrecoverable 为“{value}”）：核实已确保不可恢复后填写 true',
        en: 'The destruction record of asset "{asset}" does not confirm the data is unrecoverable (irrecoverable is "{value}"): once it is verified that nothing can be restored, write true',
      },
    },
    docs: {
      description: {
        'zh-CN': '销毁记录的 irrecoverable 必须为 true（已确保不可恢复）。',
        en: "A destruction record's irrecoverable is true (the data was made unrecoverable).",
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（六）条：确需彻底删除、销毁数据资产的，应采用专业技术手段彻底销毁，确保不可恢复。这是须经核实的事实，所以本规则不提供修复。',
        en: 'Clause (6) of 财资〔2024〕1号: data assets that are deleted or destroyed are destroyed completely by professional technical means, so that they cannot be restored. That is a fact to verify, so no fix is offered.',
      },
      example: assetExample(
        disposalLines(
          '      method: 删除',
          DECISION,
          APPROVAL,
          DESTRUCTION.replace('irrecoverable: true', 'irrecoverable: false   # 仅逻辑删除'),
        ),
      ),
      fixedExample: assetExample(disposalLines('      method: 删除', DECISION, APPROVAL, DESTRUCTION)),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const destruction = mapAt(mapAt(item, 'disposal'), 'destruction');
    const value = scalarAt(destruction, 'irrecoverable');
    // An absent value is the schema's missing required field; a non-scalar, its type error.
    if (!value || value.value === true || (value.value === null && value.source === '')) return;
    context.report({
      messageId: value.value === false ? 'recoverable' : 'unconfirmed',
      span: value.span,
      args: { asset: itemLabel(item), value: value.source },
      path: `${scope.path}/disposal/destruction/irrecoverable`,
      data: { asset: textAt(item, 'id'), value: value.value },
    });
  },
};
