/**
 * The rule model. Every rule id the service can report has the same metadata (RuleMeta): the compliance rules
 * below, which check the parsed document, and the built-in ids whose findings the file reader, the parser, the
 * schema mapping, the waivers and the configuration produce (BuiltInRule). The registry (./registry.ts) lists them.
 * Item checks see one resource or asset at a time, so their findings can be cached with that item.
 */
import type { LocalizedText, Range, RelatedLocation, Severity, Span, SpanEdit, TextEdit } from '../types';
import type { MapNode } from '../parser/ast';
import type { StewardDocument, StewardYamlDocument } from '../parser/model';
import type { CodeTable } from '../codes/table';
import type { FileSummary, WorkspaceIndex } from '../workspace';
import type { SourceRef } from './sources';

/** A rule's documentation, in the sections every rule has: what it checks, why, an example, the example fixed. */
export interface RuleDocs {
  /** What it checks. */
  description: LocalizedText;
  /** Why it matters: the clause's requirement in plain words. */
  rationale: LocalizedText;
  /**
   * YAML that triggers the rule, and the same YAML fixed. For a compliance rule a snippet (`assets:`, `resources:`
   * or `unit:` and what follows), for a built-in id a whole document (or, for the file layer, a file's text).
   */
  example: string;
  fixedExample: string;
  /**
   * What the examples are written in: YAML (the default), or `sheet` for the import rules, whose examples are
   * workbooks written as text (rules/import/common.ts).
   */
  exampleSyntax?: 'yaml' | 'sheet';
}

export interface RuleMeta {
  /** Stable id, e.g. `DA-CODE-002`. */
  id: string;
  /** Stable kebab-case name chosen by hand, e.g. `authorization-needs-security-assessment` (SARIF, docs, explain). */
  name: string;
  /**
   * What the rule rests on: one or more sources of ./sources.ts (a regulation, standard, practice or this tool's
   * format) with the article within each. Its citation (`clause` in every output) is generated from them.
   */
  sources: SourceRef[];
  /** The default severity; a report may lower or raise it for one finding, the configuration for a file. */
  severity: Severity;
  /** True when the rule's findings can carry a fix (edits that resolve them, applied by "fix all"). */
  fixable: boolean;
  /** Message templates keyed by message id; `{name}` placeholders are filled from the report's args. */
  messages: Record<string, LocalizedText>;
  docs: RuleDocs;
  /**
   * JSON-pointer patterns (`*` matches one segment), e.g. `/assets/*\/classificationCode`: a schema finding at
   * such a path is dropped when this rule reports at the same path, because the rule says it more precisely.
   */
  replacesSchemaAt?: string[];
  /** Opt-in rules run only when the configuration gives them a severity (default: true). */
  enabledByDefault?: boolean;
  /**
   * The law allows exceptions only on a stated legal basis: a waiver of this rule applies only when its reason cites
   * one (a document number, an article or a named law); otherwise the finding stays and DA-WAIVER-004 says why.
   */
  waiverNeedsBasis?: boolean;
}

export interface Report {
  messageId: string;
  span: Span;
  args?: Record<string, string | number>;
  /** Overrides the rule's default severity for this finding (e.g. a warning-level variant). */
  severity?: Severity;
  /** JSON pointer of the instance location, used for de-duplication against schema findings. */
  path?: string;
  data?: Record<string, unknown>;
  /** A fix: edits over offsets of the file text (built with ../edit/). */
  fix?: { title: LocalizedText; edits: SpanEdit[] };
}

export interface RuleContext {
  file: StewardDocument;
  codeTable: CodeTable;
  /** Today's date, `YYYY-MM-DD`, for rules about expiry or age (injected, so tests are deterministic). */
  today: string;
  report(report: Report): void;
}

export interface ItemScope {
  kind: 'resource' | 'asset';
  /** The YAML document holding the item (its root has `unit`, `kind`, ...). */
  document: StewardYamlDocument;
  /** Position of the item in its list. */
  index: number;
  /** JSON pointer of the item, e.g. `/assets/3`. */
  path: string;
  /** `unit.type` of the document (行政单位 | 事业单位), or the configured default; undefined when unknown. */
  unitType: string | undefined;
  /** What rules computed from this item for each other (see perItem); made on first use. */
  memo?: Record<string, unknown>;
}

/**
 * A value computed once per item for the rules that read it alike (the revenue rules' lines, say): `compute(arg)`
 * runs on the first call for the item (it must not return undefined), later calls return its result. The memo is
 * the item scope's, so nothing outlives the item's check. `compute` is a plain function, not a closure, so that a
 * call that finds the value allocates nothing: rules run per item on the hottest path.
 */
export function perItem<T, A>(scope: ItemScope, key: string, compute: (arg: A) => T, arg: A): T {
  const memo = (scope.memo ??= {});
  const known = memo[key];
  if (known !== undefined) return known as T;
  const value = compute(arg);
  memo[key] = value;
  return value;
}

/** A compliance rule that checks one file: each resource or asset, and the document's head. */
export interface Rule {
  meta: RuleMeta;
  /** Checks one resource or asset. */
  checkItem?(item: MapNode, scope: ItemScope, context: RuleContext): void;
  /** Checks a document's header (everything but the item list), e.g. the `unit` block. */
  checkDocument?(document: StewardYamlDocument, context: RuleContext): void;
}

export interface WorkspaceReport {
  messageId: string;
  range: Range;
  args?: Record<string, string | number>;
  severity?: Severity;
  path?: string;
  data?: Record<string, unknown>;
  fix?: { title: LocalizedText; edits: TextEdit[] };
  /** Other places the finding concerns (each with its own message). */
  related?: RelatedLocation[];
}

/** A cross-file rule: it reads the workspace index (every file's resources and assets) and reports on one file. */
export interface WorkspaceRule {
  meta: RuleMeta;
  checkFile(file: FileSummary, index: WorkspaceIndex, report: (report: WorkspaceReport) => void): void;
}

/**
 * Where a built-in id's findings come from: the CLI's file reader, the YAML parser, the document checks of the
 * pipeline, the schema mapping, the waiver comments, the configuration file.
 */
export type BuiltInLayer = 'file' | 'yaml' | 'document' | 'schema' | 'waiver' | 'config' | 'import';

/** A built-in id: metadata only; its findings are produced by its layer, with the messages given here. */
export interface BuiltInRule {
  meta: RuleMeta;
  layer: BuiltInLayer;
}
