/** DA-SEC-003: the latest risk assessment is less than a year old and not in the future (clause 9). */
import type { MapNode } from '../../parser/ast';
import { has, itemLabel, mapAt, scalarAt, textAt } from '../../tree/read';
import { gradeRank, isoDateOf, yearsBefore } from '../../tree/values';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { SOURCES, GRADE_EN, isHighGrade } from './common';
import { cite } from '../sources';

export const riskAssessmentAgeRule: Rule = {
  meta: {
    id: 'DA-SEC-003',
    name: 'risk-assessment-within-a-year',
    sources: [
      ...SOURCES,
      cite('gov-order-790', '第三十三条'),
      cite('data-security-law', '第二十一条'),
      cite('practice'),
    ],
    severity: 'warning',
    fixable: false,
    messages: {
      stale: {
        'zh-CN':
          '资产“{asset}”（{grade}）最近一次风险评估在 {date}，距今已超过一年：请重新开展数据安全风险评估并更新日期',
        en: 'The latest risk assessment of asset "{asset}" ({gradeEn}) was on {date}, more than a year ago: carry out a new data security risk assessment and update the date',
      },
      future: {
        'zh-CN': '资产“{asset}”的最近风险评估日期 {date} 晚于今天（{today}）：只能记录已经完成的评估，请核对日期',
        en: 'The latest risk assessment of asset "{asset}" is dated {date}, after today ({today}): only an assessment already carried out can be recorded; check the date',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '最近一次风险评估（security.lastRiskAssessment）早于今天一年以上时提示：核心数据、重要数据为警告，一般数据为提示；已处置的资产不再要求。日期晚于今天为错误。',
        en: 'Reports a latest risk assessment (security.lastRiskAssessment) more than a year before today: a warning for core and important data, information for general data; disposed assets are exempt. A date after today is an error.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（九）条要求各部门及所属单位按规定开展数据安全风险评估，本身未规定评估周期。每年度评估的义务来自《网络数据安全管理条例》第三十三条：重要数据的处理者应当每年度对其网络数据处理活动开展风险评估；核心数据依《数据安全法》第二十一条实行更加严格的管理制度，因而按不低于重要数据的要求提示。一般数据没有每年度评估的规定，超过一年仅作提示（实务做法）。尚未完成的评估不能作为记录。',
        en: 'Clause (9) of 财资〔2024〕1号 has departments and their units carry out data security risk assessments as prescribed, without setting how often. The yearly duty comes from art. 33 of the Regulations on network data security management: a processor of important data assesses the risks of its processing every year; core data is under a stricter regime by art. 21 of the Data Security Law, so it is held to at least the same. General data has no yearly duty, so an older assessment is only noted (practice). An assessment not yet carried out cannot be on record.',
      },
      example: `assets:
  - id: DA-2024-0003
    name: 巡游出租汽车营运数据集
    securityGrade: 重要数据
    security:
      protectionMeasures: [数据库加密, 双人审批导出]
      lastRiskAssessment: 2024-09-20`,
      fixedExample: `assets:
  - id: DA-2024-0003
    name: 巡游出租汽车营运数据集
    securityGrade: 重要数据
    security:
      protectionMeasures: [数据库加密, 双人审批导出]
      lastRiskAssessment: 2026-09-18`,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const node = scalarAt(mapAt(item, 'security'), 'lastRiskAssessment');
    const date = isoDateOf(node);
    if (!node || !date) return;
    const grade = textAt(item, 'securityGrade');
    const args = { asset: itemLabel(item), date, today: context.today, grade, gradeEn: GRADE_EN[grade] ?? grade };
    const path = `${scope.path}/security/lastRiskAssessment`;
    const data = { asset: textAt(item, 'id'), date, grade };
    if (date > context.today) {
      context.report({ messageId: 'future', severity: 'error', span: node.span, args, path, data });
      return;
    }
    // A disposed asset is no longer held: no further assessment is due.
    if (has(item, 'disposal') || gradeRank(grade) === undefined) return;
    if (date >= yearsBefore(context.today, 1)) return;
    context.report({
      messageId: 'stale',
      severity: isHighGrade(grade) ? 'warning' : 'info',
      span: node.span,
      args,
      path,
      data,
    });
  },
};
