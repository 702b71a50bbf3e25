/**
 * Machine-readable report, shape version 1 (documented in docs/output-formats.md). Keys are written in a fixed
 * order and files and findings in a stable order, so the same input always gives the same bytes.
 */
import type { Finding, Locale, Severity } from '../../service';
import { countResults, inStableOrder, messageText, printedRange, printedRelated } from './common';
import type { PrintedRelated } from './common';
import type { FileResult, FormatContext } from './types';
import { jsonAt, jsonWithArray, type Elements } from './streamed-json';

export const JSON_SCHEMA_VERSION = 1;

export interface JsonFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  clause: string | null;
  path?: string;
  /** Other places the finding concerns (other definitions of a duplicated id). */
  related?: PrintedRelated[];
}

export interface JsonFile {
  path: string;
  skipped?: true;
  /** Findings not listed because of `--max-findings-per-file` (counted in the summary). */
  omitted?: number;
  findings: JsonFinding[];
}

export interface JsonReport {
  schemaVersion: typeof JSON_SCHEMA_VERSION;
  tool: { name: string; version: string };
  locale: Locale;
  quiet: boolean;
  summary: { files: number; errors: number; warnings: number; infos: number; skipped: number };
  files: JsonFile[];
}

/** One finding as the report lists it. */
function jsonFinding(finding: Finding, context: FormatContext, clauses: Map<string, string>): JsonFinding {
  const range = printedRange(finding);
  const entry: JsonFinding = {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: messageText(finding, context.locale),
    line: range.line,
    column: range.column,
    endLine: range.endLine,
    endColumn: range.endColumn,
    clause: finding.clause ?? clauses.get(finding.ruleId) ?? null,
  };
  if (finding.path !== undefined) entry.path = finding.path;
  const related = printedRelated(finding, context.locale);
  if (related.length > 0) entry.related = related;
  return entry;
}

/** A file's entry without its findings (they are written one by one). */
function fileHead(result: FileResult): JsonFile {
  return {
    path: result.path,
    ...(result.skipped ? { skipped: true as const } : {}),
    ...(result.omitted ? { omitted: result.omitted } : {}),
    findings: [],
  };
}

function reportHead(ordered: readonly FileResult[], context: FormatContext): JsonReport {
  const counts = countResults(ordered);
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: context.toolName, version: context.toolVersion },
    locale: context.locale,
    quiet: context.quiet,
    summary: {
      files: ordered.length,
      errors: counts.error,
      warnings: counts.warning,
      infos: counts.info,
      skipped: ordered.filter((result) => result.skipped).length,
    },
    files: [],
  };
}

/** The whole report as one object (tests and library users; the CLI writes it in pieces with `formatJson`). */
export function buildJsonReport(results: readonly FileResult[], context: FormatContext): JsonReport {
  const ordered = inStableOrder(results);
  const clauses = new Map(context.rules.map((rule) => [rule.id, rule.clause]));
  const report = reportHead(ordered, context);
  report.files = ordered.map((result) => ({
    ...fileHead(result),
    findings: result.findings.map((finding) => jsonFinding(finding, context, clauses)),
  }));
  return report;
}

/**
 * Pretty-printed (two-space indent) with a final newline: readable in a CI log, and `jq` reads it as well. Written
 * file by file and finding by finding, the same bytes as `JSON.stringify(buildJsonReport(...), null, 2)`.
 */
export function* formatJson(results: readonly FileResult[], context: FormatContext): Generator<string> {
  const ordered = inStableOrder(results);
  const clauses = new Map(context.rules.map((rule) => [rule.id, rule.clause]));
  const files: Elements = function* (level) {
    for (const result of ordered) {
      const findings: Elements = function* (inner) {
        for (const finding of result.findings) yield jsonAt(jsonFinding(finding, context, clauses), inner);
      };
      yield jsonWithArray({ ...fileHead(result) }, ['findings'], findings, level);
    }
  };
  yield* jsonWithArray({ ...reportHead(ordered, context) }, ['files'], files, 0);
  yield '\n';
}
