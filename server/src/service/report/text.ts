/** The text of a report cell, as Markdown, HTML and the CSV files show it. */
import type { ColumnType, ReportCell } from './tables';

const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const amounts = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function cellText(value: ReportCell, type: ColumnType): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  switch (type) {
    case 'amount':
      return amounts.format(value);
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'count':
      return counts.format(value);
    default:
      return String(value);
  }
}
