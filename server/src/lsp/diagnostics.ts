/**
 * What a file's diagnostics are, as sent to the editor: its findings in severity order up to
 * steward.diagnostics.maxPerFile, one summary diagnostic for the findings left out, and, while an open file is over
 * steward.validation.maxFileSize, one diagnostic that says its findings are checked on open and save only.
 */
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Locale } from '../service';
import { toDiagnostic } from './convert';

/** The codes of the server's own diagnostics (not findings of a rule: no quick fix, no rule page). */
export const MORE_FINDINGS_CODE = 'steward.moreFindings';
export const LARGE_FILE_CODE = 'steward.largeFile';

/**
 * The first `limit` findings, errors before warnings before infos, each severity in the order given (the service
 * gives them by position), how many of each severity were left out, and how many there are of each. `limit` 0: no
 * limit. One pass over the findings (a file may have tens of thousands; this runs after every check).
 */
export function capFindings(
  findings: readonly Finding[],
  limit: number,
): { shown: Finding[]; omitted: Record<Finding['severity'], number>; counts: Record<Finding['severity'], number> } {
  const cap = limit <= 0 ? Infinity : limit;
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const infos: Finding[] = [];
  // Counted in locals, not through a record indexed by the severity's name: this loop runs over every finding.
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  for (const finding of findings) {
    const severity = finding.severity;
    if (severity === 'error') {
      if (errorCount++ < cap) errors.push(finding);
    } else if (severity === 'warning') {
      if (warningCount++ < cap) warnings.push(finding);
    } else if (infoCount++ < cap) infos.push(finding);
  }
  const counts = { error: errorCount, warning: warningCount, info: infoCount };
  if (findings.length <= cap) return { shown: [...findings], omitted: { error: 0, warning: 0, info: 0 }, counts };
  const shown = [...errors, ...warnings, ...infos].slice(0, cap);
  const kept = (severity: Finding['severity'], before: number) => Math.min(counts[severity], Math.max(0, cap - before));
  const shownErrors = kept('error', 0);
  const shownWarnings = kept('warning', shownErrors);
  const shownInfos = kept('info', shownErrors + shownWarnings);
  const omitted = {
    error: counts.error - shownErrors,
    warning: counts.warning - shownWarnings,
    info: counts.info - shownInfos,
  };
  return { shown, omitted, counts };
}

const TOP = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The summary of the findings `capFindings` left out, at the top of the file. */
export function moreFindingsDiagnostic(
  omitted: Record<Finding['severity'], number>,
  context: { total: number; limit: number; file: string; locale: Locale },
): Diagnostic {
  const { total, limit, file, locale } = context;
  const more = omitted.error + omitted.warning + omitted.info;
  const message =
    locale === 'zh-CN'
      ? `本文件另有 ${more} 个问题未在此列出（错误 ${omitted.error} 个，警告 ${omitted.warning} 个，提示 ${omitted.info} 个）：` +
        `共 ${total} 个问题，按严重程度只列出前 ${limit} 个（设置 steward.diagnostics.maxPerFile）。` +
        `查看全部：在终端运行 steward validate ${file} --max-findings-per-file 0，或调高该设置。`
      : `${more} more findings in this file are not listed here (errors ${omitted.error}, warnings ${omitted.warning}, ` +
        `infos ${omitted.info}): of ${total} findings the first ${limit} by severity are listed ` +
        `(setting steward.diagnostics.maxPerFile). To see them all, run steward validate ${file} ` +
        `--max-findings-per-file 0 in a terminal, or raise the setting.`;
  return { range: TOP, severity: DiagnosticSeverity.Information, code: MORE_FINDINGS_CODE, source: 'steward', message };
}

/** Said on the file itself for as long as it is over steward.validation.maxFileSize. */
export function largeFileDiagnostic(context: { size: number; limit: number; locale: Locale }): Diagnostic {
  const mb = (context.size / 1024 / 1024).toFixed(1);
  const limit = (context.limit / 1024 / 1024).toFixed(1);
  const message =
    context.locale === 'zh-CN'
      ? `本文件约 ${mb} MB，超过 steward.validation.maxFileSize（${limit} MB）：只在打开和保存时检查，` +
        `输入时不检查，所列问题可能不是当前内容的。保存后重新检查，或调高该设置。`
      : `This file is about ${mb} MB, above steward.validation.maxFileSize (${limit} MB): it is checked when ` +
        `opened and saved, not while you type, so the findings listed may not match the text. Save to check it ` +
        `again, or raise the setting.`;
  return { range: TOP, severity: DiagnosticSeverity.Information, code: LARGE_FILE_CODE, source: 'steward', message };
}

/**
 * A file's diagnostics as sent: capped findings, then the summary and the large-file notice where they apply.
 * `shown` are the findings they were made of, `extra` the server's own diagnostics: a caller that has both from
 * last time and finds them the same (the same finding objects, as the service keeps them through an edit elsewhere)
 * knows the diagnostics are too, without comparing them.
 */
export function fileDiagnostics(
  findings: readonly Finding[],
  context: { limit: number; file: string; locale: Locale; large?: { size: number; limit: number } },
): {
  shown: Finding[];
  extra: Diagnostic[];
  counts: Record<Finding['severity'], number>;
  diagnostics: () => Diagnostic[];
} {
  const { shown, omitted, counts } = capFindings(findings, context.limit);
  const extra: Diagnostic[] = [];
  if (shown.length < findings.length)
    extra.push(moreFindingsDiagnostic(omitted, { ...context, total: findings.length }));
  if (context.large) extra.push(largeFileDiagnostic({ ...context.large, locale: context.locale }));
  return {
    shown,
    extra,
    counts,
    diagnostics: () => [...shown.map((finding) => toDiagnostic(finding, context.locale)), ...extra],
  };
}
