/**
 * What the authorization rules (DA-AUTH-001..009, clause 4) share: the clause, readers of an authorization, the
 * docs' example asset, and the two kinds of rule that ask an authorization for a record.
 */
import type { MapNode, ScalarNode } from '../../parser/ast';
import type { InsertValue } from '../../edit/yaml-edit';
import { setInMap } from '../../edit/yaml-edit';
import { has, itemAnchor, mapsOf, scalarAt, seqAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext, RuleMeta } from '../rule';
import { notice } from '../sources';
import type { SourceRef } from '../sources';

export const SOURCES: SourceRef[] = [notice('(4)')];

export const PROCESSING_RIGHT = '数据加工使用权';
export const OPERATION_RIGHT = '数据产品经营权';

// ------------------------------------------------------------------------------------------------ readers

/** How an authorization is named in messages: its entity. */
export function entityOf(authorization: MapNode): string {
  return textAt(authorization, 'entity') || '?';
}

export function authorizationsOf(item: MapNode): Array<{ map: MapNode; index: number }> {
  return mapsOf(seqAt(item, 'authorizations'));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The scalar's text when it is a real calendar date written `YYYY-MM-DD` (2024-02-30 is not), else undefined. */
export function calendarDate(node: ScalarNode | undefined): string | undefined {
  const text = node && typeof node.value === 'string' ? node.value.trim() : '';
  if (!ISO_DATE.test(text)) return undefined;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days ? text : undefined;
}

// ------------------------------------------------------------------------------------------------ docs

/** An asset with one authorization as the docs show it; `lines` are the authorization's lines after `entity`. */
export function assetExample(lines: string[], after: string[] = []): string {
  return [
    'assets:',
    '  - id: DA-2024-0001',
    '    name: 公交运行监测数据集',
    '    resource: R-330100-JT-0001',
    '    classificationCode: A08060201',
    '    securityGrade: 一般数据',
    '    acquisition: { method: 自主采集 }',
    '    authorizations:',
    '      - entity: 某市大数据运营有限公司',
    ...lines.map((line) => `        ${line}`),
    ...after.map((line) => `    ${line}`),
  ].join('\n');
}

export const RIGHTS = `rights: [${PROCESSING_RIGHT}]`;
export const PERIOD = 'period: { start: 2024-06-01, end: 2029-05-31 }';
export const ASSESSMENT = 'securityAssessment: { ref: AQPG-2024-03, date: 2024-05-10 }';
export const APPROVAL = 'approval: { ref: 某财资〔2024〕56号, authority: 某市财政局, date: 2024-05-24 }';
export const FEE = 'fee: { amount: 120000, basis: 按评估报告 PG-2024-08 定价 }';
export const VALUATION = 'valuation: { method: 收益法, ref: PG-2024-08 }';
export const APPROVED = [RIGHTS, PERIOD, ASSESSMENT, APPROVAL];

/** An authorization with its security assessment and its approval, as the docs of DA-AUTH-001/002 show it. */
export const AUTHORIZATION_EXAMPLE = `authorizations:
  - entity: 某市大数据运营有限公司
    rights: [数据加工使用权]
    securityAssessment: { ref: AQPG-2024-03, date: 2024-05-10 }
    approval: { ref: 某财资〔2024〕56号, authority: 某市财政局 }`;

// ------------------------------------------------------------------------------------------------ records an authorization needs

export interface Requirement {
  id: string;
  name: string;
  key: 'securityAssessment' | 'approval';
  value: Record<string, string>;
  meta: Pick<RuleMeta, 'messages' | 'docs'>;
}

/** A rule that asks every authorization of an asset for the record `requirement.key`, with a fix that adds it. */
export function authorizationRule(requirement: Requirement): Rule {
  return {
    meta: {
      id: requirement.id,
      name: requirement.name,
      sources: SOURCES,
      severity: 'error',
      fixable: true,
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

export interface PaidRecord {
  id: string;
  name: string;
  key: 'fee' | 'valuation';
  value: InsertValue;
  /** What the rule rests on, when more than clause (4). */
  sources?: SourceRef[];
  meta: Pick<RuleMeta, 'messages' | 'docs'>;
  /** A message id and args that say more, e.g. that the asset already has a valuation the steward may cite. */
  refine?: (item: MapNode) => { messageId: string; args: Record<string, string> } | undefined;
}

/** A rule that asks every paid authorization for the record `record.key`, with a fix that adds it. */
export function paidRecordRule(record: PaidRecord): Rule {
  return {
    meta: {
      id: record.id,
      name: record.name,
      sources: record.sources ?? SOURCES,
      severity: 'error',
      fixable: true,
      replacesSchemaAt: [`/assets/*/authorizations/*/${record.key}`],
      ...record.meta,
    },
    checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
      if (scope.kind !== 'asset') return;
      for (const { map, index } of authorizationsOf(item)) {
        if (scalarAt(map, 'paid')?.value !== true || has(map, record.key)) continue;
        const edit = setInMap(context.file.text, map, record.key, record.value);
        const refined = record.refine?.(item);
        context.report({
          messageId: refined?.messageId ?? 'missing',
          span: itemAnchor(map),
          args: { entity: entityOf(map), ...refined?.args },
          path: `${scope.path}/authorizations/${index}/${record.key}`,
          data: { asset: textAt(item, 'id'), entity: textAt(map, 'entity'), field: record.key },
          fix: edit ? { title: record.meta.messages.fix, edits: [edit] } : undefined,
        });
      }
    },
  };
}
