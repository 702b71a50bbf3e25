/** DA-YAML-001: the text is not well-formed YAML. Reported by the parser (parser/problems.ts). */
import type { BuiltInRule } from '../rule';
import { REGISTER, registerWith } from '../examples';
import { cite } from '../sources';

export const yamlSyntaxRule: BuiltInRule = {
  layer: 'yaml',
  meta: {
    id: 'DA-YAML-001',
    name: 'yaml-syntax',
    sources: [cite('yaml-1.2.2')],
    severity: 'error',
    fixable: false,
    messages: {
      // {problemZh} / {problemEn}: what the parser found, in each language.
      syntax: { 'zh-CN': 'YAML 语法错误：{problemZh}', en: 'YAML syntax error: {problemEn}' },
      tooMany: { 'zh-CN': '另有 {count} 个 YAML 错误未列出', en: '{count} more YAML errors not listed' },
    },
    docs: {
      description: { 'zh-CN': 'YAML 语法错误', en: 'YAML syntax error' },
      rationale: {
        'zh-CN':
          '文件先要是合乎 YAML 1.2.2 的文本，才能读出其中的字段：语法错误处之后的内容无从检查。常见的错误是引号或括号不成对、冒号后少了空格、缩进没有对齐。每个文件列出的 YAML 错误有上限，其余的合为一条提示。',
        en: 'A file must be YAML 1.2.2 before its fields can be read at all: nothing past a syntax error can be checked. The usual mistakes are an unclosed quote or bracket, a missing space after a colon, misaligned indentation. The YAML errors listed per file are capped; the rest are counted in one note.',
      },
      example: registerWith('    classificationCode: A08060201', '    classificationCode: [A08060201'),
      fixedExample: REGISTER,
    },
  },
};
