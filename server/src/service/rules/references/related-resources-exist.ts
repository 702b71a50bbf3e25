/** DA-REF-003 (cross-file): related resources exist in the workspace's catalogs (发改高技〔2017〕1272号). */
import type { WorkspaceRule } from '../rule';
import { cite } from '../sources';

export const relatedResourceRule: WorkspaceRule = {
  meta: {
    id: 'DA-REF-003',
    name: 'related-resources-exist',
    sources: [cite('ndrc-2017-1272')],
    severity: 'warning',
    fixable: false,
    messages: {
      missing: {
        'zh-CN': '关联资源 {id} 在工作区的数据资源目录中不存在',
        en: 'Related resource {id} is not defined in any data resource catalog of the workspace',
      },
    },
    docs: {
      description: {
        'zh-CN': 'relatedResources 中的每个标识都应是工作区中的目录资源。',
        en: 'Every id in relatedResources should be a catalog resource of the workspace.',
      },
      rationale: {
        'zh-CN':
          '《政务信息资源目录编制指南》（发改高技〔2017〕1272号）把关联资源代码列为目录元数据；指向不存在的资源会误导使用者。',
        en: 'The catalog guide (发改高技〔2017〕1272号) lists related resource codes as catalog metadata; a reference to a missing resource misleads its readers.',
      },
      example:
        'resources:\n  - id: R-330100-JT-0001\n    relatedResources: [R-330100-JT-9999]   # 目录中没有此资源\n  - id: R-330100-JT-0002',
      fixedExample:
        'resources:\n  - id: R-330100-JT-0001\n    relatedResources: [R-330100-JT-0002]\n  - id: R-330100-JT-0002',
    },
  },
  checkFile(file, index, report) {
    for (const resource of file.resources) {
      for (const related of resource.related) {
        if (index.resource(related.id)) continue;
        report({
          messageId: 'missing',
          range: related.range,
          args: { id: related.id },
          path: `${resource.path}/relatedResources`,
        });
      }
    }
  },
};
