/**
 * DA-OPEN-005: a work secret (工作秘密) is not opened, nor shared with every department: it is not 政务数据
 * (国务院令第809号 art. 3) and is kept within those who need it (clause 5).
 */
import type { MapNode } from '../../parser/ast';
import { replaceScalar } from '../../edit/yaml-edit';
import { itemLabel, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { cite, notice } from '../sources';
import { attributesOf, NOT_OPENED, OPEN_TYPES_OPENED, resourceExample, valueOf, WORK_SECRET } from './common';

export const workSecretRule: Rule = {
  meta: {
    id: 'DA-OPEN-005',
    name: 'work-secret-not-opened',
    sources: [notice('(5)'), cite('gov-order-809', '第三条')],
    severity: 'error',
    fixable: true,
    messages: {
      opened: {
        'zh-CN': '资源“{resource}”属于工作秘密，开放类型却是“{value}”：工作秘密不得向社会开放，请改为“不予开放”',
        en: 'Resource "{resource}" is a work secret (工作秘密) but its open type is "{value}": work secrets are never opened to the public; change it to 不予开放 (not opened)',
      },
      sharedFreely: {
        'zh-CN':
          '资源“{resource}”属于工作秘密，共享类型却是“无条件共享”：工作秘密不属于《政务数据共享条例》所称的政务数据，不能作为政务数据向所有部门无条件共享，只能按工作秘密管理规定在工作需要的范围内提供。请改为“有条件共享”（写明条件）或“不予共享”（写明依据）',
        en: 'Resource "{resource}" is a work secret (工作秘密) yet shared unconditionally (无条件共享): work secrets are not 政务数据 under the Regulations on Government Data Sharing and cannot be shared with every department as such; they are provided only as far as the work requires, under the rules for work secrets. Change it to 有条件共享 (stating the conditions) or 不予共享 (stating the basis)',
      },
      fix: { 'zh-CN': '改为“不予开放”', en: 'Change to 不予开放 (not opened)' },
    },
    docs: {
      description: {
        'zh-CN': '工作秘密（secrecy: 工作秘密）资源不予开放，也不得无条件共享。',
        en: 'A work-secret resource (secrecy: 工作秘密) is not opened, nor shared unconditionally.',
      },
      rationale: {
        'zh-CN':
          '《政务数据共享条例》（国务院令第809号，2025年8月1日起施行）第三条：政务数据不包括属于国家秘密、工作秘密的数据。工作秘密不是国家秘密，但泄露后会造成不利影响，只在工作需要的范围内知悉；财资〔2024〕1号第（五）条：依法依规予以保密的数据资产不予开放。开放的改为“不予开放”可以自动修复；无条件共享应改为有条件共享还是不予共享，由保密管理决定，不自动修复。',
        en: 'Regulations on Government Data Sharing (国务院令第809号, in force from 2025-08-01) art. 3: government data (政务数据) excludes data that is a state secret or a work secret. A work secret is no state secret, but its disclosure does harm, so it is known only as far as the work requires; clause (5) of 财资〔2024〕1号: data assets kept confidential by law are not opened. Opening is fixed to 不予开放 automatically; whether unconditional sharing becomes conditional or none is for the secrecy management to decide, so it has no fix.',
      },
      example: resourceExample({
        secrecy: WORK_SECRET,
        sharing: '      type: 有条件共享\n      conditions: 向公安、应急管理部门按需提供',
        opening: '      type: 有条件开放\n      conditions: 经申请审核后提供',
      }),
      fixedExample: resourceExample({
        secrecy: WORK_SECRET,
        sharing: '      type: 有条件共享\n      conditions: 向公安、应急管理部门按需提供',
        opening: `      type: ${NOT_OPENED}`,
      }),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'resource') return;
    const { secrecy, openingType, sharingType } = attributesOf(item);
    if (secrecy !== WORK_SECRET) return;
    const opened = valueOf(openingType);
    if (openingType && OPEN_TYPES_OPENED.includes(opened)) {
      context.report({
        messageId: 'opened',
        span: openingType.span,
        args: { resource: itemLabel(item), value: opened },
        path: `${scope.path}/opening/type`,
        data: { resource: textAt(item, 'id'), value: opened, expected: NOT_OPENED },
        fix: { title: workSecretRule.meta.messages.fix, edits: [replaceScalar(openingType, NOT_OPENED)] },
      });
    }
    if (sharingType && valueOf(sharingType) === '无条件共享') {
      context.report({
        messageId: 'sharedFreely',
        span: sharingType.span,
        args: { resource: itemLabel(item) },
        path: `${scope.path}/sharing/type`,
        data: { resource: textAt(item, 'id'), value: '无条件共享', allowed: ['有条件共享', '不予共享'] },
      });
    }
  },
};
