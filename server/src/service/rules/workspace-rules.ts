/**
 * Cross-file rules: they read the workspace index (every file's resources and assets) and report on one file.
 * DA-REF-001 an asset's resource exists; DA-ID-001 ids are unique across the workspace; DA-REF-002 a resource
 * that no asset uses; DA-REF-003 related resources exist; DA-SEC-001 an asset is graded at least as its resource.
 */
import type { LocalizedText, Range, Severity, TextEdit } from '../types';
import type { RuleMeta } from './rule';
import type { FileSummary, IndexedItem, WorkspaceIndex } from '../workspace';
import { gradeRank } from './helpers';

export interface WorkspaceReport {
  messageId: string;
  range: Range;
  args?: Record<string, string | number>;
  severity?: Severity;
  path?: string;
  data?: Record<string, unknown>;
  fix?: { title: LocalizedText; edits: TextEdit[] };
}

export interface WorkspaceRule {
  meta: RuleMeta;
  checkFile(file: FileSummary, index: WorkspaceIndex, report: (report: WorkspaceReport) => void): void;
}

function where(item: IndexedItem): string {
  return `${item.uri}:${item.idRange.start.line + 1}`;
}

export const missingResourceRule: WorkspaceRule = {
  meta: {
    id: 'DA-REF-001',
    clause: '财资〔2024〕1号 (8)',
    severity: 'error',
    messages: {
      missing: {
        'zh-CN': '资产“{asset}”引用的目录资源 {resource} 在工作区的数据资源目录中不存在：数据资产须依托数据资源目录登记',
        en: 'Asset "{asset}" refers to catalog resource {resource}, which no data resource catalog in the workspace defines: data assets are inventoried from the catalog',
      },
      notAResource: {
        'zh-CN': '资产“{asset}”的 resource 指向 {resource}，但它是一项数据资产（{where}），不是目录资源',
        en: 'Asset "{asset}" has resource {resource}, but that is a data asset ({where}), not a catalog resource',
      },
    },
    docs: {
      description: { 'zh-CN': '每项数据资产的 resource 都必须是工作区某个数据资源目录中的资源标识。', en: 'Every data asset\'s resource must be the id of a resource in some data resource catalog of the workspace.' },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（八）条：依托数据资源目录开展数据资产清查盘点。没有目录资源的资产无从核对来源与范围。工作区中没有任何目录文件时不检查。',
        en: 'Clause (8) of 财资〔2024〕1号: data assets are inventoried from the data resource catalog. An asset with no catalog resource cannot be traced to its source. Not checked when the workspace has no catalog file at all.',
      },
      example: 'assets:\n  - id: DA-2024-0009\n    resource: R-330100-JT-9999   # 目录中没有此资源',
      fixedExample: 'assets:\n  - id: DA-2024-0009\n    resource: R-330100-JT-0001',
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
        data: { resource: asset.resource.id, candidates: index.allResources().map((r) => r.id).filter((id) => similar(id, asset.resource!.id)).slice(0, 5) },
      });
    }
  },
};

/** Ids that differ from `id` only in their last segment: the likely meant ones. */
function similar(candidate: string, id: string): boolean {
  const cut = (s: string) => s.slice(0, s.lastIndexOf('-'));
  return cut(candidate) === cut(id);
}

export const duplicateIdRule: WorkspaceRule = {
  meta: {
    id: 'DA-ID-001',
    clause: '财资〔2024〕1号 (8)',
    severity: 'error',
    messages: {
      duplicate: {
        'zh-CN': '标识 {id} 重复：已在 {first} 定义。资源与资产的标识须在整个工作区唯一',
        en: 'Id {id} is used twice: it is already defined at {first}. Resource and asset ids must be unique across the workspace',
      },
    },
    docs: {
      description: { 'zh-CN': '资源标识（R-…）与资产标识（DA-…）在整个工作区内唯一。', en: 'Resource ids (R-…) and asset ids (DA-…) are unique across the whole workspace.' },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（八）条要求对数据资产登记建卡；同一标识指向两项资源或资产，会使资产卡片、授权和收益无法对应。',
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
      report({ messageId: 'duplicate', range: item.idRange, args: { id: item.id, first: where(definitions[0]) }, path: `${item.path}/id`, data: { id: item.id } });
    }
  },
};

export const unusedResourceRule: WorkspaceRule = {
  meta: {
    id: 'DA-REF-002',
    clause: '财资〔2024〕1号 (8)',
    severity: 'info',
    messages: {
      unused: {
        'zh-CN': '目录资源 {id}（{name}）没有被任何数据资产引用：如已形成数据资产，请登记',
        en: 'Catalog resource {id} ({name}) is referenced by no data asset: if it has become a data asset, register it',
      },
    },
    docs: {
      description: { 'zh-CN': '提示工作区中没有被任何资产引用的目录资源。', en: 'Points out catalog resources that no asset in the workspace refers to.' },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（八）条：依托数据资源目录清查盘点数据资产。并非每项资源都是资产，所以这只是提示；工作区中没有登记文件时不检查。',
        en: 'Clause (8) of 财资〔2024〕1号: data assets are inventoried from the catalog. Not every resource is an asset, so this is information only; not checked when the workspace has no register file.',
      },
      example: 'resources:\n  - id: R-330100-JT-0009   # 没有资产引用',
      fixedExample: 'assets:\n  - id: DA-2024-0009\n    resource: R-330100-JT-0009',
    },
  },
  checkFile(file, index, report) {
    if (!index.hasRegister) return;
    for (const resource of file.resources) {
      if (index.assetsReferencing(resource.id).length > 0) continue;
      if (index.definitions(resource.id)[0] !== resource) continue;
      report({ messageId: 'unused', range: resource.idRange, args: { id: resource.id, name: resource.name || '—' }, path: `${resource.path}/id` });
    }
  },
};

export const relatedResourceRule: WorkspaceRule = {
  meta: {
    id: 'DA-REF-003',
    clause: '发改高技〔2017〕1272号',
    severity: 'warning',
    messages: {
      missing: {
        'zh-CN': '关联资源 {id} 在工作区的数据资源目录中不存在',
        en: 'Related resource {id} is not defined in any data resource catalog of the workspace',
      },
    },
    docs: {
      description: { 'zh-CN': 'relatedResources 中的每个标识都应是工作区中的目录资源。', en: 'Every id in relatedResources should be a catalog resource of the workspace.' },
      rationale: {
        'zh-CN': '《政务信息资源目录编制指南》（发改高技〔2017〕1272号）把关联资源代码列为目录元数据；指向不存在的资源会误导使用者。',
        en: 'The catalog guide (发改高技〔2017〕1272号) lists related resource codes as catalog metadata; a reference to a missing resource misleads its readers.',
      },
      example: 'resources:\n  - id: R-330100-JT-0001\n    relatedResources: [R-330100-JT-9999]',
      fixedExample: 'resources:\n  - id: R-330100-JT-0001\n    relatedResources: [R-330100-JT-0002]',
    },
  },
  checkFile(file, index, report) {
    for (const resource of file.resources) {
      for (const related of resource.related) {
        if (index.resource(related.id)) continue;
        report({ messageId: 'missing', range: related.range, args: { id: related.id }, path: `${resource.path}/relatedResources` });
      }
    }
  },
};

export const gradeBelowResourceRule: WorkspaceRule = {
  meta: {
    id: 'DA-SEC-001',
    clause: '财资〔2024〕1号 (9); GB/T 43697-2024',
    severity: 'error',
    messages: {
      lower: {
        'zh-CN': '资产“{asset}”定级为{assetGrade}，低于其目录资源 {resource} 的{resourceGrade}：数据资产的安全级别不得低于所依托的数据资源',
        en: 'Asset "{asset}" is graded {assetGrade}, lower than its catalog resource {resource} ({resourceGrade}): a data asset may not be graded below the resource it is drawn from',
      },
      fix: { 'zh-CN': '改为与目录资源相同的级别', en: 'Use the same grade as the catalog resource' },
    },
    docs: {
      description: { 'zh-CN': '数据资产的 securityGrade 不低于它所引用的目录资源的 securityGrade。', en: 'A data asset\'s securityGrade is not lower than the securityGrade of the catalog resource it refers to.' },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（九）条要求分类分级管理；GB/T 43697-2024 按核心、重要、一般分级。资产由资源形成，降低级别会使保护措施和开放共享范围失当。',
        en: 'Clause (9) of 财资〔2024〕1号 requires classified and graded management; GB/T 43697-2024 grades data core, important, general. An asset is made from its resource; grading it lower weakens protection and widens sharing wrongly.',
      },
      example: '# 目录：R-330100-JT-0003 securityGrade: 重要数据\nassets:\n  - id: DA-2024-0003\n    resource: R-330100-JT-0003\n    securityGrade: 一般数据',
      fixedExample: '# 目录：R-330100-JT-0003 securityGrade: 重要数据\nassets:\n  - id: DA-2024-0003\n    resource: R-330100-JT-0003\n    securityGrade: 重要数据',
    },
  },
  checkFile(file, index, report) {
    for (const asset of file.assets) {
      if (!asset.resource || !asset.gradeRange) continue;
      const resource = index.resource(asset.resource.id);
      if (!resource) continue;
      const assetRank = gradeRank(asset.securityGrade);
      const resourceRank = gradeRank(resource.securityGrade);
      if (assetRank === undefined || resourceRank === undefined || assetRank >= resourceRank) continue;
      const quote = asset.gradeQuote ?? '';
      report({
        messageId: 'lower',
        range: asset.gradeRange,
        args: { asset: asset.id, assetGrade: asset.securityGrade, resource: resource.id, resourceGrade: resource.securityGrade },
        path: `${asset.path}/securityGrade`,
        data: { expected: resource.securityGrade, resourceUri: resource.uri },
        fix: { title: gradeBelowResourceRule.meta.messages.fix, edits: [{ range: asset.gradeRange, newText: `${quote}${resource.securityGrade}${quote}` }] },
      });
    }
  },
};

export const WORKSPACE_RULES: WorkspaceRule[] = [missingResourceRule, duplicateIdRule, unusedResourceRule, relatedResourceRule, gradeBelowResourceRule];
