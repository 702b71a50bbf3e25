/** DA-YAML-002: a key appears twice in one mapping. Reported by the parser (parser/problems.ts). */
import type { BuiltInRule } from '../rule';
import { REGISTER, registerWith } from '../examples';
import { cite } from '../sources';

export const duplicateKeyRule: BuiltInRule = {
  layer: 'yaml',
  meta: {
    id: 'DA-YAML-002',
    name: 'duplicate-key',
    sources: [cite('yaml-1.2.2')],
    severity: 'error',
    fixable: false,
    messages: {
      duplicate: {
        'zh-CN': '重复的键“{key}”：同一映射中的键必须唯一',
        en: 'Duplicate key "{key}": keys in a mapping must be unique',
      },
      duplicateUnnamed: {
        'zh-CN': '重复的键：同一映射中的键必须唯一',
        en: 'Duplicate key: keys in a mapping must be unique',
      },
    },
    docs: {
      description: { 'zh-CN': '同一映射中出现重复的键', en: 'A key appears twice in one mapping' },
      rationale: {
        'zh-CN':
          'YAML 1.2.2 要求同一映射中的键各不相同。重复的键只有一个值会被读出，另一个被悄悄丢弃，登记的内容就与文件里写的不一致。请删去或合并重复的键。',
        en: 'YAML 1.2.2 requires the keys of a mapping to be distinct. Of a repeated key only one value is read and the other silently dropped, so what is registered is not what the file says. Remove or merge the repeated key.',
      },
      example: registerWith('    securityGrade: 一般数据', '    securityGrade: 一般数据\n    name: 公交运行监测数据'),
      fixedExample: REGISTER,
    },
  },
};
