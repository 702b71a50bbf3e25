/**
 * DA-SHARE-001..002 and DA-OPEN-001..004: a catalog resource's sharing and opening attributes (clause 5), checked
 * against its secrecy status and security grade (clause 9, graded management) and against the sharing types of
 * 国发〔2016〕51号 (不予共享 needs a basis, conditional sharing or opening states its conditions).
 */
import type { MapNode, ScalarNode } from '../parser/ast';
import { PLACEHOLDER, replaceScalar, setInMap } from '../edit/yaml-edit';
import type { ItemScope, Rule, RuleContext, RuleMeta } from './rule';
import { has, keySpanOf, mapAt, scalarAt, textAt } from './helpers';

const CLAUSE_SHARING = '财资〔2024〕1号 (5); 国发〔2016〕51号';
const CLAUSE_OPENING = '财资〔2024〕1号 (5)';
const CLAUSE_GRADING = '财资〔2024〕1号 (5), (9); GB/T 43697-2024';

const NOT_OPENED = '不予开放';
const CLASSIFIED = '涉密';
const OPEN_TYPES_OPENED = ['无条件开放', '有条件开放'];

/** How a resource is named in messages: its name, else its id. */
function resourceLabel(item: MapNode): string {
  return textAt(item, 'name') || textAt(item, 'id') || '?';
}

/** A resource as the docs show it: the fields these rules read, with `sharing` and `opening` filled in. */
function resourceExample(fields: { grade?: string; secrecy?: string; sharing: string; opening: string }): string {
  return `resources:
  - id: R-330100-JT-0009
    name: 城市轨道交通关键设施安防布设数据
    securityGrade: ${fields.grade ?? '一般数据'}
    secrecy: ${fields.secrecy ?? '非涉密'}
    sharing:
${fields.sharing}
    opening:
${fields.opening}`;
}

// ------------------------------------------------------------------------------------ a field its type calls for

interface FieldRequirement {
  id: string;
  clause: string;
  severity: 'error' | 'warning';
  /** The block (`sharing` or `opening`) and the type value that calls for the field. */
  block: 'sharing' | 'opening';
  type: string;
  key: 'basis' | 'conditions';
  /** The schema requires the field too: this rule's finding replaces the schema's. */
  replacesSchema: boolean;
  /** Resources where another rule says the type itself is wrong: asking for the field would contradict it. */
  typeNotAllowed?: (item: MapNode) => boolean;
  meta: Pick<RuleMeta, 'messages' | 'docs'>;
}

function fieldRule(requirement: FieldRequirement): Rule {
  const { block, key } = requirement;
  return {
    meta: {
      id: requirement.id,
      clause: requirement.clause,
      severity: requirement.severity,
      ...(requirement.replacesSchema ? { replacesSchemaAt: [`/resources/*/${block}/${key}`] } : {}),
      ...requirement.meta,
    },
    checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
      if (scope.kind !== 'resource') return;
      const attributes = mapAt(item, block);
      if (!attributes || textAt(attributes, 'type') !== requirement.type || has(attributes, key)) return;
      if (requirement.typeNotAllowed?.(item)) return;
      const edit = setInMap(context.file.text, attributes, key, PLACEHOLDER);
      context.report({
        messageId: 'missing',
        span: keySpanOf(item, block) ?? attributes.span,
        args: { resource: resourceLabel(item) },
        path: `${scope.path}/${block}/${key}`,
        data: { resource: textAt(item, 'id'), field: key },
        fix: edit ? { title: requirement.meta.messages.fix, edits: [edit] } : undefined,
      });
    },
  };
}

export const notSharedBasisRule = fieldRule({
  id: 'DA-SHARE-001',
  clause: CLAUSE_SHARING,
  severity: 'error',
  block: 'sharing',
  type: '不予共享',
  key: 'basis',
  replacesSchema: true,
  meta: {
    messages: {
      missing: {
        'zh-CN': '资源“{resource}”不予共享，但没有写明依据（sharing.basis）：列为不予共享须有法律、行政法规或国家政策依据',
        en: 'Resource "{resource}" is not shared (不予共享) but states no basis (sharing.basis): not sharing needs a basis in law, administrative regulation or national policy',
      },
      fix: { 'zh-CN': '添加不予共享的依据（待填写）', en: 'Add the basis for not sharing (to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '共享类型为“不予共享”的资源，须在 sharing.basis 中写明所依据的法律、行政法规或国家政策。',
        en: 'A resource whose sharing type is 不予共享 (not shared) names, in sharing.basis, the law, administrative regulation or national policy it rests on.',
      },
      rationale: {
        'zh-CN': '国发〔2016〕51号：政务信息资源以共享为原则、不共享为例外，列入不予共享类的须有法律、行政法规或党中央、国务院政策依据。财资〔2024〕1号第（五）条要求积极推动数据资产开放共享。',
        en: 'Under 国发〔2016〕51号 government information is shared by default and withheld only by exception: a resource listed as not shared needs a basis in law, administrative regulation or central policy. Clause (5) of 财资〔2024〕1号 asks units to actively share and open their data assets.',
      },
      example: resourceExample({ grade: '重要数据', sharing: '      type: 不予共享', opening: `      type: ${NOT_OPENED}` }),
      fixedExample: resourceExample({
        grade: '重要数据',
        sharing: '      type: 不予共享\n      basis: 《反恐怖主义法》关于防范恐怖袭击重点目标的规定',
        opening: `      type: ${NOT_OPENED}`,
      }),
    },
  },
});

export const conditionalSharingRule = fieldRule({
  id: 'DA-SHARE-002',
  clause: CLAUSE_SHARING,
  severity: 'warning',
  block: 'sharing',
  type: '有条件共享',
  key: 'conditions',
  replacesSchema: false,
  meta: {
    messages: {
      missing: {
        'zh-CN': '资源“{resource}”为有条件共享，但没有写明共享条件（sharing.conditions）：请写明向哪些部门、共享哪些内容、用于什么用途',
        en: 'Resource "{resource}" is shared on conditions (有条件共享) but states none (sharing.conditions): say with which departments, what part, and for what use',
      },
      fix: { 'zh-CN': '添加共享条件（待填写）', en: 'Add the sharing conditions (to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '共享类型为“有条件共享”的资源，应在 sharing.conditions 中写明共享条件。',
        en: 'A resource whose sharing type is 有条件共享 (conditional sharing) states its conditions in sharing.conditions.',
      },
      rationale: {
        'zh-CN': '国发〔2016〕51号：有条件共享的资源，目录须注明共享条件，使用部门据此申请。财资〔2024〕1号第（五）条：在保障公共安全和个人隐私的前提下推动共享，条件写清楚才能既共享又可控。',
        en: 'Under 国发〔2016〕51号 the catalog states the conditions of conditionally shared resources, and departments apply on that basis. Clause (5) of 财资〔2024〕1号 promotes sharing while protecting public security and privacy; written conditions make the sharing controllable.',
      },
      example: resourceExample({ sharing: '      type: 有条件共享\n      method: 接口', opening: `      type: ${NOT_OPENED}` }),
      fixedExample: resourceExample({
        sharing: '      type: 有条件共享\n      method: 接口\n      conditions: 仅向公安、应急管理部门按工作需要共享',
        opening: `      type: ${NOT_OPENED}`,
      }),
    },
  },
});

export const conditionalOpeningRule = fieldRule({
  id: 'DA-OPEN-004',
  clause: CLAUSE_OPENING,
  severity: 'warning',
  block: 'opening',
  type: '有条件开放',
  key: 'conditions',
  replacesSchema: false,
  // Classified or core data is not opened at all (DA-OPEN-001, DA-OPEN-003): conditions would be the wrong fix.
  typeNotAllowed: (item) => textAt(item, 'secrecy') === CLASSIFIED || textAt(item, 'securityGrade') === '核心数据',
  meta: {
    messages: {
      missing: {
        'zh-CN': '资源“{resource}”为有条件开放，但没有写明开放条件（opening.conditions）：请写明申请、协议、用途限制等条件',
        en: 'Resource "{resource}" is opened on conditions (有条件开放) but states none (opening.conditions): say what application, agreement or limits on use apply',
      },
      fix: { 'zh-CN': '添加开放条件（待填写）', en: 'Add the opening conditions (to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '开放类型为“有条件开放”的资源，应在 opening.conditions 中写明开放条件。',
        en: 'A resource whose open type is 有条件开放 (conditional opening) states its conditions in opening.conditions.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（五）条：用于公共治理、公益事业的数据资产有条件无偿使用，用于产业发展、行业发展的有条件有偿使用；面向市场开放的须明确授权使用。条件写明，使用者才知道如何申请、受哪些限制。涉密数据和核心数据根本不应开放（DA-OPEN-001、DA-OPEN-003），对它们不要求补条件。',
        en: 'Clause (5) of 财资〔2024〕1号: data assets serve public governance and welfare free of charge on conditions, and industry on conditions for a fee; what is opened to the market is clearly authorised. Written conditions tell users how to apply and what limits apply. Classified and core data are not to be opened at all (DA-OPEN-001, DA-OPEN-003), so no conditions are asked for there.',
      },
      example: resourceExample({ sharing: '      type: 有条件共享\n      conditions: 向公安部门按需共享', opening: '      type: 有条件开放' }),
      fixedExample: resourceExample({
        sharing: '      type: 有条件共享\n      conditions: 向公安部门按需共享',
        opening: '      type: 有条件开放\n      conditions: 经申请并签订数据使用协议后以接口方式提供',
      }),
    },
  },
});

// ------------------------------------------------------------------------------------------ classified data

/** The resource's `secrecy`, `sharing.type` and `opening.type` values (nodes, for spans and fixes). */
function attributesOf(item: MapNode): { secrecy: string; grade: string; sharingType?: ScalarNode; openingType?: ScalarNode } {
  return {
    secrecy: textAt(item, 'secrecy'),
    grade: textAt(item, 'securityGrade'),
    sharingType: scalarAt(mapAt(item, 'sharing'), 'type'),
    openingType: scalarAt(mapAt(item, 'opening'), 'type'),
  };
}

function valueOf(node: ScalarNode | undefined): string {
  return node && typeof node.value === 'string' ? node.value.trim() : '';
}

export const classifiedOpenedRule: Rule = {
  meta: {
    id: 'DA-OPEN-001',
    clause: CLAUSE_OPENING,
    severity: 'error',
    messages: {
      opened: {
        'zh-CN': '资源“{resource}”是涉密数据，开放类型却是“{value}”：依法涉密的数据资产不予开放，应改为“不予开放”',
        en: 'Resource "{resource}" is classified (涉密) but its open type is "{value}": data assets confidential by law are not opened; change it to 不予开放 (not opened)',
      },
      fix: { 'zh-CN': '改为“不予开放”', en: 'Change to 不予开放 (not opened)' },
    },
    docs: {
      description: {
        'zh-CN': '涉密资源（secrecy: 涉密）的开放类型只能是“不予开放”。',
        en: 'A classified resource (secrecy: 涉密) has the open type 不予开放 (not opened), and no other.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（五）条：依法依规予以保密的数据资产不予开放。',
        en: 'Clause (5) of 财资〔2024〕1号: data assets kept confidential by law and regulation are not opened to the public.',
      },
      example: resourceExample({ grade: '重要数据', secrecy: CLASSIFIED, sharing: '      type: 不予共享\n      basis: 《保守国家秘密法》', opening: '      type: 有条件开放\n      conditions: 经审批后提供' }),
      fixedExample: resourceExample({ grade: '重要数据', secrecy: CLASSIFIED, sharing: '      type: 不予共享\n      basis: 《保守国家秘密法》', opening: `      type: ${NOT_OPENED}` }),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'resource') return;
    const { secrecy, openingType } = attributesOf(item);
    const value = valueOf(openingType);
    if (secrecy !== CLASSIFIED || !openingType || !OPEN_TYPES_OPENED.includes(value)) return;
    context.report({
      messageId: 'opened',
      span: openingType.span,
      args: { resource: resourceLabel(item), value },
      path: `${scope.path}/opening/type`,
      data: { resource: textAt(item, 'id'), value, expected: NOT_OPENED },
      fix: { title: classifiedOpenedRule.meta.messages.fix, edits: [replaceScalar(context.file.text, openingType, NOT_OPENED)] },
    });
  },
};

export const classifiedSharedFreelyRule: Rule = {
  meta: {
    id: 'DA-OPEN-002',
    clause: `${CLAUSE_OPENING}; 《保守国家秘密法》`,
    severity: 'error',
    messages: {
      shared: {
        'zh-CN': '资源“{resource}”是涉密数据，共享类型却是“无条件共享”：涉密数据只能依照保密法律法规在知悉范围内提供，不能向所有部门无条件共享。请按保密管理规定改为“有条件共享”（写明条件）或“不予共享”（写明依据）',
        en: 'Resource "{resource}" is classified (涉密) but shared unconditionally (无条件共享): classified data is provided only within the scope the secrecy law allows, never to every department. Following the secrecy rules, change it to 有条件共享 (stating the conditions) or 不予共享 (stating the basis)',
      },
    },
    docs: {
      description: {
        'zh-CN': '涉密资源不能“无条件共享”，应按保密规定改为“有条件共享”或“不予共享”。',
        en: 'A classified resource is never shared unconditionally (无条件共享); it is 有条件共享 or 不予共享, as the secrecy rules decide.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（五）条：依法依规予以保密的数据资产不予开放，共享也须以保障安全为前提；《保守国家秘密法》要求国家秘密限定在知悉范围内，无条件共享与此相悖。选哪一种由保密管理决定，所以本规则不提供自动修复。',
        en: 'Clause (5) of 财资〔2024〕1号: confidential data assets are not opened, and sharing presupposes security; the Law on Guarding State Secrets keeps state secrets within those who need to know them, which unconditional sharing with every department contradicts. Which of the two applies is for the secrecy management to decide, so no automatic fix is offered.',
      },
      example: resourceExample({ grade: '重要数据', secrecy: CLASSIFIED, sharing: '      type: 无条件共享', opening: `      type: ${NOT_OPENED}` }),
      fixedExample: resourceExample({ grade: '重要数据', secrecy: CLASSIFIED, sharing: '      type: 不予共享\n      basis: 《保守国家秘密法》', opening: `      type: ${NOT_OPENED}` }),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'resource') return;
    const { secrecy, sharingType } = attributesOf(item);
    if (secrecy !== CLASSIFIED || !sharingType || valueOf(sharingType) !== '无条件共享') return;
    context.report({
      messageId: 'shared',
      span: sharingType.span,
      args: { resource: resourceLabel(item) },
      path: `${scope.path}/sharing/type`,
      data: { resource: textAt(item, 'id'), value: '无条件共享', allowed: ['有条件共享', '不予共享'] },
    });
  },
};

// ------------------------------------------------------------------------------------------ graded management

/** A limit a grade sets on one attribute: the values that open or share more widely than the grade permits. */
interface GradeLimit {
  grade: string;
  block: 'opening' | 'sharing';
  /** Values beyond the limit. */
  values: string[];
  messageId: string;
  severity: 'error' | 'warning';
  /** The one right value, when there is one (a fix is offered then). */
  fixTo?: string;
  allowed: string[];
}

const GRADE_LIMITS: GradeLimit[] = [
  { grade: '核心数据', block: 'opening', values: OPEN_TYPES_OPENED, messageId: 'coreOpened', severity: 'error', fixTo: NOT_OPENED, allowed: [NOT_OPENED] },
  { grade: '重要数据', block: 'opening', values: ['无条件开放'], messageId: 'importantOpenedFreely', severity: 'error', allowed: ['有条件开放', NOT_OPENED] },
  { grade: '核心数据', block: 'sharing', values: ['无条件共享'], messageId: 'coreSharedFreely', severity: 'error', allowed: ['有条件共享', '不予共享'] },
  { grade: '重要数据', block: 'sharing', values: ['无条件共享'], messageId: 'importantSharedFreely', severity: 'warning', allowed: ['有条件共享', '不予共享'] },
];

export const gradeScopeRule: Rule = {
  meta: {
    id: 'DA-OPEN-003',
    clause: CLAUSE_GRADING,
    severity: 'error',
    messages: {
      coreOpened: {
        'zh-CN': '资源“{resource}”定级为核心数据，开放类型却是“{value}”：核心数据只能“不予开放”',
        en: 'Resource "{resource}" is graded 核心数据 (core data) but its open type is "{value}": core data may only be 不予开放 (not opened)',
      },
      importantOpenedFreely: {
        'zh-CN': '资源“{resource}”定级为重要数据，不能“无条件开放”：重要数据只能“有条件开放”（写明条件）或“不予开放”',
        en: 'Resource "{resource}" is graded 重要数据 (important data) and may not be opened unconditionally (无条件开放): important data is only 有条件开放 (on stated conditions) or 不予开放 (not opened)',
      },
      coreSharedFreely: {
        'zh-CN': '资源“{resource}”定级为核心数据，不能“无条件共享”：核心数据只能“有条件共享”（写明条件）或“不予共享”（写明依据）',
        en: 'Resource "{resource}" is graded 核心数据 (core data) and may not be shared unconditionally (无条件共享): core data is only 有条件共享 (on stated conditions) or 不予共享 (with its basis)',
      },
      importantSharedFreely: {
        'zh-CN': '资源“{resource}”定级为重要数据，却向所有部门“无条件共享”：重要数据一般应“有条件共享”，写明共享对象和用途',
        en: 'Resource "{resource}" is graded 重要数据 (important data) yet shared unconditionally with every department (无条件共享): important data should normally be shared on conditions (有条件共享), stating with whom and for what use',
      },
      fix: { 'zh-CN': '改为“不予开放”', en: 'Change to 不予开放 (not opened)' },
    },
    docs: {
      description: {
        'zh-CN': '开放和共享范围不超过数据级别所允许的：核心数据不予开放、不得无条件共享；重要数据不得无条件开放，无条件共享给出警告。',
        en: 'Opening and sharing stay within what the grade allows: core data is never opened nor shared unconditionally; important data is never opened unconditionally, and sharing it unconditionally is a warning.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（九）条要求对数据资产分类分级管理，第（五）条要求在保障公共安全的前提下开放共享。GB/T 43697-2024 将数据分为核心、重要、一般三级：级别越高，开放共享的范围越窄。涉密资源由更严格的 DA-OPEN-001、DA-OPEN-002 检查，本规则不重复报告。',
        en: 'Clause (9) of 财资〔2024〕1号 requires classified and graded management of data assets, and clause (5) opens and shares them only where public security is assured. GB/T 43697-2024 grades data core, important and general: the higher the grade, the narrower the opening and sharing. Classified resources are left to the stricter DA-OPEN-001 and DA-OPEN-002, not reported twice.',
      },
      example: resourceExample({ grade: '核心数据', sharing: '      type: 有条件共享\n      conditions: 向应急管理部门按需共享', opening: '      type: 无条件开放' }),
      fixedExample: resourceExample({ grade: '核心数据', sharing: '      type: 有条件共享\n      conditions: 向应急管理部门按需共享', opening: `      type: ${NOT_OPENED}` }),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'resource') return;
    const attributes = attributesOf(item);
    // Classified data has its own, stricter rules (DA-OPEN-001/002): one finding per problem.
    if (attributes.secrecy === CLASSIFIED) return;
    for (const limit of GRADE_LIMITS) {
      const node = limit.block === 'opening' ? attributes.openingType : attributes.sharingType;
      const value = valueOf(node);
      if (!node || attributes.grade !== limit.grade || !limit.values.includes(value)) continue;
      context.report({
        messageId: limit.messageId,
        span: node.span,
        severity: limit.severity,
        args: { resource: resourceLabel(item), value },
        path: `${scope.path}/${limit.block}/type`,
        data: { resource: textAt(item, 'id'), grade: limit.grade, value, allowed: limit.allowed },
        fix: limit.fixTo ? { title: gradeScopeRule.meta.messages.fix, edits: [replaceScalar(context.file.text, node, limit.fixTo)] } : undefined,
      });
    }
  },
};

export const SHARING_RULES: Rule[] = [
  notSharedBasisRule,
  conditionalSharingRule,
  classifiedOpenedRule,
  classifiedSharedFreelyRule,
  gradeScopeRule,
  conditionalOpeningRule,
];
