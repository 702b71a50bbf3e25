/**
 * Year over year: this report beside a previous JSON report (`--compare LAST.json`). Units are matched by their
 * unified social credit code (else their name); assets by id.
 */
import { fen, unitKey } from './model';
import type { Comparison, DataAssetReport, UnitChange, UnitReport } from './model';

const delta = (now: number, before: number): number => (fen(now) - fen(before)) / 100;

export function compareReports(current: DataAssetReport, previous: DataAssetReport): Comparison {
  const before = new Map<string, UnitReport>(previous.units.map((unit) => [unitKey(unit.unit), unit]));
  const units: UnitChange[] = current.units.map((unit) => {
    const last = before.get(unitKey(unit.unit));
    before.delete(unitKey(unit.unit));
    const lastIds = new Set(last?.assetIds ?? []);
    const nowIds = new Set(unit.assetIds);
    let added = 0;
    for (const id of nowIds) if (!lastIds.has(id)) added++;
    let removed = 0;
    for (const id of lastIds) if (!nowIds.has(id)) removed++;
    return {
      unit: unit.unit,
      before: last !== undefined,
      added,
      removed,
      assets: unit.figures.assets - (last?.figures.assets ?? 0),
      cost: delta(unit.figures.cost, last?.figures.cost ?? 0),
      valuation: delta(unit.figures.valuation, last?.figures.valuation ?? 0),
      revenue: delta(unit.figures.revenue, last?.figures.revenue ?? 0),
    };
  });
  const gone = [...before.values()];
  const sum = (pick: (change: UnitChange) => number) => units.reduce((total, change) => total + pick(change), 0);
  return {
    previousYear: previous.year,
    added: sum((change) => change.added),
    removed: sum((change) => change.removed) + gone.reduce((total, unit) => total + unit.assetIds.length, 0),
    assets: current.rollUp.totals.assets - previous.rollUp.totals.assets,
    cost: delta(current.rollUp.totals.cost, previous.rollUp.totals.cost),
    valuation: delta(current.rollUp.totals.valuation, previous.rollUp.totals.valuation),
    revenue: delta(current.rollUp.totals.revenue, previous.rollUp.totals.revenue),
    units,
    unitsGone: gone.map((unit) => unit.unit),
  };
}
