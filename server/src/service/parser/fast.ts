/**
 * A fast parser for the block YAML that catalogs and registers are written in: block mappings and sequences,
 * plain and one-line quoted scalars, flow collections written on one line, literal and
 * simple folded block scalars, comments. It builds our node tree directly, with absolute offsets, in one pass
 * over the characters.
 *
 * It is exact or it declines: on anything outside that subset (anchors, aliases, tags, explicit keys, escapes,
 * multi-line plain or quoted scalars, tabs, control characters, duplicate keys, any YAML error) it returns
 * `undefined` and the caller parses the same text with the `yaml` package, which stays the reference. A test
 * compares the two parsers' trees on the examples, on generated files and on random edits of them.
 *
 * Spans follow the convention of convert.ts: a scalar's span is its token (quotes and block scalar header
 * included), a block collection's span runs from its first key or `-` to the end of its last child, a flow
 * collection's span is its brackets, an absent value is an empty span at the first non-blank character after
 * its indicator (the comment or the line end).
 */
import type { MapEntry, MapNode, ScalarNode, SeqNode, YamlNode } from './ast';
import { exact, keyEntry, mapEntry, mapNode, scalarNode, seqNode } from './ast';

const NL = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const SQUOTE = 39;
const DQUOTE = 34;

/** Thrown inside the parser to decline the input; never escapes `parseFast`. */
const DECLINE = Symbol('decline');

/** Characters the fast path does not handle anywhere: tabs, control characters, lone CRs, BOMs, NEL, LS, PS. */
const UNSUPPORTED = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff]|\r(?!\n)/;

/** Keys longer than this are declined (YAML limits implicit keys to 1024 characters). */
const MAX_KEY_LENGTH = 1000;
const MAX_DEPTH = 64;
/** Up to this many keys a mapping's duplicate keys are looked for by comparing each key with the ones before. */
const LINEAR_KEY_CHECK = 16;

export type FastShape = 'document' | 'item';

/**
 * Parses text[from, to) as a whole document (a block mapping at column 0) or as one item of a block sequence
 * (`- ...`, the element is returned). `undefined`: not in the subset, or not valid YAML; use the full parser.
 */
export function parseFast(text: string, from: number, to: number, shape: FastShape): YamlNode | undefined {
  if (UNSUPPORTED.test(from === 0 && to === text.length ? text : text.slice(from, to))) return undefined;
  try {
    return new FastParser(text, from, to).parse(shape);
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

function decline(): never {
  // A symbol, not an Error: declining is control flow on a hot path, and an Error would capture a stack each time.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw DECLINE;
}

interface Parsed<T extends YamlNode = YamlNode> {
  node: T;
  /** Start of the line after the node's last line (or the end of the text). */
  next: number;
}

class FastParser {
  constructor(
    private readonly s: string,
    private readonly from: number,
    private readonly to: number,
  ) {}

  parse(shape: FastShape): YamlNode {
    const first = this.nextContent(shape === 'document' ? this.afterMarker() : this.from);
    if (first >= this.to) decline();
    const indent = this.indentAt(first);
    let result: Parsed;
    if (shape === 'document') {
      if (indent !== 0) decline();
      result = this.parseMap(first, 0, 0);
    } else {
      if (!this.isDashItem(first + indent)) decline();
      const seq = this.parseSeq(first, indent, 0);
      if (seq.node.items.length !== 1) decline();
      result = { node: seq.node.items[0], next: seq.next };
    }
    if (this.nextContent(result.next) < this.to) decline();
    return result.node;
  }

  /** Past a `---` line that opens the document (with nothing but a comment after it), else the start. */
  private afterMarker(): number {
    const s = this.s;
    let p = this.from;
    while (p < this.to) {
      const i = this.skipSpaces(p);
      if (this.isLineEnd(i) || s.charCodeAt(i) === HASH) {
        p = this.lineAfter(i);
        continue;
      }
      if (i !== p || !this.isDocumentMarker(p) || s.charCodeAt(p) !== DASH) return this.from;
      const rest = this.skipSpaces(p + 3);
      if (!this.isLineEnd(rest) && (s.charCodeAt(rest) !== HASH || rest === p + 3)) return this.from;
      return this.lineAfter(p);
    }
    return this.from;
  }

  // ------------------------------------------------------------------------------------------------ lines

  /** The last line end found, and from where: the same line is asked for again and again. */
  private eolFrom = 0;
  private eolAt = -1;

  /** End of the line holding `i`: the index of its `\n`, or the end of the text. */
  private eol(i: number): number {
    if (i >= this.eolFrom && i <= this.eolAt) return this.eolAt;
    const lf = this.s.indexOf('\n', i);
    const at = lf < 0 || lf >= this.to ? this.to : lf;
    this.eolFrom = i;
    this.eolAt = at;
    return at;
  }

  /** Where the content of the line ending at `eol` stops (before a CR of a CRLF). */
  private contentEnd(eol: number): number {
    return eol > this.from && this.s.charCodeAt(eol - 1) === CR ? eol - 1 : eol;
  }

  private lineAfter(i: number): number {
    const e = this.eol(i);
    return e < this.to ? e + 1 : this.to;
  }

  private indentAt(lineStart: number): number {
    let i = lineStart;
    while (i < this.to && this.s.charCodeAt(i) === SPACE) i++;
    return i - lineStart;
  }

  /** The last nextContent question and answer: a value asks what follows it, then its collection asks again. */
  private askedFrom = -1;
  private answer = -1;

  /** The start of the first line at or after `lineStart` that holds content (not blank, not only a comment). */
  private nextContent(lineStart: number): number {
    if (lineStart === this.askedFrom) return this.answer;
    const answer = this.scanToContent(lineStart);
    this.askedFrom = lineStart;
    this.answer = answer;
    return answer;
  }

  private scanToContent(lineStart: number): number {
    const s = this.s;
    let p = lineStart;
    while (p < this.to) {
      let i = p;
      while (i < this.to && s.charCodeAt(i) === SPACE) i++;
      if (i >= this.to) return this.to;
      const c = s.charCodeAt(i);
      if (c !== NL && c !== CR && c !== HASH) {
        if (i === p && (c === DASH || c === 46) && this.isDocumentMarker(p)) decline();
        if (i === p && c === 37) decline(); // '%': a directive
        return p;
      }
      p = this.lineAfter(i);
    }
    return this.to;
  }

  private isDocumentMarker(p: number): boolean {
    const s = this.s;
    const c = s.charCodeAt(p);
    if (s.charCodeAt(p + 1) !== c || s.charCodeAt(p + 2) !== c) return false;
    const after = p + 3 < this.to ? s.charCodeAt(p + 3) : NL;
    return after === SPACE || after === NL || after === CR;
  }

  /** `-` followed by a space or the line end at `i`. */
  private isDashItem(i: number): boolean {
    if (this.s.charCodeAt(i) !== DASH) return false;
    if (i + 1 >= this.to) return true;
    const c = this.s.charCodeAt(i + 1);
    return c === SPACE || c === NL || c === CR;
  }

  private isLineEnd(i: number): boolean {
    if (i >= this.to) return true;
    const c = this.s.charCodeAt(i);
    return c === NL || c === CR;
  }

  private skipSpaces(i: number): number {
    while (i < this.to && this.s.charCodeAt(i) === SPACE) i++;
    return i;
  }

  // ------------------------------------------------------------------------------------------ collections

  /**
   * A block mapping whose keys sit at column `col`; its first key starts at `keyStart` (after a `- ` when the
   * map is a sequence item's).
   */
  private parseMap(keyStart: number, col: number, depth: number): Parsed<MapNode> {
    // Its children sit one level deeper: past MAX_DEPTH the reference replaces them (TOO_DEEP).
    if (depth >= MAX_DEPTH) decline();
    const entries: MapEntry[] = [];
    let keys: Set<string> | undefined;
    let k = keyStart;
    let next: number;
    for (;;) {
      const entry = this.parseEntry(k, col, depth);
      const key = entry.entry.key;
      // A register's asset has 10 to 13 keys of different lengths: comparing them (a length check each) costs less
      // than a Set made per asset.
      if (entries.length < LINEAR_KEY_CHECK) {
        for (const other of entries) if (other.key === key) decline();
      } else {
        if (!keys) keys = new Set(entries.map((e) => e.key));
        if (keys.has(key)) decline();
        keys.add(key);
      }
      entries.push(entry.entry);
      next = entry.next;
      const p = this.sibling(next, col);
      if (p < 0) break;
      if (this.isDashItem(p + col)) decline();
      k = p + col;
    }
    const last = entries[entries.length - 1];
    return { node: mapNode(keyStart, last.value.span.end, exact(entries)), next };
  }

  /**
   * The next content line at or after `lineStart` when it continues a block at column `col`; -1 when the block
   * ends there (the text ends or the line sits left of `col`). A line deeper than `col` is not for this parser.
   */
  private sibling(lineStart: number, col: number): number {
    const p = this.nextContent(lineStart);
    if (p >= this.to) return -1;
    const indent = this.indentAt(p);
    if (indent < col) return -1;
    if (indent > col) decline();
    return p;
  }

  /** A block sequence whose `-` indicators sit at column `col`, the first on the line starting at `lineStart`. */
  private parseSeq(lineStart: number, col: number, depth: number): Parsed<SeqNode> {
    // Its children sit one level deeper: past MAX_DEPTH the reference replaces them (TOO_DEEP).
    if (depth >= MAX_DEPTH) decline();
    const items: YamlNode[] = [];
    let line = lineStart;
    let next: number;
    for (;;) {
      const dash = line + col;
      const item = this.parseSeqItem(line, dash, col, depth);
      items.push(item.node);
      next = item.next;
      const p = this.sibling(next, col);
      if (p < 0) break;
      // At the same column but not an item: the next key of the map this sequence is the value of.
      if (!this.isDashItem(p + col)) break;
      line = p;
    }
    const last = items[items.length - 1];
    return { node: seqNode(lineStart + col, last.span.end, exact(items)), next };
  }

  private parseSeqItem(lineStart: number, dash: number, col: number, depth: number): Parsed {
    const s = this.s;
    const i = this.skipSpaces(dash + 1);
    if (this.isLineEnd(i) || s.charCodeAt(i) === HASH) {
      if (s.charCodeAt(i) === HASH && i === dash + 1) decline();
      return this.parseNested(i, col, depth, false);
    }
    if (this.isDashItem(i)) decline(); // a sequence in a sequence on one line
    if (this.startsKey(i)) return this.parseMap(i, i - lineStart, depth + 1);
    return this.parseInlineValue(i, col, depth);
  }

  /**
   * The value after an indicator with nothing else on its line (`key:` or `-`): a block node on the following
   * lines, indented deeper than `col` (or, after a key, a sequence at the key's own column), or else nothing.
   */
  private parseNested(at: number, col: number, depth: number, afterKey: boolean): Parsed {
    const lineEnd = this.eol(at);
    const following = lineEnd < this.to ? lineEnd + 1 : this.to;
    const p = this.nextContent(following);
    if (p < this.to) {
      const indent = this.indentAt(p);
      if (indent > col) {
        if (this.isDashItem(p + indent)) return this.parseSeq(p, indent, depth + 1);
        if (!this.startsKey(p + indent)) decline(); // a scalar on its own line
        return this.parseMap(p + indent, indent, depth + 1);
      }
      if (afterKey && indent === col && this.isDashItem(p + col)) return this.parseSeq(p, col, depth + 1);
    }
    return { node: nullScalar(at), next: following };
  }

  /** Whether a mapping key starts at `i`: a plain or quoted scalar followed by `:` and a space or line end. */
  private startsKey(i: number): boolean {
    const s = this.s;
    const c = s.charCodeAt(i);
    if (c === SQUOTE || c === DQUOTE) {
      const close = s.indexOf(String.fromCharCode(c), i + 1);
      return close > 0 && close < this.eol(i) && s.charCodeAt(close + 1) === COLON && this.isSeparator(close + 2);
    }
    if (isIndicator(c)) return false;
    const end = this.contentEnd(this.eol(i));
    for (let j = i; j < end; j++) {
      const d = s.charCodeAt(j);
      if (d === COLON && this.isSeparator(j + 1)) return true;
      if (d === HASH && j > i && s.charCodeAt(j - 1) === SPACE) return false;
    }
    return false;
  }

  private isSeparator(i: number): boolean {
    if (i >= this.to) return true;
    const c = this.s.charCodeAt(i);
    return c === SPACE || c === NL || c === CR;
  }

  /** One `key: value` entry whose key starts at `k` (column `col`). */
  private parseEntry(k: number, col: number, depth: number): { entry: MapEntry; next: number } {
    const s = this.s;
    let key: string;
    let keyEnd: number;
    const c = s.charCodeAt(k);
    if (c === SQUOTE || c === DQUOTE) {
      const quoted = this.quoted(k);
      key = quoted.value;
      keyEnd = quoted.end;
      if (s.charCodeAt(keyEnd) !== COLON) decline();
    } else {
      if (isIndicator(c)) decline();
      const end = this.contentEnd(this.eol(k));
      let j = k;
      for (; j < end; j++) {
        const d = s.charCodeAt(j);
        if (d === COLON && this.isSeparator(j + 1)) break;
        if (d === HASH && s.charCodeAt(j - 1) === SPACE) decline();
      }
      if (j >= end) decline();
      if (s.charCodeAt(j - 1) === SPACE) decline();
      keyEnd = j;
      key = plainKey(s, k, j);
    }
    if (keyEnd - k > MAX_KEY_LENGTH) decline();
    const i = this.skipSpaces(keyEnd + 1);
    if (i === keyEnd + 1 && !this.isLineEnd(i)) decline(); // `key:value` needs a space
    let value: Parsed;
    if (this.isLineEnd(i) || s.charCodeAt(i) === HASH) value = this.parseNested(i, col, depth, true);
    else value = this.parseInlineValue(i, col, depth);
    return { entry: keyEntry(key, k, keyEnd, value.node), next: value.next };
  }

  /** A value that starts on its indicator's line, at `i`: a scalar, a flow collection or a block scalar. */
  private parseInlineValue(i: number, col: number, depth: number): Parsed {
    const s = this.s;
    const c = s.charCodeAt(i);
    let node: YamlNode;
    let after: number;
    switch (c) {
      case SQUOTE:
      case DQUOTE: {
        const quoted = this.quoted(i);
        node = scalarNode(i, quoted.end, quoted.value, quoted.value, c === SQUOTE ? 'single' : 'double');
        after = quoted.end;
        break;
      }
      case 91: // '['
      case 123: // '{'
        ({ node, end: after } = this.flowCollection(i, this.contentEnd(this.eol(i)), depth));
        break;
      case 124: // '|'
      case 62: // '>'
        return this.blockScalar(i, col);
      default: {
        if (isIndicator(c) && !this.isPlainDash(i)) decline();
        const end = this.contentEnd(this.eol(i));
        let j = i;
        let last = i;
        for (; j < end; j++) {
          const d = s.charCodeAt(j);
          if (d === SPACE) continue;
          if (d === HASH && s.charCodeAt(j - 1) === SPACE) break;
          if (d === COLON && this.isSeparator(j + 1)) decline();
          last = j + 1;
        }
        node = plainScalar(plainText(s, i, last), i, last);
        after = last;
        break;
      }
    }
    // Only a comment may follow the value on its line.
    const rest = this.skipSpaces(after);
    if (!this.isLineEnd(rest)) {
      if (s.charCodeAt(rest) !== HASH || rest === after) decline();
    }
    const next = this.lineAfter(after);
    // A deeper line after a one-line value would continue a plain scalar, or be an error: the full parser decides.
    const p = this.nextContent(next);
    if (p < this.to && this.indentAt(p) > col) decline();
    return { node, next };
  }

  /** `-` starting a plain scalar such as `-1` or `-x` (followed by neither a space nor a flow indicator). */
  private isPlainDash(i: number): boolean {
    if (this.s.charCodeAt(i) !== DASH || i + 1 >= this.to) return false;
    const c = this.s.charCodeAt(i + 1);
    return c !== SPACE && c !== NL && c !== CR && c !== 44 && c !== 91 && c !== 93 && c !== 123 && c !== 125;
  }

  /** A one-line quoted scalar starting at `i`; declines escapes and line breaks. */
  private quoted(i: number): { value: string; end: number } {
    const s = this.s;
    const quote = s.charCodeAt(i);
    const lineEnd = this.eol(i);
    if (quote === DQUOTE) {
      const close = s.indexOf('"', i + 1);
      if (close < 0 || close >= lineEnd) decline();
      const value = s.slice(i + 1, close);
      if (value.indexOf('\\') >= 0) decline();
      return { value, end: close + 1 };
    }
    let j = i + 1;
    let value = '';
    let from = j;
    for (;;) {
      const close = s.indexOf("'", j);
      if (close < 0 || close >= lineEnd) decline();
      if (s.charCodeAt(close + 1) === SQUOTE) {
        value += s.slice(from, close + 1);
        j = close + 2;
        from = j;
        continue;
      }
      value += s.slice(from, close);
      return { value, end: close + 1 };
    }
  }

  /** A flow node on one line starting at `i`: `[...]`, `{...}`, a quoted or a plain scalar. */
  private flowNode(i: number, lineEnd: number, depth: number): { node: YamlNode; end: number } {
    // Its children sit one level deeper: past MAX_DEPTH the reference replaces them (TOO_DEEP).
    if (depth >= MAX_DEPTH) decline();
    const s = this.s;
    const c = s.charCodeAt(i);
    if (c === 91 || c === 123) return this.flowCollection(i, lineEnd, depth);
    if (c === SQUOTE || c === DQUOTE) {
      const quoted = this.quoted(i);
      return {
        node: scalarNode(i, quoted.end, quoted.value, quoted.value, c === SQUOTE ? 'single' : 'double'),
        end: quoted.end,
      };
    }
    if (isIndicator(c) && !this.isPlainDash(i)) decline();
    let last = i;
    for (let j = i; j < lineEnd; j++) {
      const d = s.charCodeAt(j);
      if (d === 44 || d === 93 || d === 125) break; // , ] }
      if (d === 91 || d === 123) decline();
      if (d === COLON) {
        const e = s.charCodeAt(j + 1);
        if (e === SPACE || e === 44 || e === 93 || e === 125 || j + 1 >= lineEnd) break; // a key ends here
        decline();
      }
      if (d === HASH && s.charCodeAt(j - 1) === SPACE) decline();
      if (d !== SPACE) last = j + 1;
    }
    if (last === i) decline();
    return { node: plainScalar(plainText(s, i, last), i, last), end: last };
  }

  /** `[a, 'b', [c]]` or `{ k: v, k2: [x] }` on one line. */
  private flowCollection(open: number, lineEnd: number, depth: number): { node: YamlNode; end: number } {
    const s = this.s;
    const isMap = s.charCodeAt(open) === 123;
    const closer = isMap ? 125 : 93;
    const items: YamlNode[] = [];
    const entries: MapEntry[] = [];
    let i = this.skipSpaces(open + 1);
    for (;;) {
      if (i >= lineEnd) decline();
      if (s.charCodeAt(i) === closer) break;
      if (isMap) {
        const key = this.flowNode(i, lineEnd, depth + 1);
        if (key.node.type !== 'scalar' || s.charCodeAt(key.end) !== COLON || s.charCodeAt(key.end + 1) !== SPACE)
          decline();
        const name = key.node.value == null ? '' : String(key.node.value);
        for (const other of entries) if (other.key === name) decline();
        const at = this.skipSpaces(key.end + 1);
        const d = s.charCodeAt(at);
        if (d === 44 || d === closer || at >= lineEnd) decline(); // an empty value
        const value = this.flowNode(at, lineEnd, depth + 1);
        entries.push(mapEntry(name, key.node.span, value.node));
        i = this.skipSpaces(value.end);
      } else {
        const item = this.flowNode(i, lineEnd, depth + 1);
        if (s.charCodeAt(item.end) === COLON) decline(); // a pair in a sequence
        items.push(item.node);
        i = this.skipSpaces(item.end);
      }
      const d = s.charCodeAt(i);
      if (i >= lineEnd) decline();
      if (d === closer) break;
      if (d !== 44) decline();
      i = this.skipSpaces(i + 1);
      const e = s.charCodeAt(i);
      if (e === closer || e === 44) decline(); // a trailing or doubled comma
    }
    return { node: isMap ? mapNode(open, i + 1, exact(entries)) : seqNode(open, i + 1, exact(items)), end: i + 1 };
  }

  /**
   * `|`, `|-`, `>`, `>-` with their content on the following lines, indented deeper than `col`. Folded scalars
   * are taken only when every line sits at the content indentation with no blank line between.
   */
  private blockScalar(i: number, col: number): Parsed {
    const s = this.s;
    const folded = s.charCodeAt(i) === 62;
    let h = i + 1;
    let strip = false;
    if (s.charCodeAt(h) === DASH) {
      strip = true;
      h++;
    }
    const rest = this.skipSpaces(h);
    if (!this.isLineEnd(rest) && (s.charCodeAt(rest) !== HASH || rest === h)) decline(); // `+`, digits, text
    let line = this.lineAfter(i);
    // The content indentation is the first non-blank line's.
    let contentIndent = -1;
    let maxBlankIndent = 0;
    for (let p = line; p < this.to; p = this.lineAfter(p)) {
      const indent = this.indentAt(p);
      if (this.isLineEnd(p + indent)) {
        maxBlankIndent = Math.max(maxBlankIndent, indent);
        continue;
      }
      contentIndent = indent;
      break;
    }
    if (contentIndent <= col || maxBlankIndent > contentIndent) decline();
    const lines: string[] = [];
    let end = i;
    let next = line;
    let blanks = 0;
    for (; line < this.to;) {
      const indent = this.indentAt(line);
      const lineEnd = this.eol(line);
      if (this.isLineEnd(line + indent)) {
        if (indent > contentIndent) decline();
        blanks++;
        line = lineEnd < this.to ? lineEnd + 1 : this.to;
        continue;
      }
      if (indent < contentIndent) break;
      if (folded && (indent > contentIndent || blanks > 0)) decline();
      for (; blanks > 0; blanks--) lines.push('');
      lines.push(s.slice(line + contentIndent, this.contentEnd(lineEnd)));
      end = lineEnd < this.to ? lineEnd + 1 : this.to;
      line = end;
      next = end;
    }
    if (lines.length === 0) decline();
    const value = lines.join(folded ? ' ' : '\n') + (strip ? '' : '\n');
    const p = this.nextContent(next);
    if (p < this.to && this.indentAt(p) > col) decline();
    return { node: scalarNode(i, end, value, value, 'block'), next };
  }
}

/** Characters that cannot start a plain scalar here (`-`, `?` and `:` followed by a space are indicators too). */
function isIndicator(c: number): boolean {
  switch (c) {
    case DASH:
    case 63:
    case COLON: // - ? : (also declined when followed by other text: rare, and safe)
    case 44:
    case 91:
    case 93:
    case 123:
    case 125: // , [ ] { }
    case HASH:
    case 38:
    case 42:
    case 33:
    case 124:
    case 62: // # & * ! | >
    case SQUOTE:
    case DQUOTE:
    case 37:
    case 64:
    case 96: // ' " % @ `
      return true;
    default:
      return false;
  }
}

/**
 * Keys repeat in every item (`id`, `name`, `securityGrade`, ...): each is read once and then recognised in place,
 * by its first and last characters and its length, without slicing it again. Every later `key === 'name'` in the rules then
 * compares one string with itself, and building plain objects for the schema validator finds the property name
 * without hashing it again. A fixed table: odd files cannot grow it.
 */
const KEY_SLOTS = new Array<string | undefined>(1024).fill(undefined);

function plainKey(s: string, k: number, j: number): string {
  const length = j - k;
  const slot = (s.charCodeAt(k) * 31 + length * 7 + s.charCodeAt(j - 1)) & 1023;
  const known = KEY_SLOTS[slot];
  if (known !== undefined && known.length === length && sameText(s, k, known)) return known;
  const text = s.slice(k, j);
  const resolved = resolvePlain(text);
  const key = resolved == null ? '' : String(resolved);
  // Only keys that read as themselves (not `1.0`, `~` or `null`) can be recognised by their text.
  // A copy: a slice would keep the whole text it was cut from alive in the table.
  if (key === text && length <= 64) KEY_SLOTS[slot] = ownCopy(key);
  return key;
}

/** Whether `s` holds `known` at `k`: String#startsWith with a position costs about three times this loop here. */
function sameText(s: string, k: number, known: string): boolean {
  for (let i = 0; i < known.length; i++) if (s.charCodeAt(k + i) !== known.charCodeAt(i)) return false;
  return true;
}

/**
 * Short values repeat too (`true`, `2025`, `使用`, `非税收入`, an entity's name): a plain scalar of at most
 * SHARED_VALUE_LENGTH characters is taken from a fixed table when the table holds its text, so that the trees of an
 * open file share one string per such value instead of one per occurrence. Slices this short are copies in V8 (a
 * view is made from 13 characters on), so the table keeps no file text alive.
 */
const SHARED_VALUE_LENGTH = 12;
const VALUE_SLOTS = new Array<string | undefined>(4096).fill(undefined);

function plainText(s: string, k: number, j: number): string {
  const length = j - k;
  if (length > SHARED_VALUE_LENGTH || length === 0) return s.slice(k, j);
  const slot = (s.charCodeAt(k) * 31 + length * 7 + s.charCodeAt(j - 1) * 131 + s.charCodeAt((k + j) >> 1) * 17) & 4095;
  const known = VALUE_SLOTS[slot];
  if (known !== undefined && known.length === length && sameText(s, k, known)) return known;
  const text = s.slice(k, j);
  VALUE_SLOTS[slot] = text;
  return text;
}

function nullScalar(at: number): ScalarNode {
  return scalarNode(at, at, null, '', 'plain');
}

function plainScalar(source: string, start: number, end: number): ScalarNode {
  let value = resolvePlain(source);
  // A double would change the digits of a long integer (an 18-digit unit code, say): keep what was written.
  if (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    !Number.isSafeInteger(value) &&
    /^[-+]?[0-9]+$/.test(source)
  )
    value = source;
  return scalarNode(start, end, value, source, 'plain');
}

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value under the YAML 1.2 core schema, tag by tag in the order the `yaml` package tries them. */
export function resolvePlain(text: string): string | number | boolean | null {
  const c = text.charCodeAt(0);
  const n = text.length;
  // Most values start with a letter no core tag can match (or a CJK character): a string, no regex needed. A
  // word can only be null (n, N: 4 letters) or a boolean (t, T: 4; f, F: 5), so `name` or `type` needs none either.
  const maybeTagged =
    n === 0 ||
    c === 126 ||
    c === 43 ||
    c === 45 ||
    c === 46 ||
    (c >= 48 && c <= 57) ||
    ((c === 110 || c === 78 || c === 116 || c === 84) && n === 4) ||
    ((c === 102 || c === 70) && n === 5);
  if (!maybeTagged) return text;
  if (c >= 48 && c <= 57 && !couldBeNumber(text)) return text; // a date, a code with a dash, ...
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return c === 116 || c === 84;
  if (INT_OCT.test(text)) return parseInt(text.slice(2), 8);
  if (INT.test(text)) return parseInt(text, 10);
  if (INT_HEX.test(text)) return parseInt(text.slice(2), 16);
  if (FLOAT_NAN.test(text))
    return text.slice(-3).toLowerCase() === 'nan' ? NaN : text.charCodeAt(0) === 45 ? -Infinity : Infinity;
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
}

/**
 * Whether a text starting with a digit may still be one of the core schema's numbers: only digits, `.`, `e`,
 * hexadecimal letters and the `x`/`o` prefixes, and a sign only after an exponent's `e`. A cheap test that lets
 * dates (`2024-01-01`) and codes skip the number patterns.
 */
function couldBeNumber(text: string): boolean {
  for (let j = 1; j < text.length; j++) {
    const d = text.charCodeAt(j);
    if (d >= 48 && d <= 57) continue; // 0-9
    if (d === 43 || d === 45) {
      // + -
      const e = text.charCodeAt(j - 1);
      if (e !== 101 && e !== 69) return false;
      continue;
    }
    if (d === 46 || d === 120 || d === 111 || (d >= 97 && d <= 102) || (d >= 65 && d <= 70)) continue; // . x o a-f A-F
    return false;
  }
  return true;
}

/**
 * A copy of `text` that does not keep alive the string it was sliced from: V8 represents a slice as a view of
 * its parent, so a small item's text sliced from one version of a 50 MB file would keep that version alive.
 * Concatenation makes a new string that slicing then flattens into storage of its own.
 */
export function ownCopy(text: string): string {
  return (text + ' ').slice(0, -1);
}
