/** DA-WAIVER-003: a waiver comment names no rule, an unknown rule, or an invalid expiry. Reported by the waivers. */
import type { BuiltInRule } from '../rule';
import { registerWith } from '../examples';
import { cite } from '../sources';

export const malformedWaiverRule: BuiltInRule = {
  layer: 'waiver',
  meta: {
    id: 'DA-WAIVER-003',
    name: 'malformed-waiver',
    sources: [cite('steward-format')],
    severity: 'warning',
    fixable: false,
    messages: {
      badExpiry: {
        'zh-CN': '豁免的到期日“{until}”不是有效日期（应为 until YYYY-MM-DD）',
        en: 'The waiver\'s expiry "{until}" is not a valid date (use until YYYY-MM-DD)',
      },
      noRule: {
        'zh-CN': '豁免注释没有写规则编号，例如 # steward-disable-next-line DA-AUTH-001 -- 原因',
        en: 'The waiver names no rule, e.g. # steward-disable-next-line DA-AUTH-001 -- reason',
      },
      // {rulesZh} / {rulesEn}: the ids no rule has.
      unknownRule: {
        'zh-CN': '豁免注释中的规则编号不存在：{rulesZh}',
        en: 'The waiver names unknown rules: {rulesEn}',
      },
    },
    docs: {
      description: {
        'zh-CN': '豁免注释写法有误（规则编号不存在或到期日无效）',
        en: 'A waiver comment is malformed (unknown rule id or invalid expiry date)',
      },
      rationale: {
        'zh-CN':
          '写错的豁免注释豁免不了任何问题，却让人以为已经豁免：规则编号写错（多为笔误）、漏写，或到期日不是有效日期（until YYYY-MM-DD）。因此给出警告，请对照 steward rules 列出的编号改正。',
        en: 'A malformed waiver waives nothing while looking as if it did: a mistyped or missing rule id, or an expiry that is no valid date (until YYYY-MM-DD). Hence a warning; correct it against the ids steward rules lists.',
      },
      example: registerWith(
        '    securityGrade: 一般数据',
        '    securityGrade: 一般数据\n    # steward-disable-next-line DA-SCHEMA-02 -- 原公交集团系统的编号，2025 年迁移完成后删除\n    legacyCode: GJ-0087',
      ),
      fixedExample: registerWith(
        '    securityGrade: 一般数据',
        '    securityGrade: 一般数据\n    # steward-disable-next-line DA-SCHEMA-002 -- 原公交集团系统的编号，2025 年迁移完成后删除\n    legacyCode: GJ-0087',
      ),
    },
  },
};
