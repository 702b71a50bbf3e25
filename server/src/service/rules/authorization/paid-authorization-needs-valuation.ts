/** DA-AUTH-004: a paid authorization records the evaluation of the asset's rights and interests (clause 4). */
import { PLACEHOLDER } from '../../edit/yaml-edit';
import { mapAt, textAt } from '../../tree/read';
import { APPROVED, assetExample, FEE, paidRecordRule, SOURCES, VALUATION } from './common';
import { cite } from '../sources';

export const paidValuationRule = paidRecordRule({
  id: 'DA-AUTH-004',
  name: 'paid-authorization-needs-valuation',
  key: 'valuation',
  sources: [...SOURCES, cite('cas-2023-17')],
  value: { method: PLACEHOLDER, ref: PLACEHOLDER },
  refine: (item) => {
    const ref = textAt(mapAt(item, 'valuation'), 'ref');
    return ref ? { messageId: 'missingAssetValued', args: { ref } } : undefined;
  },
  meta: {
    messages: {
      missing: {
        'zh-CN':
          '向“{entity}”的授权是有偿的（paid: true），但没有资产权益评估（valuation）：有偿使用须先依规评估，请写明评估方法和评估报告编号',
        en: 'The authorization to "{entity}" is paid (paid: true) but has no evaluation of the asset\'s rights and interests (valuation): paid use requires one; give the valuation method and report number',
      },
      missingAssetValued: {
        'zh-CN':
          '向“{entity}”的授权是有偿的（paid: true），但没有资产权益评估（valuation）：请写明评估方法和评估报告编号；如果资产的评估报告 {ref} 涵盖本次授权，可以引用它',
        en: 'The authorization to "{entity}" is paid (paid: true) but has no evaluation of the asset\'s rights and interests (valuation): give the valuation method and report number; if the asset\'s valuation report {ref} covers this authorization, cite it',
      },
      fix: {
        'zh-CN': '添加资产权益评估（方法、报告编号待填写）',
        en: 'Add the valuation (method and report number to fill in)',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '有偿授权（paid: true）须在 valuation 中写明资产权益评估：评估方法（收益法、成本法、市场法）和评估报告编号。',
        en: "A paid authorization (paid: true) records, in valuation, the evaluation of the asset's rights and interests: method (收益法 income, 成本法 cost, 市场法 market) and report number.",
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（四）条：各部门及所属单位向外授权有偿使用数据资产的，要严格按照资产管理权限履行审批程序，并按照国家规定对资产相关权益进行评估。评估结果为收费提供依据，评估报告编号则记明资产权益已经评估。评估方法（收益法、成本法、市场法）见中国资产评估协会《数据资产评估指导意见》。',
        en: "Clause (4) of 财资〔2024〕1号: a department or unit that authorises paid use of a data asset strictly follows the approval procedure and has the asset's rights and interests evaluated under national rules. The valuation grounds the fee, and the report number records that the rights and interests were evaluated. The methods (income, cost, market) are those of the China Appraisal Society's guiding opinions on data asset valuation.",
      },
      example: assetExample([...APPROVED, 'paid: true', FEE]),
      fixedExample: assetExample([...APPROVED, 'paid: true', FEE, VALUATION]),
    },
  },
});
