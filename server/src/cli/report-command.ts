/** `steward report`: a thin shell over host/report.ts and host/report-write.ts (the language server's preview too). */
import type { Locale } from '../service';
import { buildReport, mergeReports } from '../host/report';
import { REPORT_FORMATS, reportText, writeReport } from '../host/report-write';
import type { ReportFormat } from '../host/report-write';
import { SheetInputError } from '../host/sheet-errors';
import { translator } from '../host/messages';
import { terminalText } from './formatters/safe-text';
import { UsageError } from './io';
import type { Io } from './io';
import { progressLine } from './progress';

const { t } = translator({
  badFormat: {
    'zh-CN': '未知的报告格式“{0}”，可选：{1}',
    en: 'Unknown report format "{0}"; choose {1}',
  },
  outNeeded: {
    'zh-CN': '--format {0} 需要 -o <文件>',
    en: '--format {0} needs -o <file>',
  },
  badYear: {
    'zh-CN': '--year 应为四位年度，例如 2024（收到“{0}”）',
    en: '--year takes a four-digit year such as 2024 (got "{0}")',
  },
  mergeNeeds: {
    'zh-CN': '--merge 需要一个或多个 steward report --format json 生成的报告文件',
    en: '--merge needs one or more reports written by steward report --format json',
  },
  mergeAndCompare: {
    'zh-CN': '--merge 与 --compare、--year 不能同时使用',
    en: '--merge cannot be used with --compare or --year',
  },
  written: {
    'zh-CN': '已写入 {0}：{1} 年度，{2} 个单位，{3} 项数据资产',
    en: 'Wrote {0}: year {1}, {2} unit(s), {3} data asset(s)',
  },
  progress: { 'zh-CN': '已读取 {0}/{1} 个文件', en: '{0}/{1} files read' },
});

export async function reportCommand(
  inputs: string[],
  values: {
    format?: string[];
    output?: string;
    out?: string;
    force?: boolean;
    year?: string;
    compare?: string;
    merge?: boolean;
  },
  io: Io,
  locale: Locale,
): Promise<number> {
  const format = (values.format?.at(-1) ?? 'md') as ReportFormat;
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(t(locale, 'badFormat', format, REPORT_FORMATS.join(', ')));
  const out = values.output ?? values.out;
  if (!out && (format === 'xlsx' || format === 'csv')) throw new UsageError(t(locale, 'outNeeded', format));
  let year: number | undefined;
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year)) throw new UsageError(t(locale, 'badYear', values.year));
    year = Number(values.year);
  }
  if (values.merge && (values.compare !== undefined || year !== undefined))
    throw new UsageError(t(locale, 'mergeAndCompare'));
  if (values.merge && inputs.length === 0) throw new UsageError(t(locale, 'mergeNeeds'));
  const progress = progressLine(io);
  try {
    const report = values.merge
      ? mergeReports(inputs, locale)
      : buildReport({
          paths: inputs,
          year,
          locale,
          cwd: io.cwd,
          compare: values.compare,
          onProgress: progress.show && ((done, total) => progress.show!(t(locale, 'progress', done, total))),
        });
    progress.finish();
    if (!out) {
      io.stdout.write(reportText(report, format as 'json' | 'md' | 'html', locale));
      return 0;
    }
    const written = await writeReport(report, format, out, { locale, force: values.force });
    io.stderr.write(
      terminalText(
        t(
          locale,
          'written',
          written.length > 3 ? `${written[0]} … (${written.length})` : written.join(', '),
          report.year,
          report.rollUp.units,
          report.rollUp.totals.assets,
        ),
      ) + '\n',
    );
    return 0;
  } catch (error) {
    progress.finish();
    if (error instanceof SheetInputError) {
      io.stderr.write(`steward: ${terminalText(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}
