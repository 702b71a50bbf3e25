/** DA-CAT-001: a catalog resource has the core metadata the catalog guide recommends (发改高技〔2017〕1272号). */
import type { MapNode } from '../../parser/ast';
import { getEntry } from '../../parser/ast';
import { has, itemAnchor, itemLabel, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { SOURCES } from './common';

/** The recommended core metadata (beyond what the schema requires), with the Chinese names stewards know. */
const RECOMMENDED: Array<{ key: string; zh: string }> = [
  { key: 'abstract', zh: '摘要' },
  { key: 'provider', zh: '提供方' },
  { key: 'updateCycle', zh: '更新周期' },
  { key: 'format', zh: '格式' },
  { key: 'releaseDate', zh: '发布日期' },
  { key: 'informationItems', zh: '信息项' },
];

/** Present with content: a non-empty value, and for a list at least one item. */
function filledIn(item: MapNode, key: string): boolean {
  const value = getEntry(item, key)?.value;
  if (value?.type === 'seq') return value.items.length > 0;
  return has(item, key);
}

const FULL_RESOURCE = `resources:
  - id: R-330100-JT-0002
    name: 公交线路与站点数据
    abstract: 全市公交线路走向、站点名称与坐标、首末班时间和票价。
    provider: 某市交通运输局
    format: 电子表格（xlsx）
    informationItems:
      - { name: 线路编号, dataType: 字符型 }
      - { name: 站点名称, dataType: 字符型 }
    updateCycle: 每月
    releaseDate: 2024-03-15`;

export const recommendedMetadataRule: Rule = {
  meta: {
    id: 'DA-CAT-001',
    name: 'recommended-catalog-metadata',
    sources: SOURCES,
    severity: 'info',
    fixable: false,
    messages: {
      missing: {
        'zh-CN': '资源“{resource}”缺少目录编制指南推荐的核心元数据：{fieldsZh}。补齐后便于共享开放和资产清查',
        en: 'Resource "{resource}" lacks core metadata the catalog guide recommends: {fieldsEn}. Filling them in helps sharing, opening and the asset inventory',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '提示资源缺少的推荐元数据（abstract、provider、updateCycle、format、releaseDate、informationItems），每项资源一条，列出全部缺项。',
        en: 'Points out the recommended metadata a resource lacks (abstract, provider, updateCycle, format, releaseDate, informationItems), in one finding per resource.',
      },
      rationale: {
        'zh-CN':
          '《政务信息资源目录编制指南（试行）》（发改高技〔2017〕1272号）把摘要、提供方、格式、信息项、更新周期、发布日期列为目录核心元数据；财资〔2024〕1号第（八）条要求依托数据资源目录清查盘点数据资产，元数据不全则难以识别和核对。这些字段是推荐而非必填，所以只是提示。',
        en: 'The catalog guide (发改高技〔2017〕1272号) lists abstract, provider, format, information items, update cycle and release date as core catalog metadata; clause (8) of 财资〔2024〕1号 inventories data assets from the catalog, which incomplete metadata makes hard to identify and check. The fields are recommended, not required, so this is information only.',
      },
      example: FULL_RESOURCE.replace(/\n {4}format:.*/, '')
        .replace(/\n {4}informationItems:(\n {6}- .*)*/, '')
        .replace(/\n {4}releaseDate:.*/, ''),
      fixedExample: FULL_RESOURCE,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'resource') return;
    const missing = RECOMMENDED.filter((field) => !filledIn(item, field.key));
    if (missing.length === 0) return;
    context.report({
      messageId: 'missing',
      span: itemAnchor(item),
      args: {
        resource: itemLabel(item),
        fieldsZh: missing.map((field) => `${field.zh}（${field.key}）`).join('、'),
        fieldsEn: missing.map((field) => field.key).join(', '),
      },
      path: scope.path,
      data: { resource: textAt(item, 'id'), missing: missing.map((field) => field.key) },
    });
  },
};
