/**
 * The report's charts, drawn by Apache ECharts' server-side SVG renderer (no browser, no DOM): the grade and
 * classification-code distributions, revenue by year and authorizations by the year they start, for the roll-up
 * and for each unit. Each chart is an SVG string the HTML report inlines; a chart with no data is not drawn.
 *
 * ECharts is loaded on the first chart, not with the service: `steward validate` and the language server's start
 * never compile it (test/report-html.test.ts checks the bundles).
 */
import type { Locale } from '../types';
import type { AmountBy, CodeFigures, Distributions, Tally } from './model';
import { orderedTallies } from './tables';

type EChartsCore = typeof import('echarts/core');
type EChartsOption = Parameters<ReturnType<EChartsCore['init']>['setOption']>[0];

/** The fonts of the report's text, so that chart labels match it (Chinese first, then Latin fallbacks). */
export const REPORT_FONTS =
  'Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, WenQuanYi Zen Hei, sans-serif';

/** The colors of the grades, in the regulations' order (core, important, general); not recorded grey. */
const GRADE_COLORS: Record<string, string> = {
  核心数据: '#c23531',
  重要数据: '#e98f36',
  一般数据: '#3f7cc4',
  '': '#9aa0a6',
};
const BAR_COLOR = '#3f7cc4';
const REVENUE_COLOR = '#2f9e6b';
const AUTHORIZATION_COLOR = '#7b5ea7';
const TEXT_COLOR = '#333';

/** A chart's width in CSS pixels: half the A4 page's text width, so that two charts stand side by side at 1:1. */
const WIDTH = 340;

let echarts: EChartsCore | undefined;

/** ECharts' core with the bar and pie charts, the grid and the SVG renderer, loaded once. */
function loadECharts(): EChartsCore {
  if (echarts) return echarts;
  const core = require('echarts/core') as EChartsCore;
  require('echarts/lib/chart/bar');
  require('echarts/lib/chart/pie');
  require('echarts/lib/component/grid');
  const { SVGRenderer } = require('echarts/renderers') as typeof import('echarts/renderers');
  core.use([SVGRenderer]);
  echarts = core;
  return core;
}

/** One chart: the SVG markup, or null when there is nothing to draw. */
export interface ReportChart {
  /** Unique in the report: `rollup-chart-grade`, `u2-chart-revenue` ... */
  id: string;
  title: string;
  svg: string | null;
}

/** Renders an option to an SVG string, with no animation (the SVG is a still picture). */
export function renderChart(option: EChartsOption, width: number, height: number): string {
  const core = loadECharts();
  const chart = core.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: REPORT_FONTS, color: TEXT_COLOR },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const WORDS = {
  grade: { 'zh-CN': '资产按数据分级', en: 'Assets by security grade' },
  code: { 'zh-CN': '资产按分类代码', en: 'Assets by classification code' },
  revenue: { 'zh-CN': '各年度收益（元）', en: 'Revenue by year (CNY)' },
  authorizations: { 'zh-CN': '各年度起始的授权数', en: 'Authorizations by the year they start' },
  notRecorded: { 'zh-CN': '未填写', en: 'not recorded' },
} as const;

function gradeChart(rows: Tally[], locale: Locale): EChartsOption {
  const data = orderedTallies(rows, 'grade')
    .filter((row) => row.assets > 0)
    .map((row) => ({
      name: row.key === '' ? WORDS.notRecorded[locale] : row.key,
      value: row.assets,
      itemStyle: { color: GRADE_COLORS[row.key] ?? BAR_COLOR },
    }));
  return {
    series: [
      {
        type: 'pie',
        radius: ['28%', '52%'],
        percentPrecision: 1,
        center: ['50%', '52%'],
        data,
        label: { formatter: '{b}\n{c}（{d}%）', fontSize: 11, lineHeight: 15 },
        labelLine: { length: 8, length2: 8 },
      },
    ],
  };
}

/** Horizontal bars, one per code (the code and its name on the axis). */
function codeChart(rows: CodeFigures[], locale: Locale): EChartsOption {
  const shown = rows.filter((row) => row.assets > 0);
  const label = (row: CodeFigures) => {
    const code = row.code === '' ? WORDS.notRecorded[locale] : row.code;
    return row.name ? `${code} ${row.name}` : code;
  };
  return {
    grid: { left: 8, right: 32, top: 8, bottom: 8 },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: shown.map(label),
      axisLabel: { fontSize: 11, width: 150, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        data: shown.map((row) => row.assets),
        itemStyle: { color: BAR_COLOR },
        barMaxWidth: 18,
        label: { show: true, position: 'right', fontSize: 11 },
      },
    ],
  };
}

function yearBars(keys: string[], values: number[], color: string, amounts: boolean): EChartsOption {
  const amountText = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const format = (value: number) => (amounts ? amountText.format(value) : String(value));
  return {
    grid: { left: 8, right: 16, top: 24, bottom: 8 },
    xAxis: { type: 'category', data: keys, axisLabel: { fontSize: 11 } },
    yAxis: {
      type: 'value',
      minInterval: amounts ? undefined : 1,
      axisLabel: { fontSize: 10, formatter: (value: number) => format(value) },
    },
    series: [
      {
        type: 'bar',
        data: values,
        itemStyle: { color },
        barMaxWidth: 40,
        label: {
          show: true,
          position: 'top',
          fontSize: 11,
          formatter: (p: { value: unknown }) => format(Number(p.value)),
        },
      },
    ],
  };
}

/** Years in order; an unrecorded year last. */
function byYear<T extends { key: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.key.localeCompare(b.key)));
}

function revenueChart(rows: AmountBy[], locale: Locale): EChartsOption {
  const sorted = byYear(rows);
  return yearBars(
    sorted.map((row) => row.key || WORDS.notRecorded[locale]),
    sorted.map((row) => row.amount),
    REVENUE_COLOR,
    true,
  );
}

function authorizationChart(rows: Tally[], locale: Locale): EChartsOption {
  const sorted = byYear(rows);
  return yearBars(
    sorted.map((row) => row.key || WORDS.notRecorded[locale]),
    sorted.map((row) => row.assets),
    AUTHORIZATION_COLOR,
    false,
  );
}

/** The four charts of a part of the report (the roll-up's or a unit's distributions). */
export function distributionCharts(prefix: string, d: Distributions, locale: Locale): ReportChart[] {
  const chart = (
    name: keyof typeof WORDS,
    hasData: boolean,
    option: () => EChartsOption,
    height: number,
  ): ReportChart => ({
    id: `${prefix}-chart-${name}`,
    title: WORDS[name][locale],
    svg: hasData ? renderChart(option(), WIDTH, height) : null,
  });
  const codes = d.byCode.filter((row) => row.assets > 0).length;
  return [
    chart(
      'grade',
      d.byGrade.some((row) => row.assets > 0),
      () => gradeChart(d.byGrade, locale),
      280,
    ),
    chart('code', codes > 0, () => codeChart(d.byCode, locale), 32 + 24 * codes),
    chart(
      'revenue',
      d.revenueByYear.some((row) => row.amount !== 0),
      () => revenueChart(d.revenueByYear, locale),
      280,
    ),
    chart(
      'authorizations',
      d.authorizationsByYear.some((row) => row.assets > 0),
      () => authorizationChart(d.authorizationsByYear, locale),
      220,
    ),
  ];
}
