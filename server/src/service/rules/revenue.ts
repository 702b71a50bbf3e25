/**
 * DA-REV-001..004: revenue from data assets (clause 7). An administrative unit's income from use and disposal is
 * government non-tax revenue collected centrally by the treasury; a public institution's disposal income is too,
 * unless the state provides otherwise. Revenue must come from a recorded authorization or disposal, and a paid
 * authorization must show the revenue it brought in.
 */
import type { MapNode, ScalarNode } from '../parser/ast';
import { PLACEHOLDER, replaceScalar } from '../edit/yaml-edit';
import type { ItemScope, Rule, RuleContext } from './rule';
import { has, keySpanOf, mapAt, mapsOf, scalarAt, seqAt, textAt } from './helpers';
import { isoDateOf } from './security';

const CLAUSE = '财资〔2024〕1号 (7)';
const NON_TAX = '非税收入';

/** How messages name a revenue source, by its enum value. */
const SOURCE_NAMES: Record<string, { zh: string; en: string }> = {
  使用: { zh: '使用', en: 'use' },
  处置: { zh: '处置', en: 'disposal' },
};

interface RevenueLine {
  map: MapNode;
  index: number;
  source: string;
  handling: ScalarNode | undefined;
}

/** The last item's lines: the revenue rules run one after another on the same item, and read them alike. */
let recent: { item: MapNode; lines: RevenueLine[] } | undefined;

function revenueLines(item: MapNode): RevenueLine[] {
  if (recent?.item === item) return recent.lines;
  const lines = mapsOf(seqAt(item, 'revenue')).map(({ map, index }) => ({
    map,
    index,
    source: textAt(map, 'source'),
    handling: scalarAt(map, 'handling'),
  }));
  recent = { item, lines };
  return lines;
}

function assetLabel(item: MapNode): string {
  return textAt(item, 'name') || textAt(item, 'id') || '?';
}

/** The handling as written, or '' when absent or empty (the schema reports a missing handling). */
function handlingText(node: ScalarNode | undefined): string {
  if (!node || node.value === null) return '';
  return (typeof node.value === 'string' ? node.value : node.source).trim();
}

function lineArgs(item: MapNode, line: RevenueLine, handling: string): Record<string, string> {
  const source = SOURCE_NAMES[line.source];
  return {
    asset: assetLabel(item),
    year: textAt(line.map, 'year') || '?',
    sourceZh: source?.zh ?? (line.source || '?'),
    sourceEn: source?.en ?? (line.source || '?'),
    handling,
  };
}

const UNIT_ADMIN = 'unit: { name: 某市交通运输局, code: 113301000025391739, type: 行政单位 }';
const UNIT_INSTITUTION = 'unit: { name: 某市交通运输信息中心, code: 123301004703621533, type: 事业单位 }';

// ------------------------------------------------------------------------------------ DA-REV-001

export const adminRevenueHandlingRule: Rule = {
  meta: {
    id: 'DA-REV-001',
    clause: CLAUSE,
    severity: 'error',
    replacesSchemaAt: ['/assets/*/revenue/*/handling'],
    messages: {
      notNonTax: {
        'zh-CN': '行政单位的数据资产{sourceZh}收入应作为政府非税收入，实行国库集中收缴；资产“{asset}”{year} 年的这笔收入管理方式却是“{handling}”。请改为“非税收入”并按规定缴入国库',
        en: 'An administrative unit\'s income from the {sourceEn} of data assets is government non-tax revenue, collected centrally by the treasury; this {year} line of asset "{asset}" is handled as "{handling}". Change it to 非税收入 and pay it to the treasury',
      },
      fix: { 'zh-CN': '改为“非税收入”', en: 'Change to 非税收入 (government non-tax revenue)' },
    },
    docs: {
      description: {
        'zh-CN': '行政单位登记的每笔数据资产收益（使用或处置），管理方式都必须是“非税收入”。',
        en: 'In an administrative unit\'s register, every revenue line (from use or disposal) is handled as 非税收入 (government non-tax revenue).',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（七）条：行政单位数据资产使用形成的收入，按照政府非税收入和国库集中收缴制度有关规定管理；处置收入除国家另有规定外，也按政府非税收入管理。严禁坐支、截留、私分、挪用。',
        en: 'Clause (7) of 财资〔2024〕1号: an administrative unit\'s income from using data assets is managed under the rules for government non-tax revenue and treasury centralised collection; disposal income is non-tax revenue too unless the state provides otherwise. Withholding, private division, misappropriation and spending it before it is paid in (坐支) are forbidden.',
      },
      example: `${UNIT_ADMIN}
assets:
  - id: DA-2024-0001
    name: 公交运行监测数据集
    revenue:
      - year: 2024
        source: 使用
        amount: 120000
        handling: 事业收入`,
      fixedExample: `${UNIT_ADMIN}
assets:
  - id: DA-2024-0001
    name: 公交运行监测数据集
    revenue:
      - year: 2024
        source: 使用
        amount: 120000
        handling: 非税收入`,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset' || scope.unitType !== '行政单位') return;
    for (const line of revenueLines(item)) {
      const handling = handlingText(line.handling);
      if (!line.handling || handling === '' || handling === NON_TAX) continue;
      const node = line.handling;
      const edit = node.style === 'block' ? undefined : replaceScalar(context.file.text, node, NON_TAX);
      context.report({
        messageId: 'notNonTax',
        span: node.span,
        args: lineArgs(item, line, handling),
        path: `${scope.path}/revenue/${line.index}/handling`,
        data: { asset: textAt(item, 'id'), source: line.source, handling, expected: NON_TAX },
        fix: edit ? { title: adminRevenueHandlingRule.meta.messages.fix, edits: [edit] } : undefined,
      });
    }
  },
};

// ------------------------------------------------------------------------------------ DA-REV-002

export const institutionDisposalRevenueRule: Rule = {
  meta: {
    id: 'DA-REV-002',
    clause: CLAUSE,
    severity: 'warning',
    messages: {
      notNonTax: {
        'zh-CN': '事业单位的数据资产处置收入，除国家另有规定外，应作为政府非税收入实行国库集中收缴；资产“{asset}”{year} 年的处置收入管理方式却是“{handling}”。如属国家另有规定的情形，请用豁免注释写明所依据的规定（# steward-disable-next-line DA-REV-002 -- 依据……）；否则改为“非税收入”',
        en: 'A public institution\'s income from disposing of data assets is government non-tax revenue collected by the treasury unless the state provides otherwise; the {year} disposal income of asset "{asset}" is handled as "{handling}". If a state provision says otherwise, cite it in a waiver comment (# steward-disable-next-line DA-REV-002 -- per ...); if not, change it to 非税收入',
      },
    },
    docs: {
      description: {
        'zh-CN': '事业单位的处置收益（source: 处置）管理方式不是“非税收入”时提示：除国家另有规定外，处置收入应上缴国库；有例外规定的，须注明依据。使用收益按同级财政部门的规定管理，不在本规则检查之列。',
        en: 'Warns when a public institution handles disposal revenue (source: 处置) other than as 非税收入: unless the state provides otherwise, disposal income goes to the treasury, and an exception must be cited. Income from use follows the same-level finance department\'s measures and is not checked here.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（七）条：行政事业单位数据资产处置收入，按照国有资产管理的有关规定，在扣除相关税金、资产评估费等费用后，按照政府非税收入和国库集中收缴制度有关规定管理，国家另有规定的除外。',
        en: 'Clause (7) of 财资〔2024〕1号: disposal income of administrative institutions\' data assets, after related taxes and valuation fees, is managed under the rules for government non-tax revenue and treasury centralised collection, except where the state provides otherwise.',
      },
      example: `${UNIT_INSTITUTION}
assets:
  - id: DA-2019-0007
    name: 公交IC卡历史交易明细
    revenue:
      - { year: 2024, source: 处置, amount: 30000, handling: 事业收入 }`,
      fixedExample: `${UNIT_INSTITUTION}
assets:
  - id: DA-2019-0007
    name: 公交IC卡历史交易明细
    revenue:
      - { year: 2024, source: 处置, amount: 30000, handling: 非税收入 }`,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset' || scope.unitType !== '事业单位') return;
    for (const line of revenueLines(item)) {
      const handling = handlingText(line.handling);
      // A placeholder is not a decision yet: DA-TODO-001 asks for it.
      if (line.source !== '处置' || !line.handling || handling === '' || handling === NON_TAX || handling === PLACEHOLDER) continue;
      context.report({
        messageId: 'notNonTax',
        span: line.handling.span,
        args: lineArgs(item, line, handling),
        path: `${scope.path}/revenue/${line.index}/handling`,
        data: { asset: textAt(item, 'id'), source: line.source, handling },
      });
    }
  },
};

// ------------------------------------------------------------------------------------ DA-REV-003

function isPaid(authorization: MapNode): boolean {
  return scalarAt(authorization, 'paid')?.value === true;
}

export const revenueOriginRule: Rule = {
  meta: {
    id: 'DA-REV-003',
    clause: '财资〔2024〕1号 (7), (4)',
    severity: 'error',
    messages: {
      useWithoutAuthorization: {
        'zh-CN': '资产“{asset}”记有 {year} 年的使用收入，但没有任何授权使用记录（authorizations）：使用收入只能来自经安全评估和审批的授权。请补记产生这笔收入的授权，或核实收入来源——不得隐匿收入，也不得以授权使用为名虚增财政收入',
        en: 'Asset "{asset}" records income from use in {year} but has no authorization (authorizations): income from use can only come from an assessed and approved authorization. Record the authorization that produced it, or check where the money came from: revenue must not be concealed, nor fiscal revenue inflated in the name of authorised use',
      },
      useWithoutPaidAuthorization: {
        'zh-CN': '资产“{asset}”记有 {year} 年的使用收入，但它的授权都不是有偿授权（没有 paid: true）：若为有偿授权，请改为 paid: true 并写明收费和评估；否则请核实这笔收入的来源',
        en: 'Asset "{asset}" records income from use in {year}, but none of its authorizations is paid (no paid: true): if one is paid, set paid: true with its fee and valuation; otherwise check where this income came from',
      },
      disposalWithoutDisposal: {
        'zh-CN': '资产“{asset}”记有 {year} 年的处置收入，但没有处置记录（disposal）：处置收入只能来自经集体决策和审批的处置。请补记处置，或核实收入来源',
        en: 'Asset "{asset}" records disposal income in {year} but has no disposal record (disposal): disposal income can only come from a disposal decided collectively and approved. Record the disposal, or check where the money came from',
      },
    },
    docs: {
      description: {
        'zh-CN': '每笔收益都要有来处：使用收入须有授权（没有授权为错误，授权均为无偿为警告），处置收入须有处置记录（没有为错误）。',
        en: 'Every revenue line has an origin: income from use needs an authorization (none at all is an error; only unpaid ones is a warning), and disposal income needs a disposal record (none is an error).',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（七）条严禁隐匿收入、在收益分配机制之外取得收入；第（四）条严禁借授权使用之名虚增财政收入。没有授权或处置却记有收入，说明收入来源不清，或授权、处置未经程序登记。',
        en: 'Clause (7) of 财资〔2024〕1号 forbids concealing income and taking revenue outside the distribution mechanism; clause (4) forbids inflating fiscal revenue in the name of authorised use. Revenue without an authorization or a disposal means its origin is unclear, or the authorization or disposal was never recorded through the procedure.',
      },
      example: `assets:
  - id: DA-2024-0002
    name: 公交线路站点数据集
    revenue:
      - { year: 2024, source: 使用, amount: 50000, handling: 非税收入 }`,
      fixedExample: `assets:
  - id: DA-2024-0002
    name: 公交线路站点数据集
    authorizations:
      - entity: 某市大数据运营有限公司
        rights: [数据加工使用权]
        paid: true
        fee: { amount: 50000 }
        valuation: { method: 成本法, ref: PG-2024-11 }
    revenue:
      - { year: 2024, source: 使用, amount: 50000, handling: 非税收入 }`,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const authorizations = mapsOf(seqAt(item, 'authorizations'));
    for (const line of revenueLines(item)) {
      const sourceNode = scalarAt(line.map, 'source');
      if (!sourceNode) continue;
      let messageId: string | undefined;
      let severity: 'warning' | undefined;
      if (line.source === '使用' && authorizations.length === 0) messageId = 'useWithoutAuthorization';
      else if (line.source === '使用' && !authorizations.some(({ map }) => isPaid(map))) [messageId, severity] = ['useWithoutPaidAuthorization', 'warning'];
      else if (line.source === '处置' && !has(item, 'disposal')) messageId = 'disposalWithoutDisposal';
      if (!messageId) continue;
      context.report({
        messageId,
        severity,
        span: sourceNode.span,
        args: lineArgs(item, line, handlingText(line.handling)),
        path: `${scope.path}/revenue/${line.index}/source`,
        data: { asset: textAt(item, 'id'), source: line.source, authorizations: authorizations.length },
      });
    }
  },
};

// ------------------------------------------------------------------------------------ DA-REV-004

export const uncollectedRevenueRule: Rule = {
  meta: {
    id: 'DA-REV-004',
    clause: CLAUSE,
    severity: 'info',
    messages: {
      noRevenue: {
        'zh-CN': '向“{entity}”的授权是有偿的（paid: true），但资产“{asset}”没有使用收入记录（revenue 中 source: 使用）：请登记已收取的收入，防止应收未收、少收',
        en: 'The authorization to "{entity}" is paid (paid: true), but asset "{asset}" has no income from use (a revenue line with source: 使用): record what was collected, so that nothing due goes uncollected or under-collected',
      },
    },
    docs: {
      description: {
        'zh-CN': '资产有有偿授权（paid: true）却没有任何使用收入记录时提示。尚未开始的授权（period.start 晚于今天）不提示。',
        en: 'Notes an asset with a paid authorization (paid: true) but no revenue line from use. Authorizations that have not started yet (period.start after today) are left alone.',
      },
      rationale: {
        'zh-CN': '财资〔2024〕1号第（七）条要求建立收益分配机制，严禁违规不收、少收、多收。有偿授权应当在登记中看到对应的收入。',
        en: 'Clause (7) of 财资〔2024〕1号 calls for a sound revenue distribution mechanism and forbids non-collection, under-collection and over-collection. A paid authorization should show the income it brought in.',
      },
      example: `assets:
  - id: DA-2024-0001
    name: 公交运行监测数据集
    authorizations:
      - entity: 某市大数据运营有限公司
        rights: [数据加工使用权]
        paid: true
        fee: { amount: 120000 }
        valuation: { method: 收益法, ref: PG-2024-08 }`,
      fixedExample: `assets:
  - id: DA-2024-0001
    name: 公交运行监测数据集
    authorizations:
      - entity: 某市大数据运营有限公司
        rights: [数据加工使用权]
        paid: true
        fee: { amount: 120000 }
        valuation: { method: 收益法, ref: PG-2024-08 }
    revenue:
      - { year: 2024, source: 使用, amount: 120000, handling: 非税收入 }`,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    if (revenueLines(item).some((line) => line.source === '使用')) return;
    for (const { map, index } of mapsOf(seqAt(item, 'authorizations'))) {
      const paidKey = keySpanOf(map, 'paid');
      if (!isPaid(map) || !paidKey) continue;
      const start = isoDateOf(scalarAt(mapAt(map, 'period'), 'start'));
      if (start && start > context.today) continue; // not in force yet: nothing is due
      context.report({
        messageId: 'noRevenue',
        span: paidKey,
        args: { entity: textAt(map, 'entity') || '?', asset: assetLabel(item) },
        path: `${scope.path}/authorizations/${index}/paid`,
        data: { asset: textAt(item, 'id'), entity: textAt(map, 'entity') },
      });
    }
  },
};

export const REVENUE_RULES: Rule[] = [adminRevenueHandlingRule, institutionDisposalRevenueRule, revenueOriginRule, uncollectedRevenueRule];
