/** The `steward.*` settings an editor sends, turned into the service's configuration. */
import type { Locale, StewardConfig } from '../service';
import { DEFAULT_GLOBS } from '../host/discover';
import { DEFAULT_MAX_FILE_MB } from '../host/read';

export interface StewardSettings {
  locale?: 'auto' | 'zh-CN' | 'en';
  rules?: Record<string, string>;
  codeTable?: string;
  files?: string[];
  unitType?: '行政单位' | '事业单位' | '';
  validation?: { maxFileSize?: number };
  outline?: { maxItems?: number };
  diagnostics?: { maxPerFile?: number };
}

export const DEFAULT_FILES = DEFAULT_GLOBS;
/** Files larger than this are not checked: on disk not indexed, open ones get DA-FILE-004 (the CLI's default). */
export const MAX_DISK_FILE_BYTES = DEFAULT_MAX_FILE_MB * 1024 * 1024;
/**
 * Above this size (KB, UTF-8) an open file is checked on open and save only. 64 MB: the 50,000-asset register of
 * bench/lsp.mjs (55 MB) stays live, which the engine's edit path carries (about 30 ms per edit with few findings,
 * bench/RESULTS.md; with 37,500 findings more, see the findings rows of bench/lsp.mjs); past the CLI's limit
 * (MAX_DISK_FILE_BYTES, 96 MB) a file is not checked at all.
 */
export const DEFAULT_MAX_FILE_KB = 65_536;
/**
 * Findings sent to the editor as diagnostics per file at most, errors first (the rest are counted in one summary
 * diagnostic). VS Code itself shows at most 1,000 diagnostics per file and source (its extension host's
 * DiagnosticCollection, `_maxDiagnosticsPerFile`, keeps the first 1,000 by severity and adds "Not showing N further
 * errors and warnings"), and the CLI lists 1,000 per file by default (--max-findings-per-file): the same number.
 */
export const DEFAULT_MAX_DIAGNOSTICS = 1_000;
/**
 * Resources and assets listed in a file's outline at most: the outline is sent again after edits, and tens of
 * thousands of entries cost the server and the editor far more than anyone reads (yaml-language-server caps its
 * outline at 5,000 items for the same reason).
 */
export const DEFAULT_OUTLINE_ITEMS = 5_000;

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The `steward` settings as the editor sent them, checked: a value of the wrong type is dropped (its default
 * applies) and named in `problems`, so that `files: [5]` or `codeTable: {}` costs that setting, not every reload.
 */
export function settingsFrom(raw: unknown): { settings: StewardSettings; problems: string[] } {
  const problems: string[] = [];
  const settings: StewardSettings = {};
  if (raw === null || raw === undefined) return { settings, problems };
  if (!isRecord(raw))
    return { settings, problems: [`steward: the settings are ${JSON.stringify(raw)}, not an object`] };
  const drop = (key: string, expected: string) =>
    problems.push(`steward.${key}: ${JSON.stringify(raw[key] ?? null)} is not ${expected}; the default applies`);
  const { locale, rules, codeTable, files, unitType, validation, outline, diagnostics } = raw;
  if (locale !== undefined) {
    if (locale === 'auto' || locale === 'zh-CN' || locale === 'en') settings.locale = locale;
    else drop('locale', '"auto", "zh-CN" or "en"');
  }
  if (rules !== undefined) {
    if (isRecord(rules))
      settings.rules = rules as Record<string, string>; // each value is checked in configFrom
    else drop('rules', 'an object of rule ids and severities');
  }
  if (codeTable !== undefined && codeTable !== null) {
    if (typeof codeTable === 'string') settings.codeTable = codeTable;
    else drop('codeTable', 'a file path');
  }
  if (files !== undefined && files !== null) {
    if (Array.isArray(files) && files.every((glob) => typeof glob === 'string' && glob.length > 0))
      settings.files = files as string[];
    else drop('files', 'a list of glob patterns');
  }
  if (unitType !== undefined) {
    if (unitType === '行政单位' || unitType === '事业单位' || unitType === '') settings.unitType = unitType;
    else drop('unitType', '"行政单位", "事业单位" or ""');
  }
  const size = isRecord(validation) ? validation.maxFileSize : undefined;
  if (size !== undefined) {
    if (typeof size === 'number' && Number.isFinite(size) && size > 0) settings.validation = { maxFileSize: size };
    else drop('validation', 'an object whose maxFileSize is a positive number of KB');
  }
  const items = isRecord(outline) ? outline.maxItems : undefined;
  if (items !== undefined) {
    if (typeof items === 'number' && Number.isFinite(items) && items >= 0) settings.outline = { maxItems: items };
    else drop('outline', 'an object whose maxItems is a number from 0');
  }
  const perFile = isRecord(diagnostics) ? diagnostics.maxPerFile : undefined;
  if (perFile !== undefined) {
    if (typeof perFile === 'number' && Number.isInteger(perFile) && perFile >= 0)
      settings.diagnostics = { maxPerFile: perFile };
    else drop('diagnostics', 'an object whose maxPerFile is a whole number from 0 (0: no limit)');
  }
  return { settings, problems };
}

export function localeOf(settings: StewardSettings, clientLocale: string | undefined): Locale {
  if (settings.locale === 'zh-CN' || settings.locale === 'en') return settings.locale;
  return clientLocale && /^zh/i.test(clientLocale) ? 'zh-CN' : 'en';
}

/**
 * Merges the editor's rule settings over the workspace's steward.config.yaml (the file is shared with CI; the
 * settings are the user's own view on top of it).
 */
export function configFrom(settings: StewardSettings, fileConfig: StewardConfig): StewardConfig {
  const rules = { ...fileConfig.rules };
  for (const [id, value] of Object.entries(settings.rules ?? {})) {
    if (typeof value === 'string' && SEVERITIES.has(value)) rules[id] = value as StewardConfig['rules'][string];
  }
  const config: StewardConfig = { ...fileConfig, rules };
  if (settings.unitType === '行政单位' || settings.unitType === '事业单位') config.unitType = settings.unitType;
  if (settings.files && settings.files.length > 0) config.files = settings.files;
  if (settings.codeTable) config.codeTable = settings.codeTable;
  return config;
}
