/** Helpers every output format shares: 1-based positions, localized messages, counts, a stable order. */
import { countSeverities } from '../../service';
import type { Finding, Locale, Position, SeverityCounts } from '../../service';
import type { FileResult } from './types';

/** A finding's place as printed: 1-based lines and columns, the end column just past the last character. */
export interface PrintedRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function toOneBased(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) + 1 : 1;
}

/** Converts a 0-based range; any negative, missing or reversed position still yields a valid range. */
export function printedRange(finding: Finding): PrintedRange {
  const start: Position | undefined = finding.range?.start;
  const end: Position | undefined = finding.range?.end;
  const line = toOneBased(start?.line ?? 0);
  const column = toOneBased(start?.character ?? 0);
  let endLine = toOneBased(end?.line ?? start?.line ?? 0);
  let endColumn = toOneBased(end?.character ?? start?.character ?? 0);
  if (endLine < line || (endLine === line && endColumn < column)) {
    endLine = line;
    endColumn = column;
  }
  return { line, column, endLine, endColumn };
}

/** A related place of a finding as every format prints it: its file (as the CLI shows paths) and 1-based range. */
export interface PrintedRelated extends PrintedRange {
  path: string;
  message: string;
}

/** The one mapping of a finding's related locations (other definitions of a duplicated id) for the formats. */
export function printedRelated(finding: Finding, locale: Locale): PrintedRelated[] {
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
  return (finding.related ?? []).map((related) => ({
    path: related.uri,
    ...printedRange({ ...finding, range: related.range }),
    message: related.message[locale] || related.message[other],
  }));
}

/** The finding's message in the locale, falling back to the other language if that one is empty. */
export function messageText(finding: Finding, locale: Locale): string {
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
  return finding.message?.[locale] || finding.message?.[other] || finding.ruleId;
}

/** Findings of all the files by severity. */
export function countResults(results: readonly FileResult[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const result of results) countSeverities(result.findings, counts);
  return counts;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareFindings(a: Finding, b: Finding): number {
  const ra = printedRange(a);
  const rb = printedRange(b);
  return ra.line - rb.line || ra.column - rb.column;
}

/**
 * Files by path (code-unit order, independent of the machine's locale), findings by position; ties keep the
 * CLI's order. Every format prints this order, so two runs over the same files give byte-identical output.
 */
export function inStableOrder(results: readonly FileResult[]): FileResult[] {
  return [...results]
    .sort((a, b) => compareText(a.path, b.path))
    .map((result) => ({ ...result, findings: [...result.findings].sort(compareFindings) }));
}

/** The anchor of a rule's section in the rules reference (docs/rules.md): its id in lower case. */
export function ruleAnchor(ruleId: string): string {
  return ruleId.toLowerCase();
}
