/**
 * What is at a position: the YAML document, the node path from its root, the node and whether the position is
 * on a key or a value. Completion, hover, definition and code actions all start here.
 */
import type { MapEntry, MapNode, YamlNode } from './parser/ast';
import type { StewardDocument, StewardYamlDocument } from './parser/model';
import { ITEM_LIST_KEY } from './parser/model';
import { settleItem } from './parser/parse';

export interface NodeAt {
  document: StewardYamlDocument;
  /** Keys and indexes from the document root to `node`, e.g. ['assets', 3, 'authorizations', 0, 'rights', 1]. */
  path: Array<string | number>;
  /** The innermost node containing the position (a key's value when the position is on the key). */
  node: YamlNode | undefined;
  /** The mapping entry whose key or value holds the position, if any. */
  entry?: MapEntry;
  /** The mapping that holds `entry`. */
  parent?: MapNode;
  /** True on a key (or on a line where a key is being typed); false on a value. */
  onKey: boolean;
}

function contains(span: { start: number; end: number }, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** The document whose span holds the offset (the last one at a boundary). */
export function documentAt(file: StewardDocument, offset: number): StewardYamlDocument | undefined {
  let found: StewardYamlDocument | undefined;
  for (const document of file.documents)
    if (offset >= document.span.start && offset <= document.span.end) found = document;
  return found;
}

/** Walks down from the document root to the innermost node at `offset`. */
export function nodeAt(file: StewardDocument, offset: number): NodeAt | undefined {
  const document = documentAt(file, offset);
  if (!document || !document.root) return document ? { document, path: [], node: undefined, onKey: true } : undefined;
  const result: NodeAt = { document, path: [], node: document.root, onKey: false };
  let node: YamlNode = document.root;
  for (;;) {
    if (node.type === 'map') {
      const entry =
        node.entries.find((e) => contains(e.keySpan, offset)) ??
        node.entries.find((e) => contains(e.value.span, offset) && e.value.span.end > e.value.span.start);
      if (!entry) return result;
      result.path.push(entry.key);
      result.entry = entry;
      result.parent = node;
      if (
        contains(entry.keySpan, offset) &&
        !(
          offset === entry.keySpan.end &&
          contains(entry.value.span, offset) &&
          entry.value.span.end > entry.value.span.start
        )
      ) {
        result.node = entry.value;
        result.onKey = true;
        return result;
      }
      result.node = entry.value;
      result.onKey = false;
      node = entry.value;
      continue;
    }
    if (node.type === 'seq') {
      const index =
        node === itemList(document, result)
          ? itemIndexAt(document, node.items, offset)
          : node.items.findIndex((item) => contains(item.span, offset));
      if (index < 0) return result;
      result.path.push(index);
      result.node = node.items[index];
      result.entry = undefined;
      result.parent = undefined;
      node = node.items[index];
      continue;
    }
    return result;
  }
}

/** The document's item list when `at` has just stepped into it from the root. */
function itemList(document: StewardYamlDocument, at: NodeAt): YamlNode | undefined {
  if (!document.kind || at.path.length !== 1 || at.path[0] !== ITEM_LIST_KEY[document.kind]) return undefined;
  const list = at.node;
  return list && list.type === 'seq' && list.items.length === document.items.length ? list : undefined;
}

/**
 * The index of the item holding `offset`, found by the items' own spans (always current) instead of reading every
 * tree: after an edit, the trees below it are moved only when read (settleItem), so only the one or two trees at
 * the offset are settled here. The first tree holding the offset wins, as a scan from the top would find.
 */
function itemIndexAt(document: StewardYamlDocument, nodes: YamlNode[], offset: number): number {
  const items = document.items;
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (items[mid].span.start <= offset) low = mid;
    else high = mid - 1;
  }
  for (const index of [low - 1, low]) {
    if (index < 0 || index >= items.length) continue;
    settleItem(items[index]);
    if (contains(nodes[index].span, offset)) return index;
  }
  return -1;
}

/** The JSON pointer of a path. */
export function pointer(path: Array<string | number>): string {
  return path.map((segment) => '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
