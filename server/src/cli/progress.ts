/**
 * The progress line of a long `steward validate` ("checked 120 of 580 files") on standard error: shown only when
 * standard error is a terminal (never in a CI log, a pipe or a file, and never on standard output, where the
 * reports go), only once a run has taken PROGRESS_DELAY_MS, redrawn in place at most every PROGRESS_EVERY_MS, and
 * erased before the report is written.
 */
import type { Locale } from '../service';
import { t } from './messages';

export const PROGRESS_DELAY_MS = 2000;

/** The delay, or `STEWARD_PROGRESS_DELAY_MS` (tests on a pseudo-terminal set 0 rather than wait). */
export function progressDelay(env: NodeJS.ProcessEnv): number {
  const value = Number(env.STEWARD_PROGRESS_DELAY_MS);
  return env.STEWARD_PROGRESS_DELAY_MS !== undefined && Number.isInteger(value) && value >= 0
    ? value
    : PROGRESS_DELAY_MS;
}
const PROGRESS_EVERY_MS = 100;

/** Is a progress line wanted? A terminal on standard error that can redraw a line, and not a CI job. */
export function wantsProgress(stderr: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stderr.isTTY) && env.TERM !== 'dumb' && !env.CI;
}

export interface Progress {
  /** One more file is done. */
  tick(): void;
  /** The run is done: the line, if one was drawn, is erased. */
  finish(): void;
}

const SILENT: Progress = { tick() {}, finish() {} };

/** A progress line for `total` files, or one that prints nothing when none is wanted. */
export function createProgress(
  total: number,
  options: {
    wanted: boolean;
    stderr: { write(text: string): void };
    locale: Locale;
    now?: () => number;
    delayMs?: number;
  },
): Progress {
  if (!options.wanted) return SILENT;
  const now = options.now ?? Date.now;
  const started = now();
  let done = 0;
  let drawnAt: number | undefined;
  return {
    tick() {
      done++;
      const at = now();
      if (at - started < (options.delayMs ?? PROGRESS_DELAY_MS)) return;
      if (drawnAt !== undefined && at - drawnAt < PROGRESS_EVERY_MS && done < total) return;
      drawnAt = at;
      options.stderr.write(`\r\u001b[K${t(options.locale, 'progress', done, total)}`);
    },
    finish() {
      if (drawnAt !== undefined) options.stderr.write('\r\u001b[K');
    },
  };
}

/**
 * A progress line whose text the caller makes (rows read, items written, files reported), for the commands that
 * count something other than files: `show` draws it once the run has taken the delay, `finish` erases it if drawn.
 * `show` is undefined when no line is wanted, so that the work is not even asked to report.
 */
export function progressLine(io: { stderr: { isTTY?: boolean; write(text: string): void }; env: NodeJS.ProcessEnv }): {
  show?: (text: string) => void;
  finish(): void;
} {
  if (!wantsProgress(io.stderr, io.env)) return { finish() {} };
  const started = Date.now();
  const delay = progressDelay(io.env);
  let drawn = false;
  return {
    show(text) {
      if (Date.now() - started < delay) return;
      drawn = true;
      io.stderr.write(`\r\u001b[K${text}`);
    },
    finish() {
      if (drawn) io.stderr.write('\r\u001b[K');
    },
  };
}
