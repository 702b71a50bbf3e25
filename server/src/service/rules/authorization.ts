/**
 * DA-AUTH-003..009: the use of data assets (clause 4). Paid authorizations state their fee and the evaluation of
 * the asset's rights and interests; only the data-processing-and-use right and the data-product operation right
 * are authorised; an asset is never a guarantee; the security assessment and the approval come before the
 * authorization starts, and its period is coherent. DA-AUTH-001/002 (assessment and approval present) live in
 * authorization-assessment.ts.
 */
import type { LocalizedText } from '../types';
import type { MapNode, ScalarNode, SeqNode } from '../parser/ast';
import { getEntry } from '../parser/ast';
import { PLACEHOLDER, replaceScalar, setInMap } from '../edit/yaml-edit';
import type { InsertValue } from '../edit/yaml-edit';
import type { ItemScope, Rule, RuleContext, RuleMeta } from './rule';
import { has, itemAnchor, keySpanOf, mapAt, mapsOf, scalarAt, seqAt, textAt } from './helpers';

const CLAUSE = '财资〔2024〕1号 (4)';

const PROCESSING_RIGHT = '数据加工使用权';
const OPERATION_RIGHT = '数据产品经营权';
const AUTHORISABLE_RIGHTS = [PROCESSING_RIGHT, OPERATION_RIGHT];

// ------------------------------------------------------------------------------------------------ readers

/** How an authorization is named in messages: its entity. */
function entityOf(authorization: MapNode): string {
  return textAt(authorization, 'entity') || '?';
}

/** How an asset is named in messages: its name, else its id. */
function assetLabel(item: MapNode): string {
  return textAt(item, 'name') || textAt(item, 'id') || '?';
}

function authorizationsOf(item: MapNode): Array<{ map: MapNode; index: number }> {
  return mapsOf(seqAt(item, 'authorizations'));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The scalar's text when it is a real calendar date written `YYYY-MM-DD` (2024-02-30 is not), else undefined. */
function calendarDate(node: ScalarNode | undefined): string | undefined {
  const text = node && typeof node.value === 'string' ? node.value.trim() : '';
  if (!ISO_DATE.test(text)) return undefined;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days ? text : undefined;
}

/** A message template filled with `args` (for fix titles that name a value). */
function fill(text: LocalizedText, args: Record<string, string>): LocalizedText {
  const replace = (template: string) => template.replace(/\{(\w+)\}/g, (whole, name: string) => args[name] ?? whole);
  return { 'zh-CN': replace(text['zh-CN']), en: replace(text.en) };
}

// ------------------------------------------------------------------------------------------------ docs

/** An asset with one authorization as the docs show it; `lines` are the authorization's lines after `entity`. */
function assetExample(lines: string[], after: string[] = []): string {
  return [
    'assets:',
    '  - id: DA-2024-0001',
    '    name: 公交运行监测数据集',
    '    resource: R-330100-JT-0001',
    '    classificationCode: A08060201',
    '    securityGrade: 一般数据',
    '    acquisition: { method: 自主采集 }',
    '    authorizations:',
    '      - entity: 某市大数据运营有限公司',
    ...lines.map((line) => `        ${line}`),
    ...after.map((line) => `    ${line}`),
  ].join('\n');
}

const RIGHTS = `rights: [${PROCESSING_RIGHT}]`;
const PERIOD = 'period: { start: 2024-06-01, end: 2029-05-31 }';
const ASSESSMENT = 'securityAssessment: { ref: AQPG-2024-03, date: 2024-05-10 }';
const APPROVAL = 'approval: { ref: 某财资〔2024〕56号, authority: 某市财政局, date: 2024-05-24 }';
const FEE = 'fee: { amount: 120000, basis: 按评估报告 PG-2024-08 定价 }';
const VALUATION = 'valuation: { method: 收益法, ref: PG-2024-08 }';
const APPROVED = [RIGHTS, PERIOD, ASSESSMENT, APPROVAL];

// ------------------------------------------------------------------------------------------------ paid use

interface PaidRecord {
  id: string;
  key: 'fee' | 'valuation';
  value: InsertValue;
  meta: Pick<RuleMeta, 'messages' | 'docs'>;
  /** A message id and args that say more, e.g. that the asset already has a valuation the steward may cite. */
  refine?: (item: MapNode) => { messageId: string; args: Record<string, string> } | undefined;
}

function paidRecordRule(record: PaidRecord): Rule {
  return {
    meta: {
      id: record.id,
      clause: CLAUSE,
      severity: 'error',
      replacesSchemaAt: [`/assets/*/authorizations/*/${record.key}`],
      ...record.meta,
    },
    checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
      if (scope.kind !== 'asset') return;
      for (const { map, index } of authorizationsOf(item)) {
        if (scalarAt(map, 'paid')?.value !== true || has(map, record.key)) continue;
        const edit = setInMap(context.file.text, map, record.key, record.value);
        const refined = record.refine?.(item);
        context.report({
          messageId: refined?.messageId ?? 'missing',
          span: itemAnchor(map),
          args: { entity: entityOf(map), ...refined?.args },
          path: `${scope.path}/authorizations/${index}/${record.key}`,
          data: { asset: textAt(item, 'id'), entity: textAt(map, 'entity'), field: record.key },
          fix: edit ? { title: record.meta.messages.fix, edits: [edit] } : undefined,
        });
      }
    },
  };
}

export const paidFeeRule = paidRecordRule({
  id: 'DA-AUTH-003',
  key: 'fee',
  value: { amount: PLACEHOLDER },
  meta: {
    messages: {
      missing: {
        'zh-CN': '向“{entity}”的授权是有偿的（paid: true），但没有写明收费（fee）：请写明收费金额和定价依据',
        en: 'The authorization to "{entity}" is paid (paid: true) but states no fee (fee): give the amount and what the price is based on',
      },
      fix: { 'zh-CN': '添加收费记录（金额待填写）', en: 'Add the fee (amount to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '有偿授权（paid: true）须在 fee 中写明收费金额，宜同时写明定价依据（fee.basis）。',
        en: 'A paid authorization (paid: true) states its fee amount in fee, ideally with what the price is based on (fee.basis).',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（四）条：有偿使用数据资产的，须严格按资产管理权限履行审批程序，并依规评估资产权益；严禁以授权有偿使用数据资产为名变相虚增财政收入。写明收费金额和依据，收益才能对账、才能核实定价合理；第（七）条要求收益应收尽收，不得少收、不收。',
        en: 'Clause (4) of 财资〔2024〕1号: paid use of a data asset strictly follows the approval procedure and is based on an evaluation of the asset\'s rights and interests, and it must never inflate fiscal revenue in disguise. A stated amount and basis let the revenue be reconciled and the price checked; clause (7) forbids collecting less than due or nothing.',
      },
      example: assetExample([...APPROVED, 'paid: true', VALUATION]),
      fixedExample: assetExample([...APPROVED, 'paid: true', FEE, VALUATION]),
    },
  },
});

export const paidValuationRule = paidRecordRule({
  id: 'DA-AUTH-004',
  key: 'valuation',
  value: { method: PLACEHOLDER, ref: PLACEHOLDER },
  refine: (item) => {
    const ref = textAt(mapAt(item, 'valuation'), 'ref');
    return ref ? { messageId: 'missingAssetValued', args: { ref } } : undefined;
  },
  meta: {
    messages: {
      missing: {
        'zh-CN': '向“{entity}”的授权是有偿的（paid: true），但没有资产权益评估（valuation）：有偿使用须先依规评估，请写明评估方法和评估报告编号',
        en: 'The authorization to "{entity}" is paid (paid: true) but has no evaluation of the asset\'s rights and interests (valuation): paid use requires one; give the valuation method and report number',
      },
      missingAssetValued: {
        'zh-CN': '向“{entity}”的授权是有偿的（paid: true），但没有资产权益评估（valuation）：请写明评估方法和评估报告编号；如果资产的评估报告 {ref} 涵盖本次授权，可以引用它',
        en: 'The authorization to "{entity}" is paid (paid: true) but has no evaluation of the asset\'s rights and interests (valuation): give the valuation method and report number; if the asset\'s valuation report {ref} covers this authorization, cite it',
      },
      fix: { 'zh-CN': '添加资产权益评估（方法、报告编号待填写）', en: 'Add the valuation (method and report number to fill in)' },
    },
    docs: {
      description: {
        'zh-CN': '有偿授权（paid: true）须在 valuation 中写明资产权益评估：评估方法（收益法、成本法、市场法）和评估报告编号。',
        en: 'A paid authorization (paid: true) records, in valuation, the evaluation of the asset\'s rights and interests: method (收益法 income, 成本法 cost, 市场法 market) and report number.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（四）条：各部门及所属单位向外授权有偿使用数据资产的，要严格按照资产管理权限履行审批程序，并按照国家规定对资产相关权益进行评估。评估报告是定价的依据，也是防止国有资产流失的凭证。',
        en: 'Clause (4) of 财资〔2024〕1号: a department or unit that authorises paid use of a data asset strictly follows the approval procedure and has the asset\'s rights and interests evaluated under national rules. The valuation report is the basis of the price and the record that no state asset was given away.',
      },
      example: assetExample([...APPROVED, 'paid: true', FEE]),
      fixedExample: assetExample([...APPROVED, 'paid: true', FEE, VALUATION]),
    },
  },
});

// ------------------------------------------------------------------------------------------------ rights

/** Names stewards write for one of the two rights, after removing spaces and a leading 数据. */
const MEANT_RIGHT: Record<string, string> = {
  加工使用权: PROCESSING_RIGHT,
  产品经营权: OPERATION_RIGHT,
  经营权: OPERATION_RIGHT,
};

/** Rights the unit keeps: the holding (ownership) of the data resource itself. */
const RETAINED = /所有权|持有权/;

function meantRight(value: string): string | undefined {
  return MEANT_RIGHT[value.replace(/\s+/g, '').replace(/^数据/, '')];
}

export const authorisableRightsRule: Rule = {
  meta: {
    id: 'DA-AUTH-005',
    clause: CLAUSE,
    severity: 'error',
    replacesSchemaAt: ['/assets/*/authorizations/*/rights/*'],
    messages: {
      retained: {
        'zh-CN': '向“{entity}”授予了“{right}”：数据资源的持有权（所有权）由本单位保留，不能授权；可以授权运营主体的只有数据加工使用权和数据产品经营权',
        en: 'The authorization to "{entity}" grants "{right}": the holding (ownership) of the data resource stays with the unit and cannot be authorised; only 数据加工使用权 (data processing and use right) and 数据产品经营权 (data product operation right) may be granted to an operating entity',
      },
      notAuthorisable: {
        'zh-CN': '向“{entity}”授予的“{right}”不是可以授权的权利：只有数据加工使用权和数据产品经营权可以授权运营主体，请改为其中之一或删除这一项',
        en: 'The authorization to "{entity}" grants "{right}", which cannot be authorised: only 数据加工使用权 (data processing and use right) and 数据产品经营权 (data product operation right) may be granted; change it to one of them or remove it',
      },
      misnamed: {
        'zh-CN': '向“{entity}”授予的“{right}”应写作规范名称“{expected}”：可以授权的只有数据加工使用权和数据产品经营权',
        en: 'The authorization to "{entity}" grants "{right}": write its standard name "{expected}"; only 数据加工使用权 and 数据产品经营权 may be authorised',
      },
      duplicate: {
        'zh-CN': '向“{entity}”授予的“{right}”与列表中的“{expected}”是同一项权利，请删除这一项',
        en: 'The authorization to "{entity}" lists "{right}", the same right as "{expected}" already in the list: remove this entry',
      },
      fix: { 'zh-CN': '改为“{expected}”', en: 'Change to "{expected}"' },
    },
    docs: {
      description: {
        'zh-CN': '授权的权利（rights）只能是数据加工使用权和数据产品经营权；写成简称的可自动改为规范名称。',
        en: 'The rights granted (rights) are only 数据加工使用权 (data processing and use right) and 数据产品经营权 (data product operation right); a short name for one of them can be corrected automatically.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（四）条：经安全评估并按资产管理权限审批后，可将数据加工使用权、数据产品经营权授权运营主体进行运营。数据资源持有权（所有权）属于持有数据的单位，不在可授权之列；写成其他权利，授权的范围就无法核对。只有当简称明确指向其中一项时（如“加工使用权”“产品经营权”）才自动修正。',
        en: 'Clause (4) of 财资〔2024〕1号: after a security assessment and an approval within the asset-management authority, the data-processing-and-use right and the data-product operation right may be authorised to an operating entity. Holding (ownership) of the data resource belongs to the unit and is not among them; any other right leaves the scope of the authorization uncheckable. A fix is offered only where a short name clearly means one of the two (e.g. 加工使用权, 产品经营权).',
      },
      example: assetExample(['rights: [数据所有权, 数据加工使用权]', PERIOD, ASSESSMENT, APPROVAL]),
      fixedExample: assetExample(APPROVED),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    for (const { map, index } of authorizationsOf(item)) {
      const rights = seqAt(map, 'rights');
      if (rights) checkRights(rights, map, `${scope.path}/authorizations/${index}/rights`, context);
    }
  },
};

function checkRights(rights: SeqNode, authorization: MapNode, path: string, context: RuleContext): void {
  const listed = new Set(rights.items.map((node) => (node.type === 'scalar' && typeof node.value === 'string' ? node.value.trim() : '')));
  const meta = authorisableRightsRule.meta;
  rights.items.forEach((node, position) => {
    // Non-text items are the schema's type errors.
    if (node.type !== 'scalar' || typeof node.value !== 'string') return;
    const right = node.value.trim();
    if (AUTHORISABLE_RIGHTS.includes(right)) return;
    const expected = meantRight(right);
    const base = { span: node.span, path: `${path}/${position}` };
    const args = { entity: entityOf(authorization), right, expected: expected ?? '' };
    const data = { entity: textAt(authorization, 'entity'), value: right, allowed: AUTHORISABLE_RIGHTS, expected };
    if (!expected) {
      context.report({ ...base, messageId: RETAINED.test(right) ? 'retained' : 'notAuthorisable', args, data });
    } else if (listed.has(expected)) {
      context.report({ ...base, messageId: 'duplicate', args, data });
    } else {
      // Two short names for the same right: fix the first, the second becomes a duplicate once fixed.
      listed.add(expected);
      const title = fill(meta.messages.fix, { expected });
      context.report({ ...base, messageId: 'misnamed', args, data, fix: { title, edits: [replaceScalar(context.file.text, node, expected)] } });
    }
  });
}

// ------------------------------------------------------------------------------------------------ guarantee

export const guaranteeRule: Rule = {
  meta: {
    id: 'DA-AUTH-006',
    clause: CLAUSE,
    severity: 'error',
    replacesSchemaAt: ['/assets/*/guarantee'],
    messages: {
      guarantee: {
        'zh-CN': '资产“{asset}”记有担保（guarantee）：数据资产不得用于担保，也不得借此新增政府隐性债务。请解除这项担保安排；登记中的这条记录如何处理（删除或另行存档说明）由单位决定',
        en: 'Asset "{asset}" records a guarantee (guarantee): data assets must never be used as a guarantee or to create hidden government debt. Undo the guarantee arrangement; how to handle this record in the register (remove it, or archive it with an explanation) is the unit\'s decision',
      },
    },
    docs: {
      description: {
        'zh-CN': '数据资产登记中不能出现担保（guarantee）：无论写了什么，都是错误。',
        en: 'A data asset never carries a guarantee (guarantee): whatever it holds, its presence is an error.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（四）条：数据资产不得用于担保，不得新增政府隐性债务。出现担保记录说明资产可能已被违规使用，需要单位纠正；删除记录不会解除担保本身，所以本规则不提供自动修复。',
        en: 'Clause (4) of 财资〔2024〕1号: data assets are not used as guarantees and do not create new hidden government debt. A guarantee record means the asset may have been misused, which the unit must put right; deleting the record would not undo the guarantee, so no automatic fix is offered.',
      },
      example: assetExample(APPROVED, ['guarantee:', '  creditor: 某商业银行', '  contract: DB-2024-0007']),
      fixedExample: assetExample(APPROVED),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const entry = getEntry(item, 'guarantee');
    if (!entry) return;
    context.report({
      messageId: 'guarantee',
      span: entry.keySpan,
      args: { asset: assetLabel(item) },
      path: `${scope.path}/guarantee`,
      data: { asset: textAt(item, 'id') },
    });
  },
};

// ------------------------------------------------------------------------------------------------ dates

export const authorizationOrderRule: Rule = {
  meta: {
    id: 'DA-AUTH-007',
    clause: CLAUSE,
    severity: 'error',
    messages: {
      assessmentAfterStart: {
        'zh-CN': '向“{entity}”的授权 {start} 开始，安全评估却在 {assessed} 才完成：安全评估须在授权之前完成，请核对日期',
        en: 'The authorization to "{entity}" started on {start}, but its security assessment was completed only on {assessed}: the assessment must come before the authorization; check the dates',
      },
      approvalAfterStart: {
        'zh-CN': '向“{entity}”的授权 {start} 开始，审批却在 {approved} 才作出：须先按资产管理权限审批，再授权，请核对日期',
        en: 'The authorization to "{entity}" started on {start}, but its approval was given only on {approved}: it must be approved within the asset-management authority before it starts; check the dates',
      },
      assessmentAfterApproval: {
        'zh-CN': '向“{entity}”的授权先审批（{approved}）后做安全评估（{assessed}）：应先完成安全评估，再据评估结果报批',
        en: 'The authorization to "{entity}" was approved ({approved}) before its security assessment ({assessed}): the assessment should come first and inform the approval',
      },
    },
    docs: {
      description: {
        'zh-CN': '授权的先后顺序：安全评估和审批都不晚于授权开始日期（period.start）；安全评估晚于审批时给出警告。只比较写成有效 YYYY-MM-DD 的日期。',
        en: 'The order of events of an authorization: the security assessment and the approval are dated no later than its start (period.start); an assessment dated after the approval is a warning. Only valid YYYY-MM-DD dates are compared.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（四）条：数据加工使用权、数据产品经营权须“经安全评估并按资产管理权限审批后”方可授权运营主体。授权开始之后才评估或审批，说明授权时并未履行程序；评估晚于审批，则审批没有以评估结果为依据。日期有误时请更正日期，属实的须补办程序，所以本规则不提供自动修复。',
        en: 'Clause (4) of 财资〔2024〕1号: the two rights are authorised to an operating entity only "after a security assessment and an approval within the asset-management authority". An assessment or approval dated after the start means the authorization went ahead without them; an assessment after the approval means the approval did not rest on it. A wrong date is corrected by the steward, a true one calls for the procedure to be redone, so no automatic fix is offered.',
      },
      example: assetExample([RIGHTS, PERIOD, 'securityAssessment: { ref: AQPG-2024-03, date: 2024-06-20 }', APPROVAL]),
      fixedExample: assetExample(APPROVED),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    for (const { map, index } of authorizationsOf(item)) checkOrder(map, `${scope.path}/authorizations/${index}`, context);
  },
};

function checkOrder(authorization: MapNode, path: string, context: RuleContext): void {
  const assessedNode = scalarAt(mapAt(authorization, 'securityAssessment'), 'date');
  const approvedNode = scalarAt(mapAt(authorization, 'approval'), 'date');
  const start = calendarDate(scalarAt(mapAt(authorization, 'period'), 'start'));
  const assessed = calendarDate(assessedNode);
  const approved = calendarDate(approvedNode);
  const assessedLate = Boolean(start && assessed && assessed > start);
  const approvedLate = Boolean(start && approved && approved > start);
  const assessedAfterApproval = !assessedLate && Boolean(assessed && approved && assessed > approved);
  if (!assessedLate && !approvedLate && !assessedAfterApproval) return;
  const args = { entity: entityOf(authorization), start: start ?? '', assessed: assessed ?? '', approved: approved ?? '' };
  const data = { entity: textAt(authorization, 'entity'), start, assessed, approved };
  if (assessedLate) {
    context.report({ messageId: 'assessmentAfterStart', span: assessedNode!.span, args, path: `${path}/securityAssessment/date`, data });
  }
  if (approvedLate) {
    context.report({ messageId: 'approvalAfterStart', span: approvedNode!.span, args, path: `${path}/approval/date`, data });
  }
  // One finding per date: an assessment already reported as after the start is not reported again.
  if (assessedAfterApproval) {
    context.report({ messageId: 'assessmentAfterApproval', span: assessedNode!.span, severity: 'warning', args, path: `${path}/securityAssessment/date`, data });
  }
}

export const authorizationPeriodRule: Rule = {
  meta: {
    id: 'DA-AUTH-008',
    clause: CLAUSE,
    severity: 'error',
    messages: {
      endBeforeStart: {
        'zh-CN': '向“{entity}”的授权期限结束于 {end}，早于开始日期 {start}：请核对授权期限',
        en: 'The authorization to "{entity}" ends on {end}, before it starts on {start}: check the period',
      },
      expired: {
        'zh-CN': '向“{entity}”的授权已于 {end} 到期：如继续授权，须重新评估、审批后续期并更新期限；如已终止，请确认运营主体已停止使用数据，并在登记中注明授权已结束',
        en: 'The authorization to "{entity}" expired on {end}: to continue it, renew it after a new assessment and approval and update the period; if it has ended, make sure the entity has stopped using the data and note the end in the register',
      },
    },
    docs: {
      description: {
        'zh-CN': '授权期限（period）的结束日期不早于开始日期；已过结束日期的授权（资产未处置时）给出提示。',
        en: 'An authorization\'s period ends no earlier than it starts; an authorization past its end date is noted (unless the asset has been disposed of).',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（四）条：运营主体应当在授权范围内运营，授权期限是授权范围的一部分。结束早于开始的期限无法执行；过期后仍登记为有效授权，会让运营超出授权范围而不被察觉。已处置的资产不再提示到期。',
        en: 'Clause (4) of 财资〔2024〕1号: the operating entity operates within the scope of its authorization, and the period is part of that scope. A period that ends before it starts cannot be applied; an expired authorization still recorded as current hides operation beyond the authorization. Assets already disposed of are not reminded of expiry.',
      },
      example: assetExample([RIGHTS, 'period: { start: 2024-06-01, end: 2024-05-31 }', ASSESSMENT, APPROVAL]),
      fixedExample: assetExample(APPROVED),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const disposed = has(item, 'disposal');
    for (const { map, index } of authorizationsOf(item)) {
      const period = mapAt(map, 'period');
      const endNode = scalarAt(period, 'end');
      const start = calendarDate(scalarAt(period, 'start'));
      const end = calendarDate(endNode);
      if (!endNode || !end) continue;
      const args = { entity: entityOf(map), start: start ?? '', end };
      const base = { span: endNode.span, args, path: `${scope.path}/authorizations/${index}/period/end`, data: { entity: textAt(map, 'entity'), start, end } };
      if (start && end < start) context.report({ ...base, messageId: 'endBeforeStart' });
      else if (end < context.today && !disposed) context.report({ ...base, messageId: 'expired', severity: 'info' });
    }
  },
};

// ------------------------------------------------------------------------------------------------ free with a fee

export const feeWithoutPaidRule: Rule = {
  meta: {
    id: 'DA-AUTH-009',
    clause: CLAUSE,
    severity: 'warning',
    messages: {
      free: {
        'zh-CN': '向“{entity}”的授权标为无偿（paid: false），却记有收费（fee）：如果收费，请改为 paid: true 并补全资产权益评估（valuation）；如果无偿，请删除 fee',
        en: 'The authorization to "{entity}" is marked free (paid: false) yet records a fee (fee): if it is charged, set paid: true and add the valuation; if it is free, remove the fee',
      },
      unstated: {
        'zh-CN': '向“{entity}”的授权记有收费（fee），但没有写明是否有偿（paid）：如果收费，请添加 paid: true 并补全资产权益评估（valuation）；如果无偿，请删除 fee',
        en: 'The authorization to "{entity}" records a fee (fee) but does not say whether it is paid (paid): if it is charged, add paid: true and the valuation; if it is free, remove the fee',
      },
    },
    docs: {
      description: {
        'zh-CN': '未标为有偿（paid 为 false 或未填写）的授权不应记有收费（fee，金额为 0 的除外）。',
        en: 'An authorization not marked paid (paid false or absent) records no fee (fee), unless the amount is 0.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（四）条：有偿使用须履行审批程序并评估资产权益。收了费却不标有偿，有偿授权的审批和评估要求就会被绕过，收益也可能游离于第（七）条规定的管理之外。哪一处写错只有数据管理者知道，所以本规则不提供自动修复。',
        en: 'Clause (4) of 财资〔2024〕1号: paid use requires approval and an evaluation of the asset\'s rights and interests. A fee on an authorization not marked paid bypasses those requirements, and the income may escape the handling clause (7) prescribes. Only the steward knows which of the two is wrong, so no automatic fix is offered.',
      },
      example: assetExample([...APPROVED, 'paid: false', FEE]),
      fixedExample: assetExample([...APPROVED, 'paid: false']),
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    for (const { map, index } of authorizationsOf(item)) {
      const paid = getEntry(map, 'paid');
      // A non-boolean `paid` is the schema's type error; `paid: true` is the consistent case.
      const messageId = !paid ? 'unstated' : paid.value.type === 'scalar' && paid.value.value === false ? 'free' : undefined;
      if (!messageId || !has(map, 'fee') || scalarAt(mapAt(map, 'fee'), 'amount')?.value === 0) continue;
      context.report({
        messageId,
        span: keySpanOf(map, 'fee')!,
        args: { entity: entityOf(map) },
        path: `${scope.path}/authorizations/${index}/fee`,
        data: { asset: textAt(item, 'id'), entity: textAt(map, 'entity'), paidStated: messageId === 'free' },
      });
    }
  },
};

export const AUTHORIZATION_RULES: Rule[] = [
  paidFeeRule,
  paidValuationRule,
  authorisableRightsRule,
  guaranteeRule,
  authorizationOrderRule,
  authorizationPeriodRule,
  feeWithoutPaidRule,
];
