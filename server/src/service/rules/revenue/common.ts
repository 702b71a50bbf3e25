/**
 * What the revenue rules (DA-REV-001..004, clause 7) share: the clause, an asset's revenue lines (read once per
 * item), how messages name them, and the docs' example units.
 */
import type { MapNode, ScalarNode } from '../../parser/ast';
import { replaceScalar } from '../../edit/yaml-edit';
import type { SpanEdit } from '../../types';
import { itemLabel, mapsOf, scalarAt, seqAt, textAt } from '../../tree/read';
import type { ItemScope } from '../rule';
import { perItem } from '../rule';
import { notice } from '../sources';
import type { SourceRef } from '../sources';

export const SOURCES: SourceRef[] = [notice('(7)')];
export const NON_TAX = '非税收入';

/** How messages name a revenue source, by its enum value. */
export const SOURCE_NAMES: Record<string, { zh: string; en: string }> = {
  使用: { zh: '使用', en: 'use' },
  处置: { zh: '处置', en: 'disposal' },
};

export interface RevenueLine {
  map: MapNode;
  index: number;
  source: string;
  handling: ScalarNode | undefined;
}

/** The item's revenue lines, read once for the revenue rules, which run one after another on the same item. */
export function revenueLines(item: MapNode, scope: ItemScope): RevenueLine[] {
  return perItem(scope, 'revenueLines', readRevenueLines, item);
}

function readRevenueLines(item: MapNode): RevenueLine[] {
  return mapsOf(seqAt(item, 'revenue')).map(({ map, index }) => ({
    map,
    index,
    source: textAt(map, 'source'),
    handling: scalarAt(map, 'handling'),
  }));
}

/** The handling as written, or '' when absent or empty (the schema reports a missing handling). */
export function handlingText(node: ScalarNode | undefined): string {
  if (!node || node.value === null) return '';
  return (typeof node.value === 'string' ? node.value : node.source).trim();
}

export function lineArgs(item: MapNode, line: RevenueLine, handling: string): Record<string, string> {
  const source = SOURCE_NAMES[line.source];
  return {
    asset: itemLabel(item),
    year: textAt(line.map, 'year') || '?',
    sourceZh: source?.zh ?? (line.source || '?'),
    sourceEn: source?.en ?? (line.source || '?'),
    handling,
  };
}

export const UNIT_ADMIN = 'unit: { name: 某市交通运输局, code: 113301000025391739, type: 行政单位 }';
export const UNIT_INSTITUTION = 'unit: { name: 某市交通运输信息中心, code: 123301004703621533, type: 事业单位 }';

/** The edit that sets a line's handling to 非税收入, when the scalar can be replaced in place. */
export function nonTaxEdit(handling: ScalarNode): SpanEdit | undefined {
  return handling.style === 'block' ? undefined : replaceScalar(handling, NON_TAX);
}

export function isPaid(authorization: MapNode): boolean {
  return scalarAt(authorization, 'paid')?.value === true;
}
