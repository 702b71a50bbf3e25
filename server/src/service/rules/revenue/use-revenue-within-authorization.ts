/**
 * DA-REV-005: income from use fits the authorizations it comes from: not in a year before any of them began, not
 * far above the fees agreed for that year (clauses 7, 4).
 */
import type { MapNode, ScalarNode, YamlNode } from '../../parser/ast';
import { itemLabel, scalarAt, seqAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { notice } from '../sources';
import { revenueLines } from './common';

/**
 * A year's income from use above this multiple of the fees agreed for that year is questioned. Twice: a fee paid a
 * year late on top of the current one makes at most twice the agreed amount, whether a fee is read as yearly or as
 * the whole contract's; beyond that no reading of the agreements explains the money.
 */
export const FEE_MULTIPLE = 2;

interface Window {
  /** The first year the authorization can have been in force: its start, else its approval or assessment. */
  from?: number;
  /** Its last year, when it has an end date. */
  to?: number;
  paid: boolean;
  /** The fee amount when it is a number. */
  fee?: number;
}

/** The year of a `YYYY-MM-DD` date (an impossible day is the schema's finding, its year is still the year). */
function yearOf(node: ScalarNode | undefined): number | undefined {
  const text = node && typeof node.value === 'string' ? node.value.trim() : '';
  return ISO_DATE.test(text) ? Number(text.slice(0, 4)) : undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The first value of each key this rule reads (as getEntry finds it), in one pass over the entries. */
function windowOf(authorization: MapNode): Window {
  let period: YamlNode | undefined;
  let approval: YamlNode | undefined;
  let assessment: YamlNode | undefined;
  let fee: YamlNode | undefined;
  let paid: YamlNode | undefined;
  for (const entry of authorization.entries) {
    switch (entry.key) {
      case 'period':
        period ??= entry.value;
        break;
      case 'approval':
        approval ??= entry.value;
        break;
      case 'securityAssessment':
        assessment ??= entry.value;
        break;
      case 'fee':
        fee ??= entry.value;
        break;
      case 'paid':
        paid ??= entry.value;
        break;
    }
  }
  // Without a start, the authorization began no earlier than its approval and its security assessment.
  const approved = yearOf(scalarAt(asMap(approval), 'date'));
  const assessed = yearOf(scalarAt(asMap(assessment), 'date'));
  const bound = approved === undefined ? assessed : assessed === undefined ? approved : Math.max(approved, assessed);
  const periodMap = asMap(period);
  const from = yearOf(scalarAt(periodMap, 'start')) ?? bound;
  const amount = scalarAt(asMap(fee), 'amount')?.value;
  return {
    from,
    to: yearOf(scalarAt(periodMap, 'end')),
    // isPaid's reading (common.ts), on the value found above.
    paid: paid !== undefined && paid.type === 'scalar' && paid.value === true,
    fee: typeof amount === 'number' ? amount : undefined,
  };
}

function asMap(node: YamlNode | undefined): MapNode | undefined {
  return node && node.type === 'map' ? node : undefined;
}

function integerYear(node: ScalarNode | undefined): number | undefined {
  const value = node?.value;
  // A number is a four-digit year exactly when its text is four digits.
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1000 && value <= 9999 ? value : undefined;
  const text = node && value !== null ? String(value).trim() : '';
  return /^\d{4}$/.test(text) ? Number(text) : undefined;
}

interface YearTotal {
  year: number;
  total: number;
  first: MapNode;
  index: number;
}

export const useRevenueWithinAuthorizationRule: Rule = {
  meta: {
    id: 'DA-REV-005',
    name: 'use-revenue-within-authorization',
    sources: [notice('(7), (4)')],
    severity: 'warning',
    fixable: false,
    messages: {
      beforeAuthorization: {
        'zh-CN':
          '资产“{asset}”记有 {year} 年的使用收入，但它最早的授权 {from} 年才开始：授权开始之前不应有使用收入。请核对收入年度和授权日期，或补记更早的授权',
        en: 'Asset "{asset}" records income from use in {year}, but its earliest authorization began only in {from}: there is no income from use before an authorization begins. Check the year of the income and the dates of the authorizations, or record the earlier authorization',
      },
      aboveFees: {
        'zh-CN':
          '资产“{asset}”{year} 年的使用收入合计 {total} 元，超过当年有效的有偿授权约定收费合计（{fees} 元）的 {multiple} 倍：请核实这些收入的来源和依据——不得违规多收，也不得以授权有偿使用为名虚增财政收入',
        en: 'Asset "{asset}" records {total} yuan of income from use in {year}, more than {multiple} times the fees agreed in the paid authorizations in force that year ({fees} yuan): check where this income came from and on what basis; income must not be over-collected, nor fiscal revenue inflated in the name of authorised paid use',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '使用收入与授权相符：收入年度早于最早授权的开始年度（period.start；没有时取审批或安全评估日期中较晚者）时警告；某年的使用收入合计超过当年有效的有偿授权收费（fee.amount）合计的 2 倍时警告。授权的开始或收费无法确定时不作比较。',
        en: "Income from use matches its authorizations: a warning when its year is before the earliest authorization began (period.start, or else the later of its approval and security assessment dates), and when a year's income from use exceeds twice the fees (fee.amount) of the paid authorizations in force that year. No comparison is made where a start or a fee cannot be determined.",
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（七）条严禁违规多收、少收和隐匿收入，第（四）条严禁以授权有偿使用为名变相虚增财政收入。授权开始之前的使用收入，或远超约定收费的收入，说明收入来源或授权记录有问题，需要说明。约定收费可能按年计，也可能是整个授权期的总额：补缴上一年费用时，当年收入最多是约定收费的 2 倍，因此以 2 倍为界，超过即无论哪种理解都解释不了。这是需要核实的提示，不一定违规，所以是警告。',
        en: "Clause (7) of 财资〔2024〕1号 forbids over- and under-collection and concealment of income; clause (4) forbids inflating fiscal revenue in disguise in the name of authorised paid use. Income from use before any authorization began, or far above the agreed fees, means the origin of the income or the record of the authorizations is in question. An agreed fee may be yearly or the whole period's total: with a year's arrears paid late, a year's income is at most twice the agreed fees, hence the threshold of twice; beyond it neither reading explains the money. It is a question to answer, not necessarily a breach, hence a warning.",
      },
      example: `assets:
  - id: DA-2024-0001
    name: 公交运行监测数据集
    authorizations:
      - entity: 某市大数据运营有限公司
        rights: [数据加工使用权]
        period: { start: 2025-01-01, end: 2027-12-31 }
        paid: true
        fee: { amount: 100000 }
        valuation: { method: 收益法, ref: PG-2024-08 }
    revenue:
      - { year: 2024, source: 使用, amount: 100000, handling: 非税收入 }
      - { year: 2025, source: 使用, amount: 350000, handling: 非税收入 }`,
      fixedExample: `assets:
  - id: DA-2024-0001
    name: 公交运行监测数据集
    authorizations:
      - entity: 某市大数据运营有限公司
        rights: [数据加工使用权]
        period: { start: 2025-01-01, end: 2027-12-31 }
        paid: true
        fee: { amount: 100000 }
        valuation: { method: 收益法, ref: PG-2024-08 }
    revenue:
      - { year: 2025, source: 使用, amount: 100000, handling: 非税收入 }`,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const lines = revenueLines(item, scope);
    let fromUse = false;
    for (const line of lines) if (line.source === '使用') fromUse = true;
    if (!fromUse) return;
    // Plain loops: this rule runs on most assets of a register with paid authorizations (bench/README.md).
    const windows: Window[] = [];
    const authorizations = seqAt(item, 'authorizations');
    if (authorizations) for (const node of authorizations.items) if (node.type === 'map') windows.push(windowOf(node));
    // No authorization at all is DA-REV-003's finding.
    if (windows.length === 0) return;
    // One authorization whose start cannot be known could have begun at any time: no comparison then.
    let earliest: number | undefined = Infinity;
    for (const w of windows) {
      if (w.from === undefined) {
        earliest = undefined;
        break;
      }
      earliest = Math.min(earliest, w.from);
    }
    // By year, in the order of each year's first line.
    const totals: YearTotal[] = [];
    for (const line of lines) {
      if (line.source !== '使用') continue;
      const yearNode = scalarAt(line.map, 'year');
      const year = integerYear(yearNode);
      if (year === undefined) continue;
      if (earliest !== undefined && year < earliest) {
        context.report({
          messageId: 'beforeAuthorization',
          span: yearNode!.span,
          args: { asset: itemLabel(item), year, from: earliest },
          path: `${scope.path}/revenue/${line.index}/year`,
          data: { asset: textAt(item, 'id'), year, earliestAuthorization: earliest },
        });
        continue;
      }
      const amount = scalarAt(line.map, 'amount')?.value;
      if (typeof amount !== 'number') continue;
      const known = totals.find((t) => t.year === year);
      if (known) known.total += amount;
      else totals.push({ year, total: amount, first: line.map, index: line.index });
    }
    for (const { year, total, first, index } of totals) {
      const fees = agreedFees(windows, year);
      // A fee of 0 on a paid authorization is DA-AUTH-011's finding.
      if (!fees || total <= fees * FEE_MULTIPLE) continue;
      context.report({
        messageId: 'aboveFees',
        span: (scalarAt(first, 'amount') ?? scalarAt(first, 'year'))!.span,
        args: { asset: itemLabel(item), year, total, fees, multiple: FEE_MULTIPLE },
        path: `${scope.path}/revenue/${index}/amount`,
        data: { asset: textAt(item, 'id'), year, total, fees, multiple: FEE_MULTIPLE },
      });
    }
  },
};

/** The fees of the paid authorizations in force in `year`; undefined when none is paid or a fee is unknown. */
function agreedFees(windows: Window[], year: number): number | undefined {
  let fees = 0;
  let paid = 0;
  for (const w of windows) {
    if (!w.paid || (w.from !== undefined && w.from > year) || (w.to !== undefined && w.to < year)) continue;
    if (w.fee === undefined) return undefined;
    fees += w.fee;
    paid++;
  }
  return paid > 0 ? fees : undefined;
}
