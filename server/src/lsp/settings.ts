/** The `steward.*` settings an editor sends, turned into the service's configuration. */
import type { Locale, StewardConfig } from '../service';
import { DEFAULT_GLOBS } from '../host/discover';

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
/** Files on disk larger than this are not indexed (the CLI's --max-file-size default). */
export const MAX_DISK_FILE_BYTES = 256 * 1024 * 1024;
/** Above this size (KB) a file is validated on open and save only, schema and parse checks alone. */
export const DEFAULT_MAX_FILE_KB = 20_480;
/**
 * Resources and assets listed in a file's outline at most: the outline is sent again after edits, and tens of
 * thousands of entries cost the server and the editor far more than anyone reads (yaml-language-server caps its
 * outline at 5,000 items for the same reason).
 */
export const DEFAULT_OUTLINE_ITEMS = 5_000;

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

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
