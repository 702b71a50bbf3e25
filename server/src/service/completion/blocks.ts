/**
 * Whole blocks as snippets: an asset's authorization, revenue line or disposal, a new item of a list of
 * mappings, and a whole document's skeleton where a document has no `apiVersion` yet.
 */
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { Locale, LocalizedText } from '../types';
import type { DocumentKind } from '../parser/model';
import { PLACEHOLDER } from '../edit/yaml-edit';
import type { JsonSchema, ResolvedSchema } from '../schema/navigate';
import { docOf, englishName, itemSchema, propertySchema, rootSchema, schemaAt } from '../schema/navigate';
import { candidateKinds } from '../hover';
import type { EntryCursor } from './cursor';
import { markdown, pad, snippetItem } from './items';
import type { Builder } from './items';
import { MESSAGES, say } from './messages';
import { asItem, BLOCK_KEYS, joinLines, objectLines, SnippetWriter } from './snippets';

interface BlockSpec {
  /** The `$defs` name of the items (or object) the block writes. */
  def: string;
  /** The asset key that holds it. */
  key: string;
  list: boolean;
  label: LocalizedText;
  doc: LocalizedText;
}

const BLOCKS: BlockSpec[] = [
  {
    def: 'Authorization',
    key: 'authorizations',
    list: true,
    label: MESSAGES.authorization,
    doc: MESSAGES.authorizationDoc,
  },
  { def: 'RevenueLine', key: 'revenue', list: true, label: MESSAGES.revenue, doc: MESSAGES.revenueDoc },
  { def: 'Disposal', key: 'disposal', list: false, label: MESSAGES.disposal, doc: MESSAGES.disposalDoc },
];

/** Whole blocks at the asset level: `authorizations:` with one item, `revenue:` with one line, `disposal:`. */
export function assetBlockItems(
  builder: Builder,
  root: JsonSchema,
  asset: ResolvedSchema,
  present: ReadonlyMap<string, string>,
  cursor: EntryCursor,
): void {
  const { locale } = builder.context;
  BLOCKS.forEach((block, order) => {
    if (present.has(block.key)) return;
    const property = propertySchema(root, asset.schema, block.key);
    if (!property) return;
    const target = block.list ? itemSchema(root, property.schema, 0) : property;
    if (!target) return;
    const writer = new SnippetWriter();
    const inner = objectLines(target, { root, writer, nested: true }, 1, BLOCK_KEYS[block.def]);
    const lines = [`${block.key}:`, ...(block.list ? asItem(inner) : inner).map((line) => `  ${line}`)];
    snippetItem(builder, cursor.word, {
      label: say(locale, block.label),
      kind: CompletionItemKind.Snippet,
      detail: block.key,
      documentation: markdown(say(locale, block.doc)),
      filterText: `${block.key} ${say(locale, block.label)}`,
      sortText: `b-${pad(order)}`,
      newText: joinLines(lines, cursor.column - cursor.lineIndent),
    });
  });
}

function itemLabel(item: ResolvedSchema, locale: Locale): { label: string; doc: string } {
  const block = BLOCKS.find((b) => b.def === item.def && b.list);
  if (block) return { label: say(locale, block.label), doc: say(locale, block.doc) };
  const doc = docOf(item.schema);
  const title = locale === 'en' ? englishName(item.def ?? 'item', doc) : (doc.title ?? item.def ?? '');
  return { label: say(locale, MESSAGES.item, { title }), doc: say(locale, MESSAGES.itemDoc) };
}

/** A whole new item of a list of mappings: with its `- ` when the cursor is at the list's column, else after it. */
export function listItemSnippet(
  builder: Builder,
  root: JsonSchema,
  item: ResolvedSchema,
  cursor: EntryCursor,
  withDash: boolean,
): void {
  const writer = new SnippetWriter();
  const inner = objectLines(item, { root, writer, nested: true }, 0, BLOCK_KEYS[item.def ?? '']);
  if (inner.length === 0) return;
  const { label, doc } = itemLabel(item, builder.context.locale);
  snippetItem(builder, cursor.word, {
    label,
    kind: CompletionItemKind.Snippet,
    documentation: markdown(doc),
    filterText: `${item.def ?? ''} ${label}`,
    sortText: '0-000',
    newText: joinLines(withDash ? asItem(inner) : inner, cursor.column - cursor.lineIndent),
  });
}

/** Whole documents, offered where a document has no `apiVersion` yet. */
export function skeletonItems(builder: Builder, cursor: EntryCursor): void {
  const { locale } = builder.context;
  const order = candidateKinds(undefined, builder.context.file.uri);
  const kinds: DocumentKind[] =
    order.length === 1
      ? [order[0], order[0] === 'DataResourceCatalog' ? 'DataAssetRegister' : 'DataResourceCatalog']
      : order;
  kinds.forEach((kind, i) => {
    const root = rootSchema(kind);
    const resolved = schemaAt(root, []);
    if (!resolved) return;
    const lines = objectLines(resolved, { root, writer: new SnippetWriter(), nested: true }, 0);
    const label = say(locale, kind === 'DataResourceCatalog' ? MESSAGES.catalogSkeleton : MESSAGES.registerSkeleton);
    snippetItem(builder, cursor.word, {
      label,
      kind: CompletionItemKind.Snippet,
      detail: kind,
      documentation: markdown(say(locale, MESSAGES.skeletonDoc, { kind: label, placeholder: PLACEHOLDER })),
      filterText: `${kind} apiVersion ${label}`,
      sortText: `0-${i}`,
      newText: joinLines(lines, cursor.column - cursor.lineIndent),
    });
  });
}
