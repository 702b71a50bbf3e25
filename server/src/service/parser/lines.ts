import type { Position, Range, Span } from '../types';
import type { SourceText } from './source-text';

/**
 * Maps offsets to 0-based line/character positions. Line breaks: \n, \r\n and a lone \r (as LSP).
 * The line starts are 32-bit integers in a typed array, with room to grow at its end: an open 50,000-asset file has
 * 2.6 million lines, whose starts as a JS array cost twice as much (8 bytes a number) for as long as it is open.
 */
export class LineIndex {
  /** The start of each line; entries from `count` on are spare room. */
  private readonly starts: Int32Array;
  private readonly count: number;

  /** `starts` and `count`: the line starts of `text`, when already known (see `edited`). */
  constructor(
    private readonly text: SourceText,
    starts?: Int32Array,
    count?: number,
  ) {
    if (starts) {
      this.starts = starts;
      this.count = count ?? starts.length;
      return;
    }
    this.starts = lineStartsOf(text);
    this.count = this.starts.length;
  }

  /**
   * The index of `text`, which is this index's text with [start, oldEnd) replaced by text[start, newEnd): lines
   * before the edit are kept, the edited lines scanned again, later lines moved (no scan of the whole text).
   */
  edited(text: SourceText, start: number, oldEnd: number, newEnd: number): LineIndex {
    let old = this.starts;
    const count = this.count;
    const delta = newEnd - oldEnd;
    // Line starts before the edit stay (one before it is scanned again: a CR just before may now pair with an LF).
    const keep = Math.max(1, firstAtOrAfter(old, start, count));
    const scanned: number[] = [];
    for (let at = Math.max(0, start - 1); at <= newEnd && at < text.length; at++) {
      const c = text.charCodeAt(at);
      if (c === 10) scanned.push(at + 1);
      else if (c === 13) {
        if (text.charCodeAt(at + 1) === 10) at++;
        scanned.push(at + 1);
      }
    }
    const last = scanned.length > 0 ? scanned[scanned.length - 1] : old[keep - 1];
    let from = firstAtOrAfter(old, oldEnd + 1, count);
    while (from < count && old[from] + delta <= last) from++;
    const middle: number[] = [];
    for (const at of scanned) if (at > (middle.length > 0 ? middle[middle.length - 1] : old[keep - 1])) middle.push(at);
    // The array is this index's own and changes in place (no copy of a large file's line starts per keystroke):
    // this index must not be used afterwards, as the previous parse it belongs to is not.
    const total = count - (from - keep) + middle.length;
    if (total > old.length) {
      // Room for a sixteenth more lines, so that typing line breaks copies the array once in a while only.
      const grown = new Int32Array(total + (total >> 4) + 16);
      grown.set(old.subarray(0, keep));
      grown.set(old.subarray(from, count), keep + middle.length);
      old = grown;
    } else if (middle.length !== from - keep) {
      old.copyWithin(keep + middle.length, from, count);
    }
    for (let i = 0; i < middle.length; i++) old[keep + i] = middle[i];
    if (delta !== 0) for (let i = keep + middle.length; i < total; i++) old[i] += delta;
    return new LineIndex(text, old, total);
  }

  get lineCount(): number {
    return this.count;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.count - 1))];
  }

  /** The line of the last position asked for: the next question is usually about the same line or one a little below. */
  private recent = 0;

  positionAt(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // Between the CR and the LF of a line break is no position (LSP): the line's end is.
    if (clamped > 0 && this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13) clamped--;
    const starts = this.starts;
    const count = this.count;
    // A short walk down from the last answer first (the parts of one item are asked for in order), else a search.
    let line = this.recent;
    if (line < count && starts[line] <= clamped) {
      const stop = Math.min(count - 1, line + 16);
      while (line < stop && starts[line + 1] <= clamped) line++;
      if (line < stop || line === count - 1) {
        this.recent = line;
        return { line, character: clamped - starts[line] };
      }
    }
    line = lastAtOrBefore(starts, clamped, count);
    this.recent = line;
    return { line, character: clamped - starts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.count) return this.text.length;
    const start = this.starts[Math.max(0, position.line)];
    return Math.min(start + Math.max(0, position.character), this.text.length);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

/**
 * Appends to `into` the start of every line of `text` after its first (one per line break: \n, \r\n or a lone
 * \r) and returns it.
 */
export function lineBreaksOf(text: SourceText, into: number[] = []): number[] {
  if (text.indexOf('\r') < 0) {
    // The common case: \n only, found by indexOf, which is much faster than a loop over every character.
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) into.push(at + 1);
    return into;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) into.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      into.push(i + 1);
    }
  }
  return into;
}

/** The start of every line of `text`: counted first, so that the array is made once at its size. */
function lineStartsOf(text: SourceText): Int32Array {
  const starts = new Int32Array(countLineBreaks(text) + 1);
  let n = 1;
  if (text.indexOf('\r') < 0) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts[n++] = at + 1;
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts[n++] = i + 1;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts[n++] = i + 1;
    }
  }
  return starts;
}

/** The number of line breaks in `text` (\n, \r\n or a lone \r), as lineBreaksOf finds them. */
export function countLineBreaks(text: SourceText): number {
  let count = 0;
  if (text.indexOf('\r') < 0) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
    return count;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      count++;
    }
  }
  return count;
}

/**
 * The last index whose value is at most `value` in an ascending array (its first `length` values) whose first value
 * is at most `value`.
 */
export function lastAtOrBefore(values: ArrayLike<number>, value: number, length = values.length): number {
  let low = 0;
  let high = length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (values[mid] <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The first index whose value is at least `value` in an ascending array's first `length` values (else `length`). */
export function firstAtOrAfter(values: ArrayLike<number>, value: number, length = values.length): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A range moved down by `lines` lines (up when negative), columns unchanged. */
export function moveRange(range: Range, lines: number): Range {
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}
