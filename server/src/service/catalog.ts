/**
 * Descriptions of every rule id the service can report — parse, document, schema and compliance rules — for
 * outputs that list rules (SARIF, `steward rules`) and for `explain`.
 */
import type { LocalizedText, Severity } from './types';
import type { Rule, WorkspaceRule } from './rules/rule';
import { YAML_RULES } from './parser/problems';
import { SCHEMA_RULES } from './schema/errors';
import { DOCUMENT_RULES } from './validate';
import { WAIVER_RULES } from './waivers';

export interface RuleInfo {
  id: string;
  /** Short kebab-case name, e.g. `missing-required-field`. */
  name: string;
  clause: string;
  severity: Severity;
  short: LocalizedText;
  /** Markdown: what it checks, why, example, fix. */
  help: LocalizedText;
}

type Entry = [id: string, name: string, clause: string, severity: Severity, zh: string, en: string];

/** Built-in checks that are not rule modules: the file, YAML, document and schema layers. */
const BUILT_IN: Entry[] = [
  ['DA-FILE-001', 'unreadable-file', 'steward/v1', 'error', '文件无法读取（不存在、无权限或是目录）', 'The file cannot be read (missing, no permission, or a directory)'],
  ['DA-FILE-002', 'binary-file', 'steward/v1', 'error', '文件是二进制内容，不是 YAML 文本', 'The file is binary, not YAML text'],
  ['DA-FILE-003', 'invalid-utf8', 'YAML 1.2.2', 'error', '文件不是有效的 UTF-8 编码', 'The file is not valid UTF-8'],
  ['DA-FILE-004', 'file-too-large', 'steward/v1', 'error', '文件超过大小上限，未作检查', 'The file exceeds the size limit and was not checked'],
  [YAML_RULES.syntax, 'yaml-syntax', 'YAML 1.2.2', 'error', 'YAML 语法错误', 'YAML syntax error'],
  [YAML_RULES.duplicateKey, 'duplicate-key', 'YAML 1.2.2', 'error', '同一映射中出现重复的键', 'A key appears twice in one mapping'],
  [YAML_RULES.tab, 'tab-indentation', 'YAML 1.2.2', 'error', '用制表符缩进（YAML 只允许空格）', 'Indentation with tabs (YAML allows spaces only)'],
  [YAML_RULES.notMapping, 'top-level-not-mapping', 'YAML 1.2.2', 'error', '文档顶层不是映射', 'The top level of a document is not a mapping'],
  [YAML_RULES.alias, 'alias-limit', 'YAML 1.2.2', 'error', '别名引用不存在的锚点或展开过大', 'An alias refers to a missing anchor or expands too much'],
  [YAML_RULES.depth, 'nesting-too-deep', 'YAML 1.2.2', 'error', '嵌套层级过深', 'Nesting is too deep'],
  [DOCUMENT_RULES.empty, 'empty-file', 'steward/v1', 'warning', '文件中没有 YAML 文档', 'The file holds no YAML document'],
  [DOCUMENT_RULES.foreign, 'not-a-steward-document', 'steward/v1', 'warning', '文档缺少 apiVersion: steward/v1 与 kind，不是数据资产文档', 'The document lacks apiVersion: steward/v1 and kind, so it is not a steward document'],
  [DOCUMENT_RULES.unknownKind, 'unknown-kind', 'steward/v1', 'error', 'kind 不是 DataResourceCatalog 或 DataAssetRegister', 'kind is neither DataResourceCatalog nor DataAssetRegister'],
  [SCHEMA_RULES.required, 'missing-required-field', '财资〔2024〕1号', 'error', '缺少必填字段（含条件必填：如购置须有预算依据、有偿授权须有费用）', 'A required field is missing (including conditional ones: a purchase needs its budget reference, a paid authorization its fee)'],
  [SCHEMA_RULES.unknownField, 'unknown-field', 'steward/v1', 'error', '未知字段（多为拼写错误；自定义字段以 x- 开头）', 'Unknown field (usually a typo; custom fields start with x-)'],
  [SCHEMA_RULES.enum, 'invalid-value', '财资〔2024〕1号', 'error', '取值不在允许的范围内', 'The value is not one of the allowed values'],
  [SCHEMA_RULES.type, 'wrong-type', 'steward/v1', 'error', '值的类型不正确', 'The value has the wrong type'],
  [SCHEMA_RULES.format, 'wrong-format', 'steward/v1', 'error', '值的格式不正确（日期、编号等）', 'The value has the wrong format (a date, an id, ...)'],
  [SCHEMA_RULES.forbidden, 'forbidden-field', '财资〔2024〕1号 (4)', 'error', '出现了禁止的字段（如以数据资产担保）', 'A forbidden field is present (e.g. a guarantee backed by a data asset)'],
  [SCHEMA_RULES.constraint, 'constraint-violated', 'steward/v1', 'error', '值不满足约束（范围、数量、唯一性）', 'The value breaks a constraint (range, count, uniqueness)'],
  [WAIVER_RULES.noReason, 'waiver-without-reason', 'steward/v1', 'error', '豁免注释没有写明原因', 'A waiver comment gives no reason'],
  [WAIVER_RULES.unused, 'unused-waiver', 'steward/v1', 'warning', '豁免注释没有豁免任何问题', 'A waiver comment waives nothing'],
  [WAIVER_RULES.malformed, 'malformed-waiver', 'steward/v1', 'warning', '豁免注释写法有误（规则编号不存在或到期日无效）', 'A waiver comment is malformed (unknown rule id or invalid expiry date)'],
  ['DA-CONFIG-001', 'unknown-rule-in-config', 'steward/v1', 'warning', '配置中的规则编号不存在', 'The configuration names a rule that does not exist'],
];

function builtInInfo([id, name, clause, severity, zh, en]: Entry): RuleInfo {
  return {
    id, name, clause, severity,
    short: { 'zh-CN': zh, en },
    help: { 'zh-CN': `${zh}。\n\n依据：${clause}`, en: `${en}.\n\nBasis: ${clause}` },
  };
}

function ruleName(rule: Rule | WorkspaceRule): string {
  return rule.meta.docs.description.en.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || rule.meta.id.toLowerCase();
}

export function ruleHelp(rule: Rule | WorkspaceRule): LocalizedText {
  const { docs, clause } = rule.meta;
  return {
    'zh-CN': `## ${rule.meta.id}：${docs.description['zh-CN']}\n\n依据：${clause}\n\n### 为什么\n${docs.rationale['zh-CN']}\n\n### 示例（有问题）\n\`\`\`yaml\n${docs.example}\n\`\`\`\n\n### 改为\n\`\`\`yaml\n${docs.fixedExample}\n\`\`\`\n`,
    en: `## ${rule.meta.id}: ${docs.description.en}\n\nBasis: ${clause}\n\n### Why\n${docs.rationale.en}\n\n### Example (problem)\n\`\`\`yaml\n${docs.example}\n\`\`\`\n\n### Use instead\n\`\`\`yaml\n${docs.fixedExample}\n\`\`\`\n`,
  };
}

export function ruleInfos(rules: Array<Rule | WorkspaceRule>): RuleInfo[] {
  return [
    ...BUILT_IN.map(builtInInfo),
    ...rules.map((rule) => ({
      id: rule.meta.id,
      name: ruleName(rule),
      clause: rule.meta.clause,
      severity: rule.meta.severity,
      short: rule.meta.enabledByDefault === false
        ? { 'zh-CN': `${rule.meta.docs.description['zh-CN']}（默认关闭，在配置中设置级别即启用）`, en: `${rule.meta.docs.description.en} (off by default; give it a severity in the configuration to turn it on)` }
        : rule.meta.docs.description,
      help: ruleHelp(rule),
    })),
  ];
}
