/**
 * Completion: keys of the mapping at the cursor (with snippets for whole blocks), enumerated values,
 * classification codes, catalog resource ids, and rule ids inside waiver comments.
 *
 * Where the cursor is, is read from the text, line by line, by indentation — not from the parse tree, which is
 * missing or wrong exactly while the user types (`    sec` parses as a key of the mapping above, `acquisition:`
 * followed by `  me` as a scalar value). The tree-independent reading also works in broken YAML.
 */
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind } from 'vscode-languageserver-types';
import type { CompletionItem, CompletionList, MarkupContent } from 'vscode-languageserver-types';
import type { Locale, LocalizedText, Span } from './types';
import type { DocumentKind, StewardDocument } from './parser/model';
import { ITEM_LIST_KEY } from './parser/model';
import { documentAt } from './position';
import type { WorkspaceIndex } from './workspace';
import type { CodeEntry, CodeTable } from './codes/table';
import { DATA_CODE, DATA_LEAF_CODES, isDataCode } from './codes/table';
import type { RuleInfo } from './catalog';
import { PLACEHOLDER } from './edit/yaml-edit';
import type { JsonSchema, PathSegment, ResolvedSchema } from './schema/navigate';
import {
  docOf,
  englishName,
  enumValues,
  isArraySchema,
  isObjectSchema,
  itemSchema,
  propertiesOf,
  propertySchema,
  requiredOf,
  rootSchema,
  schemaAt,
  typesOf,
} from './schema/navigate';
import {
  candidateKinds,
  codePath,
  descriptionMarkdown,
  enumLabel,
  isClassificationCode,
  isResourceReference,
  resourceMarkdown,
} from './hover';

export interface CompletionContext {
  file: StewardDocument;
  offset: number;
  index: WorkspaceIndex;
  codeTable: CodeTable;
  locale: Locale;
  rules: RuleInfo[];
}

const MESSAGES = {
  catalogSkeleton: { 'zh-CN': '数据资源目录（整篇骨架）', en: 'Data resource catalog (whole skeleton)' },
  registerSkeleton: { 'zh-CN': '数据资产登记（整篇骨架）', en: 'Data asset register (whole skeleton)' },
  skeletonDoc: {
    'zh-CN': '插入 {kind} 的全部必填字段，{placeholder} 处待补充。',
    en: 'Inserts every required field of a {kind}; fill in the {placeholder} placeholders.',
  },
  authorization: { 'zh-CN': '授权运营记录（整段）', en: 'Authorization (whole block)' },
  authorizationDoc: {
    'zh-CN': '一条授权运营记录：运营主体、授予的权利、安全评估、审批、是否有偿（财资〔2024〕1号 (4)）。',
    en: 'One authorization: operating entity, rights granted, security assessment, approval, paid or not (财资〔2024〕1号 (4)).',
  },
  revenue: { 'zh-CN': '收益记录（整段）', en: 'Revenue line (whole block)' },
  revenueDoc: {
    'zh-CN': '一笔收益：年度、来源、金额、管理方式（财资〔2024〕1号 (7)）。',
    en: 'One revenue line: year, source, amount, handling (财资〔2024〕1号 (7)).',
  },
  disposal: { 'zh-CN': '处置记录（整段）', en: 'Disposal (whole block)' },
  disposalDoc: {
    'zh-CN': '处置记录：处置方式、集体决策、审批文件（财资〔2024〕1号 (6)）。',
    en: 'The disposal record: method, collective decision, approval document (财资〔2024〕1号 (6)).',
  },
  item: { 'zh-CN': '{title}（整段）', en: '{title} (whole block)' },
  itemDoc: { 'zh-CN': '插入一个新条目及其必填字段。', en: 'Inserts a new item with its required fields.' },
  yes: { 'zh-CN': '是', en: 'Yes' },
  no: { 'zh-CN': '否', en: 'No' },
  dataCode: { 'zh-CN': '数据资产分类代码', en: 'Data-asset classification code' },
  nextLine: { 'zh-CN': '豁免下一行的问题', en: 'Waive findings on the next line' },
  thisLine: { 'zh-CN': '豁免本行的问题', en: 'Waive findings on this line' },
  block: { 'zh-CN': '豁免此后的问题，直到 steward-enable', en: 'Waive findings from here until steward-enable' },
  enable: { 'zh-CN': '结束 steward-disable 的豁免', en: 'End a steward-disable waiver' },
  waiverDoc: {
    'zh-CN': '写法：`# {directive} 规则编号 -- 原因`',
    en: 'Usage: `# {directive} RULE-ID -- reason`',
  },
} satisfies Record<string, LocalizedText>;

function say(locale: Locale, message: LocalizedText, args: Record<string, string> = {}): string {
  return message[locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? args[name] : whole));
}

function markdown(value: string): MarkupContent {
  return { kind: MarkupKind.Markdown, value };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the text: one shape per line

interface LineShape {
  indent: number;
  /** Columns of block sequence indicators (`- `). */
  dashes: number[];
  /** The first mapping key on the line, after the dashes. */
  key?: { name: string; column: number };
  /** What follows the key's colon (or the dashes when there is no key), without a comment, trimmed. */
  value: string;
  /** Empty, or only a comment (or a directive). */
  blank: boolean;
  /** A document marker (`---`, `...`) at column 0. */
  boundary: boolean;
  /** The value is a block scalar indicator (`|`, `>-`, ...): deeper lines are its text. */
  blockScalar: boolean;
}

const MAX_DASHES = 32;
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}[\],&*!|>%@`][^]*?)[ \t]*:(?=[ \t]|$)/;

/** Index of the `#` that starts a comment, or -1; quotes that open a token are skipped. */
function commentStart(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const atTokenStart = i === 0 || /[\s[{,:]/.test(text[i - 1]);
    if ((c === '"' || c === "'") && atTokenStart) {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' && c === '"' ? 2 : 1;
      if (j >= text.length) return -1;
      i = j;
    } else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) {
      return i;
    }
  }
  return -1;
}

function unquote(text: string): string {
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0]) return text.slice(1, -1);
  return text;
}

function readDashes(text: string, from: number): { dashes: number[]; at: number } {
  const dashes: number[] = [];
  let at = from;
  while (text[at] === '-' && (at + 1 === text.length || text[at + 1] === ' ' || text[at + 1] === '\t') && dashes.length < MAX_DASHES) {
    dashes.push(at);
    at++;
    while (text[at] === ' ' || text[at] === '\t') at++;
  }
  return { dashes, at };
}

function shapeOf(text: string): LineShape {
  let indent = 0;
  while (text[indent] === ' ') indent++;
  const empty: LineShape = { indent, dashes: [], value: '', blank: true, boundary: false, blockScalar: false };
  if (indent === text.length || text[indent] === '#' || (indent === 0 && text[0] === '%')) return empty;
  if (indent === 0 && /^(---|\.\.\.)(\s|$)/.test(text)) return { ...empty, blank: false, boundary: true };
  const { dashes, at } = readDashes(text, indent);
  const cut = commentStart(text.slice(at));
  const rest = (cut < 0 ? text.slice(at) : text.slice(at, at + cut)).trimEnd();
  const match = KEY.exec(rest);
  const key = match ? { name: unquote(match[1].trim()), column: at } : undefined;
  const value = match ? rest.slice(match[0].length).trim() : rest.trim();
  return { indent, dashes, key, value, blank: false, boundary: false, blockScalar: /^[|>][0-9+-]*$/.test(value) };
}

/** Line texts and shapes of one version of a file; shapes are cached with the file (a parse is immutable). */
class TextLines {
  private readonly shapes = new Map<number, LineShape>();

  constructor(private readonly file: StewardDocument) {}

  get count(): number {
    return this.file.lines.lineCount;
  }

  start(line: number): number {
    return this.file.lines.lineStart(line);
  }

  text(line: number): string {
    const start = this.start(line);
    const end = line + 1 < this.count ? this.start(line + 1) : this.file.text.length;
    return this.file.text.slice(start, end).replace(/\r?\n$|\r$/, '');
  }

  /**
   * The top-level item (resource or asset) whose `-` opens `line`, from the parse: its list key, index and the
   * column of its `-`. Lets the cursor's path be found without reading every item above it.
   */
  itemAt(line: number): { key: string; index: number; column: number } | undefined {
    if (!this.items) {
      this.items = new Map();
      for (const document of this.file.documents) {
        if (!document.kind) continue;
        const key = ITEM_LIST_KEY[document.kind];
        document.items.forEach((item, index) => {
          const at = this.file.lines.positionAt(item.span.start);
          const text = this.text(at.line);
          let column = 0;
          while (text[column] === ' ') column++;
          if (text[column] === '-') this.items!.set(at.line, { key, index, column });
        });
      }
    }
    return this.items.get(line);
  }

  private items: Map<number, { key: string; index: number; column: number }> | undefined;

  shape(line: number): LineShape {
    let shape = this.shapes.get(line);
    if (!shape) {
      shape = shapeOf(this.text(line));
      this.shapes.set(line, shape);
    }
    return shape;
  }
}

const linesCache = new WeakMap<StewardDocument, TextLines>();

function textLines(file: StewardDocument): TextLines {
  let lines = linesCache.get(file);
  if (!lines) {
    lines = new TextLines(file);
    linesCache.set(file, lines);
  }
  return lines;
}

interface Located {
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
function locate(lines: TextLines, line: number, column: number, isDash: boolean, dashes: readonly number[]): Located | undefined {
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
function entriesAround(lines: TextLines, line: number, column: number, startsHere: boolean): Map<string, string> {
  const out = new Map<string, string>();
  const record = (shape: LineShape) => {
    if (shape.key && shape.key.column === column && !out.has(shape.key.name)) out.set(shape.key.name, unquote(shape.value));
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

// ---------------------------------------------------------------------------------------------------------------
// Where the cursor is

interface EntryCursor {
  type: 'entry';
  /** Path of the collection the cursor's entry belongs to. */
  path: PathSegment[];
  line: number;
  /** Column of the entry (the key or the item's value). */
  column: number;
  /** The word to replace when completing a key. */
  word: Span;
  /** The scalar to replace when the entry turns out to be a list item's value. */
  value: Span;
  partial: string;
  /** Leading spaces of the line (an editor indents a snippet's later lines by them). */
  lineIndent: number;
  /** A `- ` precedes the entry on this line. */
  afterDash: boolean;
  /** A `:` already follows the word: complete the key's name only. */
  colonAfter: boolean;
}

interface ValueCursor {
  type: 'value';
  /** Path of the value (its key or index last). */
  path: PathSegment[];
  range: Span;
  partial: string;
  /** The cursor is right after `key:`: insert a space first. */
  needsSpace: boolean;
  /** Other items of the flow sequence the value is in (to leave out unique values already there). */
  siblings: string[];
}

interface FlowKeyCursor {
  type: 'flowKey';
  path: PathSegment[];
  range: Span;
  /** Keys written in the flow mapping, before and after the cursor, with the values read before it. */
  present: Map<string, string>;
}

interface CommentCursor {
  type: 'comment';
  /** The comment from its `#` to the cursor. */
  before: string;
  /** Offset of the cursor and the rest of the line. */
  offset: number;
  after: string;
}

type Cursor = EntryCursor | ValueCursor | FlowKeyCursor | CommentCursor | { type: 'none' };

const NONE: Cursor = { type: 'none' };
const WORD_CHAR = /[^\s:#,[\]{}'"]/;

/** The end of the token starting at `from` in `text` (before a comment, a flow indicator, or trailing spaces). */
function tokenEnd(text: string, from: number, stops: RegExp): number {
  let end = from;
  while (end < text.length && !stops.test(text[end]) && !(text[end] === '#' && /\s/.test(text[end - 1] ?? ' '))) end++;
  while (end > from && /\s/.test(text[end - 1])) end--;
  return end;
}

/** The span of a scalar that starts at `start` on a line (quotes excluded), reaching at least to the cursor. */
function scalarSpan(lineText: string, start: number, column: number, stops: RegExp): { start: number; end: number } {
  const quote = lineText[start] === '"' || lineText[start] === "'" ? lineText[start] : '';
  if (quote) {
    const close = lineText.indexOf(quote, start + 1);
    return { start: start + 1, end: close >= column ? close : Math.max(column, tokenEnd(lineText, start + 1, stops)) };
  }
  return { start, end: Math.max(column, tokenEnd(lineText, start, stops)) };
}

function analyze(file: StewardDocument, offset: number): Cursor {
  const lines = textLines(file);
  const position = file.lines.positionAt(offset);
  const line = position.line;
  const lineStart = lines.start(line);
  const lineText = lines.text(line);
  const column = offset - lineStart;
  if (column < 0 || column > lineText.length) return NONE;
  const hash = commentStart(lineText);
  if (hash >= 0 && hash < column) {
    return { type: 'comment', before: lineText.slice(hash, column), offset, after: lineText.slice(column) };
  }
  const shape = lines.shape(line);
  if (shape.boundary) return NONE;
  const prefix = lineText.slice(0, column);
  let indent = 0;
  while (prefix[indent] === ' ') indent++;
  if (indent < prefix.length && prefix[indent] === '\t') return NONE;
  const { dashes, at } = readDashes(prefix, indent);
  if (dashes.length >= MAX_DASHES) return NONE;
  // `-` right before the cursor, not yet followed by its space.
  if (dashes.length > 0 && dashes[dashes.length - 1] === prefix.length - 1) return NONE;
  const rest = prefix.slice(at);
  // Inside a scalar that began on an earlier line (a block scalar's text, a multi-line flow)?
  const located = () => locate(lines, line, at, false, dashes);
  const keyMatch = KEY.exec(rest);
  if (keyMatch) {
    const key = unquote(keyMatch[1].trim());
    const container = located();
    if (!container) return NONE;
    const afterColon = at + keyMatch[0].length;
    let valueStart = afterColon;
    while (lineText[valueStart] === ' ' || lineText[valueStart] === '\t') valueStart++;
    if (valueStart > column) valueStart = column;
    return valueCursor(lineText, lineStart, valueStart, column, [...container.path, key], afterColon === column);
  }
  const first = rest[0];
  if (first === '{' || first === '[') {
    const container = located();
    if (!container) return NONE;
    return flowCursor(lineText, lineStart, at, column, [...container.path]) ?? NONE;
  }
  if (first && /[&*!|>%@`]/.test(first)) return NONE;
  const container = located();
  if (!container) return NONE;
  const wordEnd = (() => {
    let end = column;
    while (end < lineText.length && WORD_CHAR.test(lineText[end])) end++;
    return end;
  })();
  const colonAfter = /^[ \t]*:(\s|$)/.test(lineText.slice(wordEnd));
  const value = scalarSpan(lineText, at, column, /$^/);
  return {
    type: 'entry',
    path: container.path,
    line,
    column: at,
    word: { start: lineStart + at, end: lineStart + wordEnd },
    value: { start: lineStart + value.start, end: lineStart + value.end },
    partial: rest,
    lineIndent: indent,
    afterDash: dashes.length > 0,
    colonAfter,
  };
}

function valueCursor(lineText: string, lineStart: number, valueStart: number, column: number, path: PathSegment[], needsSpace: boolean): Cursor {
  const first = lineText[valueStart];
  if (valueStart < column && (first === '{' || first === '[')) return flowCursor(lineText, lineStart, valueStart, column, path) ?? NONE;
  if (valueStart < column && first && /[&*!|>%@`]/.test(first)) return NONE;
  const span = scalarSpan(lineText, valueStart, column, /$^/);
  if (column < span.start) return NONE;
  return {
    type: 'value',
    path,
    range: { start: lineStart + span.start, end: lineStart + span.end },
    partial: lineText.slice(span.start, column),
    needsSpace,
    siblings: [],
  };
}

interface FlowLevel {
  type: 'map' | 'seq';
  /** Path of this collection. */
  path: PathSegment[];
  key?: string;
  afterColon: boolean;
  index: number;
  /** Entries seen so far: key → value as written. */
  keys: Map<string, string>;
  items: string[];
  tokenStart: number;
}

/**
 * The cursor inside a flow collection that starts at `start` on the line (`{ ref: x, da|` or `[a, b|]`), read
 * from the collection's start to the cursor. Keys written after the cursor count as present too.
 */
function flowCursor(lineText: string, lineStart: number, start: number, column: number, path: PathSegment[]): Cursor | undefined {
  const stack: FlowLevel[] = [];
  const open = (type: 'map' | 'seq', at: number) => {
    const parent = stack[stack.length - 1];
    const segment: PathSegment[] = !parent ? [] : parent.type === 'map' ? (parent.key !== undefined ? [parent.key] : []) : [parent.index];
    if (parent && parent.type === 'map' && parent.key === undefined) return false;
    stack.push({ type, path: [...(parent ? parent.path : path), ...segment], afterColon: false, index: 0, keys: new Map(), items: [], tokenStart: at + 1 });
    return true;
  };
  const closeEntry = (level: FlowLevel, end: number) => {
    const token = lineText.slice(level.tokenStart, end).trim();
    if (level.type === 'seq') {
      if (token) level.items.push(unquote(token));
      level.index++;
    } else if (level.key === undefined && token) {
      level.keys.set(unquote(token), '');
    } else if (level.key !== undefined) {
      level.keys.set(level.key, unquote(token));
    }
    level.key = undefined;
    level.afterColon = false;
    level.tokenStart = end + 1;
  };
  for (let i = start; i < column; i++) {
    const c = lineText[i];
    const top = stack[stack.length - 1];
    if (c === '"' || c === "'") {
      const close = lineText.indexOf(c, i + 1);
      if (close < 0 || close >= column) break; // the cursor is inside the quotes
      i = close;
    } else if (c === '{' || c === '[') {
      if (!open(c === '{' ? 'map' : 'seq', i)) return undefined;
    } else if (c === '}' || c === ']') {
      stack.pop();
      if (stack.length === 0) return undefined;
      const parent = stack[stack.length - 1];
      parent.tokenStart = i + 1;
    } else if (c === ',' && top) {
      closeEntry(top, i);
    } else if (c === ':' && top && top.type === 'map' && !top.afterColon && (i + 1 === lineText.length || /[\s,}\]]/.test(lineText[i + 1]) || i + 1 === column)) {
      top.key = unquote(lineText.slice(top.tokenStart, i).trim());
      top.keys.set(top.key, '');
      top.afterColon = true;
      top.tokenStart = i + 1;
    } else if (c === '#' && /\s/.test(lineText[i - 1] ?? '')) {
      return undefined;
    }
  }
  const top = stack[stack.length - 1];
  if (!top) return undefined;
  let tokenStart = top.tokenStart;
  while (tokenStart < column && /\s/.test(lineText[tokenStart])) tokenStart++;
  const stops = /[,}\]]/;
  const span = scalarSpan(lineText, tokenStart, column, stops);
  if (column < span.start) return undefined;
  const range = { start: lineStart + span.start, end: lineStart + span.end };
  const partial = lineText.slice(span.start, column);
  const needsSpace = tokenStart === column && lineText[column - 1] === ':';
  if (top.type === 'seq') return { type: 'value', path: [...top.path, top.index], range, partial, needsSpace: false, siblings: top.items };
  if (top.afterColon && top.key !== undefined) return { type: 'value', path: [...top.path, top.key], range, partial, needsSpace, siblings: [] };
  if (/[^\s]/.test(partial) && !/^[^\s:#'"{}[\],&*!|>%@`]+$/.test(partial)) return undefined;
  const present = new Map(top.keys);
  // Keys after the cursor, up to the end of this mapping.
  let depth = 0;
  const tail = lineText.slice(span.end);
  const keyAfter = /^\s*,?\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,:{}[\]]+)\s*:/;
  for (let i = 0; i < tail.length; i++) {
    const c = tail[i];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) break;
      depth--;
    } else if (c === ',' && depth === 0) {
      const match = keyAfter.exec(tail.slice(i));
      if (match && !present.has(unquote(match[1]))) present.set(unquote(match[1]), '');
    }
  }
  return { type: 'flowKey', path: top.path, range, present };
}

// ---------------------------------------------------------------------------------------------------------------
// Snippets

/** Keys a block snippet fills in beyond the required ones (what a steward nearly always writes). */
const RECOMMENDED: Record<string, string[]> = {
  SecurityAssessment: ['date'],
  Approval: ['authority'],
  Decision: ['date'],
  Registration: ['cardNumber'],
  Responsible: ['name', 'role'],
  Fee: ['basis'],
  Unit: ['supervisingDepartment'],
  Asset: ['registration'],
};

/** The fields of a whole authorization block (the notice's clause (4) checklist), in this order. */
const BLOCK_KEYS: Record<string, string[]> = {
  Authorization: ['entity', 'rights', 'securityAssessment', 'approval', 'paid'],
};

const MAX_SNIPPET_DEPTH = 4;

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}

/** Numbers tab stops in order of appearance. */
class SnippetWriter {
  private next = 1;

  tab(placeholder?: string): string {
    const n = this.next++;
    return placeholder === undefined ? `$${n}` : `\${${n}:${escapeSnippet(placeholder)}}`;
  }

  choice(values: readonly unknown[]): string {
    return `\${${this.next++}|${values.map((v) => escapeChoice(String(v))).join(',')}|}`;
  }
}

interface SnippetOptions {
  root: JsonSchema;
  writer: SnippetWriter;
  /** First-level scalars get an empty tab stop; nested ones the placeholder the DA-TODO rule looks for. */
  nested: boolean;
}

/** The keys a block for `resolved` fills in: required, recommended, or a fixed list — in schema order. */
function blockKeys(root: JsonSchema, resolved: ResolvedSchema, fixed?: string[]): string[] {
  if (fixed) return fixed;
  const wanted = requiredOf(root, resolved.schema, new Map());
  for (const key of RECOMMENDED[resolved.def ?? ''] ?? []) wanted.add(key);
  return propertiesOf(root, resolved.schema).map((p) => p.name).filter((name) => wanted.has(name));
}

/** The lines of the object's keys, relative to the object's own column. */
function objectLines(resolved: ResolvedSchema, options: SnippetOptions, depth: number, fixed?: string[]): string[] {
  const lines: string[] = [];
  for (const name of blockKeys(options.root, resolved, fixed)) {
    const property = propertySchema(options.root, resolved.schema, name);
    if (property) lines.push(...entryLines(name, property, { ...options, nested: true }, depth + 1));
  }
  return lines;
}

/** `- ` before an item's first line, two spaces before the others. */
function asItem(lines: string[]): string[] {
  return lines.map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`));
}

/** The lines of `key: value` for a schema, relative to the key's column. */
function entryLines(key: string, resolved: ResolvedSchema, options: SnippetOptions, depth: number): string[] {
  const { schema } = resolved;
  const { writer } = options;
  const values = enumValues(schema);
  if (values && values.length === 1) return [`${key}: ${escapeSnippet(String(values[0]))}`];
  if (values && values.length > 1) return [`${key}: ${writer.choice(values)}`];
  const types = typesOf(schema);
  if (isObjectSchema(schema)) {
    const inner = depth < MAX_SNIPPET_DEPTH ? objectLines(resolved, options, depth) : [];
    return inner.length > 0 ? [`${key}:`, ...inner.map((line) => `  ${line}`)] : [`${key}:`, `  ${writer.tab()}`];
  }
  if (isArraySchema(schema)) {
    const item = itemSchema(options.root, schema, 0);
    const itemValues = item ? enumValues(item.schema) : undefined;
    if (itemValues && itemValues.length > 0) return [`${key}: [${writer.choice(itemValues)}]`];
    if (item && isObjectSchema(item.schema) && depth < MAX_SNIPPET_DEPTH) {
      const inner = objectLines(item, options, depth);
      if (inner.length > 0) return [`${key}:`, ...asItem(inner).map((line) => `  ${line}`)];
    }
    return [`${key}:`, `  - ${options.nested ? writer.tab(PLACEHOLDER) : writer.tab()}`];
  }
  if (types.length === 1 && types[0] === 'boolean') return [`${key}: ${writer.choice(['true', 'false'])}`];
  return [`${key}: ${options.nested ? writer.tab(PLACEHOLDER) : writer.tab()}`];
}

/**
 * Joins snippet lines for insertion at the cursor. The editor indents every later line by the line's leading
 * spaces; a key written after `- ` sits further right, so later lines get that difference too.
 */
function joinLines(lines: string[], extraIndent: number): string {
  const pad = ' '.repeat(Math.max(0, extraIndent));
  return lines.map((line, i) => (i === 0 ? line : pad + line)).join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Items

interface Builder {
  context: CompletionContext;
  kinds: DocumentKind[];
  items: CompletionItem[];
}

function rangeOf(file: StewardDocument, span: Span) {
  return file.lines.rangeOf(span);
}

function snippetItem(builder: Builder, span: Span, fields: Omit<CompletionItem, 'textEdit'> & { newText: string }): void {
  const { newText, ...item } = fields;
  builder.items.push({
    ...item,
    insertText: newText,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.adjustIndentation,
    textEdit: { range: rangeOf(builder.context.file, span), newText },
  });
}

function plainItem(builder: Builder, span: Span, fields: Omit<CompletionItem, 'textEdit'> & { newText: string }): void {
  const { newText, ...item } = fields;
  builder.items.push({ ...item, insertText: newText, insertTextFormat: InsertTextFormat.PlainText, textEdit: { range: rangeOf(builder.context.file, span), newText } });
}

function pad(n: number): string {
  return String(n).padStart(3, '0');
}

/** The root schema for a kind and the object schema at `path` in the first kind that has one. */
function objectAt(kinds: DocumentKind[], path: readonly PathSegment[]): { root: JsonSchema; resolved: ResolvedSchema } | undefined {
  for (const kind of kinds) {
    const root = rootSchema(kind);
    const resolved = schemaAt(root, path);
    if (resolved) return { root, resolved };
  }
  return undefined;
}

function keyDetail(name: string, resolved: ResolvedSchema): string {
  const doc = docOf(resolved.schema);
  return doc.title ? `${doc.title} · ${englishName(name, doc)}` : englishName(name, doc);
}

/** Keys of the mapping at `path` that are not written yet; required ones first. */
function keyItems(builder: Builder, root: JsonSchema, object: ResolvedSchema, present: ReadonlyMap<string, string>, cursor: EntryCursor | FlowKeyCursor): void {
  const { locale } = builder.context;
  const required = requiredOf(root, object.schema, present);
  const span = cursor.type === 'entry' ? cursor.word : cursor.range;
  for (const property of propertiesOf(root, object.schema)) {
    if (present.has(property.name)) continue;
    const doc = docOf(property.resolved.schema);
    const isRequired = required.has(property.name);
    let newText: string;
    if (cursor.type === 'entry' && cursor.colonAfter) newText = property.name;
    else if (cursor.type === 'flowKey') newText = flowKeySnippet(property.name, property.resolved, root);
    else {
      const lines = entryLines(property.name, property.resolved, { root, writer: new SnippetWriter(), nested: false }, 0);
      newText = joinLines(lines, cursor.column - cursor.lineIndent);
    }
    snippetItem(builder, span, {
      label: property.name,
      kind: isObjectSchema(property.resolved.schema) || isArraySchema(property.resolved.schema) ? CompletionItemKind.Module : CompletionItemKind.Property,
      detail: keyDetail(property.name, property.resolved),
      documentation: markdown(descriptionMarkdown(doc, locale)),
      filterText: doc.title ? `${property.name} ${doc.title}` : property.name,
      sortText: `${isRequired ? 'a' : 'c'}-${pad(property.order)}`,
      newText,
    });
  }
}

function flowKeySnippet(name: string, resolved: ResolvedSchema, root: JsonSchema): string {
  const values = enumValues(resolved.schema);
  const writer = new SnippetWriter();
  if (values && values.length === 1) return `${name}: ${escapeSnippet(String(values[0]))}`;
  if (values && values.length > 1) return `${name}: ${writer.choice(values)}`;
  if (isObjectSchema(resolved.schema)) return `${name}: { ${writer.tab()} }`;
  if (isArraySchema(resolved.schema)) {
    const item = itemSchema(root, resolved.schema, 0);
    const itemValues = item ? enumValues(item.schema) : undefined;
    return itemValues && itemValues.length > 0 ? `${name}: [${writer.choice(itemValues)}]` : `${name}: [${writer.tab()}]`;
  }
  return `${name}: ${writer.tab()}`;
}

interface BlockSpec {
  /** The `$defs` name of the items (or object) the block writes. */
  def: string;
  /** The asset key that holds it. */
  key: string;
  list: boolean;
  label: LocalizedText;
  doc: LocalizedText;
}

const BLOCKS: BlockSpec[] = [
  { def: 'Authorization', key: 'authorizations', list: true, label: MESSAGES.authorization, doc: MESSAGES.authorizationDoc },
  { def: 'RevenueLine', key: 'revenue', list: true, label: MESSAGES.revenue, doc: MESSAGES.revenueDoc },
  { def: 'Disposal', key: 'disposal', list: false, label: MESSAGES.disposal, doc: MESSAGES.disposalDoc },
];

/** Whole blocks at the asset level: `authorizations:` with one item, `revenue:` with one line, `disposal:`. */
function assetBlockItems(builder: Builder, root: JsonSchema, asset: ResolvedSchema, present: ReadonlyMap<string, string>, cursor: EntryCursor): void {
  const { locale } = builder.context;
  BLOCKS.forEach((block, order) => {
    if (present.has(block.key)) return;
    const property = propertySchema(root, asset.schema, block.key);
    if (!property) return;
    const target = block.list ? itemSchema(root, property.schema, 0) : property;
    if (!target) return;
    const writer = new SnippetWriter();
    const inner = objectLines(target, { root, writer, nested: true }, 1, BLOCK_KEYS[block.def]);
    const lines = [`${block.key}:`, ...(block.list ? asItem(inner) : inner).map((line) => `  ${line}`)];
    snippetItem(builder, cursor.word, {
      label: say(locale, block.label),
      kind: CompletionItemKind.Snippet,
      detail: block.key,
      documentation: markdown(say(locale, block.doc)),
      filterText: `${block.key} ${say(locale, block.label)}`,
      sortText: `b-${pad(order)}`,
      newText: joinLines(lines, cursor.column - cursor.lineIndent),
    });
  });
}

function itemLabel(item: ResolvedSchema, locale: Locale): { label: string; doc: string } {
  const block = BLOCKS.find((b) => b.def === item.def && b.list);
  if (block) return { label: say(locale, block.label), doc: say(locale, block.doc) };
  const doc = docOf(item.schema);
  const title = locale === 'en' ? englishName(item.def ?? 'item', doc) : doc.title ?? item.def ?? '';
  return { label: say(locale, MESSAGES.item, { title }), doc: say(locale, MESSAGES.itemDoc) };
}

/** A whole new item of a list of mappings: with its `- ` when the cursor is at the list's column, else after it. */
function listItemSnippet(builder: Builder, root: JsonSchema, item: ResolvedSchema, cursor: EntryCursor, withDash: boolean): void {
  const writer = new SnippetWriter();
  const inner = objectLines(item, { root, writer, nested: true }, 0, BLOCK_KEYS[item.def ?? '']);
  if (inner.length === 0) return;
  const { label, doc } = itemLabel(item, builder.context.locale);
  snippetItem(builder, cursor.word, {
    label,
    kind: CompletionItemKind.Snippet,
    documentation: markdown(doc),
    filterText: `${item.def ?? ''} ${label}`,
    sortText: '0-000',
    newText: joinLines(withDash ? asItem(inner) : inner, cursor.column - cursor.lineIndent),
  });
}

/** Whole documents, offered where a document has no `apiVersion` yet. */
function skeletonItems(builder: Builder, cursor: EntryCursor): void {
  const { locale } = builder.context;
  const order = candidateKinds(undefined, builder.context.file.uri);
  const kinds: DocumentKind[] = order.length === 1 ? [order[0], order[0] === 'DataResourceCatalog' ? 'DataAssetRegister' : 'DataResourceCatalog'] : order;
  kinds.forEach((kind, i) => {
    const root = rootSchema(kind);
    const resolved = schemaAt(root, []);
    if (!resolved) return;
    const lines = objectLines(resolved, { root, writer: new SnippetWriter(), nested: true }, 0);
    const label = say(locale, kind === 'DataResourceCatalog' ? MESSAGES.catalogSkeleton : MESSAGES.registerSkeleton);
    snippetItem(builder, cursor.word, {
      label,
      kind: CompletionItemKind.Snippet,
      detail: kind,
      documentation: markdown(say(locale, MESSAGES.skeletonDoc, { kind: label, placeholder: PLACEHOLDER })),
      filterText: `${kind} apiVersion ${label}`,
      sortText: `0-${i}`,
      newText: joinLines(lines, cursor.column - cursor.lineIndent),
    });
  });
}

/** Values a schema lists (enum, const, boolean) as items replacing `span`. */
function enumItems(builder: Builder, resolved: ResolvedSchema, span: Span, needsSpace: boolean, exclude: readonly string[], prefix = ''): void {
  const { locale } = builder.context;
  const values = enumValues(resolved.schema) ?? (typesOf(resolved.schema).includes('boolean') ? [true, false] : undefined);
  if (!values) return;
  values.forEach((value, order) => {
    const text = String(value);
    if (exclude.includes(text)) return;
    const label = typeof value === 'boolean' ? { en: say('en', value ? MESSAGES.yes : MESSAGES.no), zh: say('zh-CN', value ? MESSAGES.yes : MESSAGES.no) } : enumLabel(text);
    plainItem(builder, span, {
      label: text,
      kind: typeof value === 'boolean' ? CompletionItemKind.Value : CompletionItemKind.EnumMember,
      detail: label?.en,
      documentation: label ? markdown(locale === 'en' && typeof value === 'boolean' ? label.en : label.zh) : undefined,
      filterText: label ? `${text} ${label.en}` : text,
      sortText: pad(order),
      newText: `${needsSpace ? ' ' : ''}${prefix}${text}`,
    });
  });
}

const CODE_LIMIT = 50;

/** Classification codes: the data classes when nothing is typed, else the table's search, data classes first. */
function codeItems(builder: Builder, cursor: ValueCursor): void {
  const { codeTable, locale } = builder.context;
  const query = cursor.partial.trim();
  let entries: CodeEntry[];
  if (query === '') {
    const children = codeTable.children(DATA_CODE);
    entries = children.length > 0 ? children : DATA_LEAF_CODES.map((code) => codeTable.get(code) ?? { code, name: code, parent: DATA_CODE, level: 4 as const });
  } else {
    entries = codeTable.search(query, CODE_LIMIT);
  }
  entries.forEach((entry, rank) => {
    const data = isDataCode(entry.code) && entry.code !== DATA_CODE;
    const documentation = [codePath(codeTable, entry.code)];
    if (data) documentation.push(say(locale, MESSAGES.dataCode));
    plainItem(builder, cursor.range, {
      label: entry.code,
      kind: CompletionItemKind.EnumMember,
      detail: entry.name,
      documentation: markdown(documentation.join('\n\n')),
      filterText: `${entry.code} ${entry.code.slice(1)} ${entry.name}${entry.nameEn ? ` ${entry.nameEn}` : ''}`,
      sortText: `${data ? 0 : 1}-${pad(rank)}`,
      newText: `${cursor.needsSpace ? ' ' : ''}${entry.code}`,
    });
  });
}

/** Catalog resource ids from the workspace; a resource's own id and ids already listed are left out. */
function resourceItems(builder: Builder, cursor: ValueCursor, exclude: ReadonlySet<string>): void {
  const { index, locale, file } = builder.context;
  const seen = new Set<string>();
  for (const resource of index.allResources()) {
    if (seen.has(resource.id) || exclude.has(resource.id)) continue;
    seen.add(resource.id);
    plainItem(builder, cursor.range, {
      label: resource.id,
      kind: CompletionItemKind.Reference,
      detail: resource.name,
      documentation: markdown(resourceMarkdown(index, resource.id, locale, file)),
      filterText: `${resource.id} ${resource.name}`,
      sortText: resource.id,
      newText: `${cursor.needsSpace ? ' ' : ''}${resource.id}`,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Contexts

function kindsAt(context: CompletionContext, cursorLine: number): DocumentKind[] {
  const fromTree = documentAt(context.file, context.offset)?.kind;
  if (fromTree) return [fromTree];
  const lines = textLines(context.file);
  const root = rootEntries(lines, cursorLine);
  const written = root.get('kind');
  if (written === 'DataResourceCatalog' || written === 'DataAssetRegister') return [written];
  return candidateKinds(undefined, context.file.uri);
}

/** The top-level entries of the YAML document around `line`, the line itself included. */
function rootEntries(lines: TextLines, line: number): Map<string, string> {
  const entries = entriesAround(lines, line, 0, false);
  const own = lines.shape(line);
  if (own.key && own.key.column === 0 && !entries.has(own.key.name)) entries.set(own.key.name, unquote(own.value));
  return entries;
}

function completeEntry(builder: Builder, cursor: EntryCursor): void {
  const { context } = builder;
  const lines = textLines(context.file);
  const found = cursor.path.length === 0 ? undefined : objectAt(builder.kinds, cursor.path);
  const keyLike = cursor.partial === '' || /^[^\s:#'"{}[\],&*!|>%@`]+$/.test(cursor.partial);
  if (cursor.path.length === 0) {
    if (!keyLike || cursor.column !== 0) return;
    const present = entriesAround(lines, cursor.line, 0, false);
    if (!present.has('apiVersion')) skeletonItems(builder, cursor);
    // With the kind unknown, both kinds' top-level keys, each once.
    const offered = new Set<string>();
    for (const kind of builder.kinds) {
      const root = rootSchema(kind);
      const resolved = schemaAt(root, []);
      if (!resolved) continue;
      const own: Builder = { ...builder, items: [] };
      keyItems(own, root, resolved, present, cursor);
      for (const item of own.items) {
        if (offered.has(item.label)) continue;
        offered.add(item.label);
        builder.items.push(item);
      }
    }
    const kindItem = builder.items.find((item) => item.label === 'kind');
    if (builder.kinds.length > 1 && kindItem?.textEdit && !cursor.colonAfter) {
      const newText = `kind: \${1|${builder.kinds.join(',')}|}`;
      kindItem.insertText = newText;
      kindItem.textEdit = { ...kindItem.textEdit, newText };
    }
    return;
  }
  if (!found) return;
  const { root, resolved } = found;
  if (isObjectSchema(resolved.schema)) {
    if (!keyLike) return;
    const present = entriesAround(lines, cursor.line, cursor.column, cursor.afterDash);
    keyItems(builder, root, resolved, present, cursor);
    if (resolved.def === 'Asset' && !cursor.colonAfter) assetBlockItems(builder, root, resolved, present, cursor);
    const last = cursor.path[cursor.path.length - 1];
    if (cursor.afterDash && typeof last === 'number' && present.size === 0 && !cursor.colonAfter) {
      listItemSnippet(builder, root, resolved, cursor, false);
    }
    return;
  }
  if (isArraySchema(resolved.schema)) {
    // At the list's column without a `- `: a whole new item.
    if (cursor.afterDash || !keyLike) return;
    const item = itemSchema(root, resolved.schema, 0);
    if (!item) return;
    if (isObjectSchema(item.schema)) listItemSnippet(builder, root, item, cursor, true);
    else enumItems(builder, item, cursor.word, false, [], '- ');
    return;
  }
  // A list item's scalar value (`- 数据加|`).
  const valueCursor: ValueCursor = {
    type: 'value',
    path: cursor.path,
    range: cursor.value,
    partial: context.file.text.slice(cursor.value.start, Math.min(context.offset, cursor.value.end)),
    needsSpace: false,
    siblings: [],
  };
  completeValue(builder, valueCursor);
}

function completeValue(builder: Builder, cursor: ValueCursor): void {
  const { context } = builder;
  const kind = builder.kinds.length === 1 ? builder.kinds[0] : undefined;
  const { path } = cursor;
  if (path.length === 1 && path[0] === 'kind') {
    const kinds = candidateKinds(undefined, context.file.uri);
    const all: DocumentKind[] = [...kinds, ...(['DataResourceCatalog', 'DataAssetRegister'] as const).filter((k) => !kinds.includes(k))];
    enumItems(builder, { schema: { enum: all } }, cursor.range, cursor.needsSpace, []);
    return;
  }
  if (isClassificationCode(kind, path)) {
    codeItems(builder, cursor);
    return;
  }
  if (isResourceReference(kind, path)) {
    const exclude = new Set(cursor.siblings);
    if (kind === 'DataResourceCatalog') {
      const lines = textLines(context.file);
      const line = context.file.lines.positionAt(context.offset).line;
      for (const id of relatedAround(lines, line)) exclude.add(id);
      const own = ownResourceId(context, path);
      if (own) exclude.add(own);
    }
    resourceItems(builder, cursor, exclude);
    return;
  }
  const found = objectAt(builder.kinds, path);
  if (!found) return;
  const parent = objectAt(builder.kinds, path.slice(0, -1));
  const unique = parent?.resolved.schema.uniqueItems === true;
  enumItems(builder, found.resolved, cursor.range, cursor.needsSpace, unique ? cursor.siblings : []);
}

/** Ids already listed in the block sequence around `line` (a `relatedResources:` list). */
function relatedAround(lines: TextLines, line: number): string[] {
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

/** The id of the resource whose `relatedResources` the cursor is in, from the tree. */
function ownResourceId(context: CompletionContext, path: readonly PathSegment[]): string | undefined {
  const document = documentAt(context.file, context.offset);
  const root = document?.root;
  if (!root || root.type !== 'map') return undefined;
  const list = root.entries.find((e) => e.key === 'resources')?.value;
  const item = list && list.type === 'seq' && typeof path[1] === 'number' ? list.items[path[1]] : undefined;
  const id = item && item.type === 'map' ? item.entries.find((e) => e.key === 'id')?.value : undefined;
  return id && id.type === 'scalar' && typeof id.value === 'string' ? id.value.trim() : undefined;
}

function completeFlowKey(builder: Builder, cursor: FlowKeyCursor): void {
  const found = objectAt(builder.kinds, cursor.path);
  if (!found || !isObjectSchema(found.resolved.schema)) return;
  keyItems(builder, found.root, found.resolved, cursor.present, cursor);
}

const DIRECTIVES: Array<{ name: string; doc: LocalizedText }> = [
  { name: 'steward-disable-next-line', doc: MESSAGES.nextLine },
  { name: 'steward-disable-line', doc: MESSAGES.thisLine },
  { name: 'steward-disable', doc: MESSAGES.block },
  { name: 'steward-enable', doc: MESSAGES.enable },
];

const WAIVER = /^#[ \t]*steward-(?:disable-next-line|disable-line|disable|enable)[ \t]+(.*)$/;

/** Inside a comment: the waiver directives, then rule ids after a directive (not in the reason after `--`). */
function completeComment(builder: Builder, cursor: CommentCursor): void {
  const { locale, rules } = builder.context;
  const partial = /[A-Za-z0-9-]*$/.exec(cursor.before)?.[0] ?? '';
  const tail = /^[A-Za-z0-9-]*/.exec(cursor.after)?.[0] ?? '';
  const span = { start: cursor.offset - partial.length, end: cursor.offset + tail.length };
  const waiver = WAIVER.exec(cursor.before);
  if (waiver) {
    const written = waiver[1];
    if (/(^|\s)--/.test(written) || /\buntil\s+\S*$/.test(written)) return;
    const named = new Set(written.split(/[\s,]+/).filter(Boolean));
    rules.forEach((rule) => {
      if (named.has(rule.id) && rule.id !== partial) return;
      plainItem(builder, span, {
        label: rule.id,
        kind: CompletionItemKind.Constant,
        detail: rule.short[locale],
        documentation: markdown(rule.help[locale]),
        sortText: rule.id,
        newText: rule.id,
      });
    });
    return;
  }
  if (!/^#[ \t]*s[a-z-]*$/.test(cursor.before)) return;
  DIRECTIVES.forEach((directive, order) => {
    plainItem(builder, span, {
      label: directive.name,
      kind: CompletionItemKind.Keyword,
      detail: say(locale, directive.doc),
      documentation: markdown(say(locale, MESSAGES.waiverDoc, { directive: directive.name })),
      sortText: pad(order),
      newText: `${directive.name} `,
    });
  });
}

export function complete(context: CompletionContext): CompletionList {
  const { file } = context;
  const list: CompletionList = { isIncomplete: false, items: [] };
  if (!Number.isInteger(context.offset) || context.offset < 0 || context.offset > file.text.length) return list;
  const cursor = analyze(file, context.offset);
  if (cursor.type === 'none') return list;
  const line = file.lines.positionAt(context.offset).line;
  const builder: Builder = { context, kinds: cursor.type === 'comment' ? [] : kindsAt(context, line), items: list.items };
  switch (cursor.type) {
    case 'comment':
      completeComment(builder, cursor);
      break;
    case 'entry':
      completeEntry(builder, cursor);
      break;
    case 'flowKey':
      completeFlowKey(builder, cursor);
      break;
    case 'value':
      completeValue(builder, cursor);
      // The code list comes from a search of the table: ask again as the user types.
      if (builder.kinds.length === 1 && isClassificationCode(builder.kinds[0], cursor.path)) list.isIncomplete = true;
      break;
  }
  return list;
}
