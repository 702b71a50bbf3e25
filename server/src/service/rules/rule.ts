/**
 * A rule: metadata (id, clause, severity, bilingual messages and docs) plus checks over the parsed document.
 * Item checks see one resource or asset at a time, so their findings can be cached with that item.
 * Schema errors and parse errors are reported as findings of the same shape (see ../types.ts).
 */
import type { LocalizedText, Severity, Span } from '../types';
import type { MapNode } from '../parser/ast';
import type { StewardDocument, StewardYamlDocument } from '../parser/model';
import type { CodeTable } from '../codes/table';

export interface RuleDocs {
  /** What it checks. */
  description: LocalizedText;
  /** Why it matters: the clause's requirement in plain words. */
  rationale: LocalizedText;
  /** A YAML snippet that triggers the rule, and the same snippet fixed. */
  example: string;
  fixedExample: string;
}

export interface RuleMeta {
  /** Stable id, e.g. `DA-CODE-002`. */
  id: string;
  /** Citation, e.g. `财资〔2024〕1号 (8)` or `GB 32100-2015`. */
  clause: string;
  severity: Severity;
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
  /** A fix: edits over offsets of the file text (see ../edit/yaml-edit.ts for helpers that build them). */
  fix?: { title: LocalizedText; edits: SpanEdit[] };
}

export interface SpanEdit {
  span: Span;
  newText: string;
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
}

export interface Rule {
  meta: RuleMeta;
  /** Checks one resource or asset. */
  checkItem?(item: MapNode, scope: ItemScope, context: RuleContext): void;
  /** Checks a document's header (everything but the item list), e.g. the `unit` block. */
  checkDocument?(document: StewardYamlDocument, context: RuleContext): void;
}
