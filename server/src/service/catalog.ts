/**
 * What outputs show of every rule id the service can report (SARIF, `steward rules`, `steward explain`, hover,
 * completion, the editor's rule docs), derived from the rules' metadata in the registry (rules/registry.ts).
 */
import type { LocalizedText, Severity } from './types';
import type { RuleDocs, RuleMeta } from './rules/rule';
import { BUILT_IN_RULES } from './rules/registry';
import { citationOfAll, SOURCES } from './rules/sources';
import type { Source, SourceRef } from './rules/sources';

/** One source of a rule: the source's record and the article the rule rests on. */
export interface RuleSource {
  source: Source;
  article?: string;
}

export interface RuleInfo {
  id: string;
  /** The rule's stable kebab-case name, e.g. `authorization-needs-security-assessment`. */
  name: string;
  /** The citation generated from `sources`, e.g. `财资〔2024〕1号 (4)` (what every output prints as the basis). */
  clause: string;
  sources: RuleSource[];
  severity: Severity;
  /** True when the rule's findings can carry a fix. */
  fixable: boolean;
  /** One line: what it checks (and, for an opt-in rule, that it is off by default). */
  short: LocalizedText;
  /** Markdown: what it checks, why, example, use instead. */
  help: LocalizedText;
  docs: RuleDocs;
}

/** A rule's documentation as Markdown, in the same sections for every rule. */
export function ruleHelp(meta: RuleMeta): LocalizedText {
  const { docs } = meta;
  const clause = citationOfAll(meta.sources);
  // A workbook written as text is shown as plain text, not highlighted as YAML.
  const fence = docs.exampleSyntax === 'sheet' ? 'text' : 'yaml';
  return {
    'zh-CN': `## ${meta.id}：${docs.description['zh-CN']}\n\n依据：${clause}\n\n### 为什么\n${docs.rationale['zh-CN']}\n\n### 示例（有问题）\n\`\`\`${fence}\n${docs.example}\n\`\`\`\n\n### 改为\n\`\`\`${fence}\n${docs.fixedExample}\n\`\`\`\n`,
    en: `## ${meta.id}: ${docs.description.en}\n\nBasis: ${clause}\n\n### Why\n${docs.rationale.en}\n\n### Example (problem)\n\`\`\`${fence}\n${docs.example}\n\`\`\`\n\n### Use instead\n\`\`\`${fence}\n${docs.fixedExample}\n\`\`\`\n`,
  };
}

function shortOf(meta: RuleMeta): LocalizedText {
  const { description } = meta.docs;
  if (meta.enabledByDefault !== false) return description;
  return {
    'zh-CN': `${description['zh-CN']}（默认关闭，在配置中设置级别即启用）`,
    en: `${description.en} (off by default; give it a severity in the configuration to turn it on)`,
  };
}

function infoOf(meta: RuleMeta): RuleInfo {
  const { id, name, severity, fixable, docs } = meta;
  const clause = citationOfAll(meta.sources);
  const sources = meta.sources.map((ref: SourceRef): RuleSource => ({
    source: SOURCES[ref.source],
    article: ref.article,
  }));
  return { id, name, clause, sources, severity, fixable, short: shortOf(meta), help: ruleHelp(meta), docs };
}

/** The built-in ids, then `rules` (the compliance rules the service runs). */
export function ruleInfos(rules: Array<{ meta: RuleMeta }>): RuleInfo[] {
  return [...BUILT_IN_RULES, ...rules].map((rule) => infoOf(rule.meta));
}
