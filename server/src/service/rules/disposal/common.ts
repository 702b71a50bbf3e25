/**
 * What the disposal rules (DA-DISP-001..006, clause 6) share: the clause, the docs' example asset, and the kind of
 * rule that asks a disposal for a record.
 */
import type { MapNode } from '../../parser/ast';
import type { InsertValue } from '../../edit/yaml-edit';
import { setInMap } from '../../edit/yaml-edit';
import { has, itemLabel, keySpanOf, mapAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext, RuleMeta } from '../rule';
import { notice } from '../sources';
import type { SourceRef } from '../sources';

export const SOURCES: SourceRef[] = [notice('(6)')];

/** An asset as the docs show it, with the given `disposal:` block lines. */
export function assetExample(disposal: string): string {
  return `assets:
  - id: DA-2019-0007
    name: 公交IC卡历史交易明细
    disposal:
${disposal}`;
}

export const DECISION = '      decision: { ref: 局务会纪要〔2024〕18号, date: 2024-09-27 }';
export const APPROVAL = '      approval: { ref: 某财资〔2024〕88号, date: 2024-10-15 }';
export const DESTRUCTION = `      destruction:
        irrecoverable: true
        technique: 存储介质多次覆写后消磁
        verifiedBy: 科技信息处`;

export function disposalLines(...lines: string[]): string {
  return lines.join('\n');
}

export interface RecordRequirement {
  id: string;
  name: string;
  key: 'decision' | 'approval' | 'destruction';
  value: Record<string, InsertValue>;
  /** Only disposals by these methods need the record; every disposal when absent. */
  methods?: string[];
  meta: Pick<RuleMeta, 'messages' | 'docs'>;
}

/** A rule that asks a disposal for the record `requirement.key`, with a fix that adds it. */
export function recordRule(requirement: RecordRequirement): Rule {
  const { key } = requirement;
  return {
    meta: {
      id: requirement.id,
      name: requirement.name,
      sources: SOURCES,
      severity: 'error',
      fixable: true,
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
        args: { asset: itemLabel(item), method: method || '?' },
        path: `${scope.path}/disposal/${key}`,
        data: { asset: textAt(item, 'id'), method, field: key },
        fix: edit ? { title: requirement.meta.messages.fix, edits: [edit] } : undefined,
      });
    },
  };
}
