/**
 * `steward report` (issue 18): every figure checked against totals this test computes itself from the documents
 * (js-yaml, not the report's code) — for the examples and for generated units in several departments — the JSON
 * against schemas/report.schema.json, the year-over-year comparison, the roll-up of JSON reports, the workbook
 * opened by LibreOffice Calc, the CSV files, and bad input (exit 2, the file and place named, nothing written).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import * as yaml from 'js-yaml';
import { ROOT, runCli, runCliWithObstacle, tempDir } from './helpers';
import { sheetsAsShown } from './soffice';
import type { DataAssetReport, Figures, UnitReport } from '../server/src/service';
import { reportHtml } from '../server/src/service';
import { UNIT_CHARTS_LIMIT } from '../server/src/service/report/html';
import { usccCheckCharacter } from '../server/src/service/codes/uscc';

type Plain = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function reportOf(args: string[], cwd = ROOT): DataAssetReport {
  const run = runCli(['report', ...args, '--format', 'json'], { cwd });
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as DataAssetReport;
}

/** The documents of the YAML files under `dir` (js-yaml; the register dates as strings). */
function documentsIn(dir: string): Plain[] {
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(catalog|assets)\.ya?ml$/.test(name));
  return files.flatMap((name) =>
    yaml
      .loadAll(fs.readFileSync(path.join(dir, name), 'utf8'), undefined, { schema: yaml.JSON_SCHEMA })
      .filter((d): d is Plain => typeof d === 'object' && d !== null),
  );
}

const cents = (n: number) => Math.round(n * 100);

type Sums = Map<string, number>;
const add = (map: Sums, key: unknown, by = 1) => {
  const k = key === undefined || key === null ? '' : String(key);
  map.set(k, (map.get(k) ?? 0) + by);
};

/** What a unit's figures and distributions should be, computed here from its documents, for `year`. */
function expected(documents: Plain[], year: number) {
  const end = `${year}-12-31`;
  const next = `${year + 1}-12-31`;
  let assets = 0;
  let cost = 0;
  let valuation = 0;
  let valued = 0;
  let revenue = 0;
  let disposals = 0;
  let reported = 0;
  let resources = 0;
  const inForce: string[] = [];
  const expiring: string[] = [];
  const disposed: string[] = [];
  const types = new Map<string, { sharing: string; opening: string }>();
  for (const document of documents)
    if (document.kind === 'DataResourceCatalog')
      for (const r of document.resources ?? [])
        types.set(r.id, { sharing: r.sharing?.type ?? '', opening: r.opening?.type ?? '' });
  const d = {
    byGrade: new Map() as Sums,
    byAcquisition: new Map() as Sums,
    bySharing: new Map() as Sums,
    byOpening: new Map() as Sums,
    resourcesByGrade: new Map() as Sums,
    resourcesBySharing: new Map() as Sums,
    resourcesByOpening: new Map() as Sums,
    revenueBySource: new Map() as Sums,
    revenueByHandling: new Map() as Sums,
    revenueByYear: new Map() as Sums,
    authorizationsByYear: new Map() as Sums,
  };
  const byCode = new Map<string, { assets: number; cost: number; valuation: number; valued: number }>();
  for (const document of documents) {
    if (document.kind === 'DataResourceCatalog')
      for (const r of document.resources ?? []) {
        resources++;
        add(d.resourcesByGrade, r.securityGrade);
        add(d.resourcesBySharing, r.sharing?.type);
        add(d.resourcesByOpening, r.opening?.type);
      }
    if (document.kind !== 'DataAssetRegister') continue;
    for (const asset of document.assets ?? []) {
      for (const line of asset.revenue ?? []) {
        add(d.revenueByYear, line.year, cents(line.amount));
        if (line.year !== year) continue;
        revenue += cents(line.amount);
        add(d.revenueBySource, line.source, cents(line.amount));
        add(d.revenueByHandling, line.handling, cents(line.amount));
      }
      for (const grant of asset.authorizations ?? [])
        if (grant.period?.start) add(d.authorizationsByYear, grant.period.start.slice(0, 4));
      const gone = asset.disposal;
      const on = gone ? (gone.date ?? gone.decision?.date ?? gone.approval?.date ?? '') : '';
      if (gone && (on === '' || on.startsWith(`${year}-`))) {
        disposals++;
        disposed.push(asset.id);
      }
      if (gone && on <= end) continue;
      assets++;
      const code = byCode.get(asset.classificationCode) ?? { assets: 0, cost: 0, valuation: 0, valued: 0 };
      byCode.set(asset.classificationCode, code);
      code.assets++;
      if (asset.accounting?.cost !== undefined) {
        cost += cents(asset.accounting.cost);
        code.cost += cents(asset.accounting.cost);
      }
      if (asset.valuation?.value !== undefined) {
        valuation += cents(asset.valuation.value);
        code.valuation += cents(asset.valuation.value);
        valued++;
        code.valued++;
      }
      if ((asset.reporting?.years ?? []).includes(year)) reported++;
      add(d.byGrade, asset.securityGrade);
      add(d.byAcquisition, asset.acquisition?.method);
      add(d.bySharing, types.get(asset.resource)?.sharing);
      add(d.byOpening, types.get(asset.resource)?.opening);
      for (const grant of asset.authorizations ?? []) {
        const start = grant.period?.start ?? '';
        const stop = grant.period?.end ?? '';
        if ((start && start > end) || (stop && stop < end)) continue;
        inForce.push(asset.id);
        if (stop && stop <= next) expiring.push(asset.id);
      }
    }
  }
  for (const money of [d.revenueBySource, d.revenueByHandling, d.revenueByYear])
    for (const [key, fen] of money) money.set(key, fen / 100);
  return {
    figures: {
      assets,
      resources,
      cost: cost / 100,
      valuation: valuation / 100,
      valued,
      revenue: revenue / 100,
      authorizationsInForce: inForce.length,
      authorizationsExpiring: expiring.length,
      disposals,
      reported,
    },
    distributions: d,
    byCode: new Map(
      [...byCode].map(([k, v]) => [k, { ...v, cost: v.cost / 100, valuation: v.valuation / 100 }] as const),
    ),
    rows: { inForce: inForce.sort(), expiring: expiring.sort(), disposals: disposed.sort() },
  };
}

/** The report's distributions and rows in the shapes `expected` gives. */
function asReported(unit: UnitReport) {
  const maps = Object.fromEntries(
    Object.entries(unit.distributions)
      .filter(([name]) => name !== 'byCode')
      .map(([name, list]: [string, Array<{ key: string; assets?: number; amount?: number }>]) => [
        name,
        new Map(list.map((row) => [row.key, row.assets ?? row.amount!])),
      ]),
  );
  return {
    distributions: maps,
    byCode: new Map(
      unit.distributions.byCode.map(
        (row) =>
          [row.code, { assets: row.assets, cost: row.cost, valuation: row.valuation, valued: row.valued }] as const,
      ),
    ),
    rows: {
      inForce: unit.authorizationsInForce.map((row) => row.asset).sort(),
      expiring: unit.authorizationsExpiring.map((row) => row.asset).sort(),
      disposals: unit.disposals.map((row) => row.asset).sort(),
    },
  };
}

/** Every figure, distribution and listed row of a unit against what its documents say. */
function assertUnit(unit: UnitReport, documents: Plain[], year: number): void {
  const want = expected(documents, year);
  const got = asReported(unit);
  const name = unit.unit.name;
  assert.deepEqual(withoutFindings(unit.figures), want.figures, `${name}: figures`);
  assert.deepEqual(got.distributions, want.distributions, `${name}: distributions`);
  assert.deepEqual(got.byCode, want.byCode, `${name}: by code`);
  assert.deepEqual(got.rows, want.rows, `${name}: authorizations and disposals listed`);
}

function withoutFindings(figures: Figures): Omit<Figures, 'findings'> {
  const { findings: _, ...rest } = figures;
  return rest;
}

/** A seeded random number generator (mulberry32): the same units on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPARTMENTS = ['某市人民政府', '某市交通运输局', '某市卫生健康委员会'];
/** Valid unified social credit codes (GB 32100-2015 check character), one per generated unit. */
function uscc(serial: number, type: '行政单位' | '事业单位'): string {
  const body = `${type === '行政单位' ? '11' : '12'}330100${String(serial).padStart(9, '0')}`;
  return body + usccCheckCharacter(body);
}

/** `count` units in folders of `dir`, each a catalog and a register of random assets; returns their documents. */
function generateUnits(dir: string, count: number, seed: number, year: number): Map<string, Plain[]> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const units = new Map<string, Plain[]>();
  for (let u = 0; u < count; u++) {
    const type = u % 3 === 2 ? '事业单位' : '行政单位';
    const unit = {
      name: `生成单位${u + 1}`,
      code: uscc(100 + u, type),
      type,
      supervisingDepartment: DEPARTMENTS[u % DEPARTMENTS.length],
    };
    const resources = Array.from({ length: 4 }, (_, r) => ({
      id: `R-GEN-${u + 1}-${r + 1}`,
      name: `资源${r + 1}`,
      abstract: '生成的资源',
      provider: unit.name,
      updateCycle: '每月',
      securityGrade: '一般数据',
      secrecy: '非涉密',
      personalInformation: { contains: false },
      sharing: { type: pick(['无条件共享', '有条件共享'] as const) },
      opening: { type: '不予开放' },
    }));
    const assets = Array.from({ length: 5 + Math.floor(next() * 20) }, (_, a) => {
      const asset: Plain = {
        id: `DA-GEN-${u + 1}-${a + 1}`,
        name: `资产${a + 1}`,
        resource: pick(resources).id,
        classificationCode: pick(['A08060201', 'A08060202', 'A08060203']),
        securityGrade: '一般数据',
        acquisition: { method: '自主采集', date: '2023-01-01' },
        registration: { cardNumber: `K-${u}-${a}` },
        accounting: { recognition: '无形资产', cost: Math.round(next() * 10_000_000) / 100 },
        reporting: { years: next() < 0.7 ? [year] : [year - 1] },
      };
      if (next() < 0.3) asset.valuation = { method: '成本法', ref: `PG-${a}`, value: Math.round(next() * 100_000) };
      if (next() < 0.4) {
        const end = pick([`${year}-06-30`, `${year + 1}-03-31`, `${year + 3}-12-31`]);
        asset.authorizations = [
          {
            entity: '某运营公司',
            rights: ['数据加工使用权'],
            purpose: '公共治理',
            period: { start: `${year - 1}-01-01`, end },
            securityAssessment: { ref: 'AQ-1', date: `${year - 1}-01-01` },
            approval: { ref: 'SP-1', authority: '某市财政局', date: `${year - 1}-01-01` },
            paid: false,
          },
        ];
        asset.revenue = [
          { year, source: '使用', amount: Math.round(next() * 5_000_000) / 100, handling: '非税收入' },
          { year: year - 1, source: '使用', amount: 100.5, handling: '非税收入' },
        ];
      }
      if (next() < 0.15) {
        asset.disposal = {
          method: '销毁',
          date: pick([`${year}-05-01`, `${year - 1}-05-01`, `${year + 1}-05-01`]),
          decision: { ref: 'JC-1', date: `${year - 1}-04-01` },
          approval: { ref: 'SP-2' },
          destruction: { irrecoverable: true },
        };
      }
      return asset;
    });
    const catalog = { apiVersion: 'steward/v1', kind: 'DataResourceCatalog', asOf: `${year}-12-31`, unit, resources };
    const register = { apiVersion: 'steward/v1', kind: 'DataAssetRegister', asOf: `${year}-12-31`, unit, assets };
    fs.mkdirSync(path.join(dir, `unit-${u + 1}`));
    fs.writeFileSync(path.join(dir, `unit-${u + 1}`, 'unit.catalog.yaml'), yaml.dump(catalog));
    fs.writeFileSync(path.join(dir, `unit-${u + 1}`, 'unit.assets.yaml'), yaml.dump(register));
    units.set(unit.code, [catalog, register]);
  }
  return units;
}

function unitByCode(report: DataAssetReport, code: string): UnitReport {
  const unit = report.units.find((u) => u.unit.code === code);
  assert.ok(unit, `unit ${code} in the report`);
  return unit;
}

describe('steward report', function () {
  this.timeout(120_000);

  it('the transport bureau: every figure equals what the register and catalog say', () => {
    const dir = path.join(ROOT, 'examples', 'transport-bureau');
    const report = reportOf(['examples/transport-bureau']);
    assert.equal(report.year, 2024, 'the year of the documents’ asOf');
    assert.equal(report.units.length, 1);
    const want = expected(documentsIn(dir), 2024);
    const [unit] = report.units;
    assertUnit(unit, documentsIn(dir), 2024);
    assert.deepEqual(withoutFindings(report.rollUp.totals), want.figures);
    // The figures this test reads off the example by hand, so that `expected` is not the only witness.
    assert.equal(unit.figures.assets, 5, 'six assets registered, one destroyed in 2024');
    assert.equal(unit.figures.revenue, 120000);
    assert.equal(unit.disposals.length, 1);
    // The valid examples have no findings; the counts come from the same check as `steward validate`.
    assert.deepEqual(unit.figures.findings, { error: 0, warning: 0, info: 0 });
  });

  it('generated units in three departments: each unit, each department, each unit type and the totals', () => {
    const dir = tempDir();
    const units = generateUnits(dir, 9, 42, 2025);
    const report = reportOf([dir]);
    assert.equal(report.year, 2025);
    assert.equal(report.units.length, 9);
    const totals = { ...expected([], 2025).figures };
    const byDepartment = new Map<string, typeof totals>();
    for (const [code, documents] of units) {
      const want = expected(documents, 2025);
      assertUnit(unitByCode(report, code), documents, 2025);
      const department = documents[0].unit.supervisingDepartment as string;
      const sum = byDepartment.get(department) ?? { ...expected([], 2025).figures };
      for (const key of Object.keys(totals) as Array<keyof typeof totals>) {
        sum[key] = (cents(sum[key]) + cents(want.figures[key])) / 100;
        totals[key] = (cents(totals[key]) + cents(want.figures[key])) / 100;
      }
      byDepartment.set(department, sum);
    }
    assert.deepEqual(withoutFindings(report.rollUp.totals), totals);
    assert.equal(report.rollUp.byDepartment.length, 3);
    for (const row of report.rollUp.byDepartment) {
      assert.equal(row.units, 3, row.key);
      assert.deepEqual(withoutFindings(row.figures), byDepartment.get(row.key), row.key);
    }
    assert.deepEqual(
      report.rollUp.byUnitType.map((row) => [row.key, row.units]),
      [
        ['事业单位', 3],
        ['行政单位', 6],
      ],
    );
    assert.equal(
      report.rollUp.unitRows.reduce((n, row) => n + row.figures.assets, 0),
      totals.assets,
    );
    // The roll-up's distributions: the documents of all units counted as one.
    const all = expected([...units.values()].flat(), 2025);
    const rolled = asReported({ ...report.units[0], distributions: report.rollUp.distributions });
    assert.deepEqual(rolled.distributions, all.distributions);
    assert.deepEqual(rolled.byCode, all.byCode);
  });

  it('a register whose items share an anchor (read whole, not item by item): each asset counted once', () => {
    const dir = tempDir();
    generateUnits(dir, 1, 9, 2024);
    const file = path.join(dir, 'unit-1', 'unit.assets.yaml');
    // The first asset's accounting anchored, the others' an alias to it: the check falls back to a whole parse.
    let seen = 0;
    const text = fs
      .readFileSync(file, 'utf8')
      .replace(/\n {4}accounting:\n {6}recognition: .*\n {6}cost: .*/g, (block) =>
        seen++ === 0 ? block.replace('accounting:', 'accounting: &books') : '\n    accounting: *books',
      );
    fs.writeFileSync(file, text);
    const documents = documentsIn(dir);
    assert.match(text, /accounting: \*books/);
    assertUnit(reportOf([dir]).units[0], documents, 2024);
  });

  it('writes JSON that follows schemas/report.schema.json', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'report.schema.json'), 'utf8')));
    const dir = tempDir();
    generateUnits(dir, 3, 7, 2024);
    const last = path.join(dir, 'last.json');
    fs.writeFileSync(last, JSON.stringify(reportOf([dir, '--year', '2023'])));
    for (const report of [reportOf(['examples']), reportOf([dir, '--compare', last])])
      assert.ok(validate(report), JSON.stringify(validate.errors?.slice(0, 3)));
  });

  it('--compare: the assets added and removed and the changes since last year’s report', () => {
    const dir = tempDir();
    const units = generateUnits(dir, 2, 3, 2024);
    const last = path.join(dir, 'last.json');
    fs.writeFileSync(last, JSON.stringify(reportOf([dir])));
    // A year on: one asset of the first unit removed from the register, two added.
    const [code] = [...units.keys()];
    const file = path.join(dir, 'unit-1', 'unit.assets.yaml');
    const register = yaml.load(fs.readFileSync(file, 'utf8'), { schema: yaml.JSON_SCHEMA }) as Plain;
    const before = expected(units.get(code)!, 2024).figures;
    const heldBefore = register.assets.filter((a: Plain) => !a.disposal || a.disposal.date > '2024-12-31');
    const gone = heldBefore[0];
    register.assets = register.assets.filter((a: Plain) => a !== gone);
    for (const n of [1, 2])
      register.assets.push({
        ...heldBefore[1],
        id: `DA-NEW-${n}`,
        accounting: { recognition: '无形资产', cost: 1000.25 },
      });
    fs.writeFileSync(file, yaml.dump(register));
    const report = reportOf([dir, '--year', '2024', '--compare', last]);
    const comparison = report.comparison!;
    assert.equal(comparison.previousYear, 2024);
    assert.equal(comparison.added, 2);
    assert.equal(comparison.removed, 1);
    assert.equal(comparison.assets, 1);
    const change = comparison.units.find((c) => c.unit.code === code)!;
    assert.equal(change.cost, (cents(unitByCode(report, code).figures.cost) - cents(before.cost)) / 100);
    assert.equal(change.cost, (cents(1000.25) * 2 - cents(gone.accounting.cost)) / 100);
  });

  it('--merge: JSON reports of parts of a department roll up to the report of all of it', () => {
    const dir = tempDir();
    generateUnits(dir, 6, 11, 2024);
    const whole = reportOf([dir]);
    const a = path.join(dir, 'a.json');
    const b = path.join(dir, 'b.json');
    fs.writeFileSync(a, JSON.stringify(reportOf(['unit-1', 'unit-2', 'unit-3'], dir)));
    fs.writeFileSync(b, JSON.stringify(reportOf(['unit-4', 'unit-5', 'unit-6'], dir)));
    const merged = reportOf(['--merge', a, b]);
    assert.deepEqual(merged.rollUp.totals, whole.rollUp.totals);
    assert.deepEqual(merged.rollUp.byDepartment, whole.rollUp.byDepartment);
    assert.deepEqual(merged.rollUp.distributions, whole.rollUp.distributions);
  });

  it('counts the open findings of each unit by clause, as steward validate finds them', () => {
    const report = reportOf(['examples']);
    const validate = runCli(['validate', 'examples', '--format', 'json']);
    const files = JSON.parse(validate.stdout).files as Array<{ findings: Array<{ severity: string }> }>;
    const all = files.flatMap((f) => f.findings);
    const count = (severity: string) => all.filter((f) => f.severity === severity).length;
    const totals = report.rollUp.totals.findings;
    assert.deepEqual(totals, { error: count('error'), warning: count('warning'), info: count('info') });
    const byClause = report.units.flatMap((u) => u.findingsByClause);
    assert.equal(
      byClause.reduce((n, row) => n + row.error + row.warning + row.info, 0),
      all.length,
    );
    assert.ok(byClause.some((row) => row.clause.startsWith('财资〔2024〕1号')));
  });

  it('the workbook: LibreOffice Calc shows the same figures', () => {
    const dir = tempDir();
    generateUnits(dir, 4, 5, 2024);
    const report = reportOf([dir]);
    const out = path.join(dir, 'report.xlsx');
    const run = runCli(['report', dir, '--format', 'xlsx', '-o', out, '--locale', 'zh-CN']);
    assert.equal(run.code, 0, run.stderr);
    const sheets = sheetsAsShown(out);
    const units = sheets.get('汇总·各单位');
    assert.ok(units, [...sheets.keys()].join(', '));
    assert.equal(units.length, 1 + report.units.length);
    const header = units[0];
    const column = (name: string) => header.indexOf(name);
    for (const unit of report.units) {
      const row: string[] | undefined = units.find((r) => r[column('统一社会信用代码')] === unit.unit.code);
      assert.ok(row, unit.unit.code);
      assert.equal(Number(row[column('资产数')].replace(/,/g, '')), unit.figures.assets);
      assert.equal(Number(row[column('入账成本（元）')].replace(/,/g, '')), unit.figures.cost);
      assert.equal(Number(row[column('本年收益（元）')].replace(/,/g, '')), unit.figures.revenue);
    }
    const inForce = sheets.get('单位·有效授权')!;
    assert.equal(inForce.length - 1, report.rollUp.totals.authorizationsInForce);
    const dates = inForce.slice(1).map((row) => row[inForce[0].indexOf('终止日期')]);
    assert.ok(
      dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)),
      `dates shown as dates: ${dates.join(' ')}`,
    );
  });

  it('CSV: a file per table, UTF-8 with a BOM, numbers as numbers', () => {
    const dir = tempDir();
    const out = path.join(dir, 'report.csv');
    const run = runCli(['report', 'examples/transport-bureau', '--format', 'csv', '-o', out]);
    assert.equal(run.code, 0, run.stderr);
    const overview = fs.readFileSync(path.join(dir, 'report-rollup-overview.csv'), 'utf8');
    assert.ok(overview.startsWith('\ufeff'));
    assert.match(overview, /\r\n.*,563000\.00\r\n/);
    assert.ok(fs.existsSync(path.join(dir, 'report-units-in-force.csv')));
  });

  it('CSV: a file another program writes as the files are put in place is kept, and no other is written', () => {
    const dir = tempDir();
    const out = path.join(dir, 'report.csv');
    const args = ['report', 'examples/transport-bureau', '--format', 'csv', '-o', out, '--locale', 'en'];
    assert.equal(runCli(args).code, 0);
    const targets = fs.readdirSync(dir).map((name) => path.join(dir, name));
    assert.ok(targets.length > 2, targets.join());
    for (const target of targets) fs.rmSync(target);
    const run = runCliWithObstacle(args, { cwd: ROOT, targets, text: 'theirs\n' });
    const obstacle = targets.find((target) => fs.existsSync(target));
    assert.ok(obstacle, run.stderr);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.equal(run.stderr, `steward: ${obstacle} already exists; not overwritten (add --force to overwrite)\n`);
    assert.equal(fs.readFileSync(obstacle, 'utf8'), 'theirs\n');
    assert.deepEqual(fs.readdirSync(dir), [path.basename(obstacle)]);
  });

  it('Markdown to standard output by default, in the language asked for', () => {
    const zh = runCli(['report', 'examples/transport-bureau', '--locale', 'zh-CN']);
    assert.equal(zh.code, 0, zh.stderr);
    assert.match(zh.stdout, /^# 2024 年度数据资产报告/);
    assert.match(zh.stdout, /\| 入账成本（元） \| 563,000\.00 \|/);
    const en = runCli(['report', 'examples/transport-bureau', '--locale', 'en']);
    assert.match(en.stdout, /^# Data asset report 2024/);
  });

  it('HTML: one file with its charts; past 50 units the units’ parts keep their tables and leave charts out', () => {
    const dir = tempDir();
    const out = path.join(dir, 'report.html');
    const run = runCli(['report', 'examples/transport-bureau', '--format', 'html', '-o', out, '--locale', 'zh-CN']);
    assert.equal(run.code, 0, run.stderr);
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    // The roll-up's four charts and the unit's four.
    assert.equal((html.match(/<figure class="chart[" ]/g) ?? []).length, 8);
    const one = reportOf(['examples/transport-bureau']);
    const many = { ...one, units: Array.from({ length: UNIT_CHARTS_LIMIT + 1 }, () => one.units[0]) };
    const big = reportHtml(many, 'en');
    assert.equal((big.match(/<figure class="chart[" ]/g) ?? []).length, 4, 'the roll-up’s charts only');
    assert.match(big, /More than 50 units: charts in the summary only/);
    assert.equal((big.match(/<section class="part"/g) ?? []).length, UNIT_CHARTS_LIMIT + 2);
  });

  describe('bad input: exit 2, the file named, nothing written', () => {
    it('a --compare file that is not JSON: its line and column', () => {
      const dir = tempDir({ 'last.json': '{\n  "kind": "DataAssetReport",\n  oops\n}\n' });
      const run = runCli(['report', 'examples/transport-bureau', '--compare', path.join(dir, 'last.json')]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /last\.json:3:3: not valid JSON/);
    });
    it('a --compare file that is JSON but not a report, or a report with a field of the wrong type', () => {
      const dir = tempDir({
        'other.json': '{"kind": "Something"}',
        'broken.json': JSON.stringify({ ...reportOf(['examples/transport-bureau']), units: [{ unit: {} }] }),
      });
      const other = runCli(['report', 'examples/transport-bureau', '--compare', path.join(dir, 'other.json')]);
      assert.equal(other.code, 2);
      assert.match(other.stderr, /other\.json: not a report written by steward report --format json/);
      const broken = runCli(['report', '--merge', path.join(dir, 'broken.json')]);
      assert.equal(broken.code, 2);
      assert.match(broken.stderr, /broken\.json: the report’s units\[0\]\.unit\.name does not follow/);
    });
    it('a missing --compare file, a bad year, xlsx without -o, an unknown format', () => {
      const missing = runCli(['report', 'examples', '--compare', 'nowhere.json']);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /nowhere\.json: cannot read it \(ENOENT\)/);
      assert.equal(runCli(['report', 'examples', '--year', '24']).code, 2);
      assert.match(runCli(['report', 'examples', '--format', 'xlsx']).stderr, /--format xlsx needs -o/);
      assert.match(runCli(['report', 'examples', '--format', 'pdf']).stderr, /Unknown report format "pdf"/);
    });
    it('an existing output file is not overwritten without --force; a missing folder is named', () => {
      const dir = tempDir({ 'report.md': 'mine' });
      const out = path.join(dir, 'report.md');
      const run = runCli(['report', 'examples/transport-bureau', '--format', 'md', '-o', out]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /already exists/);
      assert.equal(fs.readFileSync(out, 'utf8'), 'mine');
      assert.equal(runCli(['report', 'examples/transport-bureau', '-o', out, '--force']).code, 0);
      assert.match(fs.readFileSync(out, 'utf8'), /Data asset report 2024/);
      const nowhere = runCli(['report', 'examples', '-o', path.join(dir, 'no', 'r.md')]);
      assert.equal(nowhere.code, 2);
      assert.match(nowhere.stderr, /does not exist/);
      assert.deepEqual(fs.readdirSync(dir), ['report.md'], 'no temporary file left');
    });
    it('no catalog or register under the paths', () => {
      const run = runCli(['report', tempDir({ 'notes.yaml': 'a: 1\n' })]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /No files for the report were found/);
    });
  });
});
