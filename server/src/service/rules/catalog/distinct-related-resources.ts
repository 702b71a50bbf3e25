/** DA-CAT-002: related resources name other resources, each once (发改高技〔2017〕1272号). */
import type { MapNode, ScalarNode } from '../../parser/ast';
import { removeSeqItem } from '../../edit/blocks';
import { seqAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { SOURCES } from './common';

function idOf(node: ScalarNode): string {
  return typeof node.value === 'string' ? node.value.trim() : '';
}

export const relatedResourcesRule: Rule = {
  meta: {
    id: 'DA-CAT-002',
    name: 'distinct-related-resources',
    sources: SOURCES,
    severity: 'warning',
    fixable: true,
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
        en: "relatedResources holds neither the resource's own id nor the same id twice.",
      },
      rationale: {
        'zh-CN':
          '《政务信息资源目录编制指南（试行）》（发改高技〔2017〕1272号）把关联资源代码列为目录元数据，用于揭示资源之间的关系；指向自己或重复的条目没有意义，还可能掩盖本应填写的关联资源。重复项可自动删去；列了自己多半是笔误，需人工改为所指的资源。',
        en: 'The catalog guide (发改高技〔2017〕1272号) lists related resource codes as catalog metadata, to show how resources relate; an entry naming the resource itself or repeating another says nothing and may hide the related resource that was meant. A repeat can be removed automatically; listing itself is usually a typo, left to the steward to correct.',
      },
      example:
        'resources:\n  - id: R-330100-JT-0001\n    name: 公交车辆实时位置数据\n    relatedResources: [R-330100-JT-0001, R-330100-JT-0002, R-330100-JT-0002]',
      fixedExample:
        'resources:\n  - id: R-330100-JT-0001\n    name: 公交车辆实时位置数据\n    relatedResources: [R-330100-JT-0002, R-330100-JT-0003]',
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
