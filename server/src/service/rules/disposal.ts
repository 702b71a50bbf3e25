/**
 * DA-DISP-001..006: the disposal of a data asset (clause 6) — a collective decision, an approval document, and for
 * deletion or destruction a record that professional means made the data unrecoverable, verified by someone; the
 * steps in that order.
 */
import type { MapNode, ScalarNode } from '../parser/ast';
import type { InsertValue } from '../edit/yaml-edit';
import { PLACEHOLDER, setInMap } from '../edit/yaml-edit';
import type { ItemScope, Rule, RuleContext, RuleMeta } from './rule';
import { has, keySpanOf, mapAt, scalarAt, textAt } from './helpers';

const CLAUSE = '财资〔2024〕1号 (6)';

/** Disposal methods that end the data itself, so that a destruction record is due. */
const DESTROYING_METHODS = ['销毁', '删除'];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function assetLabel(item: MapNode): string {
  return textAt(item, 'name') || textAt(item, 'id') || '?';
}

/** An asset as the docs show it, with the given `disposal:` block lines. */
function assetExample(disposal: string): string {
  return `assets:
  - id: DA-2019-0007
    name: 公交IC卡历史交易明细
    disposal:
${disposal}`;
}

const DECISION = '      decision: { ref: 局务会纪要〔2024〕18号, date: 2024-09-27 }';
const APPROVAL = '      approval: { ref: 某财资〔2024〕88号, date: 2024-10-15 }';
const DESTRUCTION = `      destruction:
        irrecoverable: true
        technique: 存储介质多次覆写后消磁
        verifiedBy: 科技信息处`;

function disposalLines(...lines: string[]): string {
  return lines.join('\n');
}

// ------------------------------------------------------------------------------------ records a disposal needs

interface RecordRequirement {
  id: string;
  key: 'decision' | 'approval' | 'destruction';
  value: Record<string, InsertValue>;
  /** Only disposals by these methods need the record; every disposal when absent. */
  methods?: string[];
  meta: Pick<RuleMeta, 'messages' | 'docs'>;
}

function recordRule(requirement: RecordRequirement): Rule {
  const { key } = requirement;
  return {
    meta: {
      id: requirement.id,
      clause: CLAUSE,
      severity: 'error',
      replacesSchemaAt: [`/assets/*/disposal/${key}`],
      ...requirement.meta,
    },
    checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
      if (scope.kind !== 'asset') return;
      const disposal = mapAt(item, 'disposal');
      if (!disposal || has(disposal, key)) return;
      const method = textAt(disposal, 'method');
      if (requirement.methods && !requirement.methods.includes(method)) return;
      const edit = setInMap(context.file.text, disposal, key, requirement.value);
      context.report({
        messageId: 'missing',
        span: keySpanOf(item, 'disposal') ?? disposal.span,
        args: { asset: assetLabel(item), method: method || '?' },
        path: `${scope.path}/disposal/${key}`,
        data: { asset: textAt(item, 'id'), method, field: key },
        fix: edit ? { title: requirement.meta.messages.fix, edits: [edit] } : undefined,
      });
    },
  };
}

export const disposalDecisionRule = recordRule({
  id: 'DA-DISP-001',
  key: 'decision',
  value: { ref: PLACEHOLDER, date: PLACEHOLDER },
  meta: {
    messages: {
      missing: {
        'zh-CN': '资产“{asset}”的处置没有集体决策记录（disposal.decision）：数据资产处置须经集体决策，请写明会议纪要或决策文件编号和日期',
        en: 'The disposal of asset "{asset}" has no collective decision record (disposal.decision): a data asset is disposed of only by collective decision; give the minutes or decision number and its date',
      },
      fix: { 'zh-CN': '添加集体决策记录（编号、日期待填写）', en: 'Add the collective decision record (number and date to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '每项数据资产处置都要有集体决策记录：会议纪要或决策文件编号及日期。',
        en: 'Every disposal of a data asset records its collective decision: the minutes or decision number and date.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（六）条：数据资产处置须经集体决策，履行审批程序，依据处置事项批复等相关文件及时处置。',
        en: 'Clause (6) of 财资〔2024〕1号: data assets are disposed of through collective decision-making and an approval procedure, following the disposal approval and related documents.',
      },
      example: assetExample(disposalLines('      method: 无偿划转', APPROVAL)),
      fixedExample: assetExample(disposalLines('      method: 无偿划转', DECISION, APPROVAL)),
    },
  },
});

export const disposalApprovalRule = recordRule({
  id: 'DA-DISP-002',
  key: 'approval',
  value: { ref: PLACEHOLDER },
  meta: {
    messages: {
      missing: {
        'zh-CN': '资产“{asset}”的处置没有审批文件（disposal.approval）：数据资产处置须履行审批程序，按处置事项批复文件处置，请写明批复文号',
        en: 'The disposal of asset "{asset}" has no approval document (disposal.approval): disposal follows an approval procedure and the disposal approval; give the approval number',
      },
      fix: { 'zh-CN': '添加处置审批文件（文号待填写）', en: 'Add the disposal approval (number to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '每项数据资产处置都要有处置审批文件：批复文号（可加审批机关、日期）。',
        en: 'Every disposal of a data asset records its approval document: the approval number (and optionally the authority and date).',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（六）条：数据资产处置须履行审批程序，依据处置事项批复等相关文件处置。',
        en: 'Clause (6) of 财资〔2024〕1号: data assets are disposed of after an approval procedure, following the disposal approval and related documents.',
      },
      example: assetExample(disposalLines('      method: 无偿划转', DECISION)),
      fixedExample: assetExample(disposalLines('      method: 无偿划转', DECISION, APPROVAL)),
    },
  },
});

export const destructionRecordRule = recordRule({
  id: 'DA-DISP-003',
  key: 'destruction',
  value: { irrecoverable: PLACEHOLDER, technique: PLACEHOLDER, verifiedBy: PLACEHOLDER },
  methods: DESTROYING_METHODS,
  meta: {
    messages: {
      missing: {
        'zh-CN': '资产“{asset}”以“{method}”方式处置，但没有销毁记录（disposal.destruction）：请写明采用的专业技术手段、是否已确保不可恢复以及核验人',
        en: 'Asset "{asset}" was disposed of by {method} but has no destruction record (disposal.destruction): state the professional technique used, whether the data was made unrecoverable, and who verified it',
      },
      fix: { 'zh-CN': '添加销毁记录（不可恢复、技术手段、核验人待填写）', en: 'Add a destruction record (irrecoverable, technique and verifier to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '以“销毁”或“删除”方式处置的资产，须有销毁记录：是否不可恢复、技术手段、核验人。',
        en: 'An asset disposed of by 销毁 (destruction) or 删除 (deletion) has a destruction record: whether it is unrecoverable, the technique, and who verified it.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（六）条：确需彻底删除、销毁数据资产的，应按照保密制度采用专业技术手段彻底销毁，确保不可恢复。',
        en: 'Clause (6) of 财资〔2024〕1号: where data assets must be completely deleted or destroyed, professional technical means are used under the confidentiality system so that they cannot be restored.',
      },
      example: assetExample(disposalLines('      method: 销毁', DECISION, APPROVAL)),
      fixedExample: assetExample(disposalLines('      method: 销毁', DECISION, APPROVAL, DESTRUCTION)),
    },
  },
});

// ------------------------------------------------------------------------------------ the destruction record

export const irrecoverableRule: Rule = {
  meta: {
    id: 'DA-DISP-004',
    clause: CLAUSE,
    severity: 'error',
    messages: {
      recoverable: {
        'zh-CN': '资产“{asset}”的销毁记录写明数据仍可恢复（irrecoverable: false）：彻底删除、销毁须采用专业技术手段，确保不可恢复。请按保密制度重新销毁并核验',
        en: 'The destruction record of asset "{asset}" says the data can still be restored (irrecoverable: false): complete deletion or destruction uses professional means so that nothing can be restored. Destroy it again under the confidentiality system and have it verified',
      },
      unconfirmed: {
        'zh-CN': '资产“{asset}”的销毁记录没有确认数据不可恢复（irrecoverable 为“{value}”）：核实已确保不可恢复后填写 true',
        en: 'The destruction record of asset "{asset}" does not confirm the data is unrecoverable (irrecoverable is "{value}"): once it is verified that nothing can be restored, write true',
      },
    },
    docs: {
      description: {
        'zh-CN': '销毁记录的 irrecoverable 必须为 true（已确保不可恢复）。',
        en: 'A destruction record\'s irrecoverable is true (the data was made unrecoverable).',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（六）条：确需彻底删除、销毁数据资产的，应采用专业技术手段彻底销毁，确保不可恢复。这是须经核实的事实，所以本规则不提供修复。',
        en: 'Clause (6) of 财资〔2024〕1号: data assets that are deleted or destroyed are destroyed completely by professional technical means, so that they cannot be restored. That is a fact to verify, so no fix is offered.',
      },
      example: assetExample(disposalLines('      method: 删除', DECISION, APPROVAL, DESTRUCTION.replace('irrecoverable: true', 'irrecoverable: false   # 仅逻辑删除'))),
      fixedExample: assetExample(disposalLines('      method: 删除', DECISION, APPROVAL, DESTRUCTION)),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const destruction = mapAt(mapAt(item, 'disposal'), 'destruction');
    const value = scalarAt(destruction, 'irrecoverable');
    // An absent value is the schema's missing required field; a non-scalar, its type error.
    if (!value || value.value === true || (value.value === null && value.source === '')) return;
    context.report({
      messageId: value.value === false ? 'recoverable' : 'unconfirmed',
      span: value.span,
      args: { asset: assetLabel(item), value: value.source },
      path: `${scope.path}/disposal/destruction/irrecoverable`,
      data: { asset: textAt(item, 'id'), value: value.value },
    });
  },
};

const VERIFICATION_FIELDS = ['technique', 'verifiedBy'] as const;

export const destructionDetailsRule: Rule = {
  meta: {
    id: 'DA-DISP-005',
    clause: CLAUSE,
    severity: 'warning',
    messages: {
      technique: {
        'zh-CN': '资产“{asset}”的销毁记录没有写明技术手段（destruction.technique），如多次覆写、消磁、物理粉碎',
        en: 'The destruction record of asset "{asset}" does not state the technique (destruction.technique), e.g. multi-pass overwrite, degaussing, physical shredding',
      },
      verifiedBy: {
        'zh-CN': '资产“{asset}”的销毁记录没有写明核验人（destruction.verifiedBy）：由谁核验了销毁结果',
        en: 'The destruction record of asset "{asset}" does not say who verified it (destruction.verifiedBy)',
      },
      fixTechnique: { 'zh-CN': '添加销毁技术手段（待填写）', en: 'Add the destruction technique (to fill in)' },
      fixVerifiedBy: { 'zh-CN': '添加核验人（待填写）', en: 'Add who verified the destruction (to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '销毁记录应写明采用的技术手段（technique）和核验人（verifiedBy），缺哪项报哪项。',
        en: 'A destruction record states the technique used (technique) and who verified it (verifiedBy); each missing one is reported.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（六）条要求按照保密制度、采用专业技术手段彻底销毁；写明手段和核验人，才能证明销毁确实不可恢复、责任可追溯。',
        en: 'Clause (6) of 财资〔2024〕1号 requires complete destruction by professional technical means under the confidentiality system; the technique and the verifier are what show it was unrecoverable and who answers for it.',
      },
      example: assetExample(disposalLines('      method: 销毁', DECISION, APPROVAL, '      destruction: { irrecoverable: true }')),
      fixedExample: assetExample(disposalLines('      method: 销毁', DECISION, APPROVAL, DESTRUCTION)),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const disposal = mapAt(item, 'disposal');
    const destruction = mapAt(disposal, 'destruction');
    if (!disposal || !destruction) return;
    for (const field of VERIFICATION_FIELDS) {
      if (has(destruction, field)) continue;
      const edit = setInMap(context.file.text, destruction, field, PLACEHOLDER);
      const title = field === 'technique' ? destructionDetailsRule.meta.messages.fixTechnique : destructionDetailsRule.meta.messages.fixVerifiedBy;
      context.report({
        messageId: field,
        span: keySpanOf(disposal, 'destruction') ?? destruction.span,
        args: { asset: assetLabel(item) },
        path: `${scope.path}/disposal/destruction/${field}`,
        data: { asset: textAt(item, 'id'), field },
        fix: edit ? { title, edits: [edit] } : undefined,
      });
    }
  },
};

// ------------------------------------------------------------------------------------ the order of the steps

function isoDate(node: ScalarNode | undefined): string | undefined {
  const text = node && typeof node.value === 'string' ? node.value.trim() : '';
  return ISO_DATE.test(text) ? text : undefined;
}

export const disposalOrderRule: Rule = {
  meta: {
    id: 'DA-DISP-006',
    clause: CLAUSE,
    severity: 'warning',
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
        'zh-CN': '处置各环节的日期应依次为：集体决策（decision.date）≤ 审批（approval.date）≤ 处置（disposal.date）。没有审批日期时，处置日期与决策日期比较。',
        en: 'The disposal dates follow the procedure: collective decision (decision.date) ≤ approval (approval.date) ≤ disposal (disposal.date). Without an approval date, the disposal date is compared with the decision date.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（六）条：处置须经集体决策、履行审批程序，依据处置事项批复处置。日期倒置说明程序未按序履行，或日期填错。',
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
      context.report({ messageId, span: node.span, args: { date, earlier }, path: `${scope.path}${path}`, data: { asset: textAt(item, 'id'), date, earlier } });
    if (approvalNode && approval && decision && approval < decision) {
      report('approvalBeforeDecision', approvalNode, approval, decision, '/disposal/approval/date');
    }
    if (disposalNode && disposed) {
      if (approval && disposed < approval) report('disposalBeforeApproval', disposalNode, disposed, approval, '/disposal/date');
      else if (!approval && decision && disposed < decision) report('disposalBeforeDecision', disposalNode, disposed, decision, '/disposal/date');
    }
  },
};

export const DISPOSAL_RULES: Rule[] = [
  disposalDecisionRule,
  disposalApprovalRule,
  destructionRecordRule,
  irrecoverableRule,
  destructionDetailsRule,
  disposalOrderRule,
];
