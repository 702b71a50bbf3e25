/** DA-UNIT-004 (opt-in): the unit names who answers for its data assets (clause 1). */
import type { MapNode } from '../../parser/ast';
import type { StewardYamlDocument } from '../../parser/model';
import { rootMap } from '../../parser/model';
import { has, keySpanOf, mapAt, textAt } from '../../tree/read';
import type { Rule, RuleContext } from '../rule';
import { statedElsewhere, UNIT_EXAMPLE, UNIT_SOURCES, unitOf } from './common';

function namesSomeone(unit: MapNode): boolean {
  const responsible = mapAt(unit, 'responsible');
  return has(responsible, 'name') || has(responsible, 'role');
}

export const responsiblePersonRule: Rule = {
  meta: {
    id: 'DA-UNIT-004',
    name: 'unit-needs-responsible-person',
    sources: UNIT_SOURCES,
    severity: 'info',
    fixable: false,
    // The contract's minimal unit has no responsible person: asking for one everywhere would be noise.
    enabledByDefault: false,
    messages: {
      missing: {
        'zh-CN':
          '单位“{unit}”没有写明数据资产管理的责任人或责任岗位（unit.responsible）：请填写姓名（name）或岗位（role）',
        en: 'Unit "{unit}" names no person or post responsible for its data assets (unit.responsible): give a name (name) or a post (role)',
      },
      noNameOrRole: {
        'zh-CN': '单位“{unit}”的责任人（unit.responsible）既没有姓名（name）也没有岗位（role）：请至少写明其中一项',
        en: 'The responsible party of unit "{unit}" (unit.responsible) has neither a name (name) nor a post (role): give at least one',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '文档的 unit 要写明数据资产管理的责任人或责任岗位（responsible.name 或 responsible.role）。同一文件中另一份文档已为同一单位写明的，不再重复提示。',
        en: "A document's unit names the person or post responsible for its data assets (responsible.name or responsible.role). When another document of the same file already names one for the same unit, it is not asked again.",
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（一）条：各单位负责本单位数据资产的具体管理。明确责任人或责任岗位，管理和问责才有对象。',
        en: 'Clause (1) of 财资〔2024〕1号: each unit manages its own data assets. A named person or post is who the management, and the accountability, rests with.',
      },
      example: UNIT_EXAMPLE,
      fixedExample: `${UNIT_EXAMPLE}\n  responsible:\n    name: 李华\n    role: 数据资产管理员`,
    },
  },
  checkDocument(document: StewardYamlDocument, context: RuleContext) {
    const root = rootMap(document);
    const unit = unitOf(document);
    if (!root || !unit || namesSomeone(unit)) return;
    if (statedElsewhere(document, context, namesSomeone)) return;
    const present = has(unit, 'responsible');
    context.report({
      messageId: present ? 'noNameOrRole' : 'missing',
      span: (present ? keySpanOf(unit, 'responsible') : keySpanOf(root, 'unit'))!,
      args: { unit: textAt(unit, 'name') || '?' },
      path: '/unit/responsible',
      data: { field: 'responsible' },
    });
  },
};
