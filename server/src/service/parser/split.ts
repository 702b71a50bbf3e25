/**
 * Splits a file's text into YAML documents and, inside a document, its item list (`resources:` / `assets:`)
 * into one chunk per item, by looking at indentation only. Every chunk is later parsed on its own, so an edit
 * inside one item costs a parse of that item. When the layout is anything but the plain block form, the
 * document is left whole (`items` undefined) and parsed in one piece: correct first, fast where it can be.
 */
import type { Span } from '../types';
import { indentOf, isBlankOrComment, isCommentOrEndAt, isDashAt, isMarkerAt } from './line-shape';

export interface DocumentLayout {
  span: Span;
  /** Present when the document's item list could be split. */
  items?: ItemListLayout;
}

export interface ItemListLayout {
  key: 'resources' | 'assets';
  /** From the document start to the first item: `apiVersion`, `kind`, `unit`, and the list key itself. */
  head: Span;
  /** One span per item, each from its `-` line to the next item's. */
  items: Span[];
  /** Top-level keys after the list, if any (may be empty). */
  tail: Span;
}

interface Line {
  start: number;
  /** End of the content, before the line break. */
  end: number;
  /** Start of the next line. */
  next: number;
}

/** The lines of text[from, to): one reused object per call, advanced by `advance` (no allocation per line). */
class LineCursor implements Line {
  start: number;
  end = 0;
  next: number;
  private readonly hasCr: boolean;

  constructor(
    private readonly text: string,
    from: number,
    private readonly to: number,
  ) {
    this.start = from;
    this.next = from;
    this.hasCr = text.indexOf('\r', from) >= 0 && text.indexOf('\r', from) < to;
  }

  /** Moves to the next line; false at the end. */
  advance(): boolean {
    const { text, to } = this;
    this.start = this.next;
    if (this.start >= to) return false;
    if (!this.hasCr) {
      const lf = text.indexOf('\n', this.start);
      this.end = lf < 0 || lf >= to ? to : lf;
      this.next = this.end < to ? this.end + 1 : to;
      return true;
    }
    let end = this.start;
    while (end < to) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    let next = end;
    if (next < to && text.charCodeAt(next) === 13) next++;
    if (next < to && text.charCodeAt(next) === 10 && (next === end || text.charCodeAt(next - 1) === 13)) next++;
    if (next === end) next = Math.min(to, end + 1);
    this.end = end;
    this.next = next;
    return true;
  }
}

/** Splits at `---` lines (document markers cannot occur inside content: YAML forbids them at column 0). */
export function splitDocuments(text: string): DocumentLayout[] {
  const spans: Span[] = [];
  let start = 0;
  // Markers are found by searching for `---` (no walk over every line): a marker line starts with it. Before
  // the first marker, a document exists only if something precedes it; after it, every marker starts one.
  for (let at = text.indexOf('---'); at >= 0; at = text.indexOf('---', at + 3)) {
    const before = at === 0 ? 10 : text.charCodeAt(at - 1);
    if ((before !== 10 && before !== 13) || !isMarkerAt(text, at, lineAt(text, at).end, '---')) continue;
    if (spans.length > 0 || at > start) spans.push({ start, end: at });
    start = at;
  }
  if (start < text.length || spans.length === 0) spans.push({ start, end: text.length });
  // Text before the first `---` that holds only comments or blanks is not a document of its own.
  if (spans.length > 1 && isOnlyTrivia(text, spans[0])) {
    spans[1] = { start: spans[0].start, end: spans[1].end };
    spans.shift();
  }
  return spans.map((span) => ({ span, items: findItemList(text, span) }));
}

/** The line starting at `at`, ending at its first line break. */
function lineAt(text: string, at: number): Line {
  let end = at;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 10 || c === 13) break;
    end++;
  }
  return { start: at, end, next: end };
}

function isOnlyTrivia(text: string, span: Span): boolean {
  for (const line = new LineCursor(text, span.start, span.end); line.advance();)
    if (!isBlankOrComment(text, line.start, line.end)) return false;
  return true;
}

const LIST_KEY = /^(resources|assets)[ \t]*:[ \t]*(#.*)?$/;

function findItemList(text: string, doc: Span): ItemListLayout | undefined {
  let key: ItemListLayout['key'] | undefined;
  let indent = -1;
  let firstItem = -1;
  const items: Span[] = [];
  let regionEnd = doc.end;
  // Inside the list only lines indented no deeper than its items matter. Without CRs they are found by a search
  // for a line break not followed by deeper indentation, skipping the items' inner lines (most of a large file).
  const cr = text.indexOf('\r', doc.start);
  const plainBreaks = cr < 0 || cr >= doc.end;
  let shallow: RegExp | undefined;
  for (const line = new LineCursor(text, doc.start, doc.end); line.advance();) {
    if (shallow) {
      shallow.lastIndex = line.start - 1; // the break before this line: it may be one of them
      const found = shallow.exec(text);
      if (found) {
        const next = found.index + 1;
        if (next >= doc.end) break;
        if (next > line.start) {
          line.next = next;
          if (!line.advance()) break;
        }
      } else break;
    }
    const first = text.charCodeAt(line.start);
    if (first === 37) return undefined; // '%' directive: parse the document whole
    if (key === undefined) {
      if (first === 9) return undefined;
      if (first !== 114 && first !== 97) continue; // only `resources:` or `assets:` can open the list
      const match = LIST_KEY.exec(text.slice(line.start, line.end));
      if (match) key = match[1] as ItemListLayout['key'];
      continue;
    }
    const lineIndent = indentOf(text, line.start, line.end);
    const at = line.start + lineIndent;
    // Blank lines and comment lines belong to whatever item they sit in.
    if (
      isCommentOrEndAt(text, at, line.end) ||
      (text.charCodeAt(at) === 9 && isBlankOrComment(text, line.start, line.end))
    )
      continue;
    if (text.charCodeAt(line.start + lineIndent) === 9 && lineIndent <= Math.max(indent, 0)) return undefined;
    if (indent < 0) {
      if (!isDashAt(text, at, line.end)) return undefined; // a flow list, a map, a scalar: parse whole
      indent = lineIndent;
      if (plainBreaks) shallow = new RegExp(`\\n(?! {${indent + 1}})`, 'g');
    }
    if (lineIndent === indent && isDashAt(text, at, line.end)) {
      if (items.length > 0) items[items.length - 1].end = line.start;
      else firstItem = line.start;
      items.push({ start: line.start, end: doc.end });
      continue;
    }
    if (lineIndent > indent) continue;
    // The list ends at the next top-level key; anything else at or below its indentation is left to the
    // whole-document parser, which reports it the way YAML sees it.
    if (lineIndent !== 0) return undefined;
    regionEnd = line.start;
    break;
  }
  if (key === undefined || items.length === 0) return undefined;
  items[items.length - 1].end = regionEnd;
  return { key, head: { start: doc.start, end: firstItem }, items, tail: { start: regionEnd, end: doc.end } };
}

/**
 * Whether an edited head (`head`: its text, from the document's start to its first item) still splits as before:
 * one line opening the item list (`resources:` or `assets:` at column 0, the head's last), no directive, no line
 * starting with a tab, and a document marker on its first line only, exactly when `markerFirst` (as before the
 * edit). Otherwise the caller splits the whole file again.
 */
export function headKeepsLayout(head: string, markerFirst: boolean): boolean {
  let listKeys = 0;
  let first = true;
  for (const line = new LineCursor(head, 0, head.length); line.advance(); first = false) {
    const c = head.charCodeAt(line.start);
    if (c === 37 || c === 9) return false; // '%', a tab
    if (
      (isMarkerAt(head, line.start, line.end, '---') || isMarkerAt(head, line.start, line.end, '...')) !==
      (first && markerFirst)
    )
      return false;
    if ((c === 114 || c === 97) && LIST_KEY.test(head.slice(line.start, line.end))) listKeys++;
  }
  return listKeys === 1;
}

/** Whether `text` opens with a `---` line (a document marker). */
export function startsWithMarker(text: string): boolean {
  const end = text.search(/\r|\n|$/);
  return isMarkerAt(text, 0, end, '---');
}

/**
 * The item starts in text[span) when it still holds items of a list at column `indent` and nothing else: the
 * span must open with an item line, every content line at that column must open an item and none may sit left
 * of it. `undefined` when the span no longer fits that shape (the caller splits the whole file again).
 */
export function itemStartsIn(text: string, span: Span, indent: number): number[] | undefined {
  const starts: number[] = [];
  for (const line = new LineCursor(text, span.start, span.end); line.advance();) {
    const lineIndent = indentOf(text, line.start, line.end);
    const at = line.start + lineIndent;
    const c = text.charCodeAt(at);
    if (c === 9 || c === 37 || c === 0xfeff) return undefined; // a tab, a directive, a BOM: let the full split judge
    if (isCommentOrEndAt(text, at, line.end)) {
      if (starts.length === 0) return undefined;
      continue;
    }
    if (lineIndent < indent) return undefined;
    if (lineIndent === indent) {
      if (!isDashAt(text, at, line.end)) return undefined;
      starts.push(line.start);
    } else if (starts.length === 0) {
      return undefined;
    }
  }
  return starts.length > 0 ? starts : undefined;
}

/** The column of a list item whose line starts at `lineStart`. */
export function itemIndent(text: string, lineStart: number): number {
  return indentOf(text, lineStart, text.length);
}
