/**
 * DA-AUTH-001: an authorization of a data asset to an operating entity records the security assessment that must
 * come before it (clause 4).
 */
import { PLACEHOLDER } from '../../edit/yaml-edit';
import { AUTHORIZATION_EXAMPLE, authorizationRule } from './common';

export const authorizationAssessmentRule = authorizationRule({
  id: 'DA-AUTH-001',
  name: 'authorization-needs-security-assessment',
  key: 'securityAssessment',
  value: { ref: PLACEHOLDER, date: PLACEHOLDER },
  meta: {
    messages: {
      missing: {
        'zh-CN': '向“{entity}”的授权没有安全评估记录（securityAssessment）：授权须在安全评估之后进行',
        en: 'The authorization to "{entity}" has no security assessment (securityAssessment): an authorization may only follow a security assessment',
      },
      fix: {
        'zh-CN': '添加安全评估记录（报告编号、日期待填写）',
        en: 'Add a security assessment record (report number and date to fill in)',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '每项数据资产授权都要有安全评估记录（securityAssessment），至少写明评估报告编号（ref）；宜写明评估日期（date），DA-AUTH-007 据此核对先后顺序。',
        en: 'Every authorization of a data asset records its security assessment (securityAssessment) with at least its report number (ref); its date (date) is recommended, and DA-AUTH-007 checks the order of events from it.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（四）条：数据加工使用权、数据产品经营权须经安全评估，并按资产管理权限审批后，方可授权运营主体运营。',
        en: "Clause (4) of 财资〔2024〕1号: the data-processing-and-use right and the data-product operation right may be authorised to an operating entity only after a security assessment and an approval within the unit's asset-management authority.",
      },
      example: AUTHORIZATION_EXAMPLE.replace('    securityAssessment: { ref: AQPG-2024-03, date: 2024-05-10 }\n', ''),
      fixedExample: AUTHORIZATION_EXAMPLE,
    },
  },
});
