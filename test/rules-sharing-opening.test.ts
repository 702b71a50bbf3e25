import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { notSharedBasisRule } from '../server/src/service/rules/sharing-opening/not-shared-needs-basis';
import { conditionalSharingRule } from '../server/src/service/rules/sharing-opening/conditional-sharing-needs-conditions';
import { classifiedOpenedRule } from '../server/src/service/rules/sharing-opening/no-opening-classified-data';
import { classifiedSharedFreelyRule } from '../server/src/service/rules/sharing-opening/no-free-sharing-of-classified-data';
import { gradeScopeRule } from '../server/src/service/rules/sharing-opening/opening-and-sharing-within-grade';
import { conditionalOpeningRule } from '../server/src/service/rules/sharing-opening/conditional-opening-needs-conditions';
import { createStewardService } from '../server/src/service';
import { catalog, register, ruleFindings, ruleTester } from './rule-tester';
import { ROOT } from './helpers';
import type { Rule } from '../server/src/service/rules/rule';

const SHARING_RULES: Rule[] = [
  notSharedBasisRule,
  conditionalSharingRule,
  classifiedOpenedRule,
  classifiedSharedFreelyRule,
  gradeScopeRule,
  conditionalOpeningRule,
];

/** A resource (lines 9–12) followed by `rest`, which starts on line 13. */
function resource(rest: string, attributes: { grade?: string; secrecy?: string } = {}): string {
  return `  - id: R-330100-JT-0001
    name: 公交车辆实时位置数据
    securityGrade: ${attributes.grade ?? '一般数据'}
    secrecy: ${attributes.secrecy ?? '非涉密'}
${rest}`;
}

const NOT_OPENED = `    opening:
      type: 不予开放
`;

const SHARED_ON_CONDITIONS = `    sharing:
      type: 有条件共享
      conditions: 仅向应急管理部门共享
`;

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

// ------------------------------------------------------------------------------------------------ DA-SHARE-001

ruleTester(notSharedBasisRule, {
  valid: [
    {
      name: 'not shared, with its basis',
      code: catalog(
        resource(`    sharing:
      type: 不予共享
      basis: 《反恐怖主义法》关于防范恐怖袭击重点目标的规定
${NOT_OPENED}`),
      ),
    },
    {
      name: 'a flow sharing block with its basis',
      code: catalog(resource(`    sharing: { type: 不予共享, basis: 《保守国家秘密法》 }\n${NOT_OPENED}`)),
    },
    {
      name: 'near miss: conditional sharing needs no basis',
      code: catalog(resource(`    sharing: { type: 有条件共享, conditions: 向公安部门共享 }\n${NOT_OPENED}`)),
    },
    { name: "no sharing block at all is the schema's finding", code: catalog(resource(NOT_OPENED)) },
    {
      name: 'a register is not checked',
      code: register(`  - id: DA-2024-0001\n    name: 甲\n    sharing: { type: 不予共享 }\n`),
    },
  ],
  invalid: [
    {
      name: 'a block without basis: the basis goes after the last line, the comment stays',
      code: catalog(
        resource(`    sharing:
      type: 不予共享   # 安防布设数据
${NOT_OPENED}`),
      ),
      errors: [{ messageId: 'missing', line: 13, column: 5 }],
      output: catalog(
        resource(`    sharing:
      type: 不予共享   # 安防布设数据
      basis: 待填写
${NOT_OPENED}`),
      ),
    },
    {
      name: 'a flow block with a quoted type; the second resource is reported on its own line',
      code: catalog(
        resource(`${SHARED_ON_CONDITIONS}${NOT_OPENED}  - id: R-330100-JT-0002
    name: 公交线路与站点数据
    sharing: { type: "不予共享" }
${NOT_OPENED}`),
      ),
      errors: [{ messageId: 'missing', line: 20, column: 5 }],
      output: catalog(
        resource(`${SHARED_ON_CONDITIONS}${NOT_OPENED}  - id: R-330100-JT-0002
    name: 公交线路与站点数据
    sharing: { type: "不予共享", basis: 待填写 }
${NOT_OPENED}`),
      ),
    },
    {
      name: 'an empty basis key is filled in place, CRLF kept',
      code: crlf(
        catalog(
          resource(`    sharing:
      type: 不予共享
      basis:   # 待法规处确认
${NOT_OPENED}`),
        ),
      ),
      errors: [{ messageId: 'missing', line: 13, column: 5 }],
      output: crlf(
        catalog(
          resource(`    sharing:
      type: 不予共享
      basis: 待填写   # 待法规处确认
${NOT_OPENED}`),
        ),
      ),
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-SHARE-002

ruleTester(conditionalSharingRule, {
  valid: [
    {
      name: 'conditional sharing with its conditions',
      code: catalog(resource(`${SHARED_ON_CONDITIONS}${NOT_OPENED}`)),
    },
    {
      name: 'near miss: unconditional sharing has no conditions',
      code: catalog(resource(`    sharing: { type: 无条件共享, method: 接口 }\n${NOT_OPENED}`)),
    },
    {
      name: 'near miss: not shared, with basis',
      code: catalog(resource(`    sharing: { type: 不予共享, basis: 《保守国家秘密法》 }\n${NOT_OPENED}`)),
    },
  ],
  invalid: [
    {
      name: 'a block without conditions: they go after the last line, the comment stays',
      code: catalog(
        resource(`    sharing:
      type: 有条件共享
      method: 接口       # 经共享平台
${NOT_OPENED}`),
      ),
      errors: [{ messageId: 'missing', line: 13, column: 5, severity: 'warning' }],
      output: catalog(
        resource(`    sharing:
      type: 有条件共享
      method: 接口       # 经共享平台
      conditions: 待填写
${NOT_OPENED}`),
      ),
    },
    {
      name: 'flow style',
      code: catalog(resource(`    sharing: { type: 有条件共享 }\n${NOT_OPENED}`)),
      errors: [{ messageId: 'missing', line: 13, column: 5, severity: 'warning' }],
      output: catalog(resource(`    sharing: { type: 有条件共享, conditions: 待填写 }\n${NOT_OPENED}`)),
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-OPEN-001

ruleTester(classifiedOpenedRule, {
  valid: [
    {
      name: 'classified and not opened',
      code: catalog(resource(`${SHARED_ON_CONDITIONS}${NOT_OPENED}`, { secrecy: '涉密' })),
    },
    {
      name: 'near miss: unclassified data may be opened',
      code: catalog(resource(`${SHARED_ON_CONDITIONS}    opening: { type: 无条件开放 }\n`)),
    },
    {
      name: "an unknown open type is the schema's finding, not a classified opening",
      code: catalog(resource(`${SHARED_ON_CONDITIONS}    opening: { type: 不与开放 }\n`, { secrecy: '涉密' })),
    },
  ],
  invalid: [
    {
      name: 'conditional opening of classified data: the value is replaced, comment and conditions kept',
      code: catalog(
        resource(
          `${SHARED_ON_CONDITIONS}    opening:
      type: 有条件开放   # 拟开放
      conditions: 经审批后提供
`,
          { secrecy: '涉密' },
        ),
      ),
      errors: [{ messageId: 'opened', line: 17, column: 13 }],
      output: catalog(
        resource(
          `${SHARED_ON_CONDITIONS}    opening:
      type: 不予开放   # 拟开放
      conditions: 经审批后提供
`,
          { secrecy: '涉密' },
        ),
      ),
    },
    {
      name: 'quoting is kept: single quotes in a flow block',
      code: catalog(resource(`${SHARED_ON_CONDITIONS}    opening: { type: '无条件开放' }\n`, { secrecy: '涉密' })),
      errors: [{ messageId: 'opened', line: 16, column: 22 }],
      output: catalog(resource(`${SHARED_ON_CONDITIONS}    opening: { type: '不予开放' }\n`, { secrecy: '涉密' })),
    },
    {
      name: 'double quotes, CRLF',
      code: crlf(
        catalog(resource(`${SHARED_ON_CONDITIONS}    opening:\n      type: "无条件开放"\n`, { secrecy: '涉密' })),
      ),
      errors: [{ messageId: 'opened', line: 17, column: 13 }],
      output: crlf(
        catalog(resource(`${SHARED_ON_CONDITIONS}    opening:\n      type: "不予开放"\n`, { secrecy: '涉密' })),
      ),
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-OPEN-002

ruleTester(classifiedSharedFreelyRule, {
  valid: [
    {
      name: 'classified and not shared',
      code: catalog(
        resource(`    sharing: { type: 不予共享, basis: 《保守国家秘密法》 }\n${NOT_OPENED}`, { secrecy: '涉密' }),
      ),
    },
    {
      name: 'classified and shared on conditions',
      code: catalog(resource(`${SHARED_ON_CONDITIONS}${NOT_OPENED}`, { secrecy: '涉密' })),
    },
    {
      name: 'near miss: unclassified data shared unconditionally',
      code: catalog(resource(`    sharing: { type: 无条件共享 }\n${NOT_OPENED}`)),
    },
  ],
  invalid: [
    {
      name: 'classified and shared unconditionally: no fix, the secrecy rules decide',
      code: catalog(
        resource(
          `    sharing:
      type: 无条件共享   # 待保密办确认
${NOT_OPENED}`,
          { secrecy: '涉密' },
        ),
      ),
      errors: [{ messageId: 'shared', line: 14, column: 13 }],
    },
    {
      name: 'flow style',
      code: catalog(
        resource(`    sharing: { type: 无条件共享, method: 文件 }\n${NOT_OPENED}`, {
          secrecy: '涉密',
          grade: '核心数据',
        }),
      ),
      errors: [{ messageId: 'shared', line: 13, column: 22 }],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-OPEN-003

ruleTester(gradeScopeRule, {
  valid: [
    {
      name: 'core data shared on conditions, not opened',
      code: catalog(resource(`${SHARED_ON_CONDITIONS}${NOT_OPENED}`, { grade: '核心数据' })),
    },
    {
      name: 'important data opened on conditions',
      code: catalog(
        resource(`${SHARED_ON_CONDITIONS}    opening: { type: 有条件开放, conditions: 经申请提供 }\n`, {
          grade: '重要数据',
        }),
      ),
    },
    {
      name: 'general data opened and shared without conditions',
      code: catalog(resource(`    sharing: { type: 无条件共享 }\n    opening: { type: 无条件开放 }\n`)),
    },
    {
      name: 'core data not shared',
      code: catalog(
        resource(`    sharing: { type: 不予共享, basis: 《数据安全法》第二十一条 }\n${NOT_OPENED}`, {
          grade: '核心数据',
        }),
      ),
    },
    {
      name: 'classified core data is left to DA-OPEN-001 and DA-OPEN-002 (one finding per problem)',
      code: catalog(
        resource(`    sharing: { type: 无条件共享 }\n    opening: { type: 有条件开放 }\n`, {
          grade: '核心数据',
          secrecy: '涉密',
        }),
      ),
    },
    {
      name: "an unknown grade is the schema's finding",
      code: catalog(
        resource(`    sharing: { type: 无条件共享 }\n    opening: { type: 无条件开放 }\n`, { grade: '普通数据' }),
      ),
    },
  ],
  invalid: [
    {
      name: 'core data opened on conditions and shared unconditionally: two errors, the opening fixed',
      code: catalog(
        resource(
          `    sharing:
      type: 无条件共享
    opening:
      type: 有条件开放    # 申请后提供
      conditions: 经申请提供
`,
          { grade: '核心数据' },
        ),
      ),
      errors: [
        { messageId: 'coreSharedFreely', line: 14, column: 13, severity: 'error' },
        { messageId: 'coreOpened', line: 16, column: 13, severity: 'error' },
      ],
      output: catalog(
        resource(
          `    sharing:
      type: 无条件共享
    opening:
      type: 不予开放    # 申请后提供
      conditions: 经申请提供
`,
          { grade: '核心数据' },
        ),
      ),
    },
    {
      name: 'core data opened unconditionally, flow style with double quotes',
      code: catalog(resource(`${SHARED_ON_CONDITIONS}    opening: { type: "无条件开放" }\n`, { grade: '核心数据' })),
      errors: [{ messageId: 'coreOpened', line: 16, column: 22, severity: 'error' }],
      output: catalog(resource(`${SHARED_ON_CONDITIONS}    opening: { type: "不予开放" }\n`, { grade: '核心数据' })),
    },
    {
      name: 'important data opened unconditionally: an error without a fix (two values are allowed)',
      code: catalog(resource(`${SHARED_ON_CONDITIONS}    opening:\n      type: 无条件开放\n`, { grade: '重要数据' })),
      errors: [{ messageId: 'importantOpenedFreely', line: 17, column: 13, severity: 'error' }],
    },
    {
      name: 'important data shared unconditionally: a warning',
      code: catalog(resource(`    sharing: { type: 无条件共享, method: 接口 }\n${NOT_OPENED}`, { grade: '重要数据' })),
      errors: [{ messageId: 'importantSharedFreely', line: 13, column: 22, severity: 'warning' }],
    },
  ],
});

// ------------------------------------------------------------------------------------------------ DA-OPEN-004

ruleTester(conditionalOpeningRule, {
  valid: [
    {
      name: 'conditional opening with its conditions',
      code: catalog(
        resource(
          `${SHARED_ON_CONDITIONS}    opening:\n      type: 有条件开放\n      conditions: 经申请并签订协议后提供\n`,
        ),
      ),
    },
    {
      name: 'near miss: unconditional opening has no conditions',
      code: catalog(resource(`${SHARED_ON_CONDITIONS}    opening: { type: 无条件开放 }\n`)),
    },
    {
      name: 'classified data is not to be opened at all (DA-OPEN-001): no conditions asked for',
      code: catalog(resource(`${SHARED_ON_CONDITIONS}    opening: { type: 有条件开放 }\n`, { secrecy: '涉密' })),
    },
    {
      name: 'nor core data (DA-OPEN-003)',
      code: catalog(resource(`${SHARED_ON_CONDITIONS}    opening: { type: 有条件开放 }\n`, { grade: '核心数据' })),
    },
  ],
  invalid: [
    {
      name: 'a block with a comment line: the conditions go after its last entry, before the next key',
      code: catalog(
        resource(`${SHARED_ON_CONDITIONS}    opening:
      # 公益用途免费
      type: 有条件开放
    releaseDate: 2024-03-15
`),
      ),
      errors: [{ messageId: 'missing', line: 16, column: 5, severity: 'warning' }],
      output: catalog(
        resource(`${SHARED_ON_CONDITIONS}    opening:
      # 公益用途免费
      type: 有条件开放
      conditions: 待填写
    releaseDate: 2024-03-15
`),
      ),
    },
    {
      name: 'flow style, CRLF',
      code: crlf(catalog(resource(`${SHARED_ON_CONDITIONS}    opening: { type: 有条件开放 }  # 待定\n`))),
      errors: [{ messageId: 'missing', line: 16, column: 5, severity: 'warning' }],
      output: crlf(
        catalog(resource(`${SHARED_ON_CONDITIONS}    opening: { type: 有条件开放, conditions: 待填写 }  # 待定\n`)),
      ),
    },
  ],
});

// ------------------------------------------------------------------------------------------------ the family

const TODAY = '2026-11-26';

/** A docs example (a `resources:` fragment) as a full catalog. */

describe('sharing and opening rules (财资〔2024〕1号 (5))', () => {
  it('declares ids, severities and the schema paths it replaces', () => {
    assert.deepEqual(
      SHARING_RULES.map((rule) => [rule.meta.id, rule.meta.severity, rule.meta.replacesSchemaAt ?? []]),
      [
        ['DA-SHARE-001', 'error', ['/resources/*/sharing/basis']],
        ['DA-SHARE-002', 'warning', []],
        ['DA-OPEN-001', 'error', []],
        ['DA-OPEN-002', 'error', []],
        ['DA-OPEN-003', 'error', []],
        ['DA-OPEN-004', 'warning', []],
      ],
    );
  });

  it("DA-SHARE-001 replaces the schema's missing-field finding for sharing.basis", () => {
    const text = catalog(resource(`    sharing:\n      type: 不予共享\n${NOT_OPENED}`));
    const schemaOnly = createStewardService({ rules: [], workspaceRules: [], today: TODAY }).validate(
      'a.catalog.yaml',
      text,
    ).findings;
    assert.ok(schemaOnly.some((f) => f.ruleId === 'DA-SCHEMA-001' && f.path === '/resources/0/sharing/basis'));
    const findings = createStewardService({ rules: [notSharedBasisRule], workspaceRules: [], today: TODAY }).validate(
      'a.catalog.yaml',
      text,
    ).findings;
    assert.deepEqual(
      findings.filter((f) => f.path === '/resources/0/sharing/basis').map((f) => f.ruleId),
      ['DA-SHARE-001'],
    );
  });

  it('the invalid example of 不予共享 without basis is reported by DA-SHARE-001 instead of the schema', () => {
    const text = fs.readFileSync(
      path.join(ROOT, 'examples', 'invalid', 'no-sharing-without-basis.catalog.yaml'),
      'utf8',
    );
    const findings = createStewardService({ rules: SHARING_RULES, workspaceRules: [], today: TODAY }).validate(
      'no-sharing-without-basis.catalog.yaml',
      text,
    ).findings;
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.path, f.range.start.line + 1]),
      [['DA-SHARE-001', '/resources/0/sharing/basis', 28]],
    );
  });

  it('messages name the resource and explain the clause in both languages', () => {
    const text = catalog(
      resource(`    sharing: { type: 无条件共享 }\n    opening: { type: 有条件开放 }\n`, { grade: '核心数据' }),
    );
    const [shared, opened] = ruleFindings(gradeScopeRule, text);
    assert.match(shared.message['zh-CN'], /“公交车辆实时位置数据”.*核心数据.*有条件共享.*不予共享/);
    assert.match(
      opened.message.en,
      /"公交车辆实时位置数据" is graded 核心数据 \(core data\) but its open type is "有条件开放"/,
    );
    assert.deepEqual(opened.data, {
      messageId: 'coreOpened',
      resource: 'R-330100-JT-0001',
      grade: '核心数据',
      value: '有条件开放',
      allowed: ['不予开放'],
    });
    assert.equal(opened.clause, '财资〔2024〕1号 (5), (9); 《数据安全法》第二十一条; GB/T 43697-2024; 实务 (practice)');
    assert.equal(opened.path, '/resources/0/opening/type');
  });

  it('the example unit gives no finding of these rules', () => {
    const service = createStewardService({ rules: SHARING_RULES, today: TODAY });
    const ids = new Set(SHARING_RULES.map((rule) => rule.meta.id));
    const dir = path.join(ROOT, 'examples', 'transport-bureau');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
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
