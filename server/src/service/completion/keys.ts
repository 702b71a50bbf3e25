/** Keys of the mapping at the cursor that are not written yet, in a block mapping or a flow mapping. */
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { JsonSchema, ResolvedSchema } from '../schema/navigate';
import { docOf, englishName, isArraySchema, isObjectSchema, propertiesOf, requiredOf } from '../schema/navigate';
import { descriptionMarkdown } from '../hover';
import type { EntryCursor, FlowKeyCursor } from './cursor';
import { markdown, objectAt, pad, snippetItem } from './items';
import type { Builder } from './items';
import { entryLines, flowKeySnippet, joinLines, SnippetWriter } from './snippets';

function keyDetail(name: string, resolved: ResolvedSchema): string {
  const doc = docOf(resolved.schema);
  return doc.title ? `${doc.title} · ${englishName(name, doc)}` : englishName(name, doc);
}

/** Keys of the mapping at `path` that are not written yet; required ones first. */
export function keyItems(
  builder: Builder,
  root: JsonSchema,
  object: ResolvedSchema,
  present: ReadonlyMap<string, string>,
  cursor: EntryCursor | FlowKeyCursor,
): void {
  const { locale } = builder.context;
  const required = requiredOf(root, object.schema, present);
  const span = cursor.type === 'entry' ? cursor.word : cursor.range;
  for (const property of propertiesOf(root, object.schema)) {
    if (present.has(property.name)) continue;
    const doc = docOf(property.resolved.schema);
    const isRequired = required.has(property.name);
    let newText: string;
    if (cursor.type === 'entry' && cursor.colonAfter) newText = property.name;
    else if (cursor.type === 'flowKey') newText = flowKeySnippet(property.name, property.resolved, root);
    else {
      const lines = entryLines(
        property.name,
        property.resolved,
        { root, writer: new SnippetWriter(), nested: false },
        0,
      );
      newText = joinLines(lines, cursor.column - cursor.lineIndent);
    }
    snippetItem(builder, span, {
      label: property.name,
      kind:
        isObjectSchema(property.resolved.schema) || isArraySchema(property.resolved.schema)
          ? CompletionItemKind.Module
          : CompletionItemKind.Property,
      detail: keyDetail(property.name, property.resolved),
      documentation: markdown(descriptionMarkdown(doc, locale)),
      filterText: doc.title ? `${property.name} ${doc.title}` : property.name,
      sortText: `${isRequired ? 'a' : 'c'}-${pad(property.order)}`,
      newText,
    });
  }
}

export function completeFlowKey(builder: Builder, cursor: FlowKeyCursor): void {
  const found = objectAt(builder.kinds, cursor.path);
  if (!found || !isObjectSchema(found.resolved.schema)) return;
  keyItems(builder, found.root, found.resolved, cursor.present, cursor);
}
