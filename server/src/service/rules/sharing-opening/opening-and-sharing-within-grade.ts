/** DA-OPEN-003: opening and sharing stay within what the security grade allows (clauses 5, 9; GB/T 43697-2024). */
import type { MapNode } from '../../parser/ast';
import { replaceScalar } from '../../edit/yaml-edit';
import { itemLabel, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import {
  attributesOf,
  CLASSIFIED,
  GRADING_SOURCES,
  NOT_OPENED,
  OPEN_TYPES_OPENED,
  resourceExample,
  valueOf,
  WORK_SECRET,
} from './common';

/** A limit a grade sets on one attribute: the values that open or share more widely than the grade permits. */
interface GradeLimit {
  grade: string;
  block: 'opening' | 'sharing';
  /** Values beyond the limit. */
  values: string[];
  messageId: string;
  severity: 'error' | 'warning';
  /** The one right value, when there is one (a fix is offered then). */
  fixTo?: string;
  allowed: string[];
}

const GRADE_LIMITS: GradeLimit[] = [
  {
    grade: '核心数据',
    block: 'opening',
    values: OPEN_TYPES_OPENED,
    messageId: 'coreOpened',
    severity: 'error',
    fixTo: NOT_OPENED,
    allowed: [NOT_OPENED],
  },
  {
    grade: '重要数据',
    block: 'opening',
    values: ['无条件开放'],
    messageId: 'importantOpenedFreely',
    severity: 'error',
    allowed: ['有条件开放', NOT_OPENED],
  },
  {
    grade: '核心数据',
    block: 'sharing',
    values: ['无条件共享'],
    messageId: 'coreSharedFreely',
    severity: 'error',
    allowed: ['有条件共享', '不予共享'],
  },
  {
    grade: '重要数据',
    block: 'sharing',
    values: ['无条件共享'],
    messageId: 'importantSharedFreely',
    severity: 'warning',
    allowed: ['有条件共享', '不予共享'],
  },
];

export const gradeScopeRule: Rule = {
  meta: {
    id: 'DA-OPEN-003',
    name: 'opening-and-sharing-within-grade',
    sources: GRADING_SOURCES,
    severity: 'error',
    fixable: true,
    messages: {
      coreOpened: {
        'zh-CN': '资源“{resource}”定级为核心数据，开放类型却是“{value}”：核心数据只能“不予开放”',
        en: 'Resource "{resource}" is graded 核心数据 (core data) but its open type is "{value}": core data may only be 不予开放 (not opened)',
      },
      importantOpenedFreely: {
        'zh-CN': '资源“{resource}”定级为重要数据，不能“无条件开放”：重要数据只能“有条件开放”（写明条件）或“不予开放”',
        en: 'Resource "{resource}" is graded 重要数据 (important data) and may not be opened unconditionally (无条件开放): important data is only 有条件开放 (on stated conditions) or 不予开放 (not opened)',
      },
      coreSharedFreely: {
        'zh-CN':
          '资源“{resource}”定级为核心数据，不能“无条件共享”：核心数据只能“有条件共享”（写明条件）或“不予共享”（写明依据）',
        en: 'Resource "{resource}" is graded 核心数据 (core data) and may not be shared unconditionally (无条件共享): core data is only 有条件共享 (on stated conditions) or 不予共享 (with its basis)',
      },
      importantSharedFreely: {
        'zh-CN':
          '资源“{resource}”定级为重要数据，却向所有部门“无条件共享”：重要数据一般应“有条件共享”，写明共享对象和用途',
        en: 'Resource "{resource}" is graded 重要数据 (important data) yet shared unconditionally with every department (无条件共享): important data should normally be shared on conditions (有条件共享), stating with whom and for what use',
      },
      fix: { 'zh-CN': '改为“不予开放”', en: 'Change to 不予开放 (not opened)' },
    },
    docs: {
      description: {
        'zh-CN':
          '开放和共享范围不超过数据级别所允许的：核心数据不予开放、不得无条件共享；重要数据不得无条件开放，无条件共享给出警告。',
        en: 'Opening and sharing stay within what the grade allows: core data is never opened nor shared unconditionally; important data is never opened unconditionally, and sharing it unconditionally is a warning.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（九）条要求对数据资产分类分级管理，第（五）条要求在保障公共安全的前提下开放共享。《数据安全法》第二十一条对核心数据实行更加严格的管理制度，GB/T 43697-2024 将数据分为核心、重要、一般三级。各级可开放、共享到什么范围，这些依据并未逐一规定；本规则采用的对应关系（核心数据不予开放、不无条件共享，重要数据不无条件开放）是实务做法。涉密资源由更严格的 DA-OPEN-001、DA-OPEN-002 检查，工作秘密由 DA-OPEN-005 检查，本规则不重复报告。',
        en: 'Clause (9) of 财资〔2024〕1号 requires classified and graded management of data assets, and clause (5) opens and shares them only where public security is assured. Art. 21 of the Data Security Law puts core data under a stricter regime, and GB/T 43697-2024 grades data core, important and general. How far each grade may be opened or shared is not set out grade by grade in these sources; the mapping this rule applies (core data neither opened nor shared unconditionally, important data not opened unconditionally) is practice. Classified resources are left to the stricter DA-OPEN-001 and DA-OPEN-002, and work secrets to DA-OPEN-005, not reported twice.',
      },
      example: resourceExample({
        grade: '核心数据',
        sharing: '      type: 有条件共享\n      conditions: 向应急管理部门按需共享',
        opening: '      type: 无条件开放',
      }),
      fixedExample: resourceExample({
        grade: '核心数据',
        sharing: '      type: 有条件共享\n      conditions: 向应急管理部门按需共享',
        opening: `      type: ${NOT_OPENED}`,
      }),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'resource') return;
    const attributes = attributesOf(item);
    // Classified data and work secrets have their own, stricter rules (DA-OPEN-001/002/005): one finding per problem.
    if (attributes.secrecy === CLASSIFIED || attributes.secrecy === WORK_SECRET) return;
    for (const limit of GRADE_LIMITS) {
      const node = limit.block === 'opening' ? attributes.openingType : attributes.sharingType;
      const value = valueOf(node);
      if (!node || attributes.grade !== limit.grade || !limit.values.includes(value)) continue;
      context.report({
        messageId: limit.messageId,
        span: node.span,
        severity: limit.severity,
        args: { resource: itemLabel(item), value },
        path: `${scope.path}/${limit.block}/type`,
        data: { resource: textAt(item, 'id'), grade: limit.grade, value, allowed: limit.allowed },
        fix: limit.fixTo
          ? { title: gradeScopeRule.meta.messages.fix, edits: [replaceScalar(node, limit.fixTo)] }
          : undefined,
      });
    }
  },
};
