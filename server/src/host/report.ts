/**
 * `steward report`: the data-asset report of a year (clause (11)) from the catalogs and registers a command names,
 * found as `validate` finds them. Every file is checked as `validate` checks it (the report counts the open
 * findings), then read item by item into the report's counts: memory holds one file's text and one item's tree
 * at a time, and the report's counts, not the items. Both shells call it (the CLI, the language server's preview).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  builtinCodeTable,
  compareReports,
  createStewardService,
  documentUnit,
  ReportBuilder,
  rollUp,
} from '../service';
import type { DataAssetReport, Finding, Locale, StewardYamlDocument } from '../service';
import { baseOf, inputFiles } from './inputs';
import { translator } from './messages';
import { DEFAULT_MAX_FILE_MB, readTextFile } from './read';
import type { ReadOptions } from './read';
import { SheetInputError } from './sheet-errors';
import { toPosix } from './paths';

const { t } = translator({
  noFiles: {
    'zh-CN': '没有找到可用于报告的文件（*.catalog.yaml、*.assets.yaml）',
    en: 'No files for the report were found (*.catalog.yaml, *.assets.yaml)',
  },
  unreadableJson: {
    'zh-CN': '{0}：无法读取（{1}）',
    en: '{0}: cannot read it ({1})',
  },
  badJson: {
    'zh-CN': '{0}:{1}:{2}：不是有效的 JSON（{3}）',
    en: '{0}:{1}:{2}: not valid JSON ({3})',
  },
  notReport: {
    'zh-CN':
      '{0}：不是 steward report --format json 生成的报告（缺少 "kind": "DataAssetReport" 或 "reportVersion": 1）',
    en: '{0}: not a report written by steward report --format json (no "kind": "DataAssetReport" or "reportVersion": 1)',
  },
  badField: {
    'zh-CN': '{0}：报告的 {1} 不符合报告格式（schemas/report.schema.json）',
    en: '{0}: the report’s {1} does not follow the report format (schemas/report.schema.json)',
  },
});

export interface ReportOptions {
  /** Files or folders, discovered like `steward validate`. */
  paths: string[];
  /** The report's year (default: the year most documents' `asOf` name, the latest of equals; else last year). */
  year?: number;
  locale: Locale;
  /** The folder relative paths start from (default: the process's working directory). */
  cwd?: string;
  /** A previous JSON report to compare with (`--compare`). */
  compare?: string;
  /** Called after each file (files done, files in all). */
  onProgress?: (done: number, total: number) => void;
  /** Today (tests): the default year is the one before when no document has an `asOf`. */
  today?: Date;
}

const AS_OF = /^asOf:[ \t]*['"]?(\d{4})-\d{2}-\d{2}/gm;

/** Counts the years the documents' top-level `asOf` name. */
function countAsOf(text: string, years: Map<number, number>): void {
  for (const match of text.matchAll(AS_OF)) years.set(Number(match[1]), (years.get(Number(match[1])) ?? 0) + 1);
}

/** How many documents are as of each year (the files read for their `asOf` lines only). */
function yearsOf(files: string[], reads: ReadOptions): Map<number, number> {
  const years = new Map<number, number>();
  for (const file of files) {
    const read = readTextFile(file, reads);
    if (read.ok) countAsOf(read.text, years);
  }
  return years;
}

/** The year most documents are as of (the latest of equals), if any document says. */
function usualYear(years: Map<number, number>): number | undefined {
  let best: number | undefined;
  for (const [year, count] of years)
    if (best === undefined || count > years.get(best)! || (count === years.get(best)! && year > best)) best = year;
  return best;
}

/** The report of the files `paths` name (SheetInputError for what cannot be read: no files, a bad --compare). */
export function buildReport(options: ReportOptions): DataAssetReport {
  const { locale } = options;
  const cwd = options.cwd ?? process.cwd();
  const previous = options.compare === undefined ? undefined : readReportJson(options.compare, locale);
  const { files, setup } = inputFiles(options.paths, cwd, locale, t(locale, 'noFiles'));
  const base = baseOf(files);
  const reads: ReadOptions = { maxBytes: DEFAULT_MAX_FILE_MB * 1024 * 1024, limitOption: undefined };
  const service = createStewardService({
    config: setup.config,
    codeTable: setup.codeTable,
    reportForeignDocuments: true,
    configPath: (shown) => toPosix(path.relative(setup.root, path.resolve(base, shown))),
  });
  const shownOf = (file: string) => toPosix(path.relative(base, file));
  const year = options.year ?? usualYear(yearsOf(files, reads)) ?? (options.today ?? new Date()).getFullYear() - 1;
  const builder = new ReportBuilder({ year, codeTable: setup.codeTable ?? builtinCodeTable() });
  const empty = { kind: 'DataAssetRegister', head: {}, items: [] } as const;
  // Every file is checked, its items read into the report as the check parses them; the findings are counted
  // once all are checked (cross-file findings need them all), by the document each is in.
  const placed: Array<{ shown: string; documents: Array<{ startLine: number; unit: string }> }> = [];
  for (const [done, file] of files.entries()) {
    const shown = shownOf(file);
    const read = readTextFile(file, reads);
    if (!read.ok) {
      builder.findings(builder.wholeDocument(shown, empty), [read.finding]);
      continue;
    }
    builder.beginFile(shown);
    let units = new Map<StewardYamlDocument, string>();
    const unitOf = (document: StewardYamlDocument) => {
      let unit = units.get(document);
      if (unit === undefined) units.set(document, (unit = builder.document(documentUnit(document))));
      return unit;
    };
    const { document: parsed } = service.update(shown, read.text, {
      retain: false,
      visitItems: {
        item: (document, value) => builder.item(unitOf(document), document.kind!, value),
        restart: () => {
          builder.discardFile();
          units = new Map();
        },
      },
    });
    const documents: Array<{ startLine: number; unit: string }> = [];
    for (const document of parsed.documents)
      if (document.kind && document.root)
        documents.push({ startLine: parsed.lines.positionAt(document.span.start).line, unit: unitOf(document) });
    builder.commitFile();
    placed.push({ shown, documents });
    options.onProgress?.(done + 1, files.length);
  }
  for (const { shown, documents } of placed) {
    const findings = service.findings(shown);
    // A file with no document a unit can be read from (a YAML error, a top level that is not a mapping): its
    // findings are counted under a unit whose fields are not recorded, so that the totals keep them.
    if (documents.length === 0) {
      if (findings.length > 0) builder.findings(builder.wholeDocument(shown, empty), findings);
      continue;
    }
    documents.forEach(({ startLine, unit }, position) => {
      const end = documents[position + 1]?.startLine ?? Number.POSITIVE_INFINITY;
      builder.findings(
        unit,
        findings.filter((finding) => inDocument(finding, startLine, end, position === 0)),
      );
    });
  }
  const report = builder.finish();
  if (previous) report.comparison = compareReports(report, previous);
  return report;
}

function inDocument(finding: Finding, start: number, end: number, first: boolean): boolean {
  const line = finding.range.start.line;
  return (first || line >= start) && line < end;
}

/** Rolls up the units of JSON reports (a summary of summaries): docs/report.md. */
export function mergeReports(files: string[], locale: Locale): DataAssetReport {
  const reports = files.map((file) => readReportJson(file, locale));
  const year = Math.max(...reports.map((report) => report.year));
  const units = reports.flatMap((report) => report.units);
  return { reportVersion: 1, kind: 'DataAssetReport', year, asOf: `${year}-12-31`, units, rollUp: rollUp(units) };
}

/** A JSON report (`--compare`, `--merge`), its shape checked where the report's code reads it. */
export function readReportJson(file: string, locale: Locale): DataAssetReport {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new SheetInputError(t(locale, 'unreadableJson', file, (error as NodeJS.ErrnoException).code ?? ''), {
      file,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const { line, column } = jsonErrorPlace(text, (error as Error).message);
    throw new SheetInputError(t(locale, 'badJson', file, line, column, (error as Error).message), { file });
  }
  const report = value as DataAssetReport;
  if (typeof value !== 'object' || value === null || report.kind !== 'DataAssetReport' || report.reportVersion !== 1)
    throw new SheetInputError(t(locale, 'notReport', file), { file });
  const problem = reportShapeProblem(report);
  if (problem) throw new SheetInputError(t(locale, 'badField', file, problem), { file });
  return report;
}

/** The first field the report's code reads that is not of its type ("units[3].figures.cost"), if any. */
function reportShapeProblem(report: DataAssetReport): string | undefined {
  const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
  if (!Number.isInteger(report.year)) return 'year';
  if (!Array.isArray(report.units)) return 'units';
  for (const [index, unit] of report.units.entries()) {
    const at = `units[${index}]`;
    if (typeof unit !== 'object' || unit === null) return at;
    if (typeof unit.unit !== 'object' || unit.unit === null) return `${at}.unit`;
    for (const field of ['name', 'code', 'type', 'supervisingDepartment'] as const)
      if (typeof unit.unit[field] !== 'string') return `${at}.unit.${field}`;
    if (!Array.isArray(unit.assetIds) || !unit.assetIds.every((id) => typeof id === 'string')) return `${at}.assetIds`;
    if (typeof unit.figures !== 'object' || unit.figures === null) return `${at}.figures`;
    for (const field of [
      'assets',
      'resources',
      'cost',
      'valuation',
      'valued',
      'revenue',
      'authorizationsInForce',
      'authorizationsExpiring',
      'disposals',
      'reported',
    ] as const)
      if (!isNumber(unit.figures[field])) return `${at}.figures.${field}`;
    const findings = unit.figures.findings as unknown as Record<string, unknown> | null;
    if (typeof findings !== 'object' || findings === null) return `${at}.figures.findings`;
    for (const field of ['error', 'warning', 'info'])
      if (!isNumber(findings[field])) return `${at}.figures.findings.${field}`;
    if (typeof unit.distributions !== 'object' || unit.distributions === null) return `${at}.distributions`;
    for (const [key, list] of Object.entries(unit.distributions))
      if (!Array.isArray(list)) return `${at}.distributions.${key}`;
  }
  if (typeof report.rollUp !== 'object' || report.rollUp === null || typeof report.rollUp.totals !== 'object')
    return 'rollUp.totals';
  return undefined;
}

/** Line and column (1-based) of a JSON.parse error ("... at position 12" or "(line 2 column 5)"). */
function jsonErrorPlace(text: string, message: string): { line: number; column: number } {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : text.length;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
