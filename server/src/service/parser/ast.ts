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

export function getEntry(map: MapNode, key: string): MapEntry | undefined {
  for (const entry of map.entries) if (entry.key === key) return entry;
  return undefined;
}

export function getValue(node: YamlNode | undefined, key: string): YamlNode | undefined {
  return node && node.type === 'map' ? getEntry(node, key)?.value : undefined;
}
