/**
 * Code actions for the findings under the cursor: the rule's own fix, "replace with" suggestions (enum values,
 * field names, classification codes), a waiver comment, and fixing every finding of a rule (or of all rules) at once.
 *
 * Returns each action with the findings it resolves (`findings`): the server turns those into the action's
 * `diagnostics`, because only the server knows how findings are shown as diagnostics.
 */
import { CodeActionKind } from 'vscode-languageserver-types';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import type { Finding, Locale, LocalizedText, Range } from './types';
import type { ScalarNode } from './parser/ast';
import type { StewardDocument } from './parser/model';
import { nodeAt } from './position';
import { trimLineBreaks } from './parser/line-shape';
import { lineBreakOf, replaceScalar } from './edit/yaml-edit';
import { builtinCodeTable } from './codes/table';
import type { CodeTable } from './codes/table';
import { ENUM_LABELS } from './i18n/enums';
import { SCHEMA_RULES } from './schema/errors';
import { fillTemplate } from './i18n/template';

/** The kind of the action that applies every fix of the file (e.g. `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = 'source.fixAll.steward';

/** Findings whose value the classification-code rules suggest replacements for (`data.suggestions`). */
const CODE_RULES = new Set(['DA-CODE-001', 'DA-CODE-002', 'DA-CODE-003', 'DA-CODE-004']);

/** Findings that cannot be waived by a comment: the waivers' own problems and whole-file problems. */
const NOT_WAIVABLE = /^DA-(WAIVER|FILE)-/;

export interface StewardCodeAction {
  action: CodeAction;
  /** The findings the action resolves (or waives): the server fills `action.diagnostics` from them. */
  findings: Finding[];
}

export interface CodeActionOptions {
  /** LSP `CodeActionContext.only`: kinds to return (a kind matches itself and its sub-kinds). */
  only?: string[];
  /** For the names of suggested classification codes; the built-in table by default. */
  codeTable?: CodeTable;
}

const TEXT = {
  replaceValue: { 'zh-CN': '替换为“{value}”', en: 'Replace with "{value}"' },
  renameField: { 'zh-CN': '将字段改为“{value}”', en: 'Rename the field to "{value}"' },
  replaceCode: { 'zh-CN': '替换为 {value}', en: 'Replace with {value}' },
  waive: {
    'zh-CN': '豁免此问题（{value}）：在上一行添加豁免注释',
    en: 'Waive this finding ({value}) with a comment on the line above',
  },
  reason: { 'zh-CN': '原因待填写', en: 'reason to fill in' },
  fixRule: { 'zh-CN': '修复此文件中所有 {value} 问题', en: 'Fix all {value} problems in this file' },
  fixAll: { 'zh-CN': '修复此文件中所有可自动修复的问题', en: 'Fix all auto-fixable problems in this file' },
} satisfies Record<string, LocalizedText>;

function say(text: LocalizedText, locale: Locale, value: string): string {
  return fillTemplate(text[locale], { value });
}

/** The code actions for `range`, given the file's findings (all of them: fix-all actions look at the whole file). */
export function codeActions(
  file: StewardDocument,
  range: Range,
  findings: Finding[],
  locale: Locale,
  options: CodeActionOptions = {},
): StewardCodeAction[] {
  const table = options.codeTable ?? builtinCodeTable();
  const here = findings.filter((finding) => overlaps(finding.range, range));
  const fixes = here.flatMap((finding) => findingFixes(file, finding, locale, table));
  const all = [
    ...fixes,
    ...fixAllActions(file, here, findings, locale, options.only),
    ...waiverActions(file, here, locale),
  ];
  return all.filter(({ action: a }) => wanted(a.kind ?? '', options.only));
}

/** The rule's own fix (preferred: it is what the rule asks for), then the suggestions from the finding's data. */
function findingFixes(file: StewardDocument, finding: Finding, locale: Locale, table: CodeTable): StewardCodeAction[] {
  const out: StewardCodeAction[] = [];
  if (hasFix(finding))
    out.push(action(file, finding.fix!.title[locale], CodeActionKind.QuickFix, finding.fix!.edits, [finding], true));
  for (const { title, edit } of suggestions(file, finding, locale, table)) {
    out.push(action(file, title, CodeActionKind.QuickFix, [edit], [finding], false));
  }
  return out;
}

/** One waiver action per rule and line. */
function waiverActions(file: StewardDocument, here: Finding[], locale: Locale): StewardCodeAction[] {
  const seen = new Set<string>();
  const out: StewardCodeAction[] = [];
  for (const finding of here) {
    const key = `${finding.ruleId}@${finding.range.start.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const waiver = waiveAction(file, finding, locale);
    if (waiver) out.push(waiver);
  }
  return out;
}

/** Per rule under the cursor with two or more compatible fixes in the file; the whole file when `only` asks. */
function fixAllActions(
  file: StewardDocument,
  here: Finding[],
  findings: Finding[],
  locale: Locale,
  only: string[] | undefined,
): StewardCodeAction[] {
  const out: StewardCodeAction[] = [];
  for (const ruleId of new Set(here.filter(hasFix).map((finding) => finding.ruleId))) {
    const combined = compatibleFixes(
      file,
      findings.filter((finding) => finding.ruleId === ruleId && hasFix(finding)),
    );
    if (combined.findings.length >= 2) {
      out.push(
        action(
          file,
          say(TEXT.fixRule, locale, ruleId),
          CodeActionKind.QuickFix,
          combined.edits,
          combined.findings,
          false,
        ),
      );
    }
  }
  if (only?.some((kind) => covers(kind, FIX_ALL_KIND))) {
    const combined = compatibleFixes(file, findings.filter(hasFix));
    if (combined.findings.length > 0)
      out.push(action(file, TEXT.fixAll[locale], FIX_ALL_KIND, combined.edits, combined.findings, false));
  }
  return out;
}

function hasFix(finding: Finding): boolean {
  return finding.fix !== undefined && finding.fix.edits.length > 0;
}

/** `only` selects kinds and their sub-kinds; without it, everything but source actions (LSP convention). */
function wanted(kind: string, only: string[] | undefined): boolean {
  if (!only || only.length === 0) return !covers(CodeActionKind.Source, kind);
  return only.some((selected) => covers(selected, kind));
}

function covers(selected: string, kind: string): boolean {
  return kind === selected || kind.startsWith(selected + '.');
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Ranges that share a position, touching ends included (an empty range is the cursor). */
function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function action(
  file: StewardDocument,
  title: string,
  kind: string,
  edits: TextEdit[],
  findings: Finding[],
  preferred: boolean,
): StewardCodeAction {
  const sorted = [...edits].sort((a, b) =>
    before(a.range.start, b.range.start) ? -1 : before(b.range.start, a.range.start) ? 1 : 0,
  );
  const codeAction: CodeAction = { title, kind, edit: { changes: { [file.uri]: sorted } } };
  if (preferred) codeAction.isPreferred = true;
  return { action: codeAction, findings };
}

/**
 * The findings whose fixes can be applied together, and their edits: in order, each kept unless one of its edits
 * overlaps an edit already kept. Insertions at the same place do not overlap (LSP applies them in array order); an
 * insertion at the start of or inside a replaced range does. An edit identical to one kept is not repeated.
 */
function compatibleFixes(file: StewardDocument, findings: Finding[]): { findings: Finding[]; edits: TextEdit[] } {
  const taken: Array<{ start: number; end: number; newText: string }> = [];
  const kept: Finding[] = [];
  const edits: TextEdit[] = [];
  for (const finding of findings) {
    const spans = finding.fix!.edits.map((edit) => ({
      start: file.lines.offsetAt(edit.range.start),
      end: file.lines.offsetAt(edit.range.end),
      newText: edit.newText,
      edit,
    }));
    const fresh = spans.filter(
      (s) => !taken.some((t) => t.start === s.start && t.end === s.end && t.newText === s.newText),
    );
    if (fresh.some((s) => taken.some((t) => clashes(s, t)))) continue;
    taken.push(...fresh);
    edits.push(...fresh.map((s) => s.edit));
    kept.push(finding);
  }
  return { findings: kept, edits };
}

function clashes(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const aEmpty = a.start === a.end;
  const bEmpty = b.start === b.end;
  if (aEmpty && bEmpty) return false;
  if (aEmpty) return b.start <= a.start && a.start < b.end;
  if (bEmpty) return a.start <= b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** The scalar that starts and ends exactly where the finding does (it still matches the text). */
function scalarOf(file: StewardDocument, range: Range): ScalarNode | undefined {
  const start = file.lines.offsetAt(range.start);
  const end = file.lines.offsetAt(range.end);
  const node = nodeAt(file, start)?.node;
  if (!node || node.type !== 'scalar' || node.span.start !== start || node.span.end !== end || node.style === 'block')
    return undefined;
  return node;
}

function scalarEdit(file: StewardDocument, node: ScalarNode, value: string): TextEdit {
  const edit = replaceScalar(node, value);
  return { range: file.lines.rangeOf(edit.span), newText: edit.newText };
}

/** "Replace with" actions from a finding's data: an enum value, a field name, classification codes. */
function suggestions(
  file: StewardDocument,
  finding: Finding,
  locale: Locale,
  table: CodeTable,
): Array<{ title: string; edit: TextEdit }> {
  const data = finding.data ?? {};
  if (finding.ruleId === SCHEMA_RULES.enum && typeof data.suggestion === 'string') {
    const node = scalarOf(file, finding.range);
    if (!node) return [];
    const english = locale === 'en' ? ENUM_LABELS[data.suggestion]?.en : undefined;
    const title = say(TEXT.replaceValue, locale, data.suggestion) + (english ? ` (${english})` : '');
    return [{ title, edit: scalarEdit(file, node, data.suggestion) }];
  }
  if (
    finding.ruleId === SCHEMA_RULES.unknownField &&
    typeof data.suggestion === 'string' &&
    typeof data.field === 'string'
  ) {
    const edit = renameKey(file, finding.range, data.field, data.suggestion);
    return edit ? [{ title: say(TEXT.renameField, locale, data.suggestion), edit }] : [];
  }
  if (CODE_RULES.has(finding.ruleId) && Array.isArray(data.suggestions)) {
    const node = scalarOf(file, finding.range);
    if (!node) return [];
    return data.suggestions
      .filter((code): code is string => typeof code === 'string')
      .map((code) => {
        const entry = table.get(code);
        const label = entry
          ? `${code} ${entry.name}${locale === 'en' && entry.nameEn ? ` (${entry.nameEn})` : ''}`
          : code;
        return { title: say(TEXT.replaceCode, locale, label), edit: scalarEdit(file, node, code) };
      });
  }
  return [];
}

/**
 * Renames a mapping key in place, inside its quotes when it is quoted; undefined when the text has moved on or the
 * mapping already has the suggested key (the rename would make a duplicate key).
 */
function renameKey(file: StewardDocument, range: Range, field: string, suggestion: string): TextEdit | undefined {
  const start = file.lines.offsetAt(range.start);
  const end = file.lines.offsetAt(range.end);
  if (nodeAt(file, start)?.parent?.entries.some((entry) => entry.key === suggestion)) return undefined;
  const written = file.text.slice(start, end);
  const quote = written[0];
  if ((quote === '"' || quote === "'") && written.length >= 2 && written[written.length - 1] === quote) {
    if (written.slice(1, -1) !== field) return undefined;
    return { range: file.lines.rangeOf({ start: start + 1, end: end - 1 }), newText: suggestion };
  }
  if (written !== field) return undefined;
  return { range, newText: suggestion };
}

const NEXT_LINE_DIRECTIVE = /(^|[ \t])#[ \t]*steward-disable-next-line\b(.*)$/;
// A rule id starts a word (the look-behind): tried at every letter of a long word, the match would be quadratic.
const RULE_ID = /(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+/g;

/**
 * A waiver comment on its own line above the finding's line, at that line's indentation. When the line above is
 * already a `steward-disable-next-line` waiver, the rule id joins it instead (a comment in between would move it).
 */
function waiveAction(file: StewardDocument, finding: Finding, locale: Locale): StewardCodeAction | undefined {
  if (NOT_WAIVABLE.test(finding.ruleId)) return undefined;
  const line = finding.range.start.line;
  const title = say(TEXT.waive, locale, finding.ruleId);
  const existing = line > 0 ? joinExistingWaiver(file, line - 1, finding.ruleId) : undefined;
  if (existing === null) return undefined;
  if (existing) return action(file, title, CodeActionKind.QuickFix, [existing], [finding], false);
  const lineStart = file.lines.lineStart(line);
  const indent = /^[ \t]*/.exec(lineText(file, line))![0];
  const position = file.lines.positionAt(lineStart);
  const comment = `${indent}# steward-disable-next-line ${finding.ruleId} -- ${TEXT.reason[locale]}${lineBreakOf(file.text)}`;
  return action(
    file,
    title,
    CodeActionKind.QuickFix,
    [{ range: { start: position, end: position }, newText: comment }],
    [finding],
    false,
  );
}

/**
 * The edit adding `ruleId` to a next-line waiver on `line`: undefined when there is none, null when it already
 * names the rule (the finding shows because the waiver lapsed; another comment would not help).
 */
function joinExistingWaiver(file: StewardDocument, line: number, ruleId: string): TextEdit | undefined | null {
  const start = file.lines.lineStart(line);
  const match = NEXT_LINE_DIRECTIVE.exec(lineText(file, line));
  if (!match) return undefined;
  const restStart = match.index + match[0].length - match[2].length;
  const head = match[2].split(/\s--\s?/)[0].replace(/\buntil\s+\S+/, (until) => ' '.repeat(until.length));
  let last: RegExpExecArray | undefined;
  const ids: string[] = [];
  for (const found of head.matchAll(RULE_ID)) {
    ids.push(found[0]);
    last = found;
  }
  if (!last) return undefined;
  if (ids.includes(ruleId)) return null;
  const position = file.lines.positionAt(start + restStart + last.index + last[0].length);
  return { range: { start: position, end: position }, newText: `, ${ruleId}` };
}

/** The text of a line, without its line break. */
function lineText(file: StewardDocument, line: number): string {
  const start = file.lines.lineStart(line);
  const end = line + 1 < file.lines.lineCount ? file.lines.lineStart(line + 1) : file.text.length;
  return trimLineBreaks(file.text.slice(start, end));
}
