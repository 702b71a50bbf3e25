/** DA-AUTH-003: a paid authorization states its fee (clause 4). */
import { PLACEHOLDER } from '../../edit/yaml-edit';
import { APPROVED, assetExample, FEE, paidRecordRule, VALUATION } from './common';

export const paidFeeRule = paidRecordRule({
  id: 'DA-AUTH-003',
  name: 'paid-authorization-needs-fee',
  key: 'fee',
  value: { amount: PLACEHOLDER },
  meta: {
    messages: {
      missing: {
        'zh-CN': '向“{entity}”的授权是有偿的（paid: true），但没有写明收费（fee）：请写明收费金额和定价依据',
        en: 'The authorization to "{entity}" is paid (paid: true) but states no fee (fee): give the amount and what the price is based on',
      },
      fix: { 'zh-CN': '添加收费记录（金额待填写）', en: 'Add the fee (amount to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '有偿授权（paid: true）须在 fee 中写明收费金额，宜同时写明定价依据（fee.basis）。',
        en: 'A paid authorization (paid: true) states its fee amount in fee, ideally with what the price is based on (fee.basis).',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（四）条：有偿使用数据资产的，须严格按资产管理权限履行审批程序，并依规评估资产权益；严禁借授权有偿使用数据资产的名义，变相虚增财政收入。写明收费金额和依据，收益才能对账、才能核实定价合理；第（七）条：不得违反国家规定少收、不收数据资产相关收入。',
        en: "Clause (4) of 财资〔2024〕1号: paid use of a data asset strictly follows the approval procedure and is based on an evaluation of the asset's rights and interests, and it must never inflate fiscal revenue in disguise. A stated amount and basis let the revenue be reconciled and the price checked; clause (7) forbids collecting less than due or nothing.",
      },
      example: assetExample([...APPROVED, 'paid: true', VALUATION]),
      fixedExample: assetExample([...APPROVED, 'paid: true', FEE, VALUATION]),
    },
  },
});
