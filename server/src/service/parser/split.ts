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

/**
 * Splits at `---` lines, and after `...` lines (a document's end; document markers cannot occur inside content:
 * YAML forbids them at column 0). Text holding only comments, blank lines and directives (`%YAML`, `%TAG`) is not
 * a document of its own: it joins the document after it (which it prefixes), or, at the end, the one before it.
 */
export function splitDocuments(text: string): DocumentLayout[] {
  const spans: Array<{ span: Span; contentEnd: number }> = [];
  let start = 0;
  // Whether a `---` opened the document at `start` (then it exists even if nothing else follows).
  let opened = false;
  // Markers are found by searching for `---` and `...` (no walk over every line): a marker line starts with one.
  let dashes = text.indexOf('---');
  let dots = text.indexOf('...');
  while (dashes >= 0 || dots >= 0) {
    const isDots = dots >= 0 && (dashes < 0 || dots < dashes);
    const at = isDots ? dots : dashes;
    if (isDots) dots = text.indexOf('...', at + 3);
    else dashes = text.indexOf('---', at + 3);
    // A marker opens a line: after a line feed (a lone CR does not end a line for the `yaml` package).
    if (at > 0 && text.charCodeAt(at - 1) !== 10 && !(at === 1 && text.charCodeAt(0) === 0xfeff)) continue;
    const line = lineAt(text, at);
    if (!isMarkerAt(text, at, line.end, isDots ? '...' : '---')) continue;
    if (isDots) {
      // The document ends after the `...` line; what follows starts the next one (or is trivia).
      const end = lineBreakEnd(text, line.end);
      spans.push({ span: { start, end }, contentEnd: at });
      start = end;
      opened = false;
      if (dashes >= 0 && dashes < end) dashes = text.indexOf('---', end);
      if (dots >= 0 && dots < end) dots = text.indexOf('...', end);
      continue;
    }
    if (opened || at > start) spans.push({ span: { start, end: at }, contentEnd: at });
    start = at;
    opened = true;
  }
  if (start < text.length || spans.length === 0)
    spans.push({ span: { start, end: text.length }, contentEnd: text.length });
  return mergeTrivia(text, spans).map(({ span, contentEnd }) => ({
    span,
    items: findItemList(text, { start: span.start, end: contentEnd }),
  }));
}

/**
 * Joins spans that hold no document (only comments, blank lines, directives) to their neighbour: to the next
 * span when there is one (a prefix: directives only then), else to the one before (trailing comments).
 */
function mergeTrivia(
  text: string,
  spans: Array<{ span: Span; contentEnd: number }>,
): Array<{ span: Span; contentEnd: number }> {
  const out: Array<{ span: Span; contentEnd: number }> = [];
  let prefix: number | undefined;
  spans.forEach((entry, index) => {
    const last = index === spans.length - 1;
    const start = prefix ?? entry.span.start;
    prefix = undefined;
    if (spans.length > 1 && isOnlyTrivia(text, entry.span, !last)) {
      if (!last) {
        prefix = start;
        return;
      }
      const before = out[out.length - 1];
      before.span = { start: before.span.start, end: entry.span.end };
      return;
    }
    out.push({ span: { start, end: entry.span.end }, contentEnd: entry.contentEnd });
  });
  return out;
}

/** The offset after the line break at `end` (a line's content end), or `end` at the end of the text. */
function lineBreakEnd(text: string, end: number): number {
  if (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10) return end + 2;
  return end < text.length ? end + 1 : end;
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

/** Only blank and comment lines in text[span), and directive lines (`%...` at column 0) when `directives`. */
function isOnlyTrivia(text: string, span: Span, directives: boolean): boolean {
  for (const line = new LineCursor(text, span.start, span.end); line.advance();) {
    const first = text.charCodeAt(line.start) === 0xfeff ? line.start + 1 : line.start;
    if (directives && text.charCodeAt(first) === 37) continue;
    if (!isBlankOrComment(text, line.start, line.end)) return false;
  }
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
  // A carriage return alone ends a line for YAML's grammar but not for the `yaml` package: what it parses whole
  // is the reference, so the document is not split (the parser reports the CR).
  if (!plainBreaks && hasLoneCr(text, doc)) return undefined;
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
    // A byte-order mark opening a line inside the document is content to YAML (a key, a scalar), where it would
    // open a chunk and be skipped as a mark: parse the document whole.
    if (first === 0xfeff && key !== undefined) return undefined;
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
  if (hasLoneCr(head, { start: 0, end: head.length })) return false;
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

/** A carriage return without a line feed after it in text[span). */
function hasLoneCr(text: string, span: Span): boolean {
  for (let at = text.indexOf('\r', span.start); at >= 0 && at < span.end; at = text.indexOf('\r', at + 1))
    if (text.charCodeAt(at + 1) !== 10) return true;
  return false;
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
  if (hasLoneCr(text, span)) return undefined; // the full split parses such a document whole
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
