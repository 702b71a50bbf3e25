/** Small decisions about what the user sees, kept free of `vscode` so the Node tests can check them. */

import type { FileMode, Locale } from '../../server/src/protocol';

export type { Locale };

/** `steward.locale` (auto | zh-CN | en) and VS Code's display language to the locale of server-provided text. */
export function resolveLocale(setting: string | undefined, displayLanguage: string): Locale {
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return /^zh/i.test(displayLanguage) ? 'zh-CN' : 'en';
}

/**
 * The status bar text: a check mark for a clean file, else the error and warning counts; for a large file checked
 * on open and save only, `saveOnly` (the words that say so) after a history icon.
 */
export function statusText(counts: { errors: number; warnings: number; mode?: FileMode }, saveOnly = ''): string {
  // A large file checked only on save shows it in the item itself: its counts may be older than the text.
  const mode = counts.mode === 'save-only' ? ` $(history)${saveOnly ? ` ${saveOnly}` : ''}` : '';
  if (counts.errors === 0 && counts.warnings === 0) return `$(check) Steward${mode}`;
  return `$(error) ${counts.errors} $(warning) ${counts.warnings}${mode}`;
}

/** The part of `vscode.l10n` used here, passed in so that this file stays free of `vscode`. */
export interface Translator {
  t(message: string, ...args: Array<string | number | boolean>): string;
}

/** The status item's hover: each count with its noun, singular for exactly one ("1 error, 2 warnings"). */
export function countsSentence(counts: { errors: number; warnings: number; infos: number }, l10n: Translator): string {
  // One key per English form: Chinese has no plural and translates both alike (1 个错误, 2 个错误).
  const errors = counts.errors === 1 ? l10n.t('{0} error', counts.errors) : l10n.t('{0} errors', counts.errors);
  const warnings =
    counts.warnings === 1 ? l10n.t('{0} warning', counts.warnings) : l10n.t('{0} warnings', counts.warnings);
  const infos = counts.infos === 1 ? l10n.t('{0} info', counts.infos) : l10n.t('{0} infos', counts.infos);
  return l10n.t('Data Asset Steward: {0}, {1}, {2} in this file.', errors, warnings, infos);
}
