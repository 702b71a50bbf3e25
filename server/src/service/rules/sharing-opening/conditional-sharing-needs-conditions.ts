/** DA-SHARE-002: a resource shared on conditions states them (clause 5; 国发〔2016〕51号). */
import { SHARING_SOURCES, fieldRule, NOT_OPENED, resourceExample } from './common';

export const conditionalSharingRule = fieldRule({
  id: 'DA-SHARE-002',
  name: 'conditional-sharing-needs-conditions',
  sources: SHARING_SOURCES,
  severity: 'warning',
  block: 'sharing',
  type: '有条件共享',
  key: 'conditions',
  replacesSchema: false,
  meta: {
    messages: {
      missing: {
        'zh-CN':
          '资源“{resource}”为有条件共享，但没有写明共享条件（sharing.conditions）：请写明向哪些部门、共享哪些内容、用于什么用途',
        en: 'Resource "{resource}" is shared on conditions (有条件共享) but states none (sharing.conditions): say with which departments, what part, and for what use',
      },
      fix: { 'zh-CN': '添加共享条件（待填写）', en: 'Add the sharing conditions (to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '共享类型为“有条件共享”的资源，应在 sharing.conditions 中写明共享条件。',
        en: 'A resource whose sharing type is 有条件共享 (conditional sharing) states its conditions in sharing.conditions.',
      },
      rationale: {
        'zh-CN':
          '国发〔2016〕51号：有条件共享的资源，目录须注明共享条件，使用部门据此申请。财资〔2024〕1号第（五）条：在保障公共安全和个人隐私的前提下推动共享，条件写清楚才能既共享又可控。',
        en: 'Under 国发〔2016〕51号 the catalog states the conditions of conditionally shared resources, and departments apply on that basis. Clause (5) of 财资〔2024〕1号 promotes sharing while protecting public security and privacy; written conditions make the sharing controllable.',
      },
      example: resourceExample({
        sharing: '      type: 有条件共享\n      method: 接口',
        opening: `      type: ${NOT_OPENED}`,
      }),
      fixedExample: resourceExample({
        sharing: '      type: 有条件共享\n      method: 接口\n      conditions: 仅向公安、应急管理部门按工作需要共享',
        opening: `      type: ${NOT_OPENED}`,
      }),
    },
  },
});
