/** The `steward` command: arguments -> service -> formatter. The CLI's I/O happens here and in the host layer. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createStewardService, DEFAULT_MAX_ITEMS, EMPTY_CONFIG } from '../service';
import type { CodeTable, Finding, Locale, StewardConfig } from '../service';
import { findConfigUpward, readConfigFile } from '../host/config';
import type { ConfigReadOptions } from '../host/config';
import { readCodeTableFile } from '../host/code-table';
import { discoverFiles } from '../host/discover';
import { loadIgnores, withoutIgnored } from '../host/ignore';
import { displayPath, toPosix } from '../host/paths';
import { decodeText, DEFAULT_MAX_FILE_MB, failureFinding, readTextFile } from '../host/read';
import type { ReadOptions } from '../host/read';
import { capFindings, countResults } from './formatters';
import type { FileResult } from './formatters/types';
import { parseOutputs, writeReport } from './output';
import { terminalText } from './formatters/safe-text';
import { createProgress, progressDelay, wantsProgress } from './progress';
import { t } from './messages';
import { codesCommand } from './codes';
import { localeFrom, parseCount, terminalWidth, useColor, UsageError } from './io';
import type { Io } from './io';
import { documentationUris, explainCommand, rulesCommand } from './rules-command';
import { checkOptionsFor, helpText, isCommand, lspTransportError, unknownOptionError } from './help';
import { fixFiles } from './fix';
import { initCommand } from './init-command';
import { fileSizes, firstPassInWorkers, serviceOptions, threadCount } from './parallel';
import type { FileTask, FirstPass, ValidationSetup } from './parallel';

export { localeFrom, UsageError };
export type { Io };

declare const STEWARD_VERSION: string | undefined;
export const VERSION = typeof STEWARD_VERSION === 'string' ? STEWARD_VERSION : '0.0.0-dev';

function parseLocale(value: string | undefined, env: NodeJS.ProcessEnv): Locale {
  if (value === undefined) return localeFrom(env);
  if (/^zh(-cn)?$/i.test(value)) return 'zh-CN';
  if (/^en(-\w+)?$/i.test(value)) return 'en';
  throw new UsageError(t(localeFrom(env), 'badLocale', value));
}

/**
 * The commands that need the spreadsheet libraries (dist/sheets.js, a bundle of its own: esbuild.mjs), required
 * when one runs. `require`, not `import()`: Node's ESM loader would first scan the whole CommonJS bundle for its
 * exports (cjs-module-lexer), about a second for its 4 MB.
 */
function sheetsCommands(): typeof import('./sheets-commands') {
  return require('./sheets-commands') as typeof import('./sheets-commands');
}

/** `steward report` (dist/report-cli.js: the spreadsheet libraries, ECharts and the report), required the same way. */
function reportCommands(): typeof import('./report-command') {
  return require('./report-command') as typeof import('./report-command');
}

export async function run(argv: string[], io: Io): Promise<number> {
  let locale = localeFrom(io.env);
  // `steward lsp` reaches here only for its help or without a transport (main.ts starts the server otherwise).
  if (argv[0] === 'lsp') {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.stdout.write(helpText(locale, 'lsp'));
      return 0;
    }
    io.stderr.write(`steward: ${lspTransportError(locale).message}\n`);
    return 2;
  }
  // `steward import` parses its own options and is loaded only when it runs (exceljs, csv-parse).
  if (argv[0] === 'import') return sheetsCommands().importCommand(argv.slice(1), io);
  const debug = argv.includes('--debug');
  try {
    const { values, positionals, tokens } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        format: { type: 'string', short: 'f', multiple: true },
        'max-findings-per-file': { type: 'string' },
        output: { type: 'string', short: 'o' },
        'max-warnings': { type: 'string' },
        'max-file-size': { type: 'string' },
        'max-items-per-file': { type: 'string' },
        quiet: { type: 'boolean' },
        'schema-only': { type: 'boolean' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        'code-table': { type: 'string' },
        config: { type: 'string', short: 'c' },
        'allow-outside-paths': { type: 'boolean' },
        locale: { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        limit: { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        debug: { type: 'boolean' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        'no-ignore': { type: 'boolean' },
        out: { type: 'string' },
        force: { type: 'boolean' },
        'base-iri': { type: 'string' },
        // steward report (issue 18)
        year: { type: 'string' },
        compare: { type: 'string' },
        merge: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        // steward init (issue 17)
        'unit-name': { type: 'string' },
        'unit-code': { type: 'string' },
        'unit-type': { type: 'string' },
        'supervising-department': { type: 'string' },
      },
    });
    locale = parseLocale(values.locale, io.env);
    if (values.version) {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    // Every read (files, standard input, the configuration, a code table) stops at this size.
    const maxFileMb = parseCount('--max-file-size', values['max-file-size'], locale) ?? DEFAULT_MAX_FILE_MB;
    const reads: ReadOptions = { maxBytes: maxFileMb * 1024 * 1024, limitOption: '--max-file-size' };
    const workspace = loadWorkspaceConfig(values.config, io, locale, {
      ...reads,
      allowOutsidePaths: values['allow-outside-paths'],
    });
    if (values.locale === undefined && workspace.config.locale) locale = workspace.config.locale;
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === 'help') {
      const about = command === 'help' ? rest[0] : command;
      io.stdout.write(helpText(locale, isCommand(about) ? about : undefined));
      return 0;
    }
    if (!isCommand(command)) throw new UsageError(t(locale, 'unknownCommand', command));
    checkOptionsFor(
      command,
      tokens.flatMap((token) => (token.kind === 'option' ? [token.name] : [])),
      locale,
    );
    if (command === 'lsp') throw lspTransportError(locale);
    if (command === 'init') return await initCommand(rest, values, io, locale);
    const tablePath = values['code-table']
      ? path.resolve(io.cwd, values['code-table'])
      : workspace.config.codeTable
        ? path.resolve(workspace.root, workspace.config.codeTable)
        : undefined;
    // The configuration's table stays in its folder up to the read itself (a link swapped in meanwhile is refused).
    const confined = !values['code-table'] && !values['allow-outside-paths'];
    const tableReads = confined ? { ...reads, within: workspace.root } : reads;
    const table = tablePath ? loadTableFile(tablePath, io, locale, tableReads) : undefined;
    const codeTable = table?.table;
    if (command === 'validate') return await validateCommand(rest, values, io, locale, table, workspace);
    if (command === 'export') return await sheetsCommands().exportCommand(rest, values, io, locale);
    if (command === 'report') return await reportCommands().reportCommand(rest, values, io, locale);
    const format = values.format?.at(-1);
    if (command === 'rules') return rulesCommand(io, locale, format);
    if (command === 'explain')
      return explainCommand(rest, io, locale, {
        format,
        isTTY: Boolean(io.stdout.isTTY),
        width: terminalWidth(io),
        color: useColor(values, io),
      });
    if (command === 'codes') {
      const limit = parseCount('--limit', values.limit, locale) ?? 20;
      return codesCommand(rest, { io, locale, codeTable, limit, json: format === 'json' });
    }
    throw new UsageError(t(locale, 'unknownCommand', command));
  } catch (thrown) {
    const error =
      (thrown as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? unknownOptionError(
            thrown as Error,
            argv.find((arg) => !arg.startsWith('-')),
            locale,
          )
        : thrown;
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`steward: ${terminalText((error as Error).message)}\n`);
      return 2;
    }
    const message = terminalText(t(locale, 'internalError', (error as Error)?.message ?? String(error)));
    io.stderr.write(`steward: ${message}\n`);
    if (debug) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 2;
  }
}

interface Workspace {
  /** Folder of the configuration file, or the working directory: paths in the configuration are relative to it. */
  root: string;
  config: StewardConfig;
  file?: string;
}

/** Finds `steward.config.yaml` walking up from the working directory (or takes `--config`), and reads it. */
function loadWorkspaceConfig(
  explicit: string | undefined,
  io: Io,
  locale: Locale,
  options: ConfigReadOptions,
): Workspace {
  let file: string | undefined;
  if (explicit) {
    file = path.resolve(io.cwd, explicit);
    if (!fs.existsSync(file)) throw new UsageError(t(locale, 'configMissing', explicit));
  } else {
    file = findConfigUpward(io.cwd);
  }
  if (!file) return { root: io.cwd, config: EMPTY_CONFIG };
  const shown = displayPath(file, io.cwd);
  const read = readConfigFile(file, shown, options);
  if (!read.ok) throw new UsageError(t(locale, 'configUnreadable', shown, reasonText(read.reason, locale)));
  for (const finding of read.findings) {
    io.stderr.write(
      terminalText(
        `${shown}:${finding.range.start.line + 1}:${finding.range.start.character + 1}: ${finding.severity} ${finding.message[locale]}  ${finding.ruleId}`,
      ) + '\n',
    );
  }
  if (read.findings.some((f) => f.severity === 'error')) throw new UsageError(t(locale, 'configInvalid', shown));
  return { root: path.dirname(file), config: read.config, file };
}

/** Why the host could not read a file: an errno code, or the decoding problem in the user's language. */
function reasonText(reason: string | Finding, locale: Locale): string {
  return typeof reason === 'string' ? reason : reason.message[locale];
}

/**
 * The files `validate` checks: those the inputs name or match (the configuration's globs in folders), less those
 * `.stewardignore` and the configuration's `ignores` leave out (unless `--no-ignore`). A file named on the command
 * line and ignored is left out with a warning, as ESLint does: a pre-commit hook passing it must not fail.
 */
function filesToCheck(inputs: string[], io: Io, locale: Locale, workspace: Workspace, noIgnore: boolean): string[] {
  const discovery = discoverFiles(inputs, io.cwd, locale, workspace.config.files);
  for (const warning of discovery.warnings) io.stderr.write(`steward: ${terminalText(warning)}\n`);
  if (discovery.files.length === 0) throw new UsageError(t(locale, 'noFiles'));
  if (noIgnore) return discovery.files;
  const named = new Set(inputs.map((input) => path.resolve(io.cwd, input)));
  const kept = withoutIgnored(discovery.files, named, loadIgnores(workspace.root, workspace.config.ignores));
  for (const file of kept.ignoredNamed)
    io.stderr.write(`steward: ${terminalText(t(locale, 'fileIgnored', displayPath(file, io.cwd)))}\n`);
  return kept.files;
}

interface LoadedTable {
  table: CodeTable;
  /** What the table was built from: worker threads build theirs from the same text. */
  source: { text: string; fileName: string };
}

function loadTableFile(file: string, io: Io, locale: Locale, options: ReadOptions): LoadedTable {
  const absolute = path.resolve(io.cwd, file);
  const fileName = displayPath(absolute, io.cwd);
  const read = readCodeTableFile(absolute, fileName, options);
  if (!read.ok) throw new UsageError(t(locale, 'codeTableUnreadable', fileName, reasonText(read.reason, locale)));
  for (const problem of read.problems) {
    io.stderr.write(
      terminalText(
        `${fileName}:${problem.line}:${problem.column}: ${problem.severity} ${t(locale, 'codeTableProblem')}: ${problem.message[locale]}`,
      ) + '\n',
    );
  }
  if (read.omitted > 0) io.stderr.write(`${fileName}: ${t(locale, 'codeTableOmitted', read.omitted)}\n`);
  return { table: read.table, source: { text: read.text, fileName } };
}

interface ValidateValues {
  format?: string[];
  'max-findings-per-file'?: string;
  output?: string;
  'max-warnings'?: string;
  'max-file-size'?: string;
  'max-items-per-file'?: string;
  quiet?: boolean;
  'schema-only'?: boolean;
  stdin?: boolean;
  'stdin-filename'?: string;
  color?: boolean;
  'no-color'?: boolean;
  jobs?: string;
  debug?: boolean;
  fix?: boolean;
  'fix-dry-run'?: boolean;
  'no-ignore'?: boolean;
}

/** --max-items-per-file: the default when absent, no limit at 0. */
function itemLimit(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_ITEMS;
  return value === 0 ? Number.POSITIVE_INFINITY : value;
}

async function validateCommand(
  inputs: string[],
  values: ValidateValues,
  io: Io,
  locale: Locale,
  table: LoadedTable | undefined,
  workspace: Workspace,
): Promise<number> {
  const outputs = parseOutputs(values.format ?? [], values.output, locale);
  const findingsLimit = parseCount('--max-findings-per-file', values['max-findings-per-file'], locale) ?? 1000;
  const maxWarnings = parseCount('--max-warnings', values['max-warnings'], locale);
  const maxFileMb = parseCount('--max-file-size', values['max-file-size'], locale) ?? DEFAULT_MAX_FILE_MB;
  const reads: ReadOptions = { maxBytes: maxFileMb * 1024 * 1024, limitOption: '--max-file-size' };
  const jobs =
    parseCount('--jobs', values.jobs, locale) ?? parseCount('STEWARD_JOBS', io.env.STEWARD_JOBS || undefined, locale);
  const useStdin = values.stdin || values['stdin-filename'] !== undefined;
  if (useStdin && inputs.length > 0) throw new UsageError(t(locale, 'stdinWithPaths'));
  const fixing = Boolean(values.fix || values['fix-dry-run']);
  if (useStdin && fixing) throw new UsageError(t(locale, 'fixWithStdin'));

  // Overrides in the configuration match paths relative to the workspace root (the configuration's folder).
  const configPath = (shown: string) => toPosix(path.relative(workspace.root, path.resolve(io.cwd, shown)));
  const setup: ValidationSetup = {
    codeTable: table?.source,
    config: workspace.config,
    schemaOnly: Boolean(values['schema-only']),
    today: new Date().toISOString().slice(0, 10),
    maxBytes: maxFileMb * 1024 * 1024,
    maxItems: itemLimit(parseCount('--max-items-per-file', values['max-items-per-file'], locale)),
  };
  // Fixing asks the service for code actions, which it answers on the parses an incremental service keeps.
  const service = createStewardService({ ...serviceOptions(setup, table?.table, configPath), incremental: fixing });
  const results: FileResult[] = [];
  let unwritten = false;
  if (useStdin) {
    const name = values['stdin-filename'] ?? '<stdin>';
    const input = await io.readStdin(reads);
    const decoded = input.ok ? decodeText(input.bytes) : { ok: false as const, finding: failureFinding(input.failure) };
    const shown = values['stdin-filename'] ? displayPath(path.resolve(io.cwd, name), io.cwd) : name;
    if (decoded.ok) {
      service.update(shown, decoded.text, { retain: false });
      results.push({ path: shown, findings: service.findings(shown) });
    } else {
      results.push({ path: shown, findings: [decoded.finding], skipped: true });
    }
  } else {
    const files = filesToCheck(inputs, io, locale, workspace, Boolean(values['no-ignore']));
    // Two passes: every file enters the workspace index first, then each gets its cross-file findings.
    const tasks = files.map((file) => ({ file, shown: displayPath(file, io.cwd) }));
    const wanted = wantsProgress(io.stderr, io.env);
    const progress = createProgress(tasks.length, {
      wanted,
      stderr: io.stderr,
      locale,
      delayMs: progressDelay(io.env),
    });
    const parallel = await firstPassInParallel(tasks, {
      setup,
      jobs,
      io,
      locale,
      debug: Boolean(values.debug),
      onFileDone: () => progress.tick(),
    });
    const order: Array<{ shown: string; skipped?: Finding }> = [];
    const texts: Array<{ shown: string; file: string; text: string }> = [];
    tasks.forEach(({ file, shown }, index) => {
      // Files a worker checked are adopted, the others checked here: in discovery order either way.
      const checked = parallel[index];
      if (checked?.ok) service.adopt(shown, checked.text, checked);
      const read = checked ?? readTextFile(file, reads);
      if (!checked && read.ok) service.update(shown, read.text, { retain: false });
      if (!checked) progress.tick();
      order.push(read.ok ? { shown } : { shown, skipped: read.finding });
      if (fixing && read.ok) texts.push({ shown, file, text: read.text });
    });
    progress.finish();
    if (fixing && !fixFiles(service, texts, { write: Boolean(values.fix), locale, stderr: io.stderr }))
      unwritten = true;
    for (const entry of order) {
      results.push(
        entry.skipped
          ? { path: entry.shown, findings: [entry.skipped], skipped: true }
          : { path: entry.shown, findings: service.findings(entry.shown) },
      );
    }
  }

  const counts = countResults(results);
  const shownResults = capFindings(
    values.quiet ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : results,
    findingsLimit,
  );
  for (const spec of outputs) {
    const toStdout = spec.file === undefined;
    const context = {
      locale,
      color: toStdout && useColor(values, io),
      rules: service.rules(),
      toolName: 'steward',
      toolVersion: VERSION,
      cwd: io.cwd,
      quiet: Boolean(values.quiet),
      width: toStdout ? terminalWidth(io) : undefined,
      documentation: documentationUris(locale),
      findingsLimit,
    };
    writeReport(spec, shownResults, context, io, locale);
  }
  if (unwritten) return 2;
  if (counts.error > 0) return 1;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) return 1;
  return 0;
}

/**
 * The first pass of many files in worker threads, when they are worth it (or `--jobs` says so). Returns what
 * the workers did, by file; files left undefined are checked in-process (no workers, or none could start).
 */
async function firstPassInParallel(
  tasks: FileTask[],
  options: {
    setup: ValidationSetup;
    jobs: number | undefined;
    io: Io;
    locale: Locale;
    debug: boolean;
    onFileDone: () => void;
  },
): Promise<Array<FirstPass | undefined>> {
  const { setup, io, locale, debug } = options;
  const sizes = fileSizes(
    tasks.map((task) => task.file),
    setup.maxBytes,
  );
  const threads = io.workerScript ? threadCount(options.jobs, sizes) : 1;
  if (threads <= 1) {
    if (debug) io.stderr.write(`steward: ${t(locale, 'checkedInProcess', tasks.length)}\n`);
    return [];
  }
  const outcome = await firstPassInWorkers(tasks, {
    setup,
    threads,
    script: io.workerScript!,
    sizes,
    locale,
    onFileDone: options.onFileDone,
  });
  if (debug) {
    if (outcome.startFailure) io.stderr.write(`steward: ${t(locale, 'workersUnavailable', outcome.startFailure)}\n`);
    const inWorkers = outcome.results.filter(Boolean).length;
    if (inWorkers > 0)
      io.stderr.write(
        `steward: ${t(locale, 'checkedInWorkers', inWorkers, outcome.threads.length, outcome.threads.join(', '))}\n`,
      );
    if (inWorkers < tasks.length)
      io.stderr.write(`steward: ${t(locale, 'checkedInProcess', tasks.length - inWorkers)}\n`);
  }
  return outcome.results;
}
