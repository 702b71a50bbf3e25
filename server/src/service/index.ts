/**
 * The language service facade: one object with every operation, built once. Pure — no file system, no
 * editor, no LSP connection. The CLI and the language server are thin shells around it.
 *
 * Per file: `update` parses and validates a file and records its summary in the workspace index; `findings`
 * adds the cross-file findings, applies the file's waivers and the configured severities. `validate` does both.
 */
import type { Finding, Locale } from './types';
import type { StewardDocument, StewardYamlDocument } from './parser/model';
import { getValue } from './parser/ast';
import { toPlainValue } from './parser/convert';
import { rootMap } from './parser/model';
import { ChunkCache, foldItem, foldItems, parseStewardFile, settleFile, unfoldFile } from './parser/parse';
import { DEFAULT_MAX_ITEMS } from './parser/limits';
import type { TextChange } from './parser/parse';
import { LineIndex } from './parser/lines';
import type { SourceText } from './parser/source';
import {
  ItemFindingsCache,
  flatten,
  revalidateEdit,
  sortFindings,
  validateDeferredSteps,
  validateFileParts,
} from './validate';
import type { FileValidation, ValidateOptions } from './validate';
import { RULES, WORKSPACE_RULES } from './rules/registry';
import type { Rule, WorkspaceRule } from './rules/rule';
import { builtinCodeTable } from './codes/table';
import type { CodeTable } from './codes/table';
import { ruleInfos } from './catalog';
import type { RuleInfo } from './catalog';
import { moveSummary, summarizeEdit, summarizeEntries, summarizeItem, summaryOf, WorkspaceIndex } from './workspace';
import type { FileSummary, SummaryChange, SummaryEntries } from './workspace';
import { CrossFileFindings } from './cross-file';
import { applyWaivers, parseWaivers } from './waivers';
import type { Waiver, WaiverProblem } from './waivers';
import { applyConfig, EMPTY_CONFIG } from './config';
import type { StewardConfig } from './config';
import type { Position, Range } from './types';
import { documentSymbols } from './symbols';
import { definition, prepareRename, references, rename } from './navigation';
import { codeActions } from './code-actions';
import type { StewardCodeAction } from './code-actions';
import type { CompletionList, DocumentSymbol, Hover, Location, WorkspaceEdit } from 'vscode-languageserver-types';
import { complete } from './completion';
import { hover } from './hover';
import type { LocalizedText } from './types';

export interface StewardServiceOptions {
  codeTable?: CodeTable;
  /** Keep parsed chunks and item findings between calls (an editor re-validating as the user types). */
  incremental?: boolean;
  /** Report documents in the file that are not steward documents (the CLI: the user pointed at the file). */
  reportForeignDocuments?: boolean;
  rules?: Rule[];
  workspaceRules?: WorkspaceRule[];
  /** `YYYY-MM-DD` for rules about age or expiry; defaults to the current date (UTC). */
  today?: string;
  /** Rule severities, overrides and the default unit type. */
  config?: StewardConfig;
  /** The path a file's overrides are matched against (relative to the workspace root); defaults to the uri. */
  configPath?: (uri: string) => string;
  /**
   * A file whose resources or assets list holds more items than this is not checked; its one finding
   * (DA-FILE-005) says so. Default DEFAULT_MAX_ITEMS (100,000).
   */
  maxItemsPerFile?: number;
}

export interface ValidationResult {
  document: StewardDocument;
  findings: Finding[];
}

export interface UpdateOptions {
  /** false: a file no editor shows (see `update`). */
  retain?: boolean;
  /**
   * Where the text changed since the previous `update` of the same file, when the caller knows it (an editor's
   * change events, merged with mergeChanges). Without it the two texts are compared.
   */
  change?: TextChange;
  /**
   * Reads the file's data as it is checked (the report: one item's tree alive at a time, no second parse):
   * `item` gets each item of a steward document as a plain value, `restart` says that the item-by-item pass fell
   * back to a whole parse (an alias to an anchor in another item) and every item will be given again.
   */
  visitItems?: ItemVisitor;
}

export interface ItemVisitor {
  item(document: StewardYamlDocument, value: unknown, index: number): void;
  restart(): void;
}

/** The plain value of a document's `unit` (what the report reads of a document's head). */
export function documentUnit(document: StewardYamlDocument): unknown {
  const unit = getValue(rootMap(document), 'unit');
  return unit ? toPlainValue(unit) : undefined;
}

function cacheStats(
  chunks: ChunkCache | undefined,
  items: ItemFindingsCache | undefined,
): ReturnType<StewardService['cacheStats']> {
  return {
    chunkHits: chunks?.hits ?? 0,
    chunkMisses: chunks?.misses ?? 0,
    itemHits: items?.hits ?? 0,
    itemMisses: items?.misses ?? 0,
  };
}

/** Gives every item of a whole parse to the visitor. */
function visitAll(document: StewardDocument, visitor: ItemVisitor): void {
  for (const yamlDocument of document.documents)
    if (yamlDocument.kind)
      yamlDocument.items.forEach((item, index) =>
        visitor.item(yamlDocument, item.node ? toPlainValue(item.node) : null, index),
      );
}

export interface StewardService {
  readonly codeTable: CodeTable;
  readonly index: WorkspaceIndex;
  parse(uri: string, text: SourceText): StewardDocument;
  /**
   * Parses and validates one file, records it in the workspace index; returns the file's own findings.
   * `retain: false` keeps only the file's findings and index entry, not its tree (files on disk that no editor
   * shows: their trees would only cost memory).
   */
  update(uri: string, text: SourceText, options?: UpdateOptions): ValidationResult;
  /**
   * `update` in steps, pausing every `itemsPerStep` items (200 by default) of a file checked from scratch: the
   * caller runs it to the end, or abandons it at a pause (a newer version arrived) with nothing recorded. An edit
   * of a file whose parse is kept is one step.
   */
  updateSteps(
    uri: string,
    text: SourceText,
    options?: UpdateOptions & { itemsPerStep?: number },
  ): Generator<void, ValidationResult>;
  /**
   * Records a file validated elsewhere (a worker thread running `update` with `retain: false` on the same
   * options): its own findings and index entry, as `update` would have. `text` is read for waiver comments.
   */
  adopt(uri: string, text: string, result: { findings: Finding[]; summary: FileSummary }): void;
  /** Forgets a file (deleted or closed and gone). */
  remove(uri: string): void;
  /**
   * What users see for a file: its own and cross-file findings, waivers and configured severities applied, sorted.
   * The same array until the file or its cross-file findings change: callers read it and never modify it.
   */
  findings(uri: string): Finding[];
  /** Whether the service keeps a parse of the file (`update` without `retain: false`) that edits start from. */
  keepsParse(uri: string): boolean;
  /** `update` then `findings`. */
  validate(uri: string, text: SourceText): ValidationResult;
  rules(): RuleInfo[];
  /** Whether a rule id exists (a plain function: shells hand it on, e.g. to parseConfig). */
  readonly isKnownRule: (id: string) => boolean;
  /** The latest parse of a file (incremental mode: the editor's view), for the operations below. */
  document(uri: string): StewardDocument | undefined;
  /** The outline, listing at most `maxItems` resources and assets (all by default). */
  documentSymbols(uri: string, locale: Locale, maxItems?: number): DocumentSymbol[];
  complete(uri: string, position: Position, locale: Locale): CompletionList;
  hover(uri: string, position: Position, locale: Locale): Hover | null;
  definition(uri: string, position: Position): Location[];
  references(uri: string, position: Position, includeDeclaration: boolean): Location[];
  prepareRename(uri: string, position: Position): Range | null;
  rename(uri: string, position: Position, newName: string): WorkspaceEdit | { error: LocalizedText };
  codeActions(uri: string, range: Range, locale: Locale, only?: string[]): StewardCodeAction[];
  /** For tests and benchmarks: how often the incremental caches were hit. */
  cacheStats(): { chunkHits: number; chunkMisses: number; itemHits: number; itemMisses: number };
}

interface FileState {
  findings: Finding[];
  waivers: { waivers: Waiver[]; problems: WaiverProblem[] };
  /** The findings by document and item, and the index entries by item: what the next edit starts from. */
  parts?: FileValidation;
  entries?: SummaryEntries;
  /** How the index entry changed with the latest update, from which summary to which. */
  change?: { from: FileSummary; to: FileSummary; change: SummaryChange };
}

export function createStewardService(options: StewardServiceOptions = {}): StewardService {
  const codeTable = options.codeTable ?? builtinCodeTable();
  const config = options.config ?? EMPTY_CONFIG;
  const allRules = options.rules ?? RULES;
  const rules = activeRules(allRules, config);
  const workspaceRules = options.workspaceRules ?? WORKSPACE_RULES;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const chunkCache = options.incremental ? new ChunkCache() : undefined;
  const itemCache = options.incremental ? new ItemFindingsCache() : undefined;
  const infos = ruleInfos([...allRules, ...workspaceRules]);
  const known = new Set(infos.map((info) => info.id));
  const index = new WorkspaceIndex();
  const files = new Map<string, FileState>();
  /** The latest parse of each file, reused by the next parse of the same file (incremental mode only). */
  const latest = new Map<string, StewardDocument>();
  const parsing = { cache: chunkCache, maxItems: options.maxItemsPerFile ?? DEFAULT_MAX_ITEMS };
  const isKnownRule = (id: string) => known.has(id);
  /** A file's latest parse with every tree at its place (edits move trees lazily: see settleItem). */
  const current = (uri: string): StewardDocument | undefined => {
    const file = latest.get(uri);
    return file ? settleFile(file) : undefined;
  };
  /** A file's latest parse as it is, for operations at a position (see positionOperations). */
  const at = (uri: string): StewardDocument | undefined => latest.get(uri);
  /** Files whose trees `document` unfolded: their next update folds every item again. */
  const unfolded = new Set<string>();

  const reportForeignDocuments = options.reportForeignDocuments ?? false;
  const validateOptions: ValidateOptions = {
    rules,
    codeTable,
    today,
    defaultUnitType: config.unitType,
    reportForeignDocuments,
    cache: itemCache,
  };

  /** Records a file's findings, index entry and waivers after a parse and validation. */
  const record = (
    uri: string,
    document: StewardDocument,
    parts: FileValidation,
    entries: SummaryEntries,
    edited: { change: SummaryChange } | undefined,
    before: { text: SourceText; state: FileState | undefined } | undefined,
  ) => {
    const findings = flatten(parts);
    const summary = summaryOf(document, entries);
    const known = index.get(uri);
    let change: FileState['change'];
    if (known && edited) {
      index.update(summary, edited.change);
      change = { from: known, to: summary, change: edited.change };
    } else {
      // The index must hold this summary's very entries (the next edit names the ones it replaces); its version
      // moves only when something cross-file rules read changed.
      index.update(summary);
    }
    files.set(uri, {
      findings,
      waivers: reusableWaivers(before, document) ?? parseWaivers(document.text, document.lines, isKnownRule),
      parts,
      entries,
      change,
    });
    return { document, findings };
  };

  /** Parses and validates a file in one piece: from its previous parse when there is one (an edit), else whole. */
  const updateWhole = (uri: string, text: SourceText, updateOptions: UpdateOptions): ValidationResult => {
    const previous = latest.get(uri);
    const before = previous ? { text: previous.text, state: files.get(uri) } : undefined;
    const document = parseStewardFile(uri, text, {
      ...parsing,
      previous: options.incremental ? (previous ?? null) : undefined,
      change: updateOptions.change,
    });
    if (options.incremental && updateOptions.retain !== false) latest.set(uri, document);
    else latest.delete(uri);
    // After an edit inside one item the previous results are patched; otherwise the file is checked whole.
    const state = before?.state;
    const parts =
      (state?.parts && revalidateEdit(document, state.parts, validateOptions)) ||
      validateFileParts(document, validateOptions);
    const edited = state?.entries ? summarizeEdit(document, state.entries) : undefined;
    if (updateOptions.visitItems) visitAll(document, updateOptions.visitItems);
    const result = record(uri, document, parts, edited?.entries ?? summarizeEntries(document), edited, before);
    if (latest.get(uri) === document) foldChecked(document, unfolded.delete(uri));
    return result;
  };

  /**
   * `update` in steps of `every` items (0: no pauses). A file checked from scratch is parsed with its items
   * deferred (ParseOptions.defer), then each item is parsed, checked and indexed in turn: a file no editor shows
   * (`retain: false`) drops each tree after use, so one item's tree is alive at a time; an editor's file keeps
   * them, as the parse its edits start from. An edit of a file whose parse is kept is one step (it costs the
   * edited item). Nothing is recorded before the last step, so a caller may abandon the steps at any pause.
   */
  function* updateSteps(
    uri: string,
    text: SourceText,
    updateOptions: UpdateOptions,
    every: number,
  ): Generator<void, ValidationResult> {
    const keep = updateOptions.retain !== false;
    if (keep && (!options.incremental || latest.has(uri))) return updateWhole(uri, text, updateOptions);
    const document = parseStewardFile(uri, text, { ...parsing, defer: true });
    if (every > 0) yield;
    const entries: SummaryEntries = document.documents.map(() => []);
    const parts = yield* validateDeferredSteps(
      document,
      validateOptions,
      { cache: chunkCache },
      (yamlDocument, item, index) => {
        if (!rootMap(yamlDocument) || !yamlDocument.kind) return;
        entries[yamlDocument.index][index] = summarizeItem(document, yamlDocument, item, index);
        updateOptions.visitItems?.item(yamlDocument, item.node ? toPlainValue(item.node) : null, index);
        if (keep && options.incremental) foldItem(item, moveSummary);
      },
      { keep, every },
    );
    // An alias to an anchor in another item: the file is parsed whole.
    if (!parts) {
      updateOptions.visitItems?.restart();
      return updateWhole(uri, text, updateOptions);
    }
    latest.delete(uri);
    if (keep) latest.set(uri, document);
    return record(uri, document, parts, entries, undefined, undefined);
  }

  const update = (uri: string, text: SourceText, updateOptions: UpdateOptions = {}): ValidationResult => {
    const steps = updateSteps(uri, text, updateOptions, 0);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  };

  const crossFile = new CrossFileFindings(index, workspaceRules);

  const findings = shownFindings(files, crossFile, { today, config, configPath: options.configPath });

  return {
    codeTable,
    index,
    parse: (uri, text) => parseStewardFile(uri, text, parsing),
    update,
    updateSteps: (uri, text, updateOptions = {}) =>
      updateSteps(uri, text, updateOptions, updateOptions.itemsPerStep ?? 200),
    adopt(uri, text, result) {
      latest.delete(uri);
      index.update(result.summary);
      files.set(uri, { findings: result.findings, waivers: parseWaivers(text, new LineIndex(text), isKnownRule) });
    },
    remove(uri) {
      latest.delete(uri);
      crossFile.forget(uri);
      files.delete(uri);
      index.remove(uri);
    },
    findings,
    keepsParse: (uri) => latest.has(uri),
    validate(uri, text) {
      const { document } = update(uri, text);
      return { document, findings: findings(uri) };
    },
    rules: () => infos,
    isKnownRule,
    document: (uri) => unfoldedFile(current(uri), options.incremental ? unfolded : undefined),
    ...positionOperations({ at, index, codeTable, rules: infos, findings }),
    cacheStats: () => cacheStats(chunkCache, itemCache),
  };
}

/** A file's parse with every tree whole (`unfolded`: where an editor's service notes it, to fold them again). */
function unfoldedFile(file: StewardDocument | undefined, unfolded: Set<string> | undefined) {
  if (file && unfolded) unfolded.add(unfoldFile(file, moveSummary).uri);
  return file;
}

/**
 * An editor's file lets go of its clean items' trees once they are checked and indexed (parser/folded.ts): after
 * an edit the items it parsed, else (a parse from scratch, or trees `document` unfolded) every item.
 */
function foldChecked(document: StewardDocument, all: boolean): void {
  const edit = document.edit;
  document.documents.forEach((yamlDocument, d) => {
    if (all || !edit || edit.document === undefined) foldItems(yamlDocument, 0, yamlDocument.items.length, moveSummary);
    else if (d === edit.document) foldItems(yamlDocument, edit.from, edit.from + edit.added, moveSummary);
  });
}

type PositionOperations = Pick<
  StewardService,
  'complete' | 'hover' | 'documentSymbols' | 'definition' | 'references' | 'prepareRename' | 'rename' | 'codeActions'
>;

/**
 * The editor's requests on an open file. `at`: a file's latest parse as it is: these find trees through nodeAt,
 * which settles the items it reads, so a request after typing does not move every tree below the edit.
 */
/**
 * What users see of each file (the facade's `findings`), kept with what it was made of: the same file state and
 * cross-file findings give the same list. The server asks after every check and for every code action, and a file
 * with tens of thousands of findings costs tens of milliseconds to waive, configure and sort again.
 */
function shownFindings(
  files: Map<string, FileState>,
  crossFile: CrossFileFindings,
  context: { today: string; config: StewardConfig; configPath?: (uri: string) => string },
): (uri: string) => Finding[] {
  const shown = new WeakMap<FileState, { crossFile: Finding[]; findings: Finding[] }>();
  return (uri) => {
    const state = files.get(uri);
    if (!state) return [];
    const cross = crossFile.of(uri, state.change);
    const last = shown.get(state);
    if (last?.crossFile === cross) return last.findings;
    const waived = applyWaivers([...state.findings, ...cross], state.waivers, context.today);
    const path = context.configPath ? context.configPath(uri) : uri;
    const configured = applyConfig(waived, context.config, path);
    // The file's findings are in order, and waivers and the configuration only drop or change some: the list is
    // sorted again only when something was added (cross-file findings, the waivers' own findings).
    const added = cross.length > 0 || state.waivers.waivers.length > 0 || state.waivers.problems.length > 0;
    const findings = added ? sortFindings(configured) : configured;
    shown.set(state, { crossFile: cross, findings });
    return findings;
  };
}

function positionOperations(context: {
  at: (uri: string) => StewardDocument | undefined;
  index: WorkspaceIndex;
  codeTable: CodeTable;
  rules: RuleInfo[];
  findings: (uri: string) => Finding[];
}): PositionOperations {
  const { at, index, codeTable, rules: infos, findings } = context;
  return {
    complete(uri, position, locale) {
      const file = at(uri);
      if (!file) return { isIncomplete: false, items: [] };
      return complete({ file, offset: file.lines.offsetAt(position), index, codeTable, locale, rules: infos });
    },
    hover(uri, position, locale) {
      const file = at(uri);
      if (!file) return null;
      return hover({
        file,
        offset: file.lines.offsetAt(position),
        index,
        codeTable,
        locale,
        findings: findings(uri),
        rules: infos,
      });
    },
    documentSymbols(uri, locale, maxItems) {
      // The outline settles the trees it lists, and only those.
      const file = at(uri);
      return file ? documentSymbols(file, locale, maxItems) : [];
    },
    definition(uri, position) {
      const file = at(uri);
      return file ? definition(file, file.lines.offsetAt(position), index) : [];
    },
    references(uri, position, includeDeclaration) {
      const file = at(uri);
      return file ? references(file, file.lines.offsetAt(position), index, includeDeclaration) : [];
    },
    prepareRename(uri, position) {
      const file = at(uri);
      return file ? prepareRename(file, file.lines.offsetAt(position), index) : null;
    },
    rename(uri, position, newName) {
      const file = at(uri);
      if (!file) return { error: { 'zh-CN': '文件尚未打开', en: 'The file is not open' } };
      return rename(file, file.lines.offsetAt(position), newName, index);
    },
    codeActions(uri, range, locale, only) {
      const file = at(uri);
      return file ? codeActions(file, range, findings(uri), locale, { only, codeTable }) : [];
    },
  };
}

/** The rules a run uses: opt-in rules run when the configuration turns them on anywhere (a severity other than off). */
function activeRules(all: Rule[], config: StewardConfig): Rule[] {
  const configured = (id: string) =>
    [config.rules[id], ...config.overrides.map((o) => o.rules[id])].some((s) => s !== undefined && s !== 'off');
  return all.filter((rule) => rule.meta.enabledByDefault !== false || configured(rule.meta.id));
}

/** The previous waivers still hold when an edit left every line in place and touched no waiver comment. */
function reusableWaivers(
  before: { text: SourceText; state: FileState | undefined } | undefined,
  document: StewardDocument,
): FileState['waivers'] | undefined {
  const edit = document.edit;
  if (!before?.state || !edit || edit.lineDelta !== 0) return undefined;
  if (linesAround(before.text, edit.start, edit.oldEnd).includes('steward-')) return undefined;
  if (linesAround(document.text, edit.start, edit.newEnd).includes('steward-')) return undefined;
  return before.state.waivers;
}

/** The whole lines of `text` that [start, end) touches. */
function linesAround(text: SourceText, start: number, end: number): string {
  const from = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
  const next = text.indexOf('\n', end);
  return text.slice(from, next < 0 ? text.length : next);
}

// What the shells (the CLI, the language server, the Node host layer) may use: they import nothing else of service/.
export type { Finding, Locale, StewardDocument, StewardYamlDocument, RuleInfo, CodeTable, StewardConfig };
export type { LocalizedText, Position, Range, RelatedLocation, Severity } from './types';
export type { FileSummary, IndexedItem } from './workspace';
export type { SourceText } from './parser/source';
export type { TextChange } from './parser/parse';
export type { CodeTableProblem } from './codes/loader';
export type { RuleSetting } from './config';
export type { SeverityCounts } from './severity';
export { countSeverities } from './severity';
export { allSources } from './rules/sources';
export { ruleCitation } from './rules/report';
export type { Source, SourceKind } from './rules/sources';
export type { RuleSource } from './catalog';
export { CONFIG_FILE_NAMES, EMPTY_CONFIG, globLeavesFolder, outsidePathFinding, parseConfig } from './config';
export { loadCodeTable } from './codes/loader';
export { builtinCodeTable } from './codes/table';
export { mergeChanges } from './parser/parse';
export { DEFAULT_MAX_ITEMS } from './parser/limits';
export { PieceText } from './parser/source';
export { fillTemplate } from './i18n/template';
export type { TemplateArgs } from './i18n/template';
export { findRule } from './rules/registry';
export { FIX_ALL_KIND } from './code-actions';
export type { RuleMeta } from './rules/rule';

// Issue 17, import: spreadsheet rows → documents → YAML with each value's source cell (sheets/).
export { SheetImporter, ImportFault, IMPORT_PLACEHOLDER } from './sheets/import-build';
export type { ImportOutcome, ImportProblem, SheetImportSettings, UnitFields } from './sheets/import-build';
export { writeYaml } from './sheets/yaml-out';
export type { Origin, YamlDocument, YamlSources } from './sheets/yaml-out';
export { columnOfTarget } from './sheets/headers';
export type { ColumnOverrides, MappedColumn } from './sheets/headers';
export type { RawCell } from './sheets/values';
export type { SheetDocumentKind } from './sheets/layout';

// Issue 17, export: the workbook layout's rows and cells, the places of findings, DCAT-AP (sheets/).
export { documentRows, FINDINGS_SHEET, headersOf } from './sheets/layout';
export type { Column, SheetValue } from './sheets/layout';
export {
  cellOf,
  checkedDocuments,
  columnLetters,
  columnsInOrder,
  columnWidth,
  documentIndexAt,
  exportTables,
  FINDINGS_HEADERS,
  findingPlace,
  findingRow,
  MAX_WIDTH,
  placeCell,
  plainDocuments,
  streamDocuments,
  workbookListKey,
  textWidth,
} from './sheets/export';
export type {
  Cell as ExportCell,
  CheckedDocument,
  ExportTable,
  PlainDocument,
  StreamedDocument,
} from './sheets/export';
export { dcatCatalog } from './sheets/dcat';

// Issue 17, `steward init`: the unified social credit code check (the answers are checked as DA-UNIT-001 does).
export { checkUscc, usccKind } from './codes/uscc';
export type { UnitType, UsccProblem } from './codes/uscc';

// Issue 18, `steward report`: the report of a year (clause (11)), its roll-up, comparison and tables (report/).
export { ReportBuilder } from './report/build';
export type { ReportDocument } from './report/build';
export { rollUp } from './report/rollup';
export { compareReports } from './report/compare';
export { reportSections, cellType } from './report/tables';
export type { ColumnType, ReportCell, ReportColumn, ReportSection, ReportTable } from './report/tables';
export { cellText } from './report/text';
export { reportMarkdown } from './report/markdown';
export { REPORT_VERSION } from './report/model';
export type * from './report/model';
export { reportSheets, sheetCellType } from './report/workbook';
export type { SheetTable } from './report/workbook';
// The HTML report (ECharts' SVG charts: echarts loads on the first chart, not with the service).
export { reportHtml } from './report/html';
