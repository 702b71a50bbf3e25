/** DA-CODE-002: an intangible-asset code lies under A08060200 数据, in one of its classes (clause 8). */
import type { Rule } from '../rule';
import { A08_SOURCES, codeRule, DATA_CLASSES_EN, DATA_CLASSES_ZH, example, FIXED_EXAMPLE, REPLACES } from './common';

export const nonDataIntangibleRule: Rule = codeRule({
  id: 'DA-CODE-002',
  name: 'classification-code-under-data',
  sources: A08_SOURCES,
  severity: 'warning',
  fixable: false,
  replacesSchemaAt: REPLACES,
  messages: {
    outsideData: {
      'zh-CN': `分类代码 {code} 属于无形资产，但不在“数据”（A08060200）之下：{path}。数据资产应登记在 ${DATA_CLASSES_ZH}`,
      en: `Classification code {code} is an intangible asset outside 数据 (data, A08060200): {path}. Data assets are registered under ${DATA_CLASSES_EN}`,
    },
    dataCategory: {
      'zh-CN': `A08060200 数据 是中类，数据资产应登记到其下的小类：${DATA_CLASSES_ZH}`,
      en: `A08060200 数据 (data) is a category; register a data asset under one of its classes: ${DATA_CLASSES_EN}`,
    },
  },
  docs: {
    description: {
      'zh-CN':
        '分类代码属于无形资产（A08），但不在 A08060200 数据之下（如 A08060301 基础软件、A08040101 土地使用权），或只写到了中类 A08060200。',
      en: 'The classification code is an intangible asset (A08) but not under A08060200 数据 (data), e.g. A08060301 system software or A08040101 land-use rights, or it stops at the A08060200 category.',
    },
    rationale: {
      'zh-CN':
        '资产管理信息系统把数据资产登记在 A08060000 信息数据类无形资产 → A08060200 数据之下的小类（A08 是系统对 GB/T 14885-2022 的扩展）；其他无形资产代码通常说明登记的是软件、域名或权利，而不是数据。',
      en: "The asset systems register data assets in the classes under A08060000 信息数据类无形资产 → A08060200 数据 (A08 is the systems' extension of GB/T 14885-2022); another intangible-asset code usually means the entry records software, a domain name or a right rather than data.",
    },
    example: example('A08060301'),
    fixedExample: FIXED_EXAMPLE,
  },
});
