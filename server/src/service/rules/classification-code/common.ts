/**
 * What the classification-code rules (DA-CODE-001..004) share: an asset's classificationCode gets one verdict
 * against the active code table (../../codes/verdict.ts), and each rule reports the verdicts that are its own.
 */
import type { MapNode, ScalarNode } from '../../parser/ast';
import { getValue } from '../../parser/ast';
import { classifyCode } from '../../codes/verdict';
import type { ItemScope, Rule, RuleContext, RuleMeta } from '../rule';
import { cite, notice } from '../sources';
import type { SourceRef } from '../sources';

/** GB/T 14885-2022 has the classes A01–A07; A08 无形资产, where data assets go, is the asset systems' extension. */
export const SOURCES: SourceRef[] = [notice('(8)'), cite('gb-t-14885-2022'), cite('asset-systems-a08')];
export const STANDARD_SOURCES: SourceRef[] = [notice('(8)'), cite('gb-t-14885-2022')];
export const A08_SOURCES: SourceRef[] = [notice('(8)'), cite('asset-systems-a08')];
export const REPLACES = ['/assets/*/classificationCode'];

export const DATA_CLASSES_ZH = 'A08060201 结构化数据、A08060202 半结构化数据或 A08060203 非结构化数据';
export const DATA_CLASSES_EN =
  'A08060201 结构化数据 (structured), A08060202 半结构化数据 (semi-structured) or A08060203 非结构化数据 (unstructured data)';

export const FIXED_EXAMPLE = `assets:
  - id: DA-2024-0001
    name: 公交运行监测数据集
    classificationCode: A08060201`;

export function example(code: string): string {
  return FIXED_EXAMPLE.replace('A08060201', code);
}

/** A rule that reports the verdicts that are its own. */
export function codeRule(meta: RuleMeta): Rule {
  return { meta, checkItem: (item, scope, context) => reportVerdict(meta.id, item, scope, context) };
}

function reportVerdict(ruleId: string, item: MapNode, scope: ItemScope, context: RuleContext): void {
  if (scope.kind !== 'asset') return;
  const node = getValue(item, 'classificationCode');
  if (!node || node.type !== 'scalar') return;
  const code = codeText(node);
  if (code === '') return;
  const found = classifyCode(code, context.codeTable);
  if (!found || found.ruleId !== ruleId) return;
  context.report({
    messageId: found.messageId,
    span: node.span,
    args: found.args,
    path: `${scope.path}/classificationCode`,
    data: found.data,
  });
}

/** The code as written: a number (an unquoted 2010 code) is read from its source text. */
function codeText(node: ScalarNode): string {
  if (node.value === null) return '';
  return (typeof node.value === 'string' ? node.value : node.source).trim();
}
