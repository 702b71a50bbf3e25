/**
 * The CLI's output formats. Each writes its report in pieces (`formatChunks`), file by file and finding by
 * finding, so no string holds a whole report; `formatResults` joins them (tests, small reports).
 */
import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';
import type { FileResult, FormatContext, FormatName } from './types';

export type { FileResult, FormatContext, FormatName, RuleDescriptor } from './types';
export { capFindings, countResults, inPieces } from './common';

type Formatter = (results: readonly FileResult[], context: FormatContext) => Iterable<string>;

const FORMATTERS: Record<FormatName, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
  gitlab: formatGitlab,
};

export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(FORMATTERS, name);
}

/** The report in pieces, in order; nothing at all when the format prints nothing (stylish, github). */
export function formatChunks(
  format: FormatName,
  results: readonly FileResult[],
  context: FormatContext,
): Iterable<string> {
  return FORMATTERS[format](results, context);
}

/** The whole output for one run, ending with a newline, or '' when the format prints nothing (stylish, github). */
export function formatResults(format: FormatName, results: readonly FileResult[], context: FormatContext): string {
  return [...formatChunks(format, results, context)].join('');
}
