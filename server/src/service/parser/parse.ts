/**
 * Parses a file into a StewardDocument: documents split at `---`, each document's item list split into
 * one chunk per item, each chunk parsed by the `yaml` package on its own and converted to our node tree with
 * absolute offsets. A cache keyed by a chunk's text lets an edited file re-parse only the chunks that changed.
 */
import type { Span } from '../types';
import type { MapEntry, MapNode, YamlNode } from './ast';
import { getEntry, mapEntry, mapNode, seqNode } from './ast';
import { shiftInPlace } from './convert';
import { ownCopy } from './fast';
import { LineIndex } from './lines';
import type { SourceText } from './source';
import type { ItemChunk, StewardDocument, StewardYamlDocument } from './model';
import { ITEM_LIST_KEY, rootMap } from './model';
import { splitDocuments } from './split';
import { itemLimitFinding } from './limits';
import type { ItemListLayout } from './split';
import type { YamlProblem } from './problems';
import { ChunkCache, parseChunk } from './chunks';
import type { ChunkParser } from './chunks';
import {
  breaks,
  describe,
  emptyItem,
  isTrivia,
  lastContentEnd,
  listEnd,
  listKeyEntry,
  markBroken,
  settleItem,
  toFindings,
} from './documents';
import { reparseEdit } from './reparse';
import type { TextChange } from './reparse';
import { appendAll } from '../append';

// The parser's public face: what the rest of the service uses of chunks, documents and edits.
export { ChunkCache } from './chunks';
export { MAX_YAML_PROBLEMS, settleFile, settleItem } from './documents';
export { changedWindow, mergeChanges } from './reparse';
export { foldItem, foldItems, isFolded, unfoldFile } from './folded';
export type { TextChange } from './reparse';

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
  /**
   * More items than this in one document's list: the file is not parsed, its one finding says so (limits.ts).
   * Counted by the split, before any tree is built. Unlimited when absent.
   */
  maxItems?: number;
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
  // A byte-order mark at the start stays: YAML skips it before a document (as it does before `---` or `%YAML`,
  // which a blank in its place would hide), and offsets stay those of the text the caller holds.
  const source: SourceText = input;
  const chunks: ChunkParser = {
    cache: options.cache,
    fast: options.fast !== false,
    defer: options.defer === true && options.previous === undefined,
  };
  if (options.previous && options.split !== false) {
    const edited = reparseEdit(uri, source, options.previous, chunks, options.change);
    // An edit that takes a list over the limit: the whole parse below reports it.
    if (edited && !overLimit(edited, options.maxItems)) return edited;
  }
  const text = source.toString();
  const lines = new LineIndex(text);
  const problems: YamlProblem[] = [];
  const documents: StewardYamlDocument[] = [];
  const reusable = options.previous === undefined ? undefined : new Reusable(options.previous);
  const layouts = splitDocuments(text);
  const tooMany = options.maxItems === undefined ? undefined : itemLimitFinding(text, layouts, options.maxItems, lines);
  if (tooMany) return { uri, text, lines, documents: [], parseFindings: [tooMany], problems: [] };
  layouts.forEach((layout, index) => {
    documents.push(
      parseOneDocument(
        text,
        index,
        layout.span,
        options.split === false ? undefined : layout.items,
        problems,
        chunks,
        reusable,
      ),
    );
  });
  return {
    uri,
    text,
    lines,
    documents,
    parseFindings: toFindings(problems, lines),
    layouts: options.split === false ? undefined : layouts,
    problems,
  };
}

function overLimit(file: StewardDocument, maxItems: number | undefined): boolean {
  return maxItems !== undefined && file.documents.some((document) => document.items.length > maxItems);
}

/**
 * Parses a deferred item (see ParseOptions.defer) and marks it broken when a YAML error lies inside it; the
 * caller keeps the tree while it uses it. Undefined when the item holds an alias to an anchor in another chunk:
 * the file must then be parsed without deferring (its documents whole where needed).
 */
export function parseDeferredItem(
  file: StewardDocument,
  item: ItemChunk,
  options: { cache?: ChunkCache; fast?: boolean } = {},
): { node: YamlNode | null; problems: YamlProblem[] } | undefined {
  // A deferred parse holds the file's text as one string (String's toString returns it).
  const chunk = parseChunk(
    file.text.toString(),
    item.span,
    'item',
    { cache: options.cache, fast: options.fast !== false },
    item.text,
  );
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
export function completeDeferred(
  file: StewardDocument,
  itemProblems: YamlProblem[],
  trees: Array<Array<Span | undefined>>,
  kept = false,
): void {
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
      appendAll(problems, split.problems);
      return markBroken(document, split.problems);
    }
  }
  const whole = parseChunk(text, span, 'document', chunks);
  appendAll(problems, whole.problems);
  return markBroken(describe(index, span, whole.node, [], undefined), whole.problems);
}

/** A block mapping (not a flow one, not a scalar or sequence), or nothing at all (the tail's parse failed). */
function isBlockMapAt(text: string, node: YamlNode | null): boolean {
  return node === null || (node.type === 'map' && text.charCodeAt(node.span.start) !== 123);
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
    const chunk = parseChunk(
      text,
      itemSpan,
      'item',
      reusable ? { fast: chunks.fast, cache: undefined } : chunks,
      ownText,
      owned,
    );
    if (chunk.unresolvedAlias) return undefined; // an alias to an anchor in another chunk: parse whole
    appendAll(problems, chunk.problems);
    const node = chunk.node ?? emptyItem(itemSpan.start);
    items.push({
      span: itemSpan,
      node: chunk.node,
      text: ownText,
      broken: false,
      clean: chunk.problems.length === 0 && chunk.node !== null,
    });
    itemNodes.push(node);
  }
  const entries: MapEntry[] = head.node.entries.slice(0, -1);
  // Deferred items: the list ends provisionally with the last item's span, and completeDeferred sets it.
  const listSpan = {
    start: layout.items[0].start,
    end: chunks.defer ? items[items.length - 1].span.end : lastContentEnd(items, itemNodes),
  };
  entries.push(mapEntry(listEntry.key, listEntry.keySpan, seqNode(listSpan.start, listSpan.end, itemNodes)));
  if (!isTrivia(text, layout.tail)) {
    const tail = parseChunk(text, layout.tail, 'document', chunks);
    // Keys after the list are a block mapping at column 0; anything else (a flow mapping, a scalar) is read by
    // YAML together with the list (an implicit key missing its value, say): parse the document whole.
    if (tail.unresolvedAlias || !isBlockMapAt(text, tail.node)) return undefined;
    appendAll(problems, tail.problems);
    if (tail.node && tail.node.type === 'map') {
      for (const entry of tail.node.entries) {
        if (getEntry({ type: 'map', span: listSpan, entries }, entry.key)) {
          const { start, end } = entry.keySpan;
          problems.push({ code: 'DUPLICATE_KEY', span: { start, end }, detail: entry.key });
        }
        entries.push(entry);
      }
    }
  }
  const end = entries.length > 0 ? Math.max(listSpan.end, entries[entries.length - 1].value.span.end) : listSpan.end;
  return { root: mapNode(head.node.span.start, end, entries), items, problems };
}
