/**
 * Schema validation with positions. Each item (resource, asset) is validated alone against its `$defs` entry
 * and the rest of the document against the root schema with the item list's `items` relaxed to `true`, so a
 * changed item costs one item's validation. Ajv errors become findings at the offending key or value.
 */
import type Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import catalogSchema from '../../../../schemas/data-resource-catalog.schema.json';
import registerSchema from '../../../../schemas/data-asset-register.schema.json';
import type { Finding } from '../types';
import type { MapNode, YamlNode } from '../parser/ast';
import { toPlainValue } from '../parser/convert';
import type { DocumentKind } from '../parser/model';
import { ITEM_LIST_KEY } from '../parser/model';
import type { LineIndex } from '../parser/lines';
import { schemaErrorFinding } from './errors';
import { PRECOMPILED } from './precompiled';

type JsonSchema = Record<string, unknown>;

export const SCHEMAS: Record<DocumentKind, JsonSchema> = {
  DataResourceCatalog: catalogSchema,
  DataAssetRegister: registerSchema,
};

const ITEM_DEF: Record<DocumentKind, string> = { DataResourceCatalog: 'Resource', DataAssetRegister: 'Asset' };

export interface KindValidators {
  /** The whole document minus the items' contents. */
  head: ValidateFunction;
  /** One item. */
  item: ValidateFunction;
}

let compiled: Record<DocumentKind, KindValidators> | undefined;

/**
 * An ajv instance for our schemas. ajv is loaded here, on first use: the bundles carry the validators compiled
 * (PRECOMPILED), so a CLI run or a server start loads it only for a steward.config.yaml.
 */
export function createAjv(options: { source?: boolean } = {}): Ajv2020 {
  const Ajv = (require('ajv/dist/2020') as typeof import('ajv/dist/2020')).default;
  const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    allowUnionTypes: true,
    validateSchema: false,
    code: { source: options.source === true },
  });
  addFormats(ajv, ['date', 'date-time', 'uri', 'email']);
  return ajv;
}

/** The schemas of a kind's two validators: the document with the item list's items relaxed, and one item. */
export function validatorSchemas(kind: DocumentKind): { head: JsonSchema; item: JsonSchema } {
  const schema = SCHEMAS[kind];
  const listKey = ITEM_LIST_KEY[kind];
  const properties = { ...(schema.properties as Record<string, JsonSchema>) };
  properties[listKey] = { ...properties[listKey], items: true };
  const head: JsonSchema = { ...schema, properties };
  delete head.$id;
  const item = { $schema: schema.$schema as string, $defs: schema.$defs, $ref: `#/$defs/${ITEM_DEF[kind]}` };
  return { head, item };
}

/** Compiled once per process (compiling is ajv's slow part); the bundles carry them precompiled. */
export function validators(): Record<DocumentKind, KindValidators> {
  if (compiled) return compiled;
  if (PRECOMPILED) {
    compiled = {
      DataResourceCatalog: { head: PRECOMPILED.catalogHead, item: PRECOMPILED.catalogItem },
      DataAssetRegister: { head: PRECOMPILED.registerHead, item: PRECOMPILED.registerItem },
    };
    return compiled;
  }
  const ajv = createAjv();
  const build = (kind: DocumentKind): KindValidators => {
    const schemas = validatorSchemas(kind);
    return { head: ajv.compile(schemas.head), item: ajv.compile(schemas.item) };
  };
  compiled = { DataResourceCatalog: build('DataResourceCatalog'), DataAssetRegister: build('DataAssetRegister') };
  return compiled;
}

/** Validates a document's head: everything but the items (the list itself must still be an array). */
export function validateHead(kind: DocumentKind, root: MapNode, lines: LineIndex): Finding[] {
  const validate = validators()[kind].head;
  const listKey = ITEM_LIST_KEY[kind];
  // The items are checked one by one; here only the list's shape matters, so skip converting them.
  // Literals, not spreads: a parsed node's `type` lives on its prototype (parser/ast.ts).
  const value = toPlainValue({
    type: 'map',
    span: root.span,
    entries: root.entries.map((e) =>
      e.key === listKey && e.value.type === 'seq'
        ? { key: e.key, keySpan: e.keySpan, value: { type: 'seq', span: e.value.span, items: [] } }
        : e,
    ),
  });
  if (validate(value)) return [];
  return mapErrors(validate.errors ?? [], root, '', lines, SCHEMAS[kind]);
}

/** Validates one item; findings carry paths like `/assets/3/...`. */
export function validateItem(kind: DocumentKind, item: YamlNode, itemPath: string, lines: LineIndex): Finding[] {
  const validate = validators()[kind].item;
  if (validate(toPlainValue(item))) return [];
  return mapErrors(validate.errors ?? [], item, itemPath, lines, SCHEMAS[kind]);
}

/** Validates any node against a compiled validator; findings are placed as for documents. */
export function validateNode(
  validate: ValidateFunction,
  node: YamlNode,
  lines: LineIndex,
  rootSchema: JsonSchema,
): Finding[] {
  if (validate(toPlainValue(node))) return [];
  return mapErrors(validate.errors ?? [], node, '', lines, rootSchema);
}

function mapErrors(
  errors: ErrorObject[],
  node: YamlNode,
  basePath: string,
  lines: LineIndex,
  rootSchema: JsonSchema,
): Finding[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    if (error.keyword === 'if') continue; // its `then` errors say what is wrong
    const list = byPath.get(error.instancePath);
    if (list) list.push(error);
    else byPath.set(error.instancePath, [error]);
  }
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const list of byPath.values()) {
    // A value of the wrong type also fails its enum or pattern: the type error alone says it.
    const hasType = list.some((e) => e.keyword === 'type');
    for (const error of list) {
      if (hasType && error.keyword !== 'type' && VALUE_KEYWORDS.has(error.keyword)) continue;
      const finding = schemaErrorFinding(error, node, basePath, lines, rootSchema);
      const key = `${finding.ruleId}|${finding.path}|${finding.range.start.line}:${finding.range.start.character}|${finding.message.en}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
  }
  return findings;
}

const VALUE_KEYWORDS = new Set([
  'enum',
  'const',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
]);
