/** DA-DOC-003: a steward document's kind is not one the format knows. Reported by the document checks (validate.ts). */
import type { BuiltInRule } from '../rule';
import { REGISTER } from '../examples';
import { cite } from '../sources';

export const unknownKindRule: BuiltInRule = {
  layer: 'document',
  meta: {
    id: 'DA-DOC-003',
    name: 'unknown-kind',
    sources: [cite('steward-format')],
    severity: 'error',
    fixable: false,
    messages: {
      unknownKind: {
        'zh-CN': 'kind 必须是 DataResourceCatalog（数据资源目录）或 DataAssetRegister（数据资产登记）',
        en: 'kind must be DataResourceCatalog (data resource catalog) or DataAssetRegister (data asset register)',
      },
    },
    docs: {
      description: {
        'zh-CN': 'kind 不是 DataResourceCatalog 或 DataAssetRegister',
        en: 'kind is neither DataResourceCatalog nor DataAssetRegister',
      },
      rationale: {
        'zh-CN':
          'steward/v1 只有两种文档：数据资源目录（DataResourceCatalog）和数据资产登记（DataAssetRegister），各按自己的结构检查。kind 缺失或写错（多为拼写错误）时，文档无法对照任何一种结构，其中的资源或资产都不会被检查。',
        en: 'steward/v1 has two kinds of document, the data resource catalog (DataResourceCatalog) and the data asset register (DataAssetRegister), each checked against its own structure. With kind missing or misspelt the document matches neither, and none of its resources or assets is checked.',
      },
      example: REGISTER.replace('kind: DataAssetRegister', 'kind: DataAssetRegistry'),
      fixedExample: REGISTER,
    },
  },
};
