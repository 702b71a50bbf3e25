/**
 * The parse of an edited text derived from the parse before the edit (the language server's path per keystroke):
 * only the edited items, or the edited head, are parsed again; everything else is kept or moved in place.
 * The mechanics: docs/incremental-editing.md.
 */
import type { Span } from '../types';
import type { MapEntry, MapNode } from './ast';
import { mapEntry, mapNode, moveKey, seqNode } from './ast';
import { shiftInPlace } from './convert';
import { ownCopy } from './fast';
import type { SourceText } from './source';
import type { ItemChunk, StewardDocument, StewardYamlDocument } from './model';
import { ITEM_LIST_KEY } from './model';
import { headKeepsLayout, itemIndent, itemStartsIn, startsWithMarker } from './split';
import type { DocumentLayout, ItemListLayout } from './split';
import type { YamlProblem } from './problems';
import { parseChunk } from './chunks';
import type { ChunkParser } from './chunks';
import { describe, emptyItem, lastContentEnd, listKeyEntry, markBroken, toFindings } from './documents';
import { appendAll } from '../append';

/** text[start, oldEnd) of the text before became text[start, newEnd) of the text after. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * One change from two in a row: `first` took text A to text B, `second` (in B's offsets) took B to C; the result
 * takes A to C. What an editor's several change events between two checks of a file add up to.
 */
export function mergeChanges(first: TextChange | undefined, second: TextChange): TextChange {
  if (!first) return second;
  const start = Math.min(first.start, second.start);
  // The end of B's changed region, then back to A's offsets (past first's new text) and on to C's.
  const end = Math.max(first.newEnd, second.oldEnd);
  return { start, oldEnd: end - (first.newEnd - first.oldEnd), newEnd: end + (second.newEnd - second.oldEnd) };
}

/** Whether a change reported by the caller can hold between texts of these lengths (else it is not used). */
function fits(change: TextChange, before: number, after: number): boolean {
  return (
    change.start >= 0 &&
    change.start <= change.oldEnd &&
    change.oldEnd <= before &&
    change.start <= change.newEnd &&
    change.newEnd <= after &&
    after - change.newEnd === before - change.oldEnd
  );
}

/** Where two texts differ: text[start, oldEnd) of `before` became text[start, newEnd) of `after`. */
export function changedWindow(
  before: string,
  after: string,
): { start: number; oldEnd: number; newEnd: number } | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  // Compare in blocks first (string equality is a native memory comparison), then character by character.
  let start = 0;
  for (const step of [65536, 2048, 64]) {
    while (start + step <= shorter && before.slice(start, start + step) === after.slice(start, start + step))
      start += step;
  }
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let common = 0;
  const limit = shorter - start;
  for (const step of [65536, 2048, 64]) {
    while (
      common + step <= limit &&
      before.slice(before.length - common - step, before.length - common) ===
        after.slice(after.length - common - step, after.length - common)
    )
      common += step;
  }
  while (
    common < limit &&
    before.charCodeAt(before.length - common - 1) === after.charCodeAt(after.length - common - 1)
  )
    common++;
  return { start, oldEnd: before.length - common, newEnd: after.length - common };
}

/** Where an edit lies in the previous parse, when reparseEdit can take it: its document, list and items. */
interface EditSite {
  window: TextChange;
  /** How much longer the text became. */
  delta: number;
  /** The document's index, its list layout and parse, its root and the list's entry in the root. */
  d: number;
  documentLayout: DocumentLayout;
  layout: ItemListLayout;
  document: StewardYamlDocument;
  root: MapNode;
  listIndex: number;
  /** The head parsed again, when the edit lies in it. */
  head: HeadEdit | undefined;
  /** The items the edit replaces (none for a head edit). */
  range: { first: number; last: number };
}

/**
 * The parse of an edited text from the parse before the edit, when the edit lies inside one item of a split
 * list and the previous parse had no YAML problem elsewhere: the edited item (or the items it became) is parsed
 * again, items and documents after it are moved in place, everything before it is kept as it is. Work is the
 * edited item's plus a walk over the trees after it; `undefined` when the edit does not fit (the caller parses
 * the whole text, still reusing unchanged items).
 */
export function reparseEdit(
  uri: string,
  text: SourceText,
  previous: StewardDocument,
  chunks: ChunkParser,
  change?: TextChange,
): StewardDocument | undefined {
  const site = locateEdit(text, previous, chunks, change);
  if (site === 'unchanged') return { ...previous, uri };
  if (!site) return undefined;
  const { window, delta, d, layout, head, range } = site;
  const k = range.first;
  const replaced = head ? layout.head : { start: layout.items[k].start, end: layout.items[range.last].end };
  const parsed = head ? { chunks: [], problems: [] } : parseEditedItems(text, replaced, delta, chunks);
  if (!parsed) return undefined;
  const newChunks = parsed.chunks;
  const problems = parsed.problems;
  const removed = range.last - range.first + 1;
  // YAML problems elsewhere stay where they are (those after the edit move with it); the replaced part's are new.
  const fresh = problems.slice();
  for (const problem of previous.problems ?? []) {
    if (problem.span.start < replaced.start) problems.push(problem);
    else if (problem.span.start >= replaced.end)
      problems.push({ ...problem, span: { start: problem.span.start + delta, end: problem.span.end + delta } });
  }
  // From here on the previous parse is changed in place: nothing below may return undefined.
  const documents = previous.documents.slice();
  const layouts = previous.layouts!;
  const newLayouts = layouts.slice();
  const rebuilt = rebuildDocument(site, newChunks, removed, fresh);
  documents[d] = rebuilt.document;
  newLayouts[d] = rebuilt.layout;
  for (let i = d + 1; i < documents.length; i++) {
    const moved = moveLaterDocument(documents[i], layouts[i], delta);
    documents[i] = moved.document;
    newLayouts[i] = moved.layout;
  }
  const linesBefore = previous.lines.lineCount;
  // The previous line index changes in place: read from it before.
  const lines = previous.lines.edited(text, window.start, window.oldEnd, window.newEnd);
  const edit = {
    ...window,
    lineDelta: lines.lineCount - linesBefore,
    document: d,
    from: k,
    removed,
    added: newChunks.length,
  };
  return {
    uri,
    text,
    lines,
    documents,
    parseFindings: toFindings(problems, lines),
    layouts: newLayouts,
    problems,
    edit,
  };
}

/** Finds the edit in the previous parse: 'unchanged' when the texts are equal, undefined when reparseEdit cannot take it. */
function locateEdit(
  text: SourceText,
  previous: StewardDocument,
  chunks: ChunkParser,
  change: TextChange | undefined,
): EditSite | 'unchanged' | undefined {
  const layouts = previous.layouts;
  if (!layouts || !previous.problems || layouts.length !== previous.documents.length) return undefined;
  const known = change && fits(change, previous.text.length, text.length) ? change : undefined;
  // A change that claims nothing changed is checked by comparing (equal texts compare fast).
  const window =
    known && (known.oldEnd > known.start || known.newEnd > known.start)
      ? known
      : changedWindow(previous.text.toString(), text.toString());
  if (!window) return 'unchanged';
  const delta = window.newEnd - window.oldEnd;
  // The document the edit lies in (the last one also holds what is typed at the end of the file).
  const length = previous.text.length;
  const d = layouts.findIndex(
    (layout) =>
      layout.span.start <= window.start &&
      (window.oldEnd < layout.span.end || (window.oldEnd === length && layout.span.end === length)),
  );
  const layout = layouts[d]?.items;
  const document = previous.documents[d];
  if (
    !layout ||
    !document ||
    !document.kind ||
    ITEM_LIST_KEY[document.kind] !== layout.key ||
    document.items.length !== layout.items.length
  )
    return undefined;
  const root = document.root;
  if (!root || root.type !== 'map') return undefined;
  const listIndex = root.entries.findIndex((e) => e.key === layout.key);
  const list = root.entries[listIndex]?.value;
  if (!list || list.type !== 'seq' || list.items.length !== document.items.length) return undefined;
  // An edit inside the head (`apiVersion`, `kind`, `unit`, ... before the first item): the head is parsed again.
  const inHead = window.oldEnd < layout.head.end;
  const head = inHead
    ? reparseHead(text, previous, layout, window, delta, chunks, root, listIndex, document)
    : undefined;
  if (inHead && !head) return undefined;
  const range = head ? { first: 0, last: -1 } : editedItems(layout.items, window, previous.text.length);
  if (!range) return undefined;
  // Items without a text of their own come from a document parsed whole (an alias to another item's anchor):
  // no item of it stands alone.
  if (document.items[range.first].text === '') return undefined;
  return { window, delta, d, documentLayout: layouts[d], layout, document, root, listIndex, head, range };
}

/** The items in place of the edited ones: `replaced` in the old text, `delta` longer in the new. */
function parseEditedItems(
  text: SourceText,
  replaced: Span,
  delta: number,
  chunks: ChunkParser,
): { chunks: ItemChunk[]; problems: YamlProblem[] } | undefined {
  const problems: YamlProblem[] = [];
  const newChunks: ItemChunk[] = [];
  const region = { start: replaced.start, end: replaced.end + delta };
  // The edited items' text, copied out of the file's (which may be pieces): all this parse reads of the text.
  const local = ownCopy(text.slice(region.start, region.end));
  const starts = itemStartsIn(local, { start: 0, end: local.length }, itemIndent(local, 0));
  if (!starts || starts[0] !== 0) return undefined;
  for (let i = 0; i < starts.length; i++) {
    const span = {
      start: region.start + starts[i],
      end: i + 1 < starts.length ? region.start + starts[i + 1] : region.end,
    };
    const itemText = starts.length === 1 ? local : local.slice(starts[i], span.end - region.start);
    // An item text of its own (`owned`): the parser reads only it.
    const chunk = parseChunk(itemText, span, 'item', { fast: chunks.fast, cache: undefined }, itemText, true);
    if (chunk.unresolvedAlias) return undefined;
    appendAll(problems, chunk.problems);
    newChunks.push({
      span,
      node: chunk.node,
      text: itemText,
      broken: false,
      clean: chunk.problems.length === 0 && chunk.node !== null,
    });
  }
  return { chunks: newChunks, problems };
}

/**
 * Items after the edit move; their trees are moved when read (settleItem), so typing does not walk them all.
 * Item spans are shared with the layout and owned by this parse: they move in place.
 */
function moveChunk(item: ItemChunk, delta: number): void {
  item.span.start += delta;
  item.span.end += delta;
  if (item.node) item.pending = (item.pending ?? 0) + delta;
}

/** The edited document with its new items (or head) in place and the items after them moved. */
function rebuildDocument(
  site: EditSite,
  newChunks: ItemChunk[],
  removed: number,
  fresh: YamlProblem[],
): { document: StewardYamlDocument; layout: DocumentLayout } {
  const { delta, layout, document, root, listIndex, head } = site;
  const k = site.range.first;
  const items = document.items.slice(0, k);
  appendAll(items, newChunks);
  for (let i = k + removed; i < document.items.length; i++) {
    const item = document.items[i];
    moveChunk(item, delta);
    items.push(item);
  }
  const itemNodes = items.map((item) => item.node ?? emptyItem(item.span.start));
  const newItemSpans = items.map((item) => item.span);
  const listSpan = { start: newItemSpans[0].start, end: lastContentEnd(items, itemNodes) };
  const listEntry: MapEntry = mapEntry(
    layout.key,
    head ? head.listKeySpan : root.entries[listIndex].keySpan,
    seqNode(listSpan.start, listSpan.end, itemNodes),
  );
  const entries = [
    ...(head ? head.entries : root.entries.slice(0, listIndex)),
    listEntry,
    ...root.entries.slice(listIndex + 1),
  ];
  // Keys after the list move now (they are few).
  for (let i = entries.indexOf(listEntry) + 1; i < entries.length; i++) {
    const entry = entries[i];
    moveKey(entry, delta);
    shiftInPlace(entry.value, delta);
  }
  const end = Math.max(listSpan.end, entries[entries.length - 1].value.span.end);
  const newRoot: MapNode = mapNode(head ? head.start : root.span.start, end, entries);
  const span = { start: document.span.start, end: document.span.end + delta };
  const documentSpan = { start: site.documentLayout.span.start, end: site.documentLayout.span.end + delta };
  return {
    document: markBroken(
      { ...document, span, root: newRoot, items, ...(head ? { isSteward: head.isSteward, headBroken: false } : {}) },
      fresh,
    ),
    layout: {
      span: documentSpan,
      items: {
        key: layout.key,
        head: head ? { start: layout.head.start, end: layout.head.end + delta } : layout.head,
        items: newItemSpans,
        tail: { start: layout.tail.start + delta, end: layout.tail.end + delta },
      },
    },
  };
}

/** A document after the edited one, moved by `delta`: split items lazily, everything else now. */
function moveLaterDocument(
  later: StewardYamlDocument,
  layout: DocumentLayout,
  delta: number,
): { document: StewardYamlDocument; layout: DocumentLayout } {
  const split =
    Boolean(layout.items) &&
    later.items.length > 0 &&
    later.items.every((item) => item.text !== '' && item.node !== null);
  if (later.root && split && later.root.type === 'map') {
    // Split items move lazily like the others; the rest of the document moves now.
    const itemNodes = new Set(later.items.map((item) => item.node));
    later.root.span.start += delta;
    later.root.span.end += delta;
    for (const entry of later.root.entries) {
      moveKey(entry, delta);
      if (
        entry.value.type === 'seq' &&
        entry.value.items.length > 0 &&
        entry.value.items.every((node) => itemNodes.has(node))
      ) {
        entry.value.span.start += delta;
        entry.value.span.end += delta;
      } else {
        shiftInPlace(entry.value, delta);
      }
    }
    for (const item of later.items) moveChunk(item, delta);
  } else {
    if (later.root) shiftInPlace(later.root, delta);
    for (const item of later.items) item.span = { start: item.span.start + delta, end: item.span.end + delta };
  }
  return {
    document: { ...later, span: { start: later.span.start + delta, end: later.span.end + delta } },
    layout: shiftLayout(layout, delta, split ? later.items.map((item) => item.span) : undefined),
  };
}

/** A document head parsed again after an edit inside it: what reparseEdit puts in place of the old one. */
interface HeadEdit {
  /** The head's entries before the list key. */
  entries: MapEntry[];
  listKeySpan: Span;
  start: number;
  isSteward: boolean;
}

/**
 * The head of `document` parsed again after an edit inside it, when the document keeps its layout (one list key,
 * the head's last; no new document marker or directive), its kind and its item list, and neither the new head
 * nor anything else in the file has a YAML problem. The items' findings depend on the head only through the
 * document's kind, unit type and date, which the validation compares (revalidateEdit).
 */
function reparseHead(
  text: SourceText,
  previous: StewardDocument,
  layout: ItemListLayout,
  window: TextChange,
  delta: number,
  chunks: ChunkParser,
  root: MapNode,
  listIndex: number,
  document: StewardYamlDocument,
): HeadEdit | undefined {
  // A problem in the tail may be the head's doing (a key both repeat): then the whole document is parsed again.
  if (
    window.start < layout.head.start ||
    (previous.problems ?? []).some((p) => p.span.start >= layout.tail.start && p.span.start < layout.tail.end)
  )
    return undefined;
  const span = { start: layout.head.start, end: layout.head.end + delta };
  const local = ownCopy(text.slice(span.start, span.end));
  const markerFirst = startsWithMarker(
    previous.text.slice(layout.head.start, Math.min(layout.head.end, layout.head.start + 8)),
  );
  if (!headKeepsLayout(local, markerFirst)) return undefined;
  const chunk = parseChunk(local, span, 'document', { fast: chunks.fast, cache: undefined }, local, true);
  if (chunk.unresolvedAlias || chunk.problems.length > 0 || !chunk.node || chunk.node.type !== 'map') return undefined;
  const last = listKeyEntry(chunk.node, layout.key, (key) => local.slice(key.start - span.start, key.end - span.start));
  if (!last) return undefined;
  const entries = chunk.node.entries.slice(0, -1);
  const tail = root.entries.slice(listIndex + 1);
  // A key of the new head that the tail repeats is a duplicate key: the whole parse reports it.
  if (tail.some((entry) => entries.some((own) => own.key === entry.key))) return undefined;
  const probe = describe(
    document.index,
    document.span,
    { type: 'map', span: chunk.node.span, entries: [...entries, root.entries[listIndex], ...tail] },
    document.items,
    layout.key,
  );
  if (probe.kind !== document.kind || probe.items !== document.items) return undefined;
  return { entries, listKeySpan: last.keySpan, start: chunk.node.span.start, isSteward: probe.isSteward };
}

/**
 * The items an edit replaces, first to last: those it touches, and the one before when it starts at an item's
 * first character (it may join the two) or the one after when it reaches an item's start. At the end of the
 * file, text typed after the last item belongs to it (new items appended there are split from it). Undefined
 * when the edit reaches before the first item or past the last (the head, the keys after the list).
 */
function editedItems(
  spans: Span[],
  window: TextChange,
  fileLength: number,
): { first: number; last: number } | undefined {
  const lastItem = spans.length - 1;
  const endsFile = spans[lastItem].end === fileLength;
  const holding = (offset: number) => {
    const index = itemAt(spans, offset);
    return index < 0 && endsFile && offset === fileLength ? lastItem : index;
  };
  let first = holding(window.start);
  if (first < 0) return undefined;
  if (window.start === spans[first].start) {
    if (first === 0) return undefined;
    first--;
  }
  let last = window.oldEnd > window.start ? holding(window.oldEnd - 1) : first;
  if (last < 0) return undefined;
  last = Math.max(last, first);
  if (window.oldEnd >= spans[last].end && !(last === lastItem && endsFile)) {
    if (last === lastItem) return undefined;
    last++;
  }
  return { first, last };
}

/** The index of the item span holding `offset`, by binary search; -1 when none does. */
function itemAt(spans: Span[], offset: number): number {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid].end <= offset) low = mid + 1;
    else if (spans[mid].start > offset) high = mid - 1;
    else return mid;
  }
  return -1;
}

/** A later document's layout moved by `delta`; `moved`: its item spans, already moved in place. */
function shiftLayout(layout: DocumentLayout, delta: number, moved?: Span[]): DocumentLayout {
  const move = (span: Span) => ({ start: span.start + delta, end: span.end + delta });
  if (!layout.items) return { span: move(layout.span) };
  const items = layout.items;
  return {
    span: move(layout.span),
    items: { key: items.key, head: move(items.head), items: moved ?? items.items.map(move), tail: move(items.tail) },
  };
}
