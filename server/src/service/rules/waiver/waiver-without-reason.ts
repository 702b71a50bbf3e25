/** DA-WAIVER-001: a waiver comment gives no reason. Reported by the waivers (waivers.ts). */
import type { BuiltInRule } from '../rule';
import { registerWith } from '../examples';
import { cite } from '../sources';

export const waiverWithoutReasonRule: BuiltInRule = {
  layer: 'waiver',
  meta: {
    id: 'DA-WAIVER-001',
    name: 'waiver-without-reason',
    sources: [cite('steward-format')],
    severity: 'error',
    fixable: false,
    messages: {
      noReason: {
        'zh-CN': '豁免必须写明原因：在规则编号后加“-- 原因”',
        en: 'A waiver needs a reason: add "-- reason" after the rule ids',
      },
    },
    docs: {
      description: { 'zh-CN': '豁免注释没有写明原因', en: 'A waiver comment gives no reason' },
      rationale: {
        'zh-CN':
          '豁免注释（# steward-disable-next-line 规则编号 -- 原因）让单位对个别问题作出有依据的例外处理。例外必须留下理由，审阅者和日后的管理者才能判断它是否仍然成立；没有写原因的豁免仍然生效，但作为错误报告。',
        en: 'A waiver comment (# steward-disable-next-line RULE-ID -- reason) lets a unit make a reasoned exception for one finding. An exception must leave its reason behind, so that reviewers and later stewards can judge whether it still holds; a waiver without one still applies, but is reported as an error.',
      },
      example: registerWith(
        '    securityGrade: 一般数据',
        '    securityGrade: 一般数据\n    # steward-disable-next-line DA-SCHEMA-002\n    legacyCode: GJ-0087',
      ),
      fixedExample: registerWith(
        '    securityGrade: 一般数据',
        '    securityGrade: 一般数据\n    # steward-disable-next-line DA-SCHEMA-002 -- 原公交集团系统的编号，2025 年迁移完成后删除\n    legacyCode: GJ-0087',
      ),
    },
  },
};
