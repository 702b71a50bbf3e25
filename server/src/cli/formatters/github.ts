/**
 * GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding, which the runner
 * turns into annotations on the pull request's changed files. Prints nothing when there are no findings.
 */
import type { Severity } from '../../service';
import { inStableOrder, messageText, printedRange } from './common';
import type { FileResult, FormatContext } from './types';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** The command's message: `%`, CR and LF are percent-encoded so the whole message stays on one line. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as the message, plus `:` and `,`, which would otherwise end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(results: readonly FileResult[], context: FormatContext): string {
  const lines: string[] = [];
  for (const result of inStableOrder(results)) {
    for (const finding of result.findings) {
      const range = printedRange(finding);
      // Annotations take columns only within one line; a multi-line range is given by its lines alone.
      const oneLine = range.endLine === range.line;
      const properties: Array<[string, string | number]> = [
        ['file', result.path],
        ['line', range.line],
        ...(oneLine ? [['col', range.column] as [string, number]] : []),
        ['endLine', range.endLine],
        ...(oneLine ? [['endColumn', range.endColumn] as [string, number]] : []),
      ];
      properties.push(['title', finding.ruleId]);
      const list = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
      lines.push(`::${COMMANDS[finding.severity]} ${list}::${escapeData(messageText(finding, context.locale))}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
