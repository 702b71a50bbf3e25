/**
 * Where the cursor is, read from the text line by line by indentation, not from the parse tree, which is missing
 * or wrong exactly while the user types (`    sec` parses as a key of the mapping above, `acquisition:` followed
 * by `  me` as a scalar value). The tree-independent reading also works in broken YAML.
 */
import type { PathSegment } from '../schema/navigate';
import { commentStart, indentOf, isFlowStartAt, KEY, MAX_DASHES, readDashes, unquote } from '../parser/line-shape';
import type { DocumentLines } from './document-lines';
import { locate } from './containers';
import type { Located } from './containers';
import { NONE, scalarSpan } from './cursor';
import type { Cursor } from './cursor';
import { flowCursor } from './flow-cursor';

const WORD_CHAR = /[^\s:#,[\]{}'"]/;
/** Indicators that open no key and no plain scalar (anchors, aliases, tags, block scalars, reserved). */
const INDICATOR = /[&*!|>%@`]/;

/** The cursor's line, read up to the cursor: its sequence indicators and the entry after them. */
interface LineRead {
  line: number;
  lineStart: number;
  lineText: string;
  column: number;
  /** Leading spaces of the line. */
  indent: number;
  dashes: number[];
  /** Column where the entry after the dashes starts. */
  at: number;
  /** The entry's text up to the cursor. */
  rest: string;
  /** The collection the entry belongs to (read from the lines above: call only when needed). */
  located: () => Located | undefined;
}

export function analyze(lines: DocumentLines, offset: number): Cursor {
  const line = lines.lineOf(offset);
  const lineStart = lines.start(line);
  const lineText = lines.text(line);
  const column = offset - lineStart;
  if (column < 0 || column > lineText.length) return NONE;
  const hash = commentStart(lineText);
  if (hash >= 0 && hash < column) {
    return { type: 'comment', before: lineText.slice(hash, column), offset, after: lineText.slice(column) };
  }
  if (lines.shape(line).boundary) return NONE;
  const prefix = lineText.slice(0, column);
  const indent = indentOf(prefix, 0, prefix.length);
  if (indent < prefix.length && prefix[indent] === '\t') return NONE;
  const { dashes, at } = readDashes(prefix, indent);
  if (dashes.length >= MAX_DASHES) return NONE;
  // `-` right before the cursor, not yet followed by its space.
  if (dashes.length > 0 && dashes[dashes.length - 1] === prefix.length - 1) return NONE;
  const rest = prefix.slice(at);
  // Inside a scalar that began on an earlier line (a block scalar's text, a multi-line flow)?
  const located = () => locate(lines, line, at, false, dashes);
  const read: LineRead = { line, lineStart, lineText, column, indent, dashes, at, rest, located };
  const keyMatch = KEY.exec(rest);
  if (keyMatch) return keyValueCursor(read, keyMatch);
  if (isFlowStartAt(rest, 0)) {
    const container = located();
    if (!container) return NONE;
    return flowCursor(lineText, lineStart, at, column, [...container.path]) ?? NONE;
  }
  if (rest[0] && INDICATOR.test(rest[0])) return NONE;
  return entryCursor(read);
}

/** After `key:` on the cursor's line: the key's value. */
function keyValueCursor(read: LineRead, keyMatch: RegExpExecArray): Cursor {
  const { lineText, lineStart, column, at } = read;
  const key = unquote(keyMatch[1].trim());
  const container = read.located();
  if (!container) return NONE;
  const afterColon = at + keyMatch[0].length;
  let valueStart = afterColon;
  while (lineText[valueStart] === ' ' || lineText[valueStart] === '\t') valueStart++;
  if (valueStart > column) valueStart = column;
  return valueCursor(lineText, lineStart, valueStart, column, [...container.path, key], afterColon === column);
}

/** A word at the entry's column: a key being typed, or a list item's scalar. */
function entryCursor(read: LineRead): Cursor {
  const { lineText, lineStart, column, at } = read;
  const container = read.located();
  if (!container) return NONE;
  let wordEnd = column;
  while (wordEnd < lineText.length && WORD_CHAR.test(lineText[wordEnd])) wordEnd++;
  const colonAfter = /^[ \t]*:(\s|$)/.test(lineText.slice(wordEnd));
  const value = scalarSpan(lineText, at, column, /$^/);
  return {
    type: 'entry',
    path: container.path,
    line: read.line,
    column: at,
    word: { start: lineStart + at, end: lineStart + wordEnd },
    value: { start: lineStart + value.start, end: lineStart + value.end },
    partial: read.rest,
    lineIndent: read.indent,
    afterDash: read.dashes.length > 0,
    colonAfter,
  };
}

function valueCursor(
  lineText: string,
  lineStart: number,
  valueStart: number,
  column: number,
  path: PathSegment[],
  needsSpace: boolean,
): Cursor {
  const first = lineText[valueStart];
  if (valueStart < column && isFlowStartAt(lineText, valueStart))
    return flowCursor(lineText, lineStart, valueStart, column, path) ?? NONE;
  if (valueStart < column && first && INDICATOR.test(first)) return NONE;
  const span = scalarSpan(lineText, valueStart, column, /$^/);
  if (column < span.start) return NONE;
  return {
    type: 'value',
    path,
    range: { start: lineStart + span.start, end: lineStart + span.end },
    partial: lineText.slice(span.start, column),
    needsSpace,
    siblings: [],
  };
}
