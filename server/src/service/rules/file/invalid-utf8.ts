/** DA-FILE-003: the file is not valid UTF-8 (or is UTF-16). Reported by the CLI's file reader (cli/files.ts). */
import type { BuiltInRule } from '../rule';
import { REGISTER } from '../examples';
import { cite } from '../sources';

export const invalidUtf8Rule: BuiltInRule = {
  layer: 'file',
  meta: {
    id: 'DA-FILE-003',
    name: 'invalid-utf8',
    sources: [cite('steward-format')], // YAML allows UTF-16 and UTF-32 too: taking UTF-8 only is this tool's format
    severity: 'error',
    fixable: false,
    messages: {
      utf16: { 'zh-CN': '文件是 UTF-16 编码；请另存为 UTF-8', en: 'The file is encoded as UTF-16; save it as UTF-8' },
      // Filled by position: {0} is the first invalid byte in hexadecimal.
      invalidUtf8: {
        'zh-CN': '无效的 UTF-8 字节序列（字节 0x{0}）；请以 UTF-8 保存文件',
        en: 'Invalid UTF-8 byte sequence (byte 0x{0}); save the file as UTF-8',
      },
    },
    docs: {
      description: { 'zh-CN': '文件不是有效的 UTF-8 编码', en: 'The file is not valid UTF-8' },
      rationale: {
        'zh-CN':
          'YAML 1.2.2 的文本是 Unicode 字符，本工具只读 UTF-8（可带 BOM）。以 GBK 或 UTF-16 保存的文件，中文会被读成乱码，字段值和编号都无从核对，所以整个文件不作检查，并报告第一个无效字节的位置。请以 UTF-8 重新保存。',
        en: 'YAML 1.2.2 text is Unicode, and steward reads UTF-8 only (a BOM is allowed). A file saved as GBK or UTF-16 would have its Chinese read as garbage, leaving no value or id to check, so the file is not checked and the position of the first invalid byte is reported. Save it again as UTF-8.',
      },
      example: `# 以 UTF-16 保存（记事本的“Unicode”）/ saved as UTF-16 (Notepad's "Unicode")
${REGISTER}`,
      fixedExample: `# 以 UTF-8 保存 / saved as UTF-8
${REGISTER}`,
    },
  },
};
