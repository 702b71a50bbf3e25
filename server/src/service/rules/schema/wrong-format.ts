/** DA-SCHEMA-005: a value in the wrong format (a date, an id). Reported by the schema mapping (schema/errors.ts). */
import type { BuiltInRule } from '../rule';
import { registerWith } from '../examples';
import { cite } from '../sources';

export const wrongFormatRule: BuiltInRule = {
  layer: 'schema',
  meta: {
    id: 'DA-SCHEMA-005',
    name: 'wrong-format',
    sources: [cite('steward-format')],
    severity: 'error',
    fixable: false,
    messages: {
      date: { 'zh-CN': '“{value}”不是有效日期，应为 YYYY-MM-DD', en: '"{value}" is not a valid date; use YYYY-MM-DD' },
      format: {
        'zh-CN': '{fieldZh} 的值“{value}”格式不正确（应符合 {expected}）',
        en: '{fieldEn} value "{value}" has the wrong format (expected {expected})',
      },
    },
    docs: {
      description: {
        'zh-CN': '值的格式不正确（日期、编号等）',
        en: 'The value has the wrong format (a date, an id, ...)',
      },
      rationale: {
        'zh-CN':
          '日期一律写作 YYYY-MM-DD，资源和资产的标识、分类代码、统一社会信用代码各有固定的写法。格式统一，日期才能比较先后（授权、处置的程序顺序，评估是否过期），编号才能在文件之间对应。',
        en: 'Dates are written YYYY-MM-DD, and resource and asset ids, classification codes and unified social credit codes each have a fixed form. Only with one format can dates be ordered (the steps of an authorization or a disposal, whether an assessment has lapsed) and ids matched across files.',
      },
      example: registerWith('      cardNumber: ZC-2024-0001', '      cardNumber: ZC-2024-0001\n      date: 2024/04/08'),
      fixedExample: registerWith(
        '      cardNumber: ZC-2024-0001',
        '      cardNumber: ZC-2024-0001\n      date: 2024-04-08',
      ),
    },
  },
};
