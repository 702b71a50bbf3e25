/**
 * DA-YAML-004: a document's top level is not a mapping. Reported by the parser (parser/problems.ts) and by the
 * document checks of the pipeline (validate.ts).
 */
import type { BuiltInRule } from '../rule';
import { ASSET, REGISTER } from '../examples';
import { cite } from '../sources';

export const topLevelNotMappingRule: BuiltInRule = {
  layer: 'yaml',
  meta: {
    id: 'DA-YAML-004',
    name: 'top-level-not-mapping',
    sources: [cite('yaml-1.2.2')],
    severity: 'error',
    fixable: false,
    messages: {
      notMapping: {
        'zh-CN': '文档顶层必须是映射（键: 值），例如 apiVersion、kind',
        en: 'The top level of the document must be a mapping (key: value), e.g. apiVersion, kind',
      },
      notMappingDocument: {
        'zh-CN': '文档顶层必须是映射（键: 值），以 apiVersion: steward/v1 和 kind 开头',
        en: 'The top level of a document must be a mapping (key: value) starting with apiVersion: steward/v1 and kind',
      },
    },
    docs: {
      description: { 'zh-CN': '文档顶层不是映射', en: 'The top level of a document is not a mapping' },
      rationale: {
        'zh-CN':
          '数据资源目录和数据资产登记的每份文档都是一个映射：先是 apiVersion、kind 和 unit，再是资源或资产的列表。顶层是列表或单个值的文档读不出单位和种类，无法检查。常见于只粘贴了资产列表、漏了文档开头。',
        en: 'Every catalog or register document is a mapping: apiVersion, kind and unit first, then the list of resources or assets. A document whose top level is a list or a single value has no unit and no kind to read, so it cannot be checked. It usually means only the asset list was pasted, without the head of the document.',
      },
      example: ASSET.replace(/^ {2}/gm, ''),
      fixedExample: REGISTER,
    },
  },
};
