/** The CLI's output formats: `formatResults` turns checked files into the text written to stdout. */
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';
import type { FileResult, FormatContext, FormatName } from './types';

export type { FileResult, FormatContext, FormatName, RuleDescriptor } from './types';

type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

const FORMATTERS: Record<FormatName, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
};

export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(FORMATTERS, name);
}

/** The whole output for one run, ending with a newline, or '' when the format prints nothing (stylish, github). */
export function formatResults(format: FormatName, results: FileResult[], context: FormatContext): string {
  return FORMATTERS[format](results, context);
}
