/** DA-CODE-003: the classification code is an intangible-asset (A08) code (clause 8). */
import type { Rule } from '../rule';
import { SOURCES, codeRule, DATA_CLASSES_EN, DATA_CLASSES_ZH, example, FIXED_EXAMPLE, REPLACES } from './common';

export const nonIntangibleRule: Rule = codeRule({
  id: 'DA-CODE-003',
  name: 'classification-code-intangible',
  sources: SOURCES,
  severity: 'error',
  fixable: false,
  replacesSchemaAt: REPLACES,
  messages: {
    notIntangible: {
      'zh-CN': `分类代码 {code} 不是无形资产（A08）代码：{path}。数据资产属于无形资产，应登记在 ${DATA_CLASSES_ZH}`,
      en: `Classification code {code} is not an intangible-asset (A08) code: {path}. Data assets are intangible assets, registered under ${DATA_CLASSES_EN}`,
    },
  },
  docs: {
    description: {
      'zh-CN': '分类代码不在 A08 无形资产之下（如 A02 设备）。',
      en: 'The classification code is not under A08 无形资产 (intangible assets), e.g. A02 设备 (equipment).',
    },
    rationale: {
      'zh-CN':
        '数据资产是无形资产（财会〔2023〕11号），按 GB/T 14885-2022 登记在 A08060200 数据之下；房屋、设备等门类的代码会把数据资产记成有形资产。',
      en: 'Data assets are intangible assets (财会〔2023〕11号) registered per GB/T 14885-2022 under A08060200 数据; a code of a tangible class such as buildings or equipment records the data asset as a tangible asset.',
    },
    example: example('A02010104'),
    fixedExample: FIXED_EXAMPLE,
  },
});
