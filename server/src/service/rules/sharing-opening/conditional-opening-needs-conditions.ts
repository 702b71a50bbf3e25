/** DA-OPEN-004: a resource opened on conditions states them (clause 5). */
import { textAt } from '../../tree/read';
import { CLASSIFIED, OPENING_SOURCES, fieldRule, resourceExample } from './common';

export const conditionalOpeningRule = fieldRule({
  id: 'DA-OPEN-004',
  name: 'conditional-opening-needs-conditions',
  sources: OPENING_SOURCES,
  severity: 'warning',
  block: 'opening',
  type: '有条件开放',
  key: 'conditions',
  replacesSchema: false,
  // Classified or core data is not opened at all (DA-OPEN-001, DA-OPEN-003): conditions would be the wrong fix.
  typeNotAllowed: (item) => textAt(item, 'secrecy') === CLASSIFIED || textAt(item, 'securityGrade') === '核心数据',
  meta: {
    messages: {
      missing: {
        'zh-CN':
          '资源“{resource}”为有条件开放，但没有写明开放条件（opening.conditions）：请写明申请、协议、用途限制等条件',
        en: 'Resource "{resource}" is opened on conditions (有条件开放) but states none (opening.conditions): say what application, agreement or limits on use apply',
      },
      fix: { 'zh-CN': '添加开放条件（待填写）', en: 'Add the opening conditions (to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '开放类型为“有条件开放”的资源，应在 opening.conditions 中写明开放条件。',
        en: 'A resource whose open type is 有条件开放 (conditional opening) states its conditions in opening.conditions.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（五）条：用于公共治理、公益事业的数据资产有条件无偿使用，用于产业发展、行业发展的有条件有偿使用；面向市场开放的须明确授权使用。条件写明，使用者才知道如何申请、受哪些限制。涉密数据和核心数据根本不应开放（DA-OPEN-001、DA-OPEN-003），对它们不要求补条件。',
        en: 'Clause (5) of 财资〔2024〕1号: data assets serve public governance and welfare free of charge on conditions, and industry on conditions for a fee; what is opened to the market is clearly authorised. Written conditions tell users how to apply and what limits apply. Classified and core data are not to be opened at all (DA-OPEN-001, DA-OPEN-003), so no conditions are asked for there.',
      },
      example: resourceExample({
        sharing: '      type: 有条件共享\n      conditions: 向公安部门按需共享',
        opening: '      type: 有条件开放',
      }),
      fixedExample: resourceExample({
        sharing: '      type: 有条件共享\n      conditions: 向公安部门按需共享',
        opening: '      type: 有条件开放\n      conditions: 经申请并签订数据使用协议后以接口方式提供',
      }),
    },
  },
});
