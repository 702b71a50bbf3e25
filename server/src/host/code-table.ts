/** Reading a unit's full asset classification code table (CSV or JSON) from a file. */
import { loadCodeTable } from '../service';
import type { CodeTable, CodeTableProblem, Finding } from '../service';
import { decodeText, failureFinding, readFileBytes } from './read';
import type { ReadOptions } from './read';

/** Problems shown at most; a summary line counts the rest. */
export const MAX_CODE_TABLE_PROBLEMS = 20;

export type CodeTableRead =
  /** `text` is kept: worker threads build their own table from it. `omitted` problems are not in `problems`. */
  | { ok: true; table: CodeTable; problems: CodeTableProblem[]; omitted: number; text: string }
  | { ok: false; reason: string | Finding };

const NOT_A_TABLE: CodeTableProblem = {
  line: 1,
  column: 1,
  severity: 'error',
  kind: 'bad-structure',
  message: {
    'zh-CN': '这不是资产分类代码表：没有读出任何代码（文件内容不予显示）',
    en: 'This is not an asset classification code table: no code could be read from it (its content is not shown)',
  },
};

/**
 * Reads and loads a code table; `fileName` is the name its problems carry. A file from which no code could be
 * read is not a code table: its problems would quote its lines (the file may be anything, /etc/shadow say), so
 * one problem without its content stands for them.
 */
export function readCodeTableFile(file: string, fileName: string, options: ReadOptions): CodeTableRead {
  const read = readFileBytes(file, options);
  if (!read.ok) return { ok: false, reason: failureFinding(read.failure) };
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.finding };
  const { table, problems } = loadCodeTable(decoded.text, { fileName });
  const shown = table.size === 0 && problems.length > 0 ? [NOT_A_TABLE] : problems;
  return {
    ok: true,
    table,
    problems: shown.slice(0, MAX_CODE_TABLE_PROBLEMS),
    omitted: Math.max(0, shown.length - MAX_CODE_TABLE_PROBLEMS),
    text: decoded.text,
  };
}
