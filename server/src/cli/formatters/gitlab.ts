/**
 * GitLab Code Quality report: the JSON array a merge request's Code Quality widget reads (the Code Climate issue
 * subset GitLab documents): per finding a description, the rule as `check_name`, a fingerprint unique in the
 * report (GitLab keeps only the first issue of a fingerprint), a severity on GitLab's scale and the file's path
 * with the first line. Written finding by finding.
 */
import type { Finding, Severity } from '../../service';
import { findingHash, inStableOrder, messageText, occurrenceKey, printedRange } from './common';
import { formatterStrings } from './messages';
import { jsonAt, jsonArray, type Elements } from './streamed-json';
import type { FileResult, FormatContext } from './types';

/** GitLab's scale is info, minor, major, critical, blocker: an error blocks nothing by itself, so it is major. */
const SEVERITIES: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info' };

export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end?: number } };
}

/** One finding as a Code Quality issue. */
function gitlabIssue(finding: Finding, path: string, context: FormatContext, seen: Map<string, number>): GitlabIssue {
  const range = printedRange(finding);
  return {
    description: `${messageText(finding, context.locale)} (${finding.ruleId})`,
    check_name: finding.ruleId,
    fingerprint: occurrenceKey(findingHash(finding, path), seen),
    severity: SEVERITIES[finding.severity],
    location: {
      path,
      lines: range.endLine > range.line ? { begin: range.line, end: range.endLine } : { begin: range.line },
    },
  };
}

/** A file whose findings were cut by `--max-findings-per-file`: one info issue says how many were left out. */
function omittedIssue(result: FileResult, context: FormatContext): GitlabIssue {
  const description = formatterStrings(context.locale).omitted(result.omitted ?? 0, context.findingsLimit ?? 0);
  return {
    description,
    check_name: 'steward/max-findings-per-file',
    fingerprint: occurrenceKey(findingHash({ ruleId: 'omitted' } as Finding, result.path), new Map()),
    severity: 'info',
    location: { path: result.path, lines: { begin: 1 } },
  };
}

export function* formatGitlab(results: readonly FileResult[], context: FormatContext): Generator<string> {
  const ordered = inStableOrder(results);
  const seen = new Map<string, number>();
  const issues: Elements = function* (level) {
    for (const result of ordered) {
      for (const finding of result.findings) yield jsonAt(gitlabIssue(finding, result.path, context, seen), level);
      if (result.omitted) yield jsonAt(omittedIssue(result, context), level);
    }
  };
  yield* jsonArray(issues, 0);
  yield '\n';
}
