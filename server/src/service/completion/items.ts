/**
 * The request (CompletionContext), the list being built, and how an item is written into it: plain text or a
 * snippet, replacing a span of the file.
 */
import { InsertTextFormat, InsertTextMode, MarkupKind } from 'vscode-languageserver-types';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-types';
import type { Locale, Span } from '../types';
import type { DocumentKind, StewardDocument } from '../parser/model';
import type { WorkspaceIndex } from '../workspace';
import type { CodeTable } from '../codes/table';
import type { RuleInfo } from '../catalog';
import type { JsonSchema, PathSegment, ResolvedSchema } from '../schema/navigate';
import { rootSchema, schemaAt } from '../schema/navigate';
import type { DocumentLines } from './document-lines';

export interface CompletionContext {
  file: StewardDocument;
  offset: number;
  index: WorkspaceIndex;
  codeTable: CodeTable;
  locale: Locale;
  rules: RuleInfo[];
}

/** One request's state: what it asked, the file's lines, the document kinds at the cursor, the items so far. */
export interface Builder {
  context: CompletionContext;
  lines: DocumentLines;
  kinds: DocumentKind[];
  items: CompletionItem[];
}

type ItemFields = Omit<CompletionItem, 'textEdit'> & { newText: string };

export function snippetItem(builder: Builder, span: Span, fields: ItemFields): void {
  const { newText, ...item } = fields;
  builder.items.push({
    ...item,
    insertText: newText,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.adjustIndentation,
    textEdit: { range: builder.context.file.lines.rangeOf(span), newText },
  });
}

export function plainItem(builder: Builder, span: Span, fields: ItemFields): void {
  const { newText, ...item } = fields;
  builder.items.push({
    ...item,
    insertText: newText,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range: builder.context.file.lines.rangeOf(span), newText },
  });
}

export function markdown(value: string): MarkupContent {
  return { kind: MarkupKind.Markdown, value };
}

/** A sort key that orders numbers as text does. */
export function pad(n: number): string {
  return String(n).padStart(3, '0');
}

/** The root schema for a kind and the object schema at `path` in the first kind that has one. */
export function objectAt(
  kinds: DocumentKind[],
  path: readonly PathSegment[],
): { root: JsonSchema; resolved: ResolvedSchema } | undefined {
  for (const kind of kinds) {
    const root = rootSchema(kind);
    const resolved = schemaAt(root, path);
    if (resolved) return { root, resolved };
  }
  return undefined;
}
