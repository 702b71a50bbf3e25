/**
 * The block structure around a line, read by indentation from the lines' shapes: which collection an entry at a
 * column belongs to (its path in the document), and the entries already written beside it.
 */
import type { PathSegment } from '../schema/navigate';
import { unquote } from '../parser/line-shape';
import type { LineShape } from '../parser/line-shape';
import type { DocumentLines } from './document-lines';

export interface Located {
  /** Path of the collection whose entries sit at the column. */
  path: PathSegment[];
  /** Entries of that collection above the line (for a sequence: the index of the line's item). */
  siblings: number;
}

/**
 * The path of the collection that holds an entry at `column` on `line`: a mapping key (`isDash` false) or a
 * sequence item (`isDash` true). `dashes` are the line's sequence indicators left of the entry. Undefined when
 * the position is inside a scalar (a block scalar's text, a multi-line plain scalar).
 */
export function locate(
  lines: DocumentLines,
  line: number,
  column: number,
  isDash: boolean,
  dashes: readonly number[],
): Located | undefined {
  const before = dashes.filter((d) => d < column);
  if (isDash && before.length === 0) {
    // The `-` of a top-level item: the parse knows its index, no need to count the items above.
    const item = lines.itemAt(line);
    if (item && item.column === column) return { path: [item.key], siblings: item.index };
  }
  if (before.length > 0) {
    const dash = before[before.length - 1];
    const outer = locate(lines, line, dash, true, before.slice(0, -1));
    return outer && { path: [...outer.path, outer.siblings], siblings: 0 };
  }
  let siblings = 0;
  for (let up = line - 1; up >= 0; up--) {
    const shape = lines.shape(up);
    if (shape.boundary) break;
    if (shape.blank) continue;
    const keyBelow = shape.key && shape.key.column < column ? shape.key : undefined;
    const dashBelow = shape.dashes.filter((d) => d < column);
    if (!keyBelow && dashBelow.length === 0) {
      if (shape.indent < column) return undefined; // a scalar's continuation line at a smaller indent: broken text
      if (isDash && shape.key && shape.key.column === column && shape.value === '' && !shape.dashes.includes(column)) {
        const outer = locate(lines, up, column, false, shape.dashes);
        return outer && { path: [...outer.path, shape.key.name], siblings };
      }
      if (isDash && shape.dashes.includes(column)) siblings++;
      continue;
    }
    if (isDash && shape.dashes.includes(column)) siblings++;
    if (keyBelow) {
      // A key with a value on its own line holds no block below it: deeper lines continue that scalar.
      if (shape.value !== '' && !/^[&!][^\s]*$/.test(shape.value)) return undefined;
      const outer = locate(lines, up, keyBelow.column, false, shape.dashes);
      return outer && { path: [...outer.path, keyBelow.name], siblings };
    }
    const dash = dashBelow[dashBelow.length - 1];
    const isLast = dash === shape.dashes[shape.dashes.length - 1];
    if (isLast && !shape.key && shape.value !== '') return undefined;
    const outer = locate(lines, up, dash, true, dashBelow.slice(0, -1));
    return outer && { path: [...outer.path, outer.siblings], siblings };
  }
  return { path: [], siblings };
}

/**
 * The entries (key → value as written) of the mapping whose keys sit at `column` around `line`, the line itself
 * excluded. `startsHere`: the mapping starts on `line` (after a `- `), so nothing above belongs to it.
 */
export function entriesAround(
  lines: DocumentLines,
  line: number,
  column: number,
  startsHere: boolean,
): Map<string, string> {
  const out = new Map<string, string>();
  const record = (shape: LineShape) => {
    if (shape.key && shape.key.column === column && !out.has(shape.key.name))
      out.set(shape.key.name, unquote(shape.value));
  };
  if (!startsHere) {
    for (let up = line - 1; up >= 0; up--) {
      const shape = lines.shape(up);
      if (shape.boundary) break;
      if (shape.blank) continue;
      if (shape.indent > column) continue;
      record(shape);
      if (shape.indent < column) break;
    }
  }
  for (let down = line + 1; down < lines.count; down++) {
    const shape = lines.shape(down);
    if (shape.boundary) break;
    if (shape.blank || shape.indent > column) continue;
    if (shape.indent < column) break;
    record(shape);
  }
  return out;
}

/** The top-level entries of the YAML document around `line`, the line itself included. */
export function rootEntries(lines: DocumentLines, line: number): Map<string, string> {
  const entries = entriesAround(lines, line, 0, false);
  const own = lines.shape(line);
  if (own.key && own.key.column === 0 && !entries.has(own.key.name)) entries.set(own.key.name, unquote(own.value));
  return entries;
}

/** Ids already listed in the block sequence around `line` (a `relatedResources:` list). */
export function relatedAround(lines: DocumentLines, line: number): string[] {
  const shape = lines.shape(line);
  const column = shape.dashes[shape.dashes.length - 1];
  if (column === undefined) return [];
  const out: string[] = [];
  const visit = (n: number): boolean => {
    const other = lines.shape(n);
    if (other.boundary) return false;
    if (other.blank) return true;
    if (other.indent !== column || other.dashes[0] !== column) return false;
    if (other.value) out.push(unquote(other.value));
    return true;
  };
  for (let up = line - 1; up >= 0 && visit(up); up--);
  for (let down = line + 1; down < lines.count && visit(down); down++);
  return out;
}
