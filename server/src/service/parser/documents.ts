/**
 * What a parse makes of its chunks: a document described (its kind, whether it is ours, its items), the item
 * list's extent, the items a YAML problem breaks, and the problems as findings; moving trees an edit left pending.
 */
import type { Finding, Span } from '../types';
import type { MapEntry, MapNode, YamlNode } from './ast';
import { getEntry, scalarNode } from './ast';
import { shiftInPlace } from './convert';
import type { LineIndex } from './lines';
import type { DocumentKind, ItemChunk, StewardYamlDocument } from './model';
import { ITEM_LIST_KEY } from './model';
import { yamlProblemFinding } from './problems';
import type { YamlProblem } from './problems';
import type { StewardDocument } from './model';

/** YAML errors reported per file at most; past that one finding says how many more there were. */
export const MAX_YAML_PROBLEMS = 100;

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

/** Parse findings in file order, at most MAX_YAML_PROBLEMS of them and then one saying how many more. */
export function toFindings(unordered: YamlProblem[], lines: LineIndex): Finding[] {
  const problems = [...unordered].sort((a, b) => a.span.start - b.span.start);
  const kept = problems.slice(0, MAX_YAML_PROBLEMS).map((problem) => yamlProblemFinding(problem, lines));
  if (problems.length > MAX_YAML_PROBLEMS) {
    const last = problems[MAX_YAML_PROBLEMS];
    kept.push(
      yamlProblemFinding(
        { code: 'TOO_MANY', span: last.span, detail: String(problems.length - MAX_YAML_PROBLEMS) },
        lines,
      ),
    );
  }
  return kept;
}

/** Problems that leave the tree unreliable (a duplicate key does not: the first value stands). */
export function breaks(problem: YamlProblem): boolean {
  return problem.code !== 'DUPLICATE_KEY' && problem.code !== 'TOO_MANY';
}

/** Attributes each breaking problem to the item it lies in, or to the head. */
export function markBroken(document: StewardYamlDocument, problems: YamlProblem[]): StewardYamlDocument {
  for (const problem of problems) {
    if (!breaks(problem)) continue;
    const item = document.items.find((i) => problem.span.start >= i.span.start && problem.span.start < i.span.end);
    if (item) item.broken = true;
    else {
      document.headBroken = true;
      const cut = cutShort(document, problem.span.start);
      if (cut) cut.broken = true;
    }
  }
  return document;
}

/**
 * In a document parsed whole (its items have no text of their own), an error after an item's tree and before the
 * next item is where YAML's recovery cut that item short (a line indented wrongly, say): the item before it is
 * broken as well as the head (its tree lacks what follows, and a fix built on it would duplicate that).
 */
function cutShort(document: StewardYamlDocument, offset: number): ItemChunk | undefined {
  const items = document.items;
  if (items.length === 0 || items[0].text !== '' || offset < items[0].span.start) return undefined;
  let before: ItemChunk | undefined;
  for (const item of items) if (item.span.start <= offset) before = item;
  return before;
}

/**
 * The last entry of a parsed head when it is the item list's key, written plainly (`keyText`: the text at a span),
 * with nothing after it; otherwise the split misread the layout (undefined).
 */
export function listKeyEntry(head: MapNode, key: string, keyText: (span: Span) => string): MapEntry | undefined {
  const entry = head.entries[head.entries.length - 1];
  if (
    !entry ||
    entry.key !== key ||
    entry.value.type !== 'scalar' ||
    entry.value.value !== null ||
    keyText(entry.keySpan) !== key
  )
    return undefined;
  return entry;
}

/** What an item list holds for an item without a tree (its text did not parse): an empty value at its start. */
export function emptyItem(start: number): YamlNode {
  return scalarNode(start, start, null, '', 'plain');
}

/** Where a list ends: at its last item with content (`spanOf`: an item's tree span, if any), else its last item's end. */
export function listEnd(items: ItemChunk[], spanOf: (index: number) => Span | undefined): number {
  for (let i = items.length - 1; i >= 0; i--) {
    const span = spanOf(i);
    if (span && span.end > span.start) return span.end;
  }
  return items[items.length - 1].span.end;
}

/** listEnd of a list whose trees are at hand (items read from the end are settled first). */
export function lastContentEnd(items: ItemChunk[], nodes: YamlNode[]): number {
  return listEnd(items, (i) => {
    settleItem(items[i]);
    return nodes[i].span;
  });
}

/**
 * Whether text[span) holds only blank lines and comments. Blank is YAML's white space (spaces, tabs; a byte-order
 * mark): an ideographic space (U+3000) is content. One pass over the characters, whatever the lines hold.
 */
export function isTrivia(text: string, span: Span): boolean {
  let lineStart = true;
  for (let i = span.start; i < span.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) lineStart = true;
    else if (c === 32 || c === 9 || c === 0xfeff) continue;
    else if (c === 35 && lineStart) {
      // A comment: skip to its line's end.
      while (i + 1 < span.end && text.charCodeAt(i + 1) !== 10 && text.charCodeAt(i + 1) !== 13) i++;
    } else return false;
  }
  return true;
}

/** A document as parsed: its kind, whether it is ours, and its items (split chunks, or one per list element). */
export function describe(
  index: number,
  span: Span,
  root: YamlNode | null,
  chunks: ItemChunk[],
  splitKey: string | undefined,
): StewardYamlDocument {
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
          span: {
            start: item.span.start,
            end: i + 1 < list.items.length ? list.items[i + 1].span.start : Math.max(list.span.end, item.span.end + 1),
          },
          node: item,
          text: '',
          broken: false,
        }));
      }
    }
  }
  return { index, span, root, kind, isSteward, items, headBroken: false };
}
