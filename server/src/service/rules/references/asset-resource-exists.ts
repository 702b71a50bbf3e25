/** DA-REF-001 (cross-file): an asset's resource is a resource of a catalog in the workspace (clause 8). */
import type { WorkspaceRule } from '../rule';
import { where } from './common';
import { notice } from '../sources';

export const missingResourceRule: WorkspaceRule = {
  meta: {
    id: 'DA-REF-001',
    name: 'asset-resource-exists',
    sources: [notice('(8)')],
    severity: 'error',
    fixable: false,
    messages: {
      missing: {
        'zh-CN':
          '资产“{asset}”引用的目录资源 {resource} 在工作区的数据资源目录中不存在：数据资产须依托数据资源目录登记',
        en: 'Asset "{asset}" refers to catalog resource {resource}, which no data resource catalog in the workspace defines: data assets are inventoried from the catalog',
      },
      notAResource: {
        'zh-CN': '资产“{asset}”的 resource 指向 {resource}，但它是一项数据资产（{where}），不是目录资源',
        en: 'Asset "{asset}" has resource {resource}, but that is a data asset ({where}), not a catalog resource',
      },
    },
    docs: {
      description: {
        'zh-CN': '每项数据资产的 resource 都必须是工作区某个数据资源目录中的资源标识。',
        en: "Every data asset's resource must be the id of a resource in some data resource catalog of the workspace.",
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（八）条：依托数据资源目录开展数据资产清查盘点。没有目录资源的资产无从核对来源与范围。工作区中没有任何目录文件时不检查。',
        en: 'Clause (8) of 财资〔2024〕1号: data assets are inventoried from the data resource catalog. An asset with no catalog resource cannot be traced to its source. Not checked when the workspace has no catalog file at all.',
      },
      example:
        'resources:\n  - id: R-330100-JT-0001\n---\nassets:\n  - id: DA-2024-0009\n    resource: R-330100-JT-9999   # 目录中没有此资源',
      fixedExample:
        'resources:\n  - id: R-330100-JT-0001\n---\nassets:\n  - id: DA-2024-0009\n    resource: R-330100-JT-0001',
    },
  },
  checkFile(file, index, report) {
    if (!index.hasCatalog) return;
    for (const asset of file.assets) {
      if (!asset.resource) continue;
      const definitions = index.definitions(asset.resource.id);
      if (definitions.some((d) => d.kind === 'resource')) continue;
      const other = definitions[0];
      report({
        messageId: other ? 'notAResource' : 'missing',
        range: asset.resource.range,
        args: { asset: asset.id, resource: asset.resource.id, where: other ? where(other) : '' },
        path: `${asset.path}/resource`,
        data: {
          resource: asset.resource.id,
          candidates: index
            .allResources()
            .map((r) => r.id)
            .filter((id) => similar(id, asset.resource!.id))
            .slice(0, 5),
        },
      });
    }
  },
};

/** Ids that differ from `id` only in their last segment: the likely meant ones. */
function similar(candidate: string, id: string): boolean {
  const cut = (s: string) => s.slice(0, s.lastIndexOf('-'));
  return cut(candidate) === cut(id);
}
