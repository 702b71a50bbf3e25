/**
 * `steward import`: a spreadsheet (xlsx or CSV) → YAML files, checked (host/import-sheet.ts does the work). Loaded
 * only when the command runs, so that `steward validate` never loads exceljs or csv-parse.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Locale } from '../service';
import { importSheet, sheetMapping } from '../host/import-sheet';
import type { ImportSheetOptions } from '../host/import-sheet';
import { SheetInputError } from '../host/sheet-errors';
import { displayPath } from '../host/paths';
import { terminalText } from './formatters/safe-text';
import { helpText, IMPORT_OPTIONS } from './help';
import { localeFrom, UsageError } from './io';
import type { Io } from './io';
import { progressLine } from './progress';

function say(locale: Locale, zh: string, en: string): string {
  return locale === 'zh-CN' ? zh : en;
}

const STRING_OPTIONS = [
  'out',
  'kind',
  'sheet',
  'map',
  'encoding',
  'unit-name',
  'unit-code',
  'unit-type',
  'as-of',
  'locale',
  'config',
];

export async function importCommand(argv: string[], io: Io): Promise<number> {
  let locale: Locale = localeFrom(io.env);
  try {
    const options = Object.fromEntries(
      [...IMPORT_OPTIONS, 'locale', 'config', 'help', 'debug', 'color', 'no-color'].map((name) => [
        name,
        { type: STRING_OPTIONS.includes(name) ? ('string' as const) : ('boolean' as const) },
      ]),
    );
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options });
    const value = (name: string) => values[name] as string | undefined;
    const flag = (name: string) => values[name] === true;
    if (value('locale') !== undefined) {
      const given = value('locale')!;
      if (/^zh(-cn)?$/i.test(given)) locale = 'zh-CN';
      else if (/^en(-\w+)?$/i.test(given)) locale = 'en';
      else
        throw new UsageError(
          say(locale, `未知的语言“${given}”，可选：zh-CN、en`, `Unknown locale "${given}"; choose zh-CN or en`),
        );
    }
    if (flag('help')) {
      io.stdout.write(helpText(locale, 'import'));
      return 0;
    }
    if (positionals.length !== 1)
      throw new UsageError(
        say(
          locale,
          '用法：steward import <表格.xlsx|表格.csv> --out <目录>',
          'Usage: steward import <sheet.xlsx|sheet.csv> --out <dir>',
        ),
      );
    const kind = value('kind');
    if (kind !== undefined && kind !== 'catalog' && kind !== 'register')
      throw new UsageError(
        say(
          locale,
          `--kind 应为 catalog 或 register，而不是“${kind}”`,
          `--kind must be catalog or register, not "${kind}"`,
        ),
      );
    const asOf = value('as-of');
    if (asOf !== undefined && !/^\d{4}-\d\d-\d\d$/.test(asOf))
      throw new UsageError(
        say(locale, `--as-of 应为 YYYY-MM-DD，而不是“${asOf}”`, `--as-of must be YYYY-MM-DD, not "${asOf}"`),
      );
    const out = value('out');
    if (out === undefined && !flag('print-map'))
      throw new UsageError(say(locale, 'steward import 需要 --out <目录>', 'steward import needs --out <dir>'));
    const progress = progressLine(io);
    // Ctrl-C (or a TERM) stops the import at its next step, its temporary files removed; a second one kills it.
    const interruption = new AbortController();
    const interrupt = () => interruption.abort();
    const importOptions: ImportSheetOptions = {
      file: path.resolve(io.cwd, positionals[0]),
      outDir: path.resolve(io.cwd, out ?? '.'),
      kind,
      sheet: value('sheet'),
      mapFile: value('map') === undefined ? undefined : path.resolve(io.cwd, value('map')!),
      encoding: value('encoding'),
      dryRun: flag('dry-run'),
      force: flag('force'),
      locale,
      unit: { name: value('unit-name'), code: value('unit-code'), type: value('unit-type') },
      asOf,
      onProgress: (rows) => progress.show?.(say(locale, `已读取 ${rows} 行`, `read ${rows} rows`)),
      signal: interruption.signal,
    };
    process.once('SIGINT', interrupt).once('SIGTERM', interrupt);
    try {
      if (flag('print-map')) return await printMap(importOptions, io, locale);
      return await runImport(importOptions, io, locale);
    } catch (error) {
      if (!interruption.signal.aborted) throw error;
      progress.finish();
      io.stderr.write(`steward: ${say(locale, '已中断，未写入任何文件', 'interrupted; nothing written')}\n`);
      return 130;
    } finally {
      process.off('SIGINT', interrupt).off('SIGTERM', interrupt);
      progress.finish();
    }
  } catch (error) {
    if (
      error instanceof SheetInputError ||
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.stderr.write(`steward: ${terminalText(relativeMessage((error as Error).message, io.cwd))}\n`);
      return 2;
    }
    io.stderr.write(`steward: ${terminalText(String((error as Error)?.stack ?? error))}\n`);
    return 2;
  }
}

/** Absolute paths in a message shown relative to the working folder. */
function relativeMessage(message: string, cwd: string): string {
  return message.split(cwd + path.sep).join('');
}

async function printMap(options: ImportSheetOptions, io: Io, locale: Locale): Promise<number> {
  const mapping = await sheetMapping(options);
  if (mapping.mode === 'layout') {
    io.stdout.write(
      say(
        locale,
        '本工具导出的工作簿：按工作表的表头逐列读取，按“来源文件”列还原文件。\n',
        "This tool's own workbook layout: every column by its header, files rebuilt from 来源文件.\n",
      ),
    );
    return 0;
  }
  io.stdout.write(
    say(
      locale,
      `工作表“${mapping.sheet}”，表头在第 ${mapping.headerRow} 行，${mapping.kind === 'DataResourceCatalog' ? '数据资源目录' : '数据资产登记'}：\n`,
      `Sheet ${mapping.sheet}, header in row ${mapping.headerRow}, ${mapping.kind}:\n`,
    ),
  );
  for (const column of mapping.columns) {
    const target = column.column
      ? `${column.column.path.join('.')}（${column.column.header}）${column.by === 'map' ? say(locale, '  [对应文件]', '  [mapping file]') : ''}`
      : say(locale, '未对应', 'unmapped');
    io.stdout.write(terminalText(`${column.letter.padEnd(3)} ${column.header} → ${target}`) + '\n');
  }
  return 0;
}

async function runImport(options: ImportSheetOptions, io: Io, locale: Locale): Promise<number> {
  const result = await importSheet(options);
  for (const preview of result.previews ?? []) {
    io.stdout.write(`# ==> ${displayPath(preview.file, io.cwd)} <==\n`);
    for (const line of preview.text.split('\n')) io.stdout.write(`${terminalText(line)}\n`);
  }
  let errors = 0;
  for (const { file, cell, finding } of result.findings) {
    if (finding.severity === 'error') errors++;
    const where = `${displayPath(file, io.cwd)}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
    io.stdout.write(
      terminalText(
        `${where}${cell ? ` (${cell})` : ''}: ${finding.severity} ${finding.message[locale]}  ${finding.ruleId}`,
      ) + '\n',
    );
  }
  const files = result.written.map((file) => displayPath(file, io.cwd)).join(', ');
  io.stderr.write(
    say(
      locale,
      `${options.dryRun ? '将写入（--dry-run，未写入）' : '已写入'} ${result.written.length} 个文件（${result.documents} 个文档，${result.items} 个条目）：${files}；${result.findings.length} 个问题\n`,
      `${options.dryRun ? 'Would write (--dry-run, nothing written)' : 'Wrote'} ${result.written.length} files (${result.documents} documents, ${result.items} items): ${files}; ${result.findings.length} findings\n`,
    ),
  );
  return errors > 0 ? 1 : 0;
}
