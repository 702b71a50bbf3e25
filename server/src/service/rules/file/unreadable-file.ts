/** DA-FILE-001: a file the command names cannot be read. Reported by the CLI's file reader (cli/files.ts). */
import type { BuiltInRule } from '../rule';
import { REGISTER } from '../examples';
import { cite } from '../sources';

export const unreadableFileRule: BuiltInRule = {
  layer: 'file',
  meta: {
    id: 'DA-FILE-001',
    name: 'unreadable-file',
    sources: [cite('steward-format')],
    severity: 'error',
    fixable: false,
    messages: {
      // Filled by position: {0} is the reason the system gave (ENOENT, EACCES, ...).
      unreadable: { 'zh-CN': '无法读取文件：{0}', en: 'Cannot read the file: {0}' },
    },
    docs: {
      description: {
        'zh-CN': '文件无法读取（不存在、无权限或是目录）',
        en: 'The file cannot be read (missing, no permission, or a directory)',
      },
      rationale: {
        'zh-CN':
          '命令中点名的文件读不到时，作为错误报告而不是跳过：否则持续集成会在什么也没有检查的情况下通过。常见的原因是路径或文件名写错、没有读取权限，或把目录当成了文件。',
        en: 'A file named on the command line that cannot be read is reported as an error rather than skipped: otherwise CI would pass having checked nothing. The usual causes are a mistyped path or file name, no permission to read it, or a folder given where a file was meant.',
      },
      example: `# steward validate transport.asset.yaml
# 没有这个文件：文件名少了一个 s / no such file: the name lacks an s`,
      fixedExample: `# steward validate transport.assets.yaml
${REGISTER}`,
    },
  },
};
