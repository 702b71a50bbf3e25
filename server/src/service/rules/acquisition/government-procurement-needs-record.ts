/** DA-ACQ-002: where government procurement applies, the procurement record is given (clause 3). */
import type { MapNode } from '../../parser/ast';
import { PLACEHOLDER, setInMap } from '../../edit/yaml-edit';
import { has, itemLabel, keySpanOf, mapAt, scalarAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { assetExample, BUDGET, SOURCES, METHOD } from './common';
import { cite } from '../sources';

export const procurementRecordRule: Rule = {
  meta: {
    id: 'DA-ACQ-002',
    name: 'government-procurement-needs-record',
    sources: [...SOURCES, cite('government-procurement-law')],
    severity: 'error',
    fixable: true,
    replacesSchemaAt: ['/assets/*/acquisition/governmentProcurement/ref'],
    messages: {
      missing: {
        'zh-CN':
          '资产“{asset}”的取得适用政府采购，但没有采购记录（governmentProcurement.ref）：请写明政府采购项目编号或采购合同编号',
        en: 'Government procurement applies to asset "{asset}" but no procurement record is given (governmentProcurement.ref): give the procurement project or contract number',
      },
      fix: { 'zh-CN': '添加政府采购记录（待填写）', en: 'Add the government procurement record (to fill in)' },
    },
    docs: {
      description: {
        'zh-CN':
          '适用政府采购的（governmentProcurement.applies: true），须在 governmentProcurement.ref 中写明采购项目编号或合同编号。',
        en: 'Where government procurement applies (governmentProcurement.applies: true), governmentProcurement.ref gives the procurement project or contract number.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（三）条：购置数据资产涉及政府采购的，应当执行政府采购相关规定。记下采购项目或合同编号，资产才能追溯到依法完成的采购程序。',
        en: 'Clause (3) of 财资〔2024〕1号: where a purchase of data assets involves government procurement, the government procurement rules apply. Recording the project or contract number traces the asset to a procurement done by those rules.',
      },
      example: assetExample(`${METHOD}\n${BUDGET}\n      governmentProcurement:\n        applies: true`),
      fixedExample: assetExample(
        `${METHOD}\n${BUDGET}\n      governmentProcurement:\n        applies: true\n        ref: ZFCG-330100-2024-0231`,
      ),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const acquisition = mapAt(item, 'acquisition');
    const procurement = mapAt(acquisition, 'governmentProcurement');
    if (!acquisition || !procurement || scalarAt(procurement, 'applies')?.value !== true || has(procurement, 'ref'))
      return;
    const edit = setInMap(context.file.text, procurement, 'ref', PLACEHOLDER);
    context.report({
      messageId: 'missing',
      span: keySpanOf(acquisition, 'governmentProcurement') ?? procurement.span,
      args: { asset: itemLabel(item) },
      path: `${scope.path}/acquisition/governmentProcurement/ref`,
      data: { asset: textAt(item, 'id'), field: 'ref' },
      fix: edit ? { title: procurementRecordRule.meta.messages.fix, edits: [edit] } : undefined,
    });
  },
};
