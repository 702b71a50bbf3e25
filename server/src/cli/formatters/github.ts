/**
 * GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding, which the runner
 * turns into annotations on the pull request's changed files. Prints nothing when there are no findings.
 */
import type { Finding, Severity } from '../../service';
import { formatterStrings } from './messages';
import { inStableOrder, messageText, printedRange } from './common';
import type { FileResult, FormatContext } from './types';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * The command's message: `%`, CR and LF are percent-encoded so the whole message stays on one line; other control
 * characters (ESC starts a terminal sequence in the log view, BEL ends one) and bidi controls are encoded too.
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(UNSAFE, percentEncoded);
}

/** Control characters other than CR and LF, and the bidi controls. */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The character's UTF-8 bytes, percent-encoded (as the runner decodes `%0A`). */
function percentEncoded(char: string): string {
  return encodeURIComponent(char);
}

/** A property value: as the message, plus `:` and `,`, which would otherwise end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command for one finding. */
function annotation(finding: Finding, path: string, context: FormatContext): string {
  const range = printedRange(finding);
  // Annotations take columns only within one line; a multi-line range is given by its lines alone.
  const oneLine = range.endLine === range.line;
  const properties: Array<[string, string | number]> = [
    ['file', path],
    ['line', range.line],
    ...(oneLine ? [['col', range.column] as [string, number]] : []),
    ['endLine', range.endLine],
    ...(oneLine ? [['endColumn', range.endColumn] as [string, number]] : []),
  ];
  properties.push(['title', finding.ruleId]);
  const list = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
  return `::${COMMANDS[finding.severity]} ${list}::${escapeData(messageText(finding, context.locale))}`;
}

export function* formatGithub(results: readonly FileResult[], context: FormatContext): Generator<string> {
  const strings = formatterStrings(context.locale);
  for (const result of inStableOrder(results)) {
    for (const finding of result.findings) yield annotation(finding, result.path, context) + '\n';
    if (result.omitted) {
      const message = strings.omitted(result.omitted, context.findingsLimit ?? 0);
      yield `::notice file=${escapeProperty(result.path)}::${escapeData(message)}\n`;
    }
  }
}
