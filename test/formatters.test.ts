import * as assert from 'node:assert/strict';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Finding, Locale, Severity } from '../server/src/service/types';
import { FORMAT_NAMES, formatResults, isFormatName } from '../server/src/cli/formatters';
import type { FileResult, FormatContext, RuleDescriptor } from '../server/src/cli/formatters/types';
import { formatterStrings } from '../server/src/cli/formatters/messages';
import { displayWidth } from '../server/src/cli/formatters/width';
import { wrapText } from '../server/src/cli/formatters/wrap';
import { random } from './helpers';
import { firstParagraph, FINGERPRINT_KEY } from '../server/src/cli/formatters/sarif';

// The SARIF 2.1.0 schema (rtm.5, a draft-04 schema) as shipped by Microsoft's @microsoft/jest-sarif package.
const sarifSchema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function finding(
  ruleId: string,
  severity: Severity,
  zh: string,
  en: string,
  [line, character, endLine, endCharacter]: [number, number, number, number],
  extra: Partial<Finding> = {},
): Finding {
  return {
    ruleId,
    severity,
    message: { 'zh-CN': zh, en },
    range: { start: { line, character }, end: { line: endLine, character: endCharacter } },
    ...extra,
  };
}

const TRICKY_ZH = '单位名称“某市，交通：局”包含 %25 与 <&> 和 "引号"\n第二行';
const TRICKY_EN = 'Unit name "a, b: c" has 100% <&> \'quotes\'\r\nsecond line';

const REGISTER: FileResult = {
  path: 'data/资产登记.yaml',
  findings: [
    finding('DA-SCHEMA-001', 'error', '缺少必填字段 name', 'Missing required field name', [0, 0, 0, 0], {
      clause: '财资〔2024〕1号 (4)',
      path: '/assets/0',
    }),
    finding('DA-CODE-002', 'error', TRICKY_ZH, TRICKY_EN, [4, 9, 4, 27], { path: '/unit/code' }),
    finding('DA-UNIT-003', 'warning', '授权说明过短', 'Authorization note is short', [11, 4, 13, 2]),
    finding('DA-INFO-004', 'info', '建议填写 contact 字段，便于联系', 'Consider a contact', [20, 2, 20, 9]),
    finding('DA-CODE-002', 'error', '控制字符\u0001与\u001b[2J', 'control \u0001 and \u001b[2J', [30, 0, 30, 4]),
  ],
};

const CLEAN: FileResult = { path: 'clean.yaml', findings: [] };

const BROKEN: FileResult = {
  path: 'broken,name:x%.yaml',
  skipped: true,
  findings: [finding('DA-PARSE-001', 'error', '文件不是有效的 UTF-8', 'The file is not valid UTF-8', [0, 0, 0, 0])],
};

/** A finding of a rule the CLI did not describe, and a reversed range that must still print sensibly. */
const ODD: FileResult = {
  path: 'odd.yaml',
  findings: [finding('X-UNKNOWN-1', 'warning', '未知规则', 'unknown rule', [5, 7, 2, 1])],
};

const RESULTS: FileResult[] = [REGISTER, CLEAN, BROKEN, ODD];

function rule(id: string, severity: Severity, clause: string): RuleDescriptor {
  return {
    id,
    name: id.toLowerCase(),
    clause,
    severity,
    short: { 'zh-CN': `${id} 的简述`, en: `Short description of ${id}` },
    help: {
      'zh-CN': `## 检查内容\n\n检查 ${id}。\n\n\`\`\`yaml\na: 1\n\`\`\``,
      en: `## What it checks\n\nChecks ${id}\nin two lines.\n\n\`\`\`yaml\na: 1\n\`\`\``,
    },
    helpUri: `https://example.invalid/rules/${id}`,
  };
}

const RULES: RuleDescriptor[] = [
  rule('DA-SCHEMA-001', 'error', '财资〔2024〕1号 (4)'),
  rule('DA-CODE-002', 'error', 'GB 32100-2015'),
  rule('DA-UNIT-003', 'warning', '财资〔2024〕1号 (8)'),
  rule('DA-INFO-004', 'info', '财资〔2024〕1号 (9)'),
  rule('DA-PARSE-001', 'error', 'YAML 1.2'),
  rule('DA-NEVER-009', 'warning', '财资〔2024〕1号 (2)'),
];

function context(overrides: Partial<FormatContext> = {}): FormatContext {
  return {
    locale: 'en',
    color: false,
    rules: RULES,
    toolName: 'steward',
    toolVersion: '0.1.0',
    cwd: '/work/项目 one',
    quiet: false,
    ...overrides,
  };
}

const ANSI = /\u001b\[[0-9;]*m/g;

describe('formatters', () => {
  it('dispatches every format name', () => {
    assert.deepEqual([...FORMAT_NAMES].sort(), ['github', 'gitlab', 'json', 'junit', 'sarif', 'stylish']);
    assert.ok(isFormatName('sarif'));
    assert.ok(!isFormatName('toString'));
    for (const name of FORMAT_NAMES) assert.equal(typeof formatResults(name, RESULTS, context()), 'string');
  });

  it('has every formatter string in both zh-CN and en', () => {
    const en = formatterStrings('en');
    const zh = formatterStrings('zh-CN');
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    for (const strings of [en, zh]) {
      for (const [key, value] of Object.entries(strings)) {
        const text =
          typeof value === 'function'
            ? value(2, ['x'])
            : typeof value === 'string'
              ? value
              : Object.values(value).join();
        assert.ok(String(text).trim().length > 0, key);
      }
    }
    assert.notEqual(zh.problems(3), en.problems(3));
  });

  describe('displayWidth', () => {
    it('counts East Asian wide characters as two columns', () => {
      assert.equal(displayWidth('abc'), 3);
      assert.equal(displayWidth('汉字'), 4);
      assert.equal(displayWidth('财资〔2024〕1号'), 15);
      assert.equal(displayWidth('，：（）'), 8);
      assert.equal(displayWidth('e\u0301'), 1);
      assert.equal(displayWidth('✅'), 2);
      assert.equal(displayWidth('한국'), 4);
      assert.equal(displayWidth('𠀀'), 2);
    });
  });

  describe('json', () => {
    it('has the documented, versioned shape with 1-based positions', () => {
      const report = JSON.parse(formatResults('json', RESULTS, context()));
      assert.equal(report.schemaVersion, 1);
      assert.deepEqual(report.tool, { name: 'steward', version: '0.1.0' });
      assert.equal(report.locale, 'en');
      assert.equal(report.quiet, false);
      assert.deepEqual(report.summary, { files: 4, errors: 4, warnings: 2, infos: 1, skipped: 1 });
      assert.deepEqual(
        report.files.map((file: { path: string }) => file.path),
        ['broken,name:x%.yaml', 'clean.yaml', 'data/资产登记.yaml', 'odd.yaml'],
      );
      const [broken, clean, register, odd] = report.files;
      assert.equal(broken.skipped, true);
      assert.equal(clean.skipped, undefined);
      assert.deepEqual(clean.findings, []);
      assert.deepEqual(register.findings[0], {
        ruleId: 'DA-SCHEMA-001',
        severity: 'error',
        message: 'Missing required field name',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        clause: '财资〔2024〕1号 (4)',
        path: '/assets/0',
      });
      assert.deepEqual(register.findings[1], {
        ruleId: 'DA-CODE-002',
        severity: 'error',
        message: TRICKY_EN,
        line: 5,
        column: 10,
        endLine: 5,
        endColumn: 28,
        clause: 'GB 32100-2015',
        path: '/unit/code',
      });
      assert.equal(register.findings[2].path, undefined);
      assert.equal(odd.findings[0].clause, null);
      assert.deepEqual(
        [odd.findings[0].line, odd.findings[0].column, odd.findings[0].endLine, odd.findings[0].endColumn],
        [6, 8, 6, 8],
      );
    });

    it('writes messages in the chosen locale and is deterministic', () => {
      const shuffled = [ODD, BROKEN, CLEAN, REGISTER];
      const zh = formatResults('json', shuffled, context({ locale: 'zh-CN', quiet: true }));
      assert.equal(zh, formatResults('json', RESULTS, context({ locale: 'zh-CN', quiet: true })));
      const report = JSON.parse(zh);
      assert.equal(report.locale, 'zh-CN');
      assert.equal(report.quiet, true);
      assert.equal(report.files[2].findings[1].message, TRICKY_ZH);
      assert.ok(zh.endsWith('}\n'));
    });

    it('reports an empty run', () => {
      const report = JSON.parse(formatResults('json', [], context()));
      assert.deepEqual(report.summary, { files: 0, errors: 0, warnings: 0, infos: 0, skipped: 0 });
      assert.deepEqual(report.files, []);
    });
  });

  describe('sarif', () => {
    // unicodeRegExp off: the rtm.5 schema's `language` pattern has a stray `]` that only non-unicode regexps accept.
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(sarifSchema);

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests walk SARIF's JSON freely
    function sarifOf(results: FileResult[], overrides: Partial<FormatContext> = {}): any {
      const text = formatResults('sarif', results, context(overrides));
      assert.ok(validate(JSON.parse(text)), JSON.stringify(validate.errors, null, 2));
      return JSON.parse(text);
    }

    it('validates against the SARIF 2.1.0 schema', () => {
      const log = sarifOf(RESULTS);
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /^https:\/\/.*sarif-2\.1\.0\.json$/);
      assert.equal(log.runs.length, 1);
      sarifOf(RESULTS, { locale: 'zh-CN' });
      sarifOf([]);
      sarifOf([CLEAN]);
    });

    it('links each described rule to its section of the shipped rules reference, and the tool to its README', () => {
      const documentation = {
        rulesUri: 'file:///opt/steward/docs/rules.md',
        informationUri: 'file:///opt/steward/README.md',
      };
      const own = RULES.map((rule) => ({ ...rule, helpUri: undefined }));
      const run = sarifOf(RESULTS, {
        rules: [...own.slice(0, 1), { ...own[1], helpUri: 'https://example.invalid/own' }, ...own.slice(2)],
        documentation,
      }).runs[0];
      assert.equal(run.tool.driver.informationUri, 'file:///opt/steward/README.md');
      const uris = Object.fromEntries(
        run.tool.driver.rules.map((rule: { id: string; helpUri?: string }) => [rule.id, rule.helpUri]),
      );
      assert.equal(uris['DA-SCHEMA-001'], 'file:///opt/steward/docs/rules.md#da-schema-001');
      assert.equal(uris['DA-CODE-002'], 'https://example.invalid/own', "a rule's own helpUri wins");
      assert.equal(uris['X-UNKNOWN-1'], undefined, 'a rule the reference does not hold has no link');
      for (const artifact of run.artifacts) assert.deepEqual(artifact.roles, ['analysisTarget']);
      const without = sarifOf(RESULTS, { rules: own }).runs[0];
      assert.equal(without.tool.driver.informationUri, undefined);
      assert.ok(without.tool.driver.rules.every((rule: { helpUri?: string }) => rule.helpUri === undefined));
    });

    it('uses a schema that really rejects an invalid region', () => {
      const log = JSON.parse(formatResults('sarif', [REGISTER], context()));
      log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
      assert.equal(validate(log), false);
    });

    it('describes every rule, with what GitHub code scanning requires', () => {
      const run = sarifOf(RESULTS).runs[0];
      const rules = run.tool.driver.rules;
      const ids = rules.map((descriptor: { id: string }) => descriptor.id);
      assert.deepEqual(ids, [
        'DA-CODE-002',
        'DA-INFO-004',
        'DA-NEVER-009',
        'DA-PARSE-001',
        'DA-SCHEMA-001',
        'DA-UNIT-003',
        'X-UNKNOWN-1',
      ]);
      for (const descriptor of rules) {
        assert.ok(descriptor.shortDescription.text.length > 0);
        assert.ok(descriptor.fullDescription.text.length > 0 && descriptor.fullDescription.text.length <= 1024);
        assert.ok(descriptor.help.text.length > 0);
        assert.ok(['error', 'warning', 'note'].includes(descriptor.defaultConfiguration.level));
        assert.ok(Array.isArray(descriptor.properties.tags));
      }
      const code = rules[0];
      assert.equal(code.name, 'da-code-002');
      assert.equal(code.shortDescription.text, 'Short description of DA-CODE-002');
      assert.equal(code.fullDescription.text, 'Checks DA-CODE-002 in two lines.');
      assert.equal(code.help.markdown, RULES[1].help.en);
      assert.equal(code.helpUri, 'https://example.invalid/rules/DA-CODE-002');
      assert.equal(code.properties.clause, 'GB 32100-2015');
      assert.deepEqual(code.properties.tags, ['data-asset', 'code']);
      assert.equal(rules[1].defaultConfiguration.level, 'note');
      assert.equal(rules[6].shortDescription.text, 'Rule X-UNKNOWN-1');
      assert.equal(rules[6].properties.clause, undefined);
      assert.equal(run.tool.driver.name, 'steward');
      assert.equal(run.tool.driver.semanticVersion, '0.1.0');
    });

    it('maps results to rules, levels and 1-based regions', () => {
      const run = sarifOf(RESULTS).runs[0];
      const results = run.results;
      assert.equal(results.length, 7);
      for (const result of results) {
        assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
        assert.ok(result.message.text.length > 0);
        const region = result.locations[0].physicalLocation.region;
        assert.ok(region.startLine >= 1 && region.startColumn >= 1);
        const sameLine = region.endLine === region.startLine;
        assert.ok(region.endLine > region.startLine || (sameLine && region.endColumn >= region.startColumn));
      }
      assert.deepEqual(
        results.map((result: { level: string }) => result.level),
        ['error', 'error', 'error', 'warning', 'note', 'error', 'warning'],
      );
      const tricky = results[2];
      assert.equal(tricky.message.text, TRICKY_EN);
      const regionOf = (index: number) => results[index].locations[0].physicalLocation.region;
      assert.deepEqual(regionOf(2), { startLine: 5, startColumn: 10, endLine: 5, endColumn: 28 });
      assert.deepEqual(tricky.properties, { jsonPointer: '/unit/code' });
      assert.deepEqual(regionOf(1), { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
      assert.deepEqual(regionOf(3), { startLine: 12, startColumn: 5, endLine: 14, endColumn: 3 });
    });

    it('gives paths relative to %SRCROOT% and a stable fingerprint', () => {
      const run = sarifOf(RESULTS).runs[0];
      assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///work/%E9%A1%B9%E7%9B%AE%20one/');
      const location = run.results[1].locations[0].physicalLocation.artifactLocation;
      assert.equal(location.uriBaseId, '%SRCROOT%');
      assert.equal(decodeURIComponent(location.uri), 'data/资产登记.yaml');
      assert.equal(run.artifacts[location.index].location.uri, location.uri);
      assert.equal(decodeURIComponent(run.results[0].locations[0].physicalLocation.artifactLocation.uri), BROKEN.path);
      assert.equal(run.artifacts.length, 4);

      type Fingerprinted = { partialFingerprints: Record<string, string> };
      const prints = run.results.map((result: Fingerprinted) => result.partialFingerprints[FINGERPRINT_KEY]);
      assert.equal(new Set(prints).size, prints.length);
      for (const print of prints) assert.match(print, /^[0-9a-f]{16}:\d+$/);
      // Moving a finding to another line keeps its fingerprint; the locale does not change it either.
      const moved: FileResult = {
        ...REGISTER,
        findings: REGISTER.findings.map((item) => ({
          ...item,
          range: {
            start: { line: item.range.start.line + 3, character: 0 },
            end: { line: item.range.end.line + 3, character: 0 },
          },
        })),
      };
      const again = sarifOf([BROKEN, CLEAN, moved, ODD], { locale: 'zh-CN' }).runs[0];
      assert.deepEqual(
        again.results.map((result: Fingerprinted) => result.partialFingerprints[FINGERPRINT_KEY]),
        prints,
      );
    });

    it('writes an absolute path as a file URI', () => {
      const run = sarifOf([{ path: '/elsewhere/a b.yaml', findings: REGISTER.findings.slice(0, 1) }]).runs[0];
      assert.deepEqual(run.results[0].locations[0].physicalLocation.artifactLocation, {
        uri: 'file:///elsewhere/a%20b.yaml',
        index: 0,
      });
    });

    it('takes the first prose paragraph of a rule help as its full description', () => {
      const help = '# Title\n\n```yaml\na: 1\n\nb: 2\n```\n\nThe *first*\nparagraph.\n\nSecond.';
      assert.equal(firstParagraph(help), 'The *first* paragraph.');
      assert.equal(firstParagraph('## Only a heading'), '');
    });

    it("gives a rule's rationale, when it has one, as its full description, in the run's language", () => {
      const why = {
        'zh-CN': '第（四）条要求授权前开展安全评估。',
        en: 'Clause (4) asks for a security assessment first.',
      };
      const rules = [
        { ...rule('DA-SCHEMA-001', 'error', '财资〔2024〕1号 (4)'), docs: { rationale: why } },
        ...RULES.slice(1),
      ];
      for (const locale of ['en', 'zh-CN'] as Locale[]) {
        const log = JSON.parse(formatResults('sarif', [REGISTER], context({ rules, locale })));
        const described = log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'DA-SCHEMA-001');
        assert.equal(described.fullDescription.text, why[locale]);
      }
    });
  });

  describe('junit', () => {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      parseAttributeValue: false,
      parseTagValue: false,
      trimValues: false,
      htmlEntities: true,
      isArray: (name) => ['testsuite', 'testcase'].includes(name),
    });

    function junitOf(results: FileResult[], locale: Locale = 'en') {
      const xml = formatResults('junit', results, context({ locale }));
      assert.equal(XMLValidator.validate(xml), true);
      assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'));
      return { xml, doc: parser.parse(xml) };
    }

    it('is well-formed XML with one suite per file and the right counts', () => {
      const { doc } = junitOf(RESULTS);
      const root = doc.testsuites;
      assert.deepEqual([root.name, root.tests, root.failures, root.errors], ['steward', '8', '5', '1']);
      const suites = root.testsuite;
      assert.deepEqual(
        suites.map((suite: Record<string, string>) => [suite.name, suite.tests, suite.failures, suite.errors]),
        [
          ['broken,name:x%.yaml', '1', '0', '1'],
          ['clean.yaml', '1', '0', '0'],
          ['data/资产登记.yaml', '5', '4', '0'],
          ['odd.yaml', '1', '1', '0'],
        ],
      );
    });

    it('marks errors and warnings as failures, info as passing, unreadable files as errors', () => {
      const { doc } = junitOf(RESULTS);
      const [broken, clean, register] = doc.testsuites.testsuite;
      assert.equal(broken.testcase[0].error.type, 'error');
      assert.equal(broken.testcase[0].error.message, 'The file is not valid UTF-8');
      assert.deepEqual(Object.keys(clean.testcase[0]).sort(), ['classname', 'file', 'name', 'time']);
      assert.equal(clean.testcase[0].name, 'no problems');
      const cases = register.testcase;
      assert.equal(cases[0].name, 'DA-SCHEMA-001 [1:1]');
      assert.equal(cases[0].classname, 'data/资产登记.yaml');
      assert.equal(cases[0].line, '1');
      assert.equal(cases[1].failure.type, 'error');
      assert.equal(cases[2].failure.type, 'warning');
      assert.equal(cases[3].failure, undefined);
      assert.match(cases[3]['system-out'], /Consider a contact/);
      assert.match(cases[0].failure['#text'], /Clause: 财资〔2024〕1号 \(4\)/);
    });

    it('escapes every character, including ones XML 1.0 forbids', () => {
      const { xml, doc } = junitOf(RESULTS, 'zh-CN');
      const cases = doc.testsuites.testsuite[2].testcase;
      assert.equal(cases[1].failure.message, TRICKY_ZH);
      assert.ok(cases[1].failure['#text'].includes(TRICKY_ZH));
      assert.equal(cases[4].failure.message, '控制字符\ufffd与\ufffd[2J');
      assert.equal(doc.testsuites.testsuite[1].testcase[0].name, '未发现问题');
      assert.match(doc.testsuites.testsuite[2].testcase[0].failure['#text'], /\n依据：财资〔2024〕1号 \(4\)$/);
      assert.ok(!/[\u0001\u001b]/.test(xml));
      const odd = 'x\r\ny \ud800 𠀀 \uffff';
      const crlf = junitOf([{ path: 'a.yaml', findings: [finding('A-B-1', 'error', odd, odd, [0, 0, 0, 1])] }]);
      assert.equal(crlf.doc.testsuites.testsuite[0].testcase[0].failure.message, 'x\r\ny \ufffd 𠀀 \ufffd');
    });

    it('writes a valid report for an empty run', () => {
      const { doc } = junitOf([]);
      assert.equal(doc.testsuites.tests, '0');
    });
  });

  describe('github', () => {
    const COMMAND = /^::(error|warning|notice) ([^:]*)::(.*)$/;
    const unescape = (text: string) =>
      text.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

    function parseCommands(output: string) {
      return output
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => {
          const match = COMMAND.exec(line);
          assert.ok(match, line);
          const properties = Object.fromEntries(
            match[2].split(',').map((pair) => {
              const at = pair.indexOf('=');
              return [pair.slice(0, at), unescape(pair.slice(at + 1))];
            }),
          );
          return { command: match[1], properties, message: unescape(match[3]) };
        });
    }

    it('prints one annotation per finding that parses back to the original', () => {
      const output = formatResults('github', RESULTS, context());
      assert.ok(output.endsWith('\n'));
      const commands = parseCommands(output);
      assert.equal(commands.length, 7);
      assert.deepEqual(
        commands.map((command) => command.command),
        ['error', 'error', 'error', 'warning', 'notice', 'error', 'warning'],
      );
      assert.deepEqual(commands[0].properties, {
        file: 'broken,name:x%.yaml',
        line: '1',
        col: '1',
        endLine: '1',
        endColumn: '1',
        title: 'DA-PARSE-001',
      });
      assert.deepEqual(commands[2], {
        command: 'error',
        properties: {
          file: 'data/资产登记.yaml',
          line: '5',
          col: '10',
          endLine: '5',
          endColumn: '28',
          title: 'DA-CODE-002',
        },
        message: TRICKY_EN,
      });
      // Columns are only given when the range is on one line.
      const multiLine = { file: 'data/资产登记.yaml', line: '12', endLine: '14', title: 'DA-UNIT-003' };
      assert.deepEqual(commands[3].properties, multiLine);
      const zh = parseCommands(formatResults('github', [REGISTER], context({ locale: 'zh-CN' })));
      assert.equal(zh[1].message, TRICKY_ZH);
    });

    it('prints nothing without findings', () => {
      assert.equal(formatResults('github', [CLEAN], context()), '');
      assert.equal(formatResults('github', [], context()), '');
    });
  });

  describe('stylish', () => {
    it('prints nothing when every file is clean', () => {
      assert.equal(formatResults('stylish', [CLEAN], context()), '');
      assert.equal(formatResults('stylish', [], context({ color: true })), '');
    });

    it('groups findings under their file: location, severity and rule id, the message below, a summary', () => {
      const output = formatResults('stylish', RESULTS, context());
      assert.ok(!output.includes('\u001b'), 'no escape codes without color');
      const lines = output.split('\n');
      assert.equal(lines.at(-1), '');
      assert.equal(lines.at(-3), '✖ 7 problems (4 errors, 2 warnings, 1 info)');
      assert.equal(lines.at(-2), '1 file could not be read');
      assert.ok(lines.includes('broken,name:x%.yaml  (could not be read)'));
      assert.ok(!lines.includes('clean.yaml'));
      const start = lines.indexOf('data/资产登记.yaml');
      const block = lines.slice(start + 1, lines.indexOf('', start));
      assert.deepEqual(block.slice(0, 2), ['   1:1   error    DA-SCHEMA-001', '         Missing required field name']);
      assert.equal(block[2], '   5:10  error    DA-CODE-002');
      assert.equal(block[3], `         ${TRICKY_EN.replace('\r\n', ' ')}`);
      assert.deepEqual(block.slice(4, 8), [
        '  12:5   warning  DA-UNIT-003',
        '         Authorization note is short',
        '  21:3   info     DA-INFO-004',
        '         Consider a contact',
      ]);
      assert.ok(block[9].includes('control \\x01 and \\x1B[2J'), block[9]);
    });

    it('keeps columns aligned with Chinese text', () => {
      const output = formatResults('stylish', [REGISTER], context({ locale: 'zh-CN' }));
      const lines = output.split('\n');
      assert.equal(lines[0], 'data/资产登记.yaml');
      const heads = lines.filter((line) => /^\s+\d+:\d+/.test(line));
      assert.equal(heads.length, 5);
      const ruleColumn = heads.map((row) => displayWidth(row.slice(0, row.search(/DA-/))));
      assert.equal(new Set(ruleColumn).size, 1, heads.join('\n'));
      // Code-unit lengths differ (错误 and warning labels in Chinese are two columns a character): the padding
      // counts terminal columns, not characters.
      assert.equal(heads[0], '   1:1   错误  DA-SCHEMA-001');
      assert.equal(heads[2], '  12:5   警告  DA-UNIT-003');
      assert.equal(lines.at(-2), '✖ 5 个问题（3 个错误，1 个警告，1 条提示）');
    });

    for (const width of [80, 120]) {
      it(`wraps Chinese and English messages to ${width} columns, indented under the location`, () => {
        const long: FileResult = {
          path: 'units/交通局/资产.assets.yaml',
          findings: [
            finding(
              'DA-AUTH-001',
              'error',
              '资产“公交运行监测数据集”授权给某市大数据运营有限公司使用，但没有记录数据安全评估（securityAssessment）：授权运营前应当按规定开展安全评估，请补充评估文号与日期（财资〔2024〕1号 (4)）',
              'Asset "公交运行监测数据集" is authorized to 某市大数据运营有限公司 without a recorded security assessment (securityAssessment): an assessment is carried out before authorized operation; give its reference and date (财资〔2024〕1号 (4))',
              [1233, 8, 1233, 20],
            ),
            finding(
              'DA-CODE-004',
              'error',
              '代码 A08060299 不在资产分类代码表中：数据资产使用 A08060201 结构化数据、A08060202 半结构化数据或 A08060203 非结构化数据',
              'Code A08060299 is not in the asset classification code table: data assets use A08060201 (structured), A08060202 (semi-structured) or A08060203 (unstructured data)',
              [17, 24, 17, 33],
            ),
            finding(
              'DA-SCHEMA-005',
              'error',
              '路径值 https://example.invalid/a/very/long/unbreakable/path/that/no/terminal/of/this/width/can/hold/on/one/line/anywhere 太长',
              'Path https://example.invalid/a/very/long/unbreakable/path/that/no/terminal/of/this/width/can/hold/on/one/line/anywhere is too long',
              [2, 0, 2, 4],
            ),
          ],
        };
        for (const locale of ['zh-CN', 'en'] as Locale[]) {
          const lines = formatResults('stylish', [long], context({ locale, width })).split('\n');
          const message = (id: string) => {
            const at = lines.findIndex((line) => line.endsWith(id));
            const end = lines.findIndex((line, i) => i > at && !line.startsWith('           '));
            return lines.slice(at + 1, end);
          };
          for (const line of lines) {
            const unbreakable = /https:\/\/\S+/.exec(line);
            if (unbreakable && displayWidth(unbreakable[0]) > width - 11) continue; // it stands on its own line
            assert.ok(
              displayWidth(line) <= width,
              `${locale}, ${width} columns: ${displayWidth(line)} columns\n${line}`,
            );
          }
          const authorization = message('DA-AUTH-001');
          assert.ok(authorization.length >= 2, lines.join('\n'));
          // Indented under the location, one line fills most of the width, and no text is lost or reordered.
          for (const line of authorization) assert.match(line, /^ {11}\S/);
          // Filled greedily: the next line's first unbreakable piece would not have fitted on the first.
          const next = (locale === 'en' ? /^\S+/ : /^([\w-]+|.)[，。、；：）」』〕》”]*/u).exec(
            authorization[1].trim(),
          )![0];
          assert.ok(displayWidth(authorization[0]) + 1 + displayWidth(next) > width, `${authorization[0]} | ${next}`);
          const joined = authorization.map((line) => line.trim()).join(locale === 'en' ? ' ' : '');
          assert.equal(joined.replace(/ /g, ''), long.findings[0].message[locale].replace(/ /g, ''));
          // Codes, numbers and document numbers are never cut, and no line starts with closing punctuation.
          const code = message('DA-CODE-004');
          for (const token of ['A08060299', 'A08060201', 'A08060202', 'A08060203'])
            assert.ok(
              code.some((line) => line.includes(token)),
              `${token} is cut:\n${code.join('\n')}`,
            );
          assert.ok(
            authorization.some((line) => line.includes('财资〔2024〕1号')),
            authorization.join('\n'),
          );
          for (const line of [...authorization, ...code]) assert.doesNotMatch(line.trim(), /^[，。、；：）」』〕》”]/);
          for (const line of [...authorization, ...code]) assert.doesNotMatch(line.trim(), /[（「『〔《“]$/);
        }
      });
    }

    it('breaks Chinese text between characters but never inside a number and its measure word or a document number', () => {
      const text = '依据财资〔2024〕1号第（四）条，于2024年3月1日前完成评估，共10项资产。';
      for (let width = 4; width <= 40; width++) {
        const lines = wrapText(text, width);
        assert.equal(lines.join(''), text);
        for (let i = 1; i < lines.length; i++) {
          const seam = `${lines[i - 1].slice(-1)}|${lines[i][0]}`;
          assert.doesNotMatch(seam, /^\d\|\D|^〕\|\d|^（\||\|[，。）〕]/, `width ${width}: ${lines.join(' / ')}`);
        }
        for (const line of lines)
          if (!/\d{4}/.test(line)) assert.ok(displayWidth(line) <= Math.max(width, 6), `${width}: ${line}`);
      }
    });

    it('wraps random mixed text: nothing lost, no spaces at the ends, a line too wide only when it cannot break', () => {
      const next = random(14);
      const alphabet = [...'数据资产目录登记授权，。、（）〔〕“”：ab cDE-01 9 2024年号　'];
      for (let round = 0; round < 2_000; round++) {
        const length = next(80);
        let text = '';
        for (let i = 0; i < length; i++) text += alphabet[next(alphabet.length)];
        const width = 1 + next(40);
        const lines = wrapText(text, width);
        assert.equal(lines.join('').replace(/ /g, ''), text.replace(/ /g, ''), JSON.stringify({ text, width, lines }));
        for (const line of lines) assert.doesNotMatch(line, /^ | $/, JSON.stringify({ text, width, line }));
        for (const line of lines) {
          if (displayWidth(line) > width)
            assert.equal(wrapText(line, 0).length, 1, JSON.stringify({ text, width, line, lines }));
        }
      }
    });

    it('gives an unbreakable run a line of its own, and wraps at 100 columns by default', () => {
      const output = formatResults('stylish', [REGISTER], context({ locale: 'zh-CN' }));
      assert.ok(output.split('\n').every((line) => displayWidth(line) <= 100));
      const narrow = formatResults(
        'stylish',
        [
          {
            path: 'a.yaml',
            findings: [
              finding(
                'DA-X-001',
                'error',
                'x',
                'see https://example.invalid/' + 'p'.repeat(120) + ' now',
                [0, 0, 0, 0],
              ),
            ],
          },
        ],
        context({ width: 60 }),
      );
      const lines = narrow.split('\n');
      assert.deepEqual(lines.slice(1, 5), [
        '  1:1  error  DA-X-001',
        '       see',
        `       https://example.invalid/${'p'.repeat(120)}`,
        '       now',
      ]);
    });

    it('colours severities, rule ids and the summary only when asked', () => {
      const colored = formatResults('stylish', RESULTS, context({ color: true }));
      assert.ok(colored.includes('\u001b[31merror'));
      assert.ok(colored.includes('\u001b[33mwarning'));
      assert.ok(colored.includes('\u001b[36minfo'));
      assert.ok(colored.includes('\u001b[2mDA-CODE-002\u001b[22m'));
      assert.equal(colored.replace(ANSI, ''), formatResults('stylish', RESULTS, context()));
    });

    it('leaves out the info count when there is none', () => {
      const output = formatResults('stylish', [ODD], context());
      assert.equal(output.split('\n').at(-2), '✖ 1 problem (0 errors, 1 warning)');
    });
  });
});

describe('formatters: related locations (the other definitions of a duplicated id)', () => {
  const other = { 'zh-CN': '标识 DA-1 的另一处定义', en: 'Another definition of DA-1' };
  const DUPLICATES: FileResult[] = [
    {
      path: 'a.assets.yaml',
      findings: [
        finding('DA-ID-001', 'error', '标识 DA-1 重复', 'Id DA-1 is defined 2 times', [8, 8, 8, 12], {
          related: [
            {
              uri: 'units/b.assets.yaml',
              range: { start: { line: 3, character: 8 }, end: { line: 3, character: 12 } },
              message: other,
            },
          ],
        }),
      ],
    },
  ];

  it('json: a `related` array with the path and 1-based range of each, in the locale', () => {
    const report = JSON.parse(formatResults('json', DUPLICATES, context({ locale: 'zh-CN' })));
    assert.deepEqual(report.files[0].findings[0].related, [
      { path: 'units/b.assets.yaml', line: 4, column: 9, endLine: 4, endColumn: 13, message: '标识 DA-1 的另一处定义' },
    ]);
    // Findings without related places have no such key.
    assert.ok(!('related' in JSON.parse(formatResults('json', RESULTS, context())).files[0].findings[0]));
  });

  it('sarif: relatedLocations that validate against the SARIF 2.1.0 schema', () => {
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(sarifSchema);
    const log = JSON.parse(formatResults('sarif', DUPLICATES, context())) as {
      runs: Array<{ results: Array<{ relatedLocations: unknown }> }>;
    };
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(log.runs[0].results[0].relatedLocations, [
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: 'units/b.assets.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 4, startColumn: 9, endLine: 4, endColumn: 13 },
        },
        message: { text: 'Another definition of DA-1' },
      },
    ]);
  });

  it('stylish: an "also at file:line:column" line under the message', () => {
    const lines = formatResults('stylish', DUPLICATES, context()).split('\n');
    const at = lines.findIndex((line) => line.includes('Id DA-1 is defined 2 times'));
    assert.equal(lines[at + 1].trim(), 'also at units/b.assets.yaml:4:9');
    const zh = formatResults('stylish', DUPLICATES, context({ locale: 'zh-CN' }));
    assert.match(zh, /\n\s+另见 units\/b\.assets\.yaml:4:9\n/);
  });
});
