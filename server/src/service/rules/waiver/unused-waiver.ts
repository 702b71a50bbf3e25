/** DA-WAIVER-002: a waiver comment waives nothing. Reported by the waivers (waivers.ts). */
import type { BuiltInRule } from '../rule';
import { REGISTER, registerWith } from '../examples';
import { cite } from '../sources';

export const unusedWaiverRule: BuiltInRule = {
  layer: 'waiver',
  meta: {
    id: 'DA-WAIVER-002',
    name: 'unused-waiver',
    sources: [cite('steward-format')],
    severity: 'warning',
    fixable: false,
    messages: {
      // {rulesZh} / {rulesEn}: the rule ids the waiver names.
      unused: {
        'zh-CN': '豁免没有用上：{rulesZh} 在此处没有报告问题，请删除该注释',
        en: 'Unused waiver: {rulesEn} reports nothing here; remove the comment',
      },
    },
    docs: {
      description: { 'zh-CN': '豁免注释没有豁免任何问题', en: 'A waiver comment waives nothing' },
      rationale: {
        'zh-CN':
          '问题改正之后，原来的豁免注释就不再需要。留着它，日后同一处再出现同类问题时会被悄悄放过，而例外的理由早已不成立。请删除没有用上的豁免。',
        en: 'Once the problem is put right, its waiver is no longer needed. Left in place it would silently let the same kind of problem through should it come back there, long after the reason for the exception lapsed. Remove waivers that waive nothing.',
      },
      example: registerWith(
        '    securityGrade: 一般数据',
        '    # steward-disable-next-line DA-SCHEMA-003 -- 分级待定\n    securityGrade: 一般数据',
      ),
      fixedExample: REGISTER,
    },
  },
};
