/** `steward codes search <text>`: find classification codes by code prefix or name. */
import { builtinCodeTable } from '../service';
import type { CodeTable, Locale } from '../service';
import { UsageError } from './io';
import type { Io } from './io';
import { t } from './messages';
import { displayWidth, padEnd } from './formatters/width';
import { terminalText } from './formatters/safe-text';

export interface CodesOptions {
  io: Io;
  locale: Locale;
  codeTable: CodeTable | undefined;
  limit: number;
  json: boolean;
}

export function codesCommand(args: string[], options: CodesOptions): number {
  const [subcommand, ...words] = args;
  const text = words.join(' ').trim();
  if (subcommand !== 'search' || text === '') throw new UsageError(t(options.locale, 'searchUsage'));
  const table = options.codeTable ?? builtinCodeTable();
  const found = table.search(text, options.limit);
  const rows = found.map((entry) => ({
    code: entry.code,
    name: options.locale === 'en' && entry.nameEn ? `${entry.name} (${entry.nameEn})` : entry.name,
    path: table
      .ancestors(entry.code)
      .map((a) => a.name)
      .join(' > '),
  }));
  const { io } = options;
  if (options.json) {
    io.stdout.write(
      JSON.stringify(
        { source: table.source, query: text, codes: found.map((entry, i) => ({ ...entry, path: rows[i].path })) },
        null,
        2,
      ) + '\n',
    );
    return 0;
  }
  if (rows.length === 0) {
    io.stdout.write(terminalText(t(options.locale, 'searchNone', text)) + '\n');
    return 1;
  }
  // A unit's own code table is input like any other: its names may hold terminal control sequences.
  const shown = rows.map((row) => ({
    code: terminalText(row.code),
    name: terminalText(row.name),
    path: terminalText(row.path),
  }));
  const nameWidth = Math.max(...shown.map((r) => displayWidth(r.name)));
  for (const row of shown) io.stdout.write(`${row.code}  ${padEnd(row.name, nameWidth)}  ${row.path}\n`);
  return 0;
}
