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
        'zh-CN': '别名 *{alias} 引用的锚点不存在',
        en: 'Alias *{alias} refers to an anchor that is not defined',
      },
      budget: {
        'zh-CN': '别名展开过多（疑似“十亿笑”攻击），已停止展开',
        en: 'Alias expansion is too large (a "billion laughs" pattern); it was not expanded',
      },
    },
    docs: {
      description: {
        'zh-CN': '别名引用不存在的锚点或展开过大',
        en: 'An alias refers to a missing anchor or expands too much',
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
