/**
 * JSON written in pieces, byte for byte as `JSON.stringify(value, null, 2)` would write it whole: the one large
 * array of a report (files, results) is written element by element, so no string ever holds the whole report.
 */

const MARKER = '\u0000streamed-array\u0000';
const pad = (level: number): string => '  '.repeat(level);

/** `value` as JSON with two-space indentation, for a place `level` levels deep. */
export function jsonAt(value: unknown, level: number): string {
  const text = JSON.stringify(value, null, 2);
  return level === 0 ? text : text.replace(/\n/g, `\n${pad(level)}`);
}

/** The elements of one array: each element's JSON (or its pieces), given the level its first line stands at. */
export type Elements = (level: number) => Iterable<string | Iterable<string>>;

/** An array whose opening bracket stands at `level`. */
export function* jsonArray(elements: Elements, level: number): Generator<string> {
  let first = true;
  for (const element of elements(level + 1)) {
    yield (first ? '[\n' : ',\n') + pad(level + 1);
    first = false;
    if (typeof element === 'string') yield element;
    else yield* element;
  }
  yield first ? '[]' : `\n${pad(level)}]`;
}

/**
 * `value` (an object, at `level`) with the array under the key path `keys` written element by element. The
 * other keys keep their order; what `value` holds at that path is replaced.
 */
export function* jsonWithArray(
  value: Record<string, unknown>,
  keys: Array<string | number>,
  elements: Elements,
  level: number,
): Generator<string> {
  const text = jsonAt(replaced(value, keys), level);
  const marker = JSON.stringify(MARKER);
  const at = text.indexOf(marker);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const keyLevel = (text.slice(lineStart).length - text.slice(lineStart).trimStart().length) / 2;
  yield text.slice(0, at);
  yield* jsonArray(elements, keyLevel);
  yield text.slice(at + marker.length);
}

function replaced(value: unknown, keys: Array<string | number>): unknown {
  if (keys.length === 0) return MARKER;
  const [key, ...rest] = keys;
  if (Array.isArray(value))
    return (value as unknown[]).map((entry, index) => (index === key ? replaced(entry, rest) : entry));
  const object = value as Record<string, unknown>;
  return { ...object, [key]: replaced(object[key], rest) };
}
