/**
 * DA-PI-001..003: personal information in a catalog resource. Clause (2): it is processed only within the
 * authority and procedures set by law, so the catalog records the legal basis and the processing authority.
 * Clause (5): data is shared and opened only where personal privacy is protected (PIPL).
 */
import type { MapNode, ScalarNode } from '../parser/ast';
import { PLACEHOLDER, setInMap } from '../edit/yaml-edit';
import type { ItemScope, Rule, RuleContext, RuleMeta } from './rule';
import { has, keySpanOf, mapAt, scalarAt, textAt } from './helpers';

const CLAUSE_PROCESSING = '财资〔2024〕1号 (2); 《个人信息保护法》';
const CLAUSE_OPENING = '财资〔2024〕1号 (5); 《个人信息保护法》';

/** How a resource is named in messages: its name, else its id. */
function resourceLabel(item: MapNode): string {
  return textAt(item, 'name') || textAt(item, 'id') || '?';
}

function isTrue(node: ScalarNode | undefined): boolean {
  return node?.value === true;
}

function stringValue(node: ScalarNode | undefined): string {
  return node && typeof node.value === 'string' ? node.value.trim() : '';
}

/** A resource as the docs show it, with its `personalInformation`, `sharing` and `opening` lines. */
function resourceExample(personalInformation: string, sharing: string, opening: string): string {
  return `resources:
  - id: R-330100-JT-0003
    name: 巡游出租汽车营运数据
    securityGrade: 重要数据
    secrecy: 非涉密
    personalInformation:
${personalInformation}
    sharing:
${sharing}
    opening:
${opening}`;
}

const LEGAL_BASIS = '      legalBasis: 《个人信息保护法》第十三条第一款第三项（履行法定职责）';
const PROCESSING_AUTHORITY = '      processingAuthority: 客运管理处在出租汽车行业监管职责范围内处理';
const SHARED_ON_CONDITIONS = '      type: 有条件共享\n      conditions: 仅向公安、市场监管部门按监管需要共享';
const NOT_OPENED = '      type: 不予开放';

// ------------------------------------------------------------------------------- what processing rests on

interface ProcessingRecord {
  id: string;
  key: 'legalBasis' | 'processingAuthority';
  meta: Pick<RuleMeta, 'messages' | 'docs'>;
}

function processingRecordRule(record: ProcessingRecord): Rule {
  return {
    meta: {
      id: record.id,
      clause: CLAUSE_PROCESSING,
      severity: 'error',
      replacesSchemaAt: [`/resources/*/personalInformation/${record.key}`],
      ...record.meta,
    },
    checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
      if (scope.kind !== 'resource') return;
      const personalInformation = mapAt(item, 'personalInformation');
      if (!personalInformation || !isTrue(scalarAt(personalInformation, 'contains')) || has(personalInformation, record.key)) return;
      const edit = setInMap(context.file.text, personalInformation, record.key, PLACEHOLDER);
      context.report({
        messageId: 'missing',
        span: keySpanOf(item, 'personalInformation') ?? personalInformation.span,
        args: { resource: resourceLabel(item) },
        path: `${scope.path}/personalInformation/${record.key}`,
        data: { resource: textAt(item, 'id'), field: record.key },
        fix: edit ? { title: record.meta.messages.fix, edits: [edit] } : undefined,
      });
    },
  };
}

export const legalBasisRule = processingRecordRule({
  id: 'DA-PI-001',
  key: 'legalBasis',
  meta: {
    messages: {
      missing: {
        'zh-CN': '资源“{resource}”包含个人信息，但没有写明处理的法律依据（personalInformation.legalBasis）：请写明所依据的法律、行政法规条款',
        en: 'Resource "{resource}" contains personal information but gives no legal basis for processing it (personalInformation.legalBasis): name the law or administrative regulation it rests on',
      },
      fix: { 'zh-CN': '添加处理个人信息的法律依据（待填写）', en: 'Add the legal basis for processing the personal information (to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '包含个人信息的资源（personalInformation.contains: true）须在 legalBasis 中写明处理所依据的法律、行政法规条款。',
        en: 'A resource that contains personal information (personalInformation.contains: true) names, in legalBasis, the law or administrative regulation under which it is processed.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（二）条：涉及处理个人信息的，应当依照法律法规规定的权限、程序进行。《个人信息保护法》第十三条、第三十四条：国家机关只能在有法定依据、为履行法定职责所必需的范围内处理个人信息。目录写明依据，才能核对每一项处理是否有法可依。',
        en: 'Clause (2) of 财资〔2024〕1号: personal information is processed only within the authority and procedures set by law. PIPL articles 13 and 34: a state organ processes personal information only on a legal basis and only as far as its statutory duties require. Recording the basis in the catalog lets every processing be checked against the law.',
      },
      example: resourceExample(`      contains: true\n${PROCESSING_AUTHORITY}`, SHARED_ON_CONDITIONS, NOT_OPENED),
      fixedExample: resourceExample(`      contains: true\n${LEGAL_BASIS}\n${PROCESSING_AUTHORITY}`, SHARED_ON_CONDITIONS, NOT_OPENED),
    },
  },
});

export const processingAuthorityRule = processingRecordRule({
  id: 'DA-PI-002',
  key: 'processingAuthority',
  meta: {
    messages: {
      missing: {
        'zh-CN': '资源“{resource}”包含个人信息，但没有写明处理权限（personalInformation.processingAuthority）：请写明由哪个机构、在什么职责范围内、按什么程序处理',
        en: 'Resource "{resource}" contains personal information but states no processing authority (personalInformation.processingAuthority): say which body processes it, within which duties and by which procedure',
      },
      fix: { 'zh-CN': '添加个人信息处理权限（待填写）', en: 'Add the authority for processing the personal information (to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '包含个人信息的资源（personalInformation.contains: true）须在 processingAuthority 中写明处理权限：由谁、在什么职责范围内、按什么程序处理。',
        en: 'A resource that contains personal information (personalInformation.contains: true) states, in processingAuthority, who processes it, within which duties and by which procedure.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（二）条：涉及处理个人信息的，应当依照法律法规规定的权限、程序进行，做到流程清晰、责任可查。《个人信息保护法》第三十四条：国家机关处理个人信息不得超出履行法定职责所必需的范围和限度。',
        en: 'Clause (2) of 财资〔2024〕1号: personal information is processed within the authority and procedures set by law, with clear processes and traceable responsibility. PIPL article 34: a state organ may not process personal information beyond what its statutory duties require.',
      },
      example: resourceExample(`      contains: true\n${LEGAL_BASIS}`, SHARED_ON_CONDITIONS, NOT_OPENED),
      fixedExample: resourceExample(`      contains: true\n${LEGAL_BASIS}\n${PROCESSING_AUTHORITY}`, SHARED_ON_CONDITIONS, NOT_OPENED),
    },
  },
});

// ------------------------------------------------------------------------------- opening and sharing

const UNCONDITIONAL_OPENING = '无条件开放';
const CONDITIONAL_OPENING = '有条件开放';
const UNCONDITIONAL_SHARING = '无条件共享';

export const personalInformationOpenedRule: Rule = {
  meta: {
    id: 'DA-PI-003',
    clause: CLAUSE_OPENING,
    severity: 'error',
    messages: {
      openedFreely: {
        'zh-CN': '资源“{resource}”包含个人信息，却“无条件开放”：个人信息只能在保护个人隐私的前提下开放。请改为“不予开放”，或在去标识化、匿名化处理后“有条件开放”并写明条件',
        en: 'Resource "{resource}" contains personal information yet is opened unconditionally (无条件开放): personal information is opened only where personal privacy is protected. Change it to 不予开放 (not opened), or open it on conditions (有条件开放) after de-identification or anonymisation, stating the conditions',
      },
      openedWithoutConditions: {
        'zh-CN': '资源“{resource}”包含个人信息并“有条件开放”，但没有写明开放条件（opening.conditions）：请写明如何保护个人隐私，如仅提供去标识化数据、须签订使用协议、限定用途',
        en: 'Resource "{resource}" contains personal information and is opened on conditions (有条件开放) but states none (opening.conditions): say how personal privacy is protected, e.g. de-identified data only, a use agreement, limited purposes',
      },
      sensitiveSharedFreely: {
        'zh-CN': '资源“{resource}”包含敏感个人信息，却向所有部门“无条件共享”：敏感个人信息应“有条件共享”，写明共享对象、用途和保护措施',
        en: 'Resource "{resource}" contains sensitive personal information yet is shared unconditionally with every department (无条件共享): it should be shared on conditions (有条件共享), stating with whom, for what use and under which safeguards',
      },
    },
    docs: {
      description: {
        'zh-CN': '包含个人信息的资源不得“无条件开放”，“有条件开放”时须写明条件；包含敏感个人信息的资源不宜“无条件共享”。',
        en: 'A resource with personal information is never opened unconditionally, and states its conditions when opened on conditions; one with sensitive personal information should not be shared unconditionally.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（五）条：在保障公共安全和保护个人隐私的前提下推进数据资产开放共享；第（九）条要求严格遵守《个人信息保护法》。无条件开放意味着任何人都能获取，与保护个人隐私相悖，报告为错误；有条件开放未写条件、敏感个人信息无条件共享，无法证明隐私得到保护，报告为警告。改为哪种开放或共享方式由数据管理者决定，所以本规则不提供自动修复（缺少开放条件时，DA-OPEN-004 提供补条件的修复）。',
        en: 'Clause (5) of 财资〔2024〕1号: data assets are shared and opened on the premise of ensuring public security and protecting personal privacy; clause (9) requires strict compliance with the Personal Information Protection Law. Opening unconditionally lets anyone take the data, which contradicts protecting privacy: an error. Conditional opening without stated conditions, and unconditional sharing of sensitive personal information, leave the protection unproven: warnings. Which way of opening or sharing to choose is the steward\'s decision, so no automatic fix is offered (for missing opening conditions DA-OPEN-004 offers one).',
      },
      example: resourceExample(`      contains: true\n      sensitive: true\n${LEGAL_BASIS}\n${PROCESSING_AUTHORITY}`, SHARED_ON_CONDITIONS, `      type: ${UNCONDITIONAL_OPENING}`),
      fixedExample: resourceExample(`      contains: true\n      sensitive: true\n${LEGAL_BASIS}\n${PROCESSING_AUTHORITY}`, SHARED_ON_CONDITIONS, NOT_OPENED),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'resource') return;
    const personalInformation = mapAt(item, 'personalInformation');
    const sensitive = isTrue(scalarAt(personalInformation, 'sensitive'));
    // Sensitive personal information is personal information, even where `contains` was left false.
    const personal = sensitive || isTrue(scalarAt(personalInformation, 'contains'));
    if (!personal) return;
    const args = { resource: resourceLabel(item) };
    const data = { resource: textAt(item, 'id'), sensitive };
    const opening = mapAt(item, 'opening');
    const openingType = scalarAt(opening, 'type');
    const openingValue = stringValue(openingType);
    if (openingType && openingValue === UNCONDITIONAL_OPENING) {
      context.report({
        messageId: 'openedFreely',
        span: openingType.span,
        args,
        path: `${scope.path}/opening/type`,
        data: { ...data, value: openingValue, allowed: [CONDITIONAL_OPENING, '不予开放'] },
      });
    } else if (opening && openingType && openingValue === CONDITIONAL_OPENING && !has(opening, 'conditions')) {
      context.report({
        messageId: 'openedWithoutConditions',
        span: openingType.span,
        severity: 'warning',
        args,
        path: `${scope.path}/opening/conditions`,
        data: { ...data, field: 'conditions' },
      });
    }
    const sharingType = scalarAt(mapAt(item, 'sharing'), 'type');
    if (sensitive && sharingType && stringValue(sharingType) === UNCONDITIONAL_SHARING) {
      context.report({
        messageId: 'sensitiveSharedFreely',
        span: sharingType.span,
        severity: 'warning',
        args,
        path: `${scope.path}/sharing/type`,
        data: { ...data, value: UNCONDITIONAL_SHARING, allowed: ['有条件共享', '不予共享'] },
      });
    }
  },
};

export const PI_RULES: Rule[] = [legalBasisRule, processingAuthorityRule, personalInformationOpenedRule];
