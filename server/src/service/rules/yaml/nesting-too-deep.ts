/** DA-YAML-006: the nesting is too deep to read. Reported by the parser (parser/problems.ts). */
import type { BuiltInRule } from '../rule';
import { REGISTER, registerWith } from '../examples';
import { cite } from '../sources';

/** Nesting deeper than the parsers read (64 levels): a note whose value is lists in lists. */
const DEEP = `${'['.repeat(70)}备注${']'.repeat(70)}`;

export const nestingTooDeepRule: BuiltInRule = {
  layer: 'yaml',
  meta: {
    id: 'DA-YAML-006',
    name: 'nesting-too-deep',
    sources: [cite('yaml-1.2.2')],
    severity: 'error',
    fixable: false,
    messages: {
      tooDeep: { 'zh-CN': '嵌套层级过深，超出部分未解析', en: 'Nesting is too deep; the deeper part was not read' },
    },
    docs: {
      description: { 'zh-CN': '嵌套层级过深', en: 'Nesting is too deep' },
      rationale: {
        'zh-CN':
          '目录和登记的结构不超过十来层；嵌套几十层的内容不会是正常的登记，却可能拖垮解析。超过 64 层的部分不予解析，作为错误报告。',
        en: 'Catalogs and registers nest a dozen levels at most; content nested dozens of levels deep is no real register but could bring the parser down. Whatever lies deeper than 64 levels is not read, and is reported as an error.',
      },
      example: registerWith('      cardNumber: ZC-2024-0001', `      cardNumber: ZC-2024-0001\n    x-note: ${DEEP}`),
      fixedExample: REGISTER.replace(
        '      cardNumber: ZC-2024-0001',
        '      cardNumber: ZC-2024-0001\n    x-note: 备注',
      ),
    },
  },
};
