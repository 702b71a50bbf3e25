/**
 * Folded items: an open file's clean items let go of their trees once their findings and index entries are
 * recorded (issue 19: the trees were more than half of what an open 50,000-asset register held, ~5.3 KB per
 * asset). A folded item keeps its span and its chunk's text (which the chunk holds anyway) and parses that text
 * again when its entries are read (hover, completion, outline, a fix: an item or a few). The entries read are
 * held weakly, so the tree lives while it is in use and goes with the next garbage collection after that.
 * A clean item's text parses to the same tree every time, so the tree read equals the one that was let go.
 */
import type { MapEntry, MapNode, SelfMoving } from './ast';
import { getEntry } from './ast';
import { parseChunk } from './chunks';
import type { ItemChunk, StewardDocument, StewardYamlDocument } from './model';
import { ITEM_LIST_KEY, rootMap } from './model';

class FoldedItem implements MapNode, SelfMoving {
  declare readonly type: 'map';
  declare start: number;
  declare end: number;
  /** The item's chunk text, and where it starts in the file. */
  declare readonly text: string;
  declare textStart: number;
  declare held: WeakRef<MapEntry[]> | undefined;

  constructor(start: number, end: number, text: string, textStart: number) {
    this.start = start;
    this.end = end;
    this.text = text;
    this.textStart = textStart;
    this.held = undefined;
  }

  get entries(): MapEntry[] {
    const held = this.held?.deref();
    if (held) return held;
    const entries = this.unfold().entries;
    this.held = new WeakRef(entries);
    return entries;
  }

  get span(): this {
    return this;
  }

  set span(span: { start: number; end: number }) {
    this.start = span.start;
    this.end = span.end;
  }

  moveBy(delta: number): void {
    this.start += delta;
    this.end += delta;
    this.textStart += delta;
    // Entries read before the move have the old offsets: the next read parses them at the new place.
    this.held = undefined;
  }

  /** The item's tree, parsed again from its text at its place. */
  unfold(): MapNode {
    const span = { start: this.textStart, end: this.textStart + this.text.length };
    const node = parseChunk(this.text, span, 'item', { cache: undefined, fast: true }, this.text, true).node;
    // Cannot happen (only clean mappings are folded, and their text parses alike every time); said loudly if it does.
    if (!node || node.type !== 'map' || node.span.start !== this.start || node.span.end !== this.end)
      throw new Error(`a folded item at ${this.start} parsed to another tree`);
    return node;
  }
}
Object.defineProperty(FoldedItem.prototype, 'type', { value: 'map', enumerable: true });

export function isFolded(node: unknown): boolean {
  return node instanceof FoldedItem;
}

/** A chunk's tree folded (or its own when it cannot be: not clean, not a mapping, no text of its own). */
function folded(chunk: ItemChunk): MapNode | undefined {
  const node = chunk.node;
  if (!node || node.type !== 'map' || node instanceof FoldedItem || !chunk.clean || chunk.broken || chunk.text === '')
    return undefined;
  // A tree with a move pending keeps it pending (settleItem moves the folded item as it would have moved the tree).
  return new FoldedItem(node.span.start, node.span.end, chunk.text, chunk.span.start - (chunk.pending ?? 0));
}

/**
 * Folds an item not yet in its document's list (the item-by-item first check: the list is filled at its end).
 * `moved`: told of each tree replaced (caches keyed by trees follow it).
 */
export function foldItem(chunk: ItemChunk, moved: (from: object, to: object) => void): void {
  const node = chunk.node;
  const fold = folded(chunk);
  if (!node || !fold) return;
  chunk.node = fold;
  moved(node, fold);
}

/** The list node of a document's items, when it holds exactly the items' trees. */
function itemList(document: StewardYamlDocument): { items: unknown[] } | undefined {
  const root = rootMap(document);
  const list = root && document.kind ? getEntry(root, ITEM_LIST_KEY[document.kind])?.value : undefined;
  return list && list.type === 'seq' && list.items.length === document.items.length ? list : undefined;
}

/** Folds the items [from, to) of a document, in its list too. */
export function foldItems(
  document: StewardYamlDocument,
  from: number,
  to: number,
  moved: (from: object, to: object) => void,
): void {
  const list = itemList(document);
  if (!list) return;
  for (let i = Math.max(0, from); i < Math.min(to, document.items.length); i++) {
    const chunk = document.items[i];
    const node = chunk.node;
    if (!node || list.items[i] !== node) continue;
    const fold = folded(chunk);
    if (!fold) continue;
    chunk.node = fold;
    list.items[i] = fold;
    moved(node, fold);
  }
}

/**
 * Every item of a file with its whole tree again (a caller that reads the parse as a whole), in its chunk and in
 * whichever list of its document's root holds it (a head edit may leave a list that is no longer the item list).
 * The file must be settled (settleFile).
 */
export function unfoldFile(file: StewardDocument, moved: (from: object, to: object) => void): StewardDocument {
  for (const document of file.documents) {
    const trees = new Map<MapNode, MapNode>();
    const unfold = (node: MapNode): MapNode => {
      let tree = trees.get(node);
      if (!tree) {
        trees.set(node, (tree = (node as FoldedItem).unfold()));
        moved(node, tree);
      }
      return tree;
    };
    for (const chunk of document.items) if (chunk.node instanceof FoldedItem) chunk.node = unfold(chunk.node);
    const root = rootMap(document);
    for (const entry of root?.entries ?? []) {
      const list = entry.value;
      if (list.type !== 'seq') continue;
      list.items.forEach((node, i) => {
        if (node instanceof FoldedItem) list.items[i] = unfold(node);
      });
    }
  }
  return file;
}
