/**
 * DA-ID-001 (cross-file): resource and asset ids are unique across the workspace (clause 8). Every definition of a
 * duplicated id is reported, each pointing at the others (as compilers report duplicate declarations): a reviewer
 * of any one of the files sees it. N definitions give N findings.
 */
import type { RelatedLocation } from '../../types';
import { fillText } from '../../i18n/template';
import type { IndexedItem } from '../../workspace';
import type { WorkspaceRule } from '../rule';
import { where } from './common';
import { notice } from '../sources';

/** Other definitions named in a message at most; the rest are counted (a message stays one line). */
const NAMED_IN_MESSAGE = 3;
/** Other definitions listed as related locations at most: an id defined thousands of times costs N, not N². */
export const MAX_RELATED = 20;

export const duplicateIdRule: WorkspaceRule = {
  meta: {
    id: 'DA-ID-001',
    name: 'unique-ids',
    sources: [notice('(8)')],
    severity: 'error',
    fixable: false,
    messages: {
      duplicate: {
        'zh-CN': '标识 {id} 重复：共定义 {count} 处，另见 {others}。资源与资产的标识须在整个工作区唯一',
        en: 'Id {id} is defined {count} times: also at {others}. Resource and asset ids must be unique across the workspace',
      },
      duplicateMany: {
        'zh-CN': '标识 {id} 重复：共定义 {count} 处，另见 {others} 等 {more} 处。资源与资产的标识须在整个工作区唯一',
        en: 'Id {id} is defined {count} times: also at {others} and {more} more places. Resource and asset ids must be unique across the workspace',
      },
      otherDefinition: {
        'zh-CN': '标识 {id} 的另一处定义',
        en: 'Another definition of {id}',
      },
    },
    docs: {
      description: {
        'zh-CN': '资源标识（R-…）与资产标识（DA-…）在整个工作区内唯一。重复的标识在每一处定义上报告，并指向其他各处。',
        en: 'Resource ids (R-…) and asset ids (DA-…) are unique across the whole workspace. A duplicated id is reported at each of its definitions, pointing at the others.',
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
      if (definitions.length < 2) continue;
      const others = definitions.filter((other) => other !== item);
      const named = others.slice(0, NAMED_IN_MESSAGE).map(where).join(', ');
      const more = others.length - NAMED_IN_MESSAGE;
      report({
        messageId: more > 0 ? 'duplicateMany' : 'duplicate',
        range: item.idRange,
        args: { id: item.id, count: definitions.length, others: named, ...(more > 0 ? { more } : {}) },
        path: `${item.path}/id`,
        data: { id: item.id },
        related: others.slice(0, MAX_RELATED).map(relatedOf),
      });
    }
  },
};

function relatedOf(other: IndexedItem): RelatedLocation {
  const message = fillText(duplicateIdRule.meta.messages.otherDefinition, { id: other.id });
  return { uri: other.uri, range: other.idRange, message };
}
