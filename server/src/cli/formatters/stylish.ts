/**
 * The default, human format: findings grouped under their file, each as `line:col  severity  RULE-ID` in aligned
 * columns with its message wrapped to the terminal's width below it, then one summary line. Prints nothing when
 * there is nothing to say.
 */
import type { Severity } from '../../service';
import { countResults, inStableOrder, messageText, printedRange, printedRelated } from './common';
import { formatterStrings, type FormatterStrings } from './messages';
import type { FileResult, FormatContext } from './types';
import { displayWidth, padEnd, padStart } from './width';
import { wrapText } from './wrap';
import { terminalText } from './safe-text';

/** Width when the output is not a terminal that says its own (a pipe, a file). */
export const DEFAULT_WIDTH = 100;
/** The message keeps at least this many columns, however narrow the terminal. */
const MIN_MESSAGE_WIDTH = 24;

type Paint = (text: string) => string;

interface Palette {
  path: Paint;
  severity: Record<Severity, Paint>;
  ruleId: Paint;
  summary: Record<Severity, Paint>;
}

const sgr =
  (open: string, close: string): Paint =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const plain: Paint = (text) => text;

const COLORS: Palette = {
  path: (text) => sgr('1', '22')(sgr('4', '24')(text)),
  severity: { error: sgr('31', '39'), warning: sgr('33', '39'), info: sgr('36', '39') },
  ruleId: sgr('2', '22'),
  summary: {
    error: (text) => sgr('1', '22')(sgr('31', '39')(text)),
    warning: (text) => sgr('1', '22')(sgr('33', '39')(text)),
    info: (text) => sgr('1', '22')(sgr('36', '39')(text)),
  },
};

const NO_COLORS: Palette = {
  path: plain,
  severity: { error: plain, warning: plain, info: plain },
  ruleId: plain,
  summary: { error: plain, warning: plain, info: plain },
};

export { terminalText };

interface Row {
  line: string;
  column: string;
  severity: Severity;
  severityLabel: string;
  message: string;
  ruleId: string;
  /** `also at file:line:column` for each related place. */
  related: string[];
}

function rowsOf(result: FileResult, context: FormatContext, strings: FormatterStrings): Row[] {
  return result.findings.map((finding) => {
    const range = printedRange(finding);
    return {
      line: String(range.line),
      column: String(range.column),
      severity: finding.severity,
      severityLabel: strings.severity[finding.severity],
      message: terminalText(messageText(finding, context.locale)),
      ruleId: terminalText(finding.ruleId),
      related: printedRelated(finding, context.locale).map((place) =>
        terminalText(strings.alsoAt(`${place.path}:${place.line}:${place.column}`)),
      ),
    };
  });
}

function widest(values: string[]): number {
  return values.reduce((max, value) => Math.max(max, displayWidth(value)), 0);
}

function* fileBlock(
  result: FileResult,
  context: FormatContext,
  strings: FormatterStrings,
  palette: Palette,
): Generator<string> {
  const rows = rowsOf(result, context, strings);
  const lineWidth = widest(rows.map((row) => row.line));
  const columnWidth = widest(rows.map((row) => row.column));
  const severityWidth = widest(rows.map((row) => row.severityLabel));
  const header = palette.path(terminalText(result.path)) + (result.skipped ? `  ${strings.unreadable}` : '');
  // The message starts under the severity: the location column stays clear for the eye to run down.
  const indent = ' '.repeat(2 + lineWidth + 1 + columnWidth + 2);
  const messageWidth = Math.max(MIN_MESSAGE_WIDTH, (context.width ?? DEFAULT_WIDTH) - indent.length);
  yield header + '\n';
  for (const row of rows) {
    const lines = [
      [
        `  ${padStart(row.line, lineWidth)}:${padEnd(row.column, columnWidth)}`,
        palette.severity[row.severity](padEnd(row.severityLabel, severityWidth)),
        palette.ruleId(row.ruleId),
      ].join('  '),
    ];
    for (const text of wrapText(row.message, messageWidth)) lines.push(indent + text);
    for (const place of row.related) lines.push(indent + place);
    yield lines.join('\n') + '\n';
  }
  if (result.omitted) yield `  ${strings.omitted(result.omitted, context.findingsLimit ?? 0)}\n`;
  yield '\n';
}

function summaryLine(results: readonly FileResult[], strings: FormatterStrings, palette: Palette): string {
  const counts = countResults(results);
  const total = counts.error + counts.warning + counts.info;
  const parts = [strings.errors(counts.error), strings.warnings(counts.warning)];
  if (counts.info > 0) parts.push(strings.infos(counts.info));
  const worst: Severity = counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'info';
  const symbol = worst === 'info' ? 'ℹ' : '✖';
  return palette.summary[worst](`${symbol} ${strings.summary(strings.problems(total), parts)}`);
}

/** The report in pieces, file by file and finding by finding: nothing holds the whole text. */
export function* formatStylish(results: readonly FileResult[], context: FormatContext): Generator<string> {
  const shown = inStableOrder(results).filter((result) => result.findings.length > 0 || result.skipped);
  if (shown.length === 0) return;
  const strings = formatterStrings(context.locale);
  const palette = context.color ? COLORS : NO_COLORS;
  for (const result of shown) yield* fileBlock(result, context, strings, palette);
  yield summaryLine(shown, strings, palette) + '\n';
  const unreadable = results.filter((result) => result.skipped).length;
  if (unreadable > 0) yield palette.summary.error(strings.filesUnreadable(unreadable)) + '\n';
}
