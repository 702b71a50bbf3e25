/**
 * Files left out on purpose: `.stewardignore` in the workspace root and the configuration's `ignores`, both in
 * gitignore syntax (the `ignore` package reads it as git does), matched against paths relative to that root. Both
 * shells use it: the CLI after finding the files, the language server when it indexes a workspace folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const IGNORE_FILE = '.stewardignore';

/** Whether an absolute path is ignored. */
export type IgnoreTest = (file: string) => boolean;

/**
 * The ignore patterns of a workspace root: its `.stewardignore` (if any), then `patterns` (the configuration's
 * `ignores`). Without either, nothing is ignored and the `ignore` package is not loaded.
 */
export function loadIgnores(root: string, patterns: string[] = []): IgnoreTest {
  let fileText = '';
  try {
    fileText = fs.readFileSync(path.join(root, IGNORE_FILE), 'utf8').replace(/^\uFEFF/, '');
  } catch {
    // No .stewardignore (or an unreadable one): only the configuration's patterns apply.
  }
  if (fileText.trim() === '' && patterns.length === 0) return () => false;
  const ignore = require('ignore') as typeof import('ignore');
  const matcher = ignore().add(fileText).add(patterns);
  return (file) => {
    const relative = path.relative(root, file);
    // Outside the root (or on another drive) no pattern of the root applies.
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    return matcher.ignores(relative.split(path.sep).join('/'));
  };
}

/**
 * The files found, without the ignored ones. A file named on the command line (`named`) is dropped too, but the
 * caller warns about it (as ESLint does), so that no one wonders why it was not checked.
 */
export function withoutIgnored(
  files: string[],
  named: Set<string>,
  isIgnored: IgnoreTest,
): { files: string[]; ignoredNamed: string[] } {
  const kept: string[] = [];
  const ignoredNamed: string[] = [];
  for (const file of files) {
    if (!isIgnored(file)) kept.push(file);
    else if (named.has(file)) ignoredNamed.push(file);
  }
  return { files: kept, ignoredNamed };
}
