/**
 * The workspace index: for every file, the resources and assets it defines (id, place, grade, reference), kept
 * per file so that a changed file updates its own entry only. Cross-file rules read it.
 */
import type { Range } from './types';
import type { MapNode, ScalarNode } from './parser/ast';
import type { StewardDocument } from './parser/model';
import { rootMap } from './parser/model';
import { scalarAt, seqAt, textAt } from './rules/helpers';

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
  /** relatedResources: ids with their ranges. */
  related: Array<{ id: string; range: Range }>;
}

export interface IndexedAsset extends IndexedItem {
  kind: 'asset';
  /** The catalog resource it names, with the range of that value. */
  resource?: { id: string; range: Range; quoted: boolean };
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
const summaries = new WeakMap<object, { line: number; path: string; uri: string; item: IndexedResource | IndexedAsset }>();

function moveRange(range: Range, lines: number): Range {
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}

function moveItem<T extends IndexedResource | IndexedAsset>(item: T, lines: number, path: string): T {
  const moved = { ...item, path, idRange: moveRange(item.idRange, lines), anchor: moveRange(item.anchor, lines) };
  if (item.gradeRange) moved.gradeRange = moveRange(item.gradeRange, lines);
  if (item.kind === 'resource') (moved as IndexedResource).related = (item as IndexedResource).related.map((r) => ({ id: r.id, range: moveRange(r.range, lines) }));
  else if ((item as IndexedAsset).resource) (moved as IndexedAsset).resource = { ...(item as IndexedAsset).resource!, range: moveRange((item as IndexedAsset).resource!.range, lines) };
  return moved;
}

/** Reads a file's summary from its parsed documents. */
export function summarize(file: StewardDocument): FileSummary {
  const summary: FileSummary = { uri: file.uri, resources: [], assets: [], hasCatalog: false, hasRegister: false };
  const range = (span: { start: number; end: number }) => file.lines.rangeOf(span);
  for (const document of file.documents) {
    const root = rootMap(document);
    if (!root || !document.kind) continue;
    const isCatalog = document.kind === 'DataResourceCatalog';
    if (isCatalog) summary.hasCatalog = true;
    else summary.hasRegister = true;
    document.items.forEach((chunk, index) => {
      const item = chunk.node;
      if (!item || item.type !== 'map' || chunk.broken) return;
      const path = `/${isCatalog ? 'resources' : 'assets'}/${index}`;
      const line = file.lines.positionAt(chunk.span.start).line;
      const known = summaries.get(item);
      if (known && known.uri === file.uri) {
        const reused = known.line === line && known.path === path ? known.item : moveItem(known.item, line - known.line, path);
        if (reused !== known.item) summaries.set(item, { line, path, uri: file.uri, item: reused });
        if (reused.kind === 'resource') summary.resources.push(reused);
        else summary.assets.push(reused);
        return;
      }
      const idNode = scalarAt(item, 'id');
      const id = idText(idNode);
      if (!idNode || id === '') return;
      const gradeNode = scalarAt(item, 'securityGrade');
      const base = {
        id,
        uri: file.uri,
        idRange: range(idNode.span),
        anchor: range(item.entries[0].keySpan),
        name: textAt(item, 'name'),
        securityGrade: textAt(item, 'securityGrade'),
        gradeRange: gradeNode && gradeNode.value !== null ? range(gradeNode.span) : undefined,
        gradeQuote: gradeNode ? (gradeNode.style === 'single' ? "'" as const : gradeNode.style === 'double' ? '"' as const : '' as const) : undefined,
        path,
      };
      let entry: IndexedResource | IndexedAsset;
      if (isCatalog) {
        entry = { ...base, kind: 'resource', secrecy: textAt(item, 'secrecy'), related: relatedOf(item, range) };
        summary.resources.push(entry);
      } else {
        const ref = scalarAt(item, 'resource');
        const refId = idText(ref);
        entry = { ...base, kind: 'asset', resource: ref && refId ? { id: refId, range: range(ref.span), quoted: ref.style !== 'plain' } : undefined };
        summary.assets.push(entry);
      }
      // Only trees from the item-by-item parse can be reused by the next parse; others are not worth caching.
      if (chunk.text !== '') summaries.set(item, { line, path, uri: file.uri, item: entry });
    });
  }
  return summary;
}

function relatedOf(item: MapNode, range: (span: { start: number; end: number }) => Range): IndexedResource['related'] {
  const list = seqAt(item, 'relatedResources');
  if (!list) return [];
  const out: IndexedResource['related'] = [];
  for (const entry of list.items) {
    if (entry.type === 'scalar' && typeof entry.value === 'string' && entry.value.trim()) out.push({ id: entry.value.trim(), range: range(entry.span) });
  }
  return out;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, FileSummary>();
  private byId: Map<string, IndexedItem[]> | undefined;
  private referenced: Map<string, IndexedAsset[]> | undefined;

  update(summary: FileSummary): void {
    this.files.set(summary.uri, summary);
    this.invalidate();
  }

  remove(uri: string): void {
    if (this.files.delete(uri)) this.invalidate();
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

  /** Assets whose `resource:` names `id`. */
  assetsReferencing(id: string): IndexedAsset[] {
    if (!this.referenced) {
      this.referenced = new Map();
      for (const file of this.sortedFiles()) {
        for (const asset of file.assets) {
          if (!asset.resource) continue;
          const list = this.referenced.get(asset.resource.id);
          if (list) list.push(asset);
          else this.referenced.set(asset.resource.id, [asset]);
        }
      }
    }
    return this.referenced.get(id) ?? [];
  }

  private ids(): Map<string, IndexedItem[]> {
    if (!this.byId) {
      this.byId = new Map();
      for (const file of this.sortedFiles()) {
        for (const item of [...file.resources, ...file.assets].sort(byPosition)) {
          const list = this.byId.get(item.id);
          if (list) list.push(item);
          else this.byId.set(item.id, [item]);
        }
      }
    }
    return this.byId;
  }

  private sortedFiles(): FileSummary[] {
    return [...this.files.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  private invalidate(): void {
    this.byId = undefined;
    this.referenced = undefined;
  }
}

function byPosition(a: IndexedItem, b: IndexedItem): number {
  return a.idRange.start.line - b.idRange.start.line || a.idRange.start.character - b.idRange.start.character;
}
