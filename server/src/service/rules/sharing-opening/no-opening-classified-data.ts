/** DA-OPEN-001: classified data is not opened (clause 5). */
import type { MapNode } from '../../parser/ast';
import { replaceScalar } from '../../edit/yaml-edit';
import { itemLabel, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import {
  attributesOf,
  CLASSIFIED,
  OPENING_SOURCES,
  NOT_OPENED,
  OPEN_TYPES_OPENED,
  resourceExample,
  valueOf,
} from './common';

export const classifiedOpenedRule: Rule = {
  meta: {
    id: 'DA-OPEN-001',
    name: 'no-opening-classified-data',
    sources: OPENING_SOURCES,
    severity: 'error',
    fixable: true,
    messages: {
      opened: {
        'zh-CN': '资源“{resource}”是涉密数据，开放类型却是“{value}”：依法涉密的数据资产不予开放，应改为“不予开放”',
        en: 'Resource "{resource}" is classified (涉密) but its open type is "{value}": data assets confidential by law are not opened; change it to 不予开放 (not opened)',
      },
      fix: { 'zh-CN': '改为“不予开放”', en: 'Change to 不予开放 (not opened)' },
    },
    docs: {
      description: {
        'zh-CN': '涉密资源（secrecy: 涉密）的开放类型只能是“不予开放”。',
        en: 'A classified resource (secrecy: 涉密) has the open type 不予开放 (not opened), and no other.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（五）条：依法依规予以保密的数据资产不予开放。',
        en: 'Clause (5) of 财资〔2024〕1号: data assets kept confidential by law and regulation are not opened to the public.',
      },
      example: resourceExample({
        grade: '重要数据',
        secrecy: CLASSIFIED,
        sharing: '      type: 不予共享\n      basis: 《保守国家秘密法》',
        opening: '      type: 有条件开放\n      conditions: 经审批后提供',
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
    const { secrecy, openingType } = attributesOf(item);
    const value = valueOf(openingType);
    if (secrecy !== CLASSIFIED || !openingType || !OPEN_TYPES_OPENED.includes(value)) return;
    context.report({
      messageId: 'opened',
      span: openingType.span,
      args: { resource: itemLabel(item), value },
      path: `${scope.path}/opening/type`,
      data: { resource: textAt(item, 'id'), value, expected: NOT_OPENED },
      fix: { title: classifiedOpenedRule.meta.messages.fix, edits: [replaceScalar(openingType, NOT_OPENED)] },
    });
  },
};
