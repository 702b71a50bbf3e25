/**
 * What the personal-information rules (DA-PI-001..003, clauses 2 and 5, PIPL) share: the clauses, readers, the
 * docs' example resource, and the kind of rule that asks for a record of what processing rests on.
 */
import type { MapNode, ScalarNode } from '../../parser/ast';
import { PLACEHOLDER, setInMap } from '../../edit/yaml-edit';
import { has, itemLabel, keySpanOf, mapAt, scalarAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext, RuleMeta } from '../rule';
import { cite, notice } from '../sources';
import type { SourceRef } from '../sources';

export const OPENING_SOURCES: SourceRef[] = [notice('(5), (9)'), cite('pipl', '第二十八条')];

export function isTrue(node: ScalarNode | undefined): boolean {
  return node?.value === true;
}

export function stringValue(node: ScalarNode | undefined): string {
  return node && typeof node.value === 'string' ? node.value.trim() : '';
}

/** A resource as the docs show it, with its `personalInformation`, `sharing` and `opening` lines. */
export function resourceExample(personalInformation: string, sharing: string, opening: string): string {
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

export const LEGAL_BASIS = '      legalBasis: 《个人信息保护法》第十三条第一款第三项（履行法定职责）';
export const PROCESSING_AUTHORITY = '      processingAuthority: 客运管理处在出租汽车行业监管职责范围内处理';
export const SHARED_ON_CONDITIONS = '      type: 有条件共享\n      conditions: 仅向公安、市场监管部门按监管需要共享';
export const NOT_OPENED = '      type: 不予开放';

export interface ProcessingRecord {
  id: string;
  name: string;
  key: 'legalBasis' | 'processingAuthority';
  /** The articles of the PIPL the record answers to. */
  articles: string;
  meta: Pick<RuleMeta, 'messages' | 'docs'>;
}

/** A rule that asks a resource with personal information for the record `record.key`, with a fix. */
export function processingRecordRule(record: ProcessingRecord): Rule {
  return {
    meta: {
      id: record.id,
      name: record.name,
      sources: [notice('(2)'), cite('pipl', record.articles)],
      severity: 'error',
      fixable: true,
      replacesSchemaAt: [`/resources/*/personalInformation/${record.key}`],
      ...record.meta,
    },
    checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
      if (scope.kind !== 'resource') return;
      const personalInformation = mapAt(item, 'personalInformation');
      if (
        !personalInformation ||
        !isTrue(scalarAt(personalInformation, 'contains')) ||
        has(personalInformation, record.key)
      )
        return;
      const edit = setInMap(context.file.text, personalInformation, record.key, PLACEHOLDER);
      context.report({
        messageId: 'missing',
        span: keySpanOf(item, 'personalInformation') ?? personalInformation.span,
        args: { resource: itemLabel(item) },
        path: `${scope.path}/personalInformation/${record.key}`,
        data: { resource: textAt(item, 'id'), field: record.key },
        fix: edit ? { title: record.meta.messages.fix, edits: [edit] } : undefined,
      });
    },
  };
}
