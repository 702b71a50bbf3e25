/**
 * The roll-up (汇总表) of unit parts: totals, a row per supervising department and per unit type, each unit's row,
 * and the distributions added up. It reads the unit parts alone, so a summary of summaries is the roll-up of the
 * units of many JSON reports (docs/report.md).
 */
import {
  byKey,
  emptyFigures,
  fen,
  type AmountBy,
  type CodeFigures,
  type Distributions,
  type Figures,
  type GroupRow,
  type RollUp,
  type Tally,
  type UnitReport,
} from './model';

/** `into` += `figures` (amounts summed in fen, so that decimal amounts add up exactly). */
export function addFigures(into: Figures, figures: Figures): void {
  into.assets += figures.assets;
  into.resources += figures.resources;
  into.cost = (fen(into.cost) + fen(figures.cost)) / 100;
  into.valuation = (fen(into.valuation) + fen(figures.valuation)) / 100;
  into.valued += figures.valued;
  into.revenue = (fen(into.revenue) + fen(figures.revenue)) / 100;
  into.authorizationsInForce += figures.authorizationsInForce;
  into.authorizationsExpiring += figures.authorizationsExpiring;
  into.disposals += figures.disposals;
  into.reported += figures.reported;
  into.findings.error += figures.findings.error;
  into.findings.warning += figures.findings.warning;
  into.findings.info += figures.findings.info;
}

function groups(units: UnitReport[], keyOf: (unit: UnitReport) => string): GroupRow[] {
  const rows = new Map<string, GroupRow>();
  for (const unit of units) {
    const key = keyOf(unit);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { key, units: 0, figures: emptyFigures() }));
    row.units++;
    addFigures(row.figures, unit.figures);
  }
  return [...rows.values()].sort(byKey);
}

function tallies(lists: Tally[][]): Tally[] {
  const sums = new Map<string, number>();
  for (const list of lists) for (const { key, assets } of list) sums.set(key, (sums.get(key) ?? 0) + assets);
  return [...sums].map(([key, assets]) => ({ key, assets })).sort(byKey);
}

function amounts(lists: AmountBy[][]): AmountBy[] {
  const sums = new Map<string, number>();
  for (const list of lists) for (const { key, amount } of list) sums.set(key, (sums.get(key) ?? 0) + fen(amount));
  return [...sums].map(([key, fens]) => ({ key, amount: fens / 100 })).sort(byKey);
}

function codes(lists: CodeFigures[][]): CodeFigures[] {
  const sums = new Map<string, CodeFigures>();
  for (const list of lists)
    for (const row of list) {
      const sum = sums.get(row.code);
      if (!sum) sums.set(row.code, { ...row });
      else {
        sum.assets += row.assets;
        sum.cost = (fen(sum.cost) + fen(row.cost)) / 100;
        sum.valuation = (fen(sum.valuation) + fen(row.valuation)) / 100;
        sum.valued += row.valued;
        sum.name ||= row.name;
      }
    }
  return [...sums.values()].sort((a, b) => byKey({ key: a.code }, { key: b.code }));
}

/** The distributions of many units added up. */
export function addDistributions(all: Distributions[]): Distributions {
  const pick = <K extends keyof Distributions>(key: K) => all.map((d) => d[key]);
  return {
    byCode: codes(pick('byCode')),
    byGrade: tallies(pick('byGrade')),
    byAcquisition: tallies(pick('byAcquisition')),
    bySharing: tallies(pick('bySharing')),
    byOpening: tallies(pick('byOpening')),
    resourcesByGrade: tallies(pick('resourcesByGrade')),
    resourcesBySharing: tallies(pick('resourcesBySharing')),
    resourcesByOpening: tallies(pick('resourcesByOpening')),
    revenueBySource: amounts(pick('revenueBySource')),
    revenueByHandling: amounts(pick('revenueByHandling')),
    revenueByYear: amounts(pick('revenueByYear')),
    authorizationsByYear: tallies(pick('authorizationsByYear')),
  };
}

export function rollUp(units: UnitReport[]): RollUp {
  const totals = emptyFigures();
  for (const unit of units) addFigures(totals, unit.figures);
  return {
    units: units.length,
    totals,
    byDepartment: groups(units, (unit) => unit.unit.supervisingDepartment),
    byUnitType: groups(units, (unit) => unit.unit.type),
    unitRows: units.map((unit) => ({ unit: unit.unit, figures: unit.figures })),
    distributions: addDistributions(units.map((unit) => unit.distributions)),
  };
}
