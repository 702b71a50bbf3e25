/**
 * The files a command that reads many files works on (`export`, `report`): discovered as `validate` discovers
 * them, less the ignored ones, with the configuration and code table that govern them.
 */
import * as path from 'node:path';
import type { CodeTable, Locale, StewardConfig } from '../service';
import { configIn, readConfigFile } from './config';
import { readCodeTableFile } from './code-table';
import { discoverFiles } from './discover';
import { loadIgnores, withoutIgnored } from './ignore';
import { translator } from './messages';
import { DEFAULT_MAX_FILE_MB } from './read';
import type { ReadOptions } from './read';
import { SheetInputError } from './sheet-errors';

const { t } = translator({
  configInvalid: {
    'zh-CN': '配置文件 {0} 无法读取或有错误（运行 steward validate 查看）',
    en: 'The configuration file {0} cannot be read or has errors (run steward validate to see them)',
  },
  codeTableUnreadable: { 'zh-CN': '无法读取代码表 {0}', en: 'Cannot read the code table {0}' },
});

export interface Setup {
  config: StewardConfig | undefined;
  codeTable: CodeTable | undefined;
  root: string;
}

/** The configuration that governs the inputs (found upward from their folder), as `validate` would use it. */
export function loadSetup(start: string, locale: Locale, reads: ReadOptions): Setup {
  let file: string | undefined;
  for (let dir = start; ; dir = path.dirname(dir)) {
    file = configIn(dir);
    if (file || path.dirname(dir) === dir) break;
  }
  if (!file) return { config: undefined, codeTable: undefined, root: start };
  const root = path.dirname(file);
  const read = readConfigFile(file, file, reads);
  if (!read.ok || read.findings.some((f) => f.severity === 'error'))
    throw new SheetInputError(t(locale, 'configInvalid', file), { file });
  let codeTable: CodeTable | undefined;
  if (read.config.codeTable) {
    const tableFile = path.resolve(root, read.config.codeTable);
    const table = readCodeTableFile(tableFile, tableFile, { ...reads, within: root });
    if (!table.ok) throw new SheetInputError(t(locale, 'codeTableUnreadable', tableFile), { file: tableFile });
    codeTable = table.table;
  }
  return { config: read.config, codeTable, root };
}

/** The files to read, and their setup; `noFiles`: the error when there are none. */
export function inputFiles(
  paths: string[],
  cwd: string,
  locale: Locale,
  noFiles: string,
): { files: string[]; setup: Setup } {
  const reads: ReadOptions = { maxBytes: DEFAULT_MAX_FILE_MB * 1024 * 1024 };
  const setup = loadSetup(cwd, locale, reads);
  const discovery = discoverFiles(paths, cwd, locale, setup.config?.files);
  const named = new Set(paths.map((input) => path.resolve(cwd, input)));
  const kept = withoutIgnored(discovery.files, named, loadIgnores(setup.root, setup.config?.ignores));
  if (kept.files.length === 0) throw new SheetInputError(noFiles);
  return { files: kept.files, setup };
}

/** The common folder of the files. */
export function baseOf(files: string[]): string {
  let base = path.dirname(files[0]);
  for (const file of files.slice(1)) {
    while (path.relative(base, file).startsWith('..')) base = path.dirname(base);
  }
  return base;
}
