/**
 * DA-AUTH-001 / DA-AUTH-002: an authorization of a data asset to an operating entity needs a security assessment
 * and an approval within the unit's asset-management authority before it is granted (clause 4).
 */
import type { MapNode } from '../parser/ast';
import { PLACEHOLDER, setInMap } from '../edit/yaml-edit';
import type { ItemScope, Rule, RuleContext, RuleMeta } from './rule';
import { has, itemAnchor, mapsOf, seqAt, textAt } from './helpers';

const CLAUSE = '财资〔2024〕1号 (4)';

const FIXED = `authorizations:
  - entity: 某市大数据运营有限公司
    rights: [数据加工使用权]
    securityAssessment: { ref: AQPG-2024-03, date: 2024-05-10 }
    approval: { ref: 某财资〔2024〕56号, authority: 某市财政局 }`;

interface Requirement {
  id: string;
  key: 'securityAssessment' | 'approval';
  value: Record<string, string>;
  meta: Omit<RuleMeta, 'id' | 'clause' | 'severity' | 'replacesSchemaAt'>;
}

function authorizationRule(requirement: Requirement): Rule {
  return {
    meta: {
      id: requirement.id,
      clause: CLAUSE,
      severity: 'error',
      replacesSchemaAt: [`/assets/*/authorizations/*/${requirement.key}`],
      ...requirement.meta,
    },
    checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
      if (scope.kind !== 'asset') return;
      for (const { map, index } of mapsOf(seqAt(item, 'authorizations'))) {
        if (has(map, requirement.key)) continue;
        const edit = setInMap(context.file.text, map, requirement.key, requirement.value);
        context.report({
          messageId: 'missing',
          span: itemAnchor(map),
          args: { entity: textAt(map, 'entity') || '?' },
          path: `${scope.path}/authorizations/${index}/${requirement.key}`,
          fix: edit ? { title: requirement.meta.messages.fix, edits: [edit] } : undefined,
        });
      }
    },
  };
}

export const authorizationAssessmentRule = authorizationRule({
  id: 'DA-AUTH-001',
  key: 'securityAssessment',
  value: { ref: PLACEHOLDER, date: PLACEHOLDER },
  meta: {
    messages: {
      missing: {
        'zh-CN': '向“{entity}”的授权没有安全评估记录（securityAssessment）：授权须在安全评估之后进行',
        en: 'The authorization to "{entity}" has no security assessment (securityAssessment): an authorization may only follow a security assessment',
      },
      fix: { 'zh-CN': '添加安全评估记录（文号、日期待填写）', en: 'Add a security assessment record (reference and date to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '每项数据资产授权都要有安全评估记录：评估文号和日期。',
        en: 'Every authorization of a data asset records its security assessment: reference and date.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（四）条：数据加工使用权、数据产品经营权须经安全评估，并按资产管理权限审批后，方可授权运营主体运营。',
        en: 'Clause (4) of 财资〔2024〕1号: the data-processing-and-use right and the data-product operation right may be authorised to an operating entity only after a security assessment and an approval within the unit\'s asset-management authority.',
      },
      example: FIXED.replace('    securityAssessment: { ref: AQPG-2024-03, date: 2024-05-10 }\n', ''),
      fixedExample: FIXED,
    },
  },
});

export const authorizationApprovalRule = authorizationRule({
  id: 'DA-AUTH-002',
  key: 'approval',
  value: { ref: PLACEHOLDER, authority: PLACEHOLDER },
  meta: {
    messages: {
      missing: {
        'zh-CN': '向“{entity}”的授权没有审批记录（approval）：须按资产管理权限履行审批程序',
        en: 'The authorization to "{entity}" has no approval (approval): it must be approved within the unit\'s asset-management authority',
      },
      fix: { 'zh-CN': '添加审批记录（文号、审批机关待填写）', en: 'Add an approval record (reference and authority to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '每项数据资产授权都要有审批记录：审批文号和审批机关。',
        en: 'Every authorization of a data asset records its approval: reference and approving authority.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（四）条：授权须按资产管理权限审批；有偿使用的还须严格履行审批程序。',
        en: 'Clause (4) of 财资〔2024〕1号: an authorization is approved within the unit\'s asset-management authority, and paid use strictly follows the approval procedure.',
      },
      example: FIXED.replace('    approval: { ref: 某财资〔2024〕56号, authority: 某市财政局 }\n', '').replace(/\n    approval:.*$/, ''),
      fixedExample: FIXED,
    },
  },
});

export const AUTHORIZATION_ASSESSMENT_RULES: Rule[] = [authorizationAssessmentRule, authorizationApprovalRule];
