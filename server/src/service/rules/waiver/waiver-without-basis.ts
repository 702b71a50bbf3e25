/**
 * DA-WAIVER-004: a waiver of a rule whose exceptions the law allows only on a stated basis cites none. Reported by
 * the waivers (waivers.ts); the waiver does not apply to that rule's findings.
 */
import type { BuiltInRule } from '../rule';
import { cite } from '../sources';
import { registerWith } from '../examples';

export const waiverWithoutBasisRule: BuiltInRule = {
  layer: 'waiver',
  meta: {
    id: 'DA-WAIVER-004',
    name: 'waiver-without-basis',
    sources: [cite('steward-format')],
    severity: 'error',
    fixable: false,
    messages: {
      // {rulesZh} / {rulesEn}: the rule ids that need a basis.
      noBasis: {
        'zh-CN':
          '{rulesZh} 只能依据法律法规的明确规定作例外处理：豁免理由须写明依据（文号、条款或法律名称，如“国务院令第809号 第三条”“《保守国家秘密法》”）。没有写明依据的豁免对这些规则不生效',
        en: "{rulesEn} allow an exception only on an express legal basis: the waiver's reason must cite it (a document number, an article or a named law, e.g. 国务院令第809号 第三条 or 《保守国家秘密法》). Without one the waiver does not apply to these rules",
      },
    },
    docs: {
      description: {
        'zh-CN':
          '豁免的规则只允许有法定依据的例外（如 DA-AUTH-010），豁免理由却没有写明依据；这样的豁免对该规则不生效。',
        en: 'A waiver of a rule that allows only lawful exceptions (such as DA-AUTH-010) gives a reason that cites no basis; such a waiver does not apply to that rule.',
      },
      rationale: {
        'zh-CN':
          '有些问题（例如把涉密数据授权企业运营）只有在法律、行政法规或国家政策明确允许时才能例外。豁免理由如果只写“领导同意”“历史原因”，审阅者无从核对例外是否合法，这类问题也就被悄悄放过。所以这些规则的豁免必须写明依据：文号（如“〔2025〕26号”“国务院令第809号”）、条款（如“第三条”）或法律名称（如“《数据安全法》”）；没有依据的豁免不生效，问题照常报告。',
        en: 'Some problems (authorising a company to operate classified data, say) may be excepted only where a law, regulation or national policy expressly allows it. A reason such as "approved by the director" or "historical" gives a reviewer nothing to check the exception against, and lets the problem pass unseen. So a waiver of such a rule cites its basis: a document number (〔2025〕26号, 国务院令第809号), an article (第三条) or a named law (《数据安全法》); one that does not is not applied and the problem is reported as usual.',
      },
      example: registerWith(
        '    securityGrade: 一般数据',
        '    securityGrade: 一般数据\n    # steward-disable-next-line DA-AUTH-010 -- 经局领导同意\n    authorizations: []',
      ),
      fixedExample: registerWith(
        '    securityGrade: 一般数据',
        '    securityGrade: 一般数据\n    # steward-disable-next-line DA-AUTH-010 -- 依据《保守国家秘密法》经保密行政管理部门批准（某保密局〔2025〕3号）\n    authorizations: []',
      ),
    },
  },
};
