/** DA-SEC-002: core and important data assets record their protection measures and latest risk assessment (clause 9). */
import type { LocalizedText, SpanEdit } from '../../types';
import type { MapNode } from '../../parser/ast';
import { PLACEHOLDER } from '../../edit/yaml-edit';
import { setInBlock, setNewBlock } from '../../edit/blocks';
import { has, itemLabel, keySpanOf, mapAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { SOURCES, GRADE_EN, isHighGrade } from './common';
import { cite } from '../sources';

const SECURITY_FIELDS: Array<{ key: 'protectionMeasures' | 'lastRiskAssessment'; value: string | string[] }> = [
  { key: 'protectionMeasures', value: [PLACEHOLDER] },
  { key: 'lastRiskAssessment', value: PLACEHOLDER },
];

export const securityRecordsRule: Rule = {
  meta: {
    id: 'DA-SEC-002',
    name: 'high-grade-needs-security-records',
    sources: [...SOURCES, cite('gov-order-790', '第三十三条')],
    severity: 'warning',
    fixable: true,
    messages: {
      protectionMeasures: {
        'zh-CN':
          '资产“{asset}”为{grade}，但没有记录安全防护措施（security.protectionMeasures）：请列出采取的防护措施，如加密、访问控制、审计',
        en: 'Asset "{asset}" is {gradeEn} ({grade}) but records no protection measures (security.protectionMeasures): list the measures in place, e.g. encryption, access control, auditing',
      },
      lastRiskAssessment: {
        'zh-CN':
          '资产“{asset}”为{grade}，但没有记录最近一次风险评估日期（security.lastRiskAssessment）：请写明最近一次数据安全风险评估的日期',
        en: 'Asset "{asset}" is {gradeEn} ({grade}) but records no latest risk assessment (security.lastRiskAssessment): give the date of the latest data security risk assessment',
      },
      fixProtectionMeasures: { 'zh-CN': '添加防护措施（待填写）', en: 'Add the protection measures (to fill in)' },
      fixLastRiskAssessment: {
        'zh-CN': '添加最近风险评估日期（待填写）',
        en: 'Add the latest risk assessment date (to fill in)',
      },
      fixBlock: {
        'zh-CN': '添加安全管理块 security（防护措施、最近风险评估日期待填写）',
        en: 'Add the security block (protection measures and latest risk assessment to fill in)',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '核心数据和重要数据资产要记录安全防护措施（security.protectionMeasures）和最近一次风险评估日期（security.lastRiskAssessment），缺哪项报哪项。',
        en: 'Core and important data assets record their protection measures (security.protectionMeasures) and the date of their latest risk assessment (security.lastRiskAssessment); each missing one is reported.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（九）条：实施网络安全等级保护制度，建立数据资产安全管理制度和监测预警、应急处置机制，推进数据资产分类分级管理，并按规定开展数据安全风险评估；《网络数据安全管理条例》第三十三条要求重要数据的处理者每年度开展风险评估。核心数据、重要数据应当能够说明采取了哪些防护措施、何时评估过风险。',
        en: 'Clause (9) of 财资〔2024〕1号: the multi-level protection scheme, a data asset security management system with monitoring, early warning and emergency response, classified and graded management, and data security risk assessments as prescribed; art. 33 of the Regulations on network data security management has processors of important data assess their risks every year. Core and important data should show which protection measures were taken and when the risks were last assessed.',
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
    const block = setNewBlock(
      text,
      item,
      'security',
      Object.fromEntries(missing.map(({ key, value }) => [key, value])),
    );
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
        args: { asset: itemLabel(item), grade, gradeEn: GRADE_EN[grade] },
        path: `${scope.path}/security/${key}`,
        data: { asset: textAt(item, 'id'), grade, field: key },
        fix,
      });
    });
  },
};
