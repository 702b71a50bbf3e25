/**
 * What the sharing and opening rules (DA-SHARE-001..002, DA-OPEN-001..004, clause 5) share: the clauses, the
 * values they compare, the docs' example resource, readers of a resource's attributes, and the kind of rule that
 * asks for the field a sharing or opening type calls for.
 */
import type { MapNode, ScalarNode } from '../../parser/ast';
import { PLACEHOLDER, setInMap } from '../../edit/yaml-edit';
import { has, itemLabel, keySpanOf, mapAt, scalarAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext, RuleMeta } from '../rule';
import { cite, notice } from '../sources';
import type { SourceRef } from '../sources';

export const SHARING_SOURCES: SourceRef[] = [notice('(5)'), cite('gov-order-809'), cite('gov-order-2016-51')];
export const OPENING_SOURCES: SourceRef[] = [notice('(5)')];
export const GRADING_SOURCES: SourceRef[] = [
  notice('(5), (9)'),
  cite('data-security-law', '第二十一条'),
  cite('gb-t-43697-2024'),
  cite('practice'),
];

export const NOT_OPENED = '不予开放';
export const CLASSIFIED = '涉密';
/** A work secret: no state secret, but not 政务数据 either (国务院令第809号 art. 3). */
export const WORK_SECRET = '工作秘密';
export const OPEN_TYPES_OPENED = ['无条件开放', '有条件开放'];

/** A resource as the docs show it: the fields these rules read, with `sharing` and `opening` filled in. */
export function resourceExample(fields: {
  grade?: string;
  secrecy?: string;
  sharing: string;
  opening: string;
}): string {
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

export interface FieldRequirement {
  id: string;
  name: string;
  sources: SourceRef[];
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

/** A rule that asks a resource whose sharing or opening type calls for it for `requirement.key`, with a fix. */
export function fieldRule(requirement: FieldRequirement): Rule {
  const { block, key } = requirement;
  return {
    meta: {
      id: requirement.id,
      name: requirement.name,
      sources: requirement.sources,
      severity: requirement.severity,
      fixable: true,
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
        args: { resource: itemLabel(item) },
        path: `${scope.path}/${block}/${key}`,
        data: { resource: textAt(item, 'id'), field: key },
        fix: edit ? { title: requirement.meta.messages.fix, edits: [edit] } : undefined,
      });
    },
  };
}

/** The resource's `secrecy`, `sharing.type` and `opening.type` values (nodes, for spans and fixes). */
export function attributesOf(item: MapNode): {
  secrecy: string;
  grade: string;
  sharingType?: ScalarNode;
  openingType?: ScalarNode;
} {
  return {
    secrecy: textAt(item, 'secrecy'),
    grade: textAt(item, 'securityGrade'),
    sharingType: scalarAt(mapAt(item, 'sharing'), 'type'),
    openingType: scalarAt(mapAt(item, 'opening'), 'type'),
  };
}

export function valueOf(node: ScalarNode | undefined): string {
  return node && typeof node.value === 'string' ? node.value.trim() : '';
}
