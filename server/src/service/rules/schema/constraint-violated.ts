/** DA-SCHEMA-007: a value breaks a range, count, length or uniqueness constraint. Reported by the schema mapping. */
import type { BuiltInRule } from '../rule';
import { registerWith } from '../examples';
import { cite } from '../sources';

export const constraintViolatedRule: BuiltInRule = {
  layer: 'schema',
  meta: {
    id: 'DA-SCHEMA-007',
    name: 'constraint-violated',
    sources: [cite('steward-format')],
    severity: 'error',
    fixable: false,
    messages: {
      minimum: { 'zh-CN': '{fieldZh} 不能小于 {limit}', en: '{fieldEn} must be at least {limit}' },
      exclusiveMinimum: { 'zh-CN': '{fieldZh} 必须大于 {limit}', en: '{fieldEn} must be greater than {limit}' },
      maximum: { 'zh-CN': '{fieldZh} 不能大于 {limit}', en: '{fieldEn} must be at most {limit}' },
      exclusiveMaximum: { 'zh-CN': '{fieldZh} 必须小于 {limit}', en: '{fieldEn} must be less than {limit}' },
      minItems: { 'zh-CN': '{fieldZh} 至少需要 {limit} 项', en: '{fieldEn} needs at least {limit} item(s)' },
      maxItems: { 'zh-CN': '{fieldZh} 最多 {limit} 项', en: '{fieldEn} allows at most {limit} item(s)' },
      minLength: {
        'zh-CN': '{fieldZh} 不能为空或过短（至少 {limit} 个字符）',
        en: '{fieldEn} is empty or too short (at least {limit} characters)',
      },
      maxLength: {
        'zh-CN': '{fieldZh} 过长（最多 {limit} 个字符）',
        en: '{fieldEn} is too long (at most {limit} characters)',
      },
      // {first} and {repeat}: 1-based positions of an item and of its later repeat.
      uniqueItems: {
        'zh-CN': '{fieldZh} 中有重复项（第 {first} 项与第 {repeat} 项相同）',
        en: '{fieldEn} has duplicate items (item {repeat} repeats item {first})',
      },
      minProperties: { 'zh-CN': '{fieldZh} 不能为空', en: '{fieldEn} must not be empty' },
      // {keyword}: the JSON Schema keyword; {detail}: ajv's explanation, else the keyword.
      other: { 'zh-CN': '{fieldZh} 不符合要求（{keyword}）', en: '{fieldEn} is invalid: {detail}' },
    },
    docs: {
      description: {
        'zh-CN': '值不满足约束（范围、数量、唯一性）',
        en: 'The value breaks a constraint (range, count, uniqueness)',
      },
      rationale: {
        'zh-CN':
          '有的字段除了类型还有约束：金额不为负，年度在 1900 至 2100 之间，数量至少为 1，名称不能为空，授权的权利至少一项且不重复。违反约束的值多半是笔误或漏填，按它登记会使台账失真。',
        en: 'Some fields have constraints beyond their type: an amount is not negative, a year lies between 1900 and 2100, a quantity is at least 1, a name is not empty, an authorization grants at least one right and none twice. A value that breaks them is mostly a slip or a gap, and registering it would distort the books.',
      },
      example: registerWith('    securityGrade: 一般数据', '    securityGrade: 一般数据\n    quantity: 0'),
      fixedExample: registerWith('    securityGrade: 一般数据', '    securityGrade: 一般数据\n    quantity: 1'),
    },
  },
};
