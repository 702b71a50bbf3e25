/**
 * The validation pipeline: parse findings, document-level findings, schema findings (head and per item) and
 * rule findings, in one list sorted by position. Items are validated one by one, and their findings can be
 * cached by the item's text, so an edit inside one item re-validates that item only.
 */
import type { Finding, LocalizedText, Severity, Span } from './types';
import type { YamlNode } from './parser/ast';
import type { ItemChunk, StewardDocument, StewardYamlDocument } from './parser/model';
import { ITEM_LIST_KEY } from './parser/model';
import { completeDeferred, parseDeferredItem, settleItem } from './parser/parse';
import type { ChunkCache } from './parser/parse';
import type { YamlProblem } from './parser/problems';
import { moveRange } from './parser/lines';
import { YAML_RULES } from './parser/problems';
import { validateHead, validateItem } from './schema/validate';
import type { CodeTable } from './codes/table';
import type { Report, Rule, RuleContext } from './rules/rule';
import { findingOf, ruleCitation } from './rules/report';
import { findRule } from './rules/registry';
import { emptyFileRule } from './rules/document/empty-file';
import { notAStewardDocumentRule } from './rules/document/not-a-steward-document';
import { unknownKindRule } from './rules/document/unknown-kind';
import { topLevelNotMappingRule } from './rules/yaml/top-level-not-mapping';
import { appendAll } from './append';

export const DOCUMENT_RULES = {
  empty: emptyFileRule.meta.id,
  foreign: notAStewardDocumentRule.meta.id,
  unknownKind: unknownKindRule.meta.id,
} as const;

export interface ValidateOptions {
  rules: Rule[];
  codeTable: CodeTable;
  /** `YYYY-MM-DD`; rules about age or expiry compare with it. */
  today: string;
  /** `unit.type` to assume when a document does not say (from the configuration). */
  defaultUnitType?: string;
  /** Report documents that are not ours (the CLI was pointed at them); the editor leaves them alone. */
  reportForeignDocuments: boolean;
  cache?: ItemFindingsCache;
}

/**
 * Item findings by context (kind, unit type, date) and item text, with lines relative to the item's first line.
 * Two levels, so the key of an item is its text itself (a string whose hash the parser's cache already computed).
 */
export class ItemFindingsCache {
  private readonly contexts = new Map<string, Map<string, Finding[]>>();
  private size = 0;
  hits = 0;
  misses = 0;
  constructor(private readonly capacity = 100_000) {}
  get(context: string, text: string): Finding[] | undefined {
    const found = this.contexts.get(context)?.get(text);
    if (found) this.hits++;
    else this.misses++;
    return found;
  }
  set(context: string, text: string, findings: Finding[]): void {
    if (this.size >= this.capacity) this.clear();
    let entries = this.contexts.get(context);
    if (!entries) this.contexts.set(context, (entries = new Map<string, Finding[]>()));
    if (!entries.has(text)) this.size++;
    entries.set(text, findings);
  }
  clear(): void {
    this.contexts.clear();
    this.size = 0;
  }
}

/** A file's findings by where they come from, so that an edit can replace only the edited item's. */
export interface FileValidation {
  /** Findings of the file as a whole (parse findings, an empty file). */
  file: Finding[];
  /**
   * Per YAML document: its own findings (head schema, document rules, document kind) and each item's, and what
   * the items' findings depend on besides the items (kind, unit type, date: DocumentContext.cacheContext).
   */
  documents: DocumentParts[];
}

type DocumentParts = { own: Finding[]; items: Finding[][]; context?: string };

export function validateFile(file: StewardDocument, options: ValidateOptions): Finding[] {
  return flatten(validateFileParts(file, options));
}

export function validateFileParts(file: StewardDocument, options: ValidateOptions): FileValidation {
  return {
    file: fileFindings(file),
    documents: file.documents.map((document) => validateDocument(file, document, options)),
  };
}

/**
 * Validates a deferred parse (ParseOptions.defer) item by item: each item is parsed, checked and shown to `visit`
 * (which may read its tree). `keep: false` drops each tree after use, so one item's tree is alive at a time; with
 * `keep` the items keep their trees and the parse ends up a whole parse's equal (an editor's open file, edited
 * from it later). The same findings as a whole parse and validateFileParts (tests compare them). Pauses after
 * every `every` items (0: never), for a caller that must stay responsive meanwhile and may stop early: nothing
 * outside the parse changes before the end. Undefined when an item needs the whole parse.
 */
export function* validateDeferredSteps(
  file: StewardDocument,
  options: ValidateOptions,
  parser: { cache?: ChunkCache; fast?: boolean },
  visit: (document: StewardYamlDocument, item: ItemChunk, index: number) => void,
  { keep, every }: { keep: boolean; every: number },
): Generator<void, FileValidation | undefined> {
  const problems: YamlProblem[] = [];
  const trees: Array<Array<Span | undefined>> = [];
  const contexts = file.documents.map((document) => documentContext(document, options));
  const items: Finding[][][] = [];
  let count = 0;
  for (const [d, document] of file.documents.entries()) {
    const context = contexts[d];
    const spans: Array<Span | undefined> = [];
    const found: Finding[][] = [];
    for (const [index, item] of document.items.entries()) {
      if (item.deferred) {
        const parsed = parseDeferredItem(file, item, parser);
        if (!parsed) return undefined;
        if (parsed.problems.length > 0) appendAll(problems, parsed.problems);
        item.node = parsed.node;
        if (keep) item.clean = parsed.problems.length === 0 && parsed.node !== null;
      }
      // The two numbers, not the span: a node is its own span (parser/ast.ts), and this list outlives the tree.
      spans.push(item.node ? { start: item.node.span.start, end: item.node.span.end } : undefined);
      if (context) found.push(itemFindings(file, document, index, context));
      visit(document, item, index);
      if (item.deferred && !keep) item.node = null;
      if (every > 0 && ++count % every === 0) yield;
    }
    trees.push(spans);
    items.push(found);
  }
  completeDeferred(file, problems, trees, keep);
  return {
    file: fileFindings(file),
    documents: file.documents.map((document, d) => ({
      own: documentFindings(file, document, options, contexts[d]),
      items: contexts[d] ? items[d] : [],
      context: contexts[d]?.cacheContext,
    })),
  };
}

/** Findings of the file as a whole: its YAML problems, or that it holds no document. */
function fileFindings(file: StewardDocument): Finding[] {
  const findings: Finding[] = [...file.parseFindings];
  const meaningful = file.documents.filter((d) => d.root !== null);
  if (meaningful.length === 0 && !findings.some((f) => f.severity === 'error')) {
    findings.push(
      docFinding(DOCUMENT_RULES.empty, 'warning', file, { start: 0, end: 0 }, emptyFileRule.meta.messages.empty),
    );
  }
  return findings;
}

/** Every finding of a file, sorted by position. */
export function flatten(validation: FileValidation): Finding[] {
  // The file's and the documents' own findings are few and may be anywhere; the items' come in file order, each
  // item's in order and inside it, so they are in order together (sorted only if not), and the few are merged in:
  // what a stable sort of the file's, then each document's own and items' findings gives (a document's own findings
  // tie only with its own items').
  const loose = [...validation.file];
  const items: Finding[] = [];
  // Each item's list is in order: the whole is if each list starts no earlier than the one before it ends.
  let inOrder = true;
  for (const document of validation.documents) {
    appendAll(loose, document.own);
    for (const item of document.items) {
      if (item.length === 0) continue;
      if (items.length > 0 && compareFindings(items[items.length - 1], item[0]) > 0) inOrder = false;
      appendAll(items, item);
    }
  }
  return mergeFindings(sortFindings(loose), inOrder ? items : items.sort(compareFindings));
}

/**
 * The findings of a file parsed from the previous parse after an edit inside one item list (`file.edit`): the
 * edited document's own findings and its new items' findings are computed, the other items' are kept, moved
 * by the lines and positions the edit added or removed. Equal to `validateFileParts` (a test checks it).
 */
export function revalidateEdit(
  file: StewardDocument,
  previous: FileValidation,
  options: ValidateOptions,
): FileValidation | undefined {
  const edit = file.edit;
  if (!edit || edit.document === undefined || previous.documents.length !== file.documents.length) return undefined;
  const d = edit.document;
  const shift = edit.added - edit.removed;
  const documents = previous.documents.map((part, i) => {
    if (i < d) return part;
    if (i > d)
      return edit.lineDelta === 0
        ? part
        : {
            own: part.own.map((f) => relocate(f, edit.lineDelta)),
            items: part.items.map((list) => (list.length === 0 ? list : list.map((f) => relocate(f, edit.lineDelta)))),
          };
    return undefined;
  });
  const document = file.documents[d];
  const old = previous.documents[d];
  if (old.items.length - edit.removed + edit.added !== document.items.length) return undefined;
  const context = documentContext(document, options);
  // The kept items' findings hold only in the context they were found in (an edit of the head may change it).
  if (!context || context.cacheContext !== old.context) return undefined;
  const items = old.items.slice(0, edit.from);
  for (let index = edit.from; index < edit.from + edit.added; index++)
    items.push(itemFindings(file, document, index, context));
  const listKey = ITEM_LIST_KEY[document.kind!];
  for (let index = edit.from + edit.removed; index < old.items.length; index++) {
    const list = old.items[index];
    const now = index + shift;
    items.push(
      list.length === 0 || (edit.lineDelta === 0 && shift === 0)
        ? list
        : list.map((f) => movePath(relocate(f, edit.lineDelta), `/${listKey}/${index}`, `/${listKey}/${now}`)),
    );
  }
  documents[d] = { own: documentFindings(file, document, options, context), items, context: context.cacheContext };
  return { file: [...file.parseFindings], documents: documents as FileValidation['documents'] };
}

interface DocumentContext {
  options: ValidateOptions;
  unitType: string | undefined;
  cacheContext: string;
}

/** What item checks of a steward document depend on besides the item; undefined for other documents. */
function documentContext(document: StewardYamlDocument, options: ValidateOptions): DocumentContext | undefined {
  const root = document.root;
  if (!root || root.type !== 'map' || !document.isSteward || !document.kind) return undefined;
  // A document that says what date it is as of is checked as of that date, the same on any day.
  const dated = { ...options, today: asOfDate(root) ?? options.today };
  const unitType = unitTypeOf(root) ?? options.defaultUnitType;
  // Item rules may read the unit type and today's date: both are part of what a cached result depends on.
  return { options: dated, unitType, cacheContext: `${document.kind}\u0000${unitType ?? ''}\u0000${dated.today}` };
}

function validateDocument(
  file: StewardDocument,
  document: StewardYamlDocument,
  options: ValidateOptions,
): DocumentParts {
  const context = documentContext(document, options);
  const own = documentFindings(file, document, options, context);
  if (!context) return { own, items: [] };
  return {
    own,
    items: document.items.map((_, index) => itemFindings(file, document, index, context)),
    context: context.cacheContext,
  };
}

/** A document's own findings: its shape and kind, its head's schema findings and the document rules'. */
function documentFindings(
  file: StewardDocument,
  document: StewardYamlDocument,
  options: ValidateOptions,
  context: DocumentContext | undefined,
): Finding[] {
  const out: Finding[] = [];
  const root = document.root;
  if (!root) return out;
  if (root.type !== 'map') {
    out.push(
      docFinding(
        YAML_RULES.notMapping,
        'error',
        file,
        firstLine(file, root.span),
        topLevelNotMappingRule.meta.messages.notMappingDocument,
      ),
    );
    return out;
  }
  if (!document.isSteward) {
    if (options.reportForeignDocuments) {
      out.push(
        docFinding(
          DOCUMENT_RULES.foreign,
          'warning',
          file,
          root.entries[0]?.keySpan ?? root.span,
          notAStewardDocumentRule.meta.messages.foreign,
        ),
      );
    }
    return out;
  }
  const kind = document.kind;
  if (!kind || !context) {
    const kindEntry = root.entries.find((e) => e.key === 'kind');
    const kindSpan = kindEntry
      ? kindEntry.value.span.end > kindEntry.value.span.start
        ? kindEntry.value.span
        : kindEntry.keySpan
      : root.entries[0].keySpan;
    out.push(
      docFinding(DOCUMENT_RULES.unknownKind, 'error', file, kindSpan, unknownKindRule.meta.messages.unknownKind),
    );
    return out;
  }
  const schemaFindings = document.headBroken ? [] : validateHead(kind, root, file.lines);
  const ruleFindings: Finding[] = [];
  const rules = ruleContext(file, context.options, ruleFindings);
  for (const rule of context.options.rules) {
    if (rule.checkDocument && !document.headBroken)
      runRule(rule, rules, ruleFindings, () => rule.checkDocument!(document, rules));
  }
  appendAll(out, dropReplaced(schemaFindings, ruleFindings, context.options.rules));
  appendAll(out, ruleFindings);
  return out;
}

const NONE: Finding[] = [];

/** A finding of the item at `from` (a JSON pointer) now at `to`. */
function movePath(finding: Finding, from: string, to: string): Finding {
  const path = finding.path;
  if (from === to || path === undefined || !(path === from || path.startsWith(from + '/'))) return finding;
  return { ...finding, path: to + path.slice(from.length) };
}

/** One item's findings, from the cache by its text when it holds them. */
function itemFindings(
  file: StewardDocument,
  document: StewardYamlDocument,
  index: number,
  context: DocumentContext,
): Finding[] {
  const item = document.items[index];
  if (!item.node || item.broken) return NONE;
  const options = context.options;
  const cached = item.text ? options.cache?.get(context.cacheContext, item.text) : undefined;
  // A clean item found in the cache costs a lookup: no position, no path (most items, on every keystroke).
  if (cached && cached.length === 0) return NONE;
  const path = `/${ITEM_LIST_KEY[document.kind!]}/${index}`;
  const firstLineOfItem = file.lines.positionAt(item.span.start).line;
  if (cached) return cached.map((finding) => relocate(finding, firstLineOfItem, path));
  settleItem(item);
  const found = validateOneItem(file, document, item.node, index, path, context.unitType, options);
  if (item.text && options.cache)
    options.cache.set(
      context.cacheContext,
      item.text,
      found.map((f) => relocate(f, -firstLineOfItem, undefined, path)),
    );
  return found;
}

function asOfDate(root: YamlNode): string | undefined {
  const node = root.type === 'map' ? root.entries.find((e) => e.key === 'asOf')?.value : undefined;
  const value = node?.type === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : undefined;
}

function unitTypeOf(root: YamlNode): string | undefined {
  const unit = root.type === 'map' ? root.entries.find((e) => e.key === 'unit')?.value : undefined;
  const type = unit?.type === 'map' ? unit.entries.find((e) => e.key === 'type')?.value : undefined;
  return type?.type === 'scalar' && typeof type.value === 'string' ? type.value : undefined;
}

function validateOneItem(
  file: StewardDocument,
  document: StewardYamlDocument,
  node: YamlNode,
  index: number,
  path: string,
  unitType: string | undefined,
  options: ValidateOptions,
): Finding[] {
  const kind = document.kind!;
  const schemaFindings = validateItem(kind, node, path, file.lines);
  if (node.type !== 'map') return schemaFindings;
  const ruleFindings: Finding[] = [];
  const context = ruleContext(file, options, ruleFindings);
  const scope = {
    kind: kind === 'DataResourceCatalog' ? ('resource' as const) : ('asset' as const),
    document,
    index,
    path,
    unitType,
  };
  // The hottest loop of a large file (rules × items): no closure per call.
  for (const rule of options.rules) {
    if (!rule.checkItem) continue;
    context.current = rule;
    try {
      rule.checkItem(node, scope, context);
    } catch (error) {
      ruleFindings.push(ruleFailure(rule, error));
    }
  }
  context.current = undefined;
  // In order, as flatten expects of an item's findings (a few: the schema's, then the rules').
  return [...dropReplaced(schemaFindings, ruleFindings, options.rules), ...ruleFindings].sort(compareFindings);
}

/** Moves a finding by whole lines (items start at a line start) and rewrites its item path prefix. */
function relocate(finding: Finding, lineDelta: number, path?: string, fromPath?: string): Finding {
  const range = moveRange(finding.range, lineDelta);
  let findingPath = finding.path;
  if (findingPath !== undefined) {
    if (fromPath !== undefined && findingPath.startsWith(fromPath))
      findingPath = '#' + findingPath.slice(fromPath.length);
    else if (path !== undefined && findingPath.startsWith('#')) findingPath = path + findingPath.slice(1);
  }
  const moved: Finding = { ...finding, range, path: findingPath };
  // A fix's edits sit in the item too (an insertion after its last line, say): they move with it.
  if (finding.fix && lineDelta !== 0) {
    moved.fix = {
      ...finding.fix,
      edits: finding.fix.edits.map((edit) => ({ ...edit, range: moveRange(edit.range, lineDelta) })),
    };
  }
  return moved;
}

function ruleContext(
  file: StewardDocument,
  options: ValidateOptions,
  sink: Finding[],
): RuleContext & { current?: Rule } {
  const context: RuleContext & { current?: Rule } = {
    file,
    codeTable: options.codeTable,
    today: options.today,
    report(report: Report) {
      const rule = context.current;
      if (!rule) return;
      sink.push(findingOf(rule.meta, report, file.lines));
    },
  };
  return context;
}

function runRule(rule: Rule, context: RuleContext & { current?: Rule }, sink: Finding[], run: () => void): void {
  context.current = rule;
  try {
    run();
  } catch (error) {
    sink.push(ruleFailure(rule, error));
  } finally {
    context.current = undefined;
  }
}

/** A rule's bug must not hide the other findings; it becomes a finding of its own. */
function ruleFailure(rule: Rule, error: unknown): Finding {
  return {
    ruleId: rule.meta.id,
    severity: 'error',
    message: {
      'zh-CN': `规则 ${rule.meta.id} 执行出错：${String(error)}`,
      en: `Rule ${rule.meta.id} failed: ${String(error)}`,
    },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}

function pathMatches(pattern: string, path: string): boolean {
  const a = pattern.split('/');
  const b = path.split('/');
  return a.length === b.length && a.every((segment, i) => segment === '*' || segment === b[i]);
}

/** Drops schema findings at paths where a rule that replaces them has reported. */
function dropReplaced(schemaFindings: Finding[], ruleFindings: Finding[], rules: Rule[]): Finding[] {
  if (ruleFindings.length === 0) return schemaFindings;
  const claimed = new Set<string>();
  for (const finding of ruleFindings) {
    const rule = rules.find((r) => r.meta.id === finding.ruleId);
    if (!finding.path || !rule?.meta.replacesSchemaAt) continue;
    if (rule.meta.replacesSchemaAt.some((pattern) => pathMatches(pattern, finding.path!))) claimed.add(finding.path);
  }
  return claimed.size === 0 ? schemaFindings : schemaFindings.filter((f) => !f.path || !claimed.has(f.path));
}

function docFinding(
  ruleId: string,
  severity: Severity,
  file: StewardDocument,
  span: Span,
  message: LocalizedText,
): Finding {
  return { ruleId, severity, message, range: file.lines.rangeOf(span), clause: ruleCitation(findRule(ruleId)!) };
}

function firstLine(file: StewardDocument, span: Span): Span {
  const start = file.lines.positionAt(span.start);
  const lineEnd = file.lines.lineStart(start.line + 1);
  const end = start.line + 1 < file.lines.lineCount ? lineEnd - 1 : file.text.length;
  return { start: span.start, end: Math.max(span.start, Math.min(end, span.end)) };
}

/** The order findings are shown in: by position, then by rule. */
function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

/** How many findings from the start are in order (`findings.length` when all are). */
function orderedRun(findings: readonly Finding[]): number {
  let k = 1;
  while (k < findings.length && compareFindings(findings[k - 1], findings[k]) <= 0) k++;
  return Math.min(k, findings.length);
}

/** Two lists in order as one, `first`'s before `second`'s where they tie (what a stable sort of both gives). */
function mergeFindings(first: readonly Finding[], second: readonly Finding[]): Finding[] {
  const out: Finding[] = new Array<Finding>(first.length + second.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < first.length && j < second.length)
    out[k++] = compareFindings(first[i], second[j]) <= 0 ? first[i++] : second[j++];
  while (i < first.length) out[k++] = first[i++];
  while (j < second.length) out[k++] = second[j++];
  return out;
}

/**
 * `findings` in order, in the order a stable sort gives. Lists the service keeps are mostly in order already (a
 * file's findings, a few appended): the part in order is merged with the rest sorted, one pass instead of a sort of
 * tens of thousands on every keystroke. May return `findings` itself.
 */
export function sortFindings(findings: Finding[]): Finding[] {
  const run = orderedRun(findings);
  if (run === findings.length) return findings;
  if (findings.length - run > findings.length / 4) return findings.sort(compareFindings);
  return mergeFindings(findings.slice(0, run), findings.slice(run).sort(compareFindings));
}
