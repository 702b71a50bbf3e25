/** DA-CODE-003: the classification code is an intangible-asset (A08) code (clause 8). */
import type { Rule } from '../rule';
import { A08_SOURCES, codeRule, DATA_CLASSES_EN, DATA_CLASSES_ZH, example, FIXED_EXAMPLE, REPLACES } from './common';

export const nonIntangibleRule: Rule = codeRule({
  id: 'DA-CODE-003',
  name: 'classification-code-intangible',
  sources: A08_SOURCES,
  severity: 'error',
  fixable: false,
  replacesSchemaAt: REPLACES,
  messages: {
    notIntangible: {
      'zh-CN': `分类代码 {code} 不是无形资产（A08）代码：{path}。资产管理信息系统将数据资产登记在无形资产门类（A08）下的 ${DATA_CLASSES_ZH}`,
      en: `Classification code {code} is not an intangible-asset (A08) code: {path}. The asset systems register data assets in the intangible-asset class (A08), under ${DATA_CLASSES_EN}`,
    },
  },
  docs: {
    description: {
      'zh-CN': '分类代码不在 A08 无形资产之下（如 A02 设备）。',
      en: 'The classification code is not under A08 无形资产 (intangible assets), e.g. A02 设备 (equipment).',
    },
    rationale: {
      'zh-CN':
        '资产管理信息系统把数据资产登记在 A08 无形资产 → A08060000 信息数据类无形资产 → A08060200 数据之下（A08 是系统在 GB/T 14885-2022 七个门类之外的扩展）；房屋、设备等有形资产门类的代码会把数据资产登记成有形资产。会计上是否确认为资产、确认为哪一类，按政府会计准则判断，与分类代码无关。',
      en: "The asset systems register data assets under A08 无形资产 → A08060000 信息数据类无形资产 → A08060200 数据 (A08 is the systems' extension beyond GB/T 14885-2022's seven classes); a code of a tangible class such as buildings or equipment registers the data asset as a tangible one. Whether and as what the asset is recognised in the accounts is decided under the government accounting standards, not by the classification code.",
    },
    example: example('A02010104'),
    fixedExample: FIXED_EXAMPLE,
  },
});
