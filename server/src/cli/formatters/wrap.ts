/**
 * Line wrapping for a terminal, by display columns (width.ts). Chinese text breaks between any two characters,
 * as Chinese typesetting does; Latin text breaks at spaces; a run without either (a rule id, a code, a path) is
 * never broken and may stand out past the width on a line of its own. Closing punctuation never starts a line and
 * opening punctuation never ends one (the usual 避头尾 rules).
 */
import { charWidth, displayWidth } from './width';

/** Characters that must not start a line: closing brackets and quotes, and sentence punctuation. */
const NO_LINE_START = new Set('，。、；：？！）］｝」』】〕〉》”’…—·%,.;:!?)]}');
/** Characters that must not end a line: opening brackets and quotes. */
const NO_LINE_END = new Set('（［｛「『【〔〈《“‘([{');

const DIGIT = /[0-9]/;

/** A number and its measure word (1号, 3月, 2024年), and a document number's year and serial (〔2024〕1号). */
function keptTogether(previous: string, char: string): boolean {
  return (DIGIT.test(previous) && !DIGIT.test(char)) || (previous === '〕' && DIGIT.test(char));
}

interface Atom {
  text: string;
  width: number;
  /** A space stood before it in the text (kept between atoms on one line, dropped at a line start). */
  spaced: boolean;
}

/** The text cut where a line may break. */
function atomsOf(text: string): Atom[] {
  const atoms: Atom[] = [];
  let current: Atom | undefined;
  let spaced = false;
  let previous = '';
  let previousWide = false;
  for (const char of text) {
    if (char === ' ') {
      if (current) atoms.push(current);
      current = undefined;
      spaced = true;
      previous = char;
      continue;
    }
    const width = charWidth(char);
    const wide = width === 2;
    const breakHere = current !== undefined && (wide || previousWide) && !NO_LINE_START.has(char) && !NO_LINE_END.has(previous) && !keptTogether(previous, char);
    if (current === undefined || breakHere) {
      if (current) atoms.push(current);
      current = { text: char, width, spaced };
      spaced = false;
    } else {
      current.text += char;
      current.width += width;
    }
    previous = char;
    previousWide = wide;
  }
  if (current) atoms.push(current);
  return atoms;
}

/**
 * The lines of `text` at most `width` columns wide (apart from an unbreakable run wider than that). Spaces at
 * the breaks are dropped; an empty text gives one empty line.
 */
export function wrapText(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const atom of atomsOf(text)) {
    const gap = atom.spaced && used > 0 ? 1 : 0;
    if (used > 0 && used + gap + atom.width > width) {
      lines.push(line);
      line = atom.text;
      used = atom.width;
    } else {
      line += (gap ? ' ' : '') + atom.text;
      used += gap + atom.width;
    }
  }
  lines.push(line);
  return lines;
}
