/**
 * One ajv error -> one finding, placed at the key or value the user must change, worded in zh-CN and en with the
 * messages of the DA-SCHEMA-0xx ids (rules/schema/).
 */
import type { ErrorObject } from 'ajv';
import type { Finding, LocalizedText, Span } from '../types';
import type { MapEntry, YamlNode } from '../parser/ast';
import type { LineIndex } from '../parser/lines';
import { describeSchema } from './describe';
import type { SchemaDoc } from './describe';
import { ENUM_LABELS } from '../i18n/enums';
import { fillText } from '../i18n/template';
import { missingRequiredFieldRule } from '../rules/schema/missing-required-field';
import { unknownFieldRule } from '../rules/schema/unknown-field';
import { invalidValueRule } from '../rules/schema/invalid-value';
import { wrongTypeRule } from '../rules/schema/wrong-type';
import { wrongFormatRule } from '../rules/schema/wrong-format';
import { forbiddenFieldRule } from '../rules/schema/forbidden-field';
import { constraintViolatedRule } from '../rules/schema/constraint-violated';
import { ruleCitation } from '../rules/report';

export const SCHEMA_RULES = {
  required: missingRequiredFieldRule.meta.id,
  unknownField: unknownFieldRule.meta.id,
  enum: invalidValueRule.meta.id,
  type: wrongTypeRule.meta.id,
  format: wrongFormatRule.meta.id,
  forbidden: forbiddenFieldRule.meta.id,
  constraint: constraintViolatedRule.meta.id,
} as const;

const DEFAULT_CLAUSE = '财资〔2024〕1号';

interface Located {
  node: YamlNode;
  /** The map entry whose value is `node`, when it has one. */
  entry?: MapEntry;
}

function decodeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Walks a JSON pointer through the node tree. */
export function locate(root: YamlNode, pointer: string): Located {
  let current: Located = { node: root };
  if (pointer === '') return current;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = decodeSegment(raw);
    const node = current.node;
    if (node.type === 'map') {
      const entry = node.entries.find((e) => e.key === segment);
      if (!entry) return current;
      current = { node: entry.value, entry };
    } else if (node.type === 'seq') {
      const item = node.items[Number(segment)];
      if (!item) return current;
      current = { node: item };
    } else return current;
  }
  return current;
}

/** Where a finding about a whole object goes: its key, or its first key when it has none (a list item, the root). */
function objectAnchor(located: Located): Span {
  if (located.entry) return located.entry.keySpan;
  const node = located.node;
  if (node.type === 'map' && node.entries.length > 0) return node.entries[0].keySpan;
  if (node.span.end > node.span.start)
    return { start: node.span.start, end: Math.min(node.span.end, node.span.start + 1) };
  return node.span;
}

/** Where a finding about a value goes: the scalar itself, or the key of a block value (never a whole block). */
function valueAnchor(located: Located): Span {
  const node = located.node;
  if (node.type === 'scalar' && node.span.end > node.span.start) return node.span;
  if (located.entry) return located.entry.keySpan;
  return objectAnchor(located);
}

const TYPE_NAMES: Record<string, LocalizedText> = {
  string: { 'zh-CN': '字符串', en: 'a string' },
  integer: { 'zh-CN': '整数', en: 'an integer' },
  number: { 'zh-CN': '数字', en: 'a number' },
  boolean: { 'zh-CN': '布尔值（true/false）', en: 'a boolean (true/false)' },
  object: { 'zh-CN': '映射（键: 值）', en: 'a mapping (key: value)' },
  array: { 'zh-CN': '列表', en: 'a list' },
  null: { 'zh-CN': '空值', en: 'null' },
};

function typeName(type: unknown, locale: 'zh-CN' | 'en'): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_NAMES[String(t)]?.[locale] ?? String(t)).join(locale === 'zh-CN' ? '或' : ' or ');
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? text.slice(0, 57) + '...' : text;
}

function lastSegment(pointer: string): string {
  const parts = pointer.split('/');
  return decodeSegment(parts[parts.length - 1] ?? '');
}

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

export function closest(value: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(1, Math.floor(Math.max(value.length, 3) / 2));
  return best !== undefined && (bestDistance <= limit || (best.includes(value) && value.length > 0)) ? best : undefined;
}

function label(field: string, doc: SchemaDoc, locale: 'zh-CN' | 'en'): string {
  if (locale === 'zh-CN' && doc.title) return `“${field}”（${doc.title}）`;
  return locale === 'zh-CN' ? `“${field}”` : `"${field}"`;
}

function withClause(text: LocalizedText, clause: string | undefined): LocalizedText {
  if (!clause) return text;
  return { 'zh-CN': `${text['zh-CN']}（${clause}）`, en: `${text.en} (${clause})` };
}

/** Describes a simple `if` (consts and enums on properties) as "method = 购置". */
function describeCondition(schema: unknown): string | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  const properties = (schema as { properties?: Record<string, Record<string, unknown>> }).properties;
  if (!properties) return undefined;
  const parts: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    if ('const' in property) parts.push(`${name} = ${show(property.const)}`);
    else if (Array.isArray(property.enum)) parts.push(`${name} ∈ {${property.enum.map(show).join(', ')}}`);
    else if (property.properties) {
      const inner = describeCondition(property);
      if (inner) parts.push(`${name}.${inner}`);
    }
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}

interface Conditional {
  condition: string | undefined;
  /** The nearest enclosing schema that declares `properties`: where a conditionally required field is documented. */
  owner: Record<string, unknown> | undefined;
}

const conditionals = new WeakMap<object, Conditional>();
const indexed = new WeakSet<object>();

/** Maps every `then` subschema of a root schema to its `if` and to the schema that documents its fields. */
function indexConditionals(root: unknown): void {
  if (!root || typeof root !== 'object' || indexed.has(root)) return;
  indexed.add(root);
  const walk = (node: unknown, owners: Record<string, unknown>[]): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, owners);
      return;
    }
    const schema = node as Record<string, unknown>;
    const chain = schema.properties ? [...owners, schema] : owners;
    if (schema.then && typeof schema.then === 'object') {
      conditionals.set(schema.then, { condition: describeCondition(schema.if), owner: chain[chain.length - 1] });
    }
    for (const value of Object.values(schema)) walk(value, chain);
  };
  walk(root, []);
}

export function schemaErrorFinding(
  error: ErrorObject,
  root: YamlNode,
  basePath: string,
  lines: LineIndex,
  rootSchema?: unknown,
): Finding {
  const located = locate(root, error.instancePath);
  const path = basePath + error.instancePath;
  const parentDoc = describeSchema(error.parentSchema);
  const params = error.params as Record<string, unknown>;
  let ruleId: string;
  let span: Span;
  let message: LocalizedText;
  let clause = parentDoc.clause;
  const data: Record<string, unknown> = { keyword: error.keyword };
  const field = lastSegment(error.instancePath);

  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      indexConditionals(rootSchema);
      const conditional = error.parentSchema ? conditionals.get(error.parentSchema) : undefined;
      const owner = (conditional?.owner ?? error.parentSchema) as { properties?: Record<string, unknown> } | undefined;
      const doc = describeSchema(owner?.properties?.[missing]);
      clause = doc.clause ?? clause;
      const condition = conditional?.condition;
      ruleId = SCHEMA_RULES.required;
      span = objectAnchor(located);
      data.missingProperty = missing;
      if (condition) data.condition = condition;
      const { messages } = missingRequiredFieldRule.meta;
      const args = {
        fieldZh: label(missing, doc, 'zh-CN'),
        fieldEn: label(missing, doc, 'en'),
        condition: condition ?? '',
      };
      // The path names the missing field, so a rule that reports the same gap replaces exactly this finding.
      return finish(
        ruleId,
        fillText(condition ? messages.requiredWhen : messages.required, args),
        span,
        `${path}/${missing}`,
        clause,
        data,
        lines,
      );
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const entry = located.node.type === 'map' ? located.node.entries.find((e) => e.key === extra) : undefined;
      const allowed = Object.keys(
        (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {},
      );
      const suggestion = closest(extra, allowed);
      ruleId = SCHEMA_RULES.unknownField;
      span = entry ? entry.keySpan : objectAnchor(located);
      data.field = extra;
      data.allowed = allowed;
      if (suggestion) data.suggestion = suggestion;
      const { messages } = unknownFieldRule.meta;
      message = fillText(suggestion ? messages.unknownSuggest : messages.unknown, {
        field: extra,
        suggestion: suggestion ?? '',
      });
      // A field the format does not define breaks this tool's format, whatever the enclosing block rests on.
      return finish(ruleId, message, span, `${path}/${extra}`, ruleCitation(unknownFieldRule.meta), data, lines);
    }
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue];
      const value = located.node.type === 'scalar' ? located.node.value : error.data;
      const suggestion = typeof value === 'string' ? closest(value, allowed.map(String)) : undefined;
      ruleId = SCHEMA_RULES.enum;
      span = valueAnchor(located);
      data.allowed = allowed;
      data.value = value;
      if (suggestion) data.suggestion = suggestion;
      const zhAllowed = allowed.map((v) => `“${show(v)}”`).join('、');
      const enAllowed = allowed
        .map((v) => {
          const english = typeof v === 'string' ? ENUM_LABELS[v]?.en : undefined;
          return english ? `"${show(v)}" (${english})` : `"${show(v)}"`;
        })
        .join(', ');
      const { messages } = invalidValueRule.meta;
      const args = {
        fieldZh: label(field, parentDoc, 'zh-CN'),
        fieldEn: label(field, parentDoc, 'en'),
        value: show(value),
        allowedZh: zhAllowed,
        allowedEn: enAllowed,
      };
      message = fillText(allowed.length === 1 ? messages.notConst : messages.notInEnum, args);
      break;
    }
    case 'type': {
      ruleId = SCHEMA_RULES.type;
      span = valueAnchor(located);
      data.expected = params.type;
      message = fillText(wrongTypeRule.meta.messages.type, {
        fieldZh: label(field, parentDoc, 'zh-CN'),
        fieldEn: label(field, parentDoc, 'en'),
        typeZh: typeName(params.type, 'zh-CN'),
        typeEn: typeName(params.type, 'en'),
      });
      break;
    }
    case 'format':
    case 'pattern': {
      ruleId = SCHEMA_RULES.format;
      span = valueAnchor(located);
      const value = show(error.data);
      const isDate = error.keyword === 'format' && String(params.format).startsWith('date');
      data.value = error.data;
      const { messages } = wrongFormatRule.meta;
      if (isDate) {
        message = fillText(messages.date, { value });
      } else {
        const expected = error.keyword === 'pattern' ? String(params.pattern) : String(params.format);
        message = fillText(messages.format, {
          fieldZh: label(field, parentDoc, 'zh-CN'),
          fieldEn: label(field, parentDoc, 'en'),
          value,
          expected,
        });
      }
      break;
    }
    case 'not':
    case 'false schema': {
      ruleId = SCHEMA_RULES.forbidden;
      span = located.entry ? located.entry.keySpan : valueAnchor(located);
      const doc = error.keyword === 'not' ? parentDoc : {};
      clause = doc.clause ?? clause;
      message = forbiddenMessage(label(field, doc, 'zh-CN'), label(field, doc, 'en'), doc);
      break;
    }
    default: {
      ruleId = SCHEMA_RULES.constraint;
      span = valueAnchor(located);
      data.params = params;
      message = constraintMessage(error, label(field, parentDoc, 'zh-CN'), label(field, parentDoc, 'en'));
      if (error.keyword === 'uniqueItems' && located.node.type === 'seq') {
        const duplicate = located.node.items[Number(params.i)];
        if (duplicate) span = duplicate.span;
      }
    }
  }
  return finish(ruleId, message, span, path, clause, data, lines);
}

function finish(
  ruleId: string,
  message: LocalizedText,
  span: Span,
  path: string,
  clause: string | undefined,
  data: Record<string, unknown>,
  lines: LineIndex,
): Finding {
  return {
    ruleId,
    severity: 'error',
    message: withClause(message, clause ?? DEFAULT_CLAUSE),
    range: lines.rangeOf(span),
    clause: clause ?? DEFAULT_CLAUSE,
    path,
    data,
  };
}

/** DA-SCHEMA-006's message: the field, and why it is forbidden when the schema says so in that language. */
function forbiddenMessage(zhField: string, enField: string, doc: SchemaDoc): LocalizedText {
  const { messages } = forbiddenFieldRule.meta;
  const args = { fieldZh: zhField, fieldEn: enField, reasonZh: doc.zh ?? '', reasonEn: doc.en ?? '' };
  // Each language says why only when the schema's description has that language.
  return {
    'zh-CN': fillText(doc.zh ? messages.forbiddenBecause : messages.forbidden, args)['zh-CN'],
    en: fillText(doc.en ? messages.forbiddenBecause : messages.forbidden, args).en,
  };
}

/** The JSON Schema keywords DA-SCHEMA-007 has a message of its own for; any other gets `other`. */
const CONSTRAINTS = new Set([
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'uniqueItems',
  'minProperties',
]);

function constraintMessage(error: ErrorObject, zhField: string, enField: string): LocalizedText {
  const p = error.params as Record<string, unknown>;
  const { messages } = constraintViolatedRule.meta;
  const args = {
    fieldZh: zhField,
    fieldEn: enField,
    limit: String(p.limit),
    first: Number(p.j) + 1,
    repeat: Number(p.i) + 1,
    keyword: error.keyword,
    detail: error.message ?? error.keyword,
  };
  return fillText(CONSTRAINTS.has(error.keyword) ? messages[error.keyword] : messages.other, args);
}
