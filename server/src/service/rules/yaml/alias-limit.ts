/** DA-YAML-005: an alias refers to a missing anchor or expands too much. Reported by the parser (parser/problems.ts). */
import type { BuiltInRule } from '../rule';
import { REGISTER, registerWith } from '../examples';
import { cite } from '../sources';

export const aliasLimitRule: BuiltInRule = {
  layer: 'yaml',
  meta: {
    id: 'DA-YAML-005',
    name: 'alias-limit',
    sources: [cite('yaml-1.2.2')],
    severity: 'error',
    fixable: false,
    messages: {
      unresolved: {
        'zh-CN': '别名 *{alias} 引用的锚点 &{alias} 不存在：请在前文用 &{alias} 标出被引用的内容，或直接写出取值',
        en: 'Alias *{alias} refers to an anchor &{alias} that is not defined: mark the content with &{alias} before it, or write the value out',
      },
      budget: {
        'zh-CN':
          '别名展开后超过 {limit} 个节点（“十亿笑”式的层层嵌套别名），未予展开，其中的字段没有检查：请直接写出内容，或减少别名的嵌套',
        en: 'This alias would expand to more than {limit} nodes (aliases nested in aliases, a "billion laughs" pattern), so it was not expanded and nothing in it was checked: write the content out, or nest fewer aliases',
      },
      cycle: {
        'zh-CN': '别名 *{alias} 位于其锚点 &{alias} 所标的内容之中（循环引用），无法展开：请删除这个别名，直接写出内容',
        en: 'Alias *{alias} sits inside the content its anchor &{alias} marks (a cycle), so it cannot be expanded: remove the alias and write the content out',
      },
      invalid: {
        'zh-CN': '锚点或别名的名称无效（为空，或以冒号结尾）：请改用字母、数字组成的名称',
        en: 'An anchor or alias name is invalid (empty, or ending in a colon): use a name of letters and digits',
      },
    },
    docs: {
      description: {
        'zh-CN': '别名引用不存在的锚点、循环引用或展开过大',
        en: 'An alias refers to a missing anchor, to itself, or expands too much',
      },
      rationale: {
        'zh-CN':
          'YAML 的别名（*名称）引用前文用锚点（&名称）标出的内容。锚点不存在时，别名处读不出任何值；层层嵌套的别名又可能展开成极大的数据（“十亿笑”攻击），耗尽内存。所以引用不存在的锚点是错误，展开超过预算的别名不予展开。',
        en: 'A YAML alias (*name) stands for content marked earlier with an anchor (&name). With no such anchor there is no value to read; and aliases nested in aliases can expand into enormous data (the "billion laughs" attack) that exhausts memory. So an alias to a missing anchor is an error, and one that expands beyond the budget is not expanded.',
      },
      example: registerWith('    acquisition:\n      method: 自主采集', '    acquisition: *自主采集'),
      fixedExample: REGISTER,
    },
  },
};
