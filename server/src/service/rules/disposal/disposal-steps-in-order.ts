/** DA-DISP-006: collective decision, approval and disposal are dated in that order (clause 6). */
import type { MapNode, ScalarNode } from '../../parser/ast';
import { mapAt, scalarAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { APPROVAL, assetExample, SOURCES, DECISION, disposalLines } from './common';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isoDate(node: ScalarNode | undefined): string | undefined {
  const text = node && typeof node.value === 'string' ? node.value.trim() : '';
  return ISO_DATE.test(text) ? text : undefined;
}

export const disposalOrderRule: Rule = {
  meta: {
    id: 'DA-DISP-006',
    name: 'disposal-steps-in-order',
    sources: SOURCES,
    severity: 'warning',
    fixable: false,
    messages: {
      approvalBeforeDecision: {
        'zh-CN': '处置审批日期 {date} 早于集体决策日期 {earlier}：应先集体决策，再履行审批程序',
        en: 'The disposal approval is dated {date}, before the collective decision of {earlier}: the decision comes first, then the approval',
      },
      disposalBeforeApproval: {
        'zh-CN': '处置日期 {date} 早于审批日期 {earlier}：应在取得处置批复后再处置',
        en: 'The disposal is dated {date}, before its approval of {earlier}: an asset is disposed of only once the approval is given',
      },
      disposalBeforeDecision: {
        'zh-CN': '处置日期 {date} 早于集体决策日期 {earlier}：应在集体决策并获批后再处置',
        en: 'The disposal is dated {date}, before the collective decision of {earlier}: an asset is disposed of only after the decision and the approval',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '处置各环节的日期应依次为：集体决策（decision.date）≤ 审批（approval.date）≤ 处置（disposal.date）。没有审批日期时，处置日期与决策日期比较。',
        en: 'The disposal dates follow the procedure: collective decision (decision.date) ≤ approval (approval.date) ≤ disposal (disposal.date). Without an approval date, the disposal date is compared with the decision date.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（六）条：处置须经集体决策、履行审批程序，依据处置事项批复处置。日期倒置说明程序未按序履行，或日期填错。',
        en: 'Clause (6) of 财资〔2024〕1号: disposal follows a collective decision and an approval procedure, then the approval itself. Dates out of order mean the procedure was not followed in order, or a date is wrong.',
      },
      example: assetExample(disposalLines('      method: 无偿划转', '      date: 2024-10-08', DECISION, APPROVAL)),
      fixedExample: assetExample(disposalLines('      method: 无偿划转', '      date: 2024-10-25', DECISION, APPROVAL)),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const disposal = mapAt(item, 'disposal');
    if (!disposal) return;
    const decisionNode = scalarAt(mapAt(disposal, 'decision'), 'date');
    const approvalNode = scalarAt(mapAt(disposal, 'approval'), 'date');
    const disposalNode = scalarAt(disposal, 'date');
    const decision = isoDate(decisionNode);
    const approval = isoDate(approvalNode);
    const disposed = isoDate(disposalNode);
    const report = (messageId: string, node: ScalarNode, date: string, earlier: string, path: string) =>
      context.report({
        messageId,
        span: node.span,
        args: { date, earlier },
        path: `${scope.path}${path}`,
        data: { asset: textAt(item, 'id'), date, earlier },
      });
    if (approvalNode && approval && decision && approval < decision) {
      report('approvalBeforeDecision', approvalNode, approval, decision, '/disposal/approval/date');
    }
    if (disposalNode && disposed) {
      if (approval && disposed < approval)
        report('disposalBeforeApproval', disposalNode, disposed, approval, '/disposal/date');
      else if (!approval && decision && disposed < decision)
        report('disposalBeforeDecision', disposalNode, disposed, decision, '/disposal/date');
    }
  },
};
