import * as assert from 'node:assert/strict';
import { createStewardService } from '../server/src/service';
import { applyFixes } from './rule-tester';
import { MINIMAL_CATALOG, MINIMAL_REGISTER } from './helpers';

function service() {
  return createStewardService({ today: '2026-11-26' });
}

function ids(findings: { ruleId: string; range: { start: { line: number; character: number } } }[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1}`);
}

const SECOND_ASSET = MINIMAL_REGISTER.slice(MINIMAL_REGISTER.indexOf('  - id')).replace('DA-2024-0001', 'DA-2024-0002');

describe('workspace: cross-file rules', () => {
  it("an asset's resource must exist in some catalog (DA-REF-001), at the resource value", () => {
    const s = service();
    s.update('a.catalog.yaml', MINIMAL_CATALOG);
    s.update('a.assets.yaml', MINIMAL_REGISTER + SECOND_ASSET.replace('R-330100-JT-0001', 'R-330100-JT-0099'));
    assert.deepEqual(ids(s.findings('a.assets.yaml')), ['DA-REF-001 20:15']);
    assert.deepEqual(ids(s.findings('a.catalog.yaml')), []);
  });

  it('is not checked when the workspace holds no catalog at all', () => {
    const s = service();
    s.update('a.assets.yaml', MINIMAL_REGISTER);
    assert.deepEqual(s.findings('a.assets.yaml'), []);
  });

  it('ids are unique across files (DA-ID-001): every definition is reported, each pointing at the others', () => {
    const s = service();
    s.update('a.assets.yaml', MINIMAL_REGISTER);
    s.update('b.assets.yaml', MINIMAL_REGISTER);
    const [inA, ...restA] = s.findings('a.assets.yaml');
    const [inB, ...restB] = s.findings('b.assets.yaml');
    assert.deepEqual([restA, restB], [[], []]);
    assert.deepEqual([inA.ruleId, inB.ruleId], ['DA-ID-001', 'DA-ID-001']);
    assert.equal(
      inA.message.en.split(' Resource and')[0],
      'Id DA-2024-0001 is defined 2 times: also at b.assets.yaml:9.',
    );
    assert.match(inB.message.en, /also at a\.assets\.yaml:9\./);
    assert.match(inB.message['zh-CN'], /共定义 2 处，另见 a\.assets\.yaml:9/);
    assert.deepEqual(inA.related, [
      {
        uri: 'b.assets.yaml',
        range: inB.range,
        message: { 'zh-CN': '标识 DA-2024-0001 的另一处定义', en: 'Another definition of DA-2024-0001' },
      },
    ]);
    assert.deepEqual(
      inB.related?.map((r) => [r.uri, r.range]),
      [['a.assets.yaml', inA.range]],
    );
    // The duplicate removed from one file: the other file's finding goes too.
    s.update('b.assets.yaml', MINIMAL_REGISTER.replace('DA-2024-0001', 'DA-2024-0002'));
    assert.deepEqual([s.findings('a.assets.yaml'), s.findings('b.assets.yaml')], [[], []]);
  });

  it('a duplicate within one file is reported at both definitions (N definitions, N findings)', () => {
    const s = service();
    s.update('a.assets.yaml', MINIMAL_REGISTER + SECOND_ASSET.replace('DA-2024-0002', 'DA-2024-0001'));
    const findings = s.findings('a.assets.yaml');
    assert.deepEqual(ids(findings), ['DA-ID-001 9:9', 'DA-ID-001 18:9']);
    assert.deepEqual(
      findings.map((f) => f.related?.map((r) => `${r.uri}:${r.range.start.line + 1}`)),
      [['a.assets.yaml:18'], ['a.assets.yaml:9']],
    );
  });

  it('an id defined many times names three others in the message, counts the rest, lists up to 20 as related', () => {
    const s = service();
    for (let i = 0; i < 25; i++) s.update(`f${String(i).padStart(2, '0')}.assets.yaml`, MINIMAL_REGISTER);
    const all = Array.from({ length: 25 }, (_, i) => s.findings(`f${String(i).padStart(2, '0')}.assets.yaml`));
    assert.deepEqual(
      all.map((f) => f.length),
      Array(25).fill(1),
    );
    const [first] = all[0];
    assert.match(
      first.message.en,
      /^Id DA-2024-0001 is defined 25 times: also at f01\.assets\.yaml:9, f02\.assets\.yaml:9, f03\.assets\.yaml:9 and 21 more places\./,
    );
    assert.match(first.message['zh-CN'], /另见 f01\.assets\.yaml:9, f02\.assets\.yaml:9, f03\.assets\.yaml:9 等 21 处/);
    assert.equal(first.related?.length, 20);
    assert.equal(first.related?.[0].uri, 'f01.assets.yaml');
  });

  it('a catalog resource no asset refers to is information (DA-REF-002), only when registers exist', () => {
    const s = service();
    const catalog =
      MINIMAL_CATALOG +
      MINIMAL_CATALOG.slice(MINIMAL_CATALOG.indexOf('  - id')).replace('R-330100-JT-0001', 'R-330100-JT-0002');
    s.update('a.catalog.yaml', catalog);
    assert.deepEqual(s.findings('a.catalog.yaml'), []);
    s.update('a.assets.yaml', MINIMAL_REGISTER);
    const findings = s.findings('a.catalog.yaml');
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.range.start.line + 1]),
      [['DA-REF-002', 'info', 27]],
    );
  });

  it("an asset graded below its resource is an error with a fix to the resource's grade (DA-SEC-001)", () => {
    const s = service();
    s.update('a.catalog.yaml', MINIMAL_CATALOG.replace('securityGrade: 一般数据', 'securityGrade: 重要数据'));
    const register = MINIMAL_REGISTER.replace('securityGrade: 一般数据', "securityGrade: '一般数据'  # 待复核");
    s.update('a.assets.yaml', register);
    const findings = s.findings('a.assets.yaml');
    assert.deepEqual(ids(findings), ['DA-SEC-001 13:20']);
    assert.equal(
      applyFixes(register, findings),
      MINIMAL_REGISTER.replace('securityGrade: 一般数据', "securityGrade: '重要数据'  # 待复核"),
    );
  });

  it("updates per file: fixing the catalog clears the asset's finding without re-reading the register", () => {
    const s = service();
    s.update('a.assets.yaml', MINIMAL_REGISTER.replace('R-330100-JT-0001', 'R-330100-JT-0002'));
    s.update('a.catalog.yaml', MINIMAL_CATALOG);
    assert.equal(s.findings('a.assets.yaml').length, 1);
    s.update('a.catalog.yaml', MINIMAL_CATALOG.replace('R-330100-JT-0001', 'R-330100-JT-0002'));
    assert.deepEqual(s.findings('a.assets.yaml'), []);
    s.remove('a.catalog.yaml');
    assert.deepEqual(s.findings('a.assets.yaml'), [], 'no catalog left: not checked');
  });

  it("a file's findings are kept as shown until the file or its cross-file findings change", () => {
    const s = service();
    s.update('a.catalog.yaml', MINIMAL_CATALOG);
    s.update('a.assets.yaml', MINIMAL_REGISTER.replace('R-330100-JT-0001', 'R-330100-JT-0002'));
    const shown = s.findings('a.assets.yaml');
    assert.deepEqual(ids(shown), ['DA-REF-001 11:15']);
    assert.equal(s.findings('a.assets.yaml'), shown, 'the same list, not waived, configured and sorted again');
    s.update('b.catalog.yaml', MINIMAL_CATALOG.replace('R-330100-JT-0001', 'R-330100-JT-0002'));
    assert.deepEqual(s.findings('a.assets.yaml'), [], 'another file changed its cross-file findings');
    s.update('a.assets.yaml', MINIMAL_REGISTER.replace('R-330100-JT-0001', 'R-330100-JT-0003'));
    assert.deepEqual(ids(s.findings('a.assets.yaml')), ['DA-REF-001 11:15'], 'the file changed');
  });

  it('related resources must exist (DA-REF-003)', () => {
    const s = service();
    s.update(
      'a.catalog.yaml',
      MINIMAL_CATALOG.replace('    opening:', '    relatedResources: [R-330100-JT-0404]\n    opening:'),
    );
    assert.deepEqual(ids(s.findings('a.catalog.yaml')), ['DA-REF-003 25:24']);
  });
});

describe('workspace: waivers', () => {
  const bad = MINIMAL_REGISTER.replace('R-330100-JT-0001', 'R-330100-JT-0099');
  function check(register: string, today = '2026-11-26') {
    const s = createStewardService({ today });
    s.update('a.catalog.yaml', MINIMAL_CATALOG);
    s.update('a.assets.yaml', register);
    return s.findings('a.assets.yaml');
  }

  it('disable-next-line with a reason waives the finding on the next line', () => {
    const text = bad.replace(
      '    resource:',
      '    # steward-disable-next-line DA-REF-001 -- 目录资源正在补录\n    resource:',
    );
    assert.deepEqual(check(text), []);
  });

  it('disable-line on the same line, several ids, and blocks with enable', () => {
    assert.deepEqual(
      check(
        bad.replace('R-330100-JT-0099', 'R-330100-JT-0099  # steward-disable-line DA-REF-001, DA-SEC-001 -- 补录中'),
      ),
      [],
    );
    const block =
      bad.replace('assets:\n', 'assets:\n# steward-disable DA-REF-001 -- 整批待补录\n') +
      '# steward-enable DA-REF-001\n';
    assert.deepEqual(check(block), []);
  });

  it('a waiver after its until date lapses: the finding returns with a note', () => {
    const text = bad.replace(
      '    resource:',
      '    # steward-disable-next-line DA-REF-001 until 2026-06-30 -- 年中前补录\n    resource:',
    );
    assert.deepEqual(check(text, '2026-06-30'), []);
    const [finding] = check(text, '2026-07-01');
    assert.equal(finding.ruleId, 'DA-REF-001');
    assert.match(finding.message.en, /waiver expired on 2026-06-30/);
    assert.match(finding.message['zh-CN'], /豁免已于 2026-06-30 到期/);
  });

  it('a waiver without a reason is itself an error (and still waives)', () => {
    const text = bad.replace('    resource:', '    # steward-disable-next-line DA-REF-001\n    resource:');
    assert.deepEqual(ids(check(text)), ['DA-WAIVER-001 11:5']);
  });

  it('an unused waiver and an unknown rule id are reported at the comment', () => {
    const text = MINIMAL_REGISTER.replace(
      '    resource:',
      '    # steward-disable-next-line DA-REF-001 -- 无用\n    resource:',
    ).replace('    name:', '    # steward-disable-next-line DA-NOPE-001 -- 笔误\n    name:');
    assert.deepEqual(ids(check(text)).sort(), ['DA-WAIVER-002 12:5', 'DA-WAIVER-003 10:5'].sort());
  });

  it('a malformed until date is reported', () => {
    const text = bad.replace(
      '    resource:',
      '    # steward-disable-next-line DA-REF-001 until 2026-13-01 -- 原因\n    resource:',
    );
    assert.deepEqual(ids(check(text)), ['DA-WAIVER-003 11:5', 'DA-REF-001 12:15']);
  });
});
