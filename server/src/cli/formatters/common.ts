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

/** Findings of all the files by severity (those left out by the cap included). */
export function countResults(results: readonly FileResult[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const result of results) {
    if (!result.counts) countSeverities(result.findings, counts);
    else for (const severity of ['error', 'warning', 'info'] as const) counts[severity] += result.counts[severity];
  }
  return counts;
}

/**
 * At most `limit` findings of each file (the first ones in position order; 0: no limit): the others are counted
 * in `omitted`, and `counts` keeps every finding's severity so the summaries still count them all.
 */
export function capFindings(results: readonly FileResult[], limit: number): FileResult[] {
  if (limit <= 0) return [...results];
  return results.map((result) => {
    if (result.findings.length <= limit) return result;
    const findings = [...result.findings].sort(compareFindings);
    return {
      ...result,
      findings: findings.slice(0, limit),
      omitted: findings.length - limit,
      counts: countSeverities(findings),
    };
  });
}

/**
 * A position-independent hash of a finding (rule, file, JSON pointer, English message), 16 hex digits: SARIF's
 * partial fingerprint and GitLab's fingerprint add the occurrence of the same hash in the run to it.
 */
export function findingHash(finding: Finding, file: string): string {
  // node:crypto is loaded by the outputs that need it only (it costs every other run several milliseconds).
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256')
    .update([finding.ruleId, file, finding.path ?? '', finding.message?.en ?? ''].join('\u0000'))
    .digest('hex')
    .slice(0, 16);
}

/** Counts the occurrences of each hash: `hash:n`, unique within the run. */
export function occurrenceKey(hash: string, seen: Map<string, number>): string {
  const occurrence = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, occurrence);
  return `${hash}:${occurrence}`;
}

/** Accumulates chunks and hands them on in pieces of about `size` characters: few, large writes. */
export function* inPieces(chunks: Iterable<string>, size = 1 << 16): Generator<string> {
  let buffer: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    buffer.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield buffer.join('');
      buffer = [];
      length = 0;
    }
  }
  if (length > 0) yield buffer.join('');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareFindings(a: Finding, b: Finding): number {
  const ra = printedRange(a);
  const rb = printedRange(b);
  return ra.line - rb.line || ra.column - rb.column;
}

/** Is the list already in position order? (The service's lists are: checking is cheaper than sorting.) */
function isSorted(findings: readonly Finding[]): boolean {
  for (let i = 1; i < findings.length; i++) if (compareFindings(findings[i - 1], findings[i]) > 0) return false;
  return true;
}

/**
 * Files by path (code-unit order, independent of the machine's locale), findings by position; ties keep the
 * CLI's order. Every format prints this order, so two runs over the same files give byte-identical output.
 */
export function inStableOrder(results: readonly FileResult[]): FileResult[] {
  return [...results]
    .sort((a, b) => compareText(a.path, b.path))
    .map((result) =>
      isSorted(result.findings) ? result : { ...result, findings: [...result.findings].sort(compareFindings) },
    );
}

/** The anchor of a rule's section in the rules reference (docs/rules.md): its id in lower case. */
export function ruleAnchor(ruleId: string): string {
  return ruleId.toLowerCase();
}
