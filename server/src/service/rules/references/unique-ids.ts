/** DA-ID-001 (cross-file): resource and asset ids are unique across the workspace (clause 8). */
import type { WorkspaceRule } from '../rule';
import { where } from './common';
import { notice } from '../sources';

export const duplicateIdRule: WorkspaceRule = {
  meta: {
    id: 'DA-ID-001',
    name: 'unique-ids',
    sources: [notice('(8)')],
    severity: 'error',
    fixable: false,
    messages: {
      duplicate: {
        'zh-CN': '标识 {id} 重复：已在 {first} 定义。资源与资产的标识须在整个工作区唯一',
        en: 'Id {id} is used twice: it is already defined at {first}. Resource and asset ids must be unique across the workspace',
      },
    },
    docs: {
      description: {
        'zh-CN': '资源标识（R-…）与资产标识（DA-…）在整个工作区内唯一。',
        en: 'Resource ids (R-…) and asset ids (DA-…) are unique across the whole workspace.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（八）条要求对数据资产登记建卡；同一标识指向两项资源或资产，会使资产卡片、授权和收益无法对应。',
        en: 'Clause (8) of 财资〔2024〕1号 requires registering each data asset with its card; one id naming two resources or assets leaves cards, authorizations and revenue ambiguous.',
      },
      example: 'assets:\n  - id: DA-2024-0001\n    name: 甲\n  - id: DA-2024-0001\n    name: 乙',
      fixedExample: 'assets:\n  - id: DA-2024-0001\n    name: 甲\n  - id: DA-2024-0002\n    name: 乙',
    },
  },
  checkFile(file, index, report) {
    for (const item of [...file.resources, ...file.assets]) {
      const definitions = index.definitions(item.id);
      if (definitions.length < 2 || definitions[0] === item) continue;
      report({
        messageId: 'duplicate',
        range: item.idRange,
        args: { id: item.id, first: where(definitions[0]) },
        path: `${item.path}/id`,
        data: { id: item.id },
      });
    }
  },
};
