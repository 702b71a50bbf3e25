/** DA-AUTH-008: an authorization's period ends after it starts, and an expired one is noted (clause 4). */
import type { MapNode } from '../../parser/ast';
import { has, mapAt, scalarAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import {
  APPROVAL,
  APPROVED,
  ASSESSMENT,
  assetExample,
  authorizationsOf,
  calendarDate,
  SOURCES,
  entityOf,
  RIGHTS,
} from './common';

export const authorizationPeriodRule: Rule = {
  meta: {
    id: 'DA-AUTH-008',
    name: 'valid-authorization-period',
    sources: SOURCES,
    severity: 'error',
    fixable: false,
    messages: {
      endBeforeStart: {
        'zh-CN': '向“{entity}”的授权期限结束于 {end}，早于开始日期 {start}：请核对授权期限',
        en: 'The authorization to "{entity}" ends on {end}, before it starts on {start}: check the period',
      },
      expired: {
        'zh-CN':
          '向“{entity}”的授权已于 {end} 到期：如继续授权，须重新评估、审批后续期并更新期限；如已终止，请确认运营主体已停止使用数据，并在登记中注明授权已结束',
        en: 'The authorization to "{entity}" expired on {end}: to continue it, renew it after a new assessment and approval and update the period; if it has ended, make sure the entity has stopped using the data and note the end in the register',
      },
    },
    docs: {
      description: {
        'zh-CN': '授权期限（period）的结束日期不早于开始日期；已过结束日期的授权（资产未处置时）给出提示。',
        en: "An authorization's period ends no earlier than it starts; an authorization past its end date is noted (unless the asset has been disposed of).",
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（四）条：运营主体应当在授权范围内运营，授权期限是授权范围的一部分。结束早于开始的期限无法执行；过期后仍登记为有效授权，会让运营超出授权范围而不被察觉。已处置的资产不再提示到期。',
        en: 'Clause (4) of 财资〔2024〕1号: the operating entity operates within the scope of its authorization, and the period is part of that scope. A period that ends before it starts cannot be applied; an expired authorization still recorded as current hides operation beyond the authorization. Assets already disposed of are not reminded of expiry.',
      },
      example: assetExample([RIGHTS, 'period: { start: 2024-06-01, end: 2024-05-31 }', ASSESSMENT, APPROVAL]),
      fixedExample: assetExample(APPROVED),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const disposed = has(item, 'disposal');
    for (const { map, index } of authorizationsOf(item)) {
      const period = mapAt(map, 'period');
      const endNode = scalarAt(period, 'end');
      const start = calendarDate(scalarAt(period, 'start'));
      const end = calendarDate(endNode);
      if (!endNode || !end) continue;
      const args = { entity: entityOf(map), start: start ?? '', end };
      const base = {
        span: endNode.span,
        args,
        path: `${scope.path}/authorizations/${index}/period/end`,
        data: { entity: textAt(map, 'entity'), start, end },
      };
      if (start && end < start) context.report({ ...base, messageId: 'endBeforeStart' });
      else if (end < context.today && !disposed) context.report({ ...base, messageId: 'expired', severity: 'info' });
    }
  },
};
