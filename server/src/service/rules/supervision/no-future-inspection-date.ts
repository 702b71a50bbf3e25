/** DA-SUP-002: an inspection record is not dated after today (clause 10). */
import type { MapNode } from '../../parser/ast';
import { itemLabel, mapsOf, scalarAt, seqAt, textAt } from '../../tree/read';
import { isoDateOf } from '../../tree/values';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { notice } from '../sources';

export const inspectionDateRule: Rule = {
  meta: {
    id: 'DA-SUP-002',
    name: 'no-future-inspection-date',
    sources: [notice('(10)')],
    severity: 'warning',
    fixable: false,
    messages: {
      future: {
        'zh-CN':
          '资产“{asset}”的检查记录日期 {date} 晚于今天（{today}）：只能登记已经开展的检查，计划中的检查请勿写入，请核对日期',
        en: 'An inspection of asset "{asset}" is dated {date}, after today ({today}): record only inspections that took place, not planned ones; check the date',
      },
    },
    docs: {
      description: {
        'zh-CN': '监督检查记录的日期（inspections[].date）不能晚于今天。',
        en: "An inspection record's date (inspections[].date) is not after today.",
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（十）条要求开展日常监督和专项检查；检查记录是已发生事实的证明，未来日期说明日期写错，或把计划当成了记录。',
        en: 'Clause (10) of 财资〔2024〕1号 calls for routine and special inspections; an inspection record proves something that happened, so a future date is a wrong date or a plan written down as a record.',
      },
      example: `assets:
  - id: DA-2024-0003
    name: 巡游出租汽车营运数据集
    inspections:
      - { date: 2027-06-18, kind: 日常, inspector: 科技信息处 }`,
      fixedExample: `assets:
  - id: DA-2024-0003
    name: 巡游出租汽车营运数据集
    inspections:
      - { date: 2026-06-18, kind: 日常, inspector: 科技信息处 }`,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    for (const { map, index } of mapsOf(seqAt(item, 'inspections'))) {
      const node = scalarAt(map, 'date');
      const date = isoDateOf(node);
      if (!node || !date || date <= context.today) continue;
      context.report({
        messageId: 'future',
        span: node.span,
        args: { asset: itemLabel(item), date, today: context.today },
        path: `${scope.path}/inspections/${index}/date`,
        data: { asset: textAt(item, 'id'), date },
      });
    }
  },
};
