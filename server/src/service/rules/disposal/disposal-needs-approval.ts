/** DA-DISP-002: a disposal records its approval document (clause 6). */
import { PLACEHOLDER } from '../../edit/yaml-edit';
import { APPROVAL, assetExample, DECISION, disposalLines, recordRule } from './common';

export const disposalApprovalRule = recordRule({
  id: 'DA-DISP-002',
  name: 'disposal-needs-approval',
  key: 'approval',
  value: { ref: PLACEHOLDER },
  meta: {
    messages: {
      missing: {
        'zh-CN':
          '资产“{asset}”的处置没有审批文件（disposal.approval）：数据资产处置须履行审批程序，按处置事项批复文件处置，请写明批复文号',
        en: 'The disposal of asset "{asset}" has no approval document (disposal.approval): disposal follows an approval procedure and the disposal approval; give the approval number',
      },
      fix: { 'zh-CN': '添加处置审批文件（文号待填写）', en: 'Add the disposal approval (number to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '每项数据资产处置都要有处置审批文件：批复文号（可加审批机关、日期）。',
        en: 'Every disposal of a data asset records its approval document: the approval number (and optionally the authority and date).',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（六）条：数据资产处置须履行审批程序，依据处置事项批复等相关文件处置。',
        en: 'Clause (6) of 财资〔2024〕1号: data assets are disposed of after an approval procedure, following the disposal approval and related documents.',
      },
      example: assetExample(disposalLines('      method: 无偿划转', DECISION)),
      fixedExample: assetExample(disposalLines('      method: 无偿划转', DECISION, APPROVAL)),
    },
  },
});
