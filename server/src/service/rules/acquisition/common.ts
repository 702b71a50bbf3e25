/** What the acquisition rules (DA-ACQ-001..003, clause 3) share: the clause, the purchase method, the docs' example asset. */

import { notice } from '../sources';
import type { SourceRef } from '../sources';
export const SOURCES: SourceRef[] = [notice('(3)')];

export const PURCHASE = '购置';

/** An asset as the docs show it, with its `acquisition` lines (indented by six spaces). */
export function assetExample(acquisition: string): string {
  return `assets:
  - id: DA-2024-0005
    name: 公共交通客流起讫点分析数据集
    resource: R-330100-JT-0005
    classificationCode: A08060201
    securityGrade: 一般数据
    acquisition:
${acquisition}`;
}

export const METHOD = `      method: ${PURCHASE}\n      date: 2024-03-28`;
export const BUDGET = '      budgetReference: 2024-330100-JT-XM-017';
