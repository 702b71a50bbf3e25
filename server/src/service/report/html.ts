/**
 * The report as one self-contained HTML file: CSS and the charts' SVG inline, no script, no remote resource, so
 * that it opens offline, in a webview with a strict content security policy, and prints on A4 (a unit's part
 * starts a page; table rows and charts are not split). Every text from the documents is escaped.
 */
import type { Locale } from '../types';
import { distributionCharts, REPORT_FONTS } from './charts';
import type { ReportChart } from './charts';
import type { DataAssetReport, Distributions } from './model';
import { cellType, reportSections } from './tables';
import type { ReportSection, ReportTable } from './tables';
import { cellText } from './text';

const WORDS = {
  title: { 'zh-CN': '{0} 年度数据资产报告', en: 'Data asset report {0}' },
  asOf: { 'zh-CN': '统计截止日期', en: 'As of' },
  year: { 'zh-CN': '报告年度', en: 'Year' },
  units: { 'zh-CN': '单位数', en: 'Units' },
  basis: { 'zh-CN': '依据', en: 'Basis' },
  basisText: {
    'zh-CN': '财资〔2024〕1号 第（十一）条：将数据资产纳入国有资产年度报告',
    en: '财资〔2024〕1号, clause (11): data assets in the annual report on state-owned assets',
  },
  compared: { 'zh-CN': '比较基准', en: 'Compared with' },
  comparedText: { 'zh-CN': '{0} 年度报告', en: 'the {0} report' },
  contents: { 'zh-CN': '目录', en: 'Contents' },
  charts: { 'zh-CN': '图表', en: 'Charts' },
  noData: { 'zh-CN': '无数据，未绘制此图。', en: 'No data: this chart is not drawn.' },
  unitChartsLeftOut: {
    'zh-CN': '单位超过 {0} 个：图表只绘于汇总部分，各单位部分只列表格',
    en: 'More than {0} units: charts in the summary only, the units’ parts hold their tables',
  },
  none: { 'zh-CN': '（无）', en: '(none)' },
  generator: {
    'zh-CN': '由 Data Asset Steward 根据数据资源目录和数据资产登记表生成。',
    en: 'Made by Data Asset Steward from the data resource catalogs and data asset registers.',
  },
} as const;

type Word = keyof typeof WORDS;

function say(locale: Locale, word: Word, ...args: Array<string | number>): string {
  return WORDS[word][locale].replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)]));
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute value: nothing in it can open a tag, end an attribute or start an entity. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The report's CSS (a function: a module-level template would be kept in every bundle of the service). */
function style(): string {
  return `
@page { size: A4; margin: 16mm 14mm 18mm; }
@page wide { size: A4 landscape; margin: 14mm 12mm 16mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 210mm; padding: 12mm 10mm; color: #1f2328; background: #fff;
  font-family: ${REPORT_FONTS}; font-size: 10.5pt; line-height: 1.55;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
h1 { font-size: 20pt; margin: 0 0 6mm; letter-spacing: 0.02em; }
h2 { font-size: 15pt; margin: 0 0 2mm; padding-bottom: 1.5mm; border-bottom: 2px solid #3f7cc4; }
h3 { font-size: 11.5pt; margin: 6mm 0 2mm; }
h2, h3, caption { break-after: avoid; page-break-after: avoid; }
.title-block dl { display: grid; grid-template-columns: max-content 1fr; gap: 1.5mm 6mm; margin: 0; }
.title-block dt { color: #57606a; }
.title-block dd { margin: 0; }
.generator { color: #57606a; font-size: 9pt; margin-top: 4mm; }
nav.toc { margin: 8mm 0; }
nav.toc ol { margin: 0; padding-left: 6mm; }
nav.toc a { color: inherit; text-decoration: none; }
nav.toc .subtitle { color: #57606a; font-size: 9pt; }
section.part { break-before: page; page-break-before: always; padding-top: 2mm; }
.subtitle { color: #57606a; margin: 0 0 3mm; }
.charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); align-items: start; gap: 4mm; margin: 3mm 0 5mm; }
figure.chart { margin: 0; padding: 2mm; border: 1px solid #d0d7de; border-radius: 2mm; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-weight: 600; font-size: 10pt; margin-bottom: 1mm; }
figure.chart svg { display: block; width: 100%; height: auto; }
figure.chart.empty p { color: #57606a; margin: 4mm 0; }
.table { margin-bottom: 4mm; }
table { border-collapse: collapse; width: 100%; margin: 0 0 2mm; font-size: 9.5pt; }
.table.wide { page: wide; }
.table.wide table { font-size: 8pt; }
caption, p.caption { text-align: left; font-weight: 600; padding: 0 0 1.5mm; margin: 0; }
th, td { border: 1px solid #d0d7de; padding: 1mm 1.6mm; vertical-align: top; }
th { background: #f0f3f6; font-weight: 600; text-align: left; }
thead th { vertical-align: bottom; }
tbody th { font-weight: normal; min-width: 6em; }
.table.wide td:not(.num) { min-width: 5.5em; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tbody tr:nth-child(even) > * { background: #fafbfc; }
thead { display: table-header-group; }
tr, figure { break-inside: avoid; page-break-inside: avoid; }
.none, .note { color: #57606a; font-size: 9pt; margin: 0 0 4mm; }
@media screen { .table.wide { overflow-x: auto; } }
@media print { body { max-width: none; padding: 0; } a { color: inherit; } }
`;
}

function tableHtml(table: ReportTable, locale: Locale): string {
  const numeric = (type: string) => type !== 'text' && type !== 'date';
  const kind = table.columns.length > 8 ? 'table wide' : 'table';
  const caption = `<caption>${escapeHtml(table.title)}</caption>`;
  if (table.rows.length === 0)
    return `<div class="table" id="${escapeHtml(table.id)}"><p class="caption">${escapeHtml(table.title)}</p><p class="none">${say(locale, 'none')}</p></div>`;
  const head = table.columns
    .map((column) => `<th scope="col"${numeric(column.type) ? ' class="num"' : ''}>${escapeHtml(column.header)}</th>`)
    .join('');
  const body = table.rows
    .map((row, r) => {
      const cells = row.map((cell, c) => {
        const type = cellType(table, r, c);
        const text = escapeHtml(cellText(cell, type));
        return c === 0 && table.columns[0].type === 'text'
          ? `<th scope="row">${text}</th>`
          : `<td${numeric(type) ? ' class="num"' : ''}>${text}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const note = table.note ? `<p class="note">${escapeHtml(table.note)}</p>` : '';
  return `<div class="${kind}" id="${escapeHtml(table.id)}"><table>${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${note}</div>`;
}

function chartHtml(chart: ReportChart, locale: Locale): string {
  const caption = `<figcaption>${escapeHtml(chart.title)}</figcaption>`;
  // The SVG is ECharts' output: it escapes the labels it draws (test/report-html.test.ts checks a unit's name).
  if (chart.svg !== null) return `<figure class="chart" id="${escapeHtml(chart.id)}">${caption}${chart.svg}</figure>`;
  return `<figure class="chart empty" id="${escapeHtml(chart.id)}">${caption}<p>${say(locale, 'noData')}</p></figure>`;
}

/**
 * Units whose parts get their own charts: a report of more units draws the roll-up's charts only (four charts take
 * about a tenth of a second to draw, so a department of 1,000 units would wait minutes for pictures nobody pages
 * through), and says so.
 */
export const UNIT_CHARTS_LIMIT = 50;

function sectionHtml(
  section: ReportSection,
  distributions: Distributions,
  locale: Locale,
  withCharts: boolean,
): string {
  const charts = withCharts ? distributionCharts(section.id, distributions, locale) : [];
  return [
    `<section class="part" id="${escapeHtml(section.id)}">`,
    `<h2>${escapeHtml(section.title)}</h2>`,
    section.subtitle ? `<p class="subtitle">${escapeHtml(section.subtitle)}</p>` : '',
    withCharts
      ? `<div class="charts" aria-label="${say(locale, 'charts')}">${charts.map((c) => chartHtml(c, locale)).join('\n')}</div>`
      : '',
    ...section.tables.map((table) => tableHtml(table, locale)),
    '</section>',
  ].join('\n');
}

function titleBlock(report: DataAssetReport, locale: Locale): string {
  const rows: Array<[Word, string]> = [
    ['year', String(report.year)],
    ['asOf', report.asOf],
    ['units', String(report.rollUp.units)],
    ['basis', say(locale, 'basisText')],
  ];
  if (report.comparison) rows.push(['compared', say(locale, 'comparedText', report.comparison.previousYear)]);
  if (report.units.length > UNIT_CHARTS_LIMIT)
    rows.push(['charts', say(locale, 'unitChartsLeftOut', UNIT_CHARTS_LIMIT)]);
  const items = rows.map(([word, value]) => `<dt>${say(locale, word)}</dt><dd>${escapeHtml(value)}</dd>`).join('');
  return [
    '<header class="title-block">',
    `<h1>${escapeHtml(say(locale, 'title', report.year))}</h1>`,
    `<dl>${items}</dl>`,
    `<p class="generator">${say(locale, 'generator')}</p>`,
    '</header>',
  ].join('\n');
}

function contents(sections: ReportSection[], locale: Locale): string {
  const items = sections.map(
    (section) =>
      `<li><a href="#${escapeHtml(section.id)}">${escapeHtml(section.title)}</a>` +
      (section.subtitle ? ` <span class="subtitle">${escapeHtml(section.subtitle)}</span>` : '') +
      '</li>',
  );
  return `<nav class="toc"><h2>${say(locale, 'contents')}</h2><ol>\n${items.join('\n')}\n</ol></nav>`;
}

/** The report as one HTML document: title block, contents, the roll-up, then each unit's part. */
export function reportHtml(report: DataAssetReport, locale: Locale): string {
  const sections = reportSections(report, locale);
  // reportSections gives the roll-up first, then the units in the report's order.
  const distributions = [report.rollUp.distributions, ...report.units.map((unit) => unit.distributions)];
  const title = say(locale, 'title', report.year);
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale === 'zh-CN' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Data Asset Steward">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${style()}</style>`,
    '</head>',
    '<body>',
    titleBlock(report, locale),
    contents(sections, locale),
    ...sections.map((section, index) =>
      sectionHtml(section, distributions[index], locale, index === 0 || report.units.length <= UNIT_CHARTS_LIMIT),
    ),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
