/** DA-UNIT-002: the kind character of unit.code agrees with unit.type (GB 32100-2015; clause 1). */
import type { UnitType } from '../../codes/uscc';
import { expectedKindFor, usccKind } from '../../codes/uscc';
import type { Rule } from '../rule';
import { CODE_PATH, CODE_SOURCES, FIXED_EXAMPLE, scalarText, unitScalar } from './common';

const UNIT_TYPE_EN: Record<UnitType, string> = { 行政单位: 'an administrative unit', 事业单位: 'a public institution' };

export const unitKindRule: Rule = {
  meta: {
    id: 'DA-UNIT-002',
    name: 'unit-code-matches-unit-type',
    sources: CODE_SOURCES,
    severity: 'warning',
    fixable: false,
    messages: {
      kindMismatch: {
        'zh-CN':
          '单位类型为{unitType}，但统一社会信用代码 {code} 第 2 位为“{kind}”（{kindName}）；{unitType}的代码第 2 位通常为“{expectedKind}”（{expectedKindName}）',
        en: 'The unit type is {unitType} ({unitTypeEn}), but character 2 of the unified social credit code {code} is "{kind}" ({kindNameEn}); for {unitTypeEn} it is normally "{expectedKind}" ({expectedKindNameEn})',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '机构编制部门登记的代码（第 1 位为 1）中，第 2 位表示机构类别：1 为机关、2 为事业单位。行政单位的代码第 2 位通常为 1，事业单位通常为 2。',
        en: 'In codes registered by the establishment authorities (character 1 is 1), character 2 is the kind: 1 a government body, 2 a public institution. A 行政单位 (administrative unit) normally has 1 and a 事业单位 (public institution) 2.',
      },
      rationale: {
        'zh-CN':
          '单位类型决定收益的处理（财资〔2024〕1号第（七）条：行政单位数据资产使用形成的收入按政府非税收入管理，事业单位的由本级财政部门规定具体管理办法），类型与代码不一致往往说明其中之一写错。',
        en: "The unit type decides how revenue is handled (clause (7) of 财资〔2024〕1号: an administrative unit's income from use is government non-tax revenue, a public institution's follows the measures of its finance department), so a type that disagrees with the code usually means one of them is wrong.",
      },
      example: FIXED_EXAMPLE.replace('行政单位', '事业单位'),
      fixedExample: FIXED_EXAMPLE,
    },
  },
  checkDocument(document, context) {
    const node = unitScalar(document, 'code');
    const typeNode = unitScalar(document, 'type');
    const code = node ? scalarText(node) : '';
    const unitType = typeNode ? scalarText(typeNode) : '';
    if (!node || (unitType !== '行政单位' && unitType !== '事业单位')) return;
    const kind = usccKind(code);
    if (!kind || kind.authority !== '1') return;
    const expectedKind = expectedKindFor(unitType);
    if (kind.kind === expectedKind) return;
    const expected = usccKind(`1${expectedKind}`)!;
    context.report({
      messageId: 'kindMismatch',
      span: node.span,
      path: CODE_PATH,
      args: {
        code,
        unitType,
        unitTypeEn: UNIT_TYPE_EN[unitType],
        kind: kind.kind,
        kindName: kind.kindName?.['zh-CN'] ?? '未定义的类别',
        kindNameEn: kind.kindName?.en ?? 'an undefined kind',
        expectedKind,
        expectedKindName: expected.kindName!['zh-CN'],
        expectedKindNameEn: expected.kindName!.en,
      },
      data: { code, unitType, kind: kind.kind, expectedKind, impliedUnitType: kind.impliedUnitType ?? null },
    });
  },
};
