/** What a CLI command reads and writes, passed in (tests run commands in-process with their own), and usage errors. */
import type { Locale } from '../service';
import type { BytesRead, ReadOptions } from '../host/read';
import { t } from './messages';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): void; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): void; isTTY?: boolean };
  /** Standard input, read up to the size limit. */
  readStdin(options: ReadOptions): Promise<BytesRead>;
  /** Standard input as a stream, for the questions `steward init` asks on a terminal. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
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
 * Colour on or off: `--color`/`--no-color` first, then NO_COLOR (set and not empty: off, as no-color.org asks), then
 * what Node's own `tty.WriteStream#getColorDepth` reads from FORCE_COLOR and TERM: FORCE_COLOR set and not empty
 * decides alone, even when piped (`0` and `false` off; `1`, `2`, `3` and `true` on, the other values off);
 * else colours on a terminal that has them (not TERM=dumb), never when piped.
 */
export function useColor(values: { color?: boolean; 'no-color'?: boolean }, io: Io): boolean {
  if (values['no-color']) return false;
  if (values.color) return true;
  if (io.env.NO_COLOR) return false;
  // Empty NO_COLOR and FORCE_COLOR count as unset (Node would read them as set): scripts clear variables that way.
  const { FORCE_COLOR, NO_COLOR: _, ...rest } = io.env;
  // Piped without FORCE_COLOR: no colours, and no node:tty to load (a few milliseconds of every such run).
  if (!FORCE_COLOR && !io.stdout.isTTY) return false;
  const env = FORCE_COLOR ? { ...rest, FORCE_COLOR } : rest;
  const tty = require('node:tty') as typeof import('node:tty');
  return tty.WriteStream.prototype.getColorDepth.call(io.stdout, env) > 2;
}

/** Columns of the terminal the output goes to: its own width, else `COLUMNS`, else undefined (the default). */
export function terminalWidth(io: Io): number | undefined {
  if (io.stdout.isTTY && io.stdout.columns) return io.stdout.columns;
  const columns = Number(io.env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : undefined;
}
