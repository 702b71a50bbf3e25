import { authorizationAssessmentRule } from '../server/src/service/rules/authorization/authorization-needs-security-assessment';
import { authorizationApprovalRule } from '../server/src/service/rules/authorization/authorization-needs-approval';
import { register, ruleTester } from './rule-tester';

const ASSET = `  - id: DA-2024-0001
    name: 公交运行监测数据集
    resource: R-330100-JT-0001
    classificationCode: A08060201
    securityGrade: 一般数据
    acquisition: { method: 自主采集 }
`;

ruleTester(authorizationAssessmentRule, {
  valid: [
    register(ASSET),
    register(`${ASSET}    authorizations:
      - entity: 某市大数据运营有限公司
        rights: [数据加工使用权]
        securityAssessment: { ref: AQPG-2024-03, date: 2024-05-10 }
        approval: { ref: 某财资〔2024〕56号 }
`),
  ],
  invalid: [
    {
      name: 'a block authorization without assessment: the block gains one, comments kept',
      code: register(`${ASSET}    authorizations:
      - entity: 某市大数据运营有限公司   # 运营主体
        rights: [数据加工使用权]
        approval: { ref: 某财资〔2024〕56号 }
    revenue: []
`),
      errors: [{ messageId: 'missing', line: 16, column: 9 }],
      output: register(`${ASSET}    authorizations:
      - entity: 某市大数据运营有限公司   # 运营主体
        rights: [数据加工使用权]
        approval: { ref: 某财资〔2024〕56号 }
        securityAssessment:
          ref: 待填写
          date: 待填写
    revenue: []
`),
    },
    {
      name: 'a flow authorization, and an empty securityAssessment key filled in place',
      code: register(`${ASSET}    authorizations:
      - { entity: 甲公司, rights: [数据加工使用权], approval: { ref: A-1 } }
      - entity: 乙公司
        rights: [数据产品经营权]
        securityAssessment:   # 待补
        approval: { ref: A-2 }
`),
      errors: [
        { messageId: 'missing', line: 16, column: 11 },
        { messageId: 'missing', line: 17, column: 9 },
      ],
      output: register(`${ASSET}    authorizations:
      - { entity: 甲公司, rights: [数据加工使用权], approval: { ref: A-1 }, securityAssessment: { ref: 待填写, date: 待填写 } }
      - entity: 乙公司
        rights: [数据产品经营权]
        securityAssessment:   # 待补
          ref: 待填写
          date: 待填写
        approval: { ref: A-2 }
`),
    },
  ],
});

ruleTester(authorizationApprovalRule, {
  valid: [register(ASSET)],
  invalid: [
    {
      code: register(`${ASSET}    authorizations:
      - entity: 某市大数据运营有限公司
        rights: [数据加工使用权]
        securityAssessment: { ref: AQPG-2024-03, date: 2024-05-10 }
`).replace(/\n/g, '\r\n'),
      errors: [{ messageId: 'missing', line: 16, column: 9 }],
      output: register(`${ASSET}    authorizations:
      - entity: 某市大数据运营有限公司
        rights: [数据加工使用权]
        securityAssessment: { ref: AQPG-2024-03, date: 2024-05-10 }
        approval:
          ref: 待填写
          authority: 待填写
`).replace(/\n/g, '\r\n'),
    },
  ],
});
