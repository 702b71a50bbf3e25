/**
 * Clause (11): the data-asset report of a year — one part per unit (单户表) and a roll-up across the units
 * (汇总表). The shapes here are the JSON report (`schemas/report.schema.json`, `reportVersion` 1): every other
 * format (Markdown, HTML, xlsx, CSV) is drawn from them, and a roll-up is formed from unit parts alone, so that
 * the JSON reports of many units roll up the same way as their YAML (docs/report.md).
 *
 * Amounts are in yuan (CNY), as in the registers. Dates are ISO `YYYY-MM-DD`.
 */

export const REPORT_VERSION = 1;

/** A count or sum keyed by a value of the registers (a grade, a method, a code); `key` "" when not recorded. */
export interface Tally {
  key: string;
  assets: number;
}

/** Assets and book figures of one classification code. */
export interface CodeFigures {
  code: string;
  /** The code's name in the code table, "" when the table does not know it. */
  name: string;
  assets: number;
  /** Sum of `accounting.cost`. */
  cost: number;
  /** Sum of `valuation.value`, over the assets that record one. */
  valuation: number;
  /** How many assets record a valuation. */
  valued: number;
}

export interface AuthorizationRow {
  asset: string;
  assetName: string;
  entity: string;
  rights: string[];
  purpose: string;
  start: string;
  end: string;
  paid: boolean | null;
  /** `fee.amount`, null when none is recorded. */
  fee: number | null;
}

export interface DisposalRow {
  asset: string;
  assetName: string;
  method: string;
  /** `disposal.date`, else the decision's or approval's date; "" when the register gives none. */
  date: string;
  approval: string;
}

export interface AmountBy {
  key: string;
  amount: number;
}

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

export interface ClauseFindings extends FindingCounts {
  /** The clause the rule cites (`财资〔2024〕1号 (4)`, `GB/T 43697-2024`, ...); "" for this tool's own checks. */
  clause: string;
}

/** The figures a roll-up adds up: a unit's row in the summary, and the summary's totals. */
export interface Figures {
  /** Data assets on the books at the end of the year (registered and not disposed by then). */
  assets: number;
  /** Data resources in the catalogs. */
  resources: number;
  cost: number;
  valuation: number;
  valued: number;
  /** Revenue of the year (all sources). */
  revenue: number;
  authorizationsInForce: number;
  /** In force at the end of the year and ending within the following year. */
  authorizationsExpiring: number;
  /** Disposals dated in the year (or undated). */
  disposals: number;
  /** Assets on the books whose `reporting.years` include the year. */
  reported: number;
  findings: FindingCounts;
}

export interface UnitInfo {
  name: string;
  code: string;
  type: string;
  supervisingDepartment: string;
}

/** Distributions of the assets on the books (and of the catalog's resources). */
export interface Distributions {
  byCode: CodeFigures[];
  byGrade: Tally[];
  byAcquisition: Tally[];
  /** By the sharing type of the asset's catalog resource ("" when the resource is not in any catalog read). */
  bySharing: Tally[];
  byOpening: Tally[];
  resourcesByGrade: Tally[];
  resourcesBySharing: Tally[];
  resourcesByOpening: Tally[];
  /** Revenue of the year by source (使用 / 处置) and by handling (非税收入 / 事业收入). */
  revenueBySource: AmountBy[];
  revenueByHandling: AmountBy[];
  /** Revenue of every year the registers record (for the chart of revenue by year). */
  revenueByYear: AmountBy[];
  /** Authorizations by the year they start (in force or not), for the chart of authorizations over time. */
  authorizationsByYear: Tally[];
}

export interface UnitReport {
  unit: UnitInfo;
  /** The files the unit's documents are in, as shown to the user. */
  files: string[];
  figures: Figures;
  distributions: Distributions;
  authorizationsInForce: AuthorizationRow[];
  authorizationsExpiring: AuthorizationRow[];
  disposals: DisposalRow[];
  findingsByClause: ClauseFindings[];
  /** The ids of the assets on the books (the year-over-year comparison's added assets are read from them). */
  assetIds: string[];
}

export interface GroupRow {
  /** The supervising department or the unit type; "" when not recorded. */
  key: string;
  units: number;
  figures: Figures;
}

export interface UnitRow {
  unit: UnitInfo;
  figures: Figures;
}

export interface RollUp {
  units: number;
  totals: Figures;
  byDepartment: GroupRow[];
  byUnitType: GroupRow[];
  unitRows: UnitRow[];
  distributions: Distributions;
}

export interface UnitChange {
  unit: UnitInfo;
  /** False when the unit is not in the previous report (all its assets are added). */
  before: boolean;
  added: number;
  /** Assets on the books last year that are not this year (disposed or removed from the register). */
  removed: number;
  assets: number;
  cost: number;
  valuation: number;
  revenue: number;
}

export interface Comparison {
  previousYear: number;
  added: number;
  removed: number;
  /** Deltas, this year minus the previous report's. */
  assets: number;
  cost: number;
  valuation: number;
  revenue: number;
  units: UnitChange[];
  /** Units in the previous report that this one does not have. */
  unitsGone: UnitInfo[];
}

export interface DataAssetReport {
  reportVersion: typeof REPORT_VERSION;
  kind: 'DataAssetReport';
  year: number;
  /** The end of the year: what "in force" and "on the books" are measured at. */
  asOf: string;
  units: UnitReport[];
  rollUp: RollUp;
  comparison?: Comparison;
}

/** Amounts are summed in fen (hundredths of a yuan), so that sums of decimal amounts stay exact. */
export const fen = (amount: number): number => Math.round(amount * 100);
export const yuan = (fens: number): number => fens / 100;

/** Rows by their key in code-point order, the rows whose value is not recorded ("") last. */
export function byKey(a: { key: string }, b: { key: string }): number {
  return a.key === b.key ? 0 : a.key === '' ? 1 : b.key === '' ? -1 : a.key < b.key ? -1 : 1;
}

/** A unit's key: its unified social credit code, else its name. */
export function unitKey(unit: UnitInfo): string {
  return unit.code || `name:${unit.name}`;
}

export function emptyFindings(): FindingCounts {
  return { error: 0, warning: 0, info: 0 };
}

export function emptyFigures(): Figures {
  return {
    assets: 0,
    resources: 0,
    cost: 0,
    valuation: 0,
    valued: 0,
    revenue: 0,
    authorizationsInForce: 0,
    authorizationsExpiring: 0,
    disposals: 0,
    reported: 0,
    findings: emptyFindings(),
  };
}
