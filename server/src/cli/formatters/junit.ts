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
}

function suiteCounts(result: FileResult): SuiteCounts {
  const outcomes = result.findings.map((finding) => outcomeOf(finding, result));
  return {
    tests: Math.max(1, outcomes.length),
    failures: outcomes.filter((outcome) => outcome === 'failure').length,
    errors: outcomes.filter((outcome) => outcome === 'error').length,
  };
}

function testSuite(result: FileResult, context: FormatContext, strings: FormatterStrings): string {
  const counts = suiteCounts(result);
  const open = `  <testsuite${attributes({ name: result.path, ...counts, skipped: 0, time: 0 })}>`;
  const passing = attributes({ name: strings.noProblems, classname: result.path, file: result.path, time: 0 });
  const cases =
    result.findings.length > 0
      ? result.findings.map((finding) => testCase(finding, result, context, strings))
      : [`    <testcase${passing}/>`];
  return [open, ...cases, '  </testsuite>'].join('\n');
}

export function formatJunit(results: readonly FileResult[], context: FormatContext): string {
  const ordered = inStableOrder(results);
  const strings = formatterStrings(context.locale);
  const totals = ordered.map(suiteCounts).reduce(
    (sum, counts) => ({
      tests: sum.tests + counts.tests,
      failures: sum.failures + counts.failures,
      errors: sum.errors + counts.errors,
    }),
    { tests: 0, failures: 0, errors: 0 },
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: context.toolName, ...totals, skipped: 0, time: 0 })}>`,
    ...ordered.map((result) => testSuite(result, context, strings)),
    '</testsuites>',
    '',
  ].join('\n');
}
