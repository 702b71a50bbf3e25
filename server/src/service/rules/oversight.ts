/**
 * Oversight of data assets: supervision and inspections (clause 10, DA-SUP-001/002), inclusion in the annual
 * state-owned asset report (clause 11, DA-RPT-001), and who answers for the unit's assets (clause 1,
 * DA-UNIT-003/004).
 */
import type { MapNode } from '../parser/ast';
import type { StewardYamlDocument } from '../parser/model';
import { rootMap } from '../parser/model';
import { PLACEHOLDER } from '../edit/yaml-edit';
import type { ItemScope, Rule, RuleContext } from './rule';
import { gradeRank, has, itemAnchor, keySpanOf, mapAt, mapsOf, scalarAt, seqAt, textAt } from './helpers';
import { isoDateOf } from './security';
import { setInBlock } from './placeholder';

function assetLabel(item: MapNode): string {
  return textAt(item, 'name') || textAt(item, 'id') || '?';
}

const GRADE_EN: Record<string, string> = { 核心数据: 'core data', 重要数据: 'important data' };

// ------------------------------------------------------------------------------------ DA-SUP-001

export const inspectionRecordRule: Rule = {
  meta: {
    id: 'DA-SUP-001',
    clause: '财资〔2024〕1号 (10)',
    severity: 'info',
    messages: {
      none: {
        'zh-CN': '资产“{asset}”为{grade}，但没有监督检查记录（inspections）：请登记对它开展的日常监督或专项检查（日期、类型、检查主体、结论）',
        en: 'Asset "{asset}" is {gradeEn} ({grade}) but has no inspection record (inspections): record the routine or special inspections of it (date, kind, inspector, findings)',
      },
    },
    docs: {
      description: {
        'zh-CN': '核心数据、重要数据资产没有任何监督检查记录（inspections 缺失或为空）时提示；已处置的资产不再要求。',
        en: 'Notes a core or important data asset with no inspection record (inspections absent or empty); disposed assets are exempt.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（十）条：建立全过程监管机制，把事前、事中、事后监管结合起来，日常监督与专项检查相结合。级别高的数据资产尤其应当留有检查记录。',
        en: 'Clause (10) of 财资〔2024〕1号: supervision covers the whole process, before, during and after, combining routine supervision with special inspections. Assets of the higher grades in particular should show their inspections.',
      },
      example: `assets:
  - id: DA-2024-0004
    name: 路网视频监控图像数据集
    securityGrade: 重要数据`,
      fixedExample: `assets:
  - id: DA-2024-0004
    name: 路网视频监控图像数据集
    securityGrade: 重要数据
    inspections:
      - { date: 2024-06-18, kind: 日常, inspector: 科技信息处, findings: 调阅登记完整 }`,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const grade = textAt(item, 'securityGrade');
    // A disposed asset is no longer held: there is nothing left to inspect.
    if ((gradeRank(grade) ?? 0) < 1 || has(item, 'disposal')) return;
    const inspections = seqAt(item, 'inspections');
    if (inspections ? inspections.items.length > 0 : has(item, 'inspections')) return;
    context.report({
      messageId: 'none',
      span: itemAnchor(item),
      args: { asset: assetLabel(item), grade, gradeEn: GRADE_EN[grade] },
      path: `${scope.path}/inspections`,
      data: { asset: textAt(item, 'id'), grade },
    });
  },
};

// ------------------------------------------------------------------------------------ DA-SUP-002

export const inspectionDateRule: Rule = {
  meta: {
    id: 'DA-SUP-002',
    clause: '财资〔2024〕1号 (10)',
    severity: 'warning',
    messages: {
      future: {
        'zh-CN': '资产“{asset}”的检查记录日期 {date} 晚于今天（{today}）：只能登记已经开展的检查，计划中的检查请勿写入，请核对日期',
        en: 'An inspection of asset "{asset}" is dated {date}, after today ({today}): record only inspections that took place, not planned ones; check the date',
      },
    },
    docs: {
      description: {
        'zh-CN': '监督检查记录的日期（inspections[].date）不能晚于今天。',
        en: 'An inspection record\'s date (inspections[].date) is not after today.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（十）条要求开展日常监督和专项检查；检查记录是已发生事实的证明，未来日期说明日期写错，或把计划当成了记录。',
        en: 'Clause (10) of 财资〔2024〕1号 calls for routine and special inspections; an inspection record proves something that happened, so a future date is a wrong date or a plan written down as a record.',
      },
      example: `assets:
  - id: DA-2024-0003
    name: 巡游出租汽车营运数据集
    inspections:
      - { date: 2027-06-18, kind: 日常, inspector: 科技信息处 }`,
      fixedExample: `assets:
  - id: DA-2024-0003
    name: 巡游出租汽车营运数据集
    inspections:
      - { date: 2026-06-18, kind: 日常, inspector: 科技信息处 }`,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    for (const { map, index } of mapsOf(seqAt(item, 'inspections'))) {
      const node = scalarAt(map, 'date');
      const date = isoDateOf(node);
      if (!node || !date || date <= context.today) continue;
      context.report({
        messageId: 'future',
        span: node.span,
        args: { asset: assetLabel(item), date, today: context.today },
        path: `${scope.path}/inspections/${index}/date`,
        data: { asset: textAt(item, 'id'), date },
      });
    }
  },
};

// ------------------------------------------------------------------------------------ DA-RPT-001

/** The integer years of a YAML list, as written (`2024` or `"2024"`). */
function yearsOf(item: MapNode): number[] | undefined {
  const years = seqAt(mapAt(item, 'reporting'), 'years');
  if (!years) return undefined;
  return years.items.flatMap((node) => (node.type === 'scalar' && /^\d{4}$/.test(String(node.value ?? '').trim()) ? [Number(String(node.value).trim())] : []));
}

export const annualReportRule: Rule = {
  meta: {
    id: 'DA-RPT-001',
    clause: '财资〔2024〕1号 (11)',
    severity: 'info',
    messages: {
      noReporting: {
        'zh-CN': '资产“{asset}”于 {year} 年登记，但没有报告记录（reporting.years）：数据资产应纳入行政事业性国有资产年度报告，请写明已纳入哪些年度的报告',
        en: 'Asset "{asset}" was registered in {year} but has no reporting record (reporting.years): data assets are included in the annual report on administrative state-owned assets; list the report years that include it',
      },
      notReported: {
        'zh-CN': '资产“{asset}”于 {year} 年登记，但报告年度（{years}）中没有 {year} 年或以后的年度：请将它纳入国有资产年度报告，并在 reporting.years 中写明年度',
        en: 'Asset "{asset}" was registered in {year}, but its report years ({years}) include none from {year} on: include it in the annual state-owned asset report and list the year in reporting.years',
      },
    },
    docs: {
      description: {
        'zh-CN': '登记年度（registration.date）早于今年的资产，其 reporting.years 应至少有一个不早于登记年度的年度；没有 reporting 块也提示。',
        en: 'An asset registered (registration.date) in a year before the current one lists in reporting.years at least one year from its registration year on; an asset with no reporting block is noted too.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（十一）条：将数据资产管理情况纳入行政事业性国有资产管理情况年度报告。登记后的年度报告应当包含该资产。',
        en: 'Clause (11) of 财资〔2024〕1号: data asset management is included in the annual report on administrative state-owned assets, so the annual reports after its registration include the asset.',
      },
      example: `assets:
  - id: DA-2024-0005
    name: 公共交通客流起讫点分析数据集
    registration:
      cardNumber: ZCKP-330100-2024-0005
      date: 2024-04-08`,
      fixedExample: `assets:
  - id: DA-2024-0005
    name: 公共交通客流起讫点分析数据集
    registration:
      cardNumber: ZCKP-330100-2024-0005
      date: 2024-04-08
    reporting:
      years: [2024]`,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const registered = isoDateOf(scalarAt(mapAt(item, 'registration'), 'date'));
    if (!registered) return;
    const year = Number(registered.slice(0, 4));
    if (year >= Number(context.today.slice(0, 4))) return; // no annual report is due yet
    const args = { asset: assetLabel(item), year };
    const data = { asset: textAt(item, 'id'), registrationYear: year };
    if (!has(item, 'reporting')) {
      context.report({ messageId: 'noReporting', span: itemAnchor(item), args, path: `${scope.path}/reporting`, data });
      return;
    }
    const years = yearsOf(item);
    // A reporting block without a list of years is the schema's finding.
    if (!years || years.some((y) => y >= year)) return;
    const yearsNode = seqAt(mapAt(item, 'reporting'), 'years')!;
    context.report({
      messageId: 'notReported',
      span: yearsNode.span,
      args: { ...args, years: years.join(', ') || '—' },
      path: `${scope.path}/reporting/years`,
      data: { ...data, years },
    });
  },
};

// ------------------------------------------------------------------------------------ DA-UNIT-003 / 004

const UNIT_CLAUSE = '财资〔2024〕1号 (1)';

function unitOf(document: StewardYamlDocument): MapNode | undefined {
  return mapAt(rootMap(document), 'unit');
}

/** How documents of one file name the same unit: its code, or its name when it has no code. */
function unitIdentity(unit: MapNode): string {
  return textAt(unit, 'code') || textAt(unit, 'name');
}

/**
 * Another document of the same file that describes the same unit and says what `says` checks: a file with
 * several documents for one unit states the supervising department or the responsible person once.
 */
function statedElsewhere(document: StewardYamlDocument, context: RuleContext, says: (unit: MapNode) => boolean): boolean {
  const unit = unitOf(document);
  const identity = unit ? unitIdentity(unit) : '';
  if (!identity) return false;
  return context.file.documents.some((other) => {
    const otherUnit = other !== document && other.isSteward ? unitOf(other) : undefined;
    return !!otherUnit && unitIdentity(otherUnit) === identity && says(otherUnit);
  });
}

const UNIT_EXAMPLE = `unit:
  name: 某市交通运输信息中心
  code: 123301004703621533
  type: 事业单位`;

export const supervisingDepartmentRule: Rule = {
  meta: {
    id: 'DA-UNIT-003',
    clause: UNIT_CLAUSE,
    severity: 'warning',
    messages: {
      missing: {
        'zh-CN': '单位“{unit}”没有写明主管部门（unit.supervisingDepartment）：各部门负责本部门所属单位数据资产的监督管理，请填写指导和监督本单位的主管部门',
        en: 'Unit "{unit}" names no supervising department (unit.supervisingDepartment): each department supervises the data assets of the units under it; name the department that supervises this unit',
      },
      fix: { 'zh-CN': '添加主管部门（待填写）', en: 'Add the supervising department (to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '文档的 unit 要写明主管部门（supervisingDepartment）。同一文件中另一份文档已为同一单位写明的，不再重复提示。',
        en: 'A document\'s unit names its supervising department (supervisingDepartment). When another document of the same file already names it for the same unit, it is not asked again.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（一）条：财政部门负责组织，各部门负责本部门所属单位数据资产的监督管理，各单位负责本单位数据资产的具体管理。写明主管部门，监督责任才能落到实处。',
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
    const edit = unit.entries.length > 0 ? setInBlock(context.file.text, unit, 'supervisingDepartment', PLACEHOLDER) : undefined;
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

function namesSomeone(unit: MapNode): boolean {
  const responsible = mapAt(unit, 'responsible');
  return has(responsible, 'name') || has(responsible, 'role');
}

export const responsiblePersonRule: Rule = {
  meta: {
    id: 'DA-UNIT-004',
    clause: UNIT_CLAUSE,
    severity: 'info',
    // The contract's minimal unit has no responsible person: asking for one everywhere would be noise.
    enabledByDefault: false,
    messages: {
      missing: {
        'zh-CN': '单位“{unit}”没有写明数据资产管理的责任人或责任岗位（unit.responsible）：请填写姓名（name）或岗位（role）',
        en: 'Unit "{unit}" names no person or post responsible for its data assets (unit.responsible): give a name (name) or a post (role)',
      },
      noNameOrRole: {
        'zh-CN': '单位“{unit}”的责任人（unit.responsible）既没有姓名（name）也没有岗位（role）：请至少写明其中一项',
        en: 'The responsible party of unit "{unit}" (unit.responsible) has neither a name (name) nor a post (role): give at least one',
      },
    },
    docs: {
      description: {
        'zh-CN': '文档的 unit 要写明数据资产管理的责任人或责任岗位（responsible.name 或 responsible.role）。同一文件中另一份文档已为同一单位写明的，不再重复提示。',
        en: 'A document\'s unit names the person or post responsible for its data assets (responsible.name or responsible.role). When another document of the same file already names one for the same unit, it is not asked again.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（一）条：各单位负责本单位数据资产的具体管理。明确责任人或责任岗位，管理和问责才有对象。',
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

export const OVERSIGHT_RULES: Rule[] = [inspectionRecordRule, inspectionDateRule, annualReportRule, supervisingDepartmentRule, responsiblePersonRule];
