/** DA-YAML-003: a line is indented with tabs. Reported by the parser (parser/problems.ts). */
import type { BuiltInRule } from '../rule';
import { REGISTER, registerWith } from '../examples';
import { cite } from '../sources';

export const tabIndentationRule: BuiltInRule = {
  layer: 'yaml',
  meta: {
    id: 'DA-YAML-003',
    name: 'tab-indentation',
    sources: [cite('yaml-1.2.2')],
    severity: 'error',
    fixable: false,
    messages: {
      tab: {
        'zh-CN': 'YAML 不允许用制表符（Tab）缩进，请改用空格',
        en: 'Tabs are not allowed as indentation in YAML; use spaces',
      },
    },
    docs: {
      description: {
        'zh-CN': '用制表符缩进（YAML 只允许空格）',
        en: 'Indentation with tabs (YAML allows spaces only)',
      },
      rationale: {
        'zh-CN':
          'YAML 1.2.2 以空格缩进表示层级，不允许用制表符缩进：制表符在不同编辑器中宽度不同，同一个文件在不同人眼里层级不同。请把行首的制表符换成空格（本项目的文件每级缩进两个空格）。',
        en: 'YAML 1.2.2 expresses nesting by indenting with spaces and forbids tabs there: a tab is as wide as each editor makes it, so the same file would nest differently for different readers. Replace the leading tabs with spaces (two per level in these files).',
      },
      example: registerWith('    acquisition:\n      method: 自主采集', '    acquisition:\n\t\tmethod: 自主采集'),
      fixedExample: REGISTER,
    },
  },
};
