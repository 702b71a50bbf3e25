/** Small decisions about what the user sees, kept free of `vscode` so the Node tests can check them. */

import type { FileMode, Locale } from '../../server/src/protocol';

export type { Locale };

/** `steward.locale` (auto | zh-CN | en) and VS Code's display language to the locale of server-provided text. */
export function resolveLocale(setting: string | undefined, displayLanguage: string): Locale {
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return /^zh/i.test(displayLanguage) ? 'zh-CN' : 'en';
}

/** The status bar text: a check mark for a clean file, else the error and warning counts. */
export function statusText(counts: { errors: number; warnings: number; mode?: FileMode }): string {
  // A large file checked only on save shows it in the item itself: its counts may be older than the text.
  const mode = counts.mode === 'save-only' ? ' $(history)' : '';
  if (counts.errors === 0 && counts.warnings === 0) return `$(check) Steward${mode}`;
  return `$(error) ${counts.errors} $(warning) ${counts.warnings}${mode}`;
}
