/**
 * Values at the cursor: the values a schema lists (enum, const, booleans), classification codes from the code
 * table, and catalog resource ids from the workspace.
 */
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { Span } from '../types';
import type { DocumentKind } from '../parser/model';
import { documentAt } from '../position';
import type { CodeEntry } from '../codes/table';
import { DATA_CODE, DATA_LEAF_CODES, isDataCode } from '../codes/table';
import type { PathSegment, ResolvedSchema } from '../schema/navigate';
import { enumValues, typesOf } from '../schema/navigate';
import {
  candidateKinds,
  codePath,
  enumLabel,
  isClassificationCode,
  isResourceReference,
  resourceMarkdown,
} from '../hover';
import { relatedAround } from './containers';
import type { ValueCursor } from './cursor';
import { markdown, objectAt, pad, plainItem } from './items';
import type { Builder, CompletionContext } from './items';
import { MESSAGES, say } from './messages';

/** Values a schema lists (enum, const, boolean) as items replacing `span`. */
export function enumItems(
  builder: Builder,
  resolved: ResolvedSchema,
  span: Span,
  needsSpace: boolean,
  exclude: readonly string[],
  prefix = '',
): void {
  const { locale } = builder.context;
  const values =
    enumValues(resolved.schema) ?? (typesOf(resolved.schema).includes('boolean') ? [true, false] : undefined);
  if (!values) return;
  values.forEach((value, order) => {
    const text = String(value);
    if (exclude.includes(text)) return;
    const label =
      typeof value === 'boolean'
        ? { en: say('en', value ? MESSAGES.yes : MESSAGES.no), zh: say('zh-CN', value ? MESSAGES.yes : MESSAGES.no) }
        : enumLabel(text);
    plainItem(builder, span, {
      label: text,
      kind: typeof value === 'boolean' ? CompletionItemKind.Value : CompletionItemKind.EnumMember,
      detail: label?.en,
      documentation: label ? markdown(locale === 'en' && typeof value === 'boolean' ? label.en : label.zh) : undefined,
      filterText: label ? `${text} ${label.en}` : text,
      sortText: pad(order),
      newText: `${needsSpace ? ' ' : ''}${prefix}${text}`,
    });
  });
}

const CODE_LIMIT = 50;

/** Classification codes: the data classes when nothing is typed, else the table's search, data classes first. */
function codeItems(builder: Builder, cursor: ValueCursor): void {
  const { codeTable, locale } = builder.context;
  const query = cursor.partial.trim();
  let entries: CodeEntry[];
  if (query === '') {
    const children = codeTable.children(DATA_CODE);
    entries =
      children.length > 0
        ? children
        : DATA_LEAF_CODES.map(
            (code) => codeTable.get(code) ?? { code, name: code, parent: DATA_CODE, level: 4 as const },
          );
  } else {
    entries = codeTable.search(query, CODE_LIMIT);
  }
  entries.forEach((entry, rank) => {
    const data = isDataCode(entry.code) && entry.code !== DATA_CODE;
    const documentation = [codePath(codeTable, entry.code)];
    if (data) documentation.push(say(locale, MESSAGES.dataCode));
    plainItem(builder, cursor.range, {
      label: entry.code,
      kind: CompletionItemKind.EnumMember,
      detail: entry.name,
      documentation: markdown(documentation.join('\n\n')),
      filterText: `${entry.code} ${entry.code.slice(1)} ${entry.name}${entry.nameEn ? ` ${entry.nameEn}` : ''}`,
      sortText: `${data ? 0 : 1}-${pad(rank)}`,
      newText: `${cursor.needsSpace ? ' ' : ''}${entry.code}`,
    });
  });
}

/** Catalog resource ids from the workspace; a resource's own id and ids already listed are left out. */
function resourceItems(builder: Builder, cursor: ValueCursor, exclude: ReadonlySet<string>): void {
  const { index, locale, file } = builder.context;
  const seen = new Set<string>();
  for (const resource of index.allResources()) {
    if (seen.has(resource.id) || exclude.has(resource.id)) continue;
    seen.add(resource.id);
    plainItem(builder, cursor.range, {
      label: resource.id,
      kind: CompletionItemKind.Reference,
      detail: resource.name,
      documentation: markdown(resourceMarkdown(index, resource.id, locale, file)),
      filterText: `${resource.id} ${resource.name}`,
      sortText: resource.id,
      newText: `${cursor.needsSpace ? ' ' : ''}${resource.id}`,
    });
  }
}

export function completeValue(builder: Builder, cursor: ValueCursor): void {
  const { context } = builder;
  const kind = builder.kinds.length === 1 ? builder.kinds[0] : undefined;
  const { path } = cursor;
  if (path.length === 1 && path[0] === 'kind') {
    const kinds = candidateKinds(undefined, context.file.uri);
    const all: DocumentKind[] = [
      ...kinds,
      ...(['DataResourceCatalog', 'DataAssetRegister'] as const).filter((k) => !kinds.includes(k)),
    ];
    enumItems(builder, { schema: { enum: all } }, cursor.range, cursor.needsSpace, []);
    return;
  }
  if (isClassificationCode(kind, path)) {
    codeItems(builder, cursor);
    return;
  }
  if (isResourceReference(kind, path)) {
    const exclude = new Set(cursor.siblings);
    if (kind === 'DataResourceCatalog') {
      for (const id of relatedAround(builder.lines, builder.lines.lineOf(context.offset))) exclude.add(id);
      const own = ownResourceId(context, path);
      if (own) exclude.add(own);
    }
    resourceItems(builder, cursor, exclude);
    return;
  }
  const found = objectAt(builder.kinds, path);
  if (!found) return;
  const parent = objectAt(builder.kinds, path.slice(0, -1));
  const unique = parent?.resolved.schema.uniqueItems === true;
  enumItems(builder, found.resolved, cursor.range, cursor.needsSpace, unique ? cursor.siblings : []);
}

/** The id of the resource whose `relatedResources` the cursor is in, from the tree. */
function ownResourceId(context: CompletionContext, path: readonly PathSegment[]): string | undefined {
  const document = documentAt(context.file, context.offset);
  const root = document?.root;
  if (!root || root.type !== 'map') return undefined;
  const list = root.entries.find((e) => e.key === 'resources')?.value;
  const item = list && list.type === 'seq' && typeof path[1] === 'number' ? list.items[path[1]] : undefined;
  const id = item && item.type === 'map' ? item.entries.find((e) => e.key === 'id')?.value : undefined;
  return id && id.type === 'scalar' && typeof id.value === 'string' ? id.value.trim() : undefined;
}
