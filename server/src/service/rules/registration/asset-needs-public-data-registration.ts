/**
 * DA-REG-002: an asset in authorised operation records its registration as a public data resource
 * (发改数据规〔2025〕26号).
 */
import type { MapNode } from '../../parser/ast';
import { PLACEHOLDER } from '../../edit/yaml-edit';
import { setNewBlock } from '../../edit/blocks';
import { has, itemLabel, keySpanOf, mapAt, mapsOf, scalarAt, seqAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import { cite } from '../sources';

const CANCELLED = '注销登记';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The date the measures were issued and took effect: registers checked as of an earlier date are left alone. */
export const MEASURES_IN_FORCE = '2025-01-08';

const ASSET = `assets:
  - id: DA-2024-0001
    name: 公交运行监测数据集
    authorizations:
      - entity: 某市大数据运营有限公司
        rights: [数据加工使用权]
        period: { start: 2025-03-01, end: 2028-02-29 }`;

/** The entity of the first authorization in force on `today` (started, not ended), if any. */
function operatingEntity(item: MapNode, today: string): string | undefined {
  const list = seqAt(item, 'authorizations');
  if (!list) return undefined;
  for (const { map } of mapsOf(list)) {
    const period = mapAt(map, 'period');
    // ISO dates compare as text; anything else in these fields is the schema's finding and not compared.
    const start = textAt(period, 'start');
    const end = textAt(period, 'end');
    if ((ISO_DATE.test(start) && start > today) || (ISO_DATE.test(end) && end < today)) continue;
    return textAt(map, 'entity') || '?';
  }
  return undefined;
}

export const publicDataRegistrationRule: Rule = {
  meta: {
    id: 'DA-REG-002',
    name: 'asset-needs-public-data-registration',
    sources: [cite('ndrc-2025-26')],
    severity: 'warning',
    fixable: true,
    messages: {
      missing: {
        'zh-CN':
          '资产“{asset}”正授权“{entity}”运营，却没有公共数据资源登记记录（publicDataRegistration）：纳入授权运营范围的公共数据资源应当在公共数据资源登记平台登记。请写明登记编号、平台、日期和登记类型',
        en: 'Asset "{asset}" is in authorised operation by "{entity}" but records no public data resource registration (publicDataRegistration): public data resources in authorised operation are registered on a public data resource registration platform. Give the registration code, platform, date and type',
      },
      cancelled: {
        'zh-CN':
          '资产“{asset}”的公共数据资源登记已注销（注销登记），却仍授权“{entity}”运营：授权运营期间登记应当有效。请核实授权是否已终止，或重新办理登记',
        en: 'The public data resource registration of asset "{asset}" is cancelled (注销登记), yet it is still in authorised operation by "{entity}": the registration stays in force while the resource is operated. Check whether the authorization has ended, or register again',
      },
      fix: {
        'zh-CN': '添加公共数据资源登记（登记编号待填写）',
        en: 'Add the public data resource registration (code to fill in)',
      },
    },
    docs: {
      description: {
        'zh-CN':
          '有授权正在期限内（已开始、未结束）的未处置资产，须记录公共数据资源登记（publicDataRegistration）；登记类型为注销登记时也提示。办法于 2025 年 1 月 8 日印发施行，此前的日期不检查。',
        en: 'An asset not disposed of with an authorization in force (started and not ended) records its public data resource registration (publicDataRegistration); a registration of type 注销登记 (cancelled) is reported too. The measures were issued and took effect on 2025-01-08; earlier dates are not checked.',
      },
      rationale: {
        'zh-CN':
          '《公共数据资源登记管理暂行办法》（发改数据规〔2025〕26号）：直接持有或管理公共数据资源的党政机关和事业单位，应当对纳入授权运营范围的公共数据资源进行登记，登记分为首次、变更、更正和注销登记。行政事业单位依法履职或提供公共服务中形成的数据资产属于公共数据资源；按财资〔2024〕1号第（四）条授权运营主体运营的，就在授权运营范围内。登记平台在各地陆续上线，登记簿无法核实当地是否已具备登记条件，所以本规则给出警告而不是错误。',
        en: "Interim Measures for the Registration of Public Data Resources (发改数据规〔2025〕26号): the Party and government bodies and public institutions that hold or manage public data resources register those in authorised operation; registrations are first, change, correction or cancellation. A data asset formed by an administrative institution in performing its duties or providing public services is a public data resource, and one authorised to an operating entity under clause (4) of 财资〔2024〕1号 is in authorised operation. Registration platforms are still coming online region by region and a register cannot tell whether its region's is, so the rule warns rather than errs.",
      },
      example: ASSET,
      fixedExample: `${ASSET}
    publicDataRegistration:
      code: GGSJ-330100-2025-000123
      platform: 某省公共数据资源登记平台
      date: 2025-03-20
      type: 首次登记`,
    },
  },
  checkItem(item: MapNode, scope: ItemScope, context: RuleContext) {
    if (scope.kind !== 'asset' || context.today < MEASURES_IN_FORCE || has(item, 'disposal')) return;
    const entity = operatingEntity(item, context.today);
    if (entity === undefined) return;
    const registration = mapAt(item, 'publicDataRegistration');
    const args = { asset: itemLabel(item), entity };
    const data = { asset: textAt(item, 'id'), entity };
    if (registration) {
      const type = scalarAt(registration, 'type');
      if (type && textAt(registration, 'type') === CANCELLED) {
        context.report({
          messageId: 'cancelled',
          span: type.span,
          args,
          path: `${scope.path}/publicDataRegistration/type`,
          data,
        });
      }
      return;
    }
    const edit = setNewBlock(context.file.text, item, 'publicDataRegistration', { code: PLACEHOLDER });
    context.report({
      messageId: 'missing',
      span: keySpanOf(item, 'authorizations')!,
      args,
      path: `${scope.path}/publicDataRegistration`,
      data,
      fix: edit ? { title: publicDataRegistrationRule.meta.messages.fix, edits: [edit] } : undefined,
    });
  },
};
