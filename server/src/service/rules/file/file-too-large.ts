/** DA-FILE-004: the file is over the size limit and was not checked. Reported by the file reader (host/read.ts). */
import type { BuiltInRule } from '../rule';
import { ASSET, REGISTER, REGISTER_HEAD } from '../examples';
import { cite } from '../sources';

export const fileTooLargeRule: BuiltInRule = {
  layer: 'file',
  meta: {
    id: 'DA-FILE-004',
    name: 'file-too-large',
    sources: [cite('steward-format')],
    severity: 'error',
    fixable: false,
    messages: {
      // Filled by position: {0} is the file's size and {1} the limit, in MB.
      tooLarge: {
        'zh-CN': '文件大小 {0} MB 超过上限 {1} MB，未作检查（可用 --max-file-size 调整）',
        en: 'The file is {0} MB, over the {1} MB limit; not checked (see --max-file-size)',
      },
      // {0} and {1} as above; {2} says what raises the limit (the option), or nothing where it is fixed.
      overLimit: {
        'zh-CN': '文件大小 {0} MB 超过上限 {1} MB，未作检查{2}',
        en: 'The file is {0} MB, over the {1} MB limit; not checked{2}',
      },
      // The file (or standard input) had no size to check beforehand, or grew while it was read: {0} is the limit.
      stoppedAtLimit: {
        'zh-CN': '读到上限 {0} MB 时仍未结束，已停止读取，未作检查{1}',
        en: 'Reading stopped at the {0} MB limit before the end; not checked{1}',
      },
    },
    docs: {
      description: { 'zh-CN': '文件超过大小上限，未作检查', en: 'The file exceeds the size limit and was not checked' },
      rationale: {
        'zh-CN':
          '超过上限（默认 96 MB，可用 --max-file-size 调整）的文件不作检查，以免一次检查耗尽内存；报告出来，是为了不让没有检查的文件被当成检查通过。登记过大时，宜按年度或业务分为多个文件。',
        en: 'A file over the limit (96 MB by default, see --max-file-size) is not checked, so that one check cannot exhaust the memory; it is reported so that an unchecked file is never taken for a clean one. A register that large is better split into files by year or by line of business.',
      },
      example: `# all.assets.yaml：历年资产登记在同一个文件里，超过了上限
# all.assets.yaml holds every year's assets in one file, over the limit
${REGISTER_HEAD}assets:
${ASSET}
${ASSET.replace('DA-2024-0001', 'DA-2024-0002')}
  # ……（以下还有数十万项资产 / hundreds of thousands more assets follow）`,
      fixedExample: `# 2024.assets.yaml：按年度分为多个文件 / one file per year
${REGISTER}`,
    },
  },
};
