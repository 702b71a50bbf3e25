/**
 * A file's text as the service reads it. A JS string is one; a PieceText (an editor's open document kept in
 * pieces) is another: an edit replaces the piece it touches, and the whole text is only joined when something
 * asks for it (toString). Code on the editing path reads through this interface, so typing in a large file does
 * not copy the file per keystroke.
 */
import { countLineBreaks, firstAtOrAfter, lastAtOrBefore, lineBreaksOf } from './lines';
import type { SourceText } from './source-text';

export type { SourceText };

/** The character at `index`, '' outside the text (String.prototype.charAt). */
export function charAt(text: SourceText, index: number): string {
  return index >= 0 && index < text.length ? text.slice(index, index + 1) : '';
}

/** Pieces are cut at line ends once they grow past this many characters. */
const PIECE = 16 * 1024;

/** 0-based line and UTF-16 character, as LSP counts them. */
export interface TextPosition {
  line: number;
  character: number;
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/**
 * Cuts `text` into pieces of about PIECE characters, each ending just after a line break (never between \r and
 * \n), the last one wherever the text ends.
 */
function cut(text: string, size: number): string[] {
  const pieces: string[] = [];
  let from = 0;
  while (text.length - from > size) {
    let at = from + size;
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c === 10 || (c === 13 && text.charCodeAt(at + 1) !== 10)) break;
      at++;
    }
    if (at >= text.length - 1) break;
    pieces.push(text.slice(from, at + 1));
    from = at + 1;
  }
  pieces.push(from === 0 ? text : text.slice(from));
  return pieces;
}

/**
 * An immutable text held as pieces. `edit` returns a new PieceText sharing every untouched piece with this one
 * (copies of a few small arrays, no copy of the text), so a previous version stays readable as it was. Every
 * piece but the last ends with a line break, so each line lies in one piece and positions are found per piece.
 */
export class PieceText implements SourceText {
  readonly length: number;
  private whole: string | undefined;
  /** The piece of the last lookup: reads come in runs over one region. */
  private last = 0;

  private constructor(
    private readonly pieces: string[],
    /** Offset of each piece's first character. */
    private readonly starts: number[],
    /** Line of each piece's first character. */
    private readonly lines: number[],
    /**
     * Per piece, its line starts after the first, computed on first need: only positions in the pieces an editor
     * works in are asked for, and the parse keeps its own line index (a copy of every piece's would cost a large
     * file's line starts twice).
     */
    private readonly breaks: Array<number[] | undefined>,
    length: number,
    private readonly lineTotal: number,
    /** Pieces are cut at line ends past this many characters (small in tests, to exercise the seams). */
    private readonly size: number,
  ) {
    this.length = length;
  }

  static from(text: string, size = PIECE): PieceText {
    const pieces = cut(text, size);
    const starts: number[] = [];
    const lines: number[] = [];
    const breaks: undefined[] = [];
    let offset = 0;
    let line = 0;
    for (const piece of pieces) {
      starts.push(offset);
      lines.push(line);
      breaks.push(undefined);
      offset += piece.length;
      line += countLineBreaks(piece);
    }
    const result = new PieceText(pieces, starts, lines, breaks, text.length, line + 1, size);
    result.whole = text;
    return result;
  }

  get lineCount(): number {
    return this.lineTotal;
  }

  /** The number of pieces (for tests). */
  get pieceCount(): number {
    return this.pieces.length;
  }

  toString(): string {
    if (this.whole === undefined) this.whole = this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('');
    return this.whole;
  }

  /** The piece holding `offset` (the last piece for the text's end). */
  private pieceAt(offset: number): number {
    const starts = this.starts;
    const last = this.last;
    if (starts[last] <= offset && (last + 1 >= starts.length || starts[last + 1] > offset)) return last;
    this.last = lastAtOrBefore(starts, offset);
    return this.last;
  }

  charCodeAt(index: number): number {
    if (!(index >= 0 && index < this.length)) return NaN;
    if (this.whole !== undefined) return this.whole.charCodeAt(index);
    const p = this.pieceAt(index);
    return this.pieces[p].charCodeAt(index - this.starts[p]);
  }

  slice(start = 0, end = this.length): string {
    const length = this.length;
    let from = start < 0 ? Math.max(0, length + start) : Math.min(start, length);
    const to = end < 0 ? Math.max(0, length + end) : Math.min(end, length);
    if (from >= to) return '';
    if (this.whole !== undefined) return this.whole.slice(from, to);
    let p = this.pieceAt(from);
    const pieceEnd = p + 1 < this.starts.length ? this.starts[p + 1] : length;
    if (to <= pieceEnd) return this.pieces[p].slice(from - this.starts[p], to - this.starts[p]);
    const parts: string[] = [];
    while (from < to) {
      const base = this.starts[p];
      const piece = this.pieces[p];
      parts.push(piece.slice(from - base, Math.min(to - base, piece.length)));
      from = base + piece.length;
      p++;
    }
    return parts.join('');
  }

  indexOf(search: string, position = 0): number {
    const from = Math.max(0, Math.min(position, this.length));
    if (this.whole !== undefined) return this.whole.indexOf(search, from);
    if (search.length === 0) return from;
    const overlap = search.length - 1;
    for (let p = this.pieceAt(from); p < this.pieces.length; p++) {
      const base = this.starts[p];
      const found = this.pieces[p].indexOf(search, Math.max(0, from - base));
      if (found >= 0) return base + found;
      // A match across the end of this piece starts in its last `overlap` characters.
      const next = base + this.pieces[p].length;
      if (overlap > 0 && next < this.length) {
        const seamStart = Math.max(from, next - overlap);
        const seam = this.slice(seamStart, next + overlap).indexOf(search);
        if (seam >= 0 && seamStart + seam < next) return seamStart + seam;
      }
    }
    return -1;
  }

  lastIndexOf(search: string, position = Infinity): number {
    const latest = Math.max(0, Math.min(Number.isNaN(position) ? Infinity : position, this.length - search.length));
    if (this.whole !== undefined) return this.whole.lastIndexOf(search, position);
    if (search.length > this.length) return -1;
    if (search.length === 0) return latest;
    const overlap = search.length - 1;
    for (let p = this.pieceAt(latest); p >= 0; p--) {
      const base = this.starts[p];
      const next = base + this.pieces[p].length;
      // Matches across this piece's end start later than any inside it.
      if (overlap > 0 && next < this.length && next - overlap <= latest) {
        const seamStart = Math.max(0, next - overlap);
        const seam = this.slice(seamStart, next + overlap).lastIndexOf(search, latest - seamStart);
        if (seam >= 0 && seamStart + seam < next) return seamStart + seam;
      }
      const found = this.pieces[p].lastIndexOf(search, latest - base);
      if (found >= 0 && base + found + search.length <= next) return base + found;
    }
    return -1;
  }

  private breaksIn(p: number): number[] {
    let own = this.breaks[p];
    if (!own) this.breaks[p] = own = lineBreaksOf(this.pieces[p]);
    return own;
  }

  /** The start of `line` (0 before the first, the text's length past the last). */
  private lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.lineTotal) return this.length;
    const p = lastAtOrBefore(this.lines, line);
    const within = line - this.lines[p];
    return this.starts[p] + (within === 0 ? 0 : this.breaksIn(p)[within - 1]);
  }

  /** Where `line` starts, where its content ends (before its line break), and where the next line starts. */
  lineSpan(line: number): { start: number; end: number; next: number } {
    const start = this.lineStart(line);
    const next = line + 1 < this.lineTotal ? this.lineStart(line + 1) : this.length;
    let end = next;
    while (end > start && isBreak(this.charCodeAt(end - 1))) end--;
    return { start, end, next };
  }

  /**
   * The offset of an LSP position, as vscode-languageserver-textdocument computes it: a line past the end is the
   * text's end, a character past the line's end stops before its line break.
   */
  offsetAt(position: TextPosition): number {
    if (position.line >= this.lineTotal) return this.length;
    if (position.line < 0) return 0;
    const { start, end } = this.lineSpan(position.line);
    return position.character <= 0 ? start : Math.min(start + position.character, end);
  }

  /** The position of an offset; between a \r and its \n, the line's end (as the LSP document model has it). */
  positionAt(offset: number): TextPosition {
    const at = Math.max(0, Math.min(offset, this.length));
    const p = this.pieceAt(at);
    const line = this.lines[p] + firstAtOrAfter(this.breaksIn(p), at - this.starts[p] + 1);
    const { start, end } = this.lineSpan(line);
    return { line, character: Math.min(at, end) - start };
  }

  /**
   * This text with [start, end) replaced by `insert`. The pieces touched, with one neighbour on each side (a
   * \r\n may now meet across their seam), are joined and cut again; every other piece is shared.
   */
  edit(start: number, end: number, insert: string): PieceText {
    const from = Math.max(0, Math.min(start, end, this.length));
    const to = Math.max(from, Math.min(Math.max(start, end), this.length));
    const first = Math.max(0, this.pieceAt(from) - 1);
    const lastTouched = to > from ? this.pieceAt(to - 1) : this.pieceAt(from);
    const last = Math.min(this.pieces.length - 1, lastTouched + 1);
    const regionStart = this.starts[first];
    const region = this.pieces.slice(first, last + 1).join('');
    const replaced = region.slice(0, from - regionStart) + insert + region.slice(to - regionStart);
    const fresh = replaced.length > 0 ? cut(replaced, this.size) : [];
    const delta = insert.length - (to - from);

    const pieces = this.pieces.slice(0, first);
    const starts = this.starts.slice(0, first);
    const lines = this.lines.slice(0, first);
    const breaks = this.breaks.slice(0, first);
    let offset = regionStart;
    let line = this.lines[first];
    for (const piece of fresh) {
      pieces.push(piece);
      starts.push(offset);
      lines.push(line);
      breaks.push(undefined);
      offset += piece.length;
      line += countLineBreaks(piece);
    }
    const oldLinesAfter = last + 1 < this.pieces.length ? this.lines[last + 1] : this.lineTotal - 1;
    const lineDelta = line - oldLinesAfter;
    for (let p = last + 1; p < this.pieces.length; p++) {
      pieces.push(this.pieces[p]);
      starts.push(this.starts[p] + delta);
      lines.push(this.lines[p] + lineDelta);
      breaks.push(this.breaks[p]);
    }
    if (pieces.length === 0) {
      pieces.push('');
      starts.push(0);
      lines.push(0);
      breaks.push(undefined);
    }
    return new PieceText(pieces, starts, lines, breaks, this.length + delta, this.lineTotal + lineDelta, this.size);
  }
}
