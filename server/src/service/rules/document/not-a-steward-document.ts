/**
 * DA-DOC-002: a document is not a steward document (no apiVersion: steward/v1 and kind). Reported by the document
 * checks of the pipeline (validate.ts) for the files the CLI is pointed at; the editor leaves other YAML alone.
 */
import type { BuiltInRule } from '../rule';
import { REGISTER } from '../examples';
import { cite } from '../sources';

export const notAStewardDocumentRule: BuiltInRule = {
  layer: 'document',
  meta: {
    id: 'DA-DOC-002',
    name: 'not-a-steward-document',
    sources: [cite('steward-format')],
    severity: 'warning',
    fixable: false,
    messages: {
      foreign: {
        'zh-CN':
          '这不是数据资产文档：缺少 apiVersion: steward/v1 与 kind（DataResourceCatalog 或 DataAssetRegister），未作检查',
        en: 'Not a Data Asset Steward document: apiVersion: steward/v1 and kind (DataResourceCatalog or DataAssetRegister) are missing; not checked',
      },
    },
    docs: {
      description: {
        'zh-CN': '文档缺少 apiVersion: steward/v1 与 kind，不是数据资产文档',
        en: 'The document lacks apiVersion: steward/v1 and kind, so it is not a steward document',
      },
      rationale: {
        'zh-CN':
          'apiVersion: steward/v1 和 kind 说明文档是哪一种、按哪一版格式检查。缺少这两项的文档不知道该按目录还是登记检查，所以不作检查；命令行点名检查的文件出现这种情况时给出警告，以免整个文件被悄悄略过。',
        en: 'apiVersion: steward/v1 and kind say what a document is and which version of the format it follows. Without them there is no telling whether to check a catalog or a register, so the document is not checked; in a file the command line was pointed at that is a warning, so that no file is skipped unnoticed.',
      },
      example: REGISTER.replace('apiVersion: steward/v1\nkind: DataAssetRegister\n', ''),
      fixedExample: REGISTER,
    },
  },
};
