/**
 * Converts the `yaml` package's nodes into our YamlNode tree, shifting offsets by the chunk's start so that
 * every span is absolute in the file. Aliases are expanded under a budget (an alias bomb is reported, not
 * expanded) and nesting is bounded, so no input can make later stages blow up.
 */
import type { Document, Node as YNode, Pair, Scalar } from 'yaml';
import { yamlLib } from './yaml-lib';
import type { MapEntry, ScalarNode, YamlNode } from './ast';
import { exact, mapEntry, mapNode, moveKey, movesItself, scalarNode, seqNode } from './ast';
import type { Span } from '../types';

export const MAX_DEPTH = 64;
/** Nodes that alias expansion may add per chunk; far above any real use, far below a billion laughs. */
export const MAX_ALIAS_NODES = 10_000;

export type ConvertProblem =
  | { kind: 'depth'; span: Span }
  | { kind: 'alias-budget'; span: Span }
  | { kind: 'alias-cycle'; span: Span; name: string }
  | { kind: 'unresolved-alias'; span: Span; name: string }
  | { kind: 'complex-key'; span: Span };

export interface ConvertResult {
  node: YamlNode | null;
  problems: ConvertProblem[];
}

interface State {
  doc: Document;
  offset: number;
  aliasNodes: number;
  problems: ConvertProblem[];
  expanding: Set<YNode>;
}

export function convertDocument(doc: Document, offset: number): ConvertResult {
  const state: State = { doc, offset, aliasNodes: 0, problems: [], expanding: new Set() };
  const contents = doc.contents;
  const node = contents ? convertNode(contents, state, 0, undefined) : null;
  return { node, problems: state.problems };
}

function spanOf(node: { range?: [number, number, number] | null }, offset: number): Span {
  const range = node.range;
  if (!range) return { start: offset, end: offset };
  return { start: range[0] + offset, end: range[1] + offset };
}

/** `at` is the span to report and to give the node when it comes from an alias (the alias's own place). */
function convertNode(node: YNode, state: State, depth: number, at: Span | undefined): YamlNode {
  // Every node gets a span object of its own, so that moving a tree can change spans in place.
  const span = at ? { start: at.start, end: at.end } : spanOf(node, state.offset);
  if (depth > MAX_DEPTH) {
    if (!state.problems.some((p) => p.kind === 'depth')) state.problems.push({ kind: 'depth', span });
    return nullScalar(span);
  }
  if (yamlLib().isAlias(node)) return convertAlias(node, state, depth, span);
  if (yamlLib().isScalar(node)) return convertScalar(node, span);
  if (yamlLib().isMap(node)) {
    const entries: MapEntry[] = [];
    for (const pair of node.items) {
      const entry = convertPair(pair, state, depth, at);
      if (entry) entries.push(entry);
    }
    const mapSpan = blockEnd(node, span, at, entries.length > 0 ? entries[entries.length - 1].value.span : undefined);
    return mapNode(mapSpan.start, mapSpan.end, exact(entries));
  }
  if (yamlLib().isSeq(node)) {
    const items: YamlNode[] = [];
    for (const item of node.items) {
      if (yamlLib().isPair(item)) {
        const entry = convertPair(item, state, depth, at);
        items.push(
          entry ? mapNode(entry.keySpan.start, entry.value.span.end, [entry]) : mapNode(span.start, span.end, []),
        );
      } else if (item == null) items.push(nullScalar(span));
      else items.push(convertNode(item as YNode, state, depth + 1, at));
    }
    const seqSpan = blockEnd(node, span, at, items.length > 0 ? items[items.length - 1].span : undefined);
    return seqNode(seqSpan.start, seqSpan.end, exact(items));
  }
  return nullScalar(span);
}

/**
 * A block collection ends where its last child ends (the `yaml` package's own end would include the line break
 * and comments after it); a flow collection is its brackets. The fast parser (fast.ts) follows the same rule.
 */
function blockEnd(node: { flow?: boolean }, span: Span, at: Span | undefined, last: Span | undefined): Span {
  if (at || node.flow || !last || last.end < span.start) return span;
  return { start: span.start, end: last.end };
}

function convertPair(pair: Pair, state: State, depth: number, at: Span | undefined): MapEntry | undefined {
  const keyNode = pair.key as YNode | null;
  let key: string;
  let keySpan: Span;
  if (keyNode == null) {
    key = '';
    keySpan = at ? { start: at.start, end: at.end } : { start: state.offset, end: state.offset };
  } else if (yamlLib().isScalar(keyNode)) {
    key = keyNode.value == null ? '' : valueText(keyNode.value);
    keySpan = at ? { start: at.start, end: at.end } : spanOf(keyNode, state.offset);
  } else {
    state.problems.push({ kind: 'complex-key', span: at ?? spanOf(keyNode, state.offset) });
    return undefined;
  }
  const valueNode = pair.value as YNode | null;
  const value =
    valueNode == null
      ? nullScalar({ start: keySpan.end, end: keySpan.end })
      : convertNode(valueNode, state, depth + 1, at);
  return mapEntry(key, keySpan, value);
}

function convertAlias(
  node: YNode & { source: string; resolve(doc: Document): YNode | undefined },
  state: State,
  depth: number,
  span: Span,
): YamlNode {
  const target = node.resolve(state.doc);
  if (!target) {
    state.problems.push({ kind: 'unresolved-alias', span, name: node.source });
    return nullScalar(span);
  }
  if (state.expanding.has(target)) {
    state.problems.push({ kind: 'alias-cycle', span, name: node.source });
    return nullScalar(span);
  }
  const size = countNodes(target, state.doc, MAX_ALIAS_NODES - state.aliasNodes + 1, node);
  if (size < 0) {
    // The alias lies inside what its anchor marks (`&a [*a]`): its expansion would never end.
    state.problems.push({ kind: 'alias-cycle', span, name: node.source });
    return nullScalar(span);
  }
  state.aliasNodes += size;
  if (state.aliasNodes > MAX_ALIAS_NODES) {
    if (!state.problems.some((p) => p.kind === 'alias-budget')) state.problems.push({ kind: 'alias-budget', span });
    return nullScalar(span);
  }
  state.expanding.add(target);
  try {
    // Every node of the expansion sits at the alias: that is where the user sees the value.
    return convertNode(target, state, depth, span);
  } finally {
    state.expanding.delete(target);
  }
}

/**
 * Counts the nodes an expansion would create, stopping as soon as `limit` is passed; -1 when the expansion meets
 * `alias` itself (a cycle).
 */
function countNodes(node: YNode, doc: Document, limit: number, alias: unknown): number {
  let count = 0;
  const stack: unknown[] = [node];
  while (stack.length > 0 && count <= limit) {
    const current = stack.pop();
    if (current == null) continue;
    if (current === alias) return -1;
    count++;
    if (yamlLib().isAlias(current)) {
      const target = current.resolve(doc);
      if (target) stack.push(target);
    } else if (yamlLib().isMap(current) || yamlLib().isSeq(current)) {
      for (const item of current.items) stack.push(item);
    } else if (yamlLib().isPair(current)) {
      stack.push(current.key, current.value);
    }
  }
  return count;
}

function convertScalar(node: Scalar, span: Span): ScalarNode {
  const source = typeof node.source === 'string' ? node.source : valueText(node.value ?? '');
  let value = node.value;
  if (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    !Number.isSafeInteger(value) &&
    /^[-+]?[0-9]+$/.test(source)
  ) {
    // A double would change the digits (an 18-digit unit code, say): keep what the user wrote.
    value = source;
  } else if (typeof value === 'bigint') {
    value = source;
  } else if (value instanceof Uint8Array || (typeof value === 'object' && value !== null)) {
    value = source;
  }
  return scalarNode(span.start, span.end, value as ScalarNode['value'], source, scalarStyle(node.type));
}

function scalarStyle(type: Scalar['type']): ScalarNode['style'] {
  switch (type) {
    case 'QUOTE_DOUBLE':
      return 'double';
    case 'QUOTE_SINGLE':
      return 'single';
    case 'BLOCK_FOLDED':
    case 'BLOCK_LITERAL':
      return 'block';
    default:
      return 'plain';
  }
}

function nullScalar(span: Span): ScalarNode {
  return scalarNode(span.start, span.end, null, '', 'plain');
}

/** A plain JS value for schema validation. `__proto__` and friends become ordinary own properties. */
export function toPlainValue(node: YamlNode): unknown {
  switch (node.type) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlainValue);
    case 'map': {
      const object: Record<string, unknown> = {};
      for (const entry of node.entries) {
        if (Object.prototype.hasOwnProperty.call(object, entry.key)) continue;
        // Only `__proto__` needs defineProperty (assignment would set the prototype); it is slow, so only there.
        if (entry.key === '__proto__')
          Object.defineProperty(object, entry.key, {
            value: toPlainValue(entry.value),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else object[entry.key] = toPlainValue(entry.value);
      }
      return object;
    }
  }
}

/**
 * Moves every span of `node` by `delta`, in place (new span objects, the nodes themselves kept). For trees that
 * belong to a document being replaced: cheaper than a copy, and span objects shared by an alias are moved once.
 */
export function shiftInPlace(node: YamlNode, delta: number): YamlNode {
  if (delta === 0) return node;
  if (node.type === 'map' && movesItself(node)) {
    node.moveBy(delta);
    return node;
  }
  // Spans are never shared between nodes (a node is its own span: see ast.ts), so they change in place.
  node.span.start += delta;
  node.span.end += delta;
  if (node.type === 'map') {
    for (const entry of node.entries) {
      moveKey(entry, delta);
      shiftInPlace(entry.value, delta);
    }
  } else if (node.type === 'seq') {
    for (const item of node.items) shiftInPlace(item, delta);
  }
  return node;
}

/** A copy of `node` with every span moved by `delta` (a cached item reused at another offset). */
export function shiftNode(node: YamlNode, delta: number): YamlNode {
  if (delta === 0) return node;
  const start = node.span.start + delta;
  const end = node.span.end + delta;
  switch (node.type) {
    case 'scalar':
      return scalarNode(start, end, node.value, node.source, node.style);
    case 'seq':
      return seqNode(
        start,
        end,
        node.items.map((item) => shiftNode(item, delta)),
      );
    case 'map':
      return mapNode(
        start,
        end,
        node.entries.map((entry) =>
          mapEntry(
            entry.key,
            { start: entry.keySpan.start + delta, end: entry.keySpan.end + delta },
            shiftNode(entry.value, delta),
          ),
        ),
      );
  }
}

/** A value as text: a scalar as String gives it, a collection as JSON (not '[object Object]'). */
export function valueText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'undefined':
    case 'symbol':
      return String(value);
    default:
      return value === null ? 'null' : (JSON.stringify(value) ?? '');
  }
}
