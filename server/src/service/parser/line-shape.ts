/**
 * The shape of one YAML line, read from its text alone: indentation, block sequence dashes, document markers,
 * blank and comment-only lines. The functions take offsets into the whole text and allocate nothing: the
 * splitter (split.ts) reads lines through them on every parse.
 */

/** Spaces from `start` before anything else on the line ending at `end` (YAML indents with spaces only). */
export function indentOf(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  return i - start;
}

/** A block sequence indicator at `at`: `-` followed by a space, a tab or the line's end (`end`). */
export function isDashAt(text: string, at: number, end: number): boolean {
  if (text.charCodeAt(at) !== 45) return false; // '-'
  const after = at + 1;
  if (after >= end) return true;
  const c = text.charCodeAt(after);
  return c === 32 || c === 9;
}

/** A document marker (`---` or `...`) opening the line text[start, end), followed by a space, a tab or nothing. */
export function isMarkerAt(text: string, start: number, end: number, marker: '---' | '...'): boolean {
  if (end - start < 3 || !text.startsWith(marker, start)) return false;
  const after = text.charCodeAt(start + 3);
  return end === start + 3 || after === 32 || after === 9;
}

/** Nothing but a comment from `at` (the end of the indentation) to the line's end. */
export function isCommentOrEndAt(text: string, at: number, end: number): boolean {
  return at >= end || text.charCodeAt(at) === 35; // '#'
}

/** The line text[start, end) holds only white space (spaces, tabs, a byte-order mark) and maybe a comment. */
export function isBlankOrComment(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0xfeff) continue;
    return c === 35; // '#'
  }
  return true;
}
