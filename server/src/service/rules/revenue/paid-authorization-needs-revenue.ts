/** DA-REV-004: a paid authorization shows the revenue it brought in (clause 7). */
import type { MapNode } from '../../parser/ast';
import { itemLabel, keySpanOf, mapAt, mapsOf, scalarAt, seqAt, textAt } from '../../tree/read';
import { isoDateOf } from '../../tree/values';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { SOURCES, isPaid, revenueLines } from './common';

export const uncollectedRevenueRule: Rule = {
  meta: {
    id: 'DA-REV-004',
    name: 'paid-authorization-needs-revenue',
    sources: SOURCES,
    severity: 'info',
    fixable: false,
    messages: {
      noRevenue: {
        'zh-CN':
          '向“{entity}”的授权是有偿的（paid: true），但资产“{asset}”没有使用收入记录（revenue 中 source: 使用）：请登记已收取的收入，防止应收未收、少收',
        en: 'The authorization to "{entity}" is paid (paid: true), but asset "{asset}" has no income from use (a revenue line with source: 使用): record what was collected, so that nothing due goes uncollected or under-collected',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '资产有有偿授权（paid: true）却没有任何使用收入记录时提示。尚未开始的授权（period.start 晚于今天）不提示。',
        en: 'Notes an asset with a paid authorization (paid: true) but no revenue line from use. Authorizations that have not started yet (period.start after today) are left alone.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（七）条：建立合理的数据资产收益分配机制；任何行政事业单位及个人不得违反国家规定多收、少收、不收数据资产相关收入。有偿授权在登记中应有对应的收入记录，缺少记录时提示核实。',
        en: 'Clause (7) of 财资〔2024〕1号: a reasonable revenue distribution mechanism for data assets; no administrative institution or person may, against state rules, over-collect, under-collect or fail to collect income related to data assets. A paid authorization should show its income in the register; when it does not, this note asks for a check.',
      },
      example: `assets:
  - id: DA-2024-0001
    name: 公交运行监测数据集
    authorizations:
      - entity: 某市大数据运营有限公司
        rights: [数据加工使用权]
        paid: true
        fee: { amount: 120000 }
        valuation: { method: 收益法, ref: PG-2024-08 }`,
      fixedExample: `assets:
  - id: DA-2024-0001
    name: 公交运行监测数据集
    authorizations:
      - entity: 某市大数据运营有限公司
        rights: [数据加工使用权]
        paid: true
        fee: { amount: 120000 }
        valuation: { method: 收益法, ref: PG-2024-08 }
    revenue:
      - { year: 2024, source: 使用, amount: 120000, handling: 非税收入 }`,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    if (revenueLines(item, scope).some((line) => line.source === '使用')) return;
    for (const { map, index } of mapsOf(seqAt(item, 'authorizations'))) {
      const paidKey = keySpanOf(map, 'paid');
      if (!isPaid(map) || !paidKey) continue;
      const start = isoDateOf(scalarAt(mapAt(map, 'period'), 'start'));
      if (start && start > context.today) continue; // not in force yet: nothing is due
      context.report({
        messageId: 'noRevenue',
        span: paidKey,
        args: { entity: textAt(map, 'entity') || '?', asset: itemLabel(item) },
        path: `${scope.path}/authorizations/${index}/paid`,
        data: { asset: textAt(item, 'id'), entity: textAt(map, 'entity') },
      });
    }
  },
};
