/**
 * Where `steward validate` writes its reports: `--format NAME[:FILE]` (repeatable) and `--output FILE`. Each report
 * is written in pieces as its formatter makes them; a file is written beside its target and renamed over it at the
 * end, so a reader never sees half a report and a failed run leaves the previous file as it was.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../service';
import { FORMAT_NAMES, formatChunks, inPieces, isFormatName } from './formatters';
import type { FileResult, FormatContext, FormatName } from './formatters';
import { UsageError } from './io';
import type { Io } from './io';
import { t } from './messages';

export interface OutputSpec {
  format: FormatName;
  /** The file as the user gave it; undefined: standard output. */
  file?: string;
}

/** `--format` values (`name` or `name:file`) and `--output` (the file of the one format given without a file). */
export function parseOutputs(formats: readonly string[], output: string | undefined, locale: Locale): OutputSpec[] {
  const specs: OutputSpec[] = (formats.length > 0 ? formats : ['stylish']).map((value) => {
    const colon = value.indexOf(':');
    const name = colon < 0 ? value : value.slice(0, colon);
    const file = colon < 0 ? undefined : value.slice(colon + 1);
    if (!isFormatName(name) || file === '')
      throw new UsageError(t(locale, 'badFormat', value, FORMAT_NAMES.join(', ')));
    return { format: name, file };
  });
  const toStdout = specs.filter((spec) => spec.file === undefined);
  if (output !== undefined && toStdout.length > 0) toStdout.shift()!.file = output;
  if (toStdout.length > 1) throw new UsageError(t(locale, 'twoOnStdout', toStdout.map((s) => s.format).join(', ')));
  return specs;
}

/** Writes one report; `contextFor` gives the formatter's context for standard output or a file. */
export function writeReport(
  spec: OutputSpec,
  results: readonly FileResult[],
  context: FormatContext,
  io: Io,
  locale: Locale,
): void {
  const pieces = inPieces(formatChunks(spec.format, results, context));
  if (spec.file === undefined) {
    for (const piece of pieces) io.stdout.write(piece);
    return;
  }
  const target = path.resolve(io.cwd, spec.file);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fd = fs.openSync(temporary, 'w');
    for (const piece of pieces) fs.writeSync(fd, piece);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    throw new UsageError(t(locale, 'outputUnwritable', spec.file, code));
  }
}
