/** The report as Markdown: a heading per section, a table per table (empty tables say so). */
import type { Locale } from '../types';
import type { DataAssetReport } from './model';
import { cellType, reportSections } from './tables';
import { cellText } from './text';

function escape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function reportMarkdown(report: DataAssetReport, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const lines: string[] = [
    zh ? `# ${report.year} 年度数据资产报告` : `# Data asset report ${report.year}`,
    '',
    zh
      ? `截至 ${report.asOf}，${report.rollUp.units} 个单位。依据：财资〔2024〕1号 第（十一）条。`
      : `As of ${report.asOf}, ${report.rollUp.units} unit(s). Basis: the notice 财资〔2024〕1号, clause (11).`,
  ];
  for (const section of reportSections(report, locale)) {
    lines.push('', `## ${escape(section.title)}`);
    if (section.subtitle) lines.push('', escape(section.subtitle));
    for (const table of section.tables) {
      lines.push('', `### ${escape(table.title)}`, '');
      if (table.rows.length === 0) {
        lines.push(zh ? '（无）' : '(none)');
        continue;
      }
      lines.push(`| ${table.columns.map((c) => escape(c.header)).join(' | ')} |`);
      lines.push(`|${table.columns.map((c) => (c.type === 'text' || c.type === 'date' ? '---' : '---:')).join('|')}|`);
      table.rows.forEach((row, r) =>
        lines.push(`| ${row.map((cell, c) => escape(cellText(cell, cellType(table, r, c)))).join(' | ')} |`),
      );
      if (table.note) lines.push('', `_${escape(table.note)}_`);
    }
  }
  return `${lines.join('\n')}\n`;
}
