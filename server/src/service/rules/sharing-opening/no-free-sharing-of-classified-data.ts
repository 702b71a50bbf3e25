/** DA-OPEN-002: classified data is not shared unconditionally (clause 5; 《保守国家秘密法》). */
import type { MapNode } from '../../parser/ast';
import { itemLabel, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { attributesOf, CLASSIFIED, OPENING_SOURCES, NOT_OPENED, resourceExample, valueOf } from './common';
import { cite } from '../sources';

export const classifiedSharedFreelyRule: Rule = {
  meta: {
    id: 'DA-OPEN-002',
    name: 'no-free-sharing-of-classified-data',
    sources: [...OPENING_SOURCES, cite('state-secrets-law')],
    severity: 'error',
    fixable: false,
    messages: {
      shared: {
        'zh-CN':
          '资源“{resource}”是涉密数据，共享类型却是“无条件共享”：涉密数据只能依照保密法律法规在知悉范围内提供，不能向所有部门无条件共享。请按保密管理规定改为“有条件共享”（写明条件）或“不予共享”（写明依据）',
        en: 'Resource "{resource}" is classified (涉密) but shared unconditionally (无条件共享): classified data is provided only within the scope the secrecy law allows, never to every department. Following the secrecy rules, change it to 有条件共享 (stating the conditions) or 不予共享 (stating the basis)',
      },
    },
    docs: {
      description: {
        'zh-CN': '涉密资源不能“无条件共享”，应按保密规定改为“有条件共享”或“不予共享”。',
        en: 'A classified resource is never shared unconditionally (无条件共享); it is 有条件共享 or 不予共享, as the secrecy rules decide.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（五）条：依法依规予以保密的数据资产不予开放，共享也须以保障安全为前提；《保守国家秘密法》要求国家秘密限定在知悉范围内，无条件共享与此相悖。选哪一种由保密管理决定，所以本规则不提供自动修复。',
        en: 'Clause (5) of 财资〔2024〕1号: confidential data assets are not opened, and sharing presupposes security; the Law on Guarding State Secrets keeps state secrets within those who need to know them, which unconditional sharing with every department contradicts. Which of the two applies is for the secrecy management to decide, so no automatic fix is offered.',
      },
      example: resourceExample({
        grade: '重要数据',
        secrecy: CLASSIFIED,
        sharing: '      type: 无条件共享',
        opening: `      type: ${NOT_OPENED}`,
      }),
      fixedExample: resourceExample({
        grade: '重要数据',
        secrecy: CLASSIFIED,
        sharing: '      type: 不予共享\n      basis: 《保守国家秘密法》',
        opening: `      type: ${NOT_OPENED}`,
      }),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'resource') return;
    const { secrecy, sharingType } = attributesOf(item);
    if (secrecy !== CLASSIFIED || !sharingType || valueOf(sharingType) !== '无条件共享') return;
    context.report({
      messageId: 'shared',
      span: sharingType.span,
      args: { resource: itemLabel(item) },
      path: `${scope.path}/sharing/type`,
      data: { resource: textAt(item, 'id'), value: '无条件共享', allowed: ['有条件共享', '不予共享'] },
    });
  },
};
