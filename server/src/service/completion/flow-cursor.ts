/**
 * The cursor inside a flow collection on one line (`{ ref: x, da|` or `[a, b|]`): read from the collection's
 * start to the cursor, level by level, to find whether a key or a value is being typed and what is written.
 */
import type { PathSegment } from '../schema/navigate';
import { unquote } from '../parser/line-shape';
import { scalarSpan } from './cursor';
import type { Cursor } from './cursor';

interface FlowLevel {
  type: 'map' | 'seq';
  /** Path of this collection. */
  path: PathSegment[];
  key?: string;
  afterColon: boolean;
  index: number;
  /** Entries seen so far: key → value as written. */
  keys: Map<string, string>;
  items: string[];
  tokenStart: number;
}

/**
 * The cursor inside a flow collection that starts at `start` on the line, read from the collection's start to
 * the cursor. Keys written after the cursor count as present too.
 */
export function flowCursor(
  lineText: string,
  lineStart: number,
  start: number,
  column: number,
  path: PathSegment[],
): Cursor | undefined {
  const top = innermostLevel(lineText, start, column, path);
  if (!top) return undefined;
  let tokenStart = top.tokenStart;
  while (tokenStart < column && /\s/.test(lineText[tokenStart])) tokenStart++;
  const span = scalarSpan(lineText, tokenStart, column, /[,}\]]/);
  if (column < span.start) return undefined;
  const range = { start: lineStart + span.start, end: lineStart + span.end };
  const partial = lineText.slice(span.start, column);
  const needsSpace = tokenStart === column && lineText[column - 1] === ':';
  if (top.type === 'seq')
    return { type: 'value', path: [...top.path, top.index], range, partial, needsSpace: false, siblings: top.items };
  if (top.afterColon && top.key !== undefined)
    return { type: 'value', path: [...top.path, top.key], range, partial, needsSpace, siblings: [] };
  if (/[^\s]/.test(partial) && !/^[^\s:#'"{}[\],&*!|>%@`]+$/.test(partial)) return undefined;
  const present = new Map(top.keys);
  keysAfter(lineText.slice(span.end), present);
  return { type: 'flowKey', path: top.path, range, present };
}

/** The innermost collection open at the cursor, with what was read of it; undefined when there is none. */
function innermostLevel(lineText: string, start: number, column: number, path: PathSegment[]): FlowLevel | undefined {
  const stack: FlowLevel[] = [];
  const open = (type: 'map' | 'seq', at: number) => {
    const parent = stack[stack.length - 1];
    const segment: PathSegment[] = !parent
      ? []
      : parent.type === 'map'
        ? parent.key !== undefined
          ? [parent.key]
          : []
        : [parent.index];
    if (parent && parent.type === 'map' && parent.key === undefined) return false;
    stack.push({
      type,
      path: [...(parent ? parent.path : path), ...segment],
      afterColon: false,
      index: 0,
      keys: new Map(),
      items: [],
      tokenStart: at + 1,
    });
    return true;
  };
  const closeEntry = (level: FlowLevel, end: number) => {
    const token = lineText.slice(level.tokenStart, end).trim();
    if (level.type === 'seq') {
      if (token) level.items.push(unquote(token));
      level.index++;
    } else if (level.key === undefined && token) {
      level.keys.set(unquote(token), '');
    } else if (level.key !== undefined) {
      level.keys.set(level.key, unquote(token));
    }
    level.key = undefined;
    level.afterColon = false;
    level.tokenStart = end + 1;
  };
  for (let i = start; i < column; i++) {
    const c = lineText[i];
    const top = stack[stack.length - 1];
    if (c === '"' || c === "'") {
      const close = lineText.indexOf(c, i + 1);
      if (close < 0 || close >= column) break; // the cursor is inside the quotes
      i = close;
    } else if (c === '{' || c === '[') {
      if (!open(c === '{' ? 'map' : 'seq', i)) return undefined;
    } else if (c === '}' || c === ']') {
      stack.pop();
      if (stack.length === 0) return undefined;
      const parent = stack[stack.length - 1];
      parent.tokenStart = i + 1;
    } else if (c === ',' && top) {
      closeEntry(top, i);
    } else if (
      c === ':' &&
      top &&
      top.type === 'map' &&
      !top.afterColon &&
      (i + 1 === lineText.length || /[\s,}\]]/.test(lineText[i + 1]) || i + 1 === column)
    ) {
      top.key = unquote(lineText.slice(top.tokenStart, i).trim());
      top.keys.set(top.key, '');
      top.afterColon = true;
      top.tokenStart = i + 1;
    } else if (c === '#' && /\s/.test(lineText[i - 1] ?? '')) {
      return undefined;
    }
  }
  return stack[stack.length - 1];
}

/** Adds to `present` the keys written in `tail` (the line after the cursor's token) up to the mapping's end. */
function keysAfter(tail: string, present: Map<string, string>): void {
  let depth = 0;
  // One run of blanks, then a comma and its blanks: `\s*,?\s*` could split a run of blanks every way (quadratic).
  const keyAfter = /^\s*(?:,\s*)?("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,:{}[\]]+)\s*:/;
  for (let i = 0; i < tail.length; i++) {
    const c = tail[i];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) break;
      depth--;
    } else if (c === ',' && depth === 0) {
      const match = keyAfter.exec(tail.slice(i));
      if (match && !present.has(unquote(match[1]))) present.set(unquote(match[1]), '');
    }
  }
}
