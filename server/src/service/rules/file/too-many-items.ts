/**
 * DA-FILE-005: a document lists more resources or assets than the item limit and was not checked. Reported by the
 * parser (parser/parse.ts), which counts the items while splitting the list, before any tree is built.
 */
import type { BuiltInRule } from '../rule';
import { ASSET, REGISTER, REGISTER_HEAD } from '../examples';
import { cite } from '../sources';

export const tooManyItemsRule: BuiltInRule = {
  layer: 'file',
  meta: {
    id: 'DA-FILE-005',
    name: 'too-many-items',
    sources: [cite('steward-format')],
    severity: 'error',
    fixable: false,
    messages: {
      // {key} is the list (`assets` or `resources`), {count} its number of items, {limit} the limit.
      tooMany: {
        'zh-CN': '{key} 列表有 {count} 项，超过每个文件 {limit} 项的上限，文件未作检查；请将其拆分为多个文件',
        en: 'The {key} list has {count} items, over the limit of {limit} per file; the file was not checked. Split it into several files',
      },
    },
    docs: {
      description: {
        'zh-CN': '文件中的资源或资产数量超过上限，未作检查',
        en: 'The file lists more resources or assets than the limit and was not checked',
      },
      rationale: {
        'zh-CN':
          '一个文件中的资源或资产超过上限（默认 100,000 项，可用 --max-items-per-file 调整）时不逐项检查，以免一次检查耗尽内存；报告出来，是为了不让没有检查的文件被当成检查通过。宜按年度或业务将其分为多个文件。',
        en: 'A file listing more resources or assets than the limit (100,000 by default, see --max-items-per-file) is not checked item by item, so that one check cannot exhaust the memory; it is reported so that an unchecked file is never taken for a clean one. Split it into files by year or by line of business.',
      },
      example: `# all.assets.yaml：历年资产登记在同一个文件里，项数超过了上限
# all.assets.yaml holds every year's assets in one file, more than the limit allows
${REGISTER_HEAD}assets:
${ASSET}
${ASSET.replace('DA-2024-0001', 'DA-2024-0002')}
  # ……（以下还有数十万项资产 / hundreds of thousands more assets follow）`,
      fixedExample: `# 2024.assets.yaml：按年度分为多个文件 / one file per year
${REGISTER}`,
    },
  },
};
