/**
 * Parsing one chunk of a file (a document head or tail, or one item of a list): the fast parser first, else the
 * `yaml` package, whose result is converted to our tree and its errors to YAML problems; cached by the chunk's text.
 */
import type { YAMLError } from 'yaml';
import type { Span } from '../types';
import type { YamlNode } from './ast';
import { convertDocument, shiftInPlace, shiftNode } from './convert';
import type { ConvertProblem } from './convert';
import { parseFast } from './fast';
import type { YamlProblem } from './problems';
import { yamlLib } from './yaml-lib';

export interface ChunkResult {
  node: YamlNode | null;
  /** Problems with spans relative to the chunk start. */
  problems: YamlProblem[];
  unresolvedAlias: boolean;
}

/** Parsed chunks by text. Bounded: the oldest entries go first. */
export class ChunkCache {
  private readonly entries = new Map<string, ChunkResult>();
  hits = 0;
  misses = 0;
  constructor(private readonly capacity = 100_000) {}

  get(text: string): ChunkResult | undefined {
    const found = this.entries.get(text);
    if (found) this.hits++;
    else this.misses++;
    return found;
  }

  set(text: string, result: ChunkResult): void {
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(text, result);
  }
}

/** How chunks are parsed: the cache of results by text, the fast parser first or not, items deferred or not. */
export interface ChunkParser {
  cache: ChunkCache | undefined;
  fast: boolean;
  defer?: boolean;
}

/**
 * Parses `text[span]`. An item chunk is a one-element block sequence (`- id: ...`); its node is that element.
 * Results are cached by the chunk's text with offsets relative to the chunk, and shifted on the way out.
 * `sliced`: the chunk's text, when the caller has it. `owned`: it is a copy (ownCopy), and the tree's strings
 * must point into it rather than into the file's text; otherwise the fast parser reads the file's text in place.
 */
export function parseChunk(
  text: string,
  span: Span,
  shape: 'document' | 'item',
  { cache, fast }: ChunkParser,
  sliced?: string,
  owned = false,
): ChunkResult {
  if (fast) {
    const node =
      owned && sliced !== undefined
        ? parseFast(sliced, 0, sliced.length, shape)
        : parseFast(text, span.start, span.end, shape);
    if (node !== undefined)
      return { node: owned ? shiftInPlace(node, span.start) : node, problems: [], unresolvedAlias: false };
  }
  const source = sliced ?? text.slice(span.start, span.end);
  const key = shape === 'item' ? source : '\u0000' + source;
  let relative = cache?.get(key);
  if (!relative) {
    relative = parseRelative(source, shape);
    cache?.set(key, relative);
  }
  if (span.start === 0) return relative;
  return {
    node: relative.node ? shiftNode(relative.node, span.start) : null,
    problems: relative.problems.map((p) => ({
      ...p,
      span: { start: p.span.start + span.start, end: p.span.end + span.start },
    })),
    unresolvedAlias: relative.unresolvedAlias,
  };
}

function parseRelative(source: string, shape: 'document' | 'item'): ChunkResult {
  const doc = yamlLib().parseDocument(source, {
    uniqueKeys: true,
    prettyErrors: false,
    keepSourceTokens: false,
    strict: true,
  });
  const problems: YamlProblem[] = [];
  for (const error of doc.errors) problems.push(fromYamlError(error, source));
  for (const warning of doc.warnings) problems.push(fromYamlError(warning, source));
  const converted = convertDocument(doc, 0);
  let unresolvedAlias = false;
  for (const problem of converted.problems) {
    if (problem.kind === 'unresolved-alias') unresolvedAlias = true;
    problems.push(fromConvertProblem(problem));
  }
  let node = converted.node;
  if (shape === 'item' && node) {
    if (node.type === 'seq' && node.items.length === 1) node = node.items[0];
    else if (node.type === 'seq' && node.items.length === 0) node = null;
  }
  // A problem the parser places at the very end of an item's text (an unclosed bracket, say) belongs to that
  // item: the end is the next item's start, where the item it came from could not be told from the offset.
  const inside =
    shape === 'item' && source.length > 0
      ? problems.map((p) =>
          p.span.start < source.length ? p : { ...p, span: { start: source.length - 1, end: source.length } },
        )
      : problems;
  return { node, problems: dedupe(inside), unresolvedAlias };
}

function fromYamlError(error: YAMLError, source: string): YamlProblem {
  const [start, end] = error.pos;
  const span = { start, end: Math.max(end, start) };
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^("[^"\n]*"|'[^'\n]*'|[^\s:#,[\]{}][^:#\n]*?)(?=[ \t]*:)/.exec(source.slice(start, start + 1100));
    if (key)
      return {
        code: error.code,
        span: { start, end: start + key[1].length },
        detail: key[1].replace(/^["']|["']$/g, ''),
      };
    return { code: error.code, span };
  }
  return { code: error.code, span, detail: error.message };
}

function fromConvertProblem(problem: ConvertProblem): YamlProblem {
  switch (problem.kind) {
    case 'depth':
      return { code: 'TOO_DEEP', span: problem.span };
    case 'alias-budget':
      return { code: 'ALIAS_BUDGET', span: problem.span };
    case 'unresolved-alias':
      return { code: 'UNRESOLVED_ALIAS', span: problem.span, detail: problem.name };
    case 'complex-key':
      return { code: 'COMPLEX_KEY', span: problem.span };
  }
}

/** The parser may report one cause many times (a stack overflow per level): keep one per code and place. */
function dedupe(problems: YamlProblem[]): YamlProblem[] {
  const seen = new Set<string>();
  const out: YamlProblem[] = [];
  let exhausted = false;
  for (const problem of problems) {
    if (problem.code === 'RESOURCE_EXHAUSTION' || problem.code === 'TOO_DEEP') {
      if (exhausted) continue;
      exhausted = true;
    }
    const key = `${problem.code}:${problem.span.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  return out;
}
