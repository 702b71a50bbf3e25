/**
 * The report of a year from the documents, read item by item: each unit's part keeps counts, sums and the rows it
 * lists (authorizations, disposals), never the items themselves, so memory follows the units, not the assets.
 */
import type { CodeTable } from '../codes/table';
import type { Finding } from '../types';
import {
  byKey,
  emptyFigures,
  emptyFindings,
  fen,
  unitKey,
  yuan,
  REPORT_VERSION,
  type AmountBy,
  type AuthorizationRow,
  type ClauseFindings,
  type CodeFigures,
  type DataAssetReport,
  type DisposalRow,
  type Tally,
  type UnitInfo,
  type UnitReport,
} from './model';
import { rollUp } from './rollup';

type Plain = Record<string, unknown>;

function record(value: unknown): Plain | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Plain) : undefined;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function amount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** A date as the registers write it (a YAML date may arrive as a string or a Date). */
function date(value: unknown): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
}

class Counter {
  private readonly counts = new Map<string, number>();
  add(key: string, by = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + by);
  }
  addAll(other: Counter): void {
    for (const [key, count] of other.counts) this.add(key, count);
  }
  entries(): IterableIterator<[string, number]> {
    return this.counts.entries();
  }
  tallies(): Tally[] {
    return [...this.counts].map(([key, assets]) => ({ key, assets })).sort(byKey);
  }
  amounts(): AmountBy[] {
    return [...this.counts].map(([key, fens]) => ({ key, amount: yuan(fens) })).sort(byKey);
  }
}

interface CodeSums {
  assets: number;
  cost: number;
  valuation: number;
  valued: number;
}

/** One unit's part while the documents are read. */
class UnitPart {
  readonly files = new Set<string>();
  resources = 0;
  held = 0;
  reported = 0;
  cost = 0;
  valuation = 0;
  valued = 0;
  readonly byCode = new Map<string, CodeSums>();
  readonly byGrade = new Counter();
  readonly byAcquisition = new Counter();
  /** Assets on the books by their catalog resource (its sharing and opening types are known at the end). */
  readonly byResource = new Counter();
  readonly resourcesByGrade = new Counter();
  readonly resourcesBySharing = new Counter();
  readonly resourcesByOpening = new Counter();
  readonly revenueBySource = new Counter();
  readonly revenueByHandling = new Counter();
  readonly revenueByYear = new Counter();
  readonly authorizationsByYear = new Counter();
  revenue = 0;
  readonly inForce: AuthorizationRow[] = [];
  readonly expiring: AuthorizationRow[] = [];
  readonly disposals: DisposalRow[] = [];
  readonly findings = emptyFindings();
  readonly byClause = new Map<string, ClauseFindings>();
  readonly assetIds: string[] = [];
  constructor(public unit: UnitInfo) {}

  /** A field one document leaves out and another gives: the unit's other documents fill it in. */
  fillIn(unit: UnitInfo): void {
    for (const field of ['name', 'code', 'type', 'supervisingDepartment'] as const)
      if (!this.unit[field] && unit[field]) this.unit = { ...this.unit, [field]: unit[field] };
  }

  /** Adds another part of the same unit (read from another file). */
  merge(other: UnitPart): void {
    this.fillIn(other.unit);
    for (const file of other.files) this.files.add(file);
    this.resources += other.resources;
    this.held += other.held;
    this.reported += other.reported;
    this.cost += other.cost;
    this.valuation += other.valuation;
    this.valued += other.valued;
    this.revenue += other.revenue;
    for (const [code, sums] of other.byCode) {
      const into = this.byCode.get(code);
      if (!into) this.byCode.set(code, sums);
      else {
        into.assets += sums.assets;
        into.cost += sums.cost;
        into.valuation += sums.valuation;
        into.valued += sums.valued;
      }
    }
    for (const name of COUNTERS) this[name].addAll(other[name]);
    this.inForce.push(...other.inForce);
    this.expiring.push(...other.expiring);
    this.disposals.push(...other.disposals);
    for (const id of other.assetIds) this.assetIds.push(id);
  }
}

const COUNTERS = [
  'byGrade',
  'byAcquisition',
  'byResource',
  'resourcesByGrade',
  'resourcesBySharing',
  'resourcesByOpening',
  'revenueBySource',
  'revenueByHandling',
  'revenueByYear',
  'authorizationsByYear',
] as const;

export interface ReportDocument {
  kind: 'DataResourceCatalog' | 'DataAssetRegister';
  /** The document without its items (its `unit`, `asOf`, ...). */
  head: Record<string, unknown>;
  items: Iterable<unknown>;
}

export interface ReportOptions {
  year: number;
  codeTable: CodeTable;
}

/** The unit a document belongs to: by its unified social credit code, else its name. */
function unitOf(head: Plain): UnitInfo {
  const unit = record(head.unit) ?? {};
  return {
    name: text(unit.name),
    code: text(unit.code),
    type: text(unit.type),
    supervisingDepartment: text(unit.supervisingDepartment),
  };
}

/**
 * Reads documents (`document`) and their files' findings (`findings`) in any order, then `finish` gives the
 * report of the year. Assets are counted "on the books" at the end of the year: registered and not disposed by
 * then; a disposal dated in the year (or undated) is one of the year's disposals.
 */
export class ReportBuilder {
  private readonly units = new Map<string, UnitPart>();
  /** Sharing and opening types of every catalog resource read, by id. */
  private readonly resourceTypes = new Map<string, { sharing: string; opening: string }>();
  private readonly yearStart: string;
  private readonly yearEnd: string;
  private readonly nextYearEnd: string;

  constructor(private readonly options: ReportOptions) {
    this.yearStart = `${options.year}-01-01`;
    this.yearEnd = `${options.year}-12-31`;
    this.nextYearEnd = `${options.year + 1}-12-31`;
  }

  /** The parts of the file being read, merged into `units` when it is done (`commitFile`). */
  private staged = new Map<string, UnitPart>();
  private file = '';

  /** Starts reading a file: what it adds stays apart until `commitFile`, and `discardFile` forgets it. */
  beginFile(file: string): void {
    this.file = file;
    this.staged = new Map();
  }

  /** Forgets what the file being read has added (its items will be given again). */
  discardFile(): void {
    this.staged = new Map();
  }

  /** Adds what the file being read has added to its units. */
  commitFile(): void {
    for (const [key, part] of this.staged) {
      const into = this.units.get(key);
      if (into) into.merge(part);
      else this.units.set(key, part);
    }
    this.staged = new Map();
  }

  /**
   * A document of the file being read, by its `unit` (a plain value); returns its unit's key, for `item` and for
   * `findings`, which counts the document's findings once every file is read.
   */
  document(unitValue: unknown): string {
    const unit = unitOf({ unit: unitValue });
    const key = unitKey(unit);
    const part = this.staged.get(key);
    if (!part) {
      const created = new UnitPart(unit);
      created.files.add(this.file);
      this.staged.set(key, created);
    } else part.fillIn(unit);
    return key;
  }

  /** An item (a resource or an asset, as a plain value) of a document `document` returned the key of. */
  item(key: string, kind: ReportDocument['kind'], value: unknown): void {
    const part = this.staged.get(key);
    const fields = record(value);
    if (!part || !fields) return;
    if (kind === 'DataResourceCatalog') this.resource(part, fields);
    else this.asset(part, fields);
  }

  /** A whole document of `file` at once (a file read apart from validation); returns its unit's key. */
  wholeDocument(file: string, document: ReportDocument): string {
    this.beginFile(file);
    const key = this.document(document.head.unit);
    for (const item of document.items) this.item(key, document.kind, item);
    this.commitFile();
    return key;
  }

  /** Findings of a document of a unit (the key `document` returned). */
  findings(unitKey: string, findings: Iterable<Finding>): void {
    const part = this.units.get(unitKey);
    if (!part) return;
    for (const finding of findings) {
      const severity = finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'info';
      part.findings[severity]++;
      const clause = finding.clause ?? '';
      let row = part.byClause.get(clause);
      if (!row) part.byClause.set(clause, (row = { clause, ...emptyFindings() }));
      row[severity]++;
    }
  }

  private resource(part: UnitPart, resource: Plain): void {
    part.resources++;
    const sharing = text(record(resource.sharing)?.type);
    const opening = text(record(resource.opening)?.type);
    part.resourcesByGrade.add(text(resource.securityGrade));
    part.resourcesBySharing.add(sharing);
    part.resourcesByOpening.add(opening);
    const id = text(resource.id);
    if (id && !this.resourceTypes.has(id)) this.resourceTypes.set(id, { sharing, opening });
  }

  private asset(part: UnitPart, asset: Plain): void {
    const id = text(asset.id);
    const name = text(asset.name);
    for (const line of Array.isArray(asset.revenue) ? asset.revenue : []) {
      const revenue = record(line);
      const sum = amount(revenue?.amount);
      if (!revenue || sum === undefined || typeof revenue.year !== 'number') continue;
      part.revenueByYear.add(String(revenue.year), fen(sum));
      if (revenue.year !== this.options.year) continue;
      part.revenue += fen(sum);
      part.revenueBySource.add(text(revenue.source), fen(sum));
      part.revenueByHandling.add(text(revenue.handling), fen(sum));
    }
    const disposal = record(asset.disposal);
    const disposedOn = disposal
      ? date(disposal.date) || date(record(disposal.decision)?.date) || date(record(disposal.approval)?.date)
      : '';
    if (disposal && (disposedOn === '' || (disposedOn >= this.yearStart && disposedOn <= this.yearEnd)))
      part.disposals.push({
        asset: id,
        assetName: name,
        method: text(disposal.method),
        date: disposedOn,
        approval: text(record(disposal.approval)?.ref),
      });
    const held = !disposal || disposedOn > this.yearEnd;
    for (const entry of Array.isArray(asset.authorizations) ? asset.authorizations : []) {
      const grant = record(entry);
      if (!grant) continue;
      const period = record(grant.period) ?? {};
      const start = date(period.start);
      const end = date(period.end);
      if (start) part.authorizationsByYear.add(start.slice(0, 4));
      if (!held || (start && start > this.yearEnd) || (end && end < this.yearEnd)) continue;
      const row: AuthorizationRow = {
        asset: id,
        assetName: name,
        entity: text(grant.entity),
        rights: Array.isArray(grant.rights) ? grant.rights.map(text) : [],
        purpose: text(grant.purpose),
        start,
        end,
        paid: typeof grant.paid === 'boolean' ? grant.paid : null,
        fee: amount(record(grant.fee)?.amount) ?? null,
      };
      part.inForce.push(row);
      if (end && end <= this.nextYearEnd) part.expiring.push(row);
    }
    if (!held) return;
    part.held++;
    if (id) part.assetIds.push(id);
    const code = text(asset.classificationCode);
    let sums = part.byCode.get(code);
    if (!sums) part.byCode.set(code, (sums = { assets: 0, cost: 0, valuation: 0, valued: 0 }));
    sums.assets++;
    const cost = amount(record(asset.accounting)?.cost);
    if (cost !== undefined) {
      sums.cost += fen(cost);
      part.cost += fen(cost);
    }
    const value = amount(record(asset.valuation)?.value);
    if (value !== undefined) {
      sums.valuation += fen(value);
      sums.valued++;
      part.valuation += fen(value);
      part.valued++;
    }
    part.byGrade.add(text(asset.securityGrade));
    part.byAcquisition.add(text(record(asset.acquisition)?.method));
    part.byResource.add(text(asset.resource));
    const years = record(asset.reporting)?.years;
    if (Array.isArray(years) && years.includes(this.options.year)) part.reported++;
  }

  private unitReport(part: UnitPart): UnitReport {
    const bySharing = new Counter();
    const byOpening = new Counter();
    for (const [resource, assets] of part.byResource.entries()) {
      const types = this.resourceTypes.get(resource);
      bySharing.add(types?.sharing ?? '', assets);
      byOpening.add(types?.opening ?? '', assets);
    }
    const byCode: CodeFigures[] = [...part.byCode]
      .map(([code, sums]) => ({
        code,
        name: this.options.codeTable.get(code)?.name ?? '',
        assets: sums.assets,
        cost: yuan(sums.cost),
        valuation: yuan(sums.valuation),
        valued: sums.valued,
      }))
      .sort((a, b) => byKey({ key: a.code }, { key: b.code }));
    const byRow = (a: AuthorizationRow, b: AuthorizationRow) =>
      (a.end || '9999') < (b.end || '9999')
        ? -1
        : (a.end || '9999') > (b.end || '9999')
          ? 1
          : a.asset < b.asset
            ? -1
            : 1;
    return {
      unit: part.unit,
      files: [...part.files].sort(),
      figures: {
        ...emptyFigures(),
        assets: part.held,
        resources: part.resources,
        cost: yuan(part.cost),
        valuation: yuan(part.valuation),
        valued: part.valued,
        revenue: yuan(part.revenue),
        authorizationsInForce: part.inForce.length,
        authorizationsExpiring: part.expiring.length,
        disposals: part.disposals.length,
        reported: part.reported,
        findings: { ...part.findings },
      },
      distributions: {
        byCode,
        byGrade: part.byGrade.tallies(),
        byAcquisition: part.byAcquisition.tallies(),
        bySharing: bySharing.tallies(),
        byOpening: byOpening.tallies(),
        resourcesByGrade: part.resourcesByGrade.tallies(),
        resourcesBySharing: part.resourcesBySharing.tallies(),
        resourcesByOpening: part.resourcesByOpening.tallies(),
        revenueBySource: part.revenueBySource.amounts(),
        revenueByHandling: part.revenueByHandling.amounts(),
        revenueByYear: part.revenueByYear.amounts(),
        authorizationsByYear: part.authorizationsByYear.tallies(),
      },
      authorizationsInForce: [...part.inForce].sort(byRow),
      authorizationsExpiring: [...part.expiring].sort(byRow),
      disposals: [...part.disposals].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
      findingsByClause: [...part.byClause.values()].sort((a, b) => byKey({ key: a.clause }, { key: b.clause })),
      assetIds: [...part.assetIds].sort(),
    };
  }

  /** The report: units in the order of their names (then codes), and their roll-up. */
  finish(): DataAssetReport {
    const units = [...this.units.values()]
      .map((part) => this.unitReport(part))
      .sort((a, b) => compareUnits(a.unit, b.unit));
    return {
      reportVersion: REPORT_VERSION,
      kind: 'DataAssetReport',
      year: this.options.year,
      asOf: this.yearEnd,
      units,
      rollUp: rollUp(units),
    };
  }
}

export function compareUnits(a: UnitInfo, b: UnitInfo): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
