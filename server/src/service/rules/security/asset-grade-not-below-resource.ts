/** DA-SEC-001 (cross-file): a data asset is graded at least as high as its catalog resource (clause 9; GB/T 43697-2024). */
import { gradeRank } from '../../tree/values';
import type { WorkspaceRule } from '../rule';
import { cite, notice } from '../sources';

export const gradeBelowResourceRule: WorkspaceRule = {
  meta: {
    id: 'DA-SEC-001',
    name: 'asset-grade-not-below-resource',
    sources: [notice('(9)'), cite('gb-t-43697-2024')],
    severity: 'error',
    fixable: true,
    messages: {
      lower: {
        'zh-CN':
          '资产“{asset}”定级为{assetGrade}，低于其目录资源 {resource} 的{resourceGrade}：数据资产的安全级别不得低于所依托的数据资源。资产是经脱敏、汇总等处理形成的衍生数据、经评估可以另行定级的，请在 gradeJustification 中写明定级依据',
        en: 'Asset "{asset}" is graded {assetGrade}, lower than its catalog resource {resource} ({resourceGrade}): a data asset may not be graded below the resource it is drawn from. If the asset is derived data (desensitised, aggregated, ...) assessed to a grade of its own, state the grounds in gradeJustification',
      },
      fix: { 'zh-CN': '改为与目录资源相同的级别', en: 'Use the same grade as the catalog resource' },
    },
    docs: {
      description: {
        'zh-CN':
          '数据资产的 securityGrade 不低于它所引用的目录资源的 securityGrade；衍生数据经评估另行定级的，在 gradeJustification 中写明依据后不再报告。',
        en: "A data asset's securityGrade is not lower than the securityGrade of the catalog resource it refers to, unless the asset is derived data re-graded on assessment and says so in gradeJustification.",
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（九）条要求分类分级管理；GB/T 43697-2024 按核心、重要、一般分级。资产由资源形成，降低级别会使保护措施和开放共享范围失当。GB/T 43697-2024 附录I（衍生数据分级参考）允许经脱敏、汇总、统计等处理形成的衍生数据按处理后的影响重新定级，所以写明定级说明（gradeJustification）的资产不再报告。',
        en: 'Clause (9) of 财资〔2024〕1号 requires classified and graded management; GB/T 43697-2024 grades data core, important, general. An asset is made from its resource; grading it lower weakens protection and widens sharing wrongly. Annex I of GB/T 43697-2024 (grading derived data) lets data derived by desensitisation, aggregation or statistics be graded on its own impact, so an asset that states its grounds (gradeJustification) is not reported.',
      },
      example:
        'resources:\n  - id: R-330100-JT-0003\n    securityGrade: 重要数据\n---\nassets:\n  - id: DA-2024-0003\n    resource: R-330100-JT-0003\n    securityGrade: 一般数据',
      fixedExample:
        'resources:\n  - id: R-330100-JT-0003\n    securityGrade: 重要数据\n---\nassets:\n  - id: DA-2024-0003\n    resource: R-330100-JT-0003\n    securityGrade: 重要数据',
    },
  },
  checkFile(file, index, report) {
    for (const asset of file.assets) {
      // Derived data re-graded on a stated assessment (GB/T 43697-2024 annex I) is the exception.
      if (!asset.resource || !asset.gradeRange || asset.gradeJustified) continue;
      const resource = index.resource(asset.resource.id);
      if (!resource) continue;
      const assetRank = gradeRank(asset.securityGrade);
      const resourceRank = gradeRank(resource.securityGrade);
      if (assetRank === undefined || resourceRank === undefined || assetRank >= resourceRank) continue;
      const quote = asset.gradeQuote ?? '';
      report({
        messageId: 'lower',
        range: asset.gradeRange,
        args: {
          asset: asset.id,
          assetGrade: asset.securityGrade,
          resource: resource.id,
          resourceGrade: resource.securityGrade,
        },
        path: `${asset.path}/securityGrade`,
        data: { expected: resource.securityGrade, resourceUri: resource.uri },
        fix: {
          title: gradeBelowResourceRule.meta.messages.fix,
          edits: [{ range: asset.gradeRange, newText: `${quote}${resource.securityGrade}${quote}` }],
        },
      });
    }
  },
};
