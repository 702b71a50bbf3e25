/** DA-RPT-001: an asset registered in an earlier year is in an annual state-owned asset report since (clause 11). */
import type { MapNode } from '../../parser/ast';
import { has, itemAnchor, itemLabel, mapAt, scalarAt, seqAt, textAt } from '../../tree/read';
import { isoDateOf } from '../../tree/values';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { notice } from '../sources';

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
          '资产“{asset}”于 {year} 年登记，但没有报告记录（reporting.years）：数据资产应纳入行政事业性国有资产年度报告，请写明已纳入哪些年度的报告',
        en: 'Asset "{asset}" was registered in {year} but has no reporting record (reporting.years): data assets are included in the annual report on administrative state-owned assets; list the report years that include it',
      },
      notReported: {
        'zh-CN':
          '资产“{asset}”于 {year} 年登记，但报告年度（{years}）中没有 {year} 年或以后的年度：请将它纳入国有资产年度报告，并在报告年度（reporting.years）中写明',
        en: 'Asset "{asset}" was registered in {year}, but its report years ({years}) include none from {year} on: include it in the annual state-owned asset report and list the year in reporting.years',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '登记年度（registration.date）早于今年的资产，其报告年度（reporting.years）应至少有一个不早于登记年度；没有报告记录（reporting）也提示。',
        en: 'An asset registered (registration.date) in a year before the current one lists in reporting.years at least one year from its registration year on; an asset with no reporting block is noted too.',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（十一）条：各部门及所属单位要逐步将数据资产管理情况纳入行政事业性国有资产管理情况报告。本规则提示登记以后的年度报告是否已反映该资产；“逐步”纳入，所以只作提示。',
        en: 'Clause (11) of 财资〔2024〕1号: departments and their units gradually include data asset management in their reports on the management of administrative state-owned assets. This rule notes whether the annual reports after registration reflect the asset; the inclusion is gradual, so it is information only.',
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
    const args = { asset: itemLabel(item), year };
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
