/** DA-AUTH-012: no authorization of an asset runs on after the asset's disposal (clauses 4, 6). */
import type { MapNode } from '../../parser/ast';
import { itemAnchor, itemLabel, mapAt, scalarAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { notice } from '../sources';
import { APPROVAL, ASSESSMENT, assetExample, authorizationsOf, calendarDate, entityOf, RIGHTS } from './common';

const DISPOSAL = [
  'disposal:',
  '  method: 转让',
  '  date: 2025-06-30',
  '  decision: { ref: 局务会纪要〔2025〕9号, date: 2025-05-20 }',
  '  approval: { ref: 某财资〔2025〕31号, date: 2025-06-10 }',
  '  valuation: { method: 市场法, ref: PG-2025-11 }',
];

export const authorizationAfterDisposalRule: Rule = {
  meta: {
    id: 'DA-AUTH-012',
    name: 'no-authorization-after-disposal',
    sources: [notice('(4), (6)')],
    severity: 'error',
    fixable: false,
    messages: {
      noEnd: {
        'zh-CN':
          '资产“{asset}”已于 {disposed} 处置，向“{entity}”的授权却没有结束日期（period.end）：资产处置后，单位不再持有该资产，授权须随之终止。请写明授权的终止日期（不晚于处置日期），并确认运营主体已停止使用数据',
        en: 'Asset "{asset}" was disposed of on {disposed}, yet the authorization to "{entity}" has no end date (period.end): once the unit no longer holds the asset, its authorizations end too. Give the date the authorization ended (no later than the disposal) and make sure the entity has stopped using the data',
      },
      endsAfter: {
        'zh-CN':
          '资产“{asset}”已于 {disposed} 处置，向“{entity}”的授权却到 {end} 才结束：资产处置后授权不能继续有效。请提前终止授权并把结束日期改为实际终止日期（不晚于处置日期），并确认运营主体已停止使用数据',
        en: 'Asset "{asset}" was disposed of on {disposed}, yet the authorization to "{entity}" runs until {end}: an authorization cannot outlast the disposal of its asset. End it early, set the end date to the day it actually ended (no later than the disposal), and make sure the entity has stopped using the data',
      },
      noEndUndated: {
        'zh-CN':
          '资产“{asset}”已处置（disposal），向“{entity}”的授权却没有结束日期（period.end）：资产处置后授权须随之终止。请写明处置日期和授权的终止日期，并确认运营主体已停止使用数据',
        en: 'Asset "{asset}" has been disposed of (disposal), yet the authorization to "{entity}" has no end date (period.end): its authorizations end with the disposal. Give the disposal date and the date the authorization ended, and make sure the entity has stopped using the data',
      },
      endsAfterToday: {
        'zh-CN':
          '资产“{asset}”已处置（disposal），向“{entity}”的授权却到 {end} 才结束：资产处置后授权不能继续有效。请写明处置日期，提前终止授权并更新结束日期',
        en: 'Asset "{asset}" has been disposed of (disposal), yet the authorization to "{entity}" runs until {end}: an authorization cannot outlast the disposal of its asset. Give the disposal date, end the authorization early and update its end date',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '已处置（有 disposal）的资产，其授权都须已终止：授权结束日期（period.end）不晚于处置日期（disposal.date）；没有处置日期时，不晚于今天。没有结束日期的授权视为仍然有效。',
        en: 'On a disposed asset (one with disposal) every authorization has ended: its end date (period.end) is no later than the disposal date (disposal.date), or than today when the disposal is undated. An authorization without an end date counts as still in force.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（四）条：授权运营主体在授权范围内运营的，是单位持有的数据资产；第（六）条：处置（转让、划转、销毁等）后单位不再持有该资产。登记中仍然有效的授权，说明运营主体可能仍在使用已转让或已销毁的数据，或者授权终止没有记录。日期由数据管理者核实，所以本规则不提供自动修复。',
        en: 'Clause (4) of 财资〔2024〕1号: an operating entity operates, within its authorization, a data asset the unit holds; clause (6): after a disposal (sale, transfer, destruction, ...) the unit holds it no more. An authorization still in force on the register means the entity may still be using data that was sold or destroyed, or that the end of the authorization was never recorded. The steward checks the dates, so no automatic fix is offered.',
      },
      example: assetExample([RIGHTS, 'period: { start: 2024-06-01, end: 2029-05-31 }', ASSESSMENT, APPROVAL], DISPOSAL),
      fixedExample: assetExample(
        [RIGHTS, 'period: { start: 2024-06-01, end: 2025-06-30 }', ASSESSMENT, APPROVAL],
        DISPOSAL,
      ),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const disposal = mapAt(item, 'disposal');
    if (!disposal) return;
    const disposed = calendarDate(scalarAt(disposal, 'date'));
    const limit = disposed ?? context.today;
    for (const { map, index } of authorizationsOf(item)) {
      const endNode = scalarAt(mapAt(map, 'period'), 'end');
      const end = calendarDate(endNode);
      // An end date that is no date is the schema's finding.
      if (endNode && endNode.value !== null && !end) continue;
      if (end && end <= limit) continue;
      const args = { asset: itemLabel(item), entity: entityOf(map), disposed: disposed ?? '', end: end ?? '' };
      context.report({
        messageId: end ? (disposed ? 'endsAfter' : 'endsAfterToday') : disposed ? 'noEnd' : 'noEndUndated',
        span: end ? endNode!.span : itemAnchor(map),
        args,
        path: `${scope.path}/authorizations/${index}${end ? '/period/end' : ''}`,
        data: { asset: textAt(item, 'id'), entity: textAt(map, 'entity'), disposed, end },
      });
    }
  },
};
