/** Inside a comment: the waiver directives (`# steward-disable-next-line ...`), then the rule ids they take. */
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { LocalizedText } from '../types';
import type { CommentCursor } from './cursor';
import { markdown, pad, plainItem } from './items';
import type { Builder } from './items';
import { MESSAGES, say } from './messages';

const DIRECTIVES: Array<{ name: string; doc: LocalizedText }> = [
  { name: 'steward-disable-next-line', doc: MESSAGES.nextLine },
  { name: 'steward-disable-line', doc: MESSAGES.thisLine },
  { name: 'steward-disable', doc: MESSAGES.block },
  { name: 'steward-enable', doc: MESSAGES.enable },
];

// `(?![ \t])` ends the blanks where the text starts: without it `[ \t]+(.*)$` backtracks over every blank.
const WAIVER = /^#[ \t]*steward-(?:disable-next-line|disable-line|disable|enable)[ \t]+(?![ \t])(.*)$/;

/** Inside a comment: the waiver directives, then rule ids after a directive (not in the reason after `--`). */
export function completeComment(builder: Builder, cursor: CommentCursor): void {
  const partial = cursor.before.slice(wordStart(cursor.before));
  const tail = /^[A-Za-z0-9-]*/.exec(cursor.after)?.[0] ?? '';
  const span = { start: cursor.offset - partial.length, end: cursor.offset + tail.length };
  const waiver = WAIVER.exec(cursor.before);
  if (waiver) ruleIdItems(builder, waiver[1], partial, span);
  else if (/^#[ \t]*s[a-z-]*$/.test(cursor.before)) directiveItems(builder, span);
}

/** Where the run of id characters (letters, digits, `-`) that ends `text` starts (a loop: `/[A-Za-z0-9-]*$/` is quadratic). */
function wordStart(text: string): number {
  let start = text.length;
  while (start > 0 && /[A-Za-z0-9-]/.test(text[start - 1])) start--;
  return start;
}

/** Rule ids after a directive (`written`: what follows it up to the cursor), each not yet named. */
function ruleIdItems(builder: Builder, written: string, partial: string, span: { start: number; end: number }): void {
  const { locale, rules } = builder.context;
  if (/(^|\s)--/.test(written) || /\buntil\s+\S*$/.test(written)) return;
  const named = new Set(written.split(/[\s,]+/).filter(Boolean));
  rules.forEach((rule) => {
    if (named.has(rule.id) && rule.id !== partial) return;
    plainItem(builder, span, {
      label: rule.id,
      kind: CompletionItemKind.Constant,
      detail: rule.short[locale],
      documentation: markdown(rule.help[locale]),
      sortText: rule.id,
      newText: rule.id,
    });
  });
}

function directiveItems(builder: Builder, span: { start: number; end: number }): void {
  const { locale } = builder.context;
  DIRECTIVES.forEach((directive, order) => {
    plainItem(builder, span, {
      label: directive.name,
      kind: CompletionItemKind.Keyword,
      detail: say(locale, directive.doc),
      documentation: markdown(say(locale, MESSAGES.waiverDoc, { directive: directive.name })),
      sortText: pad(order),
      newText: `${directive.name} `,
    });
  });
}
