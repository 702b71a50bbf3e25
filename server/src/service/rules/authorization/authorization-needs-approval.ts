/** DA-AUTH-002: an authorization of a data asset records its approval within the asset-management authority (clause 4). */
import { PLACEHOLDER } from '../../edit/yaml-edit';
import { AUTHORIZATION_EXAMPLE, authorizationRule } from './common';

export const authorizationApprovalRule = authorizationRule({
  id: 'DA-AUTH-002',
  name: 'authorization-needs-approval',
  key: 'approval',
  value: { ref: PLACEHOLDER, authority: PLACEHOLDER },
  meta: {
    messages: {
      missing: {
        'zh-CN': '向“{entity}”的授权没有审批记录（approval）：须按资产管理权限履行审批程序',
        en: 'The authorization to "{entity}" has no approval (approval): it must be approved within the unit\'s asset-management authority',
      },
      fix: {
        'zh-CN': '添加审批记录（批复文号、审批机关待填写）',
        en: 'Add an approval record (reference and authority to fill in)',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '每项数据资产授权都要有审批记录（approval），至少写明批复文号（ref）；宜写明审批机关（authority）和批复日期（date），DA-AUTH-007 据日期核对先后顺序。',
        en: 'Every authorization of a data asset records its approval (approval) with at least the approval number (ref); the approving authority (authority) and the date (date) are recommended, and DA-AUTH-007 checks the order of events from the date.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（四）条：授权须按资产管理权限审批；有偿使用的还须严格履行审批程序。',
        en: "Clause (4) of 财资〔2024〕1号: an authorization is approved within the unit's asset-management authority, and paid use strictly follows the approval procedure.",
      },
      example: AUTHORIZATION_EXAMPLE.replace(
        '    approval: { ref: 某财资〔2024〕56号, authority: 某市财政局 }\n',
        '',
      ).replace(/\n {4}approval:.*$/, ''),
      fixedExample: AUTHORIZATION_EXAMPLE,
    },
  },
});
