/**
 * The words the formatters add around findings (severity labels, summary lines, ...), in every locale.
 * One object per locale with the same shape, so the compiler refuses a string missing in one language.
 */
import type { Locale, Severity } from '../../service';

export interface FormatterStrings {
  severity: Record<Severity, string>;
  problems(count: number): string;
  errors(count: number): string;
  warnings(count: number): string;
  infos(count: number): string;
  /** The stylish summary: `parts` are the counts by severity already worded. */
  summary(problems: string, parts: string[]): string;
  filesUnreadable(count: number): string;
  /** A file had more findings than `--max-findings-per-file` allows: how many were left out. */
  omitted(count: number, limit: number): string;
  /** Tag after a file path whose content could not be read or decoded. */
  unreadable: string;
  /** Name of the passing JUnit test case written for a file without findings. */
  noProblems: string;
  /** The line naming the clause a finding enforces. */
  clauseLine(clause: string): string;
  /** Rule descriptions used when a finding names a rule the CLI did not describe. */
  unknownRuleShort(ruleId: string): string;
  unknownRuleHelp(ruleId: string): string;
  /** SARIF: what the `%SRCROOT%` base URI stands for. */
  srcRootDescription: string;
  /** Stylish: a related place of a finding (another definition of a duplicated id). */
  alsoAt(place: string): string;
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

const en: FormatterStrings = {
  severity: { error: 'error', warning: 'warning', info: 'info' },
  problems: (n) => plural(n, 'problem', 'problems'),
  errors: (n) => plural(n, 'error', 'errors'),
  warnings: (n) => plural(n, 'warning', 'warnings'),
  infos: (n) => `${n} info`,
  summary: (problems, parts) => `${problems} (${parts.join(', ')})`,
  filesUnreadable: (n) => `${plural(n, 'file', 'files')} could not be read`,
  unreadable: '(could not be read)',
  omitted: (n, limit) =>
    `… ${plural(n, 'more finding', 'more findings')} in this file not shown (--max-findings-per-file ${limit})`,
  noProblems: 'no problems',
  clauseLine: (clause) => `Clause: ${clause}`,
  unknownRuleShort: (id) => `Rule ${id}`,
  unknownRuleHelp: (id) => `No description is available for rule ${id}.`,
  srcRootDescription: 'The directory the result paths are relative to.',
  alsoAt: (place) => `also at ${place}`,
};

const zhCN: FormatterStrings = {
  severity: { error: '错误', warning: '警告', info: '提示' },
  problems: (n) => `${n} 个问题`,
  errors: (n) => `${n} 个错误`,
  warnings: (n) => `${n} 个警告`,
  infos: (n) => `${n} 条提示`,
  summary: (problems, parts) => `${problems}（${parts.join('，')}）`,
  filesUnreadable: (n) => `${n} 个文件无法读取`,
  unreadable: '（无法读取）',
  omitted: (n, limit) => `…… 本文件另有 ${n} 个问题未列出（--max-findings-per-file ${limit}）`,
  noProblems: '未发现问题',
  clauseLine: (clause) => `依据：${clause}`,
  unknownRuleShort: (id) => `规则 ${id}`,
  unknownRuleHelp: (id) => `规则 ${id} 暂无说明。`,
  srcRootDescription: '结果中的路径以此目录为基准。',
  alsoAt: (place) => `另见 ${place}`,
};

const catalogs: Record<Locale, FormatterStrings> = { en, 'zh-CN': zhCN };

export function formatterStrings(locale: Locale): FormatterStrings {
  return catalogs[locale] ?? en;
}
