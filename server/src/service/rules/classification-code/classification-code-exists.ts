/** DA-CODE-001: the classification code is well formed and in the code table (clause 8; GB/T 14885-2022). */
import type { Rule } from '../rule';
import { SOURCES, codeRule, example, FIXED_EXAMPLE, REPLACES } from './common';

export const unknownCodeRule: Rule = codeRule({
  id: 'DA-CODE-001',
  name: 'classification-code-exists',
  sources: SOURCES,
  severity: 'error',
  fixable: false,
  replacesSchemaAt: REPLACES,
  messages: {
    unknown: {
      'zh-CN': '分类代码 {code} 不在代码表（{source}）中；相近的代码：{suggestions}',
      en: 'Classification code {code} is not in the code table ({source}); close codes: {suggestions}',
    },
    unknownBuiltIn: {
      'zh-CN': '分类代码 {code} 不存在：内置代码表完整收录 {covered} 分支，其中没有该代码；相近的代码：{suggestions}',
      en: 'Classification code {code} does not exist: the built-in code table holds the whole {covered} branch and this code is not in it; close codes: {suggestions}',
    },
    malformed: {
      'zh-CN': '“{code}”不是资产分类代码：应为 A 加 8 位数字，分四级、每级 2 位（数据资产如 A08060201）',
      en: "'{code}' is not an asset classification code: expected A and 8 digits in four 2-digit levels (for a data asset e.g. A08060201)",
    },
    malformedDidYouMean: {
      'zh-CN': '“{code}”不是规范写法的资产分类代码，应写作 {suggestion}',
      en: "'{code}' is not how an asset classification code is written; write {suggestion}",
    },
  },
  docs: {
    description: {
      'zh-CN':
        '资产分类代码必须是 A 加 8 位数字，且存在于当前代码表中（内置代码表只判定 A08060000 信息数据类无形资产分支；加载单位的正式代码表后判定全部代码）。',
      en: 'An asset classification code must be A and 8 digits and exist in the active code table (the built-in table decides only the A08060000 information-and-data branch; with the unit’s official table loaded, every code is decided).',
    },
    rationale: {
      'zh-CN':
        '财资〔2024〕1号第（八）条要求按照《固定资产等资产基础分类与代码》（GB/T 14885-2022）等国家标准加强数据资产登记；数据资产所在的 A08 无形资产门类是资产管理信息系统在该标准七个门类之外的扩展。代码表中没有的代码，资产卡片无从归类。',
      en: "Clause (8) of 财资〔2024〕1号 calls for registering data assets per national standards such as GB/T 14885-2022; the A08 intangible-asset class where data assets go is the asset systems' extension beyond that standard's seven classes. A code absent from the code table gives the asset card no class.",
    },
    example: example('A08060204'),
    fixedExample: FIXED_EXAMPLE,
  },
});
