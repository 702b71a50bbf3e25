/** What a CLI command reads and writes, passed in (tests run commands in-process with their own), and usage errors. */
import type { Locale } from '../service';
import { t } from './messages';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): void; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): void };
  readStdin(): Promise<Uint8Array>;
  /** The CLI's entry script, which worker threads run; without it `validate` checks every file in-process. */
  workerScript?: string;
}

/** Raised for bad usage: printed as one line, exit code 2. */
export class UsageError extends Error {}

export function localeFrom(env: NodeJS.ProcessEnv): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const language = value.split(/[._@]/)[0];
  // The tool is for Chinese finance officials: Chinese unless the environment asks for another language.
  if (language === '' || language === 'C' || language === 'POSIX') return 'zh-CN';
  return /^zh/i.test(language) ? 'zh-CN' : 'en';
}

/** A non-negative integer option, or undefined when it was not given. */
export function parseCount(name: string, value: string | undefined, locale: Locale): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(t(locale, 'badNumber', name, value));
  return Number(value);
}

/**
 * Colour on or off: `--color`/`--no-color` first, then NO_COLOR (any value turns it off), then FORCE_COLOR
 * (`0` and `false` turn it off, any other value on, as Node and chalk read it), else whether stdout is a terminal.
 */
export function useColor(values: { color?: boolean; 'no-color'?: boolean }, io: Io): boolean {
  if (values['no-color']) return false;
  if (values.color) return true;
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  return Boolean(io.stdout.isTTY);
}

/** Columns of the terminal the output goes to: its own width, else `COLUMNS`, else undefined (the default). */
export function terminalWidth(io: Io): number | undefined {
  if (io.stdout.isTTY && io.stdout.columns) return io.stdout.columns;
  const columns = Number(io.env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : undefined;
}
