/** DA-SCHEMA-003: a value outside the allowed values. Reported by the schema mapping (schema/errors.ts). */
import type { BuiltInRule } from '../rule';
import { REGISTER, registerWith } from '../examples';
import { notice } from '../sources';

export const invalidValueRule: BuiltInRule = {
  layer: 'schema',
  meta: {
    id: 'DA-SCHEMA-003',
    name: 'invalid-value',
    sources: [notice()],
    severity: 'error',
    fixable: false,
    messages: {
      // {allowedZh} / {allowedEn}: the allowed values, the English list with their meanings.
      notConst: {
        'zh-CN': '{fieldZh} 的值应为 {allowedZh}，而不是“{value}”',
        en: '{fieldEn} must be {allowedEn}, not "{value}"',
      },
      notInEnum: {
        'zh-CN': '“{value}”不是{fieldZh}的有效值；可选值：{allowedZh}',
        en: '"{value}" is not a valid value of {fieldEn}; allowed: {allowedEn}',
      },
    },
    docs: {
      description: { 'zh-CN': '取值不在允许的范围内', en: 'The value is not one of the allowed values' },
      rationale: {
        'zh-CN':
          '数据分级、共享类型、开放类型、取得方式、收益管理方式等字段只能取规定的值：这些值对应财资〔2024〕1号和相关标准的分类，规则按它们判断要求。写成别的说法（如“一般”而非“一般数据”），规则就无从判断。消息列出可选值，相近时编辑器可以一键替换。',
        en: 'Fields such as the security grade, the sharing and opening types, the acquisition method or the revenue handling take prescribed values only: they are the categories of 财资〔2024〕1号 and the related standards, and the rules decide by them. Another wording (一般 instead of 一般数据) leaves the rules nothing to decide by. The message lists the allowed values, and the editor can replace a close one in one step.',
      },
      example: registerWith('    securityGrade: 一般数据', '    securityGrade: 一般'),
      fixedExample: REGISTER,
    },
  },
};
