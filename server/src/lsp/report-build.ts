/**
 * The work of `steward.report` (lsp/report.ts): the report of a folder, as HTML. Bundled apart from the server
 * (dist/report.js beside dist/server.js, esbuild.mjs and client/esbuild.mjs) and loaded on the first report: the
 * report's code and ECharts are some 1.4 MB the server would otherwise compile at every start.
 */
import { buildReport } from '../host/report';
import { reportHtml } from '../service';
import type { Locale } from '../service';
import { SheetInputError } from '../host/sheet-errors';
import type { ReportAnswer, SheetPlace } from '../protocol';

export interface ReportWork {
  folder: string;
  year?: number;
  locale: Locale;
  onProgress: (done: number, total: number) => void;
  /** Called when the files are read and the charts are drawn next. */
  onCharts: () => void;
}

/**
 * The report, or the bad input that stopped it (as data: this bundle's error classes are not the server's, so an
 * `instanceof` there would not know them).
 */
export type ReportOutcome = { answer: ReportAnswer } | { badInput: { message: string; where?: SheetPlace } };

export function reportAnswer(work: ReportWork): ReportOutcome {
  const { folder, year, locale, onProgress } = work;
  try {
    const report = buildReport({ paths: [folder], cwd: folder, locale, year, onProgress });
    work.onCharts();
    const answer = {
      html: reportHtml(report, locale),
      year: report.year,
      asOf: report.asOf,
      units: report.units.map(({ unit }) => ({ name: unit.name, code: unit.code })),
    };
    return { answer };
  } catch (error) {
    if (error instanceof SheetInputError) return { badInput: { message: error.message, where: error.where } };
    throw error;
  }
}
