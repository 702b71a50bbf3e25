/**
 * ESLint-style table tests for one rule: valid snippets give no finding of the rule; invalid snippets give
 * exactly the listed findings (message id, 1-based line and column, severity), and `output` is the text after
 * every fix the rule offered is applied. And, once for every rule in the registry (registryExamplesTest), that its
 * documented example triggers it and its fixed example does not, through the real pipeline.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BuiltInLayer, Rule, RuleMeta, WorkspaceRule } from '../server/src/service/rules/rule';
import { BUILT_IN_RULES, RULES, WORKSPACE_RULES } from '../server/src/service/rules/registry';
import { createStewardService } from '../server/src/service';
import { parseConfig } from '../server/src/service/config';
import { readTextFile } from '../server/src/host/read';
import { importSheet } from '../server/src/host/import-sheet';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Finding, Severity } from '../server/src/service/types';
import { parseStewardFile } from '../server/src/service/parser/parse';
import { validateFile } from '../server/src/service/validate';
import { builtinCodeTable } from '../server/src/service/codes/table';
import type { CodeTable } from '../server/src/service/codes/table';
import { LineIndex } from '../server/src/service/parser/lines';
import { applyEdits } from '../server/src/service/edit/yaml-edit';
import { ruleCitation } from '../server/src/service/rules/report';

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
  assert.deepEqual(
    yamlErrors.map((f) => f.message.en),
    [],
    'the test snippet must be valid YAML',
  );
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
  const edits = findings.flatMap((f) =>
    f.fix
      ? f.fix.edits.map((e) => ({
          span: { start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end) },
          newText: e.newText,
        }))
      : [],
  );
  return applyEdits(code, edits);
}

function title(text: string): string {
  const lines = text
    .split('\n')
    .filter(
      (l) =>
        l.trim() !== '' &&
        !/^(apiVersion|kind|unit| {2}name| {2}code| {2}type| {2}supervisingDepartment|assets|resources):/.test(l),
    );
  return (lines[0] ?? text).trim().slice(0, 70);
}

export function ruleTester(
  rule: Rule,
  cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] },
  options: RuleTestOptions = {},
): void {
  describe(`${rule.meta.id} (${ruleCitation(rule.meta)})`, () => {
    it('has metadata in both languages, docs and a clause', () => {
      assert.match(rule.meta.id, /^DA-[A-Z]+-\d{3}$/);
      assert.ok(ruleCitation(rule.meta).length > 0);
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
        assert.deepEqual(
          findings.map(
            (f) => `${f.data?.messageId} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message.en}`,
          ),
          [],
        );
      });
    }

    for (const invalid of cases.invalid) {
      it(`invalid: ${invalid.name ?? title(invalid.code)}`, () => {
        const findings = ruleFindings(rule, invalid.code, options);
        const actual = findings.map((f) => ({
          messageId: String(f.data?.messageId),
          line: f.range.start.line + 1,
          column: f.range.start.character + 1,
          severity: f.severity,
        }));
        const expected = invalid.errors.map((e, i) => ({
          ...e,
          severity: e.severity ?? actual[i]?.severity ?? rule.meta.severity,
        }));
        assert.deepEqual(actual, expected);
        for (const finding of findings) {
          assert.ok(
            !/\{\w+\}/.test(finding.message.en) && !/\{\w+\}/.test(finding.message['zh-CN']),
            `unfilled placeholder: ${finding.message.en}`,
          );
        }
        const fixed = findings.some((f) => f.fix);
        if (fixed) assert.ok(rule.meta.fixable, `${rule.meta.id} offers a fix, so its meta says fixable: true`);
        if (invalid.output === undefined) {
          assert.ok(
            !fixed,
            `the rule offers a fix here: add \`output\` (got ${JSON.stringify(applyFixes(invalid.code, findings))})`,
          );
        } else {
          assert.ok(fixed, 'expected a fix');
          const output = applyFixes(invalid.code, findings);
          assert.equal(output, invalid.output);
          // A fix must not leave the same problem behind.
          const after = ruleFindings(rule, output, options).filter((f) => f.fix);
          assert.deepEqual(
            after.map((f) => f.message.en),
            [],
            'the fixed text still has fixable findings',
          );
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

/** The authorization tests' asset (rules-authorization, rules-domain): on lines 9–14; what follows starts on line 15. */
export const AUTHORIZED_ASSET = `  - id: DA-2024-0001
    name: 公交运行监测数据集
    resource: R-330100-JT-0001
    classificationCode: A08060201
    securityGrade: 一般数据
    acquisition: { method: 自主采集 }
`;

/** AUTHORIZED_ASSET with `authorizations:` on line 15; `items` start on line 16, `after` follows them. */
export function authorized(items: string, after = ''): string {
  return register(`${AUTHORIZED_ASSET}    authorizations:\n${items}${after}`);
}

/** Lines of one authorization entry, as the authorization tests compose them. */
export const GRANT_LINES = {
  entity: '      - entity: 某市大数据运营有限公司\n',
  rights: '        rights: [数据加工使用权]\n',
  assessment: '        securityAssessment: { ref: AQPG-2024-03, date: 2024-05-10 }\n',
  approval: '        approval: { ref: 某财资〔2024〕56号, authority: 某市财政局, date: 2024-05-24 }\n',
  valuation: '        valuation: { method: 收益法, ref: PG-2024-08 }\n',
} as const;

// ------------------------------------------------------------------------------------------------ every rule's example

/** The date the docs' examples are written for (as the rule tables': a date before it is past, after it future). */
const EXAMPLES_TODAY = '2026-11-26';

/**
 * A compliance rule's example as a file: a snippet (`assets:`, `resources:` or `unit:` and what follows) becomes a
 * register or catalog with the builders' head, and any other snippet is taken for fields of an asset; documents
 * separated by `---` (a cross-file rule's catalog and register) each become one. A whole document (starting with
 * `apiVersion:`) stays as it is.
 */
export function exampleDocument(example: string): string {
  return example
    .split('\n---\n')
    .map((part) => {
      if (part.startsWith('apiVersion:')) return `${part}\n`;
      if (part.startsWith('assets:\n')) return register(`${part.slice('assets:\n'.length)}\n`);
      if (part.startsWith('resources:\n')) return catalog(`${part.slice('resources:\n'.length)}\n`);
      if (part.startsWith('unit:')) {
        const list = /^(assets|resources):/m.test(part) ? '' : 'assets: []\n';
        return `apiVersion: steward/v1\nkind: DataAssetRegister\n${part}\n${list}`;
      }
      // Any other snippet is some fields of an asset (e.g. its `authorizations:`).
      return register(`  - id: DA-2024-0001\n    name: 公交运行监测数据集\n${part.replace(/^/gm, '    ')}\n`);
    })
    .join('---\n');
}

/** The findings of a compliance rule's example: checked as `steward validate` checks a file, every rule on. */
function complianceFindings(example: string): Finding[] {
  const optIn = [...RULES, ...WORKSPACE_RULES].filter((rule) => rule.meta.enabledByDefault === false);
  const config = { rules: Object.fromEntries(optIn.map((rule) => [rule.meta.id, rule.meta.severity])), overrides: [] };
  const service = createStewardService({ today: EXAMPLES_TODAY, reportForeignDocuments: true, config });
  return service.validate('example.yaml', exampleDocument(example)).findings;
}

/** A built-in id's example, a whole document, as `steward validate --schema-only` checks it (the layers that report built-in ids). */
function builtInFindings(text: string, maxItemsPerFile?: number): Finding[] {
  const service = createStewardService({
    maxItemsPerFile,
    today: EXAMPLES_TODAY,
    reportForeignDocuments: true,
    rules: [],
    workspaceRules: [],
  });
  return service.validate('example.assets.yaml', text).findings;
}

/**
 * The file layer's examples describe a file in comments (the docs cannot show its bytes); here each is written as
 * described and read by the CLI's reader, and a file it reads is then checked like the others.
 */
const FILE_LAYER: Record<
  string,
  (text: string, dir: string, role: 'example' | 'fixed') => { file: string; maxBytes?: number; maxItems?: number }
> = {
  // The file the command names (first line: `# steward validate FILE`): the example's does not exist.
  'DA-FILE-001': (text, dir, role) => {
    const file = path.join(dir, /^# steward validate (\S+)/.exec(text)![1]);
    if (role === 'fixed') fs.writeFileSync(file, text);
    return { file };
  },
  // An Excel workbook renamed: a ZIP header, NUL bytes included, then text.
  'DA-FILE-002': (text, dir, role) =>
    write(
      dir,
      role === 'example'
        ? Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00', 'latin1'), Buffer.from(text)])
        : Buffer.from(text),
    ),
  // Saved as UTF-16 (little-endian, with its byte order mark).
  'DA-FILE-003': (text, dir, role) =>
    write(
      dir,
      role === 'example' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : Buffer.from(text),
    ),
  // Over the limit: the limit is the fixed example's size, which the (longer) example exceeds.
  'DA-FILE-004': (text, dir) => ({
    ...write(dir, Buffer.from(text)),
    maxBytes: Buffer.byteLength(fileTooLargeFixed()),
  }),
  // More assets than the limit: the limit is the fixed example's one asset, which the example's two exceed.
  'DA-FILE-005': (text, dir) => ({ ...write(dir, Buffer.from(text)), maxItems: 1 }),
};

function write(dir: string, bytes: Buffer): { file: string } {
  const file = path.join(dir, 'example.assets.yaml');
  fs.writeFileSync(file, bytes);
  return { file };
}

function fileTooLargeFixed(): string {
  return BUILT_IN_RULES.find((rule) => rule.meta.id === 'DA-FILE-004')!.meta.docs.fixedExample;
}

function fileLayerFindings(id: string, text: string, role: 'example' | 'fixed'): Finding[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-example-'));
  try {
    const materialise = FILE_LAYER[id];
    assert.ok(materialise, `${id}: the rule tester knows how to write this file-layer example`);
    const { file, maxBytes, maxItems } = materialise(text, dir, role);
    const read = readTextFile(file, { maxBytes: maxBytes ?? 256 * 1024 * 1024 });
    return read.ok ? builtInFindings(read.text, maxItems) : [read.finding];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function configFindings(text: string): Finding[] {
  const service = createStewardService();
  return parseConfig(text, 'steward.config.yaml', service.isKnownRule).findings;
}

/**
 * An import rule's example (rules/import/common.ts): sheets as text, `# 工作表“NAME”` starting each, rows in CSV,
 * `=FORMULA → #ERROR` a formula whose saved result is that error. Written as a real workbook and imported (dry run).
 */
async function importLayerFindings(text: string): Promise<Finding[]> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  for (const line of text.split('\n')) {
    const name = /^# 工作表“([^”]+)”/.exec(line);
    if (name) sheet = workbook.addWorksheet(name[1]);
    if (line.startsWith('#')) continue;
    assert.ok(sheet, `an import example starts its first sheet with # 工作表“NAME”:\n${text}`);
    const [cells] = parseCsv(line, { relaxQuotes: true }) as string[][];
    sheet.addRow(
      cells.map((cell) => {
        const formula = /^=(.+?) → (#.+)$/.exec(cell);
        return formula ? { formula: formula[1], result: { error: formula[2] } } : cell;
      }),
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-import-example-'));
  try {
    const file = path.join(dir, 'example.xlsx');
    await workbook.xlsx.writeFile(file);
    const result = await importSheet({ file, outDir: dir, dryRun: true, locale: 'en' });
    return result.findings.map((f) => f.finding);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Layer = BuiltInLayer | 'rule' | 'workspace';

/** The findings of `text` (a rule's example or fixed example) checked by the pipeline that reports the rule. */
export function exampleFindings(
  meta: RuleMeta,
  layer: Layer,
  text: string,
  role: 'example' | 'fixed',
): Finding[] | Promise<Finding[]> {
  switch (layer) {
    case 'import':
      return importLayerFindings(text);
    case 'rule':
    case 'workspace':
      return complianceFindings(text);
    case 'waiver':
      // Waivers name compliance rules (DA-WAIVER-004 is about which ones): checked with every rule known.
      return complianceFindings(text);
    case 'file':
      return fileLayerFindings(meta.id, text, role);
    case 'config':
      return configFindings(text);
    default:
      return builtInFindings(text);
  }
}

/** Every rule in the registry, with the layer that reports it. */
export function registeredRules(): Array<{ meta: RuleMeta; layer: Layer }> {
  return [
    ...BUILT_IN_RULES.map((rule) => ({ meta: rule.meta, layer: rule.layer as Layer })),
    ...RULES.map((rule) => ({ meta: rule.meta, layer: 'rule' as Layer })),
    ...WORKSPACE_RULES.map((rule) => ({ meta: rule.meta, layer: 'workspace' as Layer })),
  ];
}

/**
 * For every rule in the registry, built-in ids included: its documented example triggers it and its fixed example
 * does not; a rule whose meta says it is not fixable offers no fix there.
 */
export function registryExamplesTest(): void {
  describe("every rule's documented example triggers it, and its fixed example does not", () => {
    for (const { meta, layer } of registeredRules()) {
      it(`${meta.id} ${meta.name} (${layer})`, async () => {
        const { example, fixedExample } = meta.docs;
        assert.notEqual(example, fixedExample);
        const before = (await exampleFindings(meta, layer, example, 'example')).filter((f) => f.ruleId === meta.id);
        assert.ok(before.length > 0, `${meta.id}: its example gives no finding of it:\n${example}`);
        for (const finding of before) {
          assert.ok(meta.fixable || !finding.fix, `${meta.id} is not fixable, yet its finding has a fix`);
          assert.ok(
            !/\{\w+\}/.test(finding.message.en) && !/\{\w+\}/.test(finding.message['zh-CN']),
            `unfilled placeholder: ${finding.message.en}`,
          );
        }
        const after = (await exampleFindings(meta, layer, fixedExample, 'fixed')).filter((f) => f.ruleId === meta.id);
        assert.deepEqual(
          after.map((f) => `${f.range.start.line + 1}: ${f.message.en}`),
          [],
          `${meta.id}: its fixed example still gives findings of it`,
        );
      });
    }
  });
}

// ------------------------------------------------------------------------------------------------ cross-file rules

export interface WorkspaceCase {
  name: string;
  /** The catalog and the register, checked together as one workspace. */
  catalog: string;
  register: string;
}

export interface WorkspaceInvalidCase extends WorkspaceCase {
  /** The findings of the rule on the register. */
  errors: ExpectedError[];
}

/** Findings of the cross-file `rule` alone on `register`, with `catalog` beside it in the workspace. */
export function workspaceRuleFindings(
  rule: WorkspaceRule,
  catalogText: string,
  registerText: string,
  options: RuleTestOptions = {},
): Finding[] {
  const service = createStewardService({
    today: options.today ?? '2026-11-26',
    reportForeignDocuments: false,
    rules: [],
    workspaceRules: [rule],
  });
  service.update('test.catalog.yaml', catalogText);
  return service.validate('test.assets.yaml', registerText).findings.filter((f) => f.ruleId === rule.meta.id);
}

/** The table tester for a cross-file rule: each case a catalog and a register, the findings on the register. */
export function workspaceRuleTester(
  rule: WorkspaceRule,
  cases: { valid: WorkspaceCase[]; invalid: WorkspaceInvalidCase[] },
  options: RuleTestOptions = {},
): void {
  describe(`${rule.meta.id} (${ruleCitation(rule.meta)}), across files`, () => {
    for (const valid of cases.valid) {
      it(`valid: ${valid.name}`, () => {
        const findings = workspaceRuleFindings(rule, valid.catalog, valid.register, options);
        assert.deepEqual(
          findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message.en}`),
          [],
        );
      });
    }
    for (const invalid of cases.invalid) {
      it(`invalid: ${invalid.name}`, () => {
        const findings = workspaceRuleFindings(rule, invalid.catalog, invalid.register, options);
        const actual = findings.map((f) => ({
          messageId: String(f.data?.messageId),
          line: f.range.start.line + 1,
          column: f.range.start.character + 1,
          severity: f.severity,
        }));
        assert.deepEqual(
          actual,
          invalid.errors.map((e) => ({ ...e, severity: e.severity ?? rule.meta.severity })),
        );
        for (const finding of findings) assert.ok(!/\{\w+\}/.test(finding.message.en + finding.message['zh-CN']));
      });
    }
  });
}
