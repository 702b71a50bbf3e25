/**
 * Machine-readable report, shape version 1 (documented in docs/output-formats.md). Keys are written in a fixed
 * order and files and findings in a stable order, so the same input always gives the same bytes.
 */
import type { Locale, Severity } from '../../service';
import { countResults, inStableOrder, messageText, printedRange, printedRelated } from './common';
import type { PrintedRelated } from './common';
import type { FileResult, FormatContext } from './types';

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

function jsonFile(result: FileResult, context: FormatContext, clauses: Map<string, string>): JsonFile {
  const findings = result.findings.map((finding): JsonFinding => {
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
  });
  return result.skipped ? { path: result.path, skipped: true, findings } : { path: result.path, findings };
}

export function buildJsonReport(results: readonly FileResult[], context: FormatContext): JsonReport {
  const ordered = inStableOrder(results);
  const counts = countResults(ordered);
  const clauses = new Map(context.rules.map((rule) => [rule.id, rule.clause]));
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
    files: ordered.map((result) => jsonFile(result, context, clauses)),
  };
}

/** Pretty-printed (two-space indent) with a final newline: readable in a CI log, and `jq` reads it as well. */
export function formatJson(results: readonly FileResult[], context: FormatContext): string {
  return JSON.stringify(buildJsonReport(results, context), null, 2) + '\n';
}
