/** The parsed file: YAML documents, each with a root assembled from separately parsed chunks. */
import type { Finding, Span } from '../types';
import type { MapNode, YamlNode } from './ast';
import type { LineIndex } from './lines';
import type { YamlProblem } from './problems';
import type { DocumentLayout } from './split';
import type { SourceText } from './source';

export type DocumentKind = 'DataResourceCatalog' | 'DataAssetRegister';

/** The list of top-level items of each kind: `resources:` in a catalog, `assets:` in a register. */
export const ITEM_LIST_KEY: Record<DocumentKind, 'resources' | 'assets'> = {
  DataResourceCatalog: 'resources',
  DataAssetRegister: 'assets',
};

/** One top-level item (a resource or an asset), parsed on its own so that it can be cached on its own. */
export interface ItemChunk {
  /** Span of the item's text, from its `-` indicator to the start of the next item (comments included). */
  span: Span;
  /** The item's node, usually a MapNode; null when the chunk failed to parse. */
  node: YamlNode | null;
  /** The chunk's text: equal texts give equal parse results relative to `span.start` (the cache key). */
  text: string;
  /** A YAML error lies inside the item: its tree is unreliable, so later stages skip it. */
  broken: boolean;
  /** Parsed without any YAML problem: the next parse of the same file may reuse its tree in place. */
  clean?: boolean;
  /**
   * An offset change not yet applied to `node`'s spans (`span` is always current). An edit moves the items
   * after it by recording the move here; settleItem applies it when someone reads the tree (see parse.ts).
   */
  pending?: number;
  /** Not parsed yet (a deferred parse: see ParseOptions.defer); `node` is null until the caller parses it. */
  deferred?: boolean;
}

export interface StewardYamlDocument {
  /** 0-based index of the YAML document in the file (documents are separated by `---`). */
  index: number;
  span: Span;
  /** The document's root node, with the item list assembled from the chunks; null for an empty document. */
  root: YamlNode | null;
  /** The recognised kind, when `kind` is one of ours (the schema checks `apiVersion`). */
  kind: DocumentKind | undefined;
  /** True when the document declares itself ours (apiVersion steward/* or a known kind). */
  isSteward: boolean;
  /** Items of the item list, in order; empty when the document has none or is not ours. */
  items: ItemChunk[];
  /** A YAML error lies outside the items (in `apiVersion`, `kind`, `unit`, ...): the head is not validated. */
  headBroken: boolean;
}

/**
 * How a parse was derived from the previous one: text[start, oldEnd) became text[start, newEnd), `lineDelta`
 * lines more (or fewer); in document `document`, the `removed` items from index `from` became `added` items.
 */
export interface ParseEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
  lineDelta: number;
  document: number;
  from: number;
  removed: number;
  added: number;
}

export interface StewardDocument {
  uri: string;
  /** A string, or an open document's pieces (see source.ts): read it through SourceText, never as a whole. */
  text: SourceText;
  lines: LineIndex;
  documents: StewardYamlDocument[];
  /** YAML-level problems: syntax errors, duplicate keys, tabs, alias and depth limits, non-mapping roots. */
  parseFindings: Finding[];
  /** How the text was split, and the problems by offset: what the next parse of an edited text starts from. */
  layouts?: DocumentLayout[];
  problems?: YamlProblem[];
  /** Set when this parse was derived from the previous one: where the text changed, and by how many lines. */
  edit?: ParseEdit;
}

export function rootMap(document: StewardYamlDocument): MapNode | undefined {
  return document.root && document.root.type === 'map' ? document.root : undefined;
}
