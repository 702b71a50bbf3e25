/** The text of a report cell, as Markdown, HTML and the CSV files show it. */
import type { ColumnType, ReportCell } from './tables';

// Made on first use: a NumberFormat costs some 8 ms to make (ICU), and every `steward validate` loads this module.
let formats: { counts: Intl.NumberFormat; amounts: Intl.NumberFormat } | undefined;

function numberFormats(): { counts: Intl.NumberFormat; amounts: Intl.NumberFormat } {
  formats ??= {
    counts: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
    amounts: new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  };
  return formats;
}

export function cellText(value: ReportCell, type: ColumnType): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  switch (type) {
    case 'amount':
      return numberFormats().amounts.format(value);
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'count':
      return numberFormats().counts.format(value);
    default:
      return String(value);
  }
}
