/**
 * An entry at the cursor in a block collection: a top-level key (or a whole document), a key of a mapping with
 * the asset's whole blocks, a new item of a list, or a list item's scalar value.
 */
import type { JsonSchema, ResolvedSchema } from '../schema/navigate';
import { isArraySchema, isObjectSchema, itemSchema, rootSchema, schemaAt } from '../schema/navigate';
import { assetBlockItems, listItemSnippet, skeletonItems } from './blocks';
import { entriesAround } from './containers';
import type { EntryCursor, ValueCursor } from './cursor';
import { objectAt } from './items';
import type { Builder } from './items';
import { keyItems } from './keys';
import { completeValue, enumItems } from './values';

export function completeEntry(builder: Builder, cursor: EntryCursor): void {
  const keyLike = cursor.partial === '' || /^[^\s:#'"{}[\],&*!|>%@`]+$/.test(cursor.partial);
  if (cursor.path.length === 0) {
    if (keyLike && cursor.column === 0) completeTopLevel(builder, cursor);
    return;
  }
  const found = objectAt(builder.kinds, cursor.path);
  if (!found) return;
  const { root, resolved } = found;
  if (isObjectSchema(resolved.schema)) {
    if (keyLike) completeMappingKey(builder, cursor, root, resolved);
    return;
  }
  if (isArraySchema(resolved.schema)) {
    // At the list's column without a `- `: a whole new item.
    if (cursor.afterDash || !keyLike) return;
    const item = itemSchema(root, resolved.schema, 0);
    if (!item) return;
    if (isObjectSchema(item.schema)) listItemSnippet(builder, root, item, cursor, true);
    else enumItems(builder, item, cursor.word, false, [], '- ');
    return;
  }
  // A list item's scalar value (`- 数据加|`).
  const { file, offset } = builder.context;
  const valueCursor: ValueCursor = {
    type: 'value',
    path: cursor.path,
    range: cursor.value,
    partial: file.text.slice(cursor.value.start, Math.min(offset, cursor.value.end)),
    needsSpace: false,
    siblings: [],
  };
  completeValue(builder, valueCursor);
}

/** At column 0: a whole document where there is no `apiVersion` yet, and the top-level keys not written. */
function completeTopLevel(builder: Builder, cursor: EntryCursor): void {
  const present = entriesAround(builder.lines, cursor.line, 0, false);
  if (!present.has('apiVersion')) skeletonItems(builder, cursor);
  // With the kind unknown, both kinds' top-level keys, each once.
  const offered = new Set<string>();
  for (const kind of builder.kinds) {
    const root = rootSchema(kind);
    const resolved = schemaAt(root, []);
    if (!resolved) continue;
    const own: Builder = { ...builder, items: [] };
    keyItems(own, root, resolved, present, cursor);
    for (const item of own.items) {
      if (offered.has(item.label)) continue;
      offered.add(item.label);
      builder.items.push(item);
    }
  }
  const kindItem = builder.items.find((item) => item.label === 'kind');
  if (builder.kinds.length > 1 && kindItem?.textEdit && !cursor.colonAfter) {
    const newText = `kind: \${1|${builder.kinds.join(',')}|}`;
    kindItem.insertText = newText;
    kindItem.textEdit = { ...kindItem.textEdit, newText };
  }
}

/** A key of a mapping, and at an asset's level the whole blocks; right after `- `, a whole new item. */
function completeMappingKey(builder: Builder, cursor: EntryCursor, root: JsonSchema, resolved: ResolvedSchema): void {
  const present = entriesAround(builder.lines, cursor.line, cursor.column, cursor.afterDash);
  keyItems(builder, root, resolved, present, cursor);
  if (resolved.def === 'Asset' && !cursor.colonAfter) assetBlockItems(builder, root, resolved, present, cursor);
  const last = cursor.path[cursor.path.length - 1];
  if (cursor.afterDash && typeof last === 'number' && present.size === 0 && !cursor.colonAfter) {
    listItemSnippet(builder, root, resolved, cursor, false);
  }
}
