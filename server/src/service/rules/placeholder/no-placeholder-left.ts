/** DA-TODO-001: a value still equal to the placeholder a quick fix left (`待填写`) must be filled in. */
import type { MapNode, YamlNode } from '../../parser/ast';
import type { StewardYamlDocument } from '../../parser/model';
import { ITEM_LIST_KEY, rootMap } from '../../parser/model';
import { PLACEHOLDER } from '../../edit/yaml-edit';
import { textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { cite } from '../sources';

interface PlaceholderHit {
  node: YamlNode;
  /** JSON pointer segments below the starting node. */
  segments: Array<string | number>;
}

/** Scalars equal to the placeholder under `node`, in document order; `segments` is the path so far (a stack). */
function findPlaceholders(node: YamlNode, segments: Array<string | number>, out: PlaceholderHit[]): void {
  if (node.type === 'scalar') {
    if (typeof node.value === 'string' && node.value.trim() === PLACEHOLDER)
      out.push({ node, segments: [...segments] });
    return;
  }
  const count = node.type === 'map' ? node.entries.length : node.items.length;
  for (let i = 0; i < count; i++) {
    segments.push(node.type === 'map' ? node.entries[i].key : i);
    findPlaceholders(node.type === 'map' ? node.entries[i].value : node.items[i], segments, out);
    segments.pop();
  }
}

/** `a.b[0].c`, the way stewards read a field's place. */
function fieldName(segments: Array<string | number>): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function pointer(segments: Array<string | number>): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export const placeholderRule: Rule = {
  meta: {
    id: 'DA-TODO-001',
    name: 'no-placeholder-left',
    sources: [cite('steward-format')],
    severity: 'warning',
    fixable: false,
    messages: {
      item: {
        'zh-CN': '请填写“{item}”的 {field}：这里还是快速修复留下的占位符“待填写”',
        en: 'Fill in {field} of "{item}": it still holds the placeholder 待填写 left by a quick fix',
      },
      head: {
        'zh-CN': '请填写 {field}：这里还是快速修复留下的占位符“待填写”',
        en: 'Fill in {field}: it still holds the placeholder 待填写 left by a quick fix',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '快速修复在需要由使用者提供事实的地方填入占位符“待填写”；仍等于“待填写”的值都会被提示，直到填上实际内容。',
        en: 'Quick fixes put the placeholder 待填写 ("to fill in") where only the steward can supply the fact; every value still equal to it is reported until the real value is written.',
      },
      rationale: {
        'zh-CN':
          '留下占位符的快速修复，补上的是某项依据要求的记录（该规则注明了依据）；占位符只说明“这里缺一项记录”，不是记录本身。文号、日期、责任人等事实只能由单位如实填写，工具不会替你编造。',
        en: 'The quick fix that left the placeholder added a record one of the sources requires (its rule cites it); the placeholder only marks that the record is missing and is not the record. References, dates and responsible parties are facts only the unit can supply truthfully; the tool never invents them.',
      },
      example: `assets:
  - id: DA-2024-0002
    name: 公交线路站点数据集
    registration:
      cardNumber: 待填写`,
      fixedExample: `assets:
  - id: DA-2024-0002
    name: 公交线路站点数据集
    registration:
      cardNumber: ZCKP-330100-2024-0002`,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    // An item whose text holds neither the placeholder nor an escape (which could spell it) has none: most
    // items, found by one search of the item's own text instead of a walk over its values.
    const raw = scope.document.items[scope.index]?.text;
    if (raw && !raw.includes(PLACEHOLDER) && !raw.includes('\\')) return;
    const hits: PlaceholderHit[] = [];
    findPlaceholders(item, [], hits);
    if (hits.length === 0) return;
    const label = textAt(item, 'id') || textAt(item, 'name') || scope.path;
    for (const { node, segments } of hits) {
      context.report({
        messageId: 'item',
        span: node.span,
        args: { item: label, field: fieldName(segments) },
        path: `${scope.path}${pointer(segments)}`,
        data: { item: textAt(item, 'id'), field: fieldName(segments) },
      });
    }
  },
  checkDocument(document: StewardYamlDocument, context: RuleContext) {
    const root = rootMap(document);
    if (!root || !document.kind) return;
    const listKey = ITEM_LIST_KEY[document.kind];
    const hits: PlaceholderHit[] = [];
    for (const entry of root.entries) {
      if (entry.key !== listKey) findPlaceholders(entry.value, [entry.key], hits);
    }
    for (const { node, segments } of hits) {
      context.report({
        messageId: 'head',
        span: node.span,
        args: { field: fieldName(segments) },
        path: pointer(segments),
        data: { field: fieldName(segments) },
      });
    }
  },
};
