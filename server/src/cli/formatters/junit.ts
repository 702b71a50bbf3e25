/**
 * JUnit XML for CI test reports (GitLab, Jenkins, Azure Pipelines): one <testsuite> per file, one <testcase> per
 * finding. Errors and warnings are <failure>s (type = severity), info findings pass with the message in
 * <system-out>, a finding in a file that could not be read is an <error>, and a clean file is one passing case.
 */
import { inStableOrder, messageText, printedRange } from './common';
import { formatterStrings, type FormatterStrings } from './messages';
import type { FileResult, FormatContext } from './types';
import type { Finding } from '../../service';

/** Characters XML 1.0 forbids anywhere (even as references): most C0 controls, U+FFFE/U+FFFF, lone surrogates. */
const FORBIDDEN = new RegExp(
  [
    '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]',
    '[\\ud800-\\udbff](?![\\udc00-\\udfff])', // high surrogate without its low half
    '(?<![\\ud800-\\udbff])[\\udc00-\\udfff]', // low surrogate without its high half
  ].join('|'),
  'g',
);

/** Escapes element text; forbidden characters become U+FFFD, and `\r` a reference (parsers would turn it into `\n`). */
export function xmlText(text: string): string {
  return text
    .replace(FORBIDDEN, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Escapes an attribute value; tabs and line breaks become references so parsers keep them. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`)
    .join('');
}

type Outcome = 'failure' | 'error' | 'passed';

function outcomeOf(finding: Finding, result: FileResult): Outcome {
  if (finding.severity === 'info') return 'passed';
  return result.skipped && finding.severity === 'error' ? 'error' : 'failure';
}

function details(finding: Finding, result: FileResult, context: FormatContext, strings: FormatterStrings): string {
  const range = printedRange(finding);
  const place = `${result.path}:${range.line}:${range.column}`;
  const head = [place, strings.severity[finding.severity], messageText(finding, context.locale), finding.ruleId].join(
    '  ',
  );
  return finding.clause ? `${head}\n${strings.clauseLine(finding.clause)}` : head;
}

function testCase(finding: Finding, result: FileResult, context: FormatContext, strings: FormatterStrings): string {
  const range = printedRange(finding);
  const head = `    <testcase${attributes({
    name: `${finding.ruleId} [${range.line}:${range.column}]`,
    classname: result.path,
    file: result.path,
    line: range.line,
    time: 0,
  })}>`;
  const body = details(finding, result, context, strings);
  const outcome = outcomeOf(finding, result);
  const failure = attributes({ message: messageText(finding, context.locale), type: finding.severity });
  const inner =
    outcome === 'passed'
      ? `      <system-out>${xmlText(body)}</system-out>`
      : `      <${outcome}${failure}>${xmlText(body)}</${outcome}>`;
  return [head, inner, '    </testcase>'].join('\n');
}

interface SuiteCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function suiteCounts(result: FileResult): SuiteCounts {
  let failures = 0;
  let errors = 0;
  for (const finding of result.findings) {
    const outcome = outcomeOf(finding, result);
    if (outcome === 'failure') failures++;
    else if (outcome === 'error') errors++;
  }
  const skipped = result.omitted ? 1 : 0;
  return { tests: Math.max(1, result.findings.length + skipped), failures, errors, skipped };
}

/** The findings `--max-findings-per-file` left out: one skipped case that says how many. */
function omittedCase(result: FileResult, context: FormatContext, strings: FormatterStrings): string {
  const message = strings.omitted(result.omitted ?? 0, context.findingsLimit ?? 0);
  const head = `    <testcase${attributes({ name: message, classname: result.path, file: result.path, time: 0 })}>`;
  return [head, `      <skipped${attributes({ message })}/>`, '    </testcase>'].join('\n');
}

function* testSuite(result: FileResult, context: FormatContext, strings: FormatterStrings): Generator<string> {
  const counts = suiteCounts(result);
  yield `  <testsuite${attributes({ name: result.path, ...counts, time: 0 })}>\n`;
  const passing = attributes({ name: strings.noProblems, classname: result.path, file: result.path, time: 0 });
  if (result.findings.length === 0 && !result.omitted) yield `    <testcase${passing}/>\n`;
  for (const finding of result.findings) yield testCase(finding, result, context, strings) + '\n';
  if (result.omitted) yield omittedCase(result, context, strings) + '\n';
  yield '  </testsuite>\n';
}

export function* formatJunit(results: readonly FileResult[], context: FormatContext): Generator<string> {
  const ordered = inStableOrder(results);
  const strings = formatterStrings(context.locale);
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const counts of ordered.map(suiteCounts)) {
    totals.tests += counts.tests;
    totals.failures += counts.failures;
    totals.errors += counts.errors;
    totals.skipped += counts.skipped;
  }
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites${attributes({ name: context.toolName, ...totals, time: 0 })}>\n`;
  for (const result of ordered) yield* testSuite(result, context, strings);
  yield '</testsuites>\n';
}
