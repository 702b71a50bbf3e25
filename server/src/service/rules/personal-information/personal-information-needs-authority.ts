/** DA-PI-002: a resource with personal information states the authority for processing it (clause 2; PIPL). */
import {
  LEGAL_BASIS,
  NOT_OPENED,
  PROCESSING_AUTHORITY,
  processingRecordRule,
  resourceExample,
  SHARED_ON_CONDITIONS,
} from './common';

export const processingAuthorityRule = processingRecordRule({
  id: 'DA-PI-002',
  name: 'personal-information-needs-authority',
  key: 'processingAuthority',
  articles: '第三十四条',
  meta: {
    messages: {
      missing: {
        'zh-CN':
          '资源“{resource}”包含个人信息，但没有写明处理权限（personalInformation.processingAuthority）：请写明由哪个机构、在什么职责范围内、按什么程序处理',
        en: 'Resource "{resource}" contains personal information but states no processing authority (personalInformation.processingAuthority): say which body processes it, within which duties and by which procedure',
      },
      fix: {
        'zh-CN': '添加个人信息处理权限（待填写）',
        en: 'Add the authority for processing the personal information (to fill in)',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '包含个人信息的资源（personalInformation.contains: true）须在 processingAuthority 中写明处理权限：由谁、在什么职责范围内、按什么程序处理。',
        en: 'A resource that contains personal information (personalInformation.contains: true) states, in processingAuthority, who processes it, within which duties and by which procedure.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（二）条：涉及处理个人信息的，应当依照法律法规规定的权限、程序进行，做到流程清晰、责任可查。《个人信息保护法》第三十四条：国家机关处理个人信息不得超出履行法定职责所必需的范围和限度。',
        en: 'Clause (2) of 财资〔2024〕1号: personal information is processed within the authority and procedures set by law, with clear processes and traceable responsibility. PIPL article 34: a state organ may not process personal information beyond what its statutory duties require.',
      },
      example: resourceExample(`      contains: true\n${LEGAL_BASIS}`, SHARED_ON_CONDITIONS, NOT_OPENED),
      fixedExample: resourceExample(
        `      contains: true\n${LEGAL_BASIS}\n${PROCESSING_AUTHORITY}`,
        SHARED_ON_CONDITIONS,
        NOT_OPENED,
      ),
    },
  },
});
