/** DA-REF-002 (cross-file): notes a catalog resource no asset refers to (clause 8). */
import type { WorkspaceRule } from '../rule';
import { notice } from '../sources';

export const unusedResourceRule: WorkspaceRule = {
  meta: {
    id: 'DA-REF-002',
    name: 'unused-catalog-resource',
    sources: [notice('(8)')],
    severity: 'info',
    fixable: false,
    messages: {
      unused: {
        'zh-CN': '目录资源 {id}（{name}）没有被任何数据资产引用：如已形成数据资产，请登记',
        en: 'Catalog resource {id} ({name}) is referenced by no data asset: if it has become a data asset, register it',
      },
    },
    docs: {
      description: {
        'zh-CN': '提示工作区中没有被任何资产引用的目录资源。',
        en: 'Points out catalog resources that no asset in the workspace refers to.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（八）条：依托数据资源目录清查盘点数据资产。并非每项资源都是资产，所以这只是提示；工作区中没有登记文件时不检查。',
        en: 'Clause (8) of 财资〔2024〕1号: data assets are inventoried from the catalog. Not every resource is an asset, so this is information only; not checked when the workspace has no register file.',
      },
      example:
        'resources:\n  - id: R-330100-JT-0001\n  - id: R-330100-JT-0009   # 没有资产引用\n---\nassets:\n  - id: DA-2024-0001\n    resource: R-330100-JT-0001',
      fixedExample:
        'resources:\n  - id: R-330100-JT-0001\n  - id: R-330100-JT-0009\n---\nassets:\n  - id: DA-2024-0001\n    resource: R-330100-JT-0001\n  - id: DA-2024-0009\n    resource: R-330100-JT-0009',
    },
  },
  checkFile(file, index, report) {
    if (!index.hasRegister) return;
    for (const resource of file.resources) {
      if (index.assetsReferencing(resource.id).length > 0) continue;
      if (index.definitions(resource.id)[0] !== resource) continue;
      report({
        messageId: 'unused',
        range: resource.idRange,
        args: { id: resource.id, name: resource.name || '—' },
        path: `${resource.path}/id`,
      });
    }
  },
};
