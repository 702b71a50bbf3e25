/**
 * Snippet text built from the schema: the lines of `key: value` for a property (tab stops, choices of enum
 * values, nested required keys), whole objects and list items, escaping for the snippet syntax.
 */
import { PLACEHOLDER } from '../edit/yaml-edit';
import type { JsonSchema, ResolvedSchema } from '../schema/navigate';
import {
  enumValues,
  isArraySchema,
  isObjectSchema,
  itemSchema,
  propertiesOf,
  propertySchema,
  requiredOf,
  typesOf,
} from '../schema/navigate';

/** Keys a block snippet fills in beyond the required ones (what a steward nearly always writes). */
const RECOMMENDED: Record<string, string[]> = {
  SecurityAssessment: ['date'],
  Approval: ['authority'],
  Decision: ['date'],
  Registration: ['cardNumber'],
  Responsible: ['name', 'role'],
  Fee: ['basis'],
  Unit: ['supervisingDepartment'],
  Asset: ['registration'],
};

/** The fields of a whole authorization block (the notice's clause (4) checklist), in this order. */
export const BLOCK_KEYS: Record<string, string[]> = {
  Authorization: ['entity', 'rights', 'securityAssessment', 'approval', 'paid'],
};

const MAX_SNIPPET_DEPTH = 4;

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}

/** Numbers tab stops in order of appearance. */
export class SnippetWriter {
  private next = 1;

  tab(placeholder?: string): string {
    const n = this.next++;
    return placeholder === undefined ? `$${n}` : `\${${n}:${escapeSnippet(placeholder)}}`;
  }

  choice(values: readonly unknown[]): string {
    return `\${${this.next++}|${values.map((v) => escapeChoice(String(v))).join(',')}|}`;
  }
}

export interface SnippetOptions {
  root: JsonSchema;
  writer: SnippetWriter;
  /** First-level scalars get an empty tab stop; nested ones the placeholder the DA-TODO rule looks for. */
  nested: boolean;
}

/** The keys a block for `resolved` fills in: required, recommended, or a fixed list — in schema order. */
function blockKeys(root: JsonSchema, resolved: ResolvedSchema, fixed?: string[]): string[] {
  if (fixed) return fixed;
  const wanted = requiredOf(root, resolved.schema, new Map());
  for (const key of RECOMMENDED[resolved.def ?? ''] ?? []) wanted.add(key);
  return propertiesOf(root, resolved.schema)
    .map((p) => p.name)
    .filter((name) => wanted.has(name));
}

/** The lines of the object's keys, relative to the object's own column. */
export function objectLines(
  resolved: ResolvedSchema,
  options: SnippetOptions,
  depth: number,
  fixed?: string[],
): string[] {
  const lines: string[] = [];
  for (const name of blockKeys(options.root, resolved, fixed)) {
    const property = propertySchema(options.root, resolved.schema, name);
    if (property) lines.push(...entryLines(name, property, { ...options, nested: true }, depth + 1));
  }
  return lines;
}

/** `- ` before an item's first line, two spaces before the others. */
export function asItem(lines: string[]): string[] {
  return lines.map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`));
}

/** The lines of `key: value` for a schema, relative to the key's column. */
export function entryLines(key: string, resolved: ResolvedSchema, options: SnippetOptions, depth: number): string[] {
  const { schema } = resolved;
  const { writer } = options;
  const values = enumValues(schema);
  if (values && values.length === 1) return [`${key}: ${escapeSnippet(String(values[0]))}`];
  if (values && values.length > 1) return [`${key}: ${writer.choice(values)}`];
  const types = typesOf(schema);
  if (isObjectSchema(schema)) {
    const inner = depth < MAX_SNIPPET_DEPTH ? objectLines(resolved, options, depth) : [];
    return inner.length > 0 ? [`${key}:`, ...inner.map((line) => `  ${line}`)] : [`${key}:`, `  ${writer.tab()}`];
  }
  if (isArraySchema(schema)) {
    const item = itemSchema(options.root, schema, 0);
    const itemValues = item ? enumValues(item.schema) : undefined;
    if (itemValues && itemValues.length > 0) return [`${key}: [${writer.choice(itemValues)}]`];
    if (item && isObjectSchema(item.schema) && depth < MAX_SNIPPET_DEPTH) {
      const inner = objectLines(item, options, depth);
      if (inner.length > 0) return [`${key}:`, ...asItem(inner).map((line) => `  ${line}`)];
    }
    return [`${key}:`, `  - ${options.nested ? writer.tab(PLACEHOLDER) : writer.tab()}`];
  }
  if (types.length === 1 && types[0] === 'boolean') return [`${key}: ${writer.choice(['true', 'false'])}`];
  return [`${key}: ${options.nested ? writer.tab(PLACEHOLDER) : writer.tab()}`];
}

/** `key: value` inside a flow mapping: one line, a choice of values or an empty collection to fill in. */
export function flowKeySnippet(name: string, resolved: ResolvedSchema, root: JsonSchema): string {
  const values = enumValues(resolved.schema);
  const writer = new SnippetWriter();
  if (values && values.length === 1) return `${name}: ${escapeSnippet(String(values[0]))}`;
  if (values && values.length > 1) return `${name}: ${writer.choice(values)}`;
  if (isObjectSchema(resolved.schema)) return `${name}: { ${writer.tab()} }`;
  if (isArraySchema(resolved.schema)) {
    const item = itemSchema(root, resolved.schema, 0);
    const itemValues = item ? enumValues(item.schema) : undefined;
    return itemValues && itemValues.length > 0
      ? `${name}: [${writer.choice(itemValues)}]`
      : `${name}: [${writer.tab()}]`;
  }
  return `${name}: ${writer.tab()}`;
}

/**
 * Joins snippet lines for insertion at the cursor. The editor indents every later line by the line's leading
 * spaces; a key written after `- ` sits further right, so later lines get that difference too.
 */
export function joinLines(lines: string[], extraIndent: number): string {
  const pad = ' '.repeat(Math.max(0, extraIndent));
  return lines.map((line, i) => (i === 0 ? line : pad + line)).join('\n');
}
