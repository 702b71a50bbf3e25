/**
 * Go to definition, find references and rename for resource and asset ids, across the workspace. An asset's
 * `resource:` and a resource's `relatedResources` entries refer to catalog resources; nothing refers to assets yet.
 * Ranges exclude the quotes of a quoted id, so that a rename keeps the user's quoting.
 */
import { Location } from 'vscode-languageserver-types';
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { LocalizedText } from './types';
import type { ScalarNode } from './parser/ast';
import type { StewardDocument } from './parser/model';
import { ITEM_LIST_KEY } from './parser/model';
import { nodeAt } from './position';
import { fillText } from './i18n/template';
import type { IndexedItem, WorkspaceIndex } from './workspace';
import { appendAll } from './append';

const ID_PATTERN = { resource: /^R-[A-Z0-9-]+$/, asset: /^DA-[A-Z0-9-]+$/ } as const;

const MESSAGES = {
  notRenamable: {
    'zh-CN': '只能重命名数据资源编号（R-…）或数据资产编号（DA-…）：请把光标放在编号或对资源的引用上',
    en: 'Only a resource id (R-…) or an asset id (DA-…) can be renamed: put the cursor on an id or on a reference to a resource',
  },
  badResourceId: {
    'zh-CN': '“{name}”不是有效的数据资源编号：应以 R- 开头，后接大写字母、数字和连字符',
    en: '"{name}" is not a valid resource id: R- followed by upper-case letters, digits and hyphens',
  },
  badAssetId: {
    'zh-CN': '“{name}”不是有效的数据资产编号：应以 DA- 开头，后接大写字母、数字和连字符',
    en: '"{name}" is not a valid asset id: DA- followed by upper-case letters, digits and hyphens',
  },
  taken: {
    'zh-CN': '编号“{name}”已在工作区中使用（{where}），编号必须唯一',
    en: 'The id "{name}" is already used in the workspace ({where}); ids must be unique',
  },
  unchanged: {
    'zh-CN': '新编号与原编号相同',
    en: 'The new id is the same as the current one',
  },
} satisfies Record<string, LocalizedText>;

/** What the cursor is on: a definition of an id, or a reference to a resource. */
interface Target {
  kind: 'resource' | 'asset';
  role: 'definition' | 'reference';
  id: string;
  node: ScalarNode;
}

function idOf(node: ScalarNode): string {
  if (node.value === null) return '';
  return typeof node.value === 'string' ? node.value.trim() : node.source;
}

/** The id or resource reference under `offset`, if any. */
function targetAt(file: StewardDocument, offset: number): Target | undefined {
  const at = nodeAt(file, offset);
  if (!at || at.onKey || !at.node || at.node.type !== 'scalar' || !at.document.kind) return undefined;
  const node = at.node;
  const id = idOf(node);
  if (id === '') return undefined;
  const { path } = at;
  const listKey = ITEM_LIST_KEY[at.document.kind];
  if (path.length < 3 || path[0] !== listKey || typeof path[1] !== 'number') return undefined;
  const kind = listKey === 'resources' ? 'resource' : 'asset';
  if (path.length === 3 && path[2] === 'id') return { kind, role: 'definition', id, node };
  if (kind === 'asset' && path.length === 3 && path[2] === 'resource')
    return { kind: 'resource', role: 'reference', id, node };
  if (kind === 'resource' && path.length === 4 && path[2] === 'relatedResources' && typeof path[3] === 'number') {
    return { kind: 'resource', role: 'reference', id, node };
  }
  return undefined;
}

/**
 * The range of the id's text inside a value's range. The index keeps ranges of whole scalars (quotes included);
 * a quoted id is exactly two characters wider than the id, so its inner range drops one on each side.
 */
function innerRange(range: Range, id: string): Range {
  if (range.start.line !== range.end.line) return range;
  const width = range.end.character - range.start.character;
  if (width < id.length + 2) return range;
  return {
    start: { line: range.start.line, character: range.start.character + 1 },
    end: { line: range.end.line, character: range.end.character - 1 },
  };
}

/** The id's text inside a node of the current file, read from its quoting style. */
function nodeIdRange(file: StewardDocument, node: ScalarNode): Range {
  const quoted = node.style === 'single' || node.style === 'double';
  const span =
    quoted && node.span.end - node.span.start >= 2 ? { start: node.span.start + 1, end: node.span.end - 1 } : node.span;
  return file.lines.rangeOf(span);
}

/** A place the index knows, as an id range: exact for the current file (its nodes), by width for other files. */
function placeOf(file: StewardDocument, uri: string, range: Range, id: string): Location {
  if (uri === file.uri) {
    const at = nodeAt(file, file.lines.offsetAt(range.start));
    const node = at?.node;
    if (node && node.type === 'scalar' && file.lines.offsetAt(range.start) === node.span.start && idOf(node) === id) {
      return Location.create(uri, nodeIdRange(file, node));
    }
  }
  return Location.create(uri, innerRange(range, id));
}

function resourceDefinitions(index: WorkspaceIndex, id: string): IndexedItem[] {
  return index.definitions(id).filter((item) => item.kind === 'resource');
}

function assetDefinitions(index: WorkspaceIndex, id: string): IndexedItem[] {
  return index.definitions(id).filter((item) => item.kind === 'asset');
}

/** Every asset `resource:` value and `relatedResources` entry naming the resource `id`. */
function resourceReferences(file: StewardDocument, index: WorkspaceIndex, id: string): Location[] {
  const out: Location[] = [];
  for (const asset of index.assetsReferencing(id)) {
    if (asset.resource) out.push(placeOf(file, asset.uri, asset.resource.range, id));
  }
  for (const resource of index.allResources()) {
    for (const related of resource.related)
      if (related.id === id) out.push(placeOf(file, resource.uri, related.range, id));
  }
  return out;
}

/** On a resource reference: where the resource is defined. On an id: the id itself. */
export function definition(file: StewardDocument, offset: number, index: WorkspaceIndex): Location[] {
  const target = targetAt(file, offset);
  if (!target) return [];
  if (target.role === 'definition') return [Location.create(file.uri, nodeIdRange(file, target.node))];
  return sortLocations(
    resourceDefinitions(index, target.id).map((item) => placeOf(file, item.uri, item.idRange, item.id)),
  );
}

/**
 * On a resource id or a reference to it: its definition (when asked) and every reference, across files.
 * On an asset id: its definition(s) when asked; nothing refers to assets yet.
 */
export function references(
  file: StewardDocument,
  offset: number,
  index: WorkspaceIndex,
  includeDeclaration: boolean,
): Location[] {
  const target = targetAt(file, offset);
  if (!target) return [];
  const out: Location[] = [];
  if (includeDeclaration) {
    const definitions =
      target.kind === 'resource' ? resourceDefinitions(index, target.id) : assetDefinitions(index, target.id);
    for (const item of definitions) out.push(placeOf(file, item.uri, item.idRange, item.id));
  }
  if (target.kind === 'resource') appendAll(out, resourceReferences(file, index, target.id));
  return sortLocations(out);
}

/** The range of the id under the cursor when it can be renamed, or null. (`index`: the same signature as `rename`.) */
export function prepareRename(file: StewardDocument, offset: number, index: WorkspaceIndex): Range | null {
  void index;
  const target = targetAt(file, offset);
  return target ? nodeIdRange(file, target.node) : null;
}

/**
 * Renames the id under the cursor across the workspace: a resource's definitions and every reference to it; an
 * asset's definition. A definition whose id is defined more than once is renamed alone (that is how a steward
 * resolves a duplicate), and references keep naming the definitions that remain.
 */
export function rename(
  file: StewardDocument,
  offset: number,
  newName: string,
  index: WorkspaceIndex,
): WorkspaceEdit | { error: LocalizedText } {
  const target = targetAt(file, offset);
  if (!target) return { error: MESSAGES.notRenamable };
  const problem = checkNewName(target, newName, index);
  if (problem) return { error: problem };
  const definitions =
    target.kind === 'resource' ? resourceDefinitions(index, target.id) : assetDefinitions(index, target.id);
  let places: Location[];
  if (target.role === 'definition' && definitions.length > 1) {
    places = [Location.create(file.uri, nodeIdRange(file, target.node))];
  } else {
    places = definitions.map((item) => placeOf(file, item.uri, item.idRange, item.id));
    if (target.kind === 'resource') appendAll(places, resourceReferences(file, index, target.id));
    // The place under the cursor, even when the index does not have it (e.g. a reference to a missing resource).
    places.push(Location.create(file.uri, nodeIdRange(file, target.node)));
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const place of sortLocations(places)) {
    const edits = (changes[place.uri] ??= []);
    const last = edits[edits.length - 1];
    if (last && sameRange(last.range, place.range)) continue;
    edits.push({ range: place.range, newText: newName });
  }
  return { changes };
}

function checkNewName(target: Target, newName: string, index: WorkspaceIndex): LocalizedText | undefined {
  if (newName === target.id) return MESSAGES.unchanged;
  if (!ID_PATTERN[target.kind].test(newName))
    return fill(target.kind === 'resource' ? MESSAGES.badResourceId : MESSAGES.badAssetId, newName, '');
  const defined = index.definitions(newName)[0];
  if (defined) return fill(MESSAGES.taken, newName, `${defined.uri}:${defined.idRange.start.line + 1}`);
  // A dangling reference already names it: the rename would silently attach those assets to this resource.
  const referencing = index.assetsReferencing(newName)[0];
  if (referencing?.resource)
    return fill(MESSAGES.taken, newName, `${referencing.uri}:${referencing.resource.range.start.line + 1}`);
  const relating = index.allResources().find((resource) => resource.related.some((related) => related.id === newName));
  const related = relating?.related.find((r) => r.id === newName);
  if (relating && related) return fill(MESSAGES.taken, newName, `${relating.uri}:${related.range.start.line + 1}`);
  return undefined;
}

function fill(text: LocalizedText, name: string, where: string): LocalizedText {
  return fillText(text, { name, where });
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** By uri, then position; duplicates removed. */
function sortLocations(locations: Location[]): Location[] {
  const sorted = [...locations].sort(
    (a, b) =>
      (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character,
  );
  return sorted.filter(
    (location, i) => i === 0 || location.uri !== sorted[i - 1].uri || !sameRange(location.range, sorted[i - 1].range),
  );
}
