import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { legalBasisRule } from '../server/src/service/rules/personal-information/personal-information-needs-legal-basis';
import { processingAuthorityRule } from '../server/src/service/rules/personal-information/personal-information-needs-authority';
import { personalInformationOpenedRule } from '../server/src/service/rules/personal-information/personal-information-not-opened-freely';
import { notSharedBasisRule } from '../server/src/service/rules/sharing-opening/not-shared-needs-basis';
import { conditionalSharingRule } from '../server/src/service/rules/sharing-opening/conditional-sharing-needs-conditions';
import { classifiedOpenedRule } from '../server/src/service/rules/sharing-opening/no-opening-classified-data';
import { classifiedSharedFreelyRule } from '../server/src/service/rules/sharing-opening/no-free-sharing-of-classified-data';
import { gradeScopeRule } from '../server/src/service/rules/sharing-opening/opening-and-sharing-within-grade';
import { conditionalOpeningRule } from '../server/src/service/rules/sharing-opening/conditional-opening-needs-conditions';
import { createStewardService } from '../server/src/service';
import { applyFixes, catalog, register, ruleFindings, ruleTester } from './rule-tester';
import { ROOT } from './helpers';
import type { Rule } from '../server/src/service/rules/rule';
import { ruleCitation } from '../server/src/service/rules/report';

const PI_RULES: Rule[] = [legalBasisRule, processingAuthorityRule, personalInformationOpenedRule];
const SHARING_RULES: Rule[] = [
  notSharedBasisRule,
  conditionalSharingRule,
  classifiedOpenedRule,
  classifiedSharedFreelyRule,
  gradeScopeRule,
  conditionalOpeningRule,
];

/** A resource on lines 9–12; `rest` starts on line 13. */
function resource(rest: string, id = 'R-330100-JT-0011', name = '公交IC卡实名登记数据'): string {
  return `  - id: ${id}
    name: ${name}
    securityGrade: 重要数据
    secrecy: 非涉密
${rest}`;
}

const BASIS = '      legalBasis: 《个人信息保护法》第十三条第一款第三项\n';
const AUTHORITY = '      processingAuthority: 客运管理处在公交卡实名管理职责范围内处理\n';
const SHARED = '    sharing: { type: 有条件共享, conditions: 仅向公安机关依法调取时提供 }\n';
const NOT_OPENED = '    opening: { type: 不予开放 }\n';

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

// ------------------------------------------------------------------------------------------------ DA-PI-001

ruleTester(legalBasisRule, {
  valid: [
    {
      name: 'personal information with basis and authority',
      code: catalog(
        resource(`    personalInformation:\n      contains: true\n${BASIS}${AUTHORITY}${SHARED}${NOT_OPENED}`),
      ),
    },
    {
      name: 'a flow block with its basis',
      code: catalog(
        resource(
          `    personalInformation: { contains: true, legalBasis: 《个人信息保护法》第二十六条, processingAuthority: 路网监测中心 }\n${SHARED}${NOT_OPENED}`,
        ),
      ),
    },
    {
      name: 'near miss: no personal information needs no basis',
      code: catalog(resource(`    personalInformation:\n      contains: false\n${SHARED}${NOT_OPENED}`)),
    },
    {
      name: "near miss: contains written as text is the schema's type error",
      code: catalog(resource(`    personalInformation: { contains: "true" }\n${SHARED}${NOT_OPENED}`)),
    },
    { name: 'no personalInformation block at all', code: catalog(resource(`${SHARED}${NOT_OPENED}`)) },
    {
      name: 'a register is not checked',
      code: register(`  - id: DA-2024-0001\n    name: 甲\n    personalInformation: { contains: true }\n`),
    },
  ],
  invalid: [
    {
      name: 'a block without basis: it goes after the last entry, comments kept',
      code: catalog(
        resource(`    personalInformation:
      contains: true      # 含持卡人姓名、证件号码
${AUTHORITY}${SHARED}${NOT_OPENED}`),
      ),
      errors: [{ messageId: 'missing', line: 13, column: 5 }],
      output: catalog(
        resource(`    personalInformation:
      contains: true      # 含持卡人姓名、证件号码
${AUTHORITY}      legalBasis: 待填写
${SHARED}${NOT_OPENED}`),
      ),
    },
    {
      name: 'a flow block gains the basis inside its braces',
      code: catalog(
        resource(
          `    personalInformation: { contains: true, sensitive: false, processingAuthority: 客运管理处 }\n${SHARED}${NOT_OPENED}`,
        ),
      ),
      errors: [{ messageId: 'missing', line: 13, column: 5 }],
      output: catalog(
        resource(
          `    personalInformation: { contains: true, sensitive: false, processingAuthority: 客运管理处, legalBasis: 待填写 }\n${SHARED}${NOT_OPENED}`,
        ),
      ),
    },
    {
      name: 'an empty basis key is filled in place, its comment and CRLF kept',
      code: crlf(
        catalog(
          resource(`    personalInformation:
      contains: true
      legalBasis:     # 待法规处确认
${AUTHORITY}${SHARED}${NOT_OPENED}`),
        ),
      ),
      errors: [{ messageId: 'missing', line: 13, column: 5 }],
      output: crlf(
        catalog(
          resource(`    personalInformation:
      contains: true
      legalBasis: 待填写     # 待法规处确认
${AUTHORITY}${SHARED}${NOT_OPENED}`),
        ),
      ),
    },
    {
      name: 'only the resource that lacks the basis is reported, on its own line',
      code: catalog(
        resource(`    personalInformation:\n      contains: true\n${BASIS}${AUTHORITY}${SHARED}${NOT_OPENED}`) +
          resource(
            `    personalInformation:\n      contains: true\n${AUTHORITY}${SHARED}${NOT_OPENED}`,
            'R-330100-JT-0012',
            '公交IC卡挂失记录',
          ),
      ),
      errors: [{ messageId: 'missing', line: 23, column: 5 }],
      output: catalog(
        resource(`    personalInformation:\n      contains: true\n${BASIS}${AUTHORITY}${SHARED}${NOT_OPENED}`) +
          resource(
            `    personalInformation:\n      contains: true\n${AUTHORITY}      legalBasis: 待填写\n${SHARED}${NOT_OPENED}`,
            'R-330100-JT-0012',
            '公交IC卡挂失记录',
          ),
      ),
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-PI-002

ruleTester(processingAuthorityRule, {
  valid: [
    {
      name: 'personal information with basis and authority',
      code: catalog(
        resource(`    personalInformation:\n      contains: true\n${BASIS}${AUTHORITY}${SHARED}${NOT_OPENED}`),
      ),
    },
    {
      name: "near miss: the basis alone is DA-PI-001's business only when it is missing",
      code: catalog(resource(`    personalInformation: { contains: false, legalBasis: 无 }\n${SHARED}${NOT_OPENED}`)),
    },
  ],
  invalid: [
    {
      name: 'a block without authority, CRLF kept',
      code: crlf(catalog(resource(`    personalInformation:\n      contains: true\n${BASIS}${SHARED}${NOT_OPENED}`))),
      errors: [{ messageId: 'missing', line: 13, column: 5 }],
      output: crlf(
        catalog(
          resource(
            `    personalInformation:\n      contains: true\n${BASIS}      processingAuthority: 待填写\n${SHARED}${NOT_OPENED}`,
          ),
        ),
      ),
    },
    {
      name: 'a flow block without authority',
      code: catalog(
        resource(
          `    personalInformation: { contains: true, legalBasis: 《个人信息保护法》第十三条 }   # 实名制\n${SHARED}${NOT_OPENED}`,
        ),
      ),
      errors: [{ messageId: 'missing', line: 13, column: 5 }],
      output: catalog(
        resource(
          `    personalInformation: { contains: true, legalBasis: 《个人信息保护法》第十三条, processingAuthority: 待填写 }   # 实名制\n${SHARED}${NOT_OPENED}`,
        ),
      ),
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-PI-003

/** Personal information with its basis and authority (lines 13–16); `sensitive` adds a line. */
function personal(sensitive = false): string {
  return `    personalInformation:\n      contains: true\n${sensitive ? '      sensitive: true\n' : ''}${BASIS}${AUTHORITY}`;
}

ruleTester(personalInformationOpenedRule, {
  valid: [
    { name: 'personal information not opened', code: catalog(resource(`${personal(true)}${SHARED}${NOT_OPENED}`)) },
    {
      name: 'opened on stated conditions',
      code: catalog(
        resource(
          `${personal()}${SHARED}    opening:\n      type: 有条件开放\n      conditions: 仅开放去标识化后的统计结果\n`,
        ),
      ),
    },
    {
      name: 'near miss: no personal information may be opened freely',
      code: catalog(
        resource(
          `    personalInformation: { contains: false }\n    sharing: { type: 无条件共享 }\n    opening: { type: 无条件开放 }\n`,
        ),
      ),
    },
    {
      name: 'near miss: non-sensitive personal information shared unconditionally',
      code: catalog(resource(`${personal()}    sharing: { type: 无条件共享 }\n${NOT_OPENED}`)),
    },
    {
      name: 'near miss: sensitive, but not flagged true',
      code: catalog(
        resource(
          `    personalInformation: { contains: true, sensitive: false, legalBasis: 甲, processingAuthority: 乙 }\n    sharing: { type: 无条件共享 }\n${NOT_OPENED}`,
        ),
      ),
    },
    {
      name: 'a register is not checked',
      code: register(
        `  - id: DA-2024-0001\n    name: 甲\n    personalInformation: { contains: true }\n    opening: { type: 无条件开放 }\n`,
      ),
    },
  ],
  invalid: [
    {
      name: 'personal information opened unconditionally: an error at the open type, no fix',
      code: catalog(resource(`${personal()}${SHARED}    opening:\n      type: 无条件开放   # 公益出行服务\n`)),
      errors: [{ messageId: 'openedFreely', line: 19, column: 13 }],
    },
    {
      name: 'opened on conditions that are not stated: a warning, no fix (DA-OPEN-004 offers one)',
      code: catalog(resource(`${personal()}${SHARED}    opening: { type: 有条件开放 }\n`)),
      errors: [{ messageId: 'openedWithoutConditions', line: 18, column: 22, severity: 'warning' }],
    },
    {
      name: 'sensitive personal information (contains left false) shared and opened unconditionally',
      code: catalog(
        resource(
          `    personalInformation:\n      contains: false\n      sensitive: true\n    sharing:\n      type: "无条件共享"\n    opening:\n      type: 无条件开放\n`,
        ),
      ),
      errors: [
        { messageId: 'sensitiveSharedFreely', line: 17, column: 13, severity: 'warning' },
        { messageId: 'openedFreely', line: 19, column: 13 },
      ],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ the family

/** A docs example (a `resources:` fragment) as a full catalog. */

const TODAY = '2026-11-26';

describe('personal information rules (财资〔2024〕1号 (2), (5))', () => {
  it('declares ids, severities, clauses and the schema paths it replaces', () => {
    assert.deepEqual(
      PI_RULES.map((rule) => [
        rule.meta.id,
        rule.meta.severity,
        ruleCitation(rule.meta),
        rule.meta.replacesSchemaAt ?? [],
      ]),
      [
        [
          'DA-PI-001',
          'error',
          '财资〔2024〕1号 (2); 《个人信息保护法》第十三条、第三十四条',
          ['/resources/*/personalInformation/legalBasis'],
        ],
        [
          'DA-PI-002',
          'error',
          '财资〔2024〕1号 (2); 《个人信息保护法》第三十四条',
          ['/resources/*/personalInformation/processingAuthority'],
        ],
        ['DA-PI-003', 'error', '财资〔2024〕1号 (5), (9); 《个人信息保护法》第二十八条', []],
      ],
    );
  });

  it("replaces the schema's missing-field findings, and both fixes together fill a flow block", () => {
    const text = catalog(resource(`    personalInformation: { contains: true }\n${SHARED}${NOT_OPENED}`));
    const paths = [
      '/resources/0/personalInformation/legalBasis',
      '/resources/0/personalInformation/processingAuthority',
    ];
    const schemaOnly = createStewardService({ rules: [], workspaceRules: [], today: TODAY }).validate(
      'a.catalog.yaml',
      text,
    ).findings;
    assert.deepEqual(
      schemaOnly.map((f) => [f.ruleId, f.path]),
      paths.map((p) => ['DA-SCHEMA-001', p]),
    );
    const findings = createStewardService({ rules: PI_RULES, workspaceRules: [], today: TODAY }).validate(
      'a.catalog.yaml',
      text,
    ).findings;
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.path]),
      [
        ['DA-PI-001', paths[0]],
        ['DA-PI-002', paths[1]],
      ],
    );
    assert.equal(
      applyFixes(text, findings),
      catalog(
        resource(
          `    personalInformation: { contains: true, legalBasis: 待填写, processingAuthority: 待填写 }\n${SHARED}${NOT_OPENED}`,
        ),
      ),
    );
  });

  it('a conditional opening without conditions: DA-OPEN-004 fixes it, DA-PI-003 only warns, so the fix is applied once', () => {
    const text = catalog(resource(`${personal()}${SHARED}    opening:\n      type: 有条件开放\n`));
    const findings = createStewardService({
      rules: [...PI_RULES, ...SHARING_RULES],
      workspaceRules: [],
      today: TODAY,
    }).validate('a.catalog.yaml', text).findings;
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, Boolean(f.fix)]),
      [
        ['DA-OPEN-004', 'warning', true],
        ['DA-PI-003', 'warning', false],
      ],
    );
    assert.equal(
      applyFixes(text, findings),
      catalog(resource(`${personal()}${SHARED}    opening:\n      type: 有条件开放\n      conditions: 待填写\n`)),
    );
  });

  it('messages name the resource in both languages', () => {
    const [finding] = ruleFindings(
      legalBasisRule,
      catalog(resource(`    personalInformation: { contains: true, processingAuthority: 乙 }\n${SHARED}${NOT_OPENED}`)),
    );
    assert.equal(
      finding.message['zh-CN'],
      '资源“公交IC卡实名登记数据”包含个人信息，但没有写明处理的法律依据（personalInformation.legalBasis）：请写明所依据的法律、行政法规条款',
    );
    assert.match(
      finding.message.en,
      /^Resource "公交IC卡实名登记数据" contains personal information but gives no legal basis/,
    );
    assert.equal(finding.clause, '财资〔2024〕1号 (2); 《个人信息保护法》第十三条、第三十四条');
    assert.deepEqual(finding.data, { messageId: 'missing', resource: 'R-330100-JT-0011', field: 'legalBasis' });
  });

  it('the example unit gives no finding of these rules', () => {
    const service = createStewardService({ rules: PI_RULES, today: TODAY });
    const ids = new Set(PI_RULES.map((rule) => rule.meta.id));
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

  it('the invalid example of personal information without basis is reported by DA-PI-001 instead of the schema', () => {
    const text = fs.readFileSync(
      path.join(ROOT, 'examples', 'invalid', 'personal-info-without-basis.catalog.yaml'),
      'utf8',
    );
    const findings = createStewardService({ rules: PI_RULES, workspaceRules: [], today: TODAY }).validate(
      'personal-info-without-basis.catalog.yaml',
      text,
    ).findings;
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.path, f.range.start.line + 1]),
      [['DA-PI-001', '/resources/0/personalInformation/legalBasis', 26]],
    );
  });
});
