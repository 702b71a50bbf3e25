/** DA-ACQ-003: a purchase says whether government procurement applies (clause 3). */
import type { MapNode } from '../../parser/ast';
import { getEntry } from '../../parser/ast';
import { itemLabel, mapAt, scalarAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { assetExample, BUDGET, SOURCES, METHOD, PURCHASE } from './common';
import { cite } from '../sources';

export const procurementStatedRule: Rule = {
  meta: {
    id: 'DA-ACQ-003',
    name: 'purchase-needs-procurement-statement',
    sources: [...SOURCES, cite('government-procurement-law')],
    severity: 'info',
    fixable: false,
    messages: {
      unstated: {
        'zh-CN':
          '资产“{asset}”通过购置取得，但没有说明是否适用政府采购：请添加 governmentProcurement，applies 填 true（并写明采购记录）或 false',
        en: 'Asset "{asset}" was purchased (购置) but the record does not say whether government procurement applies: add governmentProcurement with applies: true (and the procurement record) or applies: false',
      },
    },
    docs: {
      description: {
        'zh-CN': '购置取得的资产，宜在 acquisition.governmentProcurement 中说明是否适用政府采购。',
        en: 'A purchased asset states, in acquisition.governmentProcurement, whether government procurement applies.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（三）条：购置涉及政府采购的，应当执行政府采购相关规定。登记中写明是否适用，检查时才知道该不该有采购记录。是否适用取决于采购目录和限额，只有数据管理者能判断，所以本规则只作提示，不提供自动修复。',
        en: 'Clause (3) of 财资〔2024〕1号: a purchase that involves government procurement follows the government procurement rules. Stating whether they apply tells a reviewer whether a procurement record is due. Whether they apply depends on the procurement catalogue and thresholds, which only the steward can judge, so this is information only, with no automatic fix.',
      },
      example: assetExample(`${METHOD}\n${BUDGET}`),
      fixedExample: assetExample(
        `${METHOD}\n${BUDGET}\n      governmentProcurement:\n        applies: false   # 金额低于集中采购限额`,
      ),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const acquisition = mapAt(item, 'acquisition');
    const method = scalarAt(acquisition, 'method');
    // An empty `governmentProcurement:` key is the schema's type error, not a missing statement.
    if (
      !acquisition ||
      !method ||
      textAt(acquisition, 'method') !== PURCHASE ||
      getEntry(acquisition, 'governmentProcurement')
    )
      return;
    context.report({
      messageId: 'unstated',
      span: method.span,
      args: { asset: itemLabel(item) },
      path: `${scope.path}/acquisition/governmentProcurement`,
      data: { asset: textAt(item, 'id'), field: 'governmentProcurement' },
    });
  },
};
