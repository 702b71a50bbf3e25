/**
 * LibreOffice Calc, headless, as the independent spreadsheet program of the spreadsheet tests (Debian's
 * libreoffice-calc-nogui, installed by scripts/install-editors.sh). Each conversion runs `soffice --convert-to`
 * with its own throwaway user profile, so runs never share state and HOME is left alone. A missing soffice is a
 * failure naming the install command, never a skipped test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';

/** The soffice binary: $SOFFICE_PATH, or the first soffice/libreoffice on PATH. */
export function sofficePath(): string {
  const candidates = [process.env.SOFFICE_PATH, 'soffice', 'libreoffice'].filter((c): c is string => !!c);
  for (const candidate of candidates) {
    if (path.isAbsolute(candidate)) {
      if (existsSync(candidate)) return candidate;
      continue;
    }
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      if (dir && existsSync(path.join(dir, candidate))) return path.join(dir, candidate);
    }
  }
  throw new Error(
    'LibreOffice (soffice) is needed by the spreadsheet tests; install it with: bash scripts/install-editors.sh ' +
      '(Debian package libreoffice-calc-nogui)',
  );
}

/**
 * Converts `input` with `soffice --headless --convert-to <target>` into `outDir`; returns the files it wrote.
 * `target` is a format with optional filter options (e.g. `xlsx`, or CSV_ALL_SHEETS); `inFilter` the import
 * filter (e.g. CSV_UTF8_IN for a UTF-8 CSV).
 */
export function convert(input: string, target: string, outDir: string, inFilter?: string): string[] {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'steward-soffice-'));
  try {
    const before = new Set(existsSync(outDir) ? readdirSync(outDir) : []);
    const args = [
      '--headless',
      '--norestore',
      '--nolockcheck',
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      ...(inFilter ? [`--infilter=${inFilter}`] : []),
      '--convert-to',
      target,
      '--outdir',
      outDir,
      input,
    ];
    const run = spawnSync(sofficePath(), args, {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, HOME: profile },
    });
    const written = (existsSync(outDir) ? readdirSync(outDir) : []).filter((name) => !before.has(name));
    if (run.status !== 0 || written.length === 0) {
      throw new Error(
        `soffice --convert-to ${target} ${input} failed (status ${run.status}, signal ${run.signal}):\n` +
          `${run.stdout}\n${run.stderr}${run.error ? `\n${run.error.message}` : ''}`,
      );
    }
    return written.map((name) => path.join(outDir, name)).sort();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** A UTF-8 CSV with a header, comma-separated, "-quoted: LibreOffice's CSV import filter options. */
export const CSV_UTF8_IN = 'CSV:44,34,76,1';
/**
 * Every sheet to its own UTF-8 CSV (`<name>-<sheet>.csv`), cells as shown, formulas by their values: the CSV
 * export filter's options, the last one (-1) meaning all sheets.
 */
export const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

/** Each sheet of a workbook as LibreOffice reads it: sheet name → rows of cell texts as shown. */
export function sheetsAsShown(workbook: string): Map<string, string[][]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-sheets-'));
  try {
    const base = path.basename(workbook).replace(/\.[^.]+$/, '');
    const sheets = new Map<string, string[][]>();
    for (const file of convert(workbook, CSV_ALL_SHEETS, dir)) {
      const name = path.basename(file, '.csv');
      const sheet = name.startsWith(`${base}-`) ? name.slice(base.length + 1) : name;
      sheets.set(sheet, parse(readFileSync(file, 'utf8'), { relax_column_count: true }) as string[][]);
    }
    return sheets;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
