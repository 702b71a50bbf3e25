/** DA-SCHEMA-004: a value of the wrong type. Reported by the schema mapping (schema/errors.ts). */
import type { BuiltInRule } from '../rule';
import { REGISTER, registerWith } from '../examples';
import { cite } from '../sources';

export const wrongTypeRule: BuiltInRule = {
  layer: 'schema',
  meta: {
    id: 'DA-SCHEMA-004',
    name: 'wrong-type',
    sources: [cite('steward-format')],
    severity: 'error',
    fixable: false,
    messages: {
      // {typeZh} / {typeEn}: the expected type (a string, a mapping, a boolean, ...).
      type: { 'zh-CN': '{fieldZh} 应为{typeZh}', en: '{fieldEn} must be {typeEn}' },
    },
    docs: {
      description: { 'zh-CN': '值的类型不正确', en: 'The value has the wrong type' },
      rationale: {
        'zh-CN':
          '每个字段有确定的类型：映射（键: 值）、列表、文字、数字或布尔值（true/false）。类型不对时，字段中的内容读不出来，例如把取得方式写成一行文字，而不是包含 method 等字段的映射；把“是否含个人信息”写成“否”，而不是 false。',
        en: 'Every field has a definite type: a mapping (key: value), a list, text, a number or a boolean (true/false). With the wrong type its content cannot be read, e.g. the acquisition written as a line of text instead of a mapping with method and the other fields, or "contains personal information" written 否 instead of false.',
      },
      example: registerWith('    acquisition:\n      method: 自主采集', '    acquisition: 自主采集'),
      fixedExample: REGISTER,
    },
  },
};
