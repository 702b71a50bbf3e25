/** DA-SUP-001: core and important data assets have inspection records (clause 10). */
import type { MapNode } from '../../parser/ast';
import { has, itemAnchor, itemLabel, seqAt, textAt } from '../../tree/read';
import { gradeRank } from '../../tree/values';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { cite, notice } from '../sources';

const GRADE_EN: Record<string, string> = { 核心数据: 'core data', 重要数据: 'important data' };

export const inspectionRecordRule: Rule = {
  meta: {
    id: 'DA-SUP-001',
    name: 'high-grade-needs-inspection',
    sources: [notice('(10)'), cite('practice')],
    severity: 'info',
    fixable: false,
    messages: {
      none: {
        'zh-CN':
          '资产“{asset}”为{grade}，但没有监督检查记录（inspections）：请登记对它开展的日常监督或专项检查（日期、类型、检查主体、结论）',
        en: 'Asset "{asset}" is {gradeEn} ({grade}) but has no inspection record (inspections): record the routine or special inspections of it (date, kind, inspector, findings)',
      },
    },
    docs: {
      description: {
        'zh-CN': '核心数据、重要数据资产没有任何监督检查记录（inspections 缺失或为空）时提示；已处置的资产不再要求。',
        en: 'Notes a core or important data asset with no inspection record (inspections absent or empty); disposed assets are exempt.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（十）条：建立全过程监管机制，把事前、事中、事后监管结合起来，日常监督与专项检查相结合。第（十）条没有按数据级别规定检查，对核心数据、重要数据要求留有检查记录是实务做法，所以只作提示。',
        en: 'Clause (10) of 财资〔2024〕1号: supervision covers the whole process, before, during and after, combining routine supervision with special inspections. Clause (10) sets no inspections by grade; asking core and important data to show theirs is practice, so this is information only.',
      },
      example: `assets:
  - id: DA-2024-0004
    name: 路网视频监控图像数据集
    securityGrade: 重要数据`,
      fixedExample: `assets:
  - id: DA-2024-0004
    name: 路网视频监控图像数据集
    securityGrade: 重要数据
    inspections:
      - { date: 2024-06-18, kind: 日常, inspector: 科技信息处, findings: 调阅登记完整 }`,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const grade = textAt(item, 'securityGrade');
    // A disposed asset is no longer held: there is nothing left to inspect.
    if ((gradeRank(grade) ?? 0) < 1 || has(item, 'disposal')) return;
    const inspections = seqAt(item, 'inspections');
    if (inspections ? inspections.items.length > 0 : has(item, 'inspections')) return;
    context.report({
      messageId: 'none',
      span: itemAnchor(item),
      args: { asset: itemLabel(item), grade, gradeEn: GRADE_EN[grade] },
      path: `${scope.path}/inspections`,
      data: { asset: textAt(item, 'id'), grade },
    });
  },
};
