/**
 * `steward rules` and `steward explain`: the rules reference (docs/rules.md and docs/rules.zh-CN.md are its
 * Markdown), a rule's documentation, and where the CLI's copy of that reference is (for SARIF's links). Everything
 * comes from the rules' metadata, through the service.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allSources, createStewardService } from '../service';
import type { Locale, RuleInfo, Severity, Source } from '../service';
import { ruleAnchor } from './formatters/common';
import type { DocumentationUris } from './formatters/types';
import { padEnd } from './formatters/width';
import { renderMarkdown } from './terminal-markdown';
import { t } from './messages';
import { terminalLines } from './formatters/safe-text';
import { UsageError } from './io';

const SEVERITY_NAMES: Record<Severity, { 'zh-CN': string; en: string }> = {
  error: { 'zh-CN': '错误', en: 'error' },
  warning: { 'zh-CN': '警告', en: 'warning' },
  info: { 'zh-CN': '提示', en: 'info' },
};

function severityName(severity: Severity, locale: Locale): string {
  return SEVERITY_NAMES[severity][locale];
}

const REFERENCE_FILES: Record<Locale, string> = { en: 'rules.md', 'zh-CN': 'rules.zh-CN.md' };

/**
 * The documentation shipped with the package, as file URIs: the rules reference in the output's language (a rule's
 * section is `#<ruleAnchor(id)>`) and the README. In the bundle this module is dist/steward.js, beside docs/.
 */
export function documentationUris(locale: Locale, bundleDir: string = __dirname): DocumentationUris {
  const root = path.resolve(bundleDir, '..');
  return {
    rulesUri: pathToFileURL(path.join(root, 'docs', REFERENCE_FILES[locale])).href,
    informationUri: pathToFileURL(path.join(root, 'README.md')).href,
  };
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The rules reference: a table of every rule, then one section per rule, each with the same parts. */
export function rulesMarkdown(infos: RuleInfo[], locale: Locale): string {
  const zh = locale === 'zh-CN';
  const yes = zh ? '是' : 'yes';
  const lines = [
    zh ? '# 规则一览' : '# Rules',
    '',
    zh
      ? '由规则元数据生成（`steward rules --format markdown`），请勿手工编辑。'
      : "Generated from the rules' metadata (`steward rules --format markdown`); do not edit by hand.",
    '',
    zh
      ? '| 编号 | 名称 | 默认级别 | 可自动修复 | 依据 | 说明 |'
      : '| id | name | default | fixable | basis | what it checks |',
    '|---|---|---|---|---|---|',
    ...infos.map(
      (r) =>
        `| [${r.id}](#${ruleAnchor(r.id)}) | \`${r.name}\` | ${severityName(r.severity, locale)} | ${r.fixable ? yes : ''} | ${cell(r.clause)} | ${cell(r.short[locale])} |`,
    ),
    '',
  ];
  for (const info of infos) {
    lines.push(`<a id="${ruleAnchor(info.id)}"></a><a id="${info.name}"></a>`, '', info.help[locale].trimEnd(), '');
  }
  return lines.join('\n');
}

const KIND_NAMES: Record<Source['kind'], string> = {
  notice: '通知 notice',
  law: '法律 law',
  regulation: '法规、规章 regulation',
  standard: '标准 standard',
  practice: '实务 practice',
  'tool-format': '本工具格式 tool format',
};

function dateCell(source: Source): string {
  const { issued, effective } = source;
  if (!issued) return effective ?? '';
  return effective && effective !== issued ? `${issued}（${effective} 施行 in force）` : issued;
}

/**
 * docs/sources.md (`steward rules --format sources`): every source rules may cite, with its issuer, number, date and
 * status, and the rules resting on it; then what was confirmed of each. Both languages side by side.
 */
export function sourcesMarkdown(sources: Source[], infos: RuleInfo[]): string {
  const rulesOf = (id: string) =>
    infos
      .filter((info) => info.sources.some((ref) => ref.source.id === id))
      .map((info) => {
        const articles = info.sources.filter((ref) => ref.source.id === id && ref.article).map((ref) => ref.article);
        return articles.length > 0 ? `${info.id} ${articles.join(' ')}` : info.id;
      });
  const lines = [
    '# 依据一览 Sources',
    '',
    '由规则元数据生成（`steward rules --format sources`），请勿手工编辑。',
    "Generated from the rules' metadata (`steward rules --format sources`); do not edit by hand.",
    '',
    '| 编号 id | 名称 title | 发布机关 issuer | 文号 number | 日期 date | 状态 status | 类别 kind | 引用的规则 rules |',
    '|---|---|---|---|---|---|---|---|',
    ...sources.map((s) =>
      [
        '',
        `\`${s.id}\``,
        cell(`${s.title['zh-CN']}<br>${s.title.en}`),
        cell(s.issuer['zh-CN'] === s.issuer.en ? s.issuer.en : `${s.issuer['zh-CN']}<br>${s.issuer.en}`),
        cell(s.number ?? ''),
        dateCell(s),
        cell(`${s.status['zh-CN']}<br>${s.status.en}`),
        KIND_NAMES[s.kind],
        cell(rulesOf(s.id).join('; ')),
        '',
      ]
        .join(' | ')
        .trim(),
    ),
    '',
    '## 核实记录 What was confirmed',
    '',
    ...sources.map((s) => `- \`${s.id}\` (${s.cite}): ${s.confirmed}`),
    '',
  ];
  return lines.join('\n');
}

/** One rule for `steward rules --format json`: its metadata and its docs in both languages. */
function ruleJson(info: RuleInfo, locale: Locale) {
  const { docs } = info;
  const inLanguage = (language: Locale) => ({
    description: docs.description[language],
    rationale: docs.rationale[language],
    example: docs.example,
    fixedExample: docs.fixedExample,
    exampleSyntax: docs.exampleSyntax ?? 'yaml',
  });
  return {
    id: info.id,
    name: info.name,
    severity: info.severity,
    fixable: info.fixable,
    clause: info.clause,
    source: info.sources[0].source.id,
    ...(info.sources[0].article ? { article: info.sources[0].article } : {}),
    sources: info.sources.map(({ source, article }) => ({
      source: source.id,
      ...(article ? { article } : {}),
      kind: source.kind,
      title: source.title,
      issuer: source.issuer,
      ...(source.number ? { number: source.number } : {}),
      ...(source.issued ? { issued: source.issued } : {}),
      ...(source.effective ? { effective: source.effective } : {}),
      status: source.status,
    })),
    description: info.short[locale],
    docs: { 'zh-CN': inLanguage('zh-CN'), en: inLanguage('en') },
  };
}

export interface RulesIo {
  stdout: { write(text: string): void };
}

/** `steward rules [--format json|markdown]`: every rule id, built-in ones included. */
export function rulesCommand(io: RulesIo, locale: Locale, format: string | undefined): number {
  const infos = createStewardService().rules();
  if (format === 'json') {
    io.stdout.write(
      JSON.stringify(
        infos.map((info) => ruleJson(info, locale)),
        null,
        2,
      ) + '\n',
    );
    return 0;
  }
  if (format === 'markdown') {
    io.stdout.write(rulesMarkdown(infos, locale));
    return 0;
  }
  if (format === 'sources') {
    io.stdout.write(sourcesMarkdown(allSources(), infos));
    return 0;
  }
  const idWidth = Math.max(...infos.map((r) => r.id.length));
  const nameWidth = Math.max(...infos.map((r) => r.name.length));
  const severityWidth = Math.max(...infos.map((r) => severityName(r.severity, locale).length));
  for (const info of infos) {
    io.stdout.write(
      `${info.id.padEnd(idWidth)}  ${info.name.padEnd(nameWidth)}  ${padEnd(severityName(info.severity, locale), severityWidth)}  ${info.short[locale]}  [${info.clause}]\n`,
    );
  }
  return 0;
}

export interface ExplainOptions {
  format?: string;
  /** Print for a terminal (the default on a TTY) rather than Markdown. */
  isTTY: boolean;
  /** The terminal's columns, when known. */
  width?: number;
  color: boolean;
}

/**
 * `steward explain RULE` (an id in any case, or a name): the rule's documentation, Markdown when piped or with
 * `--format markdown` (what docs/rules.md holds), rendered for the terminal on a TTY or with `--format text`.
 */
export function explainCommand(args: string[], io: RulesIo, locale: Locale, options: ExplainOptions): number {
  const [wanted] = args;
  if (!wanted) throw new UsageError(t(locale, 'explainUsage'));
  const format = options.format ?? (options.isTTY ? 'text' : 'markdown');
  if (format !== 'text' && format !== 'markdown')
    throw new UsageError(t(locale, 'badFormat', format, 'text, markdown'));
  const info = createStewardService()
    .rules()
    .find((r) => r.id === wanted.toUpperCase() || r.name === wanted);
  if (!info) throw new UsageError(t(locale, 'unknownRule', wanted));
  const markdown = info.help[locale].endsWith('\n') ? info.help[locale] : info.help[locale] + '\n';
  if (format === 'markdown') {
    io.stdout.write(markdown);
    return 0;
  }
  // Prose reads best at 100 columns or less, whatever the terminal's width.
  const width = Math.min(options.width ?? 100, 100);
  io.stdout.write(renderMarkdown(terminalLines(markdown), { width, color: options.color }));
  return 0;
}
