/**
 * Walking our JSON Schemas along a node path, for completion and hover: `$ref`s are followed (local `#/...` only),
 * properties are looked up in `properties`, in `if/then/else` branches and in `allOf/anyOf/oneOf`, list items in
 * `prefixItems`/`items`. Conditional requirements (`if`/`then`) are evaluated against the sibling values a caller
 * already knows, with the small subset of keywords our schemas use in their `if`s (`const`, `enum`, `required`).
 */
import type { DocumentKind } from '../parser/model';
import { valueText } from '../parser/convert';
import { SCHEMAS } from './validate';
import { describeSchema } from './describe';
import type { SchemaDoc } from './describe';

export type JsonSchema = { [keyword: string]: unknown };
export type PathSegment = string | number;

/** A schema with its `$ref`s followed, and the name of the first `$defs` entry it went through. */
export interface ResolvedSchema {
  schema: JsonSchema;
  def?: string;
}

export interface PropertyInfo {
  name: string;
  /** The property's schema, `$ref`s followed; its own title and description win over the referenced ones. */
  resolved: ResolvedSchema;
  /** Position in the schema's `properties`, for a stable order. */
  order: number;
}

/** Values a condition may read: the sibling entries of a mapping, as written (strings) or as plain values. */
export type KnownValues = ReadonlyMap<string, unknown>;

const MAX_REF_DEPTH = 16;

function isSchemaObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function rootSchema(kind: DocumentKind): JsonSchema {
  return SCHEMAS[kind];
}

/** The node at a local JSON pointer such as `#/$defs/Asset`. */
function lookup(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isSchemaObject(node)) return undefined;
    node = node[segment];
  }
  return isSchemaObject(node) ? node : undefined;
}

/** Follows `$ref`s; `true` is the empty schema, `false` and non-schemas give undefined. */
export function resolve(root: JsonSchema, node: unknown): ResolvedSchema | undefined {
  if (node === true) return { schema: {} };
  if (!isSchemaObject(node)) return undefined;
  let schema: JsonSchema = node;
  let def: string | undefined;
  for (let depth = 0; typeof schema.$ref === 'string' && depth < MAX_REF_DEPTH; depth++) {
    const ref = schema.$ref;
    const { $ref: _followed, ...own } = schema;
    const target = lookup(root, ref);
    if (!target) return { schema: own, def };
    def ??= ref.split('/').pop();
    schema = { ...target, ...own };
  }
  return { schema, def };
}

/** The schema and the subschemas that may add properties to the same instance. */
function branches(root: JsonSchema, schema: JsonSchema): JsonSchema[] {
  const out: JsonSchema[] = [schema];
  const add = (node: unknown) => {
    const resolved = resolve(root, node);
    if (resolved && out.length < 64) out.push(...branches(root, resolved.schema));
  };
  add(schema.then);
  add(schema.else);
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[keyword];
    if (Array.isArray(list)) list.forEach(add);
  }
  return out;
}

/** A property schema that says something beyond `true` (branches often just re-allow a property). */
function isInformative(node: unknown): boolean {
  return isSchemaObject(node) && Object.keys(node).length > 0;
}

/** The schema of `key` inside an object schema, or undefined when the schema does not allow the key. */
export function propertySchema(root: JsonSchema, object: JsonSchema, key: string): ResolvedSchema | undefined {
  let fallback: unknown;
  for (const branch of branches(root, object)) {
    const properties = branch.properties;
    if (!isSchemaObject(properties) || !(key in properties)) continue;
    if (isInformative(properties[key])) return resolve(root, properties[key]);
    fallback ??= properties[key];
  }
  if (fallback !== undefined) return resolve(root, fallback);
  const patterns = object.patternProperties;
  if (isSchemaObject(patterns)) {
    for (const [pattern, node] of Object.entries(patterns)) {
      if (safeTest(pattern, key)) return resolve(root, node);
    }
  }
  return object.additionalProperties === undefined ? undefined : resolve(root, object.additionalProperties);
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return false;
  }
}

/** The schema of item `index` of an array schema. */
export function itemSchema(root: JsonSchema, array: JsonSchema, index: number): ResolvedSchema | undefined {
  const prefix = array.prefixItems;
  if (Array.isArray(prefix) && index < prefix.length) return resolve(root, prefix[index]);
  return array.items === undefined ? undefined : resolve(root, array.items);
}

/** Walks from `start` (a root schema) along `path`; undefined where the schema does not describe the path. */
export function schemaAt(root: JsonSchema, path: readonly PathSegment[]): ResolvedSchema | undefined {
  let current = resolve(root, root);
  for (const segment of path) {
    if (!current) return undefined;
    current =
      typeof segment === 'number'
        ? itemSchema(root, current.schema, segment)
        : propertySchema(root, current.schema, segment);
  }
  return current;
}

/** A property that may be written: not `false`, not forbidden by `not: {}` (e.g. `guarantee`). */
function isAllowed(node: unknown): boolean {
  if (node === false) return false;
  return !(isSchemaObject(node) && isSchemaObject(node.not) && Object.keys(node.not).length === 0);
}

/** The properties an object schema names, in schema order, branches' own additions last. */
export function propertiesOf(root: JsonSchema, object: JsonSchema): PropertyInfo[] {
  const out: PropertyInfo[] = [];
  const seen = new Set<string>();
  for (const branch of branches(root, object)) {
    const properties = branch.properties;
    if (!isSchemaObject(properties)) continue;
    for (const name of Object.keys(properties)) {
      if (seen.has(name)) continue;
      const resolved = propertySchema(root, object, name);
      seen.add(name);
      if (!resolved || !isAllowed(properties[name]) || !isAllowed(resolved.schema)) continue;
      out.push({ name, resolved, order: out.length });
    }
  }
  return out;
}

function sameValue(expected: unknown, actual: unknown): boolean {
  if (expected === actual) return true;
  if (actual === undefined || actual === null) return false;
  return valueText(expected) === valueText(actual).trim();
}

/** Does `known` satisfy an `if` schema? Only `required`, and `const`/`enum` of properties, are understood. */
export function conditionHolds(root: JsonSchema, condition: unknown, known: KnownValues): boolean {
  const resolved = resolve(root, condition);
  if (!resolved) return false;
  const { schema } = resolved;
  const required = Array.isArray(schema.required) ? schema.required : [];
  if (!required.every((key) => typeof key === 'string' && known.has(key))) return false;
  const properties = isSchemaObject(schema.properties) ? schema.properties : {};
  for (const [key, node] of Object.entries(properties)) {
    if (!known.has(key) || !isSchemaObject(node)) continue;
    const value = known.get(key);
    if ('const' in node && !sameValue(node.const, value)) return false;
    if (Array.isArray(node.enum) && !node.enum.some((option) => sameValue(option, value))) return false;
  }
  return true;
}

/** Required properties, including those a satisfied `if` requires through its `then` (or a failed one its `else`). */
export function requiredOf(root: JsonSchema, object: JsonSchema, known: KnownValues): Set<string> {
  const out = new Set<string>();
  const visit = (schema: JsonSchema, depth: number) => {
    if (depth > 8) return;
    if (Array.isArray(schema.required)) for (const key of schema.required) if (typeof key === 'string') out.add(key);
    if (schema.if !== undefined) {
      const branch = conditionHolds(root, schema.if, known) ? schema.then : schema.else;
      const resolved = resolve(root, branch);
      if (resolved) visit(resolved.schema, depth + 1);
    }
    if (Array.isArray(schema.allOf)) {
      for (const part of schema.allOf) {
        const resolved = resolve(root, part);
        if (resolved) visit(resolved.schema, depth + 1);
      }
    }
  };
  visit(object, 0);
  return out;
}

/** The values a schema allows when it lists them (`const` or `enum`). */
export function enumValues(schema: JsonSchema): unknown[] | undefined {
  if ('const' in schema) return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
}

/** The schema's types, inferred from its keywords when `type` is absent. */
export function typesOf(schema: JsonSchema): string[] {
  const type = schema.type;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  if (isSchemaObject(schema.properties) || schema.required !== undefined) return ['object'];
  if (schema.items !== undefined || schema.prefixItems !== undefined) return ['array'];
  const values = enumValues(schema);
  if (values) return [...new Set(values.map((v) => (v === null ? 'null' : typeof v)))];
  return [];
}

export function isObjectSchema(schema: JsonSchema): boolean {
  return typesOf(schema).includes('object');
}

export function isArraySchema(schema: JsonSchema): boolean {
  return typesOf(schema).includes('array');
}

/** Title, both descriptions and the clause of a schema (see describe.ts). */
export function docOf(schema: JsonSchema): SchemaDoc {
  return describeSchema(schema);
}

const WORDS: Record<string, string> = { api: 'API', id: 'ID', ids: 'IDs', uri: 'URI', url: 'URL' };

/** `securityGrade` → `Security grade`. */
export function humanize(key: string): string {
  const words = key
    .replace(/^x-/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  const named = words.map((w) => WORDS[w] ?? w);
  if (named.length === 0) return key;
  const [first, ...rest] = named;
  return [first === first.toLowerCase() ? first[0].toUpperCase() + first.slice(1) : first, ...rest].join(' ');
}

/**
 * A short English name for a property: the English description's first phrase (`Data grade: ...` → `Data grade`)
 * when it is short, else the key in words (`budgetReference` → `Budget reference`).
 */
export function englishName(key: string, doc: SchemaDoc): string {
  const phrase = doc.en?.split(/[:;.(（]/)[0].trim() ?? '';
  if (phrase.length > 0 && phrase.length <= 40) return phrase;
  return humanize(key);
}
