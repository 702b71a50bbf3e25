import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { createStewardService } from '../server/src/service';
import { applyConfig, parseConfig, settingFor } from '../server/src/service/config';
import type { Finding } from '../server/src/service/types';
import { runCli, tempDir, jsonReport, MINIMAL_REGISTER } from './helpers';

const known = (id: string) => createStewardService().isKnownRule(id);

describe('config: steward.config.yaml', () => {
  it('reads severities, overrides, code table, files, unit type and locale', () => {
    const { config, findings } = parseConfig(
      `rules:
  DA-CODE-002: error
  DA-REF-002: off
overrides:
  - files: ["legacy/**"]
    rules: { DA-CODE-004: warning }
codeTable: codes/official.csv
files: ["units/**/*.yaml"]
unitType: 事业单位
locale: en
`,
      'steward.config.yaml',
      known,
    );
    assert.deepEqual(findings, []);
    assert.equal(settingFor(config, 'DA-CODE-002', 'a.assets.yaml'), 'error');
    assert.equal(settingFor(config, 'DA-CODE-004', 'legacy/x.assets.yaml'), 'warning');
    assert.equal(settingFor(config, 'DA-CODE-004', 'new/x.assets.yaml'), undefined);
    assert.equal(config.codeTable, 'codes/official.csv');
    assert.deepEqual(config.files, ['units/**/*.yaml']);
    assert.equal(config.unitType, '事业单位');
    assert.equal(config.locale, 'en');
  });

  it('reports bad values and unknown rules at their place', () => {
    const { findings } = parseConfig('rules:\n  DA-CODE-002: loud\n  DA-NOPE-001: off\nlocale: fr\n', 'c.yaml', known);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.range.start.line + 1, f.range.start.character + 1]),
      [
        ['DA-SCHEMA-003', 2, 16],
        ['DA-SCHEMA-003', 4, 9],
        ['DA-CONFIG-001', 3, 3],
      ],
    );
  });

  it('applies off and severity changes', () => {
    const finding = (ruleId: string): Finding => ({
      ruleId,
      severity: 'warning',
      message: { 'zh-CN': 'x', en: 'x' },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    });
    const { config } = parseConfig('rules:\n  DA-CODE-002: error\n  DA-REF-002: off\n', 'c.yaml', known);
    assert.deepEqual(
      applyConfig([finding('DA-CODE-002'), finding('DA-REF-002'), finding('DA-UNIT-002')], config, 'a.yaml').map(
        (f) => [f.ruleId, f.severity],
      ),
      [
        ['DA-CODE-002', 'error'],
        ['DA-UNIT-002', 'warning'],
      ],
    );
  });
});

describe('config: the CLI finds and uses it', () => {
  const warning = MINIMAL_REGISTER.replace('A08060201', 'A08060301');

  it('walks up from the working directory; overrides match paths relative to the config', () => {
    const dir = tempDir({
      'steward.config.yaml':
        'rules:\n  DA-CODE-002: error\noverrides:\n  - files: ["legacy/**"]\n    rules: { DA-CODE-002: off }\n',
      'units/a.assets.yaml': warning,
      'legacy/b.assets.yaml': warning.replace('DA-2024-0001', 'DA-2024-0002'),
    });
    const run = runCli(['validate', '--format', 'json'], { cwd: path.join(dir, 'units') });
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(
      jsonReport(run).files.map((f) => [f.path, f.findings.map((x) => `${x.ruleId}:${x.severity}`)]),
      [['a.assets.yaml', ['DA-CODE-002:error']]],
    );
    const all = runCli(['validate', '.', '--format', 'json'], { cwd: dir });
    assert.deepEqual(
      jsonReport(all).files.map((f) => [f.path, f.findings.map((x) => `${x.ruleId}:${x.severity}`)]),
      [
        ['legacy/b.assets.yaml', []],
        ['units/a.assets.yaml', ['DA-CODE-002:error']],
      ],
    );
  });

  it('--config names another file; its locale applies unless --locale is given', () => {
    const dir = tempDir({ 'conf/steward.yaml': 'locale: zh-CN\n', 'a.assets.yaml': warning });
    assert.match(runCli(['validate', '--config', 'conf/steward.yaml'], { cwd: dir }).stdout, /警告/);
    assert.match(
      runCli(['validate', '--config', 'conf/steward.yaml', '--locale', 'en'], { cwd: dir }).stdout,
      /warning/,
    );
  });

  it('an invalid configuration is a usage error listing its problems with positions', () => {
    const dir = tempDir({ 'steward.config.yaml': 'rules:\n  DA-CODE-002: loud\n', 'a.assets.yaml': MINIMAL_REGISTER });
    const run = runCli(['validate'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /steward\.config\.yaml:2:16: error/);
  });
});

describe('cli: rules and explain', () => {
  it('steward rules lists every rule with its clause', () => {
    const rules = JSON.parse(runCli(['rules', '--format', 'json']).stdout) as { id: string; clause: string }[];
    assert.ok(rules.some((r) => r.id === 'DA-AUTH-001' && r.clause.includes('(4)')));
    assert.ok(rules.every((r) => r.clause.length > 0));
    assert.equal(new Set(rules.map((r) => r.id)).size, rules.length);
  });

  it("steward explain prints the rule's docs in the chosen language", () => {
    const zh = runCli(['explain', 'DA-AUTH-001', '--locale', 'zh-CN']);
    assert.equal(zh.code, 0);
    assert.match(zh.stdout, /依据：财资〔2024〕1号 \(4\)/);
    assert.match(zh.stdout, /```yaml/);
    assert.match(runCli(['explain', 'da-auth-001', '--locale', 'en']).stdout, /Basis: 财资〔2024〕1号 \(4\)/);
    assert.equal(runCli(['explain', 'DA-NOPE-999']).code, 2);
  });
});

describe('config: opt-in rules and the document date', () => {
  it('an opt-in rule runs only when the configuration gives it a severity', () => {
    const text = MINIMAL_REGISTER;
    assert.deepEqual(
      createStewardService()
        .validate('a.yaml', text)
        .findings.map((f) => f.ruleId),
      [],
    );
    const { config } = parseConfig('rules:\n  DA-UNIT-004: warning\n', 'c.yaml', known);
    const findings = createStewardService({ config }).validate('a.yaml', text).findings;
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity]),
      [['DA-UNIT-004', 'warning']],
    );
  });

  it('asOf makes date-dependent rules give the same findings on any day', () => {
    const expiring =
      MINIMAL_REGISTER +
      `    authorizations:
      - entity: 某市大数据运营有限公司
        rights: [数据加工使用权]
        period: { start: 2024-06-01, end: 2025-05-31 }
        securityAssessment: { ref: AQPG-2024-03, date: 2024-05-10 }
        approval: { ref: 某财资〔2024〕56号 }
`;
    const later = createStewardService({ today: '2026-11-26' });
    assert.deepEqual(
      later.validate('a.yaml', expiring).findings.map((f) => f.ruleId),
      ['DA-AUTH-008'],
    );
    const asOf = expiring.replace('kind: DataAssetRegister\n', 'kind: DataAssetRegister\nasOf: 2024-12-31\n');
    assert.deepEqual(later.validate('a.yaml', asOf).findings, []);
  });
});
