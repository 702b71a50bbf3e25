/** Counting findings by severity: the CLI's summary and exit code, the formatters' totals, the editor's status. */
import type { Finding, Severity } from './types';

export type SeverityCounts = Record<Severity, number>;

/** Adds the findings' severities to `counts` (a fresh zero count by default) and returns it. */
export function countSeverities(
  findings: Iterable<Pick<Finding, 'severity'>>,
  counts: SeverityCounts = { error: 0, warning: 0, info: 0 },
): SeverityCounts {
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}
