import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createStewardService } from '../server/src/service';
import { ROOT } from './helpers';

/** What each invalid example must produce: the rule id and a text found on the line it points at. */
const EXPECTED: Record<string, [ruleId: string, lineContains: string]> = {
  'bad-date.catalog.yaml': ['DA-SCHEMA-005', '2024-02-30'],
  'bad-id-pattern.catalog.yaml': ['DA-SCHEMA-005', 'r-330100-jt-9112'],
  'code-2010-edition.assets.yaml': ['DA-CODE-004', 'classificationCode: 2010000'],
  'code-not-a08.assets.yaml': ['DA-CODE-003', 'classificationCode: A02010100'],
  'code-not-data-branch.assets.yaml': ['DA-CODE-002', 'classificationCode: A08060301'],
  'code-unknown.assets.yaml': ['DA-CODE-001', 'classificationCode: A08060299'],
  'disposal-without-approval.assets.yaml': ['DA-DISP-002', 'disposal:'],
  'duplicate-key.catalog.yaml': ['DA-YAML-002', 'name:'],
  'guarantee.assets.yaml': ['DA-AUTH-006', 'guarantee:'],
  'missing-required.catalog.yaml': ['DA-SCHEMA-001', '- id: R-'],
  'no-sharing-without-basis.catalog.yaml': ['DA-SHARE-001', 'sharing:'],
  'paid-without-fee.assets.yaml': ['DA-AUTH-003', '- entity:'],
  'personal-info-without-basis.catalog.yaml': ['DA-PI-001', 'personalInformation:'],
  'purchase-without-budget.assets.yaml': ['DA-ACQ-001', 'acquisition:'],
  'tab-indent.catalog.yaml': ['DA-YAML-003', '\t'],
  'top-level-not-mapping.catalog.yaml': ['DA-YAML-004', '- apiVersion'],
  'unexpected-property.catalog.yaml': ['DA-SCHEMA-002', 'relatedResoures:'],
  'unit-code-bad-check.catalog.yaml': ['DA-UNIT-001', 'code: 113301000025391738'],
  'unit-code-kind-mismatch.catalog.yaml': ['DA-UNIT-002', 'code: 123301004703621533'],
  'wrong-enum.catalog.yaml': ['DA-SCHEMA-003', 'securityGrade: 普通数据'],
  'wrong-type.catalog.yaml': ['DA-SCHEMA-004', 'contains: 否'],
  'yaml-syntax-error.catalog.yaml': ['DA-YAML-001', '注: '],
  'classified-opened.catalog.yaml': ['DA-OPEN-001', 'type: 有条件开放'],
  'related-to-itself.catalog.yaml': ['DA-CAT-002', 'relatedResources: [R-330100-JT-9122]'],
  'unknown-resource.assets.yaml': ['DA-REF-001', 'resource: R-330100-JT-0999'],
  'duplicate-id.assets.yaml': ['DA-ID-001', '- id: DA-2024-9225'],
  'grade-below-resource.assets.yaml': ['DA-SEC-001', 'securityGrade: 一般数据'],
  'waiver-without-reason.assets.yaml': ['DA-WAIVER-001', '# steward-disable-next-line DA-REF-001'],
  'revenue-not-non-tax.assets.yaml': ['DA-REV-001', 'handling: 事业收入'],
  'important-data-unprotected.assets.yaml': ['DA-SEC-002', 'security:'],
  'placeholder-left.assets.yaml': ['DA-TODO-001', 'cardNumber: 待填写'],
  // Issue 15: the grave cases that passed silently, and the 2025 regulations.
  'core-data-authorized.assets.yaml': ['DA-AUTH-010', 'authorizations:'],
  'paid-fee-zero.assets.yaml': ['DA-AUTH-011', 'fee: { amount: 0'],
  'authorization-after-disposal.assets.yaml': ['DA-AUTH-012', 'end: 2029-06-30'],
  'public-welfare-charged.assets.yaml': ['DA-AUTH-013', 'purpose: 公益事业'],
  'sale-without-valuation.assets.yaml': ['DA-DISP-007', 'disposal:'],
  'revenue-before-authorization.assets.yaml': ['DA-REV-005', 'year: 2023'],
  'reporting-years-missing.assets.yaml': ['DA-RPT-001', 'years: [2024]'],
  'important-data-level-one.assets.yaml': ['DA-SEC-004', 'protectionLevel: 第一级'],
  'no-public-data-registration.assets.yaml': ['DA-REG-002', 'authorizations:'],
  'work-secret-opened.catalog.yaml': ['DA-OPEN-005', 'type: 有条件开放'],
  'classified-graded.catalog.yaml': ['DA-SEC-005', 'securityGrade: 重要数据'],
};

const UNIT = path.join(ROOT, 'examples', 'transport-bureau');
const UNIT_FILES = fs.readdirSync(UNIT).filter((f) => /\.(catalog|assets)\.yaml$/.test(f));

/** A service holding the example unit, so that references from an invalid example resolve as in a workspace. */
function unitService() {
  const service = createStewardService({ reportForeignDocuments: true, today: '2026-11-26' });
  for (const file of UNIT_FILES) service.update(file, fs.readFileSync(path.join(UNIT, file), 'utf8'));
  return service;
}

describe('examples: the engine on the bundled examples', () => {
  it('the example unit is clean, cross-file rules included', () => {
    assert.ok(UNIT_FILES.length >= 2);
    const service = unitService();
    for (const file of UNIT_FILES) assert.deepEqual(service.findings(file), [], file);
  });

  const dir = path.join(ROOT, 'examples', 'invalid');
  it('every invalid example is listed here', () => {
    assert.deepEqual(fs.readdirSync(dir).sort(), Object.keys(EXPECTED).sort());
  });

  for (const [file, [ruleId, lineContains]] of Object.entries(EXPECTED)) {
    it(`${file}: only ${ruleId}, on the offending line, explained in both languages`, () => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      assert.match(text.split('\n')[0], /^# 错误：/);
      // These one-problem catalogs define resources no asset uses, which DA-REF-002 notes as information.
      const findings = unitService()
        .validate(file, text)
        .findings.filter((f) => f.ruleId !== 'DA-REF-002');
      // A duplicated id is reported at each of its definitions: two here, the first pointing at the second.
      const times = ruleId === 'DA-ID-001' ? 2 : 1;
      assert.deepEqual(
        findings.map((f) => f.ruleId),
        Array(times).fill(ruleId),
      );
      const [finding] = findings;
      const line = text.split(/\r?\n/)[finding.range.start.line];
      assert.ok(line.includes(lineContains), `line ${finding.range.start.line + 1}: ${JSON.stringify(line)}`);
      assert.ok(finding.message['zh-CN'].length > 0 && finding.message.en.length > 0);
      assert.notEqual(finding.message['zh-CN'], finding.message.en);
      assert.ok(finding.clause, 'cites a clause or standard');
    });
  }
});
