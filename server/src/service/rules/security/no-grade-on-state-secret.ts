/** DA-SEC-005: a classified (涉密) resource is not graded under GB/T 43697-2024, which excludes state secrets. */
import type { MapNode } from '../../parser/ast';
import { removeEntry } from '../../edit/yaml-edit';
import { itemLabel, keySpanOf, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { cite } from '../sources';

export const gradeOnStateSecretRule: Rule = {
  meta: {
    id: 'DA-SEC-005',
    name: 'no-grade-on-state-secret',
    sources: [cite('gb-t-43697-2024'), cite('state-secrets-law')],
    severity: 'info',
    fixable: true,
    messages: {
      graded: {
        'zh-CN':
          '资源“{resource}”属于国家秘密（涉密），却按 GB/T 43697-2024 定为“{grade}”：该标准不适用于涉及国家秘密的数据，国家秘密按保密法律确定密级和知悉范围。涉密资源可以不填 securityGrade',
        en: 'Resource "{resource}" is a state secret (涉密) yet graded "{grade}" under GB/T 43697-2024: that standard does not apply to data involving state secrets, which the secrecy law classifies and restricts instead. A classified resource may leave securityGrade out',
      },
      fix: { 'zh-CN': '删除数据分级（securityGrade）', en: 'Remove the data grade (securityGrade)' },
    },
    docs: {
      description: {
        'zh-CN': '涉密资源不需要、也不应按 GB/T 43697-2024 定级：写了 securityGrade 时提示，并可删除。',
        en: 'A classified (涉密) resource neither needs nor takes a GB/T 43697-2024 grade: a securityGrade on one is noted, with a fix that removes it.',
      },
      rationale: {
        'zh-CN':
          'GB/T 43697-2024 第1章（范围）将涉及国家秘密的数据排除在外；国家秘密依照《保守国家秘密法》确定密级（绝密、机密、秘密）并限定知悉范围。为涉密资源另定核心、重要、一般数据级别，会让两套制度混用，例如依“一般数据”放宽共享。所以涉密资源的 securityGrade 不再必填，写了则提示。',
        en: 'Chapter 1 (scope) of GB/T 43697-2024 leaves out data involving state secrets; state secrets are classified (绝密, 机密, 秘密) and restricted to those who need to know under the Law on Guarding State Secrets. A core/important/general grade on a classified resource mixes the two systems, e.g. widening sharing because it is "general data". So securityGrade is no longer required on a classified resource, and one written there is noted.',
      },
      example: `resources:
  - id: R-330100-JT-0010
    name: 重要交通设施防护方案数据
    securityGrade: 一般数据
    secrecy: 涉密
    sharing: { type: 不予共享, basis: 《保守国家秘密法》 }
    opening: { type: 不予开放 }`,
      fixedExample: `resources:
  - id: R-330100-JT-0010
    name: 重要交通设施防护方案数据
    secrecy: 涉密
    sharing: { type: 不予共享, basis: 《保守国家秘密法》 }
    opening: { type: 不予开放 }`,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'resource' || textAt(item, 'secrecy') !== '涉密') return;
    const grade = textAt(item, 'securityGrade');
    const key = keySpanOf(item, 'securityGrade');
    if (!grade || !key) return;
    const edit = removeEntry(context.file.text, item, 'securityGrade');
    context.report({
      messageId: 'graded',
      span: key,
      args: { resource: itemLabel(item), grade },
      path: `${scope.path}/securityGrade`,
      data: { resource: textAt(item, 'id'), grade },
      fix: edit ? { title: gradeOnStateSecretRule.meta.messages.fix, edits: [edit] } : undefined,
    });
  },
};
