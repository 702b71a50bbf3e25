/**
 * The report as tables: what Markdown, HTML, the workbook and the CSV files show, from one place. A table has an
 * id (the CSV file's and the sheet's name come from it), a title, typed columns and rows of plain values.
 */
import type { Locale } from '../types';
import type {
  AmountBy,
  AuthorizationRow,
  Comparison,
  DataAssetReport,
  Distributions,
  Figures,
  GroupRow,
  Tally,
  UnitReport,
} from './model';

export type ColumnType = 'text' | 'count' | 'amount' | 'date' | 'percent';

export interface ReportColumn {
  header: string;
  type: ColumnType;
}

export type ReportCell = string | number | null;

export interface ReportTable {
  /** Unique in the report: `u3-by-code`, `rollup-by-department` ... */
  id: string;
  /** The short name a sheet or CSV file gets (the unit's number added for a unit's tables). */
  name: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** A line under the table saying how it is counted. */
  note?: string;
  /** The type of the last column's cell in each row, where it differs by row (the overview: counts, sums, a share). */
  rowTypes?: ColumnType[];
}

/** The type of a cell: its row's (the last column of a table with `rowTypes`), else its column's. */
export function cellType(table: ReportTable, row: number, column: number): ColumnType {
  if (table.rowTypes && column === table.columns.length - 1) return table.rowTypes[row];
  return table.columns[column].type;
}

export interface ReportSection {
  id: string;
  title: string;
  /** The unit's code, type and department (a unit's section). */
  subtitle?: string;
  tables: ReportTable[];
}

type Words = Record<string, { 'zh-CN': string; en: string }>;

const WORDS = {
  notRecorded: { 'zh-CN': '（未填写）', en: '(not recorded)' },
  notInCatalog: { 'zh-CN': '（目录中未见）', en: '(not in a catalog read)' },
  item: { 'zh-CN': '项目', en: 'Item' },
  value: { 'zh-CN': '数值', en: 'Value' },
  assets: { 'zh-CN': '资产数', en: 'Assets' },
  resources: { 'zh-CN': '数据资源数', en: 'Data resources' },
  cost: { 'zh-CN': '入账成本（元）', en: 'Book cost (CNY)' },
  valuation: { 'zh-CN': '评估值（元）', en: 'Appraised value (CNY)' },
  valued: { 'zh-CN': '已评估资产数', en: 'Assets appraised' },
  revenue: { 'zh-CN': '本年收益（元）', en: 'Revenue of the year (CNY)' },
  inForce: { 'zh-CN': '年末有效授权', en: 'Authorizations in force at year end' },
  expiring: { 'zh-CN': '次年内到期的授权', en: 'Authorizations ending within the next year' },
  disposals: { 'zh-CN': '本年处置', en: 'Disposals of the year' },
  reported: { 'zh-CN': '纳入本年度报告的资产', en: 'Assets included in this year’s report' },
  coverage: { 'zh-CN': '报告覆盖率', en: 'Reporting coverage' },
  errors: { 'zh-CN': '错误', en: 'Errors' },
  warnings: { 'zh-CN': '警告', en: 'Warnings' },
  infos: { 'zh-CN': '提示', en: 'Notes' },
  units: { 'zh-CN': '单位数', en: 'Units' },
  code: { 'zh-CN': '资产分类代码', en: 'Classification code' },
  codeName: { 'zh-CN': '分类名称', en: 'Class name' },
  grade: { 'zh-CN': '数据分级', en: 'Security grade' },
  acquisition: { 'zh-CN': '取得方式', en: 'Acquisition method' },
  sharing: { 'zh-CN': '共享类型', en: 'Sharing type' },
  opening: { 'zh-CN': '开放类型', en: 'Opening type' },
  source: { 'zh-CN': '收益来源', en: 'Source' },
  handling: { 'zh-CN': '管理方式', en: 'Handling' },
  year: { 'zh-CN': '年度', en: 'Year' },
  amount: { 'zh-CN': '金额（元）', en: 'Amount (CNY)' },
  authorizations: { 'zh-CN': '授权数', en: 'Authorizations' },
  assetId: { 'zh-CN': '资产标识', en: 'Asset id' },
  assetName: { 'zh-CN': '资产名称', en: 'Asset name' },
  entity: { 'zh-CN': '运营主体', en: 'Operator' },
  rights: { 'zh-CN': '授权权利', en: 'Rights' },
  purpose: { 'zh-CN': '使用用途', en: 'Purpose' },
  start: { 'zh-CN': '起始日期', en: 'Start' },
  end: { 'zh-CN': '终止日期', en: 'End' },
  paid: { 'zh-CN': '是否有偿', en: 'Paid' },
  fee: { 'zh-CN': '授权费用（元）', en: 'Fee (CNY)' },
  method: { 'zh-CN': '处置方式', en: 'Method' },
  date: { 'zh-CN': '处置日期', en: 'Date' },
  approval: { 'zh-CN': '处置审批文号', en: 'Approval' },
  clause: { 'zh-CN': '依据', en: 'Basis' },
  ownChecks: { 'zh-CN': '本工具格式检查', en: 'This tool’s format checks' },
  yes: { 'zh-CN': '是', en: 'yes' },
  no: { 'zh-CN': '否', en: 'no' },
  department: { 'zh-CN': '主管部门', en: 'Supervising department' },
  unitType: { 'zh-CN': '单位类型', en: 'Unit type' },
  unitName: { 'zh-CN': '单位名称', en: 'Unit' },
  unitCode: { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code' },
  added: { 'zh-CN': '新增资产', en: 'Assets added' },
  removed: { 'zh-CN': '减少资产', en: 'Assets removed' },
  deltaAssets: { 'zh-CN': '资产数增减', en: 'Change in assets' },
  deltaCost: { 'zh-CN': '入账成本增减（元）', en: 'Change in book cost (CNY)' },
  deltaValuation: { 'zh-CN': '评估值增减（元）', en: 'Change in appraised value (CNY)' },
  deltaRevenue: { 'zh-CN': '收益增减（元）', en: 'Change in revenue (CNY)' },
  newUnit: { 'zh-CN': '（上年报告中无此单位）', en: '(not in last year’s report)' },
  gone: { 'zh-CN': '（本年报告中无此单位）', en: '(not in this year’s report)' },
} satisfies Words;

type Word = keyof typeof WORDS;

export class ReportWords {
  constructor(readonly locale: Locale) {}
  t(word: Word): string {
    return WORDS[word][this.locale];
  }
  key(key: string, missing: Word = 'notRecorded'): string {
    return key === '' ? this.t(missing) : key;
  }
  /** A table title: "某单位 · 按数据分级" style in Chinese, "by grade" in English. */
  title(zh: string, en: string): string {
    return this.locale === 'zh-CN' ? zh : en;
  }
}

/** Enumerations in the order the regulations list them; other values after, in code-point order. */
const ORDER: Record<string, readonly string[]> = {
  grade: ['核心数据', '重要数据', '一般数据'],
  acquisition: ['自主采集', '生产加工', '购置'],
  sharing: ['无条件共享', '有条件共享', '不予共享'],
  opening: ['无条件开放', '有条件开放', '不予开放'],
  source: ['使用', '处置'],
  handling: ['非税收入', '事业收入'],
  unitType: ['行政单位', '事业单位'],
};

function ordered<T extends { key: string }>(rows: T[], order: readonly string[]): T[] {
  const rank = (key: string) => {
    const at = order.indexOf(key);
    return key === '' ? Number.MAX_SAFE_INTEGER : at >= 0 ? at : order.length;
  };
  return [...rows].sort((a, b) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function orderedTallies(rows: Tally[], enumeration: keyof typeof ORDER): Tally[] {
  return ordered(rows, ORDER[enumeration]);
}

export function orderedAmounts(rows: AmountBy[], enumeration: keyof typeof ORDER): AmountBy[] {
  return ordered(rows, ORDER[enumeration]);
}

export function orderedGroups(rows: GroupRow[], enumeration?: keyof typeof ORDER): GroupRow[] {
  return ordered(rows, enumeration ? ORDER[enumeration] : []);
}

/** The share of the assets on the books that the year's report includes, 0–1 (null with no assets). */
export function coverage(figures: Figures): number | null {
  return figures.assets === 0 ? null : figures.reported / figures.assets;
}

function overview(id: string, name: string, w: ReportWords, figures: Figures, units?: number): ReportTable {
  const rows: Array<[Word, ReportCell, ColumnType]> = [
    ...(units === undefined ? [] : [['units', units, 'count'] as [Word, ReportCell, ColumnType]]),
    ['assets', figures.assets, 'count'],
    ['resources', figures.resources, 'count'],
    ['cost', figures.cost, 'amount'],
    ['valuation', figures.valuation, 'amount'],
    ['valued', figures.valued, 'count'],
    ['revenue', figures.revenue, 'amount'],
    ['inForce', figures.authorizationsInForce, 'count'],
    ['expiring', figures.authorizationsExpiring, 'count'],
    ['disposals', figures.disposals, 'count'],
    ['reported', figures.reported, 'count'],
    ['coverage', coverage(figures), 'percent'],
    ['errors', figures.findings.error, 'count'],
    ['warnings', figures.findings.warning, 'count'],
    ['infos', figures.findings.info, 'count'],
  ];
  return {
    id,
    name,
    title: w.title('总体情况', 'Overview'),
    columns: [
      { header: w.t('item'), type: 'text' },
      { header: w.t('value'), type: 'count' },
    ],
    rows: rows.map(([word, value]) => [w.t(word), value]),
    rowTypes: rows.map(([, , type]) => type),
  };
}

function distributionTables(prefix: string, w: ReportWords, d: Distributions): ReportTable[] {
  const tally = (
    suffix: string,
    zh: string,
    en: string,
    header: Word,
    rows: Tally[],
    missing: Word = 'notRecorded',
    count: Word = 'assets',
  ): ReportTable => ({
    id: `${prefix}-${suffix}`,
    name: suffix,
    title: w.title(zh, en),
    columns: [
      { header: w.t(header), type: 'text' },
      { header: w.t(count), type: 'count' },
    ],
    rows: rows.map((row) => [w.key(row.key, missing), row.assets]),
  });
  const money = (suffix: string, zh: string, en: string, header: Word, rows: AmountBy[]): ReportTable => ({
    id: `${prefix}-${suffix}`,
    name: suffix,
    title: w.title(zh, en),
    columns: [
      { header: w.t(header), type: 'text' },
      { header: w.t('amount'), type: 'amount' },
    ],
    rows: rows.map((row) => [w.key(row.key), row.amount]),
  });
  return [
    {
      id: `${prefix}-by-code`,
      name: 'by-code',
      title: w.title('按资产分类代码的资产数和账面情况', 'Assets and book figures by classification code'),
      columns: [
        { header: w.t('code'), type: 'text' },
        { header: w.t('codeName'), type: 'text' },
        { header: w.t('assets'), type: 'count' },
        { header: w.t('cost'), type: 'amount' },
        { header: w.t('valued'), type: 'count' },
        { header: w.t('valuation'), type: 'amount' },
      ],
      rows: d.byCode.map((row) => [w.key(row.code), row.name, row.assets, row.cost, row.valued, row.valuation]),
    },
    tally('by-grade', '按数据分级的资产数', 'Assets by security grade', 'grade', orderedTallies(d.byGrade, 'grade')),
    tally(
      'by-acquisition',
      '按取得方式的资产数',
      'Assets by acquisition method',
      'acquisition',
      orderedTallies(d.byAcquisition, 'acquisition'),
    ),
    tally(
      'by-sharing',
      '按所对应资源共享类型的资产数',
      'Assets by the sharing type of their resource',
      'sharing',
      orderedTallies(d.bySharing, 'sharing'),
      'notInCatalog',
    ),
    tally(
      'by-opening',
      '按所对应资源开放类型的资产数',
      'Assets by the opening type of their resource',
      'opening',
      orderedTallies(d.byOpening, 'opening'),
      'notInCatalog',
    ),
    tally(
      'resources-by-grade',
      '按数据分级的目录资源数',
      'Catalog resources by security grade',
      'grade',
      orderedTallies(d.resourcesByGrade, 'grade'),
      'notRecorded',
      'resources',
    ),
    tally(
      'resources-by-sharing',
      '按共享类型的目录资源数',
      'Catalog resources by sharing type',
      'sharing',
      orderedTallies(d.resourcesBySharing, 'sharing'),
      'notRecorded',
      'resources',
    ),
    tally(
      'resources-by-opening',
      '按开放类型的目录资源数',
      'Catalog resources by opening type',
      'opening',
      orderedTallies(d.resourcesByOpening, 'opening'),
      'notRecorded',
      'resources',
    ),
    money(
      'revenue-by-source',
      '本年收益按来源',
      'Revenue of the year by source',
      'source',
      orderedAmounts(d.revenueBySource, 'source'),
    ),
    money(
      'revenue-by-handling',
      '本年收益按管理方式',
      'Revenue of the year by handling',
      'handling',
      orderedAmounts(d.revenueByHandling, 'handling'),
    ),
    money('revenue-by-year', '各年度收益', 'Revenue by year', 'year', d.revenueByYear),
    tally(
      'authorizations-by-year',
      '各年度起始的授权数',
      'Authorizations by the year they start',
      'year',
      d.authorizationsByYear,
      'notRecorded',
      'authorizations',
    ),
  ];
}

function authorizationTable(id: string, name: string, title: string, w: ReportWords, rows: AuthorizationRow[]) {
  return {
    id,
    name,
    title,
    columns: [
      { header: w.t('assetId'), type: 'text' },
      { header: w.t('assetName'), type: 'text' },
      { header: w.t('entity'), type: 'text' },
      { header: w.t('rights'), type: 'text' },
      { header: w.t('purpose'), type: 'text' },
      { header: w.t('start'), type: 'date' },
      { header: w.t('end'), type: 'date' },
      { header: w.t('paid'), type: 'text' },
      { header: w.t('fee'), type: 'amount' },
    ],
    rows: rows.map((row) => [
      row.asset,
      row.assetName,
      row.entity,
      row.rights.join(w.locale === 'zh-CN' ? '、' : ', '),
      row.purpose,
      row.start || null,
      row.end || null,
      row.paid === null ? null : w.t(row.paid ? 'yes' : 'no'),
      row.fee,
    ]),
  } satisfies ReportTable;
}

const locale = (w: ReportWords): Locale => w.locale;

function unitSection(report: DataAssetReport, unit: UnitReport, index: number, w: ReportWords): ReportSection {
  const prefix = `u${index + 1}`;
  const year = report.year;
  const colon = locale(w) === 'zh-CN' ? '：' : ': ';
  const subtitle = [
    `${w.t('unitCode')}${colon}${w.key(unit.unit.code)}`,
    `${w.t('unitType')}${colon}${w.key(unit.unit.type)}`,
    `${w.t('department')}${colon}${w.key(unit.unit.supervisingDepartment)}`,
  ].join(' · ');
  return {
    id: prefix,
    title: unit.unit.name || w.t('notRecorded'),
    subtitle,
    tables: [
      overview(`${prefix}-overview`, 'overview', w, unit.figures),
      ...distributionTables(prefix, w, unit.distributions),
      authorizationTable(
        `${prefix}-in-force`,
        'in-force',
        w.title(`${year} 年末有效的授权`, `Authorizations in force at the end of ${year}`),
        w,
        unit.authorizationsInForce,
      ),
      authorizationTable(
        `${prefix}-expiring`,
        'expiring',
        w.title(`${year + 1} 年底前到期的授权`, `Authorizations ending by the end of ${year + 1}`),
        w,
        unit.authorizationsExpiring,
      ),
      {
        id: `${prefix}-disposals`,
        name: 'disposals',
        title: w.title(`${year} 年处置的资产`, `Assets disposed of in ${year}`),
        columns: [
          { header: w.t('assetId'), type: 'text' },
          { header: w.t('assetName'), type: 'text' },
          { header: w.t('method'), type: 'text' },
          { header: w.t('date'), type: 'date' },
          { header: w.t('approval'), type: 'text' },
        ],
        rows: unit.disposals.map((row) => [row.asset, row.assetName, row.method, row.date || null, row.approval]),
        note: w.title(
          '未写处置日期的处置计入本年。',
          'A disposal whose register gives no date is counted in the year.',
        ),
      },
      {
        id: `${prefix}-findings`,
        name: 'findings',
        title: w.title('检查发现的问题（按依据）', 'Compliance findings by basis'),
        columns: [
          { header: w.t('clause'), type: 'text' },
          { header: w.t('errors'), type: 'count' },
          { header: w.t('warnings'), type: 'count' },
          { header: w.t('infos'), type: 'count' },
        ],
        rows: unit.findingsByClause.map((row) => [w.key(row.clause, 'ownChecks'), row.error, row.warning, row.info]),
      },
    ],
  };
}

function figureColumns(w: ReportWords): ReportColumn[] {
  return [
    { header: w.t('assets'), type: 'count' },
    { header: w.t('resources'), type: 'count' },
    { header: w.t('cost'), type: 'amount' },
    { header: w.t('valuation'), type: 'amount' },
    { header: w.t('revenue'), type: 'amount' },
    { header: w.t('inForce'), type: 'count' },
    { header: w.t('expiring'), type: 'count' },
    { header: w.t('disposals'), type: 'count' },
    { header: w.t('coverage'), type: 'percent' },
    { header: w.t('errors'), type: 'count' },
    { header: w.t('warnings'), type: 'count' },
  ];
}

function figureCells(figures: Figures): ReportCell[] {
  return [
    figures.assets,
    figures.resources,
    figures.cost,
    figures.valuation,
    figures.revenue,
    figures.authorizationsInForce,
    figures.authorizationsExpiring,
    figures.disposals,
    coverage(figures),
    figures.findings.error,
    figures.findings.warning,
  ];
}

function groupTable(id: string, title: string, header: Word, rows: GroupRow[], w: ReportWords): ReportTable {
  return {
    id,
    name: id.replace(/^rollup-/, ''),
    title,
    columns: [{ header: w.t(header), type: 'text' }, { header: w.t('units'), type: 'count' }, ...figureColumns(w)],
    rows: rows.map((row) => [w.key(row.key), row.units, ...figureCells(row.figures)]),
  };
}

function comparisonTable(comparison: Comparison, w: ReportWords): ReportTable {
  const row = (name: string, code: string, c: Omit<Comparison['units'][number], 'unit' | 'before'>) => [
    name,
    code,
    c.added,
    c.removed,
    c.assets,
    c.cost,
    c.valuation,
    c.revenue,
  ];
  return {
    id: 'comparison',
    name: 'comparison',
    title: w.title(`与 ${comparison.previousYear} 年报告相比`, `Compared with the ${comparison.previousYear} report`),
    columns: [
      { header: w.t('unitName'), type: 'text' },
      { header: w.t('unitCode'), type: 'text' },
      { header: w.t('added'), type: 'count' },
      { header: w.t('removed'), type: 'count' },
      { header: w.t('deltaAssets'), type: 'count' },
      { header: w.t('deltaCost'), type: 'amount' },
      { header: w.t('deltaValuation'), type: 'amount' },
      { header: w.t('deltaRevenue'), type: 'amount' },
    ],
    rows: [
      row(w.title('合计', 'Total'), '', comparison),
      ...comparison.units.map((c) => row(c.unit.name + (c.before ? '' : ` ${w.t('newUnit')}`), c.unit.code, c)),
      ...comparison.unitsGone.map((unit) => [
        `${unit.name} ${w.t('gone')}`,
        unit.code,
        null,
        null,
        null,
        null,
        null,
        null,
      ]),
    ],
  };
}

/** The report's sections: the roll-up first (with the comparison when there is one), then each unit's part. */
export function reportSections(report: DataAssetReport, locale: Locale): ReportSection[] {
  const w = new ReportWords(locale);
  const r = report.rollUp;
  const rollUp: ReportSection = {
    id: 'rollup',
    title: w.title(`${report.year} 年度数据资产汇总`, `Data assets of ${report.year}: summary`),
    tables: [
      overview('rollup-overview', 'overview', w, r.totals, r.units),
      ...(report.comparison ? [comparisonTable(report.comparison, w)] : []),
      groupTable(
        'rollup-by-department',
        w.title('按主管部门汇总', 'By supervising department'),
        'department',
        orderedGroups(r.byDepartment),
        w,
      ),
      groupTable(
        'rollup-by-unit-type',
        w.title('按单位类型汇总', 'By unit type'),
        'unitType',
        orderedGroups(r.byUnitType, 'unitType'),
        w,
      ),
      {
        id: 'rollup-units',
        name: 'units',
        title: w.title('各单位情况', 'Each unit'),
        columns: [
          { header: w.t('unitName'), type: 'text' },
          { header: w.t('unitCode'), type: 'text' },
          { header: w.t('unitType'), type: 'text' },
          { header: w.t('department'), type: 'text' },
          ...figureColumns(w),
        ],
        rows: r.unitRows.map((row) => [
          row.unit.name,
          row.unit.code,
          row.unit.type,
          row.unit.supervisingDepartment,
          ...figureCells(row.figures),
        ]),
      },
      ...distributionTables('rollup', w, r.distributions),
    ],
  };
  return [rollUp, ...report.units.map((unit, index) => unitSection(report, unit, index, w))];
}
