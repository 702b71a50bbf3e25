/** DA-CODE-004: the code is of GB/T 14885-2022, not a 7-digit code of the 2010 edition (clause 8). */
import type { Rule } from '../rule';
import {
  STANDARD_SOURCES,
  codeRule,
  DATA_CLASSES_EN,
  DATA_CLASSES_ZH,
  example,
  FIXED_EXAMPLE,
  REPLACES,
} from './common';

export const edition2010Rule: Rule = codeRule({
  id: 'DA-CODE-004',
  name: 'no-2010-classification-code',
  sources: STANDARD_SOURCES,
  severity: 'error',
  fixable: false,
  replacesSchemaAt: REPLACES,
  messages: {
    edition2010: {
      'zh-CN': `{code} 是 GB/T 14885-2010 的 7 位数字代码；2022 版（GB/T 14885-2022）改为 A 加 8 位数字，数据资产使用 ${DATA_CLASSES_ZH}`,
      en: `{code} is a 7-digit code of the 2010 edition (GB/T 14885-2010); the 2022 edition (GB/T 14885-2022) uses A and 8 digits, and data assets use ${DATA_CLASSES_EN}`,
    },
  },
  docs: {
    description: {
      'zh-CN': '分类代码是 GB/T 14885-2010 的 7 位数字代码（如 2010000）。',
      en: 'The classification code is a 7-digit code of GB/T 14885-2010 (e.g. 2010000).',
    },
    rationale: {
      'zh-CN':
        '财资〔2024〕1号第（八）条要求按照 GB/T 14885-2022 等国家标准登记数据资产；7 位数字代码是已被 2022 版替代的 GB/T 14885-2010 的编码，说明文档沿用了旧版代码。',
      en: 'Clause (8) of 财资〔2024〕1号 calls for registration per national standards such as GB/T 14885-2022; a 7-digit code belongs to GB/T 14885-2010, which the 2022 edition replaced, so the document still uses the old codes.',
    },
    example: example('2010000'),
    fixedExample: FIXED_EXAMPLE,
  },
});
