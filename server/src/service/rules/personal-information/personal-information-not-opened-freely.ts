/** DA-PI-003: personal information is not opened unconditionally, nor sensitive personal information shared so (clause 5; PIPL). */
import type { MapNode } from '../../parser/ast';
import { has, itemLabel, mapAt, scalarAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import {
  OPENING_SOURCES,
  isTrue,
  LEGAL_BASIS,
  NOT_OPENED,
  PROCESSING_AUTHORITY,
  resourceExample,
  SHARED_ON_CONDITIONS,
  stringValue,
} from './common';

const UNCONDITIONAL_OPENING = '无条件开放';
const CONDITIONAL_OPENING = '有条件开放';
const UNCONDITIONAL_SHARING = '无条件共享';

export const personalInformationOpenedRule: Rule = {
  meta: {
    id: 'DA-PI-003',
    name: 'personal-information-not-opened-freely',
    sources: OPENING_SOURCES,
    severity: 'error',
    fixable: false,
    messages: {
      openedFreely: {
        'zh-CN':
          '资源“{resource}”包含个人信息，却“无条件开放”：个人信息只能在保护个人隐私的前提下开放。请改为“不予开放”，或在去标识化、匿名化处理后“有条件开放”并写明条件',
        en: 'Resource "{resource}" contains personal information yet is opened unconditionally (无条件开放): personal information is opened only where personal privacy is protected. Change it to 不予开放 (not opened), or open it on conditions (有条件开放) after de-identification or anonymisation, stating the conditions',
      },
      openedWithoutConditions: {
        'zh-CN':
          '资源“{resource}”包含个人信息并“有条件开放”，但没有写明开放条件（opening.conditions）：请写明如何保护个人隐私，如仅提供去标识化数据、须签订使用协议、限定用途',
        en: 'Resource "{resource}" contains personal information and is opened on conditions (有条件开放) but states none (opening.conditions): say how personal privacy is protected, e.g. de-identified data only, a use agreement, limited purposes',
      },
      sensitiveSharedFreely: {
        'zh-CN':
          '资源“{resource}”包含敏感个人信息，却向所有部门“无条件共享”：敏感个人信息应“有条件共享”，写明共享对象、用途和保护措施',
        en: 'Resource "{resource}" contains sensitive personal information yet is shared unconditionally with every department (无条件共享): it should be shared on conditions (有条件共享), stating with whom, for what use and under which safeguards',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '包含个人信息的资源不得“无条件开放”，“有条件开放”时须写明条件；包含敏感个人信息的资源不宜“无条件共享”。',
        en: 'A resource with personal information is never opened unconditionally, and states its conditions when opened on conditions; one with sensitive personal information should not be shared unconditionally.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（五）条：在保障公共安全和保护个人隐私的前提下推进数据资产开放共享；第（九）条要求严格遵守《个人信息保护法》。无条件开放意味着任何人都能获取，与保护个人隐私相悖，报告为错误；有条件开放未写条件、敏感个人信息无条件共享，无法证明隐私得到保护，报告为警告。改为哪种开放或共享方式由数据管理者决定，所以本规则不提供自动修复（缺少开放条件时，DA-OPEN-004 提供补条件的修复）。',
        en: "Clause (5) of 财资〔2024〕1号: data assets are shared and opened on the premise of ensuring public security and protecting personal privacy; clause (9) requires strict compliance with the Personal Information Protection Law. Opening unconditionally lets anyone take the data, which contradicts protecting privacy: an error. Conditional opening without stated conditions, and unconditional sharing of sensitive personal information, leave the protection unproven: warnings. Which way of opening or sharing to choose is the steward's decision, so no automatic fix is offered (for missing opening conditions DA-OPEN-004 offers one).",
      },
      example: resourceExample(
        `      contains: true\n      sensitive: true\n${LEGAL_BASIS}\n${PROCESSING_AUTHORITY}`,
        SHARED_ON_CONDITIONS,
        `      type: ${UNCONDITIONAL_OPENING}`,
      ),
      fixedExample: resourceExample(
        `      contains: true\n      sensitive: true\n${LEGAL_BASIS}\n${PROCESSING_AUTHORITY}`,
        SHARED_ON_CONDITIONS,
        NOT_OPENED,
      ),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'resource') return;
    const personalInformation = mapAt(item, 'personalInformation');
    const sensitive = isTrue(scalarAt(personalInformation, 'sensitive'));
    // Sensitive personal information is personal information, even where `contains` was left false.
    const personal = sensitive || isTrue(scalarAt(personalInformation, 'contains'));
    if (!personal) return;
    const args = { resource: itemLabel(item) };
    const data = { resource: textAt(item, 'id'), sensitive };
    const opening = mapAt(item, 'opening');
    const openingType = scalarAt(opening, 'type');
    const openingValue = stringValue(openingType);
    if (openingType && openingValue === UNCONDITIONAL_OPENING) {
      context.report({
        messageId: 'openedFreely',
        span: openingType.span,
        args,
        path: `${scope.path}/opening/type`,
        data: { ...data, value: openingValue, allowed: [CONDITIONAL_OPENING, '不予开放'] },
      });
    } else if (opening && openingType && openingValue === CONDITIONAL_OPENING && !has(opening, 'conditions')) {
      context.report({
        messageId: 'openedWithoutConditions',
        span: openingType.span,
        severity: 'warning',
        args,
        path: `${scope.path}/opening/conditions`,
        data: { ...data, field: 'conditions' },
      });
    }
    const sharingType = scalarAt(mapAt(item, 'sharing'), 'type');
    if (sensitive && sharingType && stringValue(sharingType) === UNCONDITIONAL_SHARING) {
      context.report({
        messageId: 'sensitiveSharedFreely',
        span: sharingType.span,
        severity: 'warning',
        args,
        path: `${scope.path}/sharing/type`,
        data: { ...data, value: UNCONDITIONAL_SHARING, allowed: ['有条件共享', '不予共享'] },
      });
    }
  },
};
