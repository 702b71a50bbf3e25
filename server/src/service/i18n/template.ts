/** The one filler of message templates: `{name}` is replaced by `args.name`; a placeholder without a value stays. */
import type { LocalizedText } from '../types';

export type TemplateArgs = Readonly<Record<string, string | number>>;

export function fillTemplate(template: string, args: TemplateArgs | undefined): string {
  if (!args) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

/** Both languages of a message, filled with the same arguments. */
export function fillText(text: LocalizedText, args: TemplateArgs | undefined): LocalizedText {
  return { 'zh-CN': fillTemplate(text['zh-CN'], args), en: fillTemplate(text.en, args) };
}
