/** Reading a unit's full asset classification code table (CSV or JSON) from a file. */
import * as fs from 'node:fs';
import { loadCodeTable } from '../service';
import type { CodeTable, CodeTableProblem, Finding } from '../service';
import { decodeText } from './read';

export type CodeTableRead =
  /** `text` is kept: worker threads build their own table from it. */
  { ok: true; table: CodeTable; problems: CodeTableProblem[]; text: string } | { ok: false; reason: string | Finding };

/** Reads and loads a code table; `fileName` is the name its problems carry. */
export function readCodeTableFile(file: string, fileName: string): CodeTableRead {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { ok: false, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.finding };
  const { table, problems } = loadCodeTable(decoded.text, { fileName });
  return { ok: true, table, problems, text: decoded.text };
}
