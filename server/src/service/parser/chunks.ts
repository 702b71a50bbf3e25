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
  const forbidden = forbiddenCharacter(source);
  if (forbidden) problems.push(forbidden);
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

/**
 * Characters YAML allows nowhere (the `yaml` package reads them into values): C0 control characters other than
 * tab and line breaks (not even quoted; only escaped, `"\x00"`), and a byte-order mark opening a line after the
 * document's content began (one is allowed only before a document); and a carriage return not followed by a line
 * feed, which YAML calls a line break and the `yaml` package does not. The first one in a chunk is reported; the
 * fast parser declines on either, so a chunk holding one always comes here.
 */
const FORBIDDEN = /[\x00-\x08\x0b\x0c\x0e-\x1f]|(?<=\n)\ufeff|\r(?!\n)/g;

function forbiddenCharacter(source: string): YamlProblem | undefined {
  FORBIDDEN.lastIndex = 0;
  for (let found = FORBIDDEN.exec(source); found; found = FORBIDDEN.exec(source)) {
    const span = { start: found.index, end: found.index + 1 };
    const c = found[0].charCodeAt(0);
    if (c === 13) return { code: 'LONE_CR', span };
    if (c !== 0xfeff)
      return { code: 'CONTROL_CHAR', span, detail: `U+${c.toString(16).toUpperCase().padStart(4, '0')}` };
    if (!isTriviaBefore(source, found.index)) return { code: 'BOM_INSIDE', span };
  }
  return undefined;
}

/** Only blank lines and comments before `end`. */
function isTriviaBefore(source: string, end: number): boolean {
  let lineStart = true;
  for (let i = 0; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13) lineStart = true;
    else if (c === 32 || c === 9 || c === 0xfeff) continue;
    else if (c === 35 && lineStart) {
      const lf = source.indexOf('\n', i);
      if (lf < 0 || lf >= end) return true;
      i = lf - 1;
    } else return false;
  }
  return true;
}

function fromYamlError(error: YAMLError, source: string): YamlProblem {
  const [start, end] = error.pos;
  const span = { start, end: Math.max(end, start) };
  if (error.code === 'DUPLICATE_KEY') {
    const key = duplicateKeyText(source.slice(start, start + 1100));
    if (key)
      return {
        code: error.code,
        span: { start, end: start + key.length },
        detail: key.replace(/^["']|["']$/g, ''),
      };
    return { code: error.code, span };
  }
  return { code: error.code, span, detail: error.message };
}

const QUOTED_KEY = /^("[^"\n]*"|'[^'\n]*')(?=[ \t]*:)/;

/**
 * The key a duplicate-key error points at: quoted, or plain up to the blanks before its colon (a plain key is
 * cut at the first `:`, `#` or line break; a search, as a lazy regular expression would backtrack over blanks).
 */
function duplicateKeyText(text: string): string | undefined {
  const c = text.charCodeAt(0);
  const quoted = c === 34 || c === 39 ? QUOTED_KEY.exec(text) : null;
  if (quoted) return quoted[1];
  if (text.length === 0 || /^[\s:#,[\]{}]/.test(text)) return undefined;
  let stop = 1;
  while (stop < text.length && !':#\n'.includes(text[stop])) stop++;
  if (text[stop] !== ':') return undefined;
  let end = stop;
  while (end > 1 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return text.slice(0, end);
}

function fromConvertProblem(problem: ConvertProblem): YamlProblem {
  switch (problem.kind) {
    case 'depth':
      return { code: 'TOO_DEEP', span: problem.span };
    case 'alias-budget':
      return { code: 'ALIAS_BUDGET', span: problem.span };
    case 'alias-cycle':
      return { code: 'ALIAS_CYCLE', span: problem.span, detail: problem.name };
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
