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
}

export const DEFAULT_FILES = DEFAULT_GLOBS;
/** Files larger than this are not checked: on disk not indexed, open ones get DA-FILE-004 (the CLI's default). */
export const MAX_DISK_FILE_BYTES = DEFAULT_MAX_FILE_MB * 1024 * 1024;
/** Above this size (KB) a file is validated on open and save only, schema and parse checks alone. */
export const DEFAULT_MAX_FILE_KB = 20_480;
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
  const { locale, rules, codeTable, files, unitType, validation, outline } = raw;
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
