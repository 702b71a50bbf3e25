/**
 * The workspace index: for every file, the resources and assets it defines (id, place, grade, reference), kept
 * per file so that a changed file updates its own entry only. Cross-file rules read it.
 */
import type { Range } from './types';
import type { MapNode, ScalarNode } from './parser/ast';
import type { ItemChunk, StewardDocument, StewardYamlDocument } from './parser/model';
import { rootMap } from './parser/model';
import { keySpanOf, mapAt, scalarAt, seqAt, textAt } from './tree/read';
import { settleItem } from './parser/parse';
import { moveRange } from './parser/lines';

export interface IndexedItem {
  kind: 'resource' | 'asset';
  id: string;
  uri: string;
  /** Range of the id value. */
  idRange: Range;
  /** Range of the item's first key, for findings about the whole item. */
  anchor: Range;
  name: string;
  securityGrade: string;
  /** Range of the securityGrade value, when present, and whether it is quoted (a fix keeps the quotes). */
  gradeRange?: Range;
  gradeQuote?: '' | "'" | '"';
  /** JSON pointer of the item, e.g. `/assets/3`. */
  path: string;
}

export interface IndexedResource extends IndexedItem {
  kind: 'resource';
  secrecy: string;
  /** `sharing.type` and `opening.type`, as written ('' when absent). */
  sharingType: string;
  openingType: string;
  /** relatedResources: ids with their ranges. */
  related: Array<{ id: string; range: Range }>;
}

export interface IndexedAsset extends IndexedItem {
  kind: 'asset';
  /** The catalog resource it names, with the range of that value. */
  resource?: { id: string; range: Range; quoted: boolean };
  /** Range of the `authorizations` key when the asset lists at least one authorization. */
  authorizations?: Range;
  /** Whether the asset states why it is graded differently from its resource (`gradeJustification`). */
  gradeJustified: boolean;
}

export interface FileSummary {
  uri: string;
  resources: IndexedResource[];
  assets: IndexedAsset[];
  /** Whether the file holds a catalog / a register document at all. */
  hasCatalog: boolean;
  hasRegister: boolean;
}

function idText(node: ScalarNode | undefined): string {
  if (!node || node.value === null) return '';
  return typeof node.value === 'string' ? node.value.trim() : node.source;
}

/**
 * Summaries of item trees, by tree: an item reused in place by the next parse of its file keeps its tree, so its
 * summary is reused too, moved by whole lines (items start at a line start, so columns do not change).
 */
const summaries = new WeakMap<
  object,
  { line: number; path: string; uri: string; item: IndexedResource | IndexedAsset; offset: number; index: number }
>();

/** An item's tree was replaced by another of the same text and place (folded or unfolded): its summary follows. */
export function moveSummary(from: object, to: object): void {
  const known = summaries.get(from);
  if (known) summaries.set(to, known);
}

function moveItem<T extends IndexedResource | IndexedAsset>(item: T, lines: number, path: string): T {
  const moved = { ...item, path, idRange: moveRange(item.idRange, lines), anchor: moveRange(item.anchor, lines) };
  if (item.gradeRange) moved.gradeRange = moveRange(item.gradeRange, lines);
  // Read through the union type: a generic T does not narrow on `kind`.
  const source: IndexedResource | IndexedAsset = item;
  const target: IndexedResource | IndexedAsset = moved;
  if (source.kind === 'resource' && target.kind === 'resource')
    target.related = source.related.map((r) => ({ id: r.id, range: moveRange(r.range, lines) }));
  else if (source.kind === 'asset' && target.kind === 'asset') {
    if (source.resource) target.resource = { ...source.resource, range: moveRange(source.resource.range, lines) };
    if (source.authorizations) target.authorizations = moveRange(source.authorizations, lines);
  }
  return moved;
}

/** Index entries per document, aligned with the document's items (undefined: an item without an id). */
export type SummaryEntries = Array<Array<IndexedResource | IndexedAsset | undefined>>;

/** What an index update changed: entries gone and entries added (a moved entry is both). */
export interface SummaryChange {
  gone: Array<IndexedResource | IndexedAsset>;
  added: Array<IndexedResource | IndexedAsset>;
}

export function summarizeEntries(file: StewardDocument): SummaryEntries {
  return file.documents.map((document) => {
    const root = rootMap(document);
    if (!root || !document.kind) return [];
    return document.items.map((chunk, index) => summarizeItem(file, document, chunk, index));
  });
}

/** The summary from entries: documents in order, items in order. */
export function summaryOf(file: StewardDocument, entries: SummaryEntries): FileSummary {
  const summary: FileSummary = { uri: file.uri, resources: [], assets: [], hasCatalog: false, hasRegister: false };
  file.documents.forEach((document, i) => {
    if (!rootMap(document) || !document.kind) return;
    const isCatalog = document.kind === 'DataResourceCatalog';
    if (isCatalog) summary.hasCatalog = true;
    else summary.hasRegister = true;
    // A catalog's entries are all resources, a register's all assets (summarizeItem): the lists are copied whole,
    // without reading each entry (per keystroke, in a large file, those reads were most of this function's time).
    const list = entries[i] ?? [];
    const present = list.includes(undefined) ? list.filter((entry) => entry !== undefined) : list;
    if (isCatalog) summary.resources = summary.resources.concat(present as IndexedResource[]);
    else summary.assets = summary.assets.concat(present as IndexedAsset[]);
  });
  return summary;
}

/**
 * Entries after an edit inside one item list (`file.edit`): the edited items' entries are read again, later ones
 * moved by the lines and positions the edit added or removed, the rest kept. Undefined when there is no edit.
 */
export function summarizeEdit(
  file: StewardDocument,
  previous: SummaryEntries,
): { entries: SummaryEntries; change: SummaryChange } | undefined {
  const edit = file.edit;
  if (!edit || previous.length !== file.documents.length) return undefined;
  const change: SummaryChange = { gone: [], added: [] };
  const shift = edit.added - edit.removed;
  const move = (entry: IndexedResource | IndexedAsset | undefined, index: number) => {
    if (!entry || (edit.lineDelta === 0 && shift === 0)) return entry;
    const moved = moveItem(entry, edit.lineDelta, `${entry.path.slice(0, entry.path.lastIndexOf('/'))}/${index}`);
    change.gone.push(entry);
    change.added.push(moved);
    return moved;
  };
  const entries = previous.map((list, i) => {
    if (i < edit.document) return list;
    if (i > edit.document) return edit.lineDelta === 0 ? list : list.map((entry, index) => move(entry, index));
    const document = file.documents[i];
    if (!rootMap(document) || !document.kind || list.length - edit.removed + edit.added !== document.items.length)
      return undefined;
    const out = list.slice(0, edit.from);
    for (const entry of list.slice(edit.from, edit.from + edit.removed)) if (entry) change.gone.push(entry);
    for (let index = edit.from; index < edit.from + edit.added; index++) {
      const entry = summarizeItem(file, document, document.items[index], index);
      if (entry) change.added.push(entry);
      out.push(entry);
    }
    for (let index = edit.from + edit.removed; index < list.length; index++) out.push(move(list[index], index + shift));
    return out;
  });
  if (entries.some((list) => list === undefined)) return undefined;
  return { entries: entries as SummaryEntries, change };
}

export function summarizeItem(
  file: StewardDocument,
  document: StewardYamlDocument,
  chunk: ItemChunk,
  index: number,
): IndexedResource | IndexedAsset | undefined {
  const item = chunk.node;
  if (!item || item.type !== 'map' || chunk.broken) return undefined;
  const isCatalog = document.kind === 'DataResourceCatalog';
  const range = (span: { start: number; end: number }) => file.lines.rangeOf(span);
  // Deferred trees are dropped once read: never summarised before, never worth remembering.
  const known = chunk.deferred ? undefined : summaries.get(item);
  // An item at the same offset, line and index as when summarised is unchanged: nothing to compute.
  if (
    known &&
    known.uri === file.uri &&
    known.offset === chunk.span.start &&
    known.index === index &&
    file.lines.lineStart(known.line) === chunk.span.start
  ) {
    return known.item;
  }
  const path = `/${isCatalog ? 'resources' : 'assets'}/${index}`;
  const line = file.lines.positionAt(chunk.span.start).line;
  if (known && known.uri === file.uri) {
    const reused =
      known.line === line && known.path === path ? known.item : moveItem(known.item, line - known.line, path);
    summaries.set(item, { line, path, uri: file.uri, item: reused, offset: chunk.span.start, index });
    return reused;
  }
  settleItem(chunk);
  const idNode = scalarAt(item, 'id');
  const id = idText(idNode);
  if (!idNode || id === '') return undefined;
  const gradeNode = scalarAt(item, 'securityGrade');
  const uri = file.uri;
  const idRange = range(idNode.span);
  const anchor = range(item.entries[0].keySpan);
  const name = textAt(item, 'name');
  const securityGrade = textAt(item, 'securityGrade');
  const gradeRange = gradeNode && gradeNode.value !== null ? range(gradeNode.span) : undefined;
  const gradeQuote = gradeNode
    ? gradeNode.style === 'single'
      ? ("'" as const)
      : gradeNode.style === 'double'
        ? ('"' as const)
        : ('' as const)
    : undefined;
  // Whole literals, not a spread of the shared fields: V8 copied the spread object in its runtime, the hottest
  // line of a CLI run (7–9 µs per asset with the garbage it made, of ~55–70).
  let entry: IndexedResource | IndexedAsset;
  if (isCatalog) {
    entry = {
      id,
      uri,
      idRange,
      anchor,
      name,
      securityGrade,
      gradeRange,
      gradeQuote,
      path,
      kind: 'resource',
      secrecy: textAt(item, 'secrecy'),
      sharingType: textAt(mapAt(item, 'sharing'), 'type'),
      openingType: textAt(mapAt(item, 'opening'), 'type'),
      related: relatedOf(item, range),
    };
  } else {
    const ref = scalarAt(item, 'resource');
    const refId = idText(ref);
    const resource = ref && refId ? { id: refId, range: range(ref.span), quoted: ref.style !== 'plain' } : undefined;
    const list = seqAt(item, 'authorizations');
    const authorizations = list && list.items.length > 0 ? range(keySpanOf(item, 'authorizations')!) : undefined;
    const gradeJustified = textAt(item, 'gradeJustification') !== '';
    entry = {
      id,
      uri,
      idRange,
      anchor,
      name,
      securityGrade,
      gradeRange,
      gradeQuote,
      path,
      kind: 'asset',
      resource,
      authorizations,
      gradeJustified,
    };
  }
  // Only trees from the item-by-item parse can be reused by the next parse; others are not worth caching.
  if (chunk.text !== '' && !chunk.deferred)
    summaries.set(item, { line, path, uri: file.uri, item: entry, offset: chunk.span.start, index });
  return entry;
}

function relatedOf(item: MapNode, range: (span: { start: number; end: number }) => Range): IndexedResource['related'] {
  const list = seqAt(item, 'relatedResources');
  if (!list) return [];
  const out: IndexedResource['related'] = [];
  for (const entry of list.items) {
    if (entry.type === 'scalar' && typeof entry.value === 'string' && entry.value.trim())
      out.push({ id: entry.value.trim(), range: range(entry.span) });
  }
  return out;
}

/**
 * Whether two summaries of a file hold the same for cross-file rules: the same entries but for their names (what
 * the usual keystroke leaves). Entries reused from the previous summary are the same objects: compared by identity.
 */
function sameForRules(a: FileSummary, b: FileSummary): boolean {
  if (a.uri !== b.uri || a.hasCatalog !== b.hasCatalog || a.hasRegister !== b.hasRegister) return false;
  if (a.resources.length !== b.resources.length || a.assets.length !== b.assets.length) return false;
  return (
    a.resources.every((entry, i) => sameEntry(entry, b.resources[i])) &&
    a.assets.every((entry, i) => sameEntry(entry, b.assets[i]))
  );
}

/** A change that only renamed entries (or changed nothing cross-file rules read): gone and added pair up. */
function sameChange(change: SummaryChange): boolean {
  return (
    change.gone.length === change.added.length && change.gone.every((entry, i) => sameEntry(entry, change.added[i]))
  );
}

/** Two index entries equal in everything but their names. */
function sameEntry(a: IndexedItem, b: IndexedItem): boolean {
  return a === b || sameValue({ ...a, name: '' }, { ...b, name: '' });
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keep = (object: object) =>
    Object.keys(object).filter((k) => (object as Record<string, unknown>)[k] !== undefined);
  const keysA = keep(a);
  if (keysA.length !== keep(b).length) return false;
  return keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

export class WorkspaceIndex {
  private readonly files = new Map<string, FileSummary>();
  private byId: Map<string, IndexedItem[]> | undefined;
  private referenced: Map<string, IndexedAsset[]> | undefined;
  /**
   * Changes whenever a file's summary changes in anything cross-file rules read (ids, references, grades,
   * places, kinds; not names). Cross-file findings computed at one version stay right while it lasts.
   */
  version = 0;

  update(summary: FileSummary, change?: SummaryChange): void {
    const old = this.files.get(summary.uri);
    this.files.set(summary.uri, summary);
    // The lookups are patched with the entries that changed, not rebuilt: an edit costs its file's entries.
    if (old && change) this.apply(change.gone, change.added);
    else this.patch(old, summary);
    if (!old || (change ? !sameChange(change) : !sameForRules(old, summary))) this.version++;
  }

  remove(uri: string): void {
    const old = this.files.get(uri);
    if (!old) return;
    this.files.delete(uri);
    this.patch(old, undefined);
    this.version++;
  }

  get(uri: string): FileSummary | undefined {
    return this.files.get(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  get hasCatalog(): boolean {
    for (const file of this.files.values()) if (file.hasCatalog) return true;
    return false;
  }

  get hasRegister(): boolean {
    for (const file of this.files.values()) if (file.hasRegister) return true;
    return false;
  }

  /** Every definition of an id, in file order (files sorted by uri, then position). */
  definitions(id: string): IndexedItem[] {
    return this.ids().get(id) ?? [];
  }

  resource(id: string): IndexedResource | undefined {
    return this.definitions(id).find((item): item is IndexedResource => item.kind === 'resource');
  }

  allResources(): IndexedResource[] {
    return [...this.files.values()].flatMap((f) => f.resources);
  }

  /** Assets whose `resource:` names `id`, in file order. */
  assetsReferencing(id: string): IndexedAsset[] {
    if (!this.referenced) {
      this.referenced = new Map();
      for (const file of this.sortedFiles())
        for (const asset of file.assets) if (asset.resource) addTo(this.referenced, asset.resource.id, asset);
    }
    return this.referenced.get(id) ?? [];
  }

  private ids(): Map<string, IndexedItem[]> {
    if (!this.byId) {
      this.byId = new Map();
      for (const file of this.sortedFiles()) {
        for (const item of [...file.resources, ...file.assets].sort(byPosition)) addTo(this.byId, item.id, item);
      }
    }
    return this.byId;
  }

  private patch(old: FileSummary | undefined, now: FileSummary | undefined): void {
    if (!this.byId && !this.referenced) return;
    const before: IndexedItem[] = old ? [...old.resources, ...old.assets] : [];
    const after: IndexedItem[] = now ? [...now.resources, ...now.assets] : [];
    const kept = new Set(after);
    const had = new Set(before);
    this.apply(
      before.filter((item) => !kept.has(item)),
      after.filter((item) => !had.has(item)),
    );
  }

  private apply(gone: IndexedItem[], added: IndexedItem[]): void {
    if (!this.byId && !this.referenced) return;
    for (const item of gone) {
      if (this.byId) removeFrom(this.byId, item.id, item);
      if (this.referenced && item.kind === 'asset' && (item as IndexedAsset).resource)
        removeFrom(this.referenced, (item as IndexedAsset).resource!.id, item as IndexedAsset);
    }
    for (const item of added) {
      if (this.byId) insertInto(this.byId, item.id, item);
      if (this.referenced && item.kind === 'asset' && (item as IndexedAsset).resource)
        insertInto(this.referenced, (item as IndexedAsset).resource!.id, item as IndexedAsset);
    }
  }

  private sortedFiles(): FileSummary[] {
    return [...this.files.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }
}

function addTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

function removeFrom<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (!list) return;
  const at = list.indexOf(item);
  if (at < 0) return;
  if (list.length === 1) map.delete(key);
  else list.splice(at, 1);
}

/** Adds an item to its list in file order (uri, then position). */
function insertInto<T extends IndexedItem>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (!list) {
    map.set(key, [item]);
    return;
  }
  let at = list.length;
  while (at > 0 && inFileOrder(item, list[at - 1]) < 0) at--;
  list.splice(at, 0, item);
}

function inFileOrder(a: IndexedItem, b: IndexedItem): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return byPosition(a, b);
}

function byPosition(a: IndexedItem, b: IndexedItem): number {
  return a.idRange.start.line - b.idRange.start.line || a.idRange.start.character - b.idRange.start.character;
}
