/** DA-REV-003: revenue comes from a recorded authorization or disposal (clauses 7, 4). */
import type { MapNode } from '../../parser/ast';
import { has, mapsOf, scalarAt, seqAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { handlingText, isPaid, lineArgs, revenueLines } from './common';
import { cite, notice } from '../sources';

export const revenueOriginRule: Rule = {
  meta: {
    id: 'DA-REV-003',
    name: 'revenue-needs-origin',
    sources: [notice('(7), (4)'), cite('czz-2024-167')],
    severity: 'error',
    fixable: false,
    messages: {
      useWithoutAuthorization: {
        'zh-CN':
          '资产“{asset}”记有 {year} 年的使用收入，但没有任何授权使用记录（authorizations）：使用收入只能来自经安全评估和审批的授权。请补记产生这笔收入的授权，或核实收入来源——不得隐匿收入，也不得以授权使用为名虚增财政收入',
        en: 'Asset "{asset}" records income from use in {year} but has no authorization (authorizations): income from use can only come from an assessed and approved authorization. Record the authorization that produced it, or check where the money came from: revenue must not be concealed, nor fiscal revenue inflated in the name of authorised use',
      },
      useWithoutPaidAuthorization: {
        'zh-CN':
          '资产“{asset}”记有 {year} 年的使用收入，但它的授权都不是有偿授权（没有 paid: true）：若为有偿授权，请改为 paid: true 并写明收费和评估；否则请核实这笔收入的来源',
        en: 'Asset "{asset}" records income from use in {year}, but none of its authorizations is paid (no paid: true): if one is paid, set paid: true with its fee and valuation; otherwise check where this income came from',
      },
      disposalWithoutDisposal: {
        'zh-CN':
          '资产“{asset}”记有 {year} 年的处置收入，但没有处置记录（disposal）：处置收入只能来自经集体决策和审批的处置。请补记处置，或核实收入来源',
        en: 'Asset "{asset}" records disposal income in {year} but has no disposal record (disposal): disposal income can only come from a disposal decided collectively and approved. Record the disposal, or check where the money came from',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '每笔收益都要有来源：使用收入须有授权（没有授权为错误，授权均为无偿为警告），处置收入须有处置记录（没有为错误）。',
        en: 'Every revenue line has an origin: income from use needs an authorization (none at all is an error; only unpaid ones is a warning), and disposal income needs a disposal record (none is an error).',
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（七）条：任何行政事业单位及个人不得违反国家规定隐匿、截留数据资产相关收入；第（四）条：严禁借授权有偿使用数据资产的名义，变相虚增财政收入，财资〔2024〕167号对试点单位重申了这一要求。登记了收入却没有授权或处置记录，说明收入来源不清，或者授权、处置未按程序登记。',
        en: 'Clause (7) of 财资〔2024〕1号: no administrative institution or person may, against state rules, conceal or withhold income related to data assets; clause (4): fiscal revenue must never be inflated in disguise in the name of paid authorised use of data assets, which 财资〔2024〕167号 repeats for the pilot units. Revenue recorded without an authorization or a disposal means its origin is unclear, or the authorization or disposal was not recorded through the procedure.',
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
    for (const line of revenueLines(item, scope)) {
      const sourceNode = scalarAt(line.map, 'source');
      if (!sourceNode) continue;
      let messageId: string | undefined;
      let severity: 'warning' | undefined;
      if (line.source === '使用' && authorizations.length === 0) messageId = 'useWithoutAuthorization';
      else if (line.source === '使用' && !authorizations.some(({ map }) => isPaid(map)))
        [messageId, severity] = ['useWithoutPaidAuthorization', 'warning'];
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
