/**
 * The outline: one symbol per YAML document, holding its unit and its resources or assets, and under each asset
 * its authorizations, revenue lines and disposal. Works on half-typed files: anything missing is left out.
 */
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { Locale, LocalizedText, Span } from './types';
import type { MapNode, YamlNode } from './parser/ast';
import { getEntry } from './parser/ast';
import type { ItemChunk, StewardDocument, StewardYamlDocument } from './parser/model';
import { rootMap } from './parser/model';
import { settleItem } from './parser/parse';
import { charAt } from './parser/source';
import type { SourceText } from './parser/source';
import { mapAt, mapsOf, scalarAt, seqAt, textAt } from './tree/read';
import { ENUM_LABELS } from './i18n/enums';
import { fillTemplate } from './i18n/template';

const TEXT = {
  document: { 'zh-CN': '数据资产文档', en: 'Steward document' },
  unit: { 'zh-CN': '单位', en: 'unit' },
  authorization: { 'zh-CN': '授权', en: 'authorization' },
  revenue: { 'zh-CN': '收益', en: 'revenue' },
  disposal: { 'zh-CN': '处置', en: 'disposal' },
  guarantee: { 'zh-CN': '担保（禁止）', en: 'guarantee (forbidden)' },
  unnamed: { 'zh-CN': '（未填写）', en: '(not filled in)' },
  more: {
    'zh-CN': '……另有 {count} 项未列出（steward.outline.maxItems）',
    en: '… {count} more items not listed (steward.outline.maxItems)',
  },
} satisfies Record<string, LocalizedText>;

type Make = (
  name: string,
  detail: string | undefined,
  kind: SymbolKind,
  range: Span,
  selection: Span,
  children?: DocumentSymbol[],
) => DocumentSymbol;

/**
 * The outline of a file. Never throws: broken items are shown from what can be read of them, or left out.
 * At most `maxItems` resources and assets are listed (an outline of tens of thousands is sent and drawn again
 * after every edit); one last symbol then says how many more there are. Only the trees listed are read.
 */
export function documentSymbols(file: StewardDocument, locale: Locale, maxItems = Infinity): DocumentSymbol[] {
  const budget = { left: maxItems };
  const text = file.text;
  const make: Make = (name, detail, kind, range, selection, children) => {
    const full = trimSpan(text, range);
    const inner = clampSpan(trimSpan(text, selection), full);
    return DocumentSymbol.create(
      name || TEXT.unnamed[locale],
      detail || undefined,
      kind,
      file.lines.rangeOf(full),
      file.lines.rangeOf(inner),
      children,
    );
  };
  const out: DocumentSymbol[] = [];
  for (const document of file.documents) {
    const symbol = yamlDocumentSymbol(file, document, locale, make, budget);
    if (symbol) out.push(symbol);
  }
  return out;
}

function yamlDocumentSymbol(
  file: StewardDocument,
  document: StewardYamlDocument,
  locale: Locale,
  make: Make,
  budget: { left: number },
): DocumentSymbol | undefined {
  if (!document.isSteward) return undefined;
  const root = rootMap(document);
  const kindText = textAt(root, 'kind');
  const kindLabel = document.kind
    ? locale === 'en'
      ? ENUM_LABELS[document.kind]?.en
      : ENUM_LABELS[document.kind]?.zh
    : undefined;
  const unit = mapAt(root, 'unit');
  const unitName = textAt(unit, 'name');
  const name = [kindLabel ?? (kindText || TEXT.document[locale]), unitName].filter(Boolean).join(' · ');
  const children: DocumentSymbol[] = [];
  if (root) {
    const unitEntry = getEntry(root, 'unit');
    if (unitEntry) {
      const unitLabel = unitName ? `${TEXT.unit[locale]} ${unitName}` : TEXT.unit[locale];
      const selection = scalarAt(unit, 'name')?.span ?? unitEntry.keySpan;
      children.push(make(unitLabel, textAt(unit, 'type'), SymbolKind.Object, entrySpan(unitEntry), selection));
    }
  }
  for (const [index, chunk] of document.items.entries()) {
    if (budget.left <= 0) {
      const rest = document.items.length - index;
      const span = { start: chunk.span.start, end: document.items[document.items.length - 1].span.end };
      children.push(
        make(fillTemplate(TEXT.more[locale], { count: rest }), undefined, SymbolKind.Null, span, {
          start: span.start,
          end: span.start,
        }),
      );
      break;
    }
    budget.left--;
    const symbol = cachedItemSymbol(file, chunk, document.kind === 'DataResourceCatalog', locale, make);
    if (symbol) children.push(symbol);
  }
  const kindValue = scalarAt(root, 'kind');
  const selection =
    kindValue && kindValue.value !== null ? kindValue.span : { start: document.span.start, end: document.span.start };
  return make(name, undefined, SymbolKind.Module, document.span, selection, children);
}

/** An item's symbol as last computed: valid for the same text, at the same column, in the same language. */
interface CachedSymbol {
  text: string;
  isResource: boolean;
  locale: Locale;
  line: number;
  character: number;
  symbol: DocumentSymbol | undefined;
}

/**
 * By item. VS Code asks for the outline after every pause in typing; an edit changes one item, so the others'
 * symbols are reused (moved by whole lines when lines were added or removed above them), and their trees are
 * not read, nor settled. A symbol reads nothing outside its item's text, which starts at the item's `-`.
 */
const itemSymbols = new WeakMap<ItemChunk, CachedSymbol>();

function cachedItemSymbol(
  file: StewardDocument,
  chunk: ItemChunk,
  isResource: boolean,
  locale: Locale,
  make: Make,
): DocumentSymbol | undefined {
  // Items of a document parsed whole carry no text of their own: computed each time.
  if (chunk.text === '') {
    settleItem(chunk);
    return itemSymbol(file, chunk, isResource, locale, make);
  }
  const { line, character } = file.lines.positionAt(chunk.span.start);
  const cached = itemSymbols.get(chunk);
  if (
    cached &&
    cached.text === chunk.text &&
    cached.character === character &&
    cached.isResource === isResource &&
    cached.locale === locale
  ) {
    if (cached.line !== line) {
      cached.symbol = cached.symbol && shiftSymbol(cached.symbol, line - cached.line);
      cached.line = line;
    }
    return cached.symbol;
  }
  settleItem(chunk);
  const symbol = itemSymbol(file, chunk, isResource, locale, make);
  itemSymbols.set(chunk, { text: chunk.text, isResource, locale, line, character, symbol });
  return symbol;
}

/** A copy of the symbol and its children, `lines` lower (higher when negative). */
function shiftSymbol(symbol: DocumentSymbol, lines: number): DocumentSymbol {
  const move = (range: DocumentSymbol['range']) => ({
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  });
  return {
    ...symbol,
    range: move(symbol.range),
    selectionRange: move(symbol.selectionRange),
    children: symbol.children?.map((child) => shiftSymbol(child, lines)),
  };
}

/** A resource or an asset: `R-… 名称`, detail its grade (resources) or classification code (assets). */
function itemSymbol(
  file: StewardDocument,
  chunk: ItemChunk,
  isResource: boolean,
  locale: Locale,
  make: Make,
): DocumentSymbol | undefined {
  const kind = isResource ? SymbolKind.Class : SymbolKind.Struct;
  const item = chunk.node;
  if (!item || item.type !== 'map') return brokenItemSymbol(file, chunk, kind, make);
  const idNode = scalarAt(item, 'id');
  const id = textAt(item, 'id');
  const label = [id, textAt(item, 'name')].filter(Boolean).join(' ');
  const detail = isResource ? textAt(item, 'securityGrade') : textAt(item, 'classificationCode');
  const selection = idNode && idNode.value !== null ? idNode.span : (item.entries[0]?.keySpan ?? item.span);
  const children = isResource ? [] : assetChildren(file.text, item, locale, make);
  return make(label, detail, kind, listItemSpan(file.text, item), selection, children);
}

/** An item whose text did not parse: shown by the id read from its text, so the outline does not flicker. */
function brokenItemSymbol(
  file: StewardDocument,
  chunk: ItemChunk,
  kind: SymbolKind,
  make: Make,
): DocumentSymbol | undefined {
  const text = file.text.slice(chunk.span.start, chunk.span.end);
  const match = /(^|[\s{,-])id:[ \t]*(['"]?)([A-Za-z0-9-]+)\2/.exec(text);
  if (!match) return undefined;
  const start = chunk.span.start + match.index + match[0].length - match[3].length - match[2].length;
  return make(match[3], undefined, kind, chunk.span, { start, end: start + match[3].length });
}

function assetChildren(text: SourceText, asset: MapNode, locale: Locale, make: Make): DocumentSymbol[] {
  const children: DocumentSymbol[] = [];
  for (const { map } of mapsOf(seqAt(asset, 'authorizations'))) {
    const entity = scalarAt(map, 'entity');
    const name = `${TEXT.authorization[locale]} → ${textAt(map, 'entity') || TEXT.unnamed[locale]}`;
    children.push(
      make(
        name,
        listText(getEntry(map, 'rights')?.value),
        SymbolKind.Event,
        listItemSpan(text, map),
        entity && entity.value !== null ? entity.span : firstKey(map),
      ),
    );
  }
  for (const { map } of mapsOf(seqAt(asset, 'revenue'))) {
    const name = [TEXT.revenue[locale], textAt(map, 'year'), textAt(map, 'source')].filter(Boolean).join(' ');
    const detail = [textAt(map, 'amount'), textAt(map, 'handling')].filter(Boolean).join(' ');
    children.push(make(name, detail, SymbolKind.Field, listItemSpan(text, map), firstKey(map)));
  }
  const disposal = getEntry(asset, 'disposal');
  if (disposal) {
    const method = textAt(disposal.value, 'method');
    const name = method ? `${TEXT.disposal[locale]} → ${method}` : TEXT.disposal[locale];
    children.push(
      make(
        name,
        textAt(mapAt(disposal.value, 'decision'), 'date'),
        SymbolKind.Event,
        entrySpan(disposal),
        disposal.keySpan,
      ),
    );
  }
  const guarantee = getEntry(asset, 'guarantee');
  if (guarantee)
    children.push(make(TEXT.guarantee[locale], undefined, SymbolKind.Event, entrySpan(guarantee), guarantee.keySpan));
  return children;
}

/** `[数据加工使用权, 数据产品经营权]` as `数据加工使用权, 数据产品经营权`; a scalar as itself. */
function listText(node: YamlNode | undefined): string {
  if (!node) return '';
  if (node.type === 'scalar') return node.value === null ? '' : String(node.value);
  if (node.type === 'seq')
    return node.items
      .map((item) => (item.type === 'scalar' && item.value !== null ? String(item.value) : ''))
      .filter(Boolean)
      .join(', ');
  return '';
}

function firstKey(map: MapNode): Span {
  return map.entries[0]?.keySpan ?? map.span;
}

function entrySpan(entry: { keySpan: Span; value: YamlNode }): Span {
  return { start: entry.keySpan.start, end: Math.max(entry.keySpan.end, entry.value.span.end) };
}

/** A list item's span from its `-` indicator (the node itself starts at its first key). */
function listItemSpan(text: SourceText, node: YamlNode): Span {
  let start = node.span.start;
  let at = start;
  while (at > 0 && (charAt(text, at - 1) === ' ' || charAt(text, at - 1) === '\t')) at--;
  if (at > 0 && charAt(text, at - 1) === '-') start = at - 1;
  return { start, end: node.span.end };
}

/** Without trailing blanks and line breaks: block nodes end after their last line break. */
function trimSpan(text: SourceText, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(charAt(text, end - 1))) end--;
  return { start: span.start, end };
}

/** LSP requires the selection range to lie inside the full range. */
function clampSpan(span: Span, outer: Span): Span {
  const start = Math.min(Math.max(span.start, outer.start), outer.end);
  const end = Math.min(Math.max(span.end, start), outer.end);
  return { start, end };
}
