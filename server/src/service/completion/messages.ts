/** The strings completion shows a user (labels and documentation of snippets and directives), zh-CN and en. */
import type { Locale, LocalizedText } from '../types';
import { fillTemplate } from '../i18n/template';

export const MESSAGES = {
  catalogSkeleton: { 'zh-CN': '数据资源目录（整篇骨架）', en: 'Data resource catalog (whole skeleton)' },
  registerSkeleton: { 'zh-CN': '数据资产登记（整篇骨架）', en: 'Data asset register (whole skeleton)' },
  skeletonDoc: {
    'zh-CN': '插入 {kind} 的全部必填字段，{placeholder} 处待补充。',
    en: 'Inserts every required field of a {kind}; fill in the {placeholder} placeholders.',
  },
  authorization: { 'zh-CN': '授权运营记录（整段）', en: 'Authorization (whole block)' },
  authorizationDoc: {
    'zh-CN': '一条授权运营记录：运营主体、授予的权利、安全评估、审批、是否有偿（财资〔2024〕1号 (4)）。',
    en: 'One authorization: operating entity, rights granted, security assessment, approval, paid or not (财资〔2024〕1号 (4)).',
  },
  revenue: { 'zh-CN': '收益记录（整段）', en: 'Revenue line (whole block)' },
  revenueDoc: {
    'zh-CN': '一笔收益：年度、来源、金额、管理方式（财资〔2024〕1号 (7)）。',
    en: 'One revenue line: year, source, amount, handling (财资〔2024〕1号 (7)).',
  },
  disposal: { 'zh-CN': '处置记录（整段）', en: 'Disposal (whole block)' },
  disposalDoc: {
    'zh-CN': '处置记录：处置方式、集体决策、审批文件（财资〔2024〕1号 (6)）。',
    en: 'The disposal record: method, collective decision, approval document (财资〔2024〕1号 (6)).',
  },
  item: { 'zh-CN': '{title}（整段）', en: '{title} (whole block)' },
  itemDoc: { 'zh-CN': '插入一个新条目及其必填字段。', en: 'Inserts a new item with its required fields.' },
  yes: { 'zh-CN': '是', en: 'Yes' },
  no: { 'zh-CN': '否', en: 'No' },
  dataCode: { 'zh-CN': '数据资产分类代码', en: 'Data-asset classification code' },
  nextLine: { 'zh-CN': '豁免下一行的问题', en: 'Waive findings on the next line' },
  thisLine: { 'zh-CN': '豁免本行的问题', en: 'Waive findings on this line' },
  block: { 'zh-CN': '豁免此后的问题，直到 steward-enable', en: 'Waive findings from here until steward-enable' },
  enable: { 'zh-CN': '结束 steward-disable 的豁免', en: 'End a steward-disable waiver' },
  waiverDoc: {
    'zh-CN': '写法：`# {directive} 规则编号 -- 原因`',
    en: 'Usage: `# {directive} RULE-ID -- reason`',
  },
} satisfies Record<string, LocalizedText>;

export function say(locale: Locale, message: LocalizedText, args: Record<string, string> = {}): string {
  return fillTemplate(message[locale], args);
}
