/**
 * Parses a file into a StewardDocument: documents split at `---`, each document's item list split into
 * one chunk per item, each chunk parsed by the `yaml` package on its own and converted to our node tree with
 * absolute offsets. A cache keyed by a chunk's text lets an edited file re-parse only the chunks that changed.
 */
import type { YAMLError } from 'yaml';
import { yamlLib } from './yaml-lib';
import type { Finding, Span } from '../types';
import type { MapEntry, MapNode, YamlNode } from './ast';
import { getEntry } from './ast';
import { convertDocument, shiftInPlace, shiftNode } from './convert';
import type { ConvertProblem } from './convert';
import { ownCopy, parseFast } from './fast';
import { LineIndex } from './lines';
import type { SourceText } from './source';
import type { DocumentKind, ItemChunk, StewardDocument, StewardYamlDocument } from './model';
import { ITEM_LIST_KEY, rootMap } from './model';
import { headKeepsLayout, itemIndent, itemStartsIn, splitDocuments, startsWithMarker } from './split';
import type { DocumentLayout, ItemListLayout } from './split';
import { yamlProblemFinding } from './problems';
import type { YamlProblem } from './problems';

/** YAML errors reported per file at most; past that one finding says how many more there were. */
export const MAX_YAML_PROBLEMS = 100;

interface ChunkResult {
  node: YamlNode | null;
  /** Problems with spans relative to the chunk start. */
  problems: YamlProblem[];
  unresolvedAlias: boolean;
}

/** Parsed chunks by text. Bounded: the oldest entries go first. */
export class ChunkCache {
  private readonly entries = new Map<string, ChunkResult>();
  hits = 0;
  misses = 0;
  constructor(private readonly capacity = 100_000) {}

  get(text: string): ChunkResult | undefined {
    const found = this.entries.get(text);
    if (found) this.hits++;
    else this.misses++;
    return found;
  }

  set(text: string, result: ChunkResult): void {
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(text, result);
  }
}

export interface ParseOptions {
  cache?: ChunkCache;
  /** Parse item lists item by item (default). `false` parses each document whole: the reference behaviour. */
  split?: boolean;
  /**
   * The previous parse of the same file. Its clean items whose text is unchanged are moved into the new parse
   * in place (their spans shifted), so an edit costs work in the edited item, not a copy of every other one.
   * The previous document must not be used afterwards. `null`: the first parse of a file that later parses will
   * reuse (items then skip the chunk cache, which would only hold a second copy of them).
   */
  previous?: StewardDocument | null;
  /**
   * Try the fast parser (fast.ts) first (default). `false` parses every chunk with the `yaml` package: the
   * reference the fast parser is tested against.
   */
  fast?: boolean;
  /**
   * Leave the items of split item lists unparsed (`deferred`, `node` null): the caller parses them one at a time
   * with parseDeferredItem, uses each tree and drops it, then calls completeDeferred with their problems. One
   * item's tree alive at a time instead of every tree of the file (the CLI: a fraction of the memory and of the
   * garbage collector's work).
   */
  defer?: boolean;
  /**
   * Where the text changed since `previous`, when the caller knows (an editor's change events, merged with
   * mergeChanges): spares comparing the two texts from both ends, a walk over the whole file per keystroke.
   */
  change?: TextChange;
}

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

/**
 * The items of a previous parse, to be taken (each at most once) by the new parse when their text is unchanged.
 * Most items keep their place relative to the start or the end of their document, so a candidate at the same
 * index from either end is compared first (a plain string comparison); only moved items need the lookup by text,
 * whose map is built on first need.
 */
class Reusable {
  private byText: Map<string, ItemChunk[]> | undefined;
  private readonly taken = new Set<ItemChunk>();

  constructor(private readonly previous: StewardDocument | null) {}

  get hasPrevious(): boolean {
    return this.previous !== null;
  }

  take(documentIndex: number, itemIndex: number, itemCount: number, text: string): ItemChunk | undefined {
    const old = this.previous?.documents[documentIndex]?.items;
    if (old) {
      const fromEnd = old.length - (itemCount - itemIndex);
      for (const candidate of [old[itemIndex], old[fromEnd]]) {
        if (candidate && candidate.text === text && this.usable(candidate)) return this.claim(candidate);
      }
    }
    const list = this.index().get(text);
    while (list && list.length > 0) {
      const candidate = list.pop()!;
      if (this.usable(candidate)) return this.claim(candidate);
    }
    return undefined;
  }

  private usable(item: ItemChunk): boolean {
    return Boolean(item.clean && item.node) && item.text !== '' && !this.taken.has(item);
  }

  private claim(item: ItemChunk): ItemChunk {
    this.taken.add(item);
    return item;
  }

  private index(): Map<string, ItemChunk[]> {
    if (!this.byText) {
      this.byText = new Map();
      for (const document of this.previous?.documents ?? []) {
        for (const item of document.items) {
          if (!item.clean || !item.node || item.text === '') continue;
          const list = this.byText.get(item.text);
          if (list) list.push(item);
          else this.byText.set(item.text, [item]);
        }
      }
    }
    return this.byText;
  }
}

/**
 * `input`: a string, or an open document's pieces (source.ts). An edit that reparseEdit can take reads only the
 * edited item's text from it; any other parse reads the whole text as one string.
 */
export function parseStewardFile(uri: string, input: SourceText, options: ParseOptions = {}): StewardDocument {
  // A byte-order mark is not content; blank it so offsets stay those of the text the caller holds.
  const source: SourceText = input.charCodeAt(0) === 0xfeff ? ' ' + input.slice(1) : input;
  const chunks: ChunkParser = { cache: options.cache, fast: options.fast !== false, defer: options.defer === true && options.previous === undefined };
  if (options.previous && options.split !== false) {
    const edited = reparseEdit(uri, source, options.previous, chunks, options.change);
    if (edited) return edited;
  }
  const text = source.toString();
  const lines = new LineIndex(text);
  const problems: YamlProblem[] = [];
  const documents: StewardYamlDocument[] = [];
  const reusable = options.previous === undefined ? undefined : new Reusable(options.previous);
  const layouts = splitDocuments(text);
  layouts.forEach((layout, index) => {
    documents.push(parseOneDocument(text, index, layout.span, options.split === false ? undefined : layout.items, problems, chunks, reusable));
  });
  return { uri, text, lines, documents, parseFindings: toFindings(problems, lines), layouts: options.split === false ? undefined : layouts, problems };
}

/** Whether a change reported by the caller can hold between texts of these lengths (else it is not used). */
function fits(change: TextChange, before: number, after: number): boolean {
  return change.start >= 0 && change.start <= change.oldEnd && change.oldEnd <= before && change.start <= change.newEnd
    && change.newEnd <= after && after - change.newEnd === before - change.oldEnd;
}

/** Where two texts differ: text[start, oldEnd) of `before` became text[start, newEnd) of `after`. */
export function changedWindow(before: string, after: string): { start: number; oldEnd: number; newEnd: number } | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  // Compare in blocks first (string equality is a native memory comparison), then character by character.
  let start = 0;
  for (const step of [65536, 2048, 64]) {
    while (start + step <= shorter && before.slice(start, start + step) === after.slice(start, start + step)) start += step;
  }
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let common = 0;
  const limit = shorter - start;
  for (const step of [65536, 2048, 64]) {
    while (common + step <= limit && before.slice(before.length - common - step, before.length - common) === after.slice(after.length - common - step, after.length - common)) common += step;
  }
  while (common < limit && before.charCodeAt(before.length - common - 1) === after.charCodeAt(after.length - common - 1)) common++;
  return { start, oldEnd: before.length - common, newEnd: after.length - common };
}

/**
 * The parse of an edited text from the parse before the edit, when the edit lies inside one item of a split
 * list and the previous parse had no YAML problem elsewhere: the edited item (or the items it became) is parsed
 * again, items and documents after it are moved in place, everything before it is kept as it is. Work is the
 * edited item's plus a walk over the trees after it; `undefined` when the edit does not fit (the caller parses
 * the whole text, still reusing unchanged items).
 */
function reparseEdit(uri: string, text: SourceText, previous: StewardDocument, chunks: ChunkParser, change?: TextChange): StewardDocument | undefined {
  const layouts = previous.layouts;
  const oldProblems = previous.problems;
  if (!layouts || !oldProblems || layouts.length !== previous.documents.length) return undefined;
  const known = change && fits(change, previous.text.length, text.length) ? change : undefined;
  // A change that claims nothing changed is checked by comparing (equal texts compare fast).
  const window = known && (known.oldEnd > known.start || known.newEnd > known.start) ? known : changedWindow(previous.text.toString(), text.toString());
  if (!window) return { ...previous, uri };
  const delta = window.newEnd - window.oldEnd;
  // The document the edit lies in (the last one also holds what is typed at the end of the file).
  const length = previous.text.length;
  const d = layouts.findIndex((layout) => layout.span.start <= window.start && (window.oldEnd < layout.span.end || (window.oldEnd === length && layout.span.end === length)));
  const layout = layouts[d]?.items;
  const document = previous.documents[d];
  if (!layout || !document || !document.kind || ITEM_LIST_KEY[document.kind] !== layout.key || document.items.length !== layout.items.length) return undefined;
  const root = document.root;
  if (!root || root.type !== 'map') return undefined;
  const listIndex = root.entries.findIndex((e) => e.key === layout.key);
  const list = root.entries[listIndex]?.value;
  if (!list || list.type !== 'seq' || list.items.length !== document.items.length) return undefined;
  // An edit inside the head (`apiVersion`, `kind`, `unit`, ... before the first item): the head is parsed again.
  const head = window.oldEnd < layout.head.end ? reparseHead(text, previous, layout, window, delta, chunks, root, listIndex, document) : undefined;
  if (!head && window.oldEnd < layout.head.end) return undefined;
  const range = head ? { first: 0, last: -1 } : editedItems(layout.items, window, previous.text.length);
  if (!range) return undefined;
  const k = range.first;
  // Items without a text of their own come from a document parsed whole (an alias to another item's anchor):
  // no item of it stands alone.
  if (document.items[k].text === '') return undefined;
  const problems: YamlProblem[] = [];
  const newChunks: ItemChunk[] = [];
  const replaced = head ? layout.head : { start: layout.items[k].start, end: layout.items[range.last].end };
  if (!head) {
    const region = { start: replaced.start, end: replaced.end + delta };
    // The edited items' text, copied out of the file's (which may be pieces): all this parse reads of the text.
    const local = ownCopy(text.slice(region.start, region.end));
    const starts = itemStartsIn(local, { start: 0, end: local.length }, itemIndent(local, 0));
    if (!starts || starts[0] !== 0) return undefined;
    for (let i = 0; i < starts.length; i++) {
      const span = { start: region.start + starts[i], end: i + 1 < starts.length ? region.start + starts[i + 1] : region.end };
      const itemText = starts.length === 1 ? local : local.slice(starts[i], span.end - region.start);
      // An item text of its own (`owned`): the parser reads only it.
      const chunk = parseChunk(itemText, span, 'item', { fast: chunks.fast, cache: undefined }, itemText, true);
      if (chunk.unresolvedAlias) return undefined;
      problems.push(...chunk.problems);
      newChunks.push({ span, node: chunk.node, text: itemText, broken: false, clean: chunk.problems.length === 0 && chunk.node !== null });
    }
  }
  const removed = range.last - range.first + 1;
  // YAML problems elsewhere stay where they are (those after the edit move with it); the replaced part's are new.
  const fresh = problems.slice();
  for (const problem of oldProblems) {
    if (problem.span.start < replaced.start) problems.push(problem);
    else if (problem.span.start >= replaced.end) problems.push({ ...problem, span: { start: problem.span.start + delta, end: problem.span.end + delta } });
  }
  // From here on the previous parse is changed in place: nothing above may return undefined.
  // Items after the edit move; their trees are moved when read (settleItem), so typing does not walk them all.
  // Item spans are shared with the layout and owned by this parse: they move in place.
  const moveChunk = (item: ItemChunk) => {
    item.span.start += delta;
    item.span.end += delta;
    if (item.node) item.pending = (item.pending ?? 0) + delta;
  };
  const items = document.items.slice(0, k);
  items.push(...newChunks);
  for (let i = k + removed; i < document.items.length; i++) {
    const item = document.items[i];
    moveChunk(item);
    items.push(item);
  }
  const itemNodes = items.map((item) => item.node ?? emptyItem(item.span.start));
  const newItemSpans = items.map((item) => item.span);
  const listSpan = { start: newItemSpans[0].start, end: lastContentEnd(items, itemNodes) };
  const listEntry: MapEntry = { key: layout.key, keySpan: head ? head.listKeySpan : root.entries[listIndex].keySpan, value: { type: 'seq', span: listSpan, items: itemNodes } };
  const entries = [...(head ? head.entries : root.entries.slice(0, listIndex)), listEntry, ...root.entries.slice(listIndex + 1)];
  // Keys after the list move now (they are few).
  for (let i = entries.indexOf(listEntry) + 1; i < entries.length; i++) {
    const entry = entries[i];
    entry.keySpan.start += delta;
    entry.keySpan.end += delta;
    shiftInPlace(entry.value, delta);
  }
  const end = Math.max(listSpan.end, entries[entries.length - 1].value.span.end);
  const newRoot: MapNode = { type: 'map', span: { start: head ? head.start : root.span.start, end }, entries };
  const documents = previous.documents.slice();
  const span = { start: document.span.start, end: document.span.end + delta };
  documents[d] = markBroken({ ...document, span, root: newRoot, items, ...(head ? { isSteward: head.isSteward, headBroken: false } : {}) }, fresh);
  const newLayouts = layouts.slice();
  newLayouts[d] = {
    span: { start: layouts[d].span.start, end: layouts[d].span.end + delta },
    items: { key: layout.key, head: head ? { start: layout.head.start, end: layout.head.end + delta } : layout.head, items: newItemSpans, tail: { start: layout.tail.start + delta, end: layout.tail.end + delta } },
  };
  for (let i = d + 1; i < documents.length; i++) {
    const later = documents[i];
    const split = Boolean(layouts[i].items) && later.items.length > 0 && later.items.every((item) => item.text !== '' && item.node !== null);
    if (later.root && split && later.root.type === 'map') {
      // Split items move lazily like the others; the rest of the document moves now.
      const itemNodes = new Set(later.items.map((item) => item.node));
      later.root.span.start += delta;
      later.root.span.end += delta;
      for (const entry of later.root.entries) {
        entry.keySpan.start += delta;
        entry.keySpan.end += delta;
        if (entry.value.type === 'seq' && entry.value.items.length > 0 && entry.value.items.every((node) => itemNodes.has(node))) {
          entry.value.span.start += delta;
          entry.value.span.end += delta;
        } else {
          shiftInPlace(entry.value, delta);
        }
      }
      for (const item of later.items) moveChunk(item);
    } else {
      if (later.root) shiftInPlace(later.root, delta);
      for (const item of later.items) item.span = { start: item.span.start + delta, end: item.span.end + delta };
    }
    documents[i] = { ...later, span: { start: later.span.start + delta, end: later.span.end + delta } };
    newLayouts[i] = shiftLayout(layouts[i], delta, split ? later.items.map((item) => item.span) : undefined);
  }
  const linesBefore = previous.lines.lineCount;
  // The previous line index changes in place: read from it before.
  const lines = previous.lines.edited(text, window.start, window.oldEnd, window.newEnd);
  const edit = { ...window, lineDelta: lines.lineCount - linesBefore, document: d, from: k, removed, added: newChunks.length };
  return { uri, text, lines, documents, parseFindings: toFindings(problems, lines), layouts: newLayouts, problems, edit };
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
function reparseHead(text: SourceText, previous: StewardDocument, layout: ItemListLayout, window: TextChange, delta: number, chunks: ChunkParser, root: MapNode, listIndex: number, document: StewardYamlDocument): HeadEdit | undefined {
  // A problem in the tail may be the head's doing (a key both repeat): then the whole document is parsed again.
  if (window.start < layout.head.start || (previous.problems ?? []).some((p) => p.span.start >= layout.tail.start && p.span.start < layout.tail.end)) return undefined;
  const span = { start: layout.head.start, end: layout.head.end + delta };
  const local = ownCopy(text.slice(span.start, span.end));
  const markerFirst = startsWithMarker(previous.text.slice(layout.head.start, Math.min(layout.head.end, layout.head.start + 8)));
  if (!headKeepsLayout(local, markerFirst)) return undefined;
  const chunk = parseChunk(local, span, 'document', { fast: chunks.fast, cache: undefined }, local, true);
  if (chunk.unresolvedAlias || chunk.problems.length > 0 || !chunk.node || chunk.node.type !== 'map') return undefined;
  const last = listKeyEntry(chunk.node, layout.key, (key) => local.slice(key.start - span.start, key.end - span.start));
  if (!last) return undefined;
  const entries = chunk.node.entries.slice(0, -1);
  const tail = root.entries.slice(listIndex + 1);
  // A key of the new head that the tail repeats is a duplicate key: the whole parse reports it.
  if (tail.some((entry) => entries.some((own) => own.key === entry.key))) return undefined;
  const probe = describe(document.index, document.span, { type: 'map', span: chunk.node.span, entries: [...entries, root.entries[listIndex], ...tail] }, document.items, layout.key);
  if (probe.kind !== document.kind || probe.items !== document.items) return undefined;
  return { entries, listKeySpan: last.keySpan, start: chunk.node.span.start, isSteward: probe.isSteward };
}

/** Applies an item's pending move to its tree. */
export function settleItem(item: ItemChunk): void {
  if (item.pending && item.node) shiftInPlace(item.node, item.pending);
  item.pending = undefined;
}

/** Applies every pending move in a file: before anything reads trees by offset (hover, completion, outline). */
export function settleFile(file: StewardDocument): StewardDocument {
  for (const document of file.documents) for (const item of document.items) if (item.pending) settleItem(item);
  return file;
}

/**
 * The items an edit replaces, first to last: those it touches, and the one before when it starts at an item's
 * first character (it may join the two) or the one after when it reaches an item's start. At the end of the
 * file, text typed after the last item belongs to it (new items appended there are split from it). Undefined
 * when the edit reaches before the first item or past the last (the head, the keys after the list).
 */
function editedItems(spans: Span[], window: TextChange, fileLength: number): { first: number; last: number } | undefined {
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
  return { span: move(layout.span), items: { key: items.key, head: move(items.head), items: moved ?? items.items.map(move), tail: move(items.tail) } };
}

/**
 * Parses a deferred item (see ParseOptions.defer) and marks it broken when a YAML error lies inside it; the
 * caller keeps the tree while it uses it. Undefined when the item holds an alias to an anchor in another chunk:
 * the file must then be parsed without deferring (its documents whole where needed).
 */
export function parseDeferredItem(file: StewardDocument, item: ItemChunk, options: { cache?: ChunkCache; fast?: boolean } = {}): { node: YamlNode | null; problems: YamlProblem[] } | undefined {
  // A deferred parse holds the file's text as one string (String's toString returns it).
  const chunk = parseChunk(file.text.toString(), item.span, 'item', { cache: options.cache, fast: options.fast !== false }, item.text);
  if (chunk.unresolvedAlias) return undefined;
  item.broken = chunk.problems.some(breaks);
  return { node: chunk.node, problems: chunk.problems };
}

/**
 * Ends a deferred parse: the items' problems join the file's, the parse findings are computed again, and each
 * item list ends where its last non-empty item does (`trees`: per document, each item's tree span, if any).
 * `kept`: the caller kept every item's tree (item.node): the lists then hold them, and the parse is a whole
 * parse's equal, from which later edits are derived.
 */
export function completeDeferred(file: StewardDocument, itemProblems: YamlProblem[], trees: Array<Array<Span | undefined>>, kept = false): void {
  file.documents.forEach((document, index) => {
    if (!document.items.some((item) => item.deferred)) return;
    const root = rootMap(document);
    const list = root && document.kind ? getEntry(root, ITEM_LIST_KEY[document.kind])?.value : undefined;
    if (!root || !list || list.type !== 'seq') return;
    if (kept) {
      for (const item of document.items) {
        list.items.push(item.node ?? emptyItem(item.span.start));
        item.deferred = undefined;
      }
    }
    const spans = trees[index] ?? [];
    list.span.end = listEnd(document.items, (i) => spans[i]);
    const tail = root.entries[root.entries.length - 1];
    root.span.end = Math.max(list.span.end, tail.value.span.end);
  });
  if (itemProblems.length === 0) return;
  file.problems = [...(file.problems ?? []), ...itemProblems];
  file.parseFindings = toFindings(file.problems, file.lines);
}

/** Parse findings in file order, at most MAX_YAML_PROBLEMS of them and then one saying how many more. */
function toFindings(unordered: YamlProblem[], lines: LineIndex): Finding[] {
  const problems = [...unordered].sort((a, b) => a.span.start - b.span.start);
  const kept = problems.slice(0, MAX_YAML_PROBLEMS).map((problem) => yamlProblemFinding(problem, lines));
  if (problems.length > MAX_YAML_PROBLEMS) {
    const last = problems[MAX_YAML_PROBLEMS];
    kept.push(yamlProblemFinding({ code: 'TOO_MANY', span: last.span, detail: String(problems.length - MAX_YAML_PROBLEMS) }, lines));
  }
  return kept;
}

function parseOneDocument(
  text: string,
  index: number,
  span: Span,
  layout: ItemListLayout | undefined,
  problems: YamlProblem[],
  chunks: ChunkParser,
  reusable: Reusable | undefined,
): StewardYamlDocument {
  if (layout) {
    let split = parseSplit(text, layout, chunks, reusable, index);
    let document = split && describe(index, span, split.root, split.items, layout.key);
    if (split && chunks.defer && document && document.items !== split.items) {
      // Not one of our lists after all (no known kind): nobody will parse its items later, but their YAML
      // problems are reported all the same, so they are parsed now.
      split = parseSplit(text, layout, { ...chunks, defer: false }, reusable, index);
      document = split && describe(index, span, split.root, split.items, layout.key);
    }
    if (split && document) {
      problems.push(...split.problems);
      return markBroken(document, split.problems);
    }
  }
  const whole = parseChunk(text, span, 'document', chunks);
  problems.push(...whole.problems);
  return markBroken(describe(index, span, whole.node, [], undefined), whole.problems);
}

/** Problems that leave the tree unreliable (a duplicate key does not: the first value stands). */
function breaks(problem: YamlProblem): boolean {
  return problem.code !== 'DUPLICATE_KEY' && problem.code !== 'TOO_MANY';
}

/** Attributes each breaking problem to the item it lies in, or to the head. */
function markBroken(document: StewardYamlDocument, problems: YamlProblem[]): StewardYamlDocument {
  for (const problem of problems) {
    if (!breaks(problem)) continue;
    const item = document.items.find((i) => problem.span.start >= i.span.start && problem.span.start < i.span.end);
    if (item) item.broken = true;
    else document.headBroken = true;
  }
  return document;
}

function parseSplit(
  text: string,
  layout: ItemListLayout,
  chunks: ChunkParser,
  reusable: Reusable | undefined,
  documentIndex: number,
): { root: MapNode; items: ItemChunk[]; problems: YamlProblem[] } | undefined {
  const head = parseChunk(text, layout.head, 'document', chunks);
  if (head.unresolvedAlias || !head.node || head.node.type !== 'map') return undefined;
  const listEntry = listKeyEntry(head.node, layout.key, (span) => text.slice(span.start, span.end));
  if (!listEntry) return undefined;
  const problems = [...head.problems];
  const items: ItemChunk[] = [];
  const itemNodes: YamlNode[] = [];
  for (const [itemIndex, itemSpan] of layout.items.entries()) {
    const itemText = text.slice(itemSpan.start, itemSpan.end);
    if (chunks.defer) {
      items.push({ span: itemSpan, node: null, text: itemText, broken: false, deferred: true });
      continue;
    }
    const previous = reusable?.take(documentIndex, itemIndex, layout.items.length, itemText);
    if (previous && previous.node) {
      settleItem(previous);
      const node = shiftInPlace(previous.node, itemSpan.start - previous.span.start);
      items.push({ span: itemSpan, node, text: previous.text, broken: false, clean: true });
      itemNodes.push(node);
      continue;
    }
    // With a previous parse to reuse from, items need no cache of their own: only edited items are parsed again.
    // Their text is copied: a slice would keep this whole version of the file alive as long as the item lives.
    const owned = Boolean(reusable?.hasPrevious);
    const ownText = owned ? ownCopy(itemText) : itemText;
    const chunk = parseChunk(text, itemSpan, 'item', reusable ? { fast: chunks.fast, cache: undefined } : chunks, ownText, owned);
    if (chunk.unresolvedAlias) return undefined; // an alias to an anchor in another chunk: parse whole
    problems.push(...chunk.problems);
    const node = chunk.node ?? emptyItem(itemSpan.start);
    items.push({ span: itemSpan, node: chunk.node, text: ownText, broken: false, clean: chunk.problems.length === 0 && chunk.node !== null });
    itemNodes.push(node);
  }
  const entries: MapEntry[] = head.node.entries.slice(0, -1);
  // Deferred items: the list ends provisionally with the last item's span, and completeDeferred sets it.
  const listSpan = { start: layout.items[0].start, end: chunks.defer ? items[items.length - 1].span.end : lastContentEnd(items, itemNodes) };
  entries.push({ key: listEntry.key, keySpan: listEntry.keySpan, value: { type: 'seq', span: listSpan, items: itemNodes } });
  if (!isTrivia(text, layout.tail)) {
    const tail = parseChunk(text, layout.tail, 'document', chunks);
    if (tail.unresolvedAlias) return undefined;
    problems.push(...tail.problems);
    if (tail.node && tail.node.type === 'map') {
      for (const entry of tail.node.entries) {
        if (getEntry({ type: 'map', span: listSpan, entries }, entry.key)) {
          problems.push({ code: 'DUPLICATE_KEY', span: entry.keySpan, detail: entry.key });
        }
        entries.push(entry);
      }
    } else if (tail.node) {
      problems.push({ code: 'NOT_MAPPING', span: tail.node.span });
    }
  }
  const end = entries.length > 0 ? Math.max(listSpan.end, entries[entries.length - 1].value.span.end) : listSpan.end;
  return { root: { type: 'map', span: { start: head.node.span.start, end }, entries }, items, problems };
}

/**
 * The last entry of a parsed head when it is the item list's key, written plainly (`keyText`: the text at a span),
 * with nothing after it; otherwise the split misread the layout (undefined).
 */
function listKeyEntry(head: MapNode, key: string, keyText: (span: Span) => string): MapEntry | undefined {
  const entry = head.entries[head.entries.length - 1];
  if (!entry || entry.key !== key || entry.value.type !== 'scalar' || entry.value.value !== null || keyText(entry.keySpan) !== key) return undefined;
  return entry;
}

/** What an item list holds for an item without a tree (its text did not parse): an empty value at its start. */
function emptyItem(start: number): YamlNode {
  return { type: 'scalar', span: { start, end: start }, value: null, source: '', style: 'plain' };
}

/** Where a list ends: at its last item with content (`spanOf`: an item's tree span, if any), else its last item's end. */
function listEnd(items: ItemChunk[], spanOf: (index: number) => Span | undefined): number {
  for (let i = items.length - 1; i >= 0; i--) {
    const span = spanOf(i);
    if (span && span.end > span.start) return span.end;
  }
  return items[items.length - 1].span.end;
}

/** listEnd of a list whose trees are at hand (items read from the end are settled first). */
function lastContentEnd(items: ItemChunk[], nodes: YamlNode[]): number {
  return listEnd(items, (i) => {
    settleItem(items[i]);
    return nodes[i].span;
  });
}

function isTrivia(text: string, span: Span): boolean {
  return !/^(?!\s*#)\s*\S/m.test(text.slice(span.start, span.end));
}

/**
 * Parses `text[span]`. An item chunk is a one-element block sequence (`- id: ...`); its node is that element.
 * Results are cached by the chunk's text with offsets relative to the chunk, and shifted on the way out.
 */
interface ChunkParser {
  cache: ChunkCache | undefined;
  fast: boolean;
  defer?: boolean;
}

/**
 * `sliced`: the chunk's text, when the caller has it. `owned`: it is a copy (ownCopy), and the tree's strings
 * must point into it rather than into the file's text; otherwise the fast parser reads the file's text in place.
 */
function parseChunk(text: string, span: Span, shape: 'document' | 'item', { cache, fast }: ChunkParser, sliced?: string, owned = false): ChunkResult {
  if (fast) {
    const node = owned && sliced !== undefined ? parseFast(sliced, 0, sliced.length, shape) : parseFast(text, span.start, span.end, shape);
    if (node !== undefined) return { node: owned ? shiftInPlace(node, span.start) : node, problems: [], unresolvedAlias: false };
  }
  const source = sliced ?? text.slice(span.start, span.end);
  const key = shape === 'item' ? source : '\u0000' + source;
  let relative = cache?.get(key);
  if (!relative) {
    relative = parseRelative(source, shape);
    cache?.set(key, relative);
  }
  if (span.start === 0) return relative;
  return {
    node: relative.node ? shiftNode(relative.node, span.start) : null,
    problems: relative.problems.map((p) => ({ ...p, span: { start: p.span.start + span.start, end: p.span.end + span.start } })),
    unresolvedAlias: relative.unresolvedAlias,
  };
}

function parseRelative(source: string, shape: 'document' | 'item'): ChunkResult {
  const doc = yamlLib().parseDocument(source, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, strict: true });
  const problems: YamlProblem[] = [];
  for (const error of doc.errors) problems.push(fromYamlError(error, source));
  for (const warning of doc.warnings) problems.push(fromYamlError(warning, source));
  const converted = convertDocument(doc, 0);
  let unresolvedAlias = false;
  for (const problem of converted.problems) {
    if (problem.kind === 'unresolved-alias') unresolvedAlias = true;
    problems.push(fromConvertProblem(problem));
  }
  let node = converted.node;
  if (shape === 'item' && node) {
    if (node.type === 'seq' && node.items.length === 1) node = node.items[0];
    else if (node.type === 'seq' && node.items.length === 0) node = null;
  }
  // A problem the parser places at the very end of an item's text (an unclosed bracket, say) belongs to that
  // item: the end is the next item's start, where the item it came from could not be told from the offset.
  const inside = shape === 'item' && source.length > 0 ? problems.map((p) => (p.span.start < source.length ? p : { ...p, span: { start: source.length - 1, end: source.length } })) : problems;
  return { node, problems: dedupe(inside), unresolvedAlias };
}

function fromYamlError(error: YAMLError, source: string): YamlProblem {
  const [start, end] = error.pos;
  const span = { start, end: Math.max(end, start) };
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^("[^"\n]*"|'[^'\n]*'|[^\s:#,[\]{}][^:#\n]*?)(?=[ \t]*:)/.exec(source.slice(start, start + 1100));
    if (key) return { code: error.code, span: { start, end: start + key[1].length }, detail: key[1].replace(/^["']|["']$/g, '') };
    return { code: error.code, span };
  }
  return { code: error.code, span, detail: error.message };
}

function fromConvertProblem(problem: ConvertProblem): YamlProblem {
  switch (problem.kind) {
    case 'depth': return { code: 'TOO_DEEP', span: problem.span };
    case 'alias-budget': return { code: 'ALIAS_BUDGET', span: problem.span };
    case 'unresolved-alias': return { code: 'UNRESOLVED_ALIAS', span: problem.span, detail: problem.name };
    case 'complex-key': return { code: 'COMPLEX_KEY', span: problem.span };
  }
}

/** The parser may report one cause many times (a stack overflow per level): keep one per code and place. */
function dedupe(problems: YamlProblem[]): YamlProblem[] {
  const seen = new Set<string>();
  const out: YamlProblem[] = [];
  let exhausted = false;
  for (const problem of problems) {
    if (problem.code === 'RESOURCE_EXHAUSTION' || problem.code === 'TOO_DEEP') {
      if (exhausted) continue;
      exhausted = true;
    }
    const key = `${problem.code}:${problem.span.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  return out;
}

function describe(index: number, span: Span, root: YamlNode | null, chunks: ItemChunk[], splitKey: string | undefined): StewardYamlDocument {
  let kind: DocumentKind | undefined;
  let isSteward = false;
  let items: ItemChunk[] = [];
  if (root && root.type === 'map') {
    const apiVersion = getEntry(root, 'apiVersion')?.value;
    const kindNode = getEntry(root, 'kind')?.value;
    const apiValue = apiVersion?.type === 'scalar' ? String(apiVersion.value ?? '') : '';
    const kindValue = kindNode?.type === 'scalar' ? String(kindNode.value ?? '') : '';
    const knownKind = kindValue === 'DataResourceCatalog' || kindValue === 'DataAssetRegister';
    isSteward = apiValue.startsWith('steward/') || knownKind;
    // A known kind is validated as ours even with a wrong apiVersion: the schema then says what is wrong.
    if (knownKind) kind = kindValue;
  }
  if (kind && root && root.type === 'map') {
    if (splitKey === ITEM_LIST_KEY[kind]) items = chunks;
    else {
      // A list that was not split still gets one entry per item, so every later stage sees one shape.
      const list = getEntry(root, ITEM_LIST_KEY[kind])?.value;
      // Each item reaches to the next one's start, as a split chunk does, so problems are attributed alike.
      if (list && list.type === 'seq') {
        items = list.items.map((item, i) => ({
          span: { start: item.span.start, end: i + 1 < list.items.length ? list.items[i + 1].span.start : Math.max(list.span.end, item.span.end + 1) },
          node: item,
          text: '',
          broken: false,
        }));
      }
    }
  }
  return { index, span, root, kind, isSteward, items, headBroken: false };
}
