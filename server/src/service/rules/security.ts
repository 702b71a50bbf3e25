/**
 * DA-SEC-002 / DA-SEC-003: security of data assets (clause 9) — core and important data record their protection
 * measures and their latest risk assessment, and the assessment is renewed at least once a year.
 */
import type { LocalizedText } from '../types';
import type { MapNode, ScalarNode } from '../parser/ast';
import { PLACEHOLDER } from '../edit/yaml-edit';
import type { ItemScope, Rule, RuleContext, SpanEdit } from './rule';
import { gradeRank, has, keySpanOf, mapAt, scalarAt, textAt } from './helpers';
import { setInBlock, setNewBlock } from './placeholder';

const CLAUSE = '财资〔2024〕1号 (9)';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The scalar's text when it is a real calendar date `YYYY-MM-DD`; undefined otherwise (the schema reports it). */
export function isoDateOf(node: ScalarNode | undefined): string | undefined {
  if (!node || typeof node.value !== 'string') return undefined;
  const text = node.value.trim();
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? text : undefined;
}

/** The same calendar day `years` years earlier, as text; comparing ISO dates as strings orders them. */
export function yearsBefore(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;
}

function assetLabel(item: MapNode): string {
  return textAt(item, 'name') || textAt(item, 'id') || '?';
}

/** 核心数据 and 重要数据: the grades that call for recorded protection and assessments. */
function isHighGrade(grade: string): boolean {
  return (gradeRank(grade) ?? 0) >= 1;
}

const GRADE_EN: Record<string, string> = { 核心数据: 'core data', 重要数据: 'important data', 一般数据: 'general data' };

// ------------------------------------------------------------------------------------ DA-SEC-002

const SECURITY_FIELDS: Array<{ key: 'protectionMeasures' | 'lastRiskAssessment'; value: string | string[] }> = [
  { key: 'protectionMeasures', value: [PLACEHOLDER] },
  { key: 'lastRiskAssessment', value: PLACEHOLDER },
];

export const securityRecordsRule: Rule = {
  meta: {
    id: 'DA-SEC-002',
    clause: CLAUSE,
    severity: 'warning',
    messages: {
      protectionMeasures: {
        'zh-CN': '资产“{asset}”为{grade}，但没有记录安全防护措施（security.protectionMeasures）：请列出采取的防护措施，如加密、访问控制、审计',
        en: 'Asset "{asset}" is {gradeEn} ({grade}) but records no protection measures (security.protectionMeasures): list the measures in place, e.g. encryption, access control, auditing',
      },
      lastRiskAssessment: {
        'zh-CN': '资产“{asset}”为{grade}，但没有记录最近一次风险评估日期（security.lastRiskAssessment）：请写明最近一次数据安全风险评估的日期',
        en: 'Asset "{asset}" is {gradeEn} ({grade}) but records no latest risk assessment (security.lastRiskAssessment): give the date of the latest data security risk assessment',
      },
      fixProtectionMeasures: { 'zh-CN': '添加防护措施（待填写）', en: 'Add the protection measures (to fill in)' },
      fixLastRiskAssessment: { 'zh-CN': '添加最近风险评估日期（待填写）', en: 'Add the latest risk assessment date (to fill in)' },
      fixBlock: { 'zh-CN': '添加安全管理块 security（防护措施、最近风险评估日期待填写）', en: 'Add the security block (protection measures and latest risk assessment to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '核心数据和重要数据资产要记录安全防护措施（security.protectionMeasures）和最近一次风险评估日期（security.lastRiskAssessment），缺哪项报哪项。',
        en: 'Core and important data assets record their protection measures (security.protectionMeasures) and the date of their latest risk assessment (security.lastRiskAssessment); each missing one is reported.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（九）条：落实数据分类分级管理和网络安全等级保护，加强风险评估、监测预警和应急处置。级别越高的数据，越要能说明采取了哪些措施、何时评估过风险。',
        en: 'Clause (9) of 财资〔2024〕1号: classified and graded data management, multi-level protection, risk assessment, monitoring, early warning and emergency response. The higher the grade, the more a unit must show which measures it took and when it last assessed the risks.',
      },
      example: `assets:
  - id: DA-2024-0004
    name: 路网视频监控图像数据集
    securityGrade: 重要数据
    security:
      protectionLevel: 第三级`,
      fixedExample: `assets:
  - id: DA-2024-0004
    name: 路网视频监控图像数据集
    securityGrade: 重要数据
    security:
      protectionLevel: 第三级
      protectionMeasures: [视频专网隔离, 调阅登记审批, 存储加密]
      lastRiskAssessment: 2026-09-20`,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const grade = textAt(item, 'securityGrade');
    if (!isHighGrade(grade)) return;
    const security = mapAt(item, 'security');
    const missing = SECURITY_FIELDS.filter(({ key }) => !has(security, key));
    if (missing.length === 0) return;
    const text = context.file.text;
    const messages = securityRecordsRule.meta.messages;
    // With no block to insert into, one fix adds the whole block: two fixes adding `security:` would clash.
    const block = setNewBlock(text, item, 'security', Object.fromEntries(missing.map(({ key, value }) => [key, value])));
    missing.forEach(({ key, value }, i) => {
      let fix: { title: LocalizedText; edits: SpanEdit[] } | undefined;
      if (block) fix = i === 0 ? { title: messages.fixBlock, edits: [block] } : undefined;
      else {
        const edit = security ? setInBlock(text, security, key, value) : undefined;
        const title = key === 'protectionMeasures' ? messages.fixProtectionMeasures : messages.fixLastRiskAssessment;
        fix = edit ? { title, edits: [edit] } : undefined;
      }
      context.report({
        messageId: key,
        span: keySpanOf(item, 'security') ?? keySpanOf(item, 'securityGrade')!,
        args: { asset: assetLabel(item), grade, gradeEn: GRADE_EN[grade] },
        path: `${scope.path}/security/${key}`,
        data: { asset: textAt(item, 'id'), grade, field: key },
        fix,
      });
    });
  },
};

// ------------------------------------------------------------------------------------ DA-SEC-003

export const riskAssessmentAgeRule: Rule = {
  meta: {
    id: 'DA-SEC-003',
    clause: CLAUSE,
    severity: 'warning',
    messages: {
      stale: {
        'zh-CN': '资产“{asset}”（{grade}）最近一次风险评估在 {date}，距今已超过一年：请重新开展数据安全风险评估并更新日期',
        en: 'The latest risk assessment of asset "{asset}" ({gradeEn}) was on {date}, more than a year ago: carry out a new data security risk assessment and update the date',
      },
      future: {
        'zh-CN': '资产“{asset}”的最近风险评估日期 {date} 晚于今天（{today}）：只能记录已经完成的评估，请核对日期',
        en: 'The latest risk assessment of asset "{asset}" is dated {date}, after today ({today}): only an assessment already carried out can be recorded; check the date',
      },
    },
    docs: {
      description: {
        'zh-CN': '最近一次风险评估（security.lastRiskAssessment）早于今天一年以上时提示：核心数据、重要数据为警告，一般数据为提示；已处置的资产不再要求。日期晚于今天为错误。',
        en: 'Reports a latest risk assessment (security.lastRiskAssessment) more than a year before today: a warning for core and important data, information for general data; disposed assets are exempt. A date after today is an error.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（九）条要求加强数据资产风险评估和监测预警。风险随系统、用途和授权变化，评估应至少每年进行一次；尚未发生的评估不能作为记录。',
        en: 'Clause (9) of 财资〔2024〕1号 calls for risk assessment and monitoring of data assets. Risks change with systems, uses and authorizations, so an assessment is renewed at least yearly; an assessment that has not happened yet cannot be on record.',
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
    const args = { asset: assetLabel(item), date, today: context.today, grade, gradeEn: GRADE_EN[grade] ?? grade };
    const path = `${scope.path}/security/lastRiskAssessment`;
    const data = { asset: textAt(item, 'id'), date, grade };
    if (date > context.today) {
      context.report({ messageId: 'future', severity: 'error', span: node.span, args, path, data });
      return;
    }
    // A disposed asset is no longer held: no further assessment is due.
    if (has(item, 'disposal') || gradeRank(grade) === undefined) return;
    if (date >= yearsBefore(context.today, 1)) return;
    context.report({ messageId: 'stale', severity: isHighGrade(grade) ? 'warning' : 'info', span: node.span, args, path, data });
  },
};

export const SECURITY_RULES: Rule[] = [securityRecordsRule, riskAssessmentAgeRule];
