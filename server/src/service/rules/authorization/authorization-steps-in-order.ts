/**
 * DA-AUTH-007: the security assessment and the approval come before the authorization starts, the assessment
 * before the approval (clause 4).
 */
import type { MapNode } from '../../parser/ast';
import { mapAt, scalarAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import {
  APPROVAL,
  APPROVED,
  assetExample,
  authorizationsOf,
  calendarDate,
  SOURCES,
  entityOf,
  PERIOD,
  RIGHTS,
} from './common';

export const authorizationOrderRule: Rule = {
  meta: {
    id: 'DA-AUTH-007',
    name: 'authorization-steps-in-order',
    sources: SOURCES,
    severity: 'error',
    fixable: false,
    messages: {
      assessmentAfterStart: {
        'zh-CN':
          '向“{entity}”的授权 {start} 开始，安全评估却在 {assessed} 才完成：安全评估须在授权之前完成，请核对日期',
        en: 'The authorization to "{entity}" started on {start}, but its security assessment was completed only on {assessed}: the assessment must come before the authorization; check the dates',
      },
      approvalAfterStart: {
        'zh-CN':
          '向“{entity}”的授权 {start} 开始，审批却在 {approved} 才作出：须先按资产管理权限审批，再授权，请核对日期',
        en: 'The authorization to "{entity}" started on {start}, but its approval was given only on {approved}: it must be approved within the asset-management authority before it starts; check the dates',
      },
      assessmentAfterApproval: {
        'zh-CN': '向“{entity}”的授权先审批（{approved}）后做安全评估（{assessed}）：应先完成安全评估，再据评估结果报批',
        en: 'The authorization to "{entity}" was approved ({approved}) before its security assessment ({assessed}): the assessment should come first and inform the approval',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '授权的先后顺序：安全评估和审批都不晚于授权开始日期（period.start）；安全评估晚于审批时给出警告。只比较写成有效 YYYY-MM-DD 的日期。',
        en: 'The order of events of an authorization: the security assessment and the approval are dated no later than its start (period.start); an assessment dated after the approval is a warning. Only valid YYYY-MM-DD dates are compared.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（四）条：数据加工使用权、数据产品经营权须“经安全评估并按资产管理权限审批后”方可授权运营主体。授权开始之后才评估或审批，说明授权时并未履行程序；评估晚于审批，则审批没有以评估结果为依据。日期有误时请更正日期，属实的须补办程序，所以本规则不提供自动修复。',
        en: 'Clause (4) of 财资〔2024〕1号: the two rights are authorised to an operating entity only "after a security assessment and an approval within the asset-management authority". An assessment or approval dated after the start means the authorization went ahead without them; an assessment after the approval means the approval did not rest on it. A wrong date is corrected by the steward, a true one calls for the procedure to be redone, so no automatic fix is offered.',
      },
      example: assetExample([RIGHTS, PERIOD, 'securityAssessment: { ref: AQPG-2024-03, date: 2024-06-20 }', APPROVAL]),
      fixedExample: assetExample(APPROVED),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    for (const { map, index } of authorizationsOf(item))
      checkOrder(map, `${scope.path}/authorizations/${index}`, context);
  },
};

function checkOrder(authorization: MapNode, path: string, context: RuleContext): void {
  const assessedNode = scalarAt(mapAt(authorization, 'securityAssessment'), 'date');
  const approvedNode = scalarAt(mapAt(authorization, 'approval'), 'date');
  const start = calendarDate(scalarAt(mapAt(authorization, 'period'), 'start'));
  const assessed = calendarDate(assessedNode);
  const approved = calendarDate(approvedNode);
  const assessedLate = Boolean(start && assessed && assessed > start);
  const approvedLate = Boolean(start && approved && approved > start);
  const assessedAfterApproval = !assessedLate && Boolean(assessed && approved && assessed > approved);
  if (!assessedLate && !approvedLate && !assessedAfterApproval) return;
  const args = {
    entity: entityOf(authorization),
    start: start ?? '',
    assessed: assessed ?? '',
    approved: approved ?? '',
  };
  const data = { entity: textAt(authorization, 'entity'), start, assessed, approved };
  if (assessedLate) {
    context.report({
      messageId: 'assessmentAfterStart',
      span: assessedNode!.span,
      args,
      path: `${path}/securityAssessment/date`,
      data,
    });
  }
  if (approvedLate) {
    context.report({
      messageId: 'approvalAfterStart',
      span: approvedNode!.span,
      args,
      path: `${path}/approval/date`,
      data,
    });
  }
  // One finding per date: an assessment already reported as after the start is not reported again.
  if (assessedAfterApproval) {
    context.report({
      messageId: 'assessmentAfterApproval',
      span: assessedNode!.span,
      severity: 'warning',
      args,
      path: `${path}/securityAssessment/date`,
      data,
    });
  }
}
