/**
 * Hover: what a key means (title, both descriptions, the clause), what an enumerated value means, what a
 * classification code or a resource id refers to, and the findings at the position with their rule's docs.
 * The markdown builders are shared with completion, whose items carry the same texts as documentation.
 */
import { MarkupKind } from 'vscode-languageserver-types';
import type { Hover } from 'vscode-languageserver-types';
import type { Finding, Locale, LocalizedText, Range } from './types';
import type { ScalarNode } from './parser/ast';
import type { DocumentKind, StewardDocument } from './parser/model';
import { ITEM_LIST_KEY, rootMap } from './parser/model';
import { getValue } from './parser/ast';
import { nodeAt } from './position';
import type { NodeAt } from './position';
import type { IndexedResource, WorkspaceIndex } from './workspace';
import type { CodeTable } from './codes/table';
import { DATA_CODE, DATA_LEAF_CODES, is2010Code, isDataCode, isWellFormedCode } from './codes/table';
import type { RuleInfo } from './catalog';
import { ENUM_LABELS } from './i18n/enums';
import { fillTemplate } from './i18n/template';
import type { SchemaDoc } from './schema/describe';
import type { PathSegment, ResolvedSchema } from './schema/navigate';
import { docOf, englishName, enumValues, rootSchema, schemaAt } from './schema/navigate';
import { mapAt, textAt } from './tree/read';

export interface HoverContext {
  file: StewardDocument;
  offset: number;
  index: WorkspaceIndex;
  codeTable: CodeTable;
  locale: Locale;
  findings: Finding[];
  rules: RuleInfo[];
}

const MESSAGES = {
  valueOf: { 'zh-CN': '{title}（`{key}`）的取值', en: 'A value of `{key}` ({title})' },
  dataCode: {
    'zh-CN': '✓ 数据资产分类代码（计量单位：{unit}）',
    en: '✓ A data-asset classification code (unit of count: {unit})',
  },
  dataClass: {
    'zh-CN': '这是数据大类本身：数据资产应登记在其下的小类 A08060201/02/03',
    en: 'This is the data class itself: register a data asset under one of its sub-classes A08060201/02/03',
  },
  notDataCode: {
    'zh-CN':
      '⚠ 不是数据资产分类代码：数据资产应登记在 A08060200 数据 下（A08060201 结构化、A08060202 半结构化、A08060203 非结构化）',
    en: '⚠ Not a data-asset code: data assets are registered under A08060200 数据 (A08060201 structured, A08060202 semi-structured, A08060203 unstructured)',
  },
  unknownCode: { 'zh-CN': '⚠ 代码表（{source}）中没有此代码', en: '⚠ The code table ({source}) has no such code' },
  uncoveredCode: {
    'zh-CN': '代码表（{source}）未收录此门类的细分代码，无法核对；请加载单位的正式代码表',
    en: "The code table ({source}) does not hold this branch in full, so the code cannot be checked; load the unit's official table",
  },
  code2010: {
    'zh-CN': '⚠ 这是 GB/T 14885-2010 的 7 位旧代码，应改用 2022 版代码（数据资产如 A08060201）',
    en: '⚠ A 7-digit code of GB/T 14885-2010; use the 2022 codes (for a data asset e.g. A08060201)',
  },
  malformedCode: {
    'zh-CN': '⚠ 不是资产分类代码：应为 A 加 8 位数字（数据资产如 A08060201）',
    en: '⚠ Not an asset classification code: expected A and 8 digits (for a data asset e.g. A08060201)',
  },
  unknownResource: { 'zh-CN': '目录中没有此资源', en: 'No catalog resource has this id' },
  grade: { 'zh-CN': '数据分级', en: 'Grade' },
  secrecy: { 'zh-CN': '涉密属性', en: 'Secrecy' },
  sharing: { 'zh-CN': '共享类型', en: 'Sharing' },
  opening: { 'zh-CN': '开放类型', en: 'Opening' },
  file: { 'zh-CN': '定义于', en: 'Defined in' },
  line: { 'zh-CN': '{file} 第 {line} 行', en: '{file}, line {line}' },
  definedTwice: {
    'zh-CN': '⚠ 此编号在工作区中定义了 {count} 次',
    en: '⚠ This id is defined {count} times in the workspace',
  },
  ruleShort: { 'zh-CN': '规则：{short}', en: 'Rule: {short}' },
  explain: { 'zh-CN': '详细说明：`steward explain {id}`', en: 'Details: `steward explain {id}`' },
} satisfies Record<string, LocalizedText>;

function say(locale: Locale, message: LocalizedText, args: Record<string, string | number> = {}): string {
  return fillTemplate(message[locale], args);
}

const BASIS_LABEL = '依据 / Basis:';

/** The descriptions in the locale's order, then the clause: the documentation of a key. */
export function descriptionMarkdown(doc: SchemaDoc, locale: Locale): string {
  const own = locale === 'en' ? doc.en : doc.zh;
  const other = locale === 'en' ? doc.zh : doc.en;
  const parts = [own, other !== own ? other : undefined].filter((part): part is string => !!part);
  if (doc.clause) parts.push(`${BASIS_LABEL} ${doc.clause}`);
  return parts.join('\n\n');
}

/** `**数据分级** · Data grade`: the Chinese title and the English name of a key. */
export function keyTitleLine(key: string, doc: SchemaDoc): string {
  const title = doc.title ?? key;
  return `**${title}** · ${englishName(key, doc)}`;
}

/** The English label and the Chinese explanation of an enumerated value, as ENUM_LABELS has them. */
export function enumLabel(value: unknown): { en: string; zh: string } | undefined {
  const key = String(value);
  return Object.prototype.hasOwnProperty.call(ENUM_LABELS, key) ? ENUM_LABELS[key] : undefined;
}

/** `A08000000 无形资产 > A08060000 信息数据类无形资产 > A08060200 数据 > **A08060201 结构化数据**`. */
export function codePath(codeTable: CodeTable, code: string): string {
  const entry = codeTable.get(code);
  const steps = codeTable.ancestors(code).map((a) => `${a.code} ${a.name}`);
  steps.push(`**${code}${entry ? ` ${entry.name}` : ''}**`);
  return steps.join(' > ');
}

/** What a classification code is: its name, ancestors and whether a data asset may use it (or what is wrong). */
export function codeMarkdown(codeTable: CodeTable, code: string, locale: Locale): string {
  const entry = codeTable.get(code);
  const names = entry
    ? locale === 'en' && entry.nameEn
      ? `${entry.nameEn} (${entry.name})`
      : entry.name + (entry.nameEn ? ` · ${entry.nameEn}` : '')
    : '';
  const lines = [`**${code}${names ? ` ${names}` : ''}**`];
  if (!isWellFormedCode(code)) {
    lines.push(say(locale, is2010Code(code) ? MESSAGES.code2010 : MESSAGES.malformedCode));
    return lines.join('\n\n');
  }
  const ancestors = codeTable.ancestors(code);
  if (ancestors.length > 0) lines.push(ancestors.map((a) => `${a.code} ${a.name}`).join(' > ') + ` > ${code}`);
  if (!entry && codeTable.covers(code)) lines.push(say(locale, MESSAGES.unknownCode, { source: codeTable.source }));
  else if (!entry) lines.push(say(locale, MESSAGES.uncoveredCode, { source: codeTable.source }));
  if (code === DATA_CODE) lines.push(say(locale, MESSAGES.dataClass));
  else if (isDataCode(code) && (entry || DATA_LEAF_CODES.includes(code)))
    lines.push(say(locale, MESSAGES.dataCode, { unit: entry?.unit ?? '组' }));
  else if (!isDataCode(code)) lines.push(say(locale, MESSAGES.notDataCode));
  return lines.join('\n\n');
}

function fileName(uri: string): string {
  const last = uri.split(/[\\/]/).pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function valueWithLabel(value: string, locale: Locale): string {
  const label = enumLabel(value);
  if (!label || locale === 'zh-CN') return value;
  return `${value} (${label.en})`;
}

/** Sharing and opening types, when the resource is defined in `file` (the index does not keep them). */
function sharingOf(
  file: StewardDocument | undefined,
  resource: IndexedResource,
): { sharing: string; opening: string } | undefined {
  if (!file || file.uri !== resource.uri) return undefined;
  const at = nodeAt(file, file.lines.offsetAt(resource.idRange.start));
  const root = at ? rootMap(at.document) : undefined;
  const index = at?.path[1];
  const list = getValue(root, 'resources');
  const item = list && list.type === 'seq' && typeof index === 'number' ? list.items[index] : undefined;
  if (!item) return undefined;
  return { sharing: textAt(mapAt(item, 'sharing'), 'type'), opening: textAt(mapAt(item, 'opening'), 'type') };
}

/** A catalog resource: name, grade, secrecy, sharing and opening when known, and where it is defined. */
export function resourceMarkdown(index: WorkspaceIndex, id: string, locale: Locale, file?: StewardDocument): string {
  const resource = index.resource(id);
  if (!resource) return `**${id}** · ${say(locale, MESSAGES.unknownResource)}`;
  const lines = [`**${id}** · ${resource.name}`];
  const facts: string[] = [];
  const fact = (label: LocalizedText, value: string) =>
    facts.push(`- ${say(locale, label)}${locale === 'en' ? ': ' : '：'}${value}`);
  if (resource.securityGrade) fact(MESSAGES.grade, valueWithLabel(resource.securityGrade, locale));
  if (resource.secrecy) fact(MESSAGES.secrecy, valueWithLabel(resource.secrecy, locale));
  const open = sharingOf(file, resource);
  if (open?.sharing) fact(MESSAGES.sharing, valueWithLabel(open.sharing, locale));
  if (open?.opening) fact(MESSAGES.opening, valueWithLabel(open.opening, locale));
  fact(
    MESSAGES.file,
    say(locale, MESSAGES.line, { file: fileName(resource.uri), line: resource.idRange.start.line + 1 }),
  );
  lines.push(facts.join('\n'));
  const count = index.definitions(id).filter((item) => item.kind === 'resource').length;
  if (count > 1) lines.push(say(locale, MESSAGES.definedTwice, { count }));
  return lines.join('\n\n');
}

function findingMarkdown(finding: Finding, rules: RuleInfo[], locale: Locale): string {
  const rule = rules.find((info) => info.id === finding.ruleId);
  const lines = [`**${finding.ruleId}** ${finding.message[locale]}`];
  if (rule) lines.push(say(locale, MESSAGES.ruleShort, { short: rule.short[locale] }));
  lines.push(say(locale, MESSAGES.explain, { id: finding.ruleId }));
  return lines.join('\n\n');
}

function covers(file: StewardDocument, range: Range, offset: number): boolean {
  const start = file.lines.offsetAt(range.start);
  const end = file.lines.offsetAt(range.end);
  return start === end ? offset === start : offset >= start && offset < end;
}

/** The document kinds whose schema may describe a document: its own, else the one its file name suggests, else both. */
export function candidateKinds(kind: DocumentKind | undefined, uri: string): DocumentKind[] {
  if (kind) return [kind];
  if (/\.catalog\.ya?ml$/i.test(uri)) return ['DataResourceCatalog'];
  if (/\.assets\.ya?ml$/i.test(uri)) return ['DataAssetRegister'];
  return ['DataResourceCatalog', 'DataAssetRegister'];
}

/** The schema at `path` in the first candidate kind that describes it. */
export function schemaForPath(kinds: DocumentKind[], path: readonly PathSegment[]): ResolvedSchema | undefined {
  for (const kind of kinds) {
    const found = schemaAt(rootSchema(kind), path);
    if (found) return found;
  }
  return undefined;
}

function scalarText(node: ScalarNode): string {
  if (node.value === null) return '';
  return typeof node.value === 'string' ? node.value.trim() : node.source;
}

/** Is `path` an asset's `resource` or a resource's `relatedResources` entry? */
export function isResourceReference(kind: DocumentKind | undefined, path: readonly PathSegment[]): boolean {
  if (kind === 'DataAssetRegister')
    return path.length === 3 && path[0] === 'assets' && typeof path[1] === 'number' && path[2] === 'resource';
  if (kind === 'DataResourceCatalog') {
    return (
      path.length === 4 &&
      path[0] === 'resources' &&
      typeof path[1] === 'number' &&
      path[2] === 'relatedResources' &&
      typeof path[3] === 'number'
    );
  }
  return false;
}

export function isClassificationCode(kind: DocumentKind | undefined, path: readonly PathSegment[]): boolean {
  return (
    kind === 'DataAssetRegister' &&
    path.length === 3 &&
    path[0] === ITEM_LIST_KEY.DataAssetRegister &&
    typeof path[1] === 'number' &&
    path[2] === 'classificationCode'
  );
}

function keyHover(at: NodeAt, uri: string, locale: Locale): string | undefined {
  const key = at.path[at.path.length - 1];
  if (typeof key !== 'string') return undefined;
  const resolved = schemaForPath(candidateKinds(at.document.kind, uri), at.path);
  if (!resolved) return undefined;
  const doc = docOf(resolved.schema);
  if (!doc.title && !doc.zh) return undefined;
  const description = descriptionMarkdown(doc, locale);
  return description ? `${keyTitleLine(key, doc)}\n\n${description}` : keyTitleLine(key, doc);
}

function enumHover(at: NodeAt, node: ScalarNode, uri: string, locale: Locale): string | undefined {
  const resolved = schemaForPath(candidateKinds(at.document.kind, uri), at.path);
  const values = resolved ? enumValues(resolved.schema) : undefined;
  const text = scalarText(node);
  if (!values || !values.some((value) => String(value) === text)) return undefined;
  const label = enumLabel(text);
  if (!label) return undefined;
  const lines = [`**${text}** · ${label.en}`, label.zh];
  const owner = [...at.path].reverse().find((segment): segment is string => typeof segment === 'string');
  if (owner) {
    const ownerPath = at.path.slice(0, at.path.lastIndexOf(owner) + 1);
    const ownerDoc = docOf(schemaForPath(candidateKinds(at.document.kind, uri), ownerPath)?.schema ?? {});
    lines.push(say(locale, MESSAGES.valueOf, { key: owner, title: ownerDoc.title ?? owner }));
  }
  return lines.join('\n\n');
}

function valueHover(context: HoverContext, at: NodeAt, node: ScalarNode): string | undefined {
  const text = scalarText(node);
  if (text === '') return undefined;
  const kind = at.document.kind ?? candidateKinds(undefined, context.file.uri)[0];
  if (isClassificationCode(kind, at.path)) return codeMarkdown(context.codeTable, text, context.locale);
  if (isResourceReference(kind, at.path)) return resourceMarkdown(context.index, text, context.locale, context.file);
  return enumHover(at, node, context.file.uri, context.locale);
}

export function hover(context: HoverContext): Hover | null {
  const { file, offset, locale } = context;
  if (offset < 0 || offset > file.text.length) return null;
  const sections: string[] = [];
  let range: Range | undefined;
  const at = nodeAt(file, offset);
  if (at && at.entry && at.onKey) {
    const text = keyHover(at, file.uri, locale);
    if (text) {
      sections.push(text);
      range = file.lines.rangeOf(at.entry.keySpan);
    }
  } else if (
    at &&
    at.node &&
    at.node.type === 'scalar' &&
    !at.onKey &&
    offset >= at.node.span.start &&
    offset <= at.node.span.end
  ) {
    const text = valueHover(context, at, at.node);
    if (text) {
      sections.push(text);
      range = file.lines.rangeOf(at.node.span);
    }
  }
  const here = context.findings.filter((finding) => covers(file, finding.range, offset));
  const all = [...here.map((finding) => findingMarkdown(finding, context.rules, locale)), ...sections];
  if (all.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: all.join('\n\n---\n\n') }, range: range ?? here[0].range };
}
