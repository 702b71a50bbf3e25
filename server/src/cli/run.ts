/** The `steward` command: arguments -> service -> formatter. All I/O of the CLI happens here and in files.ts. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createStewardService } from '../service';
import type { CodeTable } from '../service/codes/table';
import { loadCodeTable } from '../service/codes/loader';
import type { Finding, Locale } from '../service/types';
import { formatResults } from './formatters';
import type { FileResult, FormatName } from './formatters/types';
import { decodeText, discoverFiles, displayPath, readTextFile } from './files';
import { t } from './messages';
import { codesCommand } from './codes';

declare const STEWARD_VERSION: string | undefined;
export const VERSION = typeof STEWARD_VERSION === 'string' ? STEWARD_VERSION : '0.0.0-dev';

const FORMATS: FormatName[] = ['stylish', 'json', 'sarif', 'junit', 'github'];

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): void; isTTY?: boolean };
  stderr: { write(text: string): void };
  readStdin(): Promise<Uint8Array>;
}

/** Raised for bad usage: printed as one line, exit code 2. */
export class UsageError extends Error {}

export function localeFrom(env: NodeJS.ProcessEnv): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(value) ? 'zh-CN' : 'en';
}

function parseLocale(value: string | undefined, env: NodeJS.ProcessEnv): Locale {
  if (value === undefined) return localeFrom(env);
  if (/^zh(-cn)?$/i.test(value)) return 'zh-CN';
  if (/^en(-\w+)?$/i.test(value)) return 'en';
  throw new UsageError(t(localeFrom(env), 'badLocale', value));
}

function parseCount(name: string, value: string | undefined, locale: Locale): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(t(locale, 'badNumber', name, value));
  return Number(value);
}

export async function run(argv: string[], io: Io): Promise<number> {
  let locale = localeFrom(io.env);
  const debug = argv.includes('--debug');
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        'max-warnings': { type: 'string' },
        'max-file-size': { type: 'string' },
        quiet: { type: 'boolean' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        'code-table': { type: 'string' },
        locale: { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        limit: { type: 'string' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
    locale = parseLocale(values.locale, io.env);
    if (values.version) {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.stdout.write(t(locale, 'usage') + '\n');
      return 0;
    }
    const codeTable = values['code-table'] ? loadTableFile(values['code-table'], io, locale) : undefined;
    if (command === 'validate') return await validateCommand(rest, values, io, locale, codeTable);
    if (command === 'codes') {
      const limit = parseCount('--limit', values.limit, locale) ?? 20;
      return codesCommand(rest, { io, locale, codeTable, limit, json: values.format === 'json' });
    }
    throw new UsageError(t(locale, 'unknownCommand', command));
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`steward: ${(error as Error).message}\n`);
      return 2;
    }
    io.stderr.write(`steward: ${t(locale, 'internalError', (error as Error)?.message ?? String(error))}\n`);
    if (debug) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 2;
  }
}

function loadTableFile(file: string, io: Io, locale: Locale): CodeTable {
  const absolute = path.resolve(io.cwd, file);
  let text: string;
  try {
    const decoded = decodeText(fs.readFileSync(absolute));
    if (!decoded.ok) throw new Error(decoded.finding.message[locale]);
    text = decoded.text;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(t(locale, 'codeTableUnreadable', file, reason));
  }
  const { table, problems } = loadCodeTable(text, { fileName: displayPath(absolute, io.cwd) });
  for (const problem of problems) {
    io.stderr.write(`${displayPath(absolute, io.cwd)}:${problem.line}:${problem.column}: ${problem.severity} ${t(locale, 'codeTableProblem')}: ${problem.message[locale]}\n`);
  }
  return table;
}

interface ValidateValues {
  format?: string;
  output?: string;
  'max-warnings'?: string;
  'max-file-size'?: string;
  quiet?: boolean;
  stdin?: boolean;
  'stdin-filename'?: string;
  color?: boolean;
  'no-color'?: boolean;
}

async function validateCommand(inputs: string[], values: ValidateValues, io: Io, locale: Locale, codeTable: CodeTable | undefined): Promise<number> {
  const format = (values.format ?? 'stylish') as FormatName;
  if (!FORMATS.includes(format)) throw new UsageError(t(locale, 'badFormat', values.format ?? '', FORMATS.join(', ')));
  const maxWarnings = parseCount('--max-warnings', values['max-warnings'], locale);
  const maxFileMb = parseCount('--max-file-size', values['max-file-size'], locale) ?? 256;
  const useStdin = values.stdin || values['stdin-filename'] !== undefined;
  if (useStdin && inputs.length > 0) throw new UsageError(t(locale, 'stdinWithPaths'));

  const service = createStewardService({ codeTable, reportForeignDocuments: true });
  const results: FileResult[] = [];
  if (useStdin) {
    const name = values['stdin-filename'] ?? '<stdin>';
    const decoded = decodeText(await io.readStdin());
    const shown = values['stdin-filename'] ? displayPath(path.resolve(io.cwd, name), io.cwd) : name;
    results.push(decoded.ok
      ? { path: shown, findings: service.validate(shown, decoded.text).findings }
      : { path: shown, findings: [decoded.finding], skipped: true });
  } else {
    const discovery = discoverFiles(inputs, io.cwd, locale);
    for (const warning of discovery.warnings) io.stderr.write(`steward: ${warning}\n`);
    if (discovery.files.length === 0) throw new UsageError(t(locale, 'noFiles'));
    for (const file of discovery.files) {
      const shown = displayPath(file, io.cwd);
      const read = readTextFile(file, { maxBytes: maxFileMb * 1024 * 1024 });
      results.push(read.ok
        ? { path: shown, findings: service.validate(shown, read.text).findings }
        : { path: shown, findings: [read.finding], skipped: true });
    }
  }

  const counts = count(results);
  const shownResults = values.quiet
    ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }))
    : results;
  const color = values['no-color'] ? false : values.color ? true : !io.env.NO_COLOR && (Boolean(io.env.FORCE_COLOR) || (Boolean(io.stdout.isTTY) && !values.output));
  const report = formatResults(format, shownResults, {
    locale,
    color: color && !values.output,
    rules: service.rules(),
    toolName: 'steward',
    toolVersion: VERSION,
    cwd: io.cwd,
    quiet: Boolean(values.quiet),
  });
  if (values.output) {
    const target = path.resolve(io.cwd, values.output);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, report);
    } catch (error) {
      throw new UsageError(t(locale, 'outputUnwritable', values.output, (error as NodeJS.ErrnoException).code ?? String(error)));
    }
  } else if (report.length > 0) {
    io.stdout.write(report.endsWith('\n') ? report : report + '\n');
  }
  if (counts.errors > 0) return 1;
  if (maxWarnings !== undefined && counts.warnings > maxWarnings) return 1;
  return 0;
}

function count(results: FileResult[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    for (const finding of result.findings as Finding[]) {
      if (finding.severity === 'error') errors++;
      else if (finding.severity === 'warning') warnings++;
    }
  }
  return { errors, warnings };
}
