/** Findings to LSP diagnostics. */
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Locale } from '../service';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

export function toDiagnostic(finding: Finding, locale: Locale): Diagnostic {
  const text = finding.message[locale];
  // Reviewers read the clause inline; schema messages already end with it.
  const clause = finding.clause && !text.includes(finding.clause) ? ` [${finding.clause}]` : '';
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: 'steward',
    message: text + clause,
    data: { ruleId: finding.ruleId, path: finding.path },
  };
  if (finding.related) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri: related.uri, range: related.range },
      message: related.message[locale],
    }));
  }
  return diagnostic;
}
