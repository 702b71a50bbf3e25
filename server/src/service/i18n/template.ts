/** The one filler of message templates: `{name}` is replaced by `args.name`; a placeholder without a value stays. */
import type { LocalizedText } from '../types';

export type TemplateArgs = Readonly<Record<string, string | number>>;

/**
 * A template split at its placeholders: literal text at even indexes, placeholder names at odd ones. Templates are
 * the messages' constant strings, a few hundred in all, so each is split once (a fill is then a join, several
 * times cheaper than a regular-expression replace on the files with many findings).
 */
const compiled = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    // Templates built at run time (not the catalogs' constants) must not grow the map without bound.
    if (compiled.size < 10_000) compiled.set(template, parts);
  }
  return parts;
}

/**
 * A message quotes at most this many UTF-16 code units of a value, then `…`: a value of megabytes quoted by many
 * findings would otherwise make every output as large as the value times the findings (and overflow a string).
 */
export const MAX_QUOTED = 200;

function quoted(value: string | number): string {
  const text = String(value);
  if (text.length <= MAX_QUOTED) return text;
  // Never cut a surrogate pair in half.
  const end = /[\ud800-\udbff]/.test(text[MAX_QUOTED - 1]) ? MAX_QUOTED - 1 : MAX_QUOTED;
  return text.slice(0, end) + '…';
}

export function fillTemplate(template: string, args: TemplateArgs | undefined): string {
  if (!args) return template;
  const parts = partsOf(template);
  if (parts.length === 1) return template;
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (name in args ? quoted(args[name]) : `{${name}}`) + parts[i + 1];
  }
  return out;
}

/** Both languages of a message, filled with the same arguments. */
export function fillText(text: LocalizedText, args: TemplateArgs | undefined): LocalizedText {
  return { 'zh-CN': fillTemplate(text['zh-CN'], args), en: fillTemplate(text.en, args) };
}
