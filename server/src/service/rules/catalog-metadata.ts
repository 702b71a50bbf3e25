/**
 * DA-CAT-001..003: a catalog resource's core metadata per the catalog guide (发改高技〔2017〕1272号) — the
 * recommended fields present, related resources that name other resources once each, a release date not in the
 * future.
 */
import type { MapNode, ScalarNode, SeqNode } from '../parser/ast';
import { lineStartOf, nextLineStart } from '../edit/yaml-edit';
import type { ItemScope, Rule, RuleContext, SpanEdit } from './rule';
import { getEntry } from '../parser/ast';
import { has, itemAnchor, scalarAt, seqAt, textAt } from './helpers';
import type { SourceText } from '../parser/source';

const CLAUSE = '发改高技〔2017〕1272号';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The recommended core metadata (beyond what the schema requires), with the Chinese names stewards know. */
const RECOMMENDED: Array<{ key: string; zh: string }> = [
  { key: 'abstract', zh: '摘要' },
  { key: 'provider', zh: '提供方' },
  { key: 'updateCycle', zh: '更新周期' },
  { key: 'format', zh: '格式' },
  { key: 'releaseDate', zh: '发布日期' },
  { key: 'informationItems', zh: '信息项' },
];

function resourceLabel(item: MapNode): string {
  return textAt(item, 'name') || textAt(item, 'id') || '?';
}

/** Present with content: a non-empty value, and for a list at least one item. */
function filledIn(item: MapNode, key: string): boolean {
  const value = getEntry(item, key)?.value;
  if (value?.type === 'seq') return value.items.length > 0;
  return has(item, key);
}

const FULL_RESOURCE = `resources:
  - id: R-330100-JT-0002
    name: 公交线路与站点数据
    abstract: 全市公交线路走向、站点名称与坐标、首末班时间和票价。
    provider: 某市交通运输局
    format: 电子表格（xlsx）
    informationItems:
      - { name: 线路编号, dataType: 字符型 }
      - { name: 站点名称, dataType: 字符型 }
    updateCycle: 每月
    releaseDate: 2024-03-15`;

export const recommendedMetadataRule: Rule = {
  meta: {
    id: 'DA-CAT-001',
    clause: CLAUSE,
    severity: 'info',
    messages: {
      missing: {
        'zh-CN': '资源“{resource}”缺少目录编制指南推荐的核心元数据：{fieldsZh}。补齐后便于共享开放和资产清查',
        en: 'Resource "{resource}" lacks core metadata the catalog guide recommends: {fieldsEn}. Filling them in helps sharing, opening and the asset inventory',
      },
    },
    docs: {
      description: {
        'zh-CN': '提示资源缺少的推荐元数据（abstract、provider、updateCycle、format、releaseDate、informationItems），每项资源一条，列出全部缺项。',
        en: 'Points out the recommended metadata a resource lacks (abstract, provider, updateCycle, format, releaseDate, informationItems), in one finding per resource.',
      },
      rationale: {
        'zh-CN': '《政务信息资源目录编制指南（试行）》（发改高技〔2017〕1272号）把摘要、提供方、格式、信息项、更新周期、发布日期列为目录核心元数据；财资〔2024〕1号第（八）条要求依托数据资源目录清查盘点数据资产，元数据不全则难以识别和核对。这些字段是推荐而非必填，所以只是提示。',
        en: 'The catalog guide (发改高技〔2017〕1272号) lists abstract, provider, format, information items, update cycle and release date as core catalog metadata; clause (8) of 财资〔2024〕1号 inventories data assets from the catalog, which incomplete metadata makes hard to identify and check. The fields are recommended, not required, so this is information only.',
      },
      example: FULL_RESOURCE.replace(/\n    format:.*/, '').replace(/\n    informationItems:(\n      - .*)*/, '').replace(/\n    releaseDate:.*/, ''),
      fixedExample: FULL_RESOURCE,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'resource') return;
    const missing = RECOMMENDED.filter((field) => !filledIn(item, field.key));
    if (missing.length === 0) return;
    context.report({
      messageId: 'missing',
      span: itemAnchor(item),
      args: {
        resource: resourceLabel(item),
        fieldsZh: missing.map((field) => `${field.zh}（${field.key}）`).join('、'),
        fieldsEn: missing.map((field) => field.key).join(', '),
      },
      path: scope.path,
      data: { resource: textAt(item, 'id'), missing: missing.map((field) => field.key) },
    });
  },
};

// ------------------------------------------------------------------------------------------ related resources

/**
 * Removes item `index` (not the first) of a sequence of scalars: in a flow sequence with the separator before
 * it, in a block sequence its whole line. Undefined when that would touch a comment or the layout is unusual.
 */
function removeSeqItem(text: SourceText, seq: SeqNode, index: number): SpanEdit | undefined {
  const item = seq.items[index];
  if (index === 0 || !item || item.type !== 'scalar') return undefined;
  if (text.charCodeAt(seq.span.start) === 91) { // '['
    const start = seq.items[index - 1].span.end;
    return text.slice(start, item.span.end).includes('#') ? undefined : { span: { start, end: item.span.end }, newText: '' };
  }
  const lineStart = lineStartOf(text, item.span.start);
  if (!/^[ \t]*-[ \t]+$/.test(text.slice(lineStart, item.span.start))) return undefined;
  return { span: { start: lineStart, end: nextLineStart(text, item.span.end) }, newText: '' };
}

function idOf(node: ScalarNode): string {
  return typeof node.value === 'string' ? node.value.trim() : '';
}

export const relatedResourcesRule: Rule = {
  meta: {
    id: 'DA-CAT-002',
    clause: CLAUSE,
    severity: 'warning',
    // The schema's uniqueItems error on the list says less (no id, no fix): this rule's warning replaces it.
    replacesSchemaAt: ['/resources/*/relatedResources'],
    messages: {
      self: {
        'zh-CN': '资源 {id} 把自己列为关联资源：关联资源应是与之相关的其他资源，请改为所指的资源标识或删去',
        en: 'Resource {id} lists itself as a related resource: related resources are other resources; write the id you meant or remove it',
      },
      duplicate: {
        'zh-CN': '关联资源 {id} 重复列出（第 {first} 项已有）',
        en: 'Related resource {id} is listed twice (already item {first})',
      },
      fix: { 'zh-CN': '删去重复的关联资源', en: 'Remove the repeated related resource' },
    },
    docs: {
      description: {
        'zh-CN': 'relatedResources 不应包含资源自己的标识，也不应重复列出同一标识。',
        en: 'relatedResources holds neither the resource\'s own id nor the same id twice.',
      },
      rationale: {
        'zh-CN': '《政务信息资源目录编制指南（试行）》（发改高技〔2017〕1272号）把关联资源代码列为目录元数据，用于揭示资源之间的关系；指向自己或重复的条目没有意义，还可能掩盖本应填写的关联资源。重复项可自动删去；列了自己多半是笔误，需人工改为所指的资源。',
        en: 'The catalog guide (发改高技〔2017〕1272号) lists related resource codes as catalog metadata, to show how resources relate; an entry naming the resource itself or repeating another says nothing and may hide the related resource that was meant. A repeat can be removed automatically; listing itself is usually a typo, left to the steward to correct.',
      },
      example: 'resources:\n  - id: R-330100-JT-0001\n    name: 公交车辆实时位置数据\n    relatedResources: [R-330100-JT-0001, R-330100-JT-0002, R-330100-JT-0002]',
      fixedExample: 'resources:\n  - id: R-330100-JT-0001\n    name: 公交车辆实时位置数据\n    relatedResources: [R-330100-JT-0002, R-330100-JT-0003]',
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'resource') return;
    const related = seqAt(item, 'relatedResources');
    if (!related) return;
    const ownId = textAt(item, 'id');
    const firstIndex = new Map<string, number>();
    related.items.forEach((node, index) => {
      if (node.type !== 'scalar') return;
      const id = idOf(node);
      if (!id) return;
      if (id === ownId) {
        context.report({
          messageId: 'self',
          span: node.span,
          args: { id },
          path: `${scope.path}/relatedResources/${index}`,
          data: { resource: ownId, index },
        });
        return;
      }
      const first = firstIndex.get(id);
      if (first === undefined) {
        firstIndex.set(id, index);
        return;
      }
      const edit = removeSeqItem(context.file.text, related, index);
      context.report({
        messageId: 'duplicate',
        span: node.span,
        args: { id, first: first + 1 },
        path: `${scope.path}/relatedResources`,
        data: { resource: ownId, id, index, first },
        fix: edit ? { title: relatedResourcesRule.meta.messages.fix, edits: [edit] } : undefined,
      });
    });
  },
};

// ------------------------------------------------------------------------------------------ release date

export const futureReleaseRule: Rule = {
  meta: {
    id: 'DA-CAT-003',
    clause: CLAUSE,
    severity: 'warning',
    messages: {
      future: {
        'zh-CN': '发布日期 {date} 晚于今天（{today}）：目录中的发布日期应是资源已经发布的日期，请核对（常见为年份笔误）',
        en: 'The release date {date} is after today ({today}): a catalog records the date a resource was released; check it (a mistyped year is common)',
      },
    },
    docs: {
      description: {
        'zh-CN': '资源的发布日期（releaseDate）不应晚于今天。',
        en: 'A resource\'s release date (releaseDate) is not later than today.',
      },
      rationale: {
        'zh-CN': '《政务信息资源目录编制指南（试行）》（发改高技〔2017〕1272号）把发布日期列为目录元数据，记录资源在目录中发布的时间；未来的日期不可能是已发生的发布，多为笔误，会误导使用者对数据时效的判断。',
        en: 'The catalog guide (发改高技〔2017〕1272号) lists the release date as catalog metadata, recording when the resource was published; a date in the future cannot be a release that happened, is usually a typo, and misleads users about how current the data is.',
      },
      example: 'resources:\n  - id: R-330100-JT-0002\n    name: 公交线路与站点数据\n    releaseDate: 2204-03-15',
      fixedExample: 'resources:\n  - id: R-330100-JT-0002\n    name: 公交线路与站点数据\n    releaseDate: 2024-03-15',
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'resource') return;
    const node = scalarAt(item, 'releaseDate');
    const date = node && typeof node.value === 'string' ? node.value.trim() : '';
    if (!node || !ISO_DATE.test(date) || date <= context.today) return;
    context.report({
      messageId: 'future',
      span: node.span,
      args: { date, today: context.today },
      path: `${scope.path}/releaseDate`,
      data: { date, today: context.today },
    });
  },
};

export const CATALOG_RULES: Rule[] = [recommendedMetadataRule, relatedResourcesRule, futureReleaseRule];
