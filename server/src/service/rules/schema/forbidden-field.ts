/** DA-SCHEMA-006: a field the format forbids (a guarantee). Reported by the schema mapping (schema/errors.ts). */
import type { BuiltInRule } from '../rule';
import { REGISTER, registerWith } from '../examples';
import { cite, notice } from '../sources';

export const forbiddenFieldRule: BuiltInRule = {
  layer: 'schema',
  meta: {
    id: 'DA-SCHEMA-006',
    name: 'forbidden-field',
    sources: [notice('(4)'), cite('czz-2024-167')],
    severity: 'error',
    fixable: false,
    messages: {
      forbidden: { 'zh-CN': '不得出现字段{fieldZh}', en: 'Field {fieldEn} is not allowed' },
      // {reasonZh} / {reasonEn}: the schema's description of the field, which says why.
      forbiddenBecause: {
        'zh-CN': '不得出现字段{fieldZh}：{reasonZh}',
        en: 'Field {fieldEn} is not allowed: {reasonEn}',
      },
    },
    docs: {
      description: {
        'zh-CN': '出现了禁止的字段（如以数据资产担保）',
        en: 'A forbidden field is present (e.g. a guarantee backed by a data asset)',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（四）条：不得利用数据资产进行担保，新增政府隐性债务（财资〔2024〕167号重申）。登记格式因此禁止出现 guarantee 字段。运行合规规则时，由 DA-AUTH-006 更具体地报告同一问题并取代本条；只做结构检查（--schema-only）时报告本条。',
        en: 'Clause (4) of 财资〔2024〕1号: data assets may not be used as guarantees to create new hidden government debt (repeated by 财资〔2024〕167号), so the register format forbids a guarantee field. When the compliance rules run, DA-AUTH-006 reports the same problem more precisely and replaces this finding; a structure-only check (--schema-only) reports this one.',
      },
      example: registerWith(
        '      cardNumber: ZC-2024-0001',
        '      cardNumber: ZC-2024-0001\n    guarantee:\n      creditor: 某商业银行',
      ),
      fixedExample: REGISTER,
    },
  },
};
