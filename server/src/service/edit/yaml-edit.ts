/**
 * Minimal text edits on YAML, for quick fixes: insert entries into a mapping, replace a scalar keeping its quoting.
 * Edits touch only the lines they must: the user's comments, indentation, quoting and key order stay as they are.
 */
import type { Span, SpanEdit } from '../types';
import { charAt } from '../parser/source';
import type { SourceText } from '../parser/source';
import type { MapNode, ScalarNode, YamlNode } from '../parser/ast';

/** The value a fix leaves for the user to fill in. A string, so that a YAML parser reads it, never a real value. */
export const PLACEHOLDER = '待填写';

/** A value to insert: a scalar written as-is, a nested mapping, or a list of scalars. */
export type InsertValue = string | number | boolean | string[] | { [key: string]: InsertValue };

export function lineBreakOf(text: SourceText): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
}

/** Offset just past the line break that ends the line holding `offset` (or the end of the text). */
export function nextLineStart(text: SourceText, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}

export function lineStartOf(text: SourceText, offset: number): number {
  let i = offset;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

/** Column of `offset` on its line. */
export function columnOf(text: SourceText, offset: number): number {
  return offset - lineStartOf(text, offset);
}

const PLAIN_SAFE = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^#]*$/;

/** A scalar as YAML text: plain when that reads back as the same string, double-quoted otherwise. */
export function scalarText(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const plain =
    PLAIN_SAFE.test(value) &&
    !/:\s|\s$/.test(value) &&
    !/^(true|false|null|~|yes|no|on|off)$/i.test(value) &&
    !/^[-+.\d]/.test(value);
  return plain ? value : JSON.stringify(value);
}

function flow(value: InsertValue): string {
  if (Array.isArray(value)) return `[${value.map(scalarText).join(', ')}]`;
  if (typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${flow(v)}`)
      .join(', ')} }`;
  return scalarText(value);
}

/** Block lines for `key: value` at `indent` spaces. */
function blockLines(key: string, value: InsertValue, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (typeof value === 'object' && !Array.isArray(value)) {
    return [`${pad}${key}:`, ...Object.entries(value).flatMap(([k, v]) => blockLines(k, v, indent + 2))];
  }
  return [`${pad}${key}: ${flow(value)}`];
}

function isFlowMap(text: SourceText, map: MapNode): boolean {
  return text.charCodeAt(map.span.start) === 123; // '{'
}

/**
 * Where the last entry of a block mapping ends: the end of its value, or of its key when the value is empty. A
 * nested block's span runs past its last line break, so trailing white space is not counted.
 */
function lastContentEnd(text: SourceText, map: MapNode): number {
  const last = map.entries[map.entries.length - 1];
  let end = Math.max(last.keySpan.end, last.value.span.end);
  while (end > last.keySpan.end && /\s/.test(charAt(text, end - 1))) end--;
  return end;
}

/**
 * Inserts `entries` at the end of `map`, at the indentation of its keys: after the line of its last value
 * (a trailing comment on that line stays where it is), or inside the braces of a flow mapping.
 */
export function insertIntoMap(
  text: SourceText,
  map: MapNode,
  entries: Record<string, InsertValue>,
): SpanEdit | undefined {
  const pairs = Object.entries(entries);
  if (pairs.length === 0 || map.entries.length === 0) return undefined;
  if (isFlowMap(text, map)) {
    // The map's own closing brace ends its span (`lastIndexOf` from further on could find an outer one).
    const close =
      text.charCodeAt(map.span.end - 1) === 125 ? map.span.end - 1 : text.lastIndexOf('}', map.span.end - 1);
    if (close < map.span.start) return undefined;
    let before = close;
    while (before > map.span.start && (charAt(text, before - 1) === ' ' || charAt(text, before - 1) === '\t')) before--;
    const addition = pairs.map(([k, v]) => `${k}: ${flow(v)}`).join(', ');
    return { span: { start: before, end: before }, newText: `, ${addition}` };
  }
  const indent = columnOf(text, map.entries[0].keySpan.start);
  const at = nextLineStart(text, lastContentEnd(text, map));
  const eol = lineBreakOf(text);
  const lines = pairs.flatMap(([k, v]) => blockLines(k, v, indent));
  const needsBreak = at === text.length && at > 0 && charAt(text, at - 1) !== '\n' && charAt(text, at - 1) !== '\r';
  return { span: { start: at, end: at }, newText: (needsBreak ? eol : '') + lines.join(eol) + eol };
}

/**
 * Sets `key` in `map` to `value`: inserts it when absent, or fills an empty value (`key:` with nothing after it)
 * in place. An existing non-empty value is left alone (undefined): a fix never overwrites what the user wrote.
 */
export function setInMap(text: SourceText, map: MapNode, key: string, value: InsertValue): SpanEdit | undefined {
  const entry = map.entries.find((e) => e.key === key);
  if (!entry) return insertIntoMap(text, map, { [key]: value });
  if (!(entry.value.type === 'scalar' && entry.value.value === null && entry.value.source === '')) return undefined;
  if (typeof value === 'object' && !Array.isArray(value) && !isFlowMap(text, map)) {
    const indent = columnOf(text, entry.keySpan.start) + 2;
    const eol = lineBreakOf(text);
    const lines = Object.entries(value).flatMap(([k, v]) => blockLines(k, v, indent));
    // Keep anything after the colon on the key's line (a comment) and add the block below it.
    const at = nextLineStart(text, entry.keySpan.end);
    const needsBreak = at === text.length && charAt(text, at - 1) !== '\n' && charAt(text, at - 1) !== '\r';
    return { span: { start: at, end: at }, newText: (needsBreak ? eol : '') + lines.join(eol) + eol };
  }
  const colon = text.indexOf(':', entry.keySpan.end);
  return { span: { start: colon + 1, end: colon + 1 }, newText: ` ${flow(value)}` };
}

/** Replaces a scalar's text, keeping its quoting style. */
export function replaceScalar(node: ScalarNode, value: string): SpanEdit {
  let newText: string;
  if (node.style === 'single') newText = `'${value.replace(/'/g, "''")}'`;
  else if (node.style === 'double') newText = JSON.stringify(value);
  else newText = scalarText(value);
  return { span: node.span, newText };
}

/** Removes a whole mapping entry: its lines, from the key's line start to the line after its value. */
export function removeEntry(text: SourceText, map: MapNode, key: string): SpanEdit | undefined {
  const entry = map.entries.find((e) => e.key === key);
  if (!entry || isFlowMap(text, map)) return undefined;
  const start = lineStartOf(text, entry.keySpan.start);
  if (text.slice(start, entry.keySpan.start).trim() !== '') return undefined; // `- key:` shares its line with the dash
  const end = nextLineStart(text, Math.max(entry.keySpan.end, entry.value.span.end));
  return { span: { start, end }, newText: '' };
}

/** Applies edits (non-overlapping; the first wins on overlap) to `text`. */
export function applyEdits(text: SourceText, edits: SpanEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.span.start < at) continue;
    out += text.slice(at, edit.span.start) + edit.newText;
    at = edit.span.end;
  }
  return out + text.slice(at);
}

export function spanOfNode(node: YamlNode): Span {
  return node.span;
}
