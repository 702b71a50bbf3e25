/**
 * DA-ACQ-001..003: how a data asset was allocated (clause 3). A purchase (购置) is made within the budget rules,
 * so it cites its budget reference; where government procurement applies, the procurement record is kept.
 */
import type { MapNode } from '../parser/ast';
import { getEntry } from '../parser/ast';
import { PLACEHOLDER, columnOf, lineBreakOf, nextLineStart, scalarText, setInMap } from '../edit/yaml-edit';
import type { ItemScope, Rule, RuleContext, SpanEdit } from './rule';
import { has, keySpanOf, mapAt, scalarAt, textAt } from './helpers';
import type { SourceText } from '../parser/source';
import { charAt } from '../parser/source';

const CLAUSE = '财资〔2024〕1号 (3)';
const PURCHASE = '购置';

/** How an asset is named in messages: its name, else its id. */
function assetLabel(item: MapNode): string {
  return textAt(item, 'name') || textAt(item, 'id') || '?';
}

/** An asset as the docs show it, with its `acquisition` lines (indented by six spaces). */
function assetExample(acquisition: string): string {
  return `assets:
  - id: DA-2024-0005
    name: 公共交通客流起讫点分析数据集
    resource: R-330100-JT-0005
    classificationCode: A08060201
    securityGrade: 一般数据
    acquisition:
${acquisition}`;
}

/**
 * Adds `key: value` to a block mapping on the line after the last of `after` (the keys it belongs beside), so the
 * budget reference sits next to the method and date rather than after a nested procurement block. That also keeps
 * it apart from a fix inside that block, which would otherwise insert at the same offset. Flow mappings and an
 * empty `key:` are left to setInMap.
 */
function insertBeside(text: SourceText, map: MapNode, after: string[], key: string, value: string): SpanEdit | undefined {
  const anchor = [...map.entries].reverse().find((entry) => after.includes(entry.key));
  if (getEntry(map, key) || text.charCodeAt(map.span.start) === 123 || !anchor || anchor.value.type !== 'scalar') {
    return setInMap(text, map, key, value);
  }
  const at = nextLineStart(text, Math.max(anchor.keySpan.end, anchor.value.span.end));
  const eol = lineBreakOf(text);
  const needsBreak = at === text.length && charAt(text, at - 1) !== '\n' && charAt(text, at - 1) !== '\r';
  const line = `${' '.repeat(columnOf(text, map.entries[0].keySpan.start))}${key}: ${scalarText(value)}`;
  return { span: { start: at, end: at }, newText: `${needsBreak ? eol : ''}${line}${eol}` };
}

const METHOD = `      method: ${PURCHASE}\n      date: 2024-03-28`;
const BUDGET = '      budgetReference: 2024-330100-JT-XM-017';

export const budgetReferenceRule: Rule = {
  meta: {
    id: 'DA-ACQ-001',
    clause: CLAUSE,
    severity: 'error',
    replacesSchemaAt: ['/assets/*/acquisition/budgetReference'],
    messages: {
      missing: {
        'zh-CN': '资产“{asset}”通过购置取得，但没有预算依据（acquisition.budgetReference）：请写明预算项目编号或预算批复文号',
        en: 'Asset "{asset}" was purchased (购置) but cites no budget reference (acquisition.budgetReference): give the budget item number or the budget approval number',
      },
      fix: { 'zh-CN': '添加预算依据（待填写）', en: 'Add the budget reference (to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '取得方式为“购置”的资产，须在 acquisition.budgetReference 中写明所依据的预算项目或预算批复。',
        en: 'An asset acquired by purchase (购置) cites, in acquisition.budgetReference, the budget item or budget approval that funds it.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（三）条：通过购置方式配置数据资产的，应当以依法履职和事业发展需要为前提，落实过紧日子要求，按照预算管理规定科学配置。写明预算依据，才能核对每笔购置都在预算之内。',
        en: 'Clause (3) of 财资〔2024〕1号: data assets are purchased only as lawful duties and the unit\'s development require, frugally, and within the budget management rules. Citing the budget reference lets every purchase be checked against the budget.',
      },
      example: assetExample(`${METHOD}\n      governmentProcurement: { applies: false }`),
      fixedExample: assetExample(`${METHOD}\n${BUDGET}\n      governmentProcurement: { applies: false }`),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const acquisition = mapAt(item, 'acquisition');
    if (!acquisition || textAt(acquisition, 'method') !== PURCHASE || has(acquisition, 'budgetReference')) return;
    const edit = insertBeside(context.file.text, acquisition, ['method', 'date'], 'budgetReference', PLACEHOLDER);
    context.report({
      messageId: 'missing',
      span: keySpanOf(item, 'acquisition') ?? acquisition.span,
      args: { asset: assetLabel(item) },
      path: `${scope.path}/acquisition/budgetReference`,
      data: { asset: textAt(item, 'id'), field: 'budgetReference' },
      fix: edit ? { title: budgetReferenceRule.meta.messages.fix, edits: [edit] } : undefined,
    });
  },
};

export const procurementRecordRule: Rule = {
  meta: {
    id: 'DA-ACQ-002',
    clause: `${CLAUSE}; 《政府采购法》`,
    severity: 'error',
    replacesSchemaAt: ['/assets/*/acquisition/governmentProcurement/ref'],
    messages: {
      missing: {
        'zh-CN': '资产“{asset}”的取得适用政府采购，但没有采购记录（governmentProcurement.ref）：请写明政府采购项目编号或采购合同编号',
        en: 'Government procurement applies to asset "{asset}" but no procurement record is given (governmentProcurement.ref): give the procurement project or contract number',
      },
      fix: { 'zh-CN': '添加政府采购记录（待填写）', en: 'Add the government procurement record (to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '适用政府采购的（governmentProcurement.applies: true），须在 governmentProcurement.ref 中写明采购项目编号或合同编号。',
        en: 'Where government procurement applies (governmentProcurement.applies: true), governmentProcurement.ref gives the procurement project or contract number.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（三）条：购置数据资产涉及政府采购的，应当执行政府采购相关规定。记下采购项目或合同编号，资产才能追溯到依法完成的采购程序。',
        en: 'Clause (3) of 财资〔2024〕1号: where a purchase of data assets involves government procurement, the government procurement rules apply. Recording the project or contract number traces the asset to a procurement done by those rules.',
      },
      example: assetExample(`${METHOD}\n${BUDGET}\n      governmentProcurement:\n        applies: true`),
      fixedExample: assetExample(`${METHOD}\n${BUDGET}\n      governmentProcurement:\n        applies: true\n        ref: ZFCG-330100-2024-0231`),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const acquisition = mapAt(item, 'acquisition');
    const procurement = mapAt(acquisition, 'governmentProcurement');
    if (!acquisition || !procurement || scalarAt(procurement, 'applies')?.value !== true || has(procurement, 'ref')) return;
    const edit = setInMap(context.file.text, procurement, 'ref', PLACEHOLDER);
    context.report({
      messageId: 'missing',
      span: keySpanOf(acquisition, 'governmentProcurement') ?? procurement.span,
      args: { asset: assetLabel(item) },
      path: `${scope.path}/acquisition/governmentProcurement/ref`,
      data: { asset: textAt(item, 'id'), field: 'ref' },
      fix: edit ? { title: procurementRecordRule.meta.messages.fix, edits: [edit] } : undefined,
    });
  },
};

export const procurementStatedRule: Rule = {
  meta: {
    id: 'DA-ACQ-003',
    clause: `${CLAUSE}; 《政府采购法》`,
    severity: 'info',
    messages: {
      unstated: {
        'zh-CN': '资产“{asset}”通过购置取得，但没有说明是否适用政府采购：请添加 governmentProcurement，applies 填 true（并写明采购记录）或 false',
        en: 'Asset "{asset}" was purchased (购置) but the record does not say whether government procurement applies: add governmentProcurement with applies: true (and the procurement record) or applies: false',
      },
    },
    docs: {
      description: {
        'zh-CN': '购置取得的资产，宜在 acquisition.governmentProcurement 中说明是否适用政府采购。',
        en: 'A purchased asset states, in acquisition.governmentProcurement, whether government procurement applies.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（三）条：购置涉及政府采购的，应当执行政府采购相关规定。登记中写明是否适用，检查时才知道该不该有采购记录。是否适用取决于采购目录和限额，只有数据管理者能判断，所以本规则只作提示，不提供自动修复。',
        en: 'Clause (3) of 财资〔2024〕1号: a purchase that involves government procurement follows the government procurement rules. Stating whether they apply tells a reviewer whether a procurement record is due. Whether they apply depends on the procurement catalogue and thresholds, which only the steward can judge, so this is information only, with no automatic fix.',
      },
      example: assetExample(`${METHOD}\n${BUDGET}`),
      fixedExample: assetExample(`${METHOD}\n${BUDGET}\n      governmentProcurement:\n        applies: false   # 金额低于集中采购限额`),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const acquisition = mapAt(item, 'acquisition');
    const method = scalarAt(acquisition, 'method');
    // An empty `governmentProcurement:` key is the schema's type error, not a missing statement.
    if (!acquisition || !method || textAt(acquisition, 'method') !== PURCHASE || getEntry(acquisition, 'governmentProcurement')) return;
    context.report({
      messageId: 'unstated',
      span: method.span,
      args: { asset: assetLabel(item) },
      path: `${scope.path}/acquisition/governmentProcurement`,
      data: { asset: textAt(item, 'id'), field: 'governmentProcurement' },
    });
  },
};

export const ACQUISITION_RULES: Rule[] = [budgetReferenceRule, procurementRecordRule, procurementStatedRule];
