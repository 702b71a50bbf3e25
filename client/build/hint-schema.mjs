// Derives a completion-only ("hints") schema from one of our JSON Schemas, for Red Hat's YAML extension.
//
// The hints schema keeps what completion and hover use (properties, titles, descriptions, references) and turns
// enumerated and constant values into `examples`, so they are still offered. It drops every assertion (types,
// required fields, patterns, conditions, closed objects), so no document can fail it: Red Hat's extension shows
// no schema problem of its own, and each problem is reported once, by the Data Asset Steward language server.
// Red Hat's extension validates with draft-07, so `$defs` become `definitions`.

/** Keywords that only constrain the value: dropped. */
const ASSERTIONS = new Set([
  'type',
  'required',
  'additionalProperties',
  'unevaluatedProperties',
  'propertyNames',
  'minProperties',
  'maxProperties',
  'dependentRequired',
  'dependentSchemas',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'contains',
  'minContains',
  'maxContains',
  'unevaluatedItems',
  'if',
  'then',
  'else',
  'not',
  '$schema',
  '$id',
  '$comment',
]);

const DEFS = '#/$defs/';

/** @param {Record<string, unknown>} schema a draft 2020-12 schema of ours */
export function hintSchema(schema) {
  const { $defs = {}, ...root } = schema;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment:
      'Completion and hover only: generated from the Data Asset Steward schema without its assertions. The Data Asset Steward extension reports the problems.',
    ...hintNode(root, '#'),
    definitions: mapValues($defs, (def, name) => hintNode(def, `#/$defs/${name}`)),
  };
}

/** A schema that no value can satisfy (`not: {}` or `false`): the field is forbidden. */
function forbidden(node) {
  return node === false || (isObject(node) && isObject(node.not) && Object.keys(node.not).length === 0);
}

function hintNode(node, where) {
  if (typeof node === 'boolean') return true;
  if (!isObject(node)) throw new Error(`hint schema: ${where} is not a schema`);
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    switch (key) {
      case 'title':
      case 'default':
      case 'deprecated':
        out[key] = value;
        break;
      case 'description':
        out.description = value;
        // Hovers render Markdown: keep the Chinese, English and basis lines as separate paragraphs.
        out.markdownDescription = String(value).split('\n').map(escapeMarkdown).join('\n\n');
        break;
      case 'examples':
        out.examples = [...(out.examples ?? []), ...value];
        break;
      case 'enum':
        out.examples = [...(out.examples ?? []), ...value];
        break;
      case 'const':
        out.examples = [...(out.examples ?? []), value];
        break;
      case '$ref':
        if (!String(value).startsWith(DEFS)) throw new Error(`hint schema: ${where} refers outside #/$defs/: ${value}`);
        out.$ref = `#/definitions/${String(value).slice(DEFS.length)}`;
        break;
      case 'properties':
      case 'patternProperties':
        // A forbidden field (e.g. `guarantee`) is not offered as a completion; the server explains it on hover.
        out[key] = mapValues(
          Object.fromEntries(Object.entries(value).filter(([, sub]) => !forbidden(sub))),
          (sub, name) => hintNode(sub, `${where}/${key}/${name}`),
        );
        break;
      case 'items':
        out.items = hintNode(value, `${where}/items`);
        break;
      default:
        if (!ASSERTIONS.has(key))
          throw new Error(
            `hint schema: keyword "${key}" at ${where} is not handled; teach client/build/hint-schema.mjs about it`,
          );
    }
  }
  if (node.type === 'boolean' && out.examples === undefined) out.examples = [true, false];
  return out;
}

function escapeMarkdown(text) {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mapValues(object, map) {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, map(value, key)]));
}
