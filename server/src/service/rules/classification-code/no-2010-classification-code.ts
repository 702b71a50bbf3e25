/** DA-CODE-004: the code is of GB/T 14885-2022, not a 7-digit code of the 2010 edition (clause 8). */
import type { Rule } from '../rule';
import { SOURCES, codeRule, DATA_CLASSES_EN, DATA_CLASSES_ZH, example, FIXED_EXAMPLE, REPLACES } from './common';

export const edition2010Rule: Rule = codeRule({
  id: 'DA-CODE-004',
  name: 'no-2010-classification-code',
  sources: SOURCES,
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
        '财资〔2024〕1号第（八）条要求按 GB/T 14885-2022 登记；7 位代码说明文档沿用了 2010 版，2010 版没有数据资产的分类。',
      en: 'Clause (8) of 财资〔2024〕1号 requires registration per GB/T 14885-2022; a 7-digit code means the document still uses the 2010 edition, which has no class for data assets.',
    },
    example: example('2010000'),
    fixedExample: FIXED_EXAMPLE,
  },
});
