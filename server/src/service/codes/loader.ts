/**
 * Loads a unit's asset classification code table from the text of a CSV or JSON file (the caller reads the file).
 * It keeps going past bad rows and reports every one with its 1-based line and column. The table always follows
 * the code structure: a row whose declared parent or level disagrees with its code is reported and placed where
 * its code puts it (the reference table's A02040300, A02040400 and A02049900 name A02040200 as parent although
 * their codes make them level-3 children of A02040000).
 */
import type { LocalizedText, Severity } from '../types';
import { LineIndex } from '../parser/lines';
import { fillText } from '../i18n/template';
import { CodeTable, codeLevel, isWellFormedCode, structuralParent } from './table';
import type { CodeEntry } from './table';

export type CodeTableProblemKind =
  | 'malformed-row'
  | 'duplicate-code'
  | 'inconsistent-parent'
  | 'level-mismatch'
  | 'unknown-parent'
  | 'bad-code'
  | 'empty-name'
  | 'bad-header'
  | 'syntax'
  | 'bad-structure';

export interface CodeTableProblem {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units (a BOM is not counted). */
  column: number;
  severity: Severity;
  kind: CodeTableProblemKind;
  message: LocalizedText;
  /** The code the problem concerns, when there is one. */
  code?: string;
}

export interface LoadCodeTableOptions {
  /** Becomes the table's `source`; its extension picks the format when `format` is not given. */
  fileName: string;
  format?: 'csv' | 'json';
}

export interface LoadedCodeTable {
  table: CodeTable;
  problems: CodeTableProblem[];
}

const MESSAGES = {
  badCode: {
    'zh-CN': '“{code}”不是资产分类代码：应为 A 加 8 位数字，分四级、每级 2 位（某一级为 00 时，其后各级也须为 00）',
    en: "'{code}' is not an asset classification code: expected A and 8 digits in four 2-digit levels (after a 00 level every level is 00)",
  },
  missingCode: { 'zh-CN': '缺少分类代码，已跳过', en: 'No code: skipped' },
  duplicateCode: {
    'zh-CN': '代码 {code} 重复，第 {firstLine} 行已定义；保留第一次的定义',
    en: 'Duplicate code {code}, already defined on line {firstLine}; the first definition is kept',
  },
  emptyName: { 'zh-CN': '代码 {code} 的名称为空', en: 'Code {code} has an empty name' },
  inconsistentParent: {
    'zh-CN':
      '{code} 的上级写为 {declared}，但按代码结构它是 {structural} 的下级（第 {level} 级）；代码表采用 {structural}',
    en: '{code} names {declared} as its parent, but its code makes it a level-{level} child of {structural}; the table uses {structural}',
  },
  inconsistentParentAndLevel: {
    'zh-CN':
      '{code} 的上级写为 {declared}、级次写为 {declaredLevel}，但按代码结构它是 {structural} 的下级（第 {level} 级）；代码表采用 {structural} 和第 {level} 级',
    en: '{code} names {declared} as its parent and {declaredLevel} as its level, but its code makes it a level-{level} child of {structural}; the table uses {structural} and level {level}',
  },
  inconsistentParentRoot: {
    'zh-CN': '{code} 的上级写为 {declared}，但按代码结构它是门类（第 1 级，无上级）；代码表将其作为门类',
    en: '{code} names {declared} as its parent, but its code makes it a root (level 1); the table treats it as a root',
  },
  levelMismatch: {
    'zh-CN': '级次写为 {declared}，但代码 {code} 是第 {level} 级；代码表采用第 {level} 级',
    en: 'The level says {declared} but code {code} is at level {level}; the table uses level {level}',
  },
  unknownParent: {
    'zh-CN': '{code} 的上级 {parent} 不在代码表中',
    en: 'The parent {parent} of {code} is not in the table',
  },
  emptyTable: { 'zh-CN': '代码表为空', en: 'The code table is empty' },
  badHeader: {
    'zh-CN': '首行应为列名行，且包含 {missing} 列（可用列：level,code,name,parent,unit,remark,...）；实为：{found}',
    en: 'The first line must be a header with the columns {missing} (known columns: level,code,name,parent,unit,remark,...); found: {found}',
  },
  columnCount: {
    'zh-CN': '该行有 {actual} 列，列名行有 {expected} 列；已跳过该行',
    en: 'The row has {actual} columns but the header has {expected}; the row is skipped',
  },
  unterminatedQuote: {
    'zh-CN': '引号未闭合：从此处开始的带引号字段直到文件末尾都没有结束引号；已跳过该行',
    en: 'Unterminated quoted field: no closing quote from here to the end of the file; the row is skipped',
  },
  textAfterQuote: {
    'zh-CN': '结束引号后还有字符（带引号字段内的引号应写成两个引号 ""）；已跳过该行',
    en: 'Characters after a closing quote (a quote inside a quoted field is written as two quotes ""); the row is skipped',
  },
  jsonUnexpected: { 'zh-CN': 'JSON 语法错误：此处不应出现 {found}', en: 'JSON syntax error: unexpected {found}' },
  jsonEnd: { 'zh-CN': 'JSON 语法错误：文本意外结束', en: 'JSON syntax error: unexpected end of text' },
  jsonString: {
    'zh-CN': 'JSON 语法错误：字符串未结束，或含有未转义的控制字符',
    en: 'JSON syntax error: unterminated string, or a control character not escaped',
  },
  jsonEscape: { 'zh-CN': 'JSON 语法错误：无效的转义 {found}', en: 'JSON syntax error: invalid escape {found}' },
  jsonDepth: { 'zh-CN': 'JSON 嵌套过深（超过 {max} 层）', en: 'JSON nested too deeply (more than {max} levels)' },
  jsonShape: {
    'zh-CN': '代码表应为 {code, name} 对象的数组、带 children 的树 {code, name, children}，或 {"codes": [...]}',
    en: 'Expected an array of {code, name} objects, a tree {code, name, children}, or {"codes": [...]}',
  },
  jsonNotObject: {
    'zh-CN': '此处应为含 code 和 name 的对象；已跳过',
    en: 'Expected an object with code and name here; skipped',
  },
  jsonFieldType: {
    'zh-CN': '字段 {field} 应为{expected}；已跳过该项',
    en: 'The field {field} should be {expectedEn}; the entry is skipped',
  },
} satisfies Record<string, LocalizedText>;

type MessageId = keyof typeof MESSAGES;

const SEVERITY: Record<CodeTableProblemKind, Severity> = {
  'malformed-row': 'error',
  'duplicate-code': 'error',
  'bad-code': 'error',
  'empty-name': 'error',
  'bad-header': 'error',
  syntax: 'error',
  'bad-structure': 'error',
  'inconsistent-parent': 'warning',
  'level-mismatch': 'warning',
  'unknown-parent': 'warning',
};

/** Collects problems with positions from offsets into the (BOM-less) text. */
class ProblemSink {
  readonly problems: CodeTableProblem[] = [];
  constructor(private readonly lines: LineIndex) {}

  at(
    offset: number,
    kind: CodeTableProblemKind,
    messageId: MessageId,
    args: Record<string, string | number> = {},
  ): void {
    const position = this.lines.positionAt(offset);
    const problem: CodeTableProblem = {
      line: position.line + 1,
      column: position.character + 1,
      severity: SEVERITY[kind],
      kind,
      message: fillText(MESSAGES[messageId], args),
    };
    if (typeof args.code === 'string') problem.code = args.code;
    this.problems.push(problem);
  }

  lineOf(offset: number): number {
    return this.lines.positionAt(offset).line + 1;
  }
}

/** A value read from the file with the offset where it was written. */
interface Located<T> {
  value: T;
  offset: number;
}

/** One row or JSON object, before validation. */
interface RawEntry {
  offset: number;
  code: Located<string> | undefined;
  name: Located<string> | undefined;
  /** Declared parent; undefined when the file does not say. */
  parent: Located<string> | undefined;
  level: Located<string> | undefined;
  nameEn?: string;
  unit?: string;
  remark?: string;
}

export function loadCodeTable(text: string, options: LoadCodeTableOptions): LoadedCodeTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const sink = new ProblemSink(new LineIndex(body));
  const format = options.format ?? guessFormat(options.fileName, body);
  const read = format === 'json' ? readJson(body, sink) : readCsv(body, sink);
  const entries = buildEntries(read.entries, read.skippedCodes, sink);
  const table = new CodeTable(entries, { source: options.fileName, complete: read.complete });
  return { table, problems: sink.problems.sort((a, b) => a.line - b.line || a.column - b.column) };
}

function guessFormat(fileName: string, text: string): 'csv' | 'json' {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  return /^\s*[[{]/.test(text) ? 'json' : 'csv';
}

interface ReadResult {
  entries: RawEntry[];
  /** Codes of rows skipped as malformed: their children are not reported as orphans a second time. */
  skippedCodes: Set<string>;
  complete?: string[];
}

// ---------------------------------------------------------------------------------------------------- validation

function buildEntries(raws: RawEntry[], skippedCodes: Set<string>, sink: ProblemSink): CodeEntry[] {
  const entries: CodeEntry[] = [];
  const firstOffset = new Map<string, number>();
  const parentOffset = new Map<string, number>();
  for (const raw of raws) {
    const entry = validateEntry(raw, firstOffset, skippedCodes, sink);
    if (!entry) continue;
    firstOffset.set(entry.code, raw.code!.offset);
    parentOffset.set(entry.code, (raw.parent ?? raw.code)!.offset);
    entries.push(entry);
  }
  for (const entry of entries) {
    if (entry.parent === null || firstOffset.has(entry.parent) || skippedCodes.has(entry.parent)) continue;
    sink.at(parentOffset.get(entry.code)!, 'unknown-parent', 'unknownParent', {
      code: entry.code,
      parent: entry.parent,
    });
  }
  return entries;
}

function validateEntry(
  raw: RawEntry,
  seen: Map<string, number>,
  skipped: Set<string>,
  sink: ProblemSink,
): CodeEntry | undefined {
  const codeText = raw.code?.value.trim() ?? '';
  if (!raw.code || codeText === '') {
    sink.at(raw.code?.offset ?? raw.offset, 'bad-code', 'missingCode');
    return undefined;
  }
  const level = codeLevel(codeText);
  if (level === undefined) {
    sink.at(raw.code.offset, 'bad-code', 'badCode', { code: codeText });
    return undefined;
  }
  const first = seen.get(codeText);
  if (first !== undefined) {
    sink.at(raw.code.offset, 'duplicate-code', 'duplicateCode', { code: codeText, firstLine: sink.lineOf(first) });
    return undefined;
  }
  const name = raw.name?.value.trim() ?? '';
  if (name === '') sink.at(raw.name?.offset ?? raw.code.offset, 'empty-name', 'emptyName', { code: codeText });
  const parent = structuralParent(codeText) ?? null;
  checkDeclaredPlace(raw, codeText, level, parent, sink);
  skipped.delete(codeText);
  const entry: CodeEntry = { code: codeText, name, parent, level, line: sink.lineOf(raw.offset) };
  if (raw.nameEn) entry.nameEn = raw.nameEn.trim();
  const unit = raw.unit?.trim();
  if (unit) entry.unit = unit;
  const remark = raw.remark?.trim();
  if (remark) entry.remark = remark;
  return entry;
}

/** Reports a declared parent or level that disagrees with the code; a level explained by the parent is one problem. */
function checkDeclaredPlace(
  raw: RawEntry,
  code: string,
  level: number,
  parent: string | null,
  sink: ProblemSink,
): void {
  const declaredParent = raw.parent?.value.trim() ?? '';
  const declaredLevel = raw.level?.value.trim() ?? '';
  const levelDisagrees = declaredLevel !== '' && declaredLevel !== String(level);
  if (raw.parent && declaredParent !== '' && declaredParent !== parent) {
    const args = { code, declared: declaredParent, structural: parent ?? '', level, declaredLevel };
    if (parent === null) {
      sink.at(raw.parent.offset, 'inconsistent-parent', 'inconsistentParentRoot', args);
      if (!levelDisagrees) return;
    } else {
      const parentLevel = codeLevel(declaredParent);
      const explained = levelDisagrees && parentLevel !== undefined && declaredLevel === String(parentLevel + 1);
      sink.at(
        raw.parent.offset,
        'inconsistent-parent',
        explained ? 'inconsistentParentAndLevel' : 'inconsistentParent',
        args,
      );
      if (explained || !levelDisagrees) return;
    }
  }
  if (levelDisagrees)
    sink.at(raw.level!.offset, 'level-mismatch', 'levelMismatch', { code, declared: declaredLevel, level });
}

// ---------------------------------------------------------------------------------------------------- CSV

interface CsvField {
  value: string;
  offset: number;
}

interface CsvRecord {
  offset: number;
  fields: CsvField[];
  /** Set when the record could not be read cleanly (reported already). */
  broken: boolean;
}

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks; CRLF, LF or CR end a record. */
function parseCsv(text: string, sink: ProblemSink): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = 0;
  while (i < text.length) {
    const record: CsvRecord = { offset: i, fields: [], broken: false };
    for (;;) {
      const start = i;
      let value: string;
      if (text[i] === '"') {
        ({ value, next: i } = readQuoted(text, i + 1));
        if (i < 0) {
          sink.at(start, 'malformed-row', 'unterminatedQuote');
          record.broken = true;
          i = text.length;
        } else if (i < text.length && !isFieldEnd(text, i)) {
          sink.at(i, 'malformed-row', 'textAfterQuote');
          record.broken = true;
          while (i < text.length && !isFieldEnd(text, i)) i++;
        }
      } else {
        while (i < text.length && !isFieldEnd(text, i)) i++;
        value = text.slice(start, i);
      }
      record.fields.push({ value, offset: start });
      if (text[i] !== ',') break;
      i++;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else if (i < text.length) i++;
    records.push(record);
  }
  return records;
}

/** Reads a quoted field's content from just after its opening quote; `next` is -1 when the quote never closes. */
function readQuoted(text: string, from: number): { value: string; next: number } {
  let value = '';
  let i = from;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) return { value: value + text.slice(i), next: -1 };
    value += text.slice(i, quote);
    if (text[quote + 1] !== '"') return { value, next: quote + 1 };
    value += '"';
    i = quote + 2;
  }
}

function isFieldEnd(text: string, i: number): boolean {
  const c = text[i];
  return c === ',' || c === '\n' || c === '\r';
}

type Column = 'code' | 'name' | 'parent' | 'level' | 'unit' | 'remark' | 'nameEn';

/** Header names (lower-cased) of each column we read; other columns are kept in the file and ignored. */
const COLUMN_NAMES: Record<Column, string[]> = {
  code: ['code', '代码', '编码', '分类代码'],
  name: ['name', '名称', '分类名称'],
  parent: ['parent', 'parent_code', '上级', '上级代码', '上级编码'],
  level: ['level', '级次', '层级'],
  unit: ['unit', '计量单位', '单位'],
  remark: ['remark', '备注', '说明'],
  nameEn: ['name_en', 'nameen', '英文名称'],
};

function readCsv(text: string, sink: ProblemSink): ReadResult {
  const records = parseCsv(text, sink).filter((record) => !isBlank(record));
  const result: ReadResult = { entries: [], skippedCodes: new Set() };
  const header = records.shift();
  if (!header) {
    sink.at(0, 'bad-header', 'emptyTable');
    return result;
  }
  const columns = headerColumns(header);
  const missing = (['code', 'name'] as const).filter((column) => columns[column] === undefined);
  if (missing.length > 0) {
    const found = header.fields.map((field) => field.value).join(',');
    sink.at(header.offset, 'bad-header', 'badHeader', { missing: missing.join(', '), found: truncate(found, 80) });
    return result;
  }
  for (const record of records) {
    const codeField = record.fields[columns.code!];
    const count = record.fields.length;
    const expected = header.fields.length;
    if (record.broken || count !== expected) {
      if (!record.broken) {
        const at = count > expected ? record.fields[expected].offset : record.offset;
        sink.at(at, 'malformed-row', 'columnCount', { actual: count, expected });
      }
      if (codeField && isWellFormedCode(codeField.value.trim())) result.skippedCodes.add(codeField.value.trim());
      continue;
    }
    const field = (column: Column): CsvField | undefined => {
      const index = columns[column];
      return index === undefined ? undefined : record.fields[index];
    };
    result.entries.push({
      offset: record.offset,
      code: field('code'),
      name: field('name'),
      parent: field('parent'),
      level: field('level'),
      nameEn: field('nameEn')?.value,
      unit: field('unit')?.value,
      remark: field('remark')?.value,
    });
  }
  return result;
}

function isBlank(record: CsvRecord): boolean {
  return !record.broken && record.fields.length === 1 && record.fields[0].value.trim() === '';
}

function headerColumns(header: CsvRecord): Partial<Record<Column, number>> {
  const columns: Partial<Record<Column, number>> = {};
  header.fields.forEach((field, index) => {
    const name = field.value.trim().toLowerCase();
    for (const column of Object.keys(COLUMN_NAMES) as Column[]) {
      if (columns[column] === undefined && COLUMN_NAMES[column].includes(name)) columns[column] = index;
    }
  });
  return columns;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

// ---------------------------------------------------------------------------------------------------- JSON

type JsonNode =
  | { type: 'object'; offset: number; members: JsonMember[] }
  | { type: 'array'; offset: number; items: JsonNode[] }
  | { type: 'string'; offset: number; value: string }
  | { type: 'number'; offset: number; raw: string }
  | { type: 'literal'; offset: number; value: boolean | null };

interface JsonMember {
  key: string;
  value: JsonNode;
}

function readJson(text: string, sink: ProblemSink): ReadResult {
  const result: ReadResult = { entries: [], skippedCodes: new Set() };
  let root: JsonNode;
  try {
    root = new JsonParser(text).parseDocument();
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    sink.at(error.offset, 'syntax', error.messageId, error.args);
    return result;
  }
  const reader = new JsonEntryReader(sink, result);
  if (root.type === 'array') {
    for (const item of root.items) reader.read(item, undefined);
  } else if (root.type === 'object' && member(root, 'codes')) {
    const codes = member(root, 'codes')!;
    if (codes.type !== 'array') sink.at(codes.offset, 'bad-structure', 'jsonShape');
    else for (const item of codes.items) reader.read(item, undefined);
    result.complete = readComplete(member(root, 'complete'), sink);
  } else if (root.type === 'object' && member(root, 'code')) {
    reader.read(root, undefined);
  } else {
    sink.at(root.offset, 'bad-structure', 'jsonShape');
  }
  return result;
}

/** `complete`: the roots of the subtrees a partial table knows completely (absent: the table is complete). */
function readComplete(node: JsonNode | undefined, sink: ProblemSink): string[] | undefined {
  if (!node || (node.type === 'literal' && node.value === null)) return undefined;
  if (node.type !== 'array') {
    sink.at(node.offset, 'malformed-row', 'jsonFieldType', {
      field: 'complete',
      expected: '代码数组',
      expectedEn: 'an array of codes',
    });
    return [];
  }
  const roots: string[] = [];
  for (const item of node.items) {
    const code = item.type === 'string' ? item.value.trim() : '';
    if (isWellFormedCode(code)) roots.push(code);
    else sink.at(item.offset, 'bad-code', 'badCode', { code: item.type === 'string' ? code : scalarText(item) });
  }
  return roots;
}

function member(node: JsonNode, key: string): JsonNode | undefined {
  if (node.type !== 'object') return undefined;
  let found: JsonNode | undefined;
  for (const entry of node.members) if (entry.key === key) found = entry.value;
  return found;
}

function scalarText(node: JsonNode): string {
  if (node.type === 'string') return node.value;
  if (node.type === 'number') return node.raw;
  if (node.type === 'literal') return String(node.value);
  return node.type;
}

class JsonEntryReader {
  constructor(
    private readonly sink: ProblemSink,
    private readonly result: ReadResult,
  ) {}

  /** Reads an entry and its `children`; a nested entry's declared parent is the enclosing entry's code. */
  read(node: JsonNode, enclosing: string | undefined): void {
    if (node.type !== 'object') {
      this.sink.at(node.offset, 'malformed-row', 'jsonNotObject');
      return;
    }
    const code = this.located(node, 'code', true);
    const fields = {
      name: this.located(node, 'name', false),
      parent: this.located(node, 'parent', false),
      level: this.located(node, 'level', true),
      nameEn: this.located(node, 'nameEn', false),
      unit: this.located(node, 'unit', false),
      remark: this.located(node, 'remark', false),
    };
    const children = member(node, 'children');
    const childrenOk = children === undefined || children.type === 'array';
    if (!childrenOk) this.typeProblem(children, 'children', '数组', 'an array');
    const wellTyped = code !== null && childrenOk && Object.values(fields).every((field) => field !== null);
    if (wellTyped) {
      this.result.entries.push({
        offset: node.offset,
        code,
        name: fields.name ?? undefined,
        parent:
          fields.parent ??
          (member(node, 'parent') || !enclosing
            ? undefined
            : { value: enclosing, offset: code?.offset ?? node.offset }),
        level: fields.level ?? undefined,
        nameEn: fields.nameEn?.value,
        unit: fields.unit?.value,
        remark: fields.remark?.value,
      });
    } else if (code && isWellFormedCode(code.value.trim())) {
      this.result.skippedCodes.add(code.value.trim());
    }
    if (children?.type === 'array') {
      for (const child of children.items) this.read(child, code?.value.trim());
    }
  }

  /** A string member (or a number where `numeric`); undefined when absent or null; null when of the wrong type. */
  private located(node: JsonNode, key: string, numeric: boolean): Located<string> | undefined | null {
    const value = member(node, key);
    if (!value || (value.type === 'literal' && value.value === null)) return undefined;
    if (value.type === 'string') return { value: value.value, offset: value.offset };
    if (numeric && value.type === 'number') return { value: value.raw, offset: value.offset };
    this.typeProblem(value, key, numeric ? '字符串或数字' : '字符串', numeric ? 'a string or a number' : 'a string');
    return null;
  }

  private typeProblem(node: JsonNode, field: string, expected: string, expectedEn: string): void {
    this.sink.at(node.offset, 'malformed-row', 'jsonFieldType', { field, expected, expectedEn });
  }
}

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly messageId: MessageId,
    readonly args: Record<string, string | number> = {},
  ) {
    super(messageId);
  }
}

const MAX_JSON_DEPTH = 100;
const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const JSON_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** A small JSON parser (RFC 8259) that keeps the offset of every value, for problems with positions. */
class JsonParser {
  private i = 0;
  constructor(private readonly text: string) {}

  parseDocument(): JsonNode {
    const value = this.value(0);
    this.skipSpace();
    if (this.i < this.text.length) this.unexpected();
    return value;
  }

  private value(depth: number): JsonNode {
    if (depth > MAX_JSON_DEPTH) throw new JsonSyntaxError(this.i, 'jsonDepth', { max: MAX_JSON_DEPTH });
    this.skipSpace();
    const offset = this.i;
    const c = this.text[this.i];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return { type: 'string', offset, value: this.string() };
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, offset)) {
        this.i += word.length;
        return { type: 'literal', offset, value };
      }
    }
    JSON_NUMBER.lastIndex = offset;
    const number = JSON_NUMBER.exec(this.text);
    if (number && number[0] !== '-') {
      this.i += number[0].length;
      return { type: 'number', offset, raw: number[0] };
    }
    return this.unexpected();
  }

  private object(depth: number): JsonNode {
    const node: JsonNode = { type: 'object', offset: this.i, members: [] };
    this.i++;
    if (this.peekAfterSpace() === '}') {
      this.i++;
      return node;
    }
    for (;;) {
      if (this.peekAfterSpace() !== '"') this.unexpected();
      const key = this.string();
      if (this.peekAfterSpace() !== ':') this.unexpected();
      this.i++;
      node.members.push({ key, value: this.value(depth + 1) });
      const next = this.peekAfterSpace();
      this.i++;
      if (next === '}') return node;
      if (next !== ',') this.unexpected(this.i - 1);
    }
  }

  private array(depth: number): JsonNode {
    const node: JsonNode = { type: 'array', offset: this.i, items: [] };
    this.i++;
    if (this.peekAfterSpace() === ']') {
      this.i++;
      return node;
    }
    for (;;) {
      node.items.push(this.value(depth + 1));
      const next = this.peekAfterSpace();
      this.i++;
      if (next === ']') return node;
      if (next !== ',') this.unexpected(this.i - 1);
    }
  }

  /** Reads a string starting at its opening quote. */
  private string(): string {
    const start = this.i;
    let value = '';
    this.i++;
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined || c < ' ') throw new JsonSyntaxError(start, 'jsonString');
      if (c === '"') {
        this.i++;
        return value;
      }
      if (c !== '\\') {
        value += c;
        this.i++;
        continue;
      }
      const escape = this.text[this.i + 1];
      if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) {
        value += String.fromCharCode(parseInt(this.text.slice(this.i + 2, this.i + 6), 16));
        this.i += 6;
      } else if (escape !== undefined && escape in JSON_ESCAPES) {
        value += JSON_ESCAPES[escape];
        this.i += 2;
      } else {
        throw new JsonSyntaxError(this.i, 'jsonEscape', { found: `\\${escape ?? ''}` });
      }
    }
  }

  private peekAfterSpace(): string | undefined {
    this.skipSpace();
    return this.text[this.i];
  }

  private skipSpace(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i])) this.i++;
  }

  private unexpected(at = this.i): never {
    if (at >= this.text.length) throw new JsonSyntaxError(this.text.length, 'jsonEnd');
    throw new JsonSyntaxError(at, 'jsonUnexpected', { found: JSON.stringify(this.text[at]) });
  }
}
