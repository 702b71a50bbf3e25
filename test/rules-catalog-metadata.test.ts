import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { recommendedMetadataRule } from '../server/src/service/rules/catalog/recommended-catalog-metadata';
import { relatedResourcesRule } from '../server/src/service/rules/catalog/distinct-related-resources';
import { futureReleaseRule } from '../server/src/service/rules/catalog/no-future-release-date';
import { createStewardService } from '../server/src/service';
import { catalog, register, ruleFindings, ruleTester } from './rule-tester';
import { ROOT } from './helpers';
import type { Rule } from '../server/src/service/rules/rule';
import { ruleCitation } from '../server/src/service/rules/report';

const CATALOG_RULES: Rule[] = [recommendedMetadataRule, relatedResourcesRule, futureReleaseRule];

/** A resource with every recommended field: lines 9–21, `releaseDate` on line 21. */
const FULL = `  - id: R-330100-JT-0001
    name: 公交车辆实时位置数据
    abstract: 全市公交车辆车载终端上报的实时位置。
    provider: 某市交通运输局
    format: 接口（JSON）
    informationItems:
      - { name: 车辆自编号, dataType: 字符型 }
    updateCycle: 实时
    securityGrade: 一般数据
    secrecy: 非涉密
    sharing: { type: 有条件共享, conditions: 仅向应急管理部门共享 }
    opening: { type: 不予开放 }
    releaseDate: 2024-03-15
`;

/** Only what the schema requires (the contract's minimum): lines 9–14. */
const MINIMAL = `  - id: R-330100-JT-0002
    name: 公交线路与站点数据
    securityGrade: 一般数据
    secrecy: 非涉密
    sharing: { type: 无条件共享 }
    opening: { type: 无条件开放 }
`;

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

/** FULL with `relatedResources` lines (from line 22). */
function related(lines: string): string {
  return catalog(`${FULL}${lines}`);
}

// ------------------------------------------------------------------------------------------------ DA-CAT-001

ruleTester(recommendedMetadataRule, {
  valid: [
    { name: 'every recommended field present', code: catalog(FULL) },
    { name: 'a register is not checked', code: register('  - id: DA-2024-0001\n    name: 公交运行监测数据集\n') },
  ],
  invalid: [
    {
      name: "the contract's minimum: one finding at the first key, listing all six fields",
      code: catalog(MINIMAL),
      errors: [{ messageId: 'missing', line: 9, column: 5, severity: 'info' }],
    },
    {
      name: 'an empty abstract and an empty list of information items count as missing; only the second resource',
      code: catalog(`${FULL}  # 第二项
  - id: R-330100-JT-0003
    name: 巡游出租汽车营运数据
    abstract:
    provider: 某市交通运输局
    format: 数据库
    informationItems: []
    updateCycle: 每日
    releaseDate: 2024-03-15
`),
      errors: [{ messageId: 'missing', line: 23, column: 5, severity: 'info' }],
    },
    {
      name: 'a flow resource: at its first key; CRLF',
      code: crlf(
        catalog(
          `  - { id: R-330100-JT-0004, name: 公共停车场泊位动态数据, abstract: 泊位数据, provider: 某市交通运输局, format: 接口, updateCycle: 实时 }\n`,
        ),
      ),
      errors: [{ messageId: 'missing', line: 9, column: 7, severity: 'info' }],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-CAT-002

ruleTester(relatedResourcesRule, {
  valid: [
    {
      name: 'other resources, each once',
      code: related('    relatedResources: [R-330100-JT-0002, R-330100-JT-0003]\n'),
    },
    { name: 'an empty list', code: related('    relatedResources: []\n') },
    {
      name: 'a block list',
      code: related('    relatedResources:\n      - R-330100-JT-0002\n      - R-330100-JT-0003\n'),
    },
  ],
  invalid: [
    {
      name: 'the resource lists itself: no fix (the id meant is unknown)',
      code: related('    relatedResources: [R-330100-JT-0001]\n'),
      errors: [{ messageId: 'self', line: 22, column: 24, severity: 'warning' }],
    },
    {
      name: 'a repeated id in a flow list is removed with its separator',
      code: related('    relatedResources: [R-330100-JT-0002, R-330100-JT-0003, R-330100-JT-0002]   # 线路、站点\n'),
      errors: [{ messageId: 'duplicate', line: 22, column: 60, severity: 'warning' }],
      output: related('    relatedResources: [R-330100-JT-0002, R-330100-JT-0003]   # 线路、站点\n'),
    },
    {
      name: 'an id three times: both repeats removed',
      code: related('    relatedResources: [R-330100-JT-0002, R-330100-JT-0002, R-330100-JT-0002]\n'),
      errors: [
        { messageId: 'duplicate', line: 22, column: 42, severity: 'warning' },
        { messageId: 'duplicate', line: 22, column: 60, severity: 'warning' },
      ],
      output: related('    relatedResources: [R-330100-JT-0002]\n'),
    },
    {
      name: 'itself and a repeat: both reported, only the repeat fixed',
      code: related('    relatedResources: [R-330100-JT-0001, R-330100-JT-0002, R-330100-JT-0002]\n'),
      errors: [
        { messageId: 'self', line: 22, column: 24, severity: 'warning' },
        { messageId: 'duplicate', line: 22, column: 60, severity: 'warning' },
      ],
      output: related('    relatedResources: [R-330100-JT-0001, R-330100-JT-0002]\n'),
    },
    {
      name: 'a repeated line of a block list is removed, the other comments kept; CRLF',
      code: crlf(
        related(`    relatedResources:
      - R-330100-JT-0002   # 线路站点
      # 客流
      - R-330100-JT-0005
      - R-330100-JT-0002   # 重复
    x-note: 关联资源由规划处提供
`),
      ),
      errors: [{ messageId: 'duplicate', line: 26, column: 9, severity: 'warning' }],
      output: crlf(
        related(`    relatedResources:
      - R-330100-JT-0002   # 线路站点
      # 客流
      - R-330100-JT-0005
    x-note: 关联资源由规划处提供
`),
      ),
    },
    {
      name: 'a flow list over lines with a comment in the way: reported without a fix',
      code: related(`    relatedResources: [
      R-330100-JT-0002,   # 线路站点
      R-330100-JT-0002
    ]
`),
      errors: [{ messageId: 'duplicate', line: 24, column: 7, severity: 'warning' }],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-CAT-003

ruleTester(futureReleaseRule, {
  valid: [
    { name: 'released in the past', code: catalog(FULL) },
    { name: 'released today', code: catalog(FULL.replace('2024-03-15', '2026-11-26')) },
    { name: 'not a date (the schema reports it)', code: catalog(FULL.replace('2024-03-15', '待填写')) },
    { name: 'no release date', code: catalog(MINIMAL) },
  ],
  invalid: [
    {
      name: 'a mistyped year',
      code: catalog(FULL.replace('2024-03-15', '2204-03-15')),
      errors: [{ messageId: 'future', line: 21, column: 18, severity: 'warning' }],
    },
    {
      name: 'tomorrow, quoted; CRLF',
      code: crlf(catalog(FULL.replace('2024-03-15', '"2026-11-27"'))),
      errors: [{ messageId: 'future', line: 21, column: 18, severity: 'warning' }],
    },
  ],
});

ruleTester(
  futureReleaseRule,
  {
    valid: [
      {
        name: 'with today 2024-03-14 a release that day is not in the future',
        code: catalog(FULL.replace('2024-03-15', '2024-03-14')),
      },
    ],
    invalid: [
      {
        name: 'with today 2024-03-14 the release date is in the future',
        code: catalog(FULL),
        errors: [{ messageId: 'future', line: 21, column: 18, severity: 'warning' }],
      },
    ],
  },
  { today: '2024-03-14' },
);

// ------------------------------------------------------------------------------------------------ the family

const TODAY = '2026-11-26';

/** A docs example (a `resources:` fragment) as a full catalog. */

describe('catalog metadata rules (发改高技〔2017〕1272号)', () => {
  it('declares ids, severities and the schema paths it replaces', () => {
    assert.deepEqual(
      CATALOG_RULES.map((rule) => [
        rule.meta.id,
        rule.meta.severity,
        ruleCitation(rule.meta),
        rule.meta.replacesSchemaAt ?? [],
      ]),
      [
        ['DA-CAT-001', 'info', '发改高技〔2017〕1272号', []],
        ['DA-CAT-002', 'warning', '发改高技〔2017〕1272号', ['/resources/*/relatedResources']],
        ['DA-CAT-003', 'warning', '发改高技〔2017〕1272号', []],
      ],
    );
  });

  it('DA-CAT-001 lists the missing fields in each language, and their keys in data', () => {
    const [finding] = ruleFindings(recommendedMetadataRule, catalog(MINIMAL));
    assert.equal(
      finding.message['zh-CN'],
      '资源“公交线路与站点数据”缺少目录编制指南推荐的核心元数据：摘要（abstract）、提供方（provider）、更新周期（updateCycle）、格式（format）、发布日期（releaseDate）、信息项（informationItems）。补齐后便于共享开放和资产清查',
    );
    assert.equal(
      finding.message.en,
      'Resource "公交线路与站点数据" lacks core metadata the catalog guide recommends: abstract, provider, updateCycle, format, releaseDate, informationItems. Filling them in helps sharing, opening and the asset inventory',
    );
    assert.deepEqual(finding.data?.missing, [
      'abstract',
      'provider',
      'updateCycle',
      'format',
      'releaseDate',
      'informationItems',
    ]);
    assert.equal(finding.path, '/resources/0');
    const [partial] = ruleFindings(
      recommendedMetadataRule,
      catalog(FULL.replace(/\n {4}format:.*/, '').replace(/\n {4}releaseDate:.*/, '')),
    );
    assert.deepEqual(partial.data?.missing, ['format', 'releaseDate']);
  });

  it("DA-CAT-002 replaces the schema's duplicate-items error with its warning", () => {
    const text = related('    relatedResources: [R-330100-JT-0002, R-330100-JT-0002]\n');
    const schemaOnly = createStewardService({ rules: [], workspaceRules: [], today: TODAY }).validate(
      'a.catalog.yaml',
      text,
    ).findings;
    assert.deepEqual(
      schemaOnly.filter((f) => f.path === '/resources/0/relatedResources').map((f) => [f.ruleId, f.severity]),
      [['DA-SCHEMA-007', 'error']],
    );
    const findings = createStewardService({ rules: [relatedResourcesRule], workspaceRules: [], today: TODAY }).validate(
      'a.catalog.yaml',
      text,
    ).findings;
    assert.deepEqual(
      findings.filter((f) => f.path === '/resources/0/relatedResources').map((f) => [f.ruleId, f.severity]),
      [['DA-CAT-002', 'warning']],
    );
  });

  it('the example unit gives no finding of these rules (DA-CAT-001 included: every resource has the recommended metadata)', () => {
    const service = createStewardService({ rules: CATALOG_RULES, today: TODAY });
    const ids = new Set(CATALOG_RULES.map((rule) => rule.meta.id));
    const dir = path.join(ROOT, 'examples', 'transport-bureau');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    assert.ok(files.includes('transport.catalog.yaml'));
    for (const file of files) {
      const findings = service
        .validate(file, fs.readFileSync(path.join(dir, file), 'utf8'))
        .findings.filter((f) => ids.has(f.ruleId));
      assert.deepEqual(
        findings.map((f) => `${file}:${f.range.start.line + 1} ${f.message.en}`),
        [],
      );
    }
  });
});
