/** DA-SHARE-001: a resource that is not shared (不予共享) states the basis for it (clause 5; 国务院令第809号; 国发〔2016〕51号). */
import { SHARING_SOURCES, fieldRule, NOT_OPENED, resourceExample } from './common';

export const notSharedBasisRule = fieldRule({
  id: 'DA-SHARE-001',
  name: 'not-shared-needs-basis',
  sources: SHARING_SOURCES,
  severity: 'error',
  block: 'sharing',
  type: '不予共享',
  key: 'basis',
  replacesSchema: true,
  meta: {
    messages: {
      missing: {
        'zh-CN':
          '资源“{resource}”不予共享，但没有写明依据（sharing.basis）：列为不予共享须有法律、行政法规或国家政策依据',
        en: 'Resource "{resource}" is not shared (不予共享) but states no basis (sharing.basis): not sharing needs a basis in law, administrative regulation or national policy',
      },
      fix: { 'zh-CN': '添加不予共享的依据（待填写）', en: 'Add the basis for not sharing (to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '共享类型为“不予共享”的资源，须在 sharing.basis 中写明所依据的法律、行政法规或国家政策。',
        en: 'A resource whose sharing type is 不予共享 (not shared) names, in sharing.basis, the law, administrative regulation or national policy it rests on.',
      },
      rationale: {
        'zh-CN':
          '《政务数据共享条例》（国务院令第809号，2025年8月1日起施行）在政务数据目录中区分无条件共享、有条件共享和不予共享；国发〔2016〕51号确立以共享为原则、不共享为例外，列入不予共享类的须有法律、行政法规或党中央、国务院政策依据。财资〔2024〕1号第（五）条要求积极推动数据资产开放共享。',
        en: 'The Regulations on government data sharing (State Council Order No. 809, in force since 2025-08-01) sort government data in the catalog as shared unconditionally, shared on conditions or not shared; 国发〔2016〕51号 made sharing the rule and withholding the exception, a resource listed as not shared needing a basis in law, administrative regulation or central policy. Clause (5) of 财资〔2024〕1号 asks units to actively share and open their data assets.',
      },
      example: resourceExample({
        grade: '重要数据',
        sharing: '      type: 不予共享',
        opening: `      type: ${NOT_OPENED}`,
      }),
      fixedExample: resourceExample({
        grade: '重要数据',
        sharing: '      type: 不予共享\n      basis: 《反恐怖主义法》关于防范恐怖袭击重点目标的规定',
        opening: `      type: ${NOT_OPENED}`,
      }),
    },
  },
});
