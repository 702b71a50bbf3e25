/** DA-UNIT-003: the unit names its supervising department (clause 1). */
import type { StewardYamlDocument } from '../../parser/model';
import { rootMap } from '../../parser/model';
import { PLACEHOLDER } from '../../edit/yaml-edit';
import { setInBlock } from '../../edit/blocks';
import { has, keySpanOf, textAt } from '../../tree/read';
import type { Rule, RuleContext } from '../rule';
import { statedElsewhere, UNIT_EXAMPLE, UNIT_SOURCES, unitOf } from './common';

export const supervisingDepartmentRule: Rule = {
  meta: {
    id: 'DA-UNIT-003',
    name: 'unit-needs-supervising-department',
    sources: UNIT_SOURCES,
    severity: 'warning',
    fixable: true,
    messages: {
      missing: {
        'zh-CN':
          '单位“{unit}”没有写明主管部门（unit.supervisingDepartment）：各部门负责本部门所属单位数据资产的监督管理，请填写指导和监督本单位的主管部门',
        en: 'Unit "{unit}" names no supervising department (unit.supervisingDepartment): each department supervises the data assets of the units under it; name the department that supervises this unit',
      },
      fix: { 'zh-CN': '添加主管部门（待填写）', en: 'Add the supervising department (to fill in)' },
    },
    docs: {
      description: {
        'zh-CN':
          '文档的 unit 要写明主管部门（supervisingDepartment）。同一文件中另一份文档已为同一单位写明的，不再重复提示。',
        en: "A document's unit names its supervising department (supervisingDepartment). When another document of the same file already names it for the same unit, it is not asked again.",
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（一）条：财政部门负责组织，各部门负责本部门所属单位数据资产的监督管理，各单位负责本单位数据资产的具体管理。写明主管部门，监督责任才能落到实处。',
        en: 'Clause (1) of 财资〔2024〕1号: finance departments organise, each department supervises the data assets of its affiliated units, and each unit manages its own. Naming the supervising department is what makes the supervision answerable.',
      },
      example: UNIT_EXAMPLE,
      fixedExample: `${UNIT_EXAMPLE}\n  supervisingDepartment: 某市交通运输局`,
    },
  },
  checkDocument(document: StewardYamlDocument, context: RuleContext) {
    const root = rootMap(document);
    const unit = unitOf(document);
    if (!root || !unit || has(unit, 'supervisingDepartment')) return;
    if (statedElsewhere(document, context, (other) => has(other, 'supervisingDepartment'))) return;
    const edit =
      unit.entries.length > 0 ? setInBlock(context.file.text, unit, 'supervisingDepartment', PLACEHOLDER) : undefined;
    context.report({
      messageId: 'missing',
      span: keySpanOf(root, 'unit')!,
      args: { unit: textAt(unit, 'name') || '?' },
      path: '/unit/supervisingDepartment',
      data: { field: 'supervisingDepartment' },
      fix: edit ? { title: supervisingDepartmentRule.meta.messages.fix, edits: [edit] } : undefined,
    });
  },
};
