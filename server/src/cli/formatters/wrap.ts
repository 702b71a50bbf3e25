/**
 * Line wrapping for a terminal, by display columns (width.ts). Chinese text breaks between any two characters,
 * as Chinese typesetting does; Latin text breaks at spaces; a run without either (a rule id, a code, a path) is
 * never broken and may stand out past the width on a line of its own. Closing punctuation never starts a line and
 * opening punctuation never ends one (the usual 避头尾 rules), and a number keeps its measure word (1号, 3月).
 */
import { codePointWidth } from './width';

/** Characters that must not start a line: closing brackets and quotes, and sentence punctuation. */
const NO_LINE_START = new Set([...'，。、；：？！）］｝」』】〕〉》”’…—·%,.;:!?)]}'].map((c) => c.codePointAt(0)!));
/** Characters that must not end a line: opening brackets and quotes. */
const NO_LINE_END = new Set([...'（［｛「『【〔〈《“‘([{'].map((c) => c.codePointAt(0)!));
const SPACE = 0x20;
const CLOSING_TORTOISE = 0x3015; // 〕

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/** May a line break between `previous` and `next` (neither a space)? */
function mayBreak(previous: number, previousWide: boolean, next: number, nextWide: boolean): boolean {
  if (!previousWide && !nextWide) return false; // inside a word, a code, a number
  if (NO_LINE_START.has(next) || NO_LINE_END.has(previous)) return false;
  // A number and its measure word (1号, 2024年), and a document number's year and serial (〔2024〕1号).
  if (isDigit(previous) || (previous === CLOSING_TORTOISE && isDigit(next))) return false;
  return true;
}

/**
 * The lines of `text` at most `width` columns wide (apart from an unbreakable run wider than that). Spaces at
 * the breaks are dropped.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let lineStart = 0; // where the current line's text starts
  let used = 0; // columns of the current line up to `atomStart`
  let atomStart = 0; // the unbreakable run being read
  let atomWidth = 0;
  let spaceBefore = false; // spaces stand between the line so far and the run
  let spaceStart = 0; // where they start
  let previous = SPACE;
  let previousWide = false;
  /** The run read so far goes on this line or starts the next one. */
  const place = (end: number) => {
    if (atomWidth === 0) return;
    const gap = spaceBefore && used > 0 ? atomStart - spaceStart : 0;
    if (used > 0 && used + gap + atomWidth > width) {
      lines.push(text.slice(lineStart, spaceBefore ? spaceStart : atomStart));
      lineStart = atomStart;
      used = atomWidth;
    } else {
      used += gap + atomWidth;
    }
    atomStart = end;
    atomWidth = 0;
    spaceBefore = false;
  };
  for (let i = 0; i < text.length;) {
    const code = text.codePointAt(i)!;
    const size = code > 0xffff ? 2 : 1;
    if (code === SPACE) {
      place(i);
      if (used === 0) lineStart = i + size; // no space at a line's start
      if (!spaceBefore) spaceStart = i;
      atomStart = i + size;
      spaceBefore = true;
      previous = SPACE;
      previousWide = false;
      i += size;
      continue;
    }
    const charWidth =
      code < 0x300
        ? code < 0x20 || (code >= 0x7f && code < 0xa0)
          ? 0
          : 1
        : codePointWidth(code, text.slice(i, i + size));
    const wide = charWidth === 2;
    if (atomWidth > 0 && previous !== SPACE && mayBreak(previous, previousWide, code, wide)) place(i);
    atomWidth += charWidth;
    previous = code;
    previousWide = wide;
    i += size;
  }
  place(text.length);
  lines.push(text.slice(lineStart).replace(/ +$/, ''));
  return lines;
}
