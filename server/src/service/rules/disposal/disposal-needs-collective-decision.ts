/** DA-DISP-001: a disposal records its collective decision (clause 6). */
import { PLACEHOLDER } from '../../edit/yaml-edit';
import { APPROVAL, assetExample, DECISION, disposalLines, recordRule } from './common';

export const disposalDecisionRule = recordRule({
  id: 'DA-DISP-001',
  name: 'disposal-needs-collective-decision',
  key: 'decision',
  value: { ref: PLACEHOLDER, date: PLACEHOLDER },
  meta: {
    messages: {
      missing: {
        'zh-CN':
          '资产“{asset}”的处置没有集体决策记录（disposal.decision）：数据资产处置须经集体决策，请写明会议纪要或决策文件编号和日期',
        en: 'The disposal of asset "{asset}" has no collective decision record (disposal.decision): a data asset is disposed of only by collective decision; give the minutes or decision number and its date',
      },
      fix: {
        'zh-CN': '添加集体决策记录（编号、日期待填写）',
        en: 'Add the collective decision record (number and date to fill in)',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '每项数据资产处置都要有集体决策记录（disposal.decision），至少写明会议纪要或决策文件编号（ref）；宜写明决策日期（date），DA-DISP-006 据此核对程序先后。',
        en: 'Every disposal of a data asset records its collective decision (disposal.decision) with at least the minutes or decision number (ref); its date (date) is recommended, and DA-DISP-006 checks the order of the steps from it.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（六）条：数据资产处置须经集体决策，履行审批程序，依据处置事项批复等相关文件及时处置。',
        en: 'Clause (6) of 财资〔2024〕1号: data assets are disposed of through collective decision-making and an approval procedure, following the disposal approval and related documents.',
      },
      example: assetExample(disposalLines('      method: 无偿划转', APPROVAL)),
      fixedExample: assetExample(disposalLines('      method: 无偿划转', DECISION, APPROVAL)),
    },
  },
});
