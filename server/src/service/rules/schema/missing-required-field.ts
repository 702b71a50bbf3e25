/** DA-SCHEMA-001: a required field is missing. Reported by the schema mapping (schema/errors.ts). */
import type { BuiltInRule } from '../rule';
import { REGISTER, registerWith } from '../examples';
import { notice } from '../sources';

export const missingRequiredFieldRule: BuiltInRule = {
  layer: 'schema',
  meta: {
    id: 'DA-SCHEMA-001',
    name: 'missing-required-field',
    sources: [notice()],
    severity: 'error',
    fixable: false,
    messages: {
      // {fieldZh} / {fieldEn}: the field, with its Chinese title in the Chinese message.
      required: { 'zh-CN': '缺少必填字段{fieldZh}', en: 'Missing required field {fieldEn}' },
      requiredWhen: {
        'zh-CN': '缺少字段{fieldZh}：当 {condition} 时必须填写',
        en: 'Missing field {fieldEn}: required when {condition}',
      },
    },
    docs: {
      description: {
        'zh-CN': '缺少必填字段（含条件必填：如购置须有预算依据、有偿授权须有费用）',
        en: 'A required field is missing (including conditional ones: a purchase needs its budget reference, a paid authorization its fee)',
      },
      rationale: {
        'zh-CN':
          '数据资源目录和数据资产登记的结构（steward/v1 的 JSON Schema）列出了每项资源、资产必须记载的内容，每个字段注明所依据的财资〔2024〕1号条款或标准；有的字段在特定情况下才必填，消息会写明条件。缺少必填字段，该项登记就不完整，无法据以管理、核对和报告。',
        en: 'The structure of catalogs and registers (the steward/v1 JSON Schemas) lists what every resource and asset must record, each field citing the clause of 财资〔2024〕1号 or the standard it rests on; some fields are required only in certain cases, which the message states. Without a required field the entry is incomplete and cannot be managed, checked or reported on.',
      },
      example: registerWith('    securityGrade: 一般数据\n', ''),
      fixedExample: REGISTER,
    },
  },
};
