/** DA-DISP-003: a disposal by deletion or destruction records how the data was destroyed (clause 6). */
import { PLACEHOLDER } from '../../edit/yaml-edit';
import { APPROVAL, assetExample, DECISION, DESTRUCTION, disposalLines, recordRule } from './common';

/** Disposal methods that end the data itself, so that a destruction record is due. */
const DESTROYING_METHODS = ['销毁', '删除'];

export const destructionRecordRule = recordRule({
  id: 'DA-DISP-003',
  name: 'destruction-needs-record',
  key: 'destruction',
  value: { irrecoverable: PLACEHOLDER, technique: PLACEHOLDER, verifiedBy: PLACEHOLDER },
  methods: DESTROYING_METHODS,
  meta: {
    messages: {
      missing: {
        'zh-CN':
          '资产“{asset}”以“{method}”方式处置，但没有销毁记录（disposal.destruction）：请写明采用的专业技术手段、是否已确保不可恢复以及核验人',
        en: 'Asset "{asset}" was disposed of by {method} but has no destruction record (disposal.destruction): state the professional technique used, whether the data was made unrecoverable, and who verified it',
      },
      fix: {
        'zh-CN': '添加销毁记录（不可恢复、技术手段、核验人待填写）',
        en: 'Add a destruction record (irrecoverable, technique and verifier to fill in)',
      },
    },
    docs: {
      description: {
        'zh-CN': '以“销毁”或“删除”方式处置的资产，须有销毁记录：是否不可恢复、技术手段、核验人。',
        en: 'An asset disposed of by 销毁 (destruction) or 删除 (deletion) has a destruction record: whether it is unrecoverable, the technique, and who verified it.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（六）条：确需彻底删除、销毁数据资产的，应按照保密制度采用专业技术手段彻底销毁，确保不可恢复。',
        en: 'Clause (6) of 财资〔2024〕1号: where data assets must be completely deleted or destroyed, professional technical means are used under the confidentiality system so that they cannot be restored.',
      },
      example: assetExample(disposalLines('      method: 销毁', DECISION, APPROVAL)),
      fixedExample: assetExample(disposalLines('      method: 销毁', DECISION, APPROVAL, DESTRUCTION)),
    },
  },
});
