/**
 * What the unit rules (DA-UNIT-001..004) share: reading the document's `unit` block, the clauses (GB 32100-2015
 * for the code, clause 1 for who answers for the assets) and the docs' example units.
 */
import type { MapNode, ScalarNode } from '../../parser/ast';
import { getValue } from '../../parser/ast';
import type { StewardYamlDocument } from '../../parser/model';
import { rootMap } from '../../parser/model';
import { mapAt, textAt } from '../../tree/read';
import type { RuleContext } from '../rule';
import { cite, notice } from '../sources';
import type { SourceRef } from '../sources';

export const CODE_SOURCES: SourceRef[] = [cite('gb-32100-2015'), notice('(1)')];

export const CODE_PATH = '/unit/code';

export const FIXED_EXAMPLE = `unit:
  name: 某市交通运输局
  code: 113301000025391739
  type: 行政单位`;

export function unitScalar(document: StewardYamlDocument, key: string): ScalarNode | undefined {
  const node = getValue(getValue(document.root ?? undefined, 'unit'), key);
  return node?.type === 'scalar' && node.value !== null ? node : undefined;
}

/** The text as written: an unquoted 18-digit code is read from its source so no digit is lost. */
export function scalarText(node: ScalarNode): string {
  return (typeof node.value === 'string' ? node.value : node.source).trim();
}

export const UNIT_SOURCES: SourceRef[] = [notice('(1)')];

export function unitOf(document: StewardYamlDocument): MapNode | undefined {
  return mapAt(rootMap(document), 'unit');
}

/** How documents of one file name the same unit: its code, or its name when it has no code. */
function unitIdentity(unit: MapNode): string {
  return textAt(unit, 'code') || textAt(unit, 'name');
}

/**
 * Another document of the same file that describes the same unit and says what `says` checks: a file with
 * several documents for one unit states the supervising department or the responsible person once.
 */
export function statedElsewhere(
  document: StewardYamlDocument,
  context: RuleContext,
  says: (unit: MapNode) => boolean,
): boolean {
  const unit = unitOf(document);
  const identity = unit ? unitIdentity(unit) : '';
  if (!identity) return false;
  return context.file.documents.some((other) => {
    const otherUnit = other !== document && other.isSteward ? unitOf(other) : undefined;
    return !!otherUnit && unitIdentity(otherUnit) === identity && says(otherUnit);
  });
}

export const UNIT_EXAMPLE = `unit:
  name: 某市交通运输信息中心
  code: 123301004703621533
  type: 事业单位`;
