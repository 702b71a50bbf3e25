/**
 * The kinds of cursor completion tells apart (an entry, a value, a key in a flow mapping, a comment), and the
 * span of the scalar under a cursor, which both the block and the flow readers need.
 */
import type { Span } from '../types';
import type { PathSegment } from '../schema/navigate';

export interface EntryCursor {
  type: 'entry';
  /** Path of the collection the cursor's entry belongs to. */
  path: PathSegment[];
  line: number;
  /** Column of the entry (the key or the item's value). */
  column: number;
  /** The word to replace when completing a key. */
  word: Span;
  /** The scalar to replace when the entry turns out to be a list item's value. */
  value: Span;
  partial: string;
  /** Leading spaces of the line (an editor indents a snippet's later lines by them). */
  lineIndent: number;
  /** A `- ` precedes the entry on this line. */
  afterDash: boolean;
  /** A `:` already follows the word: complete the key's name only. */
  colonAfter: boolean;
}

export interface ValueCursor {
  type: 'value';
  /** Path of the value (its key or index last). */
  path: PathSegment[];
  range: Span;
  partial: string;
  /** The cursor is right after `key:`: insert a space first. */
  needsSpace: boolean;
  /** Other items of the flow sequence the value is in (to leave out unique values already there). */
  siblings: string[];
}

export interface FlowKeyCursor {
  type: 'flowKey';
  path: PathSegment[];
  range: Span;
  /** Keys written in the flow mapping, before and after the cursor, with the values read before it. */
  present: Map<string, string>;
}

export interface CommentCursor {
  type: 'comment';
  /** The comment from its `#` to the cursor. */
  before: string;
  /** Offset of the cursor and the rest of the line. */
  offset: number;
  after: string;
}

export type Cursor = EntryCursor | ValueCursor | FlowKeyCursor | CommentCursor | { type: 'none' };

export const NONE: Cursor = { type: 'none' };

/** The end of the token starting at `from` in `text` (before a comment, a flow indicator, or trailing spaces). */
function tokenEnd(text: string, from: number, stops: RegExp): number {
  let end = from;
  while (end < text.length && !stops.test(text[end]) && !(text[end] === '#' && /\s/.test(text[end - 1] ?? ' '))) end++;
  while (end > from && /\s/.test(text[end - 1])) end--;
  return end;
}

/** The span of a scalar that starts at `start` on a line (quotes excluded), reaching at least to the cursor. */
export function scalarSpan(
  lineText: string,
  start: number,
  column: number,
  stops: RegExp,
): { start: number; end: number } {
  const quote = lineText[start] === '"' || lineText[start] === "'" ? lineText[start] : '';
  if (quote) {
    const close = lineText.indexOf(quote, start + 1);
    return { start: start + 1, end: close >= column ? close : Math.max(column, tokenEnd(lineText, start + 1, stops)) };
  }
  return { start, end: Math.max(column, tokenEnd(lineText, start, stops)) };
}
