/** DA-REV-001: an administrative unit's revenue from data assets is handled as government non-tax revenue (clause 7). */
import type { MapNode } from '../../parser/ast';
import { replaceScalar } from '../../edit/yaml-edit';
import { textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { SOURCES, handlingText, lineArgs, NON_TAX, revenueLines, UNIT_ADMIN } from './common';

export const adminRevenueHandlingRule: Rule = {
  meta: {
    id: 'DA-REV-001',
    name: 'admin-revenue-is-non-tax',
    sources: SOURCES,
    severity: 'error',
    fixable: true,
    replacesSchemaAt: ['/assets/*/revenue/*/handling'],
    messages: {
      notNonTax: {
        'zh-CN':
          '行政单位的数据资产{sourceZh}收入应作为政府非税收入，实行国库集中收缴；资产“{asset}”{year} 年的这笔收入管理方式却是“{handling}”。请改为“非税收入”并按规定缴入国库',
        en: 'An administrative unit\'s income from the {sourceEn} of data assets is government non-tax revenue, collected centrally by the treasury; this {year} line of asset "{asset}" is handled as "{handling}". Change it to 非税收入 and pay it to the treasury',
      },
      fix: { 'zh-CN': '改为“非税收入”', en: 'Change to 非税收入 (government non-tax revenue)' },
    },
    docs: {
      description: {
        'zh-CN': '行政单位登记的每笔数据资产收益（使用或处置），管理方式都必须是“非税收入”。',
        en: "In an administrative unit's register, every revenue line (from use or disposal) is handled as 非税收入 (government non-tax revenue).",
      },
      rationale: {
        'zh-CN':
          '财资〔2024〕1号第（七）条：行政单位数据资产使用形成的收入，按照政府非税收入和国库集中收缴制度有关规定管理；处置收入除国家另有规定外，也按政府非税收入管理。严禁坐支、截留、私分、挪用。',
        en: "Clause (7) of 财资〔2024〕1号: an administrative unit's income from using data assets is managed under the rules for government non-tax revenue and treasury centralised collection; disposal income is non-tax revenue too unless the state provides otherwise. Withholding, private division, misappropriation and spending it before it is paid in (坐支) are forbidden.",
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
    for (const line of revenueLines(item, scope)) {
      const handling = handlingText(line.handling);
      if (!line.handling || handling === '' || handling === NON_TAX) continue;
      const node = line.handling;
      const edit = node.style === 'block' ? undefined : replaceScalar(node, NON_TAX);
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
