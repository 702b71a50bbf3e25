/**
 * DA-SEC-004: core and important data are not hosted on a system at protection level 1 (数据安全法 art. 27;
 * 国务院令第790号 arts. 9, 62; GB/T 22240-2020).
 */
import type { MapNode } from '../../parser/ast';
import { itemLabel, mapAt, scalarAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { cite } from '../sources';
import { GRADE_EN, isHighGrade } from './common';

const LEVEL_ONE = '第一级';

export const protectionLevelRule: Rule = {
  meta: {
    id: 'DA-SEC-004',
    name: 'protection-level-fits-grade',
    sources: [cite('data-security-law', '第二十七条'), cite('gov-order-790'), cite('gb-t-22240-2020')],
    severity: 'error',
    fixable: false,
    messages: {
      levelOne: {
        'zh-CN':
          '资产“{asset}”为{grade}，承载系统的等级保护级别却是第一级：第一级只适用于遭到破坏后不危害国家安全、社会秩序和公共利益的系统，而{grade}一旦遭到篡改、破坏、泄露，可能危害国家安全、经济运行、社会稳定或公共利益。请按等级保护定级规则重新定级（通常不低于第二级，涉及国家安全的为第三级以上），或核实数据级别',
        en: 'Asset "{asset}" is {gradeEn} ({grade}) but its hosting system is at protection level 1 (第一级): level 1 is only for systems whose compromise harms no national security, social order or public interest, while {gradeEn} may, if tampered with, destroyed or leaked, endanger national security, the economy, social stability or the public interest. Re-grade the system under the classified-protection grading rules (normally level 2 at least, level 3 or above where national security is at stake), or check the data grade',
      },
    },
    docs: {
      description: {
        'zh-CN': '核心数据、重要数据资产的承载系统，等级保护级别（security.protectionLevel）不能是第一级。',
        en: 'A core or important data asset is not hosted on a system at classified-protection level 1 (security.protectionLevel: 第一级).',
      },
      rationale: {
        'zh-CN':
          '《数据安全法》第二十七条和《网络数据安全管理条例》（国务院令第790号）第九条要求在网络安全等级保护的基础上履行数据安全保护义务。GB/T 22240-2020 规定第一级系统受到破坏后只损害公民、法人和其他组织的合法权益，不危害国家安全、社会秩序和公共利益；条例第六十二条和 GB/T 43697-2024 对重要数据的界定恰恰是遭到篡改、破坏、泄露后可能危害国家安全、经济运行、社会稳定、公共健康和安全的数据，核心数据更甚。承载它们的系统定为第一级，定级与数据级别自相矛盾。系统定级由单位按程序确定，所以本规则不提供自动修复，也不断言应定为哪一级。',
        en: 'Data Security Law art. 27 and the Regulations on Network Data Security Management (国务院令第790号) art. 9 build data protection on the classified protection of cybersecurity. Under GB/T 22240-2020, a level-1 system, if compromised, harms only the lawful rights of citizens and organisations, never national security, social order or the public interest; yet important data, as art. 62 of the regulations and GB/T 43697-2024 define it, is data whose tampering, destruction or leak may endanger national security, the economy, social stability or public health and safety, and core data more so. A level-1 system holding them contradicts the data grade. The unit grades its systems through its own procedure, so no automatic fix is offered and the rule does not say which level is right.',
      },
      example: `assets:
  - id: DA-2024-0004
    name: 路网视频监控图像数据集
    securityGrade: 重要数据
    security:
      protectionLevel: 第一级
      protectionMeasures: [视频专网隔离, 调阅登记审批, 存储加密]
      lastRiskAssessment: 2026-09-20`,
      fixedExample: `assets:
  - id: DA-2024-0004
    name: 路网视频监控图像数据集
    securityGrade: 重要数据
    security:
      protectionLevel: 第三级
      protectionMeasures: [视频专网隔离, 调阅登记审批, 存储加密]
      lastRiskAssessment: 2026-09-20`,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const grade = textAt(item, 'securityGrade');
    if (!isHighGrade(grade)) return;
    const level = scalarAt(mapAt(item, 'security'), 'protectionLevel');
    if (!level || textAt(mapAt(item, 'security'), 'protectionLevel') !== LEVEL_ONE) return;
    context.report({
      messageId: 'levelOne',
      span: level.span,
      args: { asset: itemLabel(item), grade, gradeEn: GRADE_EN[grade] },
      path: `${scope.path}/security/protectionLevel`,
      data: { asset: textAt(item, 'id'), grade, protectionLevel: LEVEL_ONE },
    });
  },
};
