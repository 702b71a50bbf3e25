/**
 * The shape of one YAML line, read from its text alone: indentation, block sequence dashes, document markers,
 * blank and comment-only lines, where a comment starts, the first key, a flow collection's start. The splitter
 * (split.ts) reads lines through the small functions at the top, which take offsets into the whole text and
 * allocate nothing (it runs on every parse); completion reads whole shapes (shapeOf), built from the same ones.
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

/** A flow collection (`{` or `[`) opens at `at`. */
export function isFlowStartAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === 123 || c === 91;
}

/** Index of the `#` that starts a comment in a line's text, or -1; quotes that open a token are skipped. */
export function commentStart(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const atTokenStart = i === 0 || /[\s[{,:]/.test(text[i - 1]);
    if ((c === '"' || c === "'") && atTokenStart) {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' && c === '"' ? 2 : 1;
      if (j >= text.length) return -1;
      i = j;
    } else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) {
      return i;
    }
  }
  return -1;
}

const QUOTED_KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*:(?=[ \t]|$)/;
const PLAIN_KEY_START = /^[^\s#'"{}[\],&*!|>%@`]/;

/**
 * A mapping key at the start of a line's rest (quoted, or plain up to the first `: `), with its colon: match[0]
 * runs to the colon, match[1] is the key. A plain key is found by a search for its colon, not by a regular
 * expression (a lazy key followed by `[ \t]*:` backtracks over every run of blanks: quadratic on a long line).
 */
export const KEY = { exec: matchKey };

function matchKey(text: string): RegExpExecArray | null {
  const c = text[0];
  if (c === '"' || c === "'") return QUOTED_KEY.exec(text);
  if (c === undefined || !PLAIN_KEY_START.test(c)) return null;
  for (let colon = text.indexOf(':', 1); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    const after = text.charCodeAt(colon + 1);
    if (colon + 1 < text.length && after !== 32 && after !== 9) continue;
    let end = colon;
    while (end > 1 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
    const match = [text.slice(0, colon + 1), text.slice(0, end)] as unknown as RegExpExecArray;
    match.index = 0;
    match.input = text;
    return match;
  }
  return null;
}

/** `text` without the line breaks at its end (a loop: `/[\r\n]+$/` is quadratic on a run of breaks). */
export function trimLineBreaks(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** More sequence indicators than this on one line are not read (a line of dashes is not a deep list). */
export const MAX_DASHES = 32;

export function unquote(text: string): string {
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0])
    return text.slice(1, -1);
  return text;
}

/** The sequence indicators of a line's text from `from`, and where the entry after them starts. */
export function readDashes(text: string, from: number): { dashes: number[]; at: number } {
  const dashes: number[] = [];
  let at = from;
  while (isDashAt(text, at, text.length) && dashes.length < MAX_DASHES) {
    dashes.push(at);
    at++;
    while (text[at] === ' ' || text[at] === '\t') at++;
  }
  return { dashes, at };
}

export interface LineShape {
  indent: number;
  /** Columns of block sequence indicators (`- `). */
  dashes: number[];
  /** The first mapping key on the line, after the dashes. */
  key?: { name: string; column: number };
  /** What follows the key's colon (or the dashes when there is no key), without a comment, trimmed. */
  value: string;
  /** Empty, or only a comment (or a directive). */
  blank: boolean;
  /** A document marker (`---`, `...`) at column 0. */
  boundary: boolean;
  /** The value is a block scalar indicator (`|`, `>-`, ...): deeper lines are its text. */
  blockScalar: boolean;
}

/** The shape of one line's text (without its line break). */
export function shapeOf(text: string): LineShape {
  const indent = indentOf(text, 0, text.length);
  const empty: LineShape = { indent, dashes: [], value: '', blank: true, boundary: false, blockScalar: false };
  if (isCommentOrEndAt(text, indent, text.length) || (indent === 0 && text[0] === '%')) return empty;
  // Any white space after the marker (`\s`), wider than isMarkerAt's space or tab: completion's reading as it was.
  if (indent === 0 && /^(---|\.\.\.)(\s|$)/.test(text)) return { ...empty, blank: false, boundary: true };
  const { dashes, at } = readDashes(text, indent);
  const cut = commentStart(text.slice(at));
  const rest = (cut < 0 ? text.slice(at) : text.slice(at, at + cut)).trimEnd();
  const match = KEY.exec(rest);
  const key = match ? { name: unquote(match[1].trim()), column: at } : undefined;
  const value = match ? rest.slice(match[0].length).trim() : rest.trim();
  return { indent, dashes, key, value, blank: false, boundary: false, blockScalar: /^[|>][0-9+-]*$/.test(value) };
}
