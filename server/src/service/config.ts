/**
 * The workspace configuration, `steward.config.yaml`: rule severities with per-glob overrides, the code table,
 * the files to check and to leave out, the default unit type and the locale. Parsing and applying are pure; finding the file and
 * reading it is the CLI's (or the server's) job.
 */
import picomatch from 'picomatch';
import configSchema from '../../../schemas/steward-config.schema.json';
import type { Finding, Locale, Range, Severity } from './types';
import { parseStewardFile } from './parser/parse';
import { toPlainValue } from './parser/convert';
import { createAjv, validateNode } from './schema/validate';
import { fillText } from './i18n/template';
import { unknownRuleInConfigRule } from './rules/config/unknown-rule-in-config';
import { pathOutsideWorkspaceRule } from './rules/config/path-outside-workspace';
import type { MapNode } from './parser/ast';
import { ruleCitation } from './rules/report';
import type { ValidateFunction } from 'ajv';

export type RuleSetting = Severity | 'off';

export interface StewardConfig {
  rules: Record<string, RuleSetting>;
  overrides: Array<{ files: string[]; rules: Record<string, RuleSetting> }>;
  codeTable?: string;
  files?: string[];
  /** Files left out, in gitignore syntax, relative to the configuration's folder (beside `.stewardignore`). */
  ignores?: string[];
  unitType?: '行政单位' | '事业单位';
  locale?: Locale;
}

export const CONFIG_FILE_NAMES = ['steward.config.yaml', 'steward.config.yml'];

export const EMPTY_CONFIG: StewardConfig = { rules: {}, overrides: [] };

let validator: ValidateFunction | undefined;

export interface ParseConfigOptions {
  /**
   * Paths (`codeTable`, `files`) may lead out of the configuration's folder (absolute, or up with `..`): only
   * when the user says so on the command line. Otherwise such a path is an error finding and is not used.
   */
  allowOutsidePaths?: boolean;
}

export interface ParsedConfig {
  config: StewardConfig;
  findings: Finding[];
  /** Where `codeTable`'s value is, for a finding the host makes once it has looked at the file (a link out). */
  codeTableRange?: Range;
}

/**
 * Reads a configuration file's text. Problems (YAML errors, schema errors, unknown rule ids, paths out of the
 * configuration's folder) are findings with positions; the configuration returned keeps every valid part.
 */
export function parseConfig(
  text: string,
  uri: string,
  knownRule: (id: string) => boolean,
  options: ParseConfigOptions = {},
): ParsedConfig {
  const file = parseStewardFile(uri, text);
  const findings: Finding[] = [...file.parseFindings];
  const root = file.documents[0]?.root ?? null;
  if (!root) return { config: { ...EMPTY_CONFIG }, findings };
  validator ??= createAjv().compile(configSchema);
  findings.push(...validateNode(validator, root, file.lines, configSchema));
  if (root.type !== 'map') return { config: { ...EMPTY_CONFIG }, findings };
  const plain = toPlainValue(root) as Record<string, unknown>;
  const rules = settings(plain.rules);
  const overrides = Array.isArray(plain.overrides)
    ? plain.overrides.flatMap((o) => {
        const files = (o as { files?: unknown }).files;
        return Array.isArray(files) && files.every((f) => typeof f === 'string')
          ? [{ files: files, rules: settings((o as { rules?: unknown }).rules) }]
          : [];
      })
    : [];
  // Rule ids that do not exist: a typo would silently do nothing.
  const ruleMaps = [root.entries.find((e) => e.key === 'rules')?.value];
  const overridesNode = root.entries.find((e) => e.key === 'overrides')?.value;
  if (overridesNode?.type === 'seq') {
    for (const item of overridesNode.items)
      if (item.type === 'map') ruleMaps.push(item.entries.find((e) => e.key === 'rules')?.value);
  }
  for (const map of ruleMaps) {
    if (!map || map.type !== 'map') continue;
    for (const entry of map.entries) {
      if (knownRule(entry.key) || !/^DA-[A-Z]+-\d{3}$/.test(entry.key)) continue;
      findings.push({
        ruleId: unknownRuleInConfigRule.meta.id,
        severity: unknownRuleInConfigRule.meta.severity,
        message: fillText(unknownRuleInConfigRule.meta.messages.unknownRule, { rule: entry.key }),
        range: file.lines.rangeOf(entry.keySpan),
        clause: ruleCitation(unknownRuleInConfigRule.meta),
      });
    }
  }
  const config: StewardConfig = { rules, overrides };
  if (typeof plain.codeTable === 'string') config.codeTable = plain.codeTable;
  if (Array.isArray(plain.files) && plain.files.every((f) => typeof f === 'string')) config.files = plain.files;
  if (Array.isArray(plain.ignores) && plain.ignores.every((f) => typeof f === 'string')) config.ignores = plain.ignores;
  if (plain.unitType === '行政单位' || plain.unitType === '事业单位') config.unitType = plain.unitType;
  if (plain.locale === 'zh-CN' || plain.locale === 'en') config.locale = plain.locale;
  const codeTableNode = root.entries.find((e) => e.key === 'codeTable')?.value;
  const codeTableRange = codeTableNode ? file.lines.rangeOf(codeTableNode.span) : undefined;
  if (!options.allowOutsidePaths) findings.push(...confinePaths(config, root, (span) => file.lines.rangeOf(span)));
  return { config, findings, codeTableRange };
}

/** A path that leads out of the folder it is relative to: absolute, or more `..` than folders above it. */
export function leavesFolder(value: string): boolean {
  if (/^([\\/]|[A-Za-z]:)/.test(value)) return true;
  let depth = 0;
  for (const segment of value.split(/[\\/]/)) {
    if (segment === '..') depth--;
    else if (segment !== '' && segment !== '.') depth++;
    if (depth < 0) return true;
  }
  return false;
}

/** A glob that can match out of its folder: absolute, or with a `..` segment anywhere (also inside braces). */
export function globLeavesFolder(pattern: string): boolean {
  return /^([\\/]|[A-Za-z]:)/.test(pattern) || /(^|[\\/{,])\.\.($|[\\/},])/.test(pattern);
}

/**
 * DA-CONFIG-002 at a configuration path that leads out of its folder: as written (`outside`), or through a
 * symbolic link, which only the host can see (`outsideByLink`).
 */
export function outsidePathFinding(
  key: string,
  path: string,
  range: Range,
  messageId: 'outside' | 'outsideByLink' = 'outside',
): Finding {
  const meta = pathOutsideWorkspaceRule.meta;
  return {
    ruleId: meta.id,
    severity: meta.severity,
    message: fillText(meta.messages[messageId], { key, path }),
    range,
    clause: ruleCitation(meta),
  };
}

/** Drops the configuration's paths that lead out of its folder, with an error finding at each. */
function confinePaths(config: StewardConfig, root: MapNode, rangeOf: (span: { start: number; end: number }) => Range) {
  const findings: Finding[] = [];
  const outside = (key: string, path: string, span: { start: number; end: number }): void => {
    findings.push(outsidePathFinding(key, path, rangeOf(span)));
  };
  const codeTableNode = root.entries.find((e) => e.key === 'codeTable')?.value;
  if (config.codeTable !== undefined && codeTableNode && leavesFolder(config.codeTable)) {
    outside('codeTable', config.codeTable, codeTableNode.span);
    delete config.codeTable;
  }
  const filesNode = root.entries.find((e) => e.key === 'files')?.value;
  if (config.files && filesNode?.type === 'seq') {
    const kept = config.files.filter((pattern, i) => {
      if (!globLeavesFolder(pattern)) return true;
      outside('files', pattern, filesNode.items[i].span);
      return false;
    });
    if (kept.length > 0) config.files = kept;
    else delete config.files;
  }
  return findings;
}

const SETTINGS = new Set(['off', 'info', 'warning', 'error']);

function settings(value: unknown): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [id, setting] of Object.entries(value))
    if (typeof setting === 'string' && SETTINGS.has(setting)) out[id] = setting as RuleSetting;
  return out;
}

/** Compiled glob matchers per override, built once per configuration. */
const matchers = new WeakMap<StewardConfig, Array<(path: string) => boolean>>();

/** The setting for a rule in a file (`path` relative to the workspace root, '/' separators), if configured. */
export function settingFor(config: StewardConfig, ruleId: string, path: string): RuleSetting | undefined {
  let setting = config.rules[ruleId];
  if (config.overrides.length > 0) {
    let compiled = matchers.get(config);
    if (!compiled) {
      compiled = config.overrides.map((o) => picomatch(o.files, { dot: true }));
      matchers.set(config, compiled);
    }
    config.overrides.forEach((override, i) => {
      if (override.rules[ruleId] !== undefined && compiled[i](path)) setting = override.rules[ruleId];
    });
  }
  return setting;
}

/** Applies configured severities: `off` drops a finding, a severity replaces the rule's default. */
export function applyConfig(findings: Finding[], config: StewardConfig, path: string): Finding[] {
  if (Object.keys(config.rules).length === 0 && config.overrides.length === 0) return findings;
  const out: Finding[] = [];
  for (const finding of findings) {
    const setting = settingFor(config, finding.ruleId, path);
    if (setting === 'off') continue;
    out.push(setting === undefined || setting === finding.severity ? finding : { ...finding, severity: setting });
  }
  return out;
}
