/**
 * DA-RPT-001: an asset is in every annual state-owned asset report from its registration year (2024 at the
 * earliest) up to the last completed year (clause 11).
 */
import type { MapNode } from '../../parser/ast';
import { has, itemAnchor, itemLabel, mapAt, scalarAt, seqAt, textAt } from '../../tree/read';
import { isoDateOf } from '../../tree/values';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { notice } from '../sources';

/**
 * The first report year clause (11) asks for: the notice is dated 2024-02-05 and asks units to include data assets
 * in their annual reports from then on, so the report on 2024 is the first that must; earlier years may list them.
 */
export const FIRST_REPORT_YEAR = 2024;

/** The integer years of a YAML list, as written (`2024` or `"2024"`). */
function yearsOf(item: MapNode): number[] | undefined {
  const years = seqAt(mapAt(item, 'reporting'), 'years');
  if (!years) return undefined;
  return years.items.flatMap((node) =>
    node.type === 'scalar' && /^\d{4}$/.test(String(node.value ?? '').trim())
      ? [Number(String(node.value).trim())]
      : [],
  );
}

/** The years whose report must include the asset, as of `today`; empty when none is due yet. */
export function dueYears(registered: number, today: string, disposedYear?: number): number[] {
  const from = Math.max(registered, FIRST_REPORT_YEAR);
  // A year's report is due once the year is over; a disposed asset is last reported in its disposal year.
  const to = Math.min(Number(today.slice(0, 4)) - 1, disposedYear ?? Infinity);
  const out: number[] = [];
  for (let year = from; year <= to; year++) out.push(year);
  return out;
}

export const annualReportRule: Rule = {
  meta: {
    id: 'DA-RPT-001',
    name: 'asset-in-annual-report',
    sources: [notice('(11)')],
    severity: 'info',
    fixable: false,
    messages: {
      noReporting: {
        'zh-CN':
          '资产“{asset}”于 {year} 年登记，但没有报告记录（reporting.years）：数据资产应纳入行政事业性国有资产年度报告，{dueZh} 年度的报告都应包含它，请写明已纳入哪些年度的报告',
        en: 'Asset "{asset}" was registered in {year} but has no reporting record (reporting.years): data assets are included in the annual reports on administrative state-owned assets, and the reports for {due} should include it; list the report years that do',
      },
      missingYears: {
        'zh-CN':
          '资产“{asset}”于 {year} 年登记，报告年度（{years}）缺少 {missing}：自登记年度（最早 2024 年）起，到上一个已结束的年度为止，每年的国有资产年度报告都应包含它。请将它纳入这些年度的报告，并在报告年度（reporting.years）中写明',
        en: 'Asset "{asset}" was registered in {year}, but its report years ({years}) lack {missing}: every annual state-owned asset report from its registration year (2024 at the earliest) up to the last completed year includes it. Include it in those reports and list the years in reporting.years',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '有登记日期（registration.date）的资产，其报告年度（reporting.years）须包含从登记年度（早于 2024 年的从 2024 年起）到上一个已结束年度的每一年；已处置的资产到处置年度为止。缺少的年度逐一列出。',
        en: 'An asset with a registration date (registration.date) lists in reporting.years every year from its registration year (from 2024 for earlier registrations) up to the last completed year, or up to its disposal year once disposed. The missing years are listed.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（十一）条：将数据资产管理情况纳入行政事业性国有资产管理情况年度报告。通知于 2024 年 2 月印发，2024 年度报告是第一个应当包含数据资产的年度报告；此后每个年度结束，当年的报告都应包含仍持有的资产。只查出“有过一次报告”会漏掉中间缺报的年度，所以逐年核对。年度报告在次年编报，本规则以上一个已结束的年度为限。通知要求“逐步”纳入，所以缺报的年度作为提示列出。',
        en: "Clause (11) of 财资〔2024〕1号: data asset management is included in the annual reports on administrative state-owned assets. The notice was issued in February 2024, so the report on 2024 is the first that must include data assets; after that, each year's report includes the assets still held. Checking only that some report included the asset misses the years in between, so every year is checked. A year's report is compiled in the next year, so the rule goes up to the last completed year. The notice asks for the inclusion to be gradual, so the missing years are listed as information.",
      },
      example: `assets:
  - id: DA-2024-0005
    name: 公共交通客流起讫点分析数据集
    registration:
      cardNumber: ZCKP-330100-2024-0005
      date: 2024-04-08
    reporting:
      years: [2024]`,
      fixedExample: `assets:
  - id: DA-2024-0005
    name: 公共交通客流起讫点分析数据集
    registration:
      cardNumber: ZCKP-330100-2024-0005
      date: 2024-04-08
    reporting:
      years: [2024, 2025]`,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset') return;
    const registered = isoDateOf(scalarAt(mapAt(item, 'registration'), 'date'));
    if (!registered) return;
    const year = Number(registered.slice(0, 4));
    const disposed = isoDateOf(scalarAt(mapAt(item, 'disposal'), 'date'));
    const due = dueYears(year, context.today, disposed ? Number(disposed.slice(0, 4)) : undefined);
    if (due.length === 0) return; // no annual report is due yet
    const args = { asset: itemLabel(item), year, due: due.join(', '), dueZh: due.join('、') };
    const data = { asset: textAt(item, 'id'), registrationYear: year, due };
    if (!has(item, 'reporting')) {
      context.report({ messageId: 'noReporting', span: itemAnchor(item), args, path: `${scope.path}/reporting`, data });
      return;
    }
    const years = yearsOf(item);
    // A reporting block without a list of years is the schema's finding.
    if (!years) return;
    const missing = due.filter((y) => !years.includes(y));
    if (missing.length === 0) return;
    context.report({
      messageId: 'missingYears',
      span: seqAt(mapAt(item, 'reporting'), 'years')!.span,
      args: { ...args, years: years.join(', ') || '—', missing: missing.join(', ') },
      path: `${scope.path}/reporting/years`,
      data: { ...data, years, missing },
    });
  },
};
