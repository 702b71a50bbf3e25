/**
 * ESLint-style table tests for one rule: valid snippets give no finding of the rule; invalid snippets give
 * exactly the listed findings (message id, 1-based line and column, severity), and `output` is the text after
 * every fix the rule offered is applied.
 */
import * as assert from 'node:assert/strict';
import type { Rule } from '../server/src/service/rules/rule';
import type { Finding, Severity } from '../server/src/service/types';
import { parseStewardFile } from '../server/src/service/parser/parse';
import { validateFile } from '../server/src/service/validate';
import { builtinCodeTable } from '../server/src/service/codes/table';
import type { CodeTable } from '../server/src/service/codes/table';
import { LineIndex } from '../server/src/service/parser/lines';
import { applyEdits } from '../server/src/service/edit/yaml-edit';

export interface ExpectedError {
  messageId: string;
  line: number;
  column: number;
  severity?: Severity;
}

export interface InvalidCase {
  /** A name for the test (defaults to the first line that differs from the builder's header). */
  name?: string;
  code: string;
  errors: ExpectedError[];
  /** The text after applying every fix of the rule's findings; omit only when the rule offers no fix here. */
  output?: string;
}

export interface ValidCase {
  name?: string;
  code: string;
}

export interface RuleTestOptions {
  today?: string;
  codeTable?: CodeTable;
  defaultUnitType?: string;
}

/** Findings of `rule` alone on `code` (schema and parse findings left out). */
export function ruleFindings(rule: Rule, code: string, options: RuleTestOptions = {}): Finding[] {
  const file = parseStewardFile('test.yaml', code);
  const yamlErrors = file.parseFindings.filter((f) => f.severity === 'error');
  assert.deepEqual(yamlErrors.map((f) => f.message.en), [], 'the test snippet must be valid YAML');
  const findings = validateFile(file, {
    rules: [rule],
    codeTable: options.codeTable ?? builtinCodeTable(),
    today: options.today ?? '2026-11-26',
    defaultUnitType: options.defaultUnitType,
    reportForeignDocuments: false,
  });
  return findings.filter((f) => f.ruleId === rule.meta.id);
}

/** The text after applying every fix in `findings`. */
export function applyFixes(code: string, findings: Finding[]): string {
  const lines = new LineIndex(code);
  const edits = findings.flatMap((f) => (f.fix ? f.fix.edits.map((e) => ({ span: { start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end) }, newText: e.newText })) : []));
  return applyEdits(code, edits);
}

function title(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !/^(apiVersion|kind|unit|  name|  code|  type|  supervisingDepartment|assets|resources):/.test(l));
  return (lines[0] ?? text).trim().slice(0, 70);
}

export function ruleTester(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }, options: RuleTestOptions = {}): void {
  describe(`${rule.meta.id} (${rule.meta.clause})`, () => {
    it('has metadata in both languages, docs and a clause', () => {
      assert.match(rule.meta.id, /^DA-[A-Z]+-\d{3}$/);
      assert.ok(rule.meta.clause.length > 0);
      for (const text of [rule.meta.docs.description, rule.meta.docs.rationale, ...Object.values(rule.meta.messages)]) {
        assert.ok(text['zh-CN'].trim() && text.en.trim(), JSON.stringify(text));
        assert.notEqual(text['zh-CN'], text.en);
      }
      assert.ok(rule.meta.docs.example.trim() && rule.meta.docs.fixedExample.trim());
    });

    for (const entry of cases.valid) {
      const valid = typeof entry === 'string' ? { code: entry } : entry;
      it(`valid: ${valid.name ?? title(valid.code)}`, () => {
        const findings = ruleFindings(rule, valid.code, options);
        assert.deepEqual(findings.map((f) => `${f.data?.messageId} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message.en}`), []);
      });
    }

    for (const invalid of cases.invalid) {
      it(`invalid: ${invalid.name ?? title(invalid.code)}`, () => {
        const findings = ruleFindings(rule, invalid.code, options);
        const actual = findings.map((f) => ({ messageId: String(f.data?.messageId), line: f.range.start.line + 1, column: f.range.start.character + 1, severity: f.severity }));
        const expected = invalid.errors.map((e, i) => ({ ...e, severity: e.severity ?? actual[i]?.severity ?? rule.meta.severity }));
        assert.deepEqual(actual, expected);
        for (const finding of findings) {
          assert.ok(!/\{\w+\}/.test(finding.message.en) && !/\{\w+\}/.test(finding.message['zh-CN']), `unfilled placeholder: ${finding.message.en}`);
        }
        const fixed = findings.some((f) => f.fix);
        if (invalid.output === undefined) {
          assert.ok(!fixed, `the rule offers a fix here: add \`output\` (got ${JSON.stringify(applyFixes(invalid.code, findings))})`);
        } else {
          assert.ok(fixed, 'expected a fix');
          const output = applyFixes(invalid.code, findings);
          assert.equal(output, invalid.output);
          // A fix must not leave the same problem behind.
          const after = ruleFindings(rule, output, options).filter((f) => f.fix);
          assert.deepEqual(after.map((f) => f.message.en), [], 'the fixed text still has fixable findings');
        }
      });
    }
  });
}

/** Header lines of the documents the builders make; items start on line HEADER_LINES + 1. */
export const HEADER_LINES = 8;

function header(kind: 'DataAssetRegister' | 'DataResourceCatalog', unitType: string): string {
  const code = unitType === '事业单位' ? '123301004703621533' : '113301000025391739';
  return `apiVersion: steward/v1
kind: ${kind}
unit:
  name: 某市交通运输局
  code: ${code}
  type: ${unitType}
  supervisingDepartment: 某市人民政府
${kind === 'DataAssetRegister' ? 'assets' : 'resources'}:
`;
}

/** A register whose assets are `items` (YAML starting with `  - id: ...`); the first item is on line 9. */
export function register(items: string, unitType = '行政单位'): string {
  return header('DataAssetRegister', unitType) + items;
}

/** A catalog whose resources are `items`; the first item is on line 9. */
export function catalog(items: string, unitType = '行政单位'): string {
  return header('DataResourceCatalog', unitType) + items;
}
