import type { Position, Range, Span } from '../types';
import type { SourceText } from './source-text';

/** Maps offsets to 0-based line/character positions. Line breaks: \n, \r\n and a lone \r (as LSP). */
export class LineIndex {
  private readonly starts: number[];

  /** `starts`: the line starts of `text`, when already known (see `edited`). */
  constructor(
    private readonly text: SourceText,
    starts?: number[],
  ) {
    if (starts) {
      this.starts = starts;
      return;
    }
    starts = lineBreaksOf(text, [0]);
    this.starts = starts;
  }

  /**
   * The index of `text`, which is this index's text with [start, oldEnd) replaced by text[start, newEnd): lines
   * before the edit are kept, the edited lines scanned again, later lines moved (no scan of the whole text).
   */
  edited(text: SourceText, start: number, oldEnd: number, newEnd: number): LineIndex {
    const old = this.starts;
    const delta = newEnd - oldEnd;
    // Line starts before the edit stay (one before it is scanned again: a CR just before may now pair with an LF).
    const keep = Math.max(1, firstAtOrAfter(old, start));
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
    let from = firstAtOrAfter(old, oldEnd + 1);
    while (from < old.length && old[from] + delta <= last) from++;
    const middle: number[] = [];
    for (const at of scanned) if (at > (middle.length > 0 ? middle[middle.length - 1] : old[keep - 1])) middle.push(at);
    // The array is this index's own and changes in place (no copy of a large file's line starts per keystroke):
    // this index must not be used afterwards, as the previous parse it belongs to is not.
    if (middle.length === from - keep) {
      for (let i = 0; i < middle.length; i++) old[keep + i] = middle[i];
    } else if (middle.length < 10_000) {
      old.splice(keep, from - keep, ...middle);
    } else {
      const rest = old.slice(from);
      old.length = keep;
      for (const at of middle) old.push(at);
      for (const at of rest) old.push(at);
    }
    if (delta !== 0) for (let i = keep + middle.length; i < old.length; i++) old[i] += delta;
    return new LineIndex(text, old);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** The line of the last position asked for: the next question is usually about the same line or one a little below. */
  private recent = 0;

  positionAt(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // Between the CR and the LF of a line break is no position (LSP): the line's end is.
    if (clamped > 0 && this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13) clamped--;
    const starts = this.starts;
    // A short walk down from the last answer first (the parts of one item are asked for in order), else a search.
    let line = this.recent;
    if (line < starts.length && starts[line] <= clamped) {
      const stop = Math.min(starts.length - 1, line + 16);
      while (line < stop && starts[line + 1] <= clamped) line++;
      if (line < stop || line === starts.length - 1) {
        this.recent = line;
        return { line, character: clamped - starts[line] };
      }
    }
    line = lastAtOrBefore(starts, clamped);
    this.recent = line;
    return { line, character: clamped - starts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
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

/** The last index whose value is at most `value` in an ascending array whose first value is at most `value`. */
export function lastAtOrBefore(values: number[], value: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (values[mid] <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The first index whose value is at least `value` in an ascending array (its length when none is). */
export function firstAtOrAfter(values: number[], value: number): number {
  let low = 0;
  let high = values.length;
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
