/**
 * The one conversion of a rule's report into a finding, for item, document and workspace rules: the message
 * filled from the rule's templates, the rule's severity unless the report overrides it, the clause, and the fix.
 */
import type { Finding, Range, Span, TextEdit } from '../types';
import type { LineIndex } from '../parser/lines';
import { fillText } from '../i18n/template';
import type { Report, RuleMeta, WorkspaceReport } from './rule';
import { citationOfAll } from './sources';

/** A rule's citation (the `clause` of its findings), generated from its sources. */
export function ruleCitation(meta: RuleMeta): string {
  return citationOfAll(meta.sources);
}

/** Item and document reports carry offsets (`span`), which `lines` turns into ranges; workspace reports carry ranges. */
export function findingOf(meta: RuleMeta, report: Report | WorkspaceReport, lines?: LineIndex): Finding {
  const template = meta.messages[report.messageId];
  const finding: Finding = {
    ruleId: meta.id,
    severity: report.severity ?? meta.severity,
    message: template ? fillText(template, report.args) : { 'zh-CN': report.messageId, en: report.messageId },
    range: 'span' in report ? rangeOf(report.span, lines) : report.range,
    clause: ruleCitation(meta),
    path: report.path,
    data: { messageId: report.messageId, ...report.data },
  };
  const fix = report.fix;
  if (fix && fix.edits.length > 0) {
    finding.fix = {
      title: fix.title,
      edits: fix.edits.map((edit): TextEdit =>
        'span' in edit ? { range: rangeOf(edit.span, lines), newText: edit.newText } : edit,
      ),
    };
  }
  return finding;
}

function rangeOf(span: Span, lines: LineIndex | undefined): Range {
  if (!lines) throw new Error('a report with offsets needs the line index of its file');
  return lines.rangeOf(span);
}
