/**
 * The document model: a small YAML node tree with absolute offsets into the file text.
 * Built from the `yaml` package's nodes chunk by chunk (see document.ts), so every later layer
 * (schema validation, rules, hover, completion) works on one shape regardless of how it was parsed.
 */
import type { Span } from '../types';

export type YamlNode = MapNode | SeqNode | ScalarNode;

export interface MapEntry {
  key: string;
  /** Span of the key token. */
  keySpan: Span;
  /** The value; a ScalarNode with `value: null` and an empty span right after the key when absent. */
  value: YamlNode;
}

export interface MapNode {
  type: 'map';
  span: Span;
  entries: MapEntry[];
}

export interface SeqNode {
  type: 'seq';
  span: Span;
  items: YamlNode[];
}

export interface ScalarNode {
  type: 'scalar';
  span: Span;
  /** The resolved value (YAML 1.2 core schema). Integers that a double cannot hold exactly stay strings. */
  value: string | number | boolean | null;
  /** The scalar exactly as written (without quotes), e.g. to read an 18-digit code without precision loss. */
  source: string;
  /** 'plain' | 'single' | 'double' | 'block' — quick fixes keep the user's quoting. */
  style: 'plain' | 'single' | 'double' | 'block';
}

/*
 * The parsers build nodes with the constructors below, which keep a node's span as two numbers on the node itself
 * (`start`, `end`) and give the node itself as its `span`: a 50,000-asset file holds millions of nodes, and a span
 * object of their own per node and per key cost as much as the nodes (issue 19). Reading `node.span.start` and
 * moving a span in place (`node.span.end += d`) work as with a span object, and spans stay unshared between nodes.
 * What every node of a class has alike lives on the class's prototype, not in each node: `type`, and a plain
 * scalar's `style`; a plain scalar written as its value reads (`name: 公交车辆`, `amount: 75000`: most of a
 * register) holds no `source` of its own. Each field a node need not hold is 8 bytes times millions.
 * A node written as a literal (`{ type, span: { ... }, ... }`, as tests do) is a node all the same.
 */

/** Puts `values` on a class's prototype: read like own fields, held once. */
function shared(prototype: object, values: Record<string, string>): void {
  for (const [key, value] of Object.entries(values)) Object.defineProperty(prototype, key, { value, enumerable: true });
}

class Scalar implements ScalarNode {
  // Declared, not defined: a class field would be defined (as undefined) before the constructor runs, which costs
  // the parser a tenth of its time; plain assignments build the same shape as an object literal.
  declare readonly type: 'scalar';
  declare start: number;
  declare end: number;
  declare value: string | number | boolean | null;
  declare source: string;
  declare style: ScalarNode['style'];

  constructor(
    start: number,
    end: number,
    value: string | number | boolean | null,
    source: string,
    style: ScalarNode['style'],
  ) {
    this.start = start;
    this.end = end;
    this.value = value;
    this.source = source;
    this.style = style;
  }

  get span(): Span {
    return this;
  }

  set span(span: Span) {
    this.start = span.start;
    this.end = span.end;
  }
}
shared(Scalar.prototype, { type: 'scalar' });

/**
 * A plain scalar written as its value reads (`公交车辆`, `2024`, `true`): `style` is 'plain' and `source` is the
 * value as text, so neither is held (a number's text is made again when asked for, which is rare).
 */
class PlainText implements ScalarNode {
  declare readonly type: 'scalar';
  declare readonly style: 'plain';
  declare start: number;
  declare end: number;
  declare value: string | number | boolean;

  constructor(start: number, end: number, value: string | number | boolean) {
    this.start = start;
    this.end = end;
    this.value = value;
  }

  get source(): string {
    const value = this.value;
    return typeof value === 'string' ? value : String(value);
  }

  get span(): Span {
    return this;
  }

  set span(span: Span) {
    this.start = span.start;
    this.end = span.end;
  }
}
shared(PlainText.prototype, { type: 'scalar', style: 'plain' });

class Mapping implements MapNode {
  declare readonly type: 'map';
  declare start: number;
  declare end: number;
  declare entries: MapEntry[];

  constructor(start: number, end: number, entries: MapEntry[]) {
    this.start = start;
    this.end = end;
    this.entries = entries;
  }

  get span(): Span {
    return this;
  }

  set span(span: Span) {
    this.start = span.start;
    this.end = span.end;
  }
}
shared(Mapping.prototype, { type: 'map' });

class Sequence implements SeqNode {
  declare readonly type: 'seq';
  declare start: number;
  declare end: number;
  declare items: YamlNode[];

  constructor(start: number, end: number, items: YamlNode[]) {
    this.start = start;
    this.end = end;
    this.items = items;
  }

  get span(): Span {
    return this;
  }

  set span(span: Span) {
    this.start = span.start;
    this.end = span.end;
  }
}
shared(Sequence.prototype, { type: 'seq' });

/**
 * A node that moves itself without reading its entries (a folded item: parser/folded.ts), so that moving it costs
 * nothing and does not parse it again.
 */
export interface SelfMoving {
  moveBy(delta: number): void;
}

export function movesItself(node: YamlNode): node is YamlNode & SelfMoving {
  return typeof (node as Partial<SelfMoving>).moveBy === 'function';
}

/** An entry is its key's span (`start`, `end`: the key token). */
class KeyEntry implements MapEntry {
  declare key: string;
  declare start: number;
  declare end: number;
  declare value: YamlNode;

  constructor(key: string, start: number, end: number, value: YamlNode) {
    this.key = key;
    this.start = start;
    this.end = end;
    this.value = value;
  }

  get keySpan(): Span {
    return this;
  }

  set keySpan(span: Span) {
    this.start = span.start;
    this.end = span.end;
  }
}

/**
 * An entry whose key is written as itself (`name:`, nearly every key): its span ends at its start plus its length,
 * so the end is not held. Move it with moveKey (its end cannot be set).
 */
class PlainKey implements MapEntry {
  declare key: string;
  declare start: number;
  declare value: YamlNode;

  constructor(key: string, start: number, value: YamlNode) {
    this.key = key;
    this.start = start;
    this.value = value;
  }

  get end(): number {
    return this.start + this.key.length;
  }

  get keySpan(): Span {
    return this;
  }
}

/** An entry whose key token spans [start, end). */
export function keyEntry(key: string, start: number, end: number, value: YamlNode): MapEntry {
  return end - start === key.length ? new PlainKey(key, start, value) : new KeyEntry(key, start, end, value);
}

/** Moves an entry's key span by `delta` in place. */
export function moveKey(entry: MapEntry, delta: number): void {
  const span = entry.keySpan;
  span.start += delta;
  if (!(span instanceof PlainKey)) span.end += delta;
}

export function scalarNode(
  start: number,
  end: number,
  value: ScalarNode['value'],
  source: string,
  style: ScalarNode['style'],
): ScalarNode {
  return style === 'plain' && value !== null && (value === source || String(value) === source)
    ? new PlainText(start, end, value)
    : new Scalar(start, end, value, source, style);
}

/** A mapping node; `entries` is kept as given (see `exact`). */
export function mapNode(start: number, end: number, entries: MapEntry[]): MapNode {
  return new Mapping(start, end, entries);
}

/** A sequence node; `items` is kept as given (see `exact`). */
export function seqNode(start: number, end: number, items: YamlNode[]): SeqNode {
  return new Sequence(start, end, items);
}

export function mapEntry(key: string, keySpan: Span, value: YamlNode): MapEntry {
  return keyEntry(key, keySpan.start, keySpan.end, value);
}

/**
 * An array built by push, at its exact size: push grows the backing store by half and at least 16 slots, so a
 * three-key mapping's entries would hold 17 slots for as long as the tree lives.
 */
export function exact<T>(values: T[]): T[] {
  return values.slice();
}

export function getEntry(map: MapNode, key: string): MapEntry | undefined {
  for (const entry of map.entries) if (entry.key === key) return entry;
  return undefined;
}

export function getValue(node: YamlNode | undefined, key: string): YamlNode | undefined {
  return node && node.type === 'map' ? getEntry(node, key)?.value : undefined;
}
