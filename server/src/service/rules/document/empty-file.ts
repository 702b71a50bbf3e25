/** DA-DOC-001: the file holds no YAML document. Reported by the document checks of the pipeline (validate.ts). */
import type { BuiltInRule } from '../rule';
import { REGISTER } from '../examples';
import { cite } from '../sources';

export const emptyFileRule: BuiltInRule = {
  layer: 'document',
  meta: {
    id: 'DA-DOC-001',
    name: 'empty-file',
    sources: [cite('steward-format')],
    severity: 'warning',
    fixable: false,
    messages: {
      empty: { 'zh-CN': '文件中没有任何 YAML 文档（空文件）', en: 'The file holds no YAML document (it is empty)' },
    },
    docs: {
      description: { 'zh-CN': '文件中没有 YAML 文档', en: 'The file holds no YAML document' },
      rationale: {
        'zh-CN':
          '以 .catalog.yaml 或 .assets.yaml 命名的文件应当是数据资源目录或数据资产登记。只有注释或空白的文件没有可检查的内容，多半是尚未填写或保存时出了问题，所以给出警告。',
        en: 'A file named .catalog.yaml or .assets.yaml should be a data resource catalog or a data asset register. A file of nothing but comments or blank lines has nothing to check; it is usually not filled in yet, or was saved wrongly, hence a warning.',
      },
      example: '# 某市交通运输局数据资产登记（待整理）\n',
      fixedExample: `# 某市交通运输局数据资产登记\n${REGISTER}`,
    },
  },
};
