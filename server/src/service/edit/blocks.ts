/**
 * Fix builders for whole entries and blocks, on top of yaml-edit.ts: add a field to a block or a new block, put a
 * field beside the keys it belongs with, remove a list item. Shared by the rules' fixes.
 */
import type { SpanEdit } from '../types';
import type { MapNode, SeqNode } from '../parser/ast';
import { getEntry } from '../parser/ast';
import type { SourceText } from '../parser/source';
import { charAt } from '../parser/source';
import type { InsertValue } from './yaml-edit';
import { columnOf, lineBreakOf, lineStartOf, nextLineStart, scalarText, setInMap } from './yaml-edit';

/** setInMap under the name the fixes use (insertIntoMap already inserts right after a block's content). */
export function setInBlock(text: SourceText, map: MapNode, key: string, value: InsertValue): SpanEdit | undefined {
  return setInMap(text, map, key, value);
}

/**
 * Sets `key` of `parent` to the mapping `fields` where there is no mapping with content to insert into: the key
 * absent, written with an empty value (`key:`), or an empty flow mapping (`key: {}`). Undefined otherwise.
 */
export function setNewBlock(
  text: SourceText,
  parent: MapNode,
  key: string,
  fields: Record<string, string | string[]>,
): SpanEdit | undefined {
  const entry = getEntry(parent, key);
  if (!entry || (entry.value.type === 'scalar' && entry.value.value === null && entry.value.source === '')) {
    return setInBlock(text, parent, key, fields);
  }
  const { value } = entry;
  if (
    value.type === 'map' &&
    value.entries.length === 0 &&
    /^\{\s*\}$/.test(text.slice(value.span.start, value.span.end))
  ) {
    const pairs = Object.entries(fields).map(
      ([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.map(scalarText).join(', ')}]` : scalarText(v)}`,
    );
    return { span: value.span, newText: `{ ${pairs.join(', ')} }` };
  }
  return undefined;
}

/**
 * Adds `key: value` to a block mapping on the line after the last of `after` (the keys it belongs beside), so the
 * budget reference sits next to the method and date rather than after a nested procurement block. That also keeps
 * it apart from a fix inside that block, which would otherwise insert at the same offset. Flow mappings and an
 * empty `key:` are left to setInMap.
 */
export function insertBeside(
  text: SourceText,
  map: MapNode,
  after: string[],
  key: string,
  value: string,
): SpanEdit | undefined {
  const anchor = [...map.entries].reverse().find((entry) => after.includes(entry.key));
  if (getEntry(map, key) || text.charCodeAt(map.span.start) === 123 || !anchor || anchor.value.type !== 'scalar') {
    return setInMap(text, map, key, value);
  }
  const at = nextLineStart(text, Math.max(anchor.keySpan.end, anchor.value.span.end));
  const eol = lineBreakOf(text);
  const needsBreak = at === text.length && charAt(text, at - 1) !== '\n' && charAt(text, at - 1) !== '\r';
  const line = `${' '.repeat(columnOf(text, map.entries[0].keySpan.start))}${key}: ${scalarText(value)}`;
  return { span: { start: at, end: at }, newText: `${needsBreak ? eol : ''}${line}${eol}` };
}

/**
 * Removes item `index` (not the first) of a sequence of scalars: in a flow sequence with the separator before
 * it, in a block sequence its whole line. Undefined when that would touch a comment or the layout is unusual.
 */
export function removeSeqItem(text: SourceText, seq: SeqNode, index: number): SpanEdit | undefined {
  const item = seq.items[index];
  if (index === 0 || !item || item.type !== 'scalar') return undefined;
  if (text.charCodeAt(seq.span.start) === 91) {
    // '['
    const start = seq.items[index - 1].span.end;
    return text.slice(start, item.span.end).includes('#')
      ? undefined
      : { span: { start, end: item.span.end }, newText: '' };
  }
  const lineStart = lineStartOf(text, item.span.start);
  if (!/^[ \t]*-[ \t]+$/.test(text.slice(lineStart, item.span.start))) return undefined;
  return { span: { start: lineStart, end: nextLineStart(text, item.span.end) }, newText: '' };
}
