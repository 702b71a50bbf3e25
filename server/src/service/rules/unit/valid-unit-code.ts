/** DA-UNIT-001: the document's unit.code is a valid unified social credit code (GB 32100-2015; clause 1). */
import { checkUscc, USCC_MESSAGES } from '../../codes/uscc';
import type { Rule } from '../rule';
import { CODE_PATH, CODE_SOURCES, FIXED_EXAMPLE, scalarText, unitScalar } from './common';

export const unitCodeRule: Rule = {
  meta: {
    id: 'DA-UNIT-001',
    name: 'valid-unit-code',
    sources: CODE_SOURCES,
    severity: 'error',
    fixable: false,
    replacesSchemaAt: [CODE_PATH],
    messages: { ...USCC_MESSAGES },
    docs: {
      description: {
        'zh-CN':
          '单位的 code 必须是有效的统一社会信用代码：18 位，只用数字和除 I、O、Z、S、V 以外的大写字母，第 17 位（组织机构代码校验码）和第 18 位校验码正确。',
        en: 'The unit’s code must be a valid unified social credit code: 18 characters, digits and capital letters other than I, O, Z, S and V, with a correct character 17 (the organisation code check character) and character 18 (the check character).',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（一）条要求各单位管理本单位的数据资产；统一社会信用代码是单位在预算管理一体化系统和资产报告中的唯一标识，写错会使资产归属无法核对。',
        en: 'Clause (1) of 财资〔2024〕1号 makes each unit manage its own data assets; the unified social credit code identifies the unit in the integrated budget-management system and the asset reports, and a wrong code leaves the holder of the assets unverifiable.',
      },
      example: FIXED_EXAMPLE.replace('113301000025391739', '113301000025391738'),
      fixedExample: FIXED_EXAMPLE,
    },
  },
  checkDocument(document, context) {
    const node = unitScalar(document, 'code');
    const code = node ? scalarText(node) : '';
    if (!node || code === '') return;
    for (const problem of checkUscc(code)) {
      const data: Record<string, unknown> = { code, index: problem.index };
      if (problem.expected !== undefined) data.expected = problem.expected;
      context.report({ messageId: problem.id, span: node.span, args: problem.args, path: CODE_PATH, data });
    }
  },
};
