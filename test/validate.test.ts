import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createStewardService } from '../server/src/service';
import type { Finding } from '../server/src/service/types';
import { parseStewardFile } from '../server/src/service/parser/parse';
import { validateFile } from '../server/src/service/validate';
import { RULES } from '../server/src/service/rules';
import { builtinCodeTable } from '../server/src/service/codes/table';
import { MINIMAL_REGISTER, MINIMAL_CATALOG, CONTRACT_CATALOG, ROOT, registerOf } from './helpers';

const service = createStewardService({ reportForeignDocuments: true });
/** Parse and schema findings alone: where each kind of schema error is placed. */
const schemaOnly = createStewardService({ reportForeignDocuments: true, rules: [], workspaceRules: [] });

function onlySchema(text: string): Finding {
  const findings = schemaOnly.validate('test.yaml', text).findings;
  assert.equal(
    findings.length,
    1,
    JSON.stringify(
      findings.map((f) => [f.ruleId, f.message.en]),
      null,
      1,
    ),
  );
  return findings[0];
}

/** `line:column` (1-based) of each finding, with its rule id. */
function at(text: string): string[] {
  return service
    .validate('test.yaml', text)
    .findings.map((f) => `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1}`);
}

function only(text: string): Finding {
  const findings = service.validate('test.yaml', text).findings;
  assert.equal(
    findings.length,
    1,
    JSON.stringify(
      findings.map((f) => [f.ruleId, f.message.en]),
      null,
      1,
    ),
  );
  return findings[0];
}

describe('validate: the contract examples are valid', () => {
  it('register and catalog with only the contract fields give no error (recommended fields: warnings at most)', () => {
    assert.deepEqual(at(MINIMAL_REGISTER), []);
    const findings = service.validate('test.yaml', CONTRACT_CATALOG).findings;
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error'),
      [],
    );
    assert.deepEqual(
      findings.map((f) => `${f.ruleId} ${f.severity}`),
      ['DA-CAT-001 info', 'DA-SHARE-002 warning'],
    );
    assert.deepEqual(at(MINIMAL_CATALOG), []);
  });
});

describe('validate: each schema error kind points at the key or value to change', () => {
  it('an unexpected property: at its key, with a suggestion', () => {
    const finding = onlySchema(MINIMAL_REGISTER.replace('  supervisingDepartment:', '  supervisingDepartmnt:'));
    assert.equal(finding.ruleId, 'DA-SCHEMA-002');
    assert.deepEqual(finding.range, { start: { line: 6, character: 2 }, end: { line: 6, character: 22 } });
    assert.equal(finding.data?.suggestion, 'supervisingDepartment');
  });

  it("a missing required property: at its parent's key", () => {
    const finding = onlySchema(MINIMAL_REGISTER.replace('  name: 某市交通运输局\n', ''));
    assert.equal(finding.ruleId, 'DA-SCHEMA-001');
    assert.deepEqual(finding.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } });
    assert.equal(finding.path, '/unit/name');
  });

  it("a missing required property of a list item: at the item's first key", () => {
    const finding = onlySchema(MINIMAL_REGISTER.replace('    name: 公交运行监测数据集\n', ''));
    assert.equal(finding.ruleId, 'DA-SCHEMA-001');
    assert.deepEqual(finding.range.start, { line: 8, character: 4 });
    assert.equal(finding.path, '/assets/0/name');
  });

  it('a wrong enum value: at the value, with the allowed values and the English meaning', () => {
    const finding = onlySchema(MINIMAL_REGISTER.replace('method: 自主采集', 'method: 自己采集'));
    assert.equal(finding.ruleId, 'DA-SCHEMA-003');
    assert.deepEqual(finding.range, { start: { line: 14, character: 14 }, end: { line: 14, character: 18 } });
    assert.match(finding.message['zh-CN'], /自主采集/);
    assert.match(finding.message.en, /自主采集/);
    assert.equal(finding.data?.suggestion, '自主采集');
    assert.ok(finding.clause && finding.clause.includes('财资〔2024〕1号'), finding.clause);
  });

  it('a wrong type: at the value', () => {
    const finding = onlySchema(
      MINIMAL_REGISTER.replace('acquisition:\n      method: 自主采集', 'acquisition: 自主采集'),
    );
    assert.equal(finding.ruleId, 'DA-SCHEMA-004');
    assert.deepEqual(finding.range.start, { line: 13, character: 17 });
  });

  it('a pattern mismatch: at the value', () => {
    const finding = onlySchema(MINIMAL_REGISTER.replace('id: DA-2024-0001', 'id: da-2024-1'));
    assert.equal(finding.ruleId, 'DA-SCHEMA-005');
    assert.deepEqual(finding.range.start, { line: 8, character: 8 });
  });

  it('a wrong apiVersion: at the value', () => {
    const finding = onlySchema(MINIMAL_REGISTER.replace('steward/v1', 'steward/v2'));
    assert.equal(finding.ruleId, 'DA-SCHEMA-003');
    assert.deepEqual(finding.range.start, { line: 0, character: 12 });
  });

  it('a conditional requirement names its condition: a purchase needs a budget reference', () => {
    const finding = onlySchema(MINIMAL_REGISTER.replace('method: 自主采集', 'method: 购置'));
    assert.equal(finding.ruleId, 'DA-SCHEMA-001');
    assert.match(finding.message.en, /购置/);
    assert.deepEqual(finding.range.start, { line: 13, character: 4 });
    assert.match(finding.clause ?? '', /\(3\)/);
  });

  it('a guarantee is forbidden: at its key, citing clause (4)', () => {
    const finding = onlySchema(MINIMAL_REGISTER + '    guarantee: 以本数据资产为贷款提供担保\n');
    assert.equal(finding.ruleId, 'DA-SCHEMA-006');
    assert.deepEqual(finding.range.start, { line: 17, character: 4 });
    assert.match(finding.clause ?? '', /\(4\)/);
  });

  it('findings in later documents and items carry their own positions', () => {
    const text =
      MINIMAL_CATALOG +
      '---\n' +
      MINIMAL_REGISTER +
      MINIMAL_REGISTER.slice(MINIMAL_REGISTER.indexOf('  - id'))
        .replace('DA-2024-0001', 'DA-2024-0002')
        .replace('一般数据', '绝密');
    const lines = text.split('\n');
    const expected = lines.findIndex((l) => l.includes('绝密'));
    const finding = onlySchema(text);
    assert.equal(finding.range.start.line, expected);
    assert.equal(finding.path, '/assets/1/securityGrade');
  });
});

describe('validate: documents that are not ours', () => {
  it('a document without apiVersion or kind is reported once, as a warning', () => {
    const finding = only('name: something else\n');
    assert.equal(finding.ruleId, 'DA-DOC-002');
    assert.equal(finding.severity, 'warning');
  });

  it('the editor leaves such documents alone', () => {
    const quiet = createStewardService({ reportForeignDocuments: false });
    assert.deepEqual(quiet.validate('x', 'name: something else\n').findings, []);
  });

  it('an unknown kind is an error at the kind', () => {
    const finding = only('apiVersion: steward/v1\nkind: DataThing\n');
    assert.equal(finding.ruleId, 'DA-DOC-003');
    assert.deepEqual(finding.range.start, { line: 1, character: 6 });
  });
});

describe('validate: incremental', () => {
  it('re-validates only the edited item, with identical findings', () => {
    const text = registerOf(40, (asset, n) => asset.replace('一般数据', n % 7 === 0 ? '秘密数据' : '一般数据'));
    const incremental = createStewardService({ incremental: true });
    const fresh = createStewardService();
    incremental.validate('x', text);
    const before = incremental.cacheStats();
    const edited = text
      .replace('DA-2024-0020', 'DA-2024-0020X')
      .replace(
        'name: 公交运行监测数据集\n    resource: R-330100-JT-0001\n    classificationCode: A08060201\n    securityGrade: 一般数据',
        'name: 公交运行监测数据集\n    resource: R-330100-JT-0001\n    classificationCode: A08060201\n    securityGrade: 一般数据\n    x-note: 新增一行',
      );
    const after = incremental.validate('x', edited).findings;
    const stats = incremental.cacheStats();
    assert.equal(stats.itemMisses - before.itemMisses, 2, 'the two edited items');
    // The edit spans items 1 to 20 (the texts differ there): the 18 unchanged ones between come from the cache,
    // the 20 after are moved without a lookup.
    assert.equal(stats.itemHits - before.itemHits, 18);
    assert.deepEqual(after, fresh.validate('x', edited).findings);
  });

  it('parsing item by item and parsing whole give the same findings on every example', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(catalog|assets)\.ya?ml$/.test(entry.name)) files.push(full);
      }
    };
    walk(path.join(ROOT, 'examples'));
    assert.ok(files.length > 10);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const options = {
        rules: RULES,
        codeTable: builtinCodeTable(),
        reportForeignDocuments: true,
        today: '2026-01-01',
      };
      const split = validateFile(parseStewardFile(file, text), options);
      const whole = validateFile(parseStewardFile(file, text, { split: false }), options);
      assert.deepEqual(split, whole, file);
    }
  });
});

describe('validate: incremental re-parsing gives exactly what a fresh parse gives', () => {
  it('after a sequence of edits anywhere in a register (in-place reuse of unchanged items)', () => {
    const item = MINIMAL_REGISTER.slice(MINIMAL_REGISTER.indexOf('  - id'));
    let text = registerOf(30);
    const incremental = createStewardService({ incremental: true, today: '2026-11-26' });
    incremental.update('x', text);
    // A deterministic walk of edits: inserts, deletions, a broken line, duplicated items, a moved item.
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const edits: Array<(t: string) => string> = [
      (t) => t.replace('name: 公交运行监测数据集', 'name: 公交运行监测数据集（修订）'),
      (t) => {
        const at = random(t.length);
        return t.slice(0, at) + 'x' + t.slice(at);
      },
      (t) => {
        const at = random(t.length - 5);
        return t.slice(0, at) + t.slice(at + 5);
      },
      (t) => t + item.replace('DA-2024-0001', 'DA-2024-0099'),
      (t) => t.replace('    securityGrade: 一般数据\n', '    securityGrade: [一般数据\n'),
      (t) => item + t.slice(0, 0) + t.replace(item, ''),
      (t) => t.replace(/\n/g, '\r\n'),
    ];
    for (let step = 0; step < 60; step++) {
      text = edits[random(edits.length)](text);
      const fresh = createStewardService({ today: '2026-11-26' });
      const a = incremental.validate('x', text);
      const b = fresh.validate('x', text);
      assert.deepEqual(a.findings, b.findings, `step ${step}`);
      assert.deepEqual(
        incremental.document('x')!.documents.map((d) => d.root),
        b.document.documents.map((d) => d.root),
        `tree at step ${step}`,
      );
    }
  });
});
