/** Typed access to the node tree without repeating type checks: shared by rules, hover, symbols and the workspace index. */
import type { MapNode, ScalarNode, SeqNode, YamlNode } from '../parser/ast';
import { getEntry } from '../parser/ast';

export function mapAt(node: YamlNode | undefined, key: string): MapNode | undefined {
  const value = node && node.type === 'map' ? getEntry(node, key)?.value : undefined;
  return value && value.type === 'map' ? value : undefined;
}

export function seqAt(node: YamlNode | undefined, key: string): SeqNode | undefined {
  const value = node && node.type === 'map' ? getEntry(node, key)?.value : undefined;
  return value && value.type === 'seq' ? value : undefined;
}

export function scalarAt(node: YamlNode | undefined, key: string): ScalarNode | undefined {
  const value = node && node.type === 'map' ? getEntry(node, key)?.value : undefined;
  return value && value.type === 'scalar' ? value : undefined;
}

/** The scalar's value as text ('' when absent or null); numbers and booleans as written. */
export function textAt(node: YamlNode | undefined, key: string): string {
  const scalar = scalarAt(node, key);
  if (!scalar || scalar.value === null) return '';
  return typeof scalar.value === 'string' ? scalar.value.trim() : scalar.source;
}

/** Present with a non-empty value (a mapping, a list, or a non-null scalar). */
export function has(node: YamlNode | undefined, key: string): boolean {
  const value = node && node.type === 'map' ? getEntry(node, key)?.value : undefined;
  if (!value) return false;
  if (value.type === 'scalar') return value.value !== null && String(value.value).trim() !== '';
  return true;
}

/** The key's span of an entry, for findings about a whole block. */
export function keySpanOf(node: MapNode, key: string): { start: number; end: number } | undefined {
  return getEntry(node, key)?.keySpan;
}

/** The maps of a list (non-map items skipped), with their index. */
export function mapsOf(seq: SeqNode | undefined): Array<{ map: MapNode; index: number }> {
  if (!seq) return [];
  const out: Array<{ map: MapNode; index: number }> = [];
  seq.items.forEach((item, index) => {
    if (item.type === 'map') out.push({ map: item, index });
  });
  return out;
}

/** Where a finding about a list item goes: its first key (the line with the dash). */
export function itemAnchor(map: MapNode): { start: number; end: number } {
  return map.entries[0]?.keySpan ?? map.span;
}

/** How messages name a resource or an asset: its name, else its id, else `?`. */
export function itemLabel(item: MapNode): string {
  return textAt(item, 'name') || textAt(item, 'id') || '?';
}
