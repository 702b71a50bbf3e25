/** DA-SCHEMA-002: a field the format does not define. Reported by the schema mapping (schema/errors.ts). */
import type { BuiltInRule } from '../rule';
import { registerWith } from '../examples';
import { cite } from '../sources';

export const unknownFieldRule: BuiltInRule = {
  layer: 'schema',
  meta: {
    id: 'DA-SCHEMA-002',
    name: 'unknown-field',
    sources: [cite('steward-format')],
    severity: 'error',
    fixable: false,
    messages: {
      unknownSuggest: {
        'zh-CN': '未知字段“{field}”，是否应为“{suggestion}”？',
        en: 'Unknown field "{field}"; did you mean "{suggestion}"?',
      },
      unknown: {
        'zh-CN': '未知字段“{field}”（自定义字段请以 x- 开头）',
        en: 'Unknown field "{field}" (custom fields must start with x-)',
      },
    },
    docs: {
      description: {
        'zh-CN': '未知字段（多为拼写错误；自定义字段以 x- 开头）',
        en: 'Unknown field (usually a typo; custom fields start with x-)',
      },
      rationale: {
        'zh-CN':
          '格式没有定义的字段多半是拼写错误：写错的字段不会被读出，它本该记载的内容就等于没有登记。单位确需记录格式之外的信息时，字段名以 x- 开头，检查会略过它。与已知字段相近时，消息给出可能的正确写法，编辑器可以一键替换。',
        en: 'A field the format does not define is most often a typo: a misspelt field is not read, so what it should record is as good as unregistered. Information a unit needs beyond the format goes in fields whose names start with x-, which the checks leave alone. When the name is close to a known field the message suggests it, and the editor can replace it in one step.',
      },
      example: registerWith('    securityGrade: 一般数据', '    securityGrade: 一般数据\n    remark: 由原公交集团移交'),
      fixedExample: registerWith(
        '    securityGrade: 一般数据',
        '    securityGrade: 一般数据\n    x-remark: 由原公交集团移交',
      ),
    },
  },
};
