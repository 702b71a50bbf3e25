/**
 * DA-UNIT-001/002: the document's `unit.code`, a unified social credit code (GB 32100-2015), and whether its kind
 * character agrees with `unit.type` (clause 1: each unit manages its own assets, so the unit must be identifiable).
 */
import type { ScalarNode } from '../parser/ast';
import { getValue } from '../parser/ast';
import type { StewardYamlDocument } from '../parser/model';
import { USCC_MESSAGES, checkUscc, expectedKindFor, usccKind } from '../codes/uscc';
import type { UnitType } from '../codes/uscc';
import type { Rule } from './rule';

const CLAUSE = 'GB 32100-2015; 财资〔2024〕1号 (1)';
const CODE_PATH = '/unit/code';

const FIXED_EXAMPLE = `unit:
  name: 某市交通运输局
  code: 113301000025391739
  type: 行政单位`;

export const unitCodeRule: Rule = {
  meta: {
    id: 'DA-UNIT-001',
    clause: CLAUSE,
    severity: 'error',
    replacesSchemaAt: [CODE_PATH],
    messages: { ...USCC_MESSAGES },
    docs: {
      description: {
        'zh-CN': '单位的 code 必须是有效的统一社会信用代码：18 位，只用数字和除 I、O、Z、S、V 以外的大写字母，第 17 位（组织机构代码校验码）和第 18 位校验码正确。',
        en: 'The unit’s code must be a valid unified social credit code: 18 characters, digits and capital letters other than I, O, Z, S and V, with a correct character 17 (the organisation code check character) and character 18 (the check character).',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（一）条要求各单位管理本单位的数据资产；统一社会信用代码是单位在预算管理一体化系统和资产报告中的唯一标识，写错会使资产归属无法核对。',
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

export const unitKindRule: Rule = {
  meta: {
    id: 'DA-UNIT-002',
    clause: CLAUSE,
    severity: 'warning',
    messages: {
      kindMismatch: {
        'zh-CN': '单位类型为{unitType}，但统一社会信用代码 {code} 第 2 位为“{kind}”（{kindName}）；{unitType}的代码第 2 位通常为“{expectedKind}”（{expectedKindName}）',
        en: 'The unit type is {unitType} ({unitTypeEn}), but character 2 of the unified social credit code {code} is "{kind}" ({kindNameEn}); for {unitTypeEn} it is normally "{expectedKind}" ({expectedKindNameEn})',
      },
    },
    docs: {
      description: {
        'zh-CN': '机构编制部门登记的代码（第 1 位为 1）中，第 2 位表示机构类别：1 为机关、2 为事业单位。行政单位的代码第 2 位通常为 1，事业单位通常为 2。',
        en: 'In codes registered by the establishment authorities (character 1 is 1), character 2 is the kind: 1 a government body, 2 a public institution. A 行政单位 (administrative unit) normally has 1 and a 事业单位 (public institution) 2.',
      },
      rationale: {
        'zh-CN': '单位类型决定收益的处理（财资〔2024〕1号第（七）条：行政单位的收入上缴国库，事业单位按同级财政部门规定），类型与代码不一致往往说明其中之一写错。',
        en: 'The unit type decides how revenue is handled (clause (7) of 财资〔2024〕1号: an administrative unit pays it to the treasury, a public institution follows its finance department), so a type that disagrees with the code usually means one of them is wrong.',
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

export const UNIT_CODE_RULES: Rule[] = [unitCodeRule, unitKindRule];

const UNIT_TYPE_EN: Record<UnitType, string> = { 行政单位: 'an administrative unit', 事业单位: 'a public institution' };

function unitScalar(document: StewardYamlDocument, key: string): ScalarNode | undefined {
  const node = getValue(getValue(document.root ?? undefined, 'unit'), key);
  return node?.type === 'scalar' && node.value !== null ? node : undefined;
}

/** The text as written: an unquoted 18-digit code is read from its source so no digit is lost. */
function scalarText(node: ScalarNode): string {
  return (typeof node.value === 'string' ? node.value : node.source).trim();
}
