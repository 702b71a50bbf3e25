/** DA-SHARE-002: a resource shared on conditions states them (clause 5; 国务院令第809号; 国发〔2016〕51号). */
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
          '《政务数据共享条例》（国务院令第809号）在政务数据目录中确定共享属性，并禁止擅自增设条件阻碍、影响政务数据共享；国发〔2016〕51号要求有条件共享的资源注明共享条件，使用部门据此申请。财资〔2024〕1号第（五）条：在保障公共安全和保护个人隐私的前提下推动共享。条件写在目录中，才能据以申请，也才能核对没有另设条件。',
        en: 'The Regulations on government data sharing (State Council Order No. 809) set the sharing attribute in the government data catalog and forbid adding conditions that obstruct sharing; 国发〔2016〕51号 has conditionally shared resources state their conditions, on which departments apply. Clause (5) of 财资〔2024〕1号 promotes sharing while ensuring public security and protecting privacy. Conditions written in the catalog are what departments apply on, and what shows no other condition was added.',
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
