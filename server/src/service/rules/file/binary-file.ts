/** DA-FILE-002: the file is binary, not YAML text. Reported by the CLI's file reader (cli/files.ts). */
import type { BuiltInRule } from '../rule';
import { REGISTER } from '../examples';
import { cite } from '../sources';

export const binaryFileRule: BuiltInRule = {
  layer: 'file',
  meta: {
    id: 'DA-FILE-002',
    name: 'binary-file',
    sources: [cite('steward-format')],
    severity: 'error',
    fixable: false,
    messages: {
      // Filled by position: {0} is the 1-based offset of the first NUL byte.
      binary: {
        'zh-CN': '这是二进制文件，不是 YAML 文本（第 {0} 个字节为 NUL）',
        en: 'This is a binary file, not YAML text (byte {0} is NUL)',
      },
    },
    docs: {
      description: { 'zh-CN': '文件是二进制内容，不是 YAML 文本', en: 'The file is binary, not YAML text' },
      rationale: {
        'zh-CN':
          '数据资源目录和数据资产登记以 YAML 文本保存（steward/v1），才能逐行审阅、比较版本、定位问题。二进制文件（如 Excel 工作簿、压缩包）改了扩展名也不是 YAML；检查在文件开头 8 KB 内遇到 NUL 字节即停止，并报告它的位置。',
        en: 'Catalogs and registers are kept as YAML text (steward/v1), so that they can be reviewed line by line, compared between versions and have their problems located. A binary file (an Excel workbook, an archive) is not YAML because it was renamed; the check stops at a NUL byte in the first 8 KB and reports where it is.',
      },
      example: `# transport.assets.yaml：实为 Excel 工作簿改名而来，开头是 PK 与 NUL 字节
# transport.assets.yaml is an Excel workbook renamed: it starts with PK and NUL bytes`,
      fixedExample: `# transport.assets.yaml：从工作簿导出为 YAML 文本 / exported from the workbook as YAML text
${REGISTER}`,
    },
  },
};
