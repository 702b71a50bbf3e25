/**
 * DA-AUTH-005: only the data-processing-and-use right and the data-product operation right are authorised
 * (clause 4); a short name for one of them is corrected.
 */
import { fillText } from '../../i18n/template';
import type { MapNode, SeqNode } from '../../parser/ast';
import { replaceScalar } from '../../edit/yaml-edit';
import { seqAt, textAt } from '../../tree/read';
import type { ItemScope, Rule, RuleContext } from '../rule';
import {
  APPROVAL,
  APPROVED,
  ASSESSMENT,
  assetExample,
  authorizationsOf,
  SOURCES,
  entityOf,
  OPERATION_RIGHT,
  PERIOD,
  PROCESSING_RIGHT,
} from './common';

const AUTHORISABLE_RIGHTS = [PROCESSING_RIGHT, OPERATION_RIGHT];

/** Names stewards write for one of the two rights, after removing spaces and a leading 数据. */
const MEANT_RIGHT: Record<string, string> = {
  加工使用权: PROCESSING_RIGHT,
  产品经营权: OPERATION_RIGHT,
  经营权: OPERATION_RIGHT,
};

/** Rights not among the two clause (4) lets a unit authorise: the holding right (数据资源持有权), or "ownership" as some write it. */
const RETAINED = /所有权|持有权/;

function meantRight(value: string): string | undefined {
  return MEANT_RIGHT[value.replace(/\s+/g, '').replace(/^数据/, '')];
}

export const authorisableRightsRule: Rule = {
  meta: {
    id: 'DA-AUTH-005',
    name: 'only-authorisable-rights',
    sources: SOURCES,
    severity: 'error',
    fixable: true,
    replacesSchemaAt: ['/assets/*/authorizations/*/rights/*'],
    messages: {
      retained: {
        'zh-CN':
          '向“{entity}”授予了“{right}”：数据资源持有权由本单位依法持有，不在可授权之列；可以授权运营主体的只有数据加工使用权和数据产品经营权',
        en: 'The authorization to "{entity}" grants "{right}": the data resource holding right (数据资源持有权) stays with the unit that holds the data and is not among the rights that may be authorised; only 数据加工使用权 (data processing and use right) and 数据产品经营权 (data product operation right) may be granted to an operating entity',
      },
      notAuthorisable: {
        'zh-CN':
          '向“{entity}”授予的“{right}”不是可以授权的权利：只有数据加工使用权和数据产品经营权可以授权运营主体，请改为其中之一或删除这一项',
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
        'zh-CN':
          '财资〔2024〕1号第（四）条：经安全评估并按资产管理权限审批后，可将数据加工使用权、数据产品经营权授权运营主体进行运营。可以授权的只有这两项；数据资源持有权由依法持有数据的单位保有，不在可授权之列（数据资产是国有资产，不使用“所有权”一类说法）。写成其他权利，授权的范围就无法核对。只有当简称明确指向其中一项时（如“加工使用权”“产品经营权”）才自动修正。',
        en: 'Clause (4) of 财资〔2024〕1号: after a security assessment and an approval within the asset-management authority, the data-processing-and-use right and the data-product operation right may be authorised to an operating entity. Only these two may be authorised; the data resource holding right (数据资源持有权) stays with the unit that holds the data and is not among them (data assets are state-owned assets, so words of ownership are not used). Any other right leaves the scope of the authorization uncheckable. A fix is offered only where a short name clearly means one of the two (e.g. 加工使用权, 产品经营权).',
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
  const listed = new Set(
    rights.items.map((node) => (node.type === 'scalar' && typeof node.value === 'string' ? node.value.trim() : '')),
  );
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
      const title = fillText(meta.messages.fix, { expected });
      context.report({
        ...base,
        messageId: 'misnamed',
        args,
        data,
        fix: { title, edits: [replaceScalar(node, expected)] },
      });
    }
  });
}
