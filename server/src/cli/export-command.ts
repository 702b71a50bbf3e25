/** `steward export`: a thin shell over host/export-sheet.ts (the language server calls the same function). */
import type { Locale } from '../service';
import { exportSheet } from '../host/export-sheet';
import type { ExportSheetOptions } from '../host/export-sheet';
import { SheetInputError } from '../host/sheet-errors';
import { translator } from '../host/messages';
import { terminalText } from './formatters/safe-text';
import { UsageError } from './io';
import type { Io } from './io';
import { progressLine } from './progress';

const FORMATS = ['xlsx', 'csv', 'dcat-jsonld'] as const;

const { t } = translator({
  formatNeeded: {
    'zh-CN': 'steward export 需要 --format xlsx|csv|dcat-jsonld',
    en: 'steward export needs --format xlsx|csv|dcat-jsonld',
  },
  badFormat: {
    'zh-CN': '未知的导出格式“{0}”，可选：xlsx、csv、dcat-jsonld',
    en: 'Unknown export format "{0}"; choose xlsx, csv or dcat-jsonld',
  },
  outNeeded: { 'zh-CN': 'steward export 需要 --out <文件>', en: 'steward export needs --out <file>' },
  written: {
    'zh-CN': '已写入 {0}：{1} 个文档，{2} 个条目，{3} 个问题（{4} 个错误）',
    en: 'Wrote {0}: {1} documents, {2} items, {3} findings ({4} errors)',
  },
  progress: { 'zh-CN': '已写入 {0} 行', en: '{0} rows written' },
});

export async function exportCommand(
  inputs: string[],
  values: { format?: string[]; out?: string; force?: boolean; 'base-iri'?: string },
  io: Io,
  locale: Locale,
): Promise<number> {
  const format = values.format?.at(-1);
  if (format === undefined) throw new UsageError(t(locale, 'formatNeeded'));
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(t(locale, 'badFormat', format));
  if (!values.out) throw new UsageError(t(locale, 'outNeeded'));
  const progress = progressLine(io);
  const options: ExportSheetOptions = {
    paths: inputs,
    format: format as ExportSheetOptions['format'],
    out: values.out,
    force: values.force,
    locale,
    baseIri: values['base-iri'],
    cwd: io.cwd,
    onProgress: progress.show && ((rows) => progress.show!(t(locale, 'progress', rows))),
  };
  try {
    const result = await exportSheet(options);
    progress.finish();
    const files = result.written.join(', ');
    io.stderr.write(
      terminalText(t(locale, 'written', files, result.documents, result.items, result.findings, result.errors)) + '\n',
    );
    return result.errors > 0 ? 1 : 0;
  } catch (error) {
    progress.finish();
    if (error instanceof SheetInputError) {
      io.stderr.write(`steward: ${terminalText(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}
