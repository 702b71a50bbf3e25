/** DA-PI-001: a resource with personal information names the legal basis for processing it (clause 2; PIPL). */
import {
  LEGAL_BASIS,
  NOT_OPENED,
  PROCESSING_AUTHORITY,
  processingRecordRule,
  resourceExample,
  SHARED_ON_CONDITIONS,
} from './common';

export const legalBasisRule = processingRecordRule({
  id: 'DA-PI-001',
  name: 'personal-information-needs-legal-basis',
  key: 'legalBasis',
  articles: '第十三条、第三十四条',
  meta: {
    messages: {
      missing: {
        'zh-CN':
          '资源“{resource}”包含个人信息，但没有写明处理的法律依据（personalInformation.legalBasis）：请写明所依据的法律、行政法规条款',
        en: 'Resource "{resource}" contains personal information but gives no legal basis for processing it (personalInformation.legalBasis): name the law or administrative regulation it rests on',
      },
      fix: {
        'zh-CN': '添加处理个人信息的法律依据（待填写）',
        en: 'Add the legal basis for processing the personal information (to fill in)',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '包含个人信息的资源（personalInformation.contains: true）须在 legalBasis 中写明处理所依据的法律、行政法规条款。',
        en: 'A resource that contains personal information (personalInformation.contains: true) names, in legalBasis, the law or administrative regulation under which it is processed.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（二）条：涉及处理个人信息的，应当依照法律法规规定的权限、程序进行。《个人信息保护法》第十三条、第三十四条：国家机关只能在有法定依据、为履行法定职责所必需的范围内处理个人信息。目录写明依据，才能核对每一项处理是否有法可依。',
        en: 'Clause (2) of 财资〔2024〕1号: personal information is processed only within the authority and procedures set by law. PIPL articles 13 and 34: a state organ processes personal information only on a legal basis and only as far as its statutory duties require. Recording the basis in the catalog lets every processing be checked against the law.',
      },
      example: resourceExample(`      contains: true\n${PROCESSING_AUTHORITY}`, SHARED_ON_CONDITIONS, NOT_OPENED),
      fixedExample: resourceExample(
        `      contains: true\n${LEGAL_BASIS}\n${PROCESSING_AUTHORITY}`,
        SHARED_ON_CONDITIONS,
        NOT_OPENED,
      ),
    },
  },
});
