/** Paths as the CLI shows them. */
import * as path from 'node:path';

/** How a path is shown: relative to the working directory with '/' separators. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const shown =
    relative === ''
      ? path.basename(file)
      : relative.startsWith('..') &&
          path.isAbsolute(file) &&
          relative.split(path.sep).filter((s) => s === '..').length > 3
        ? file
        : relative;
  return shown.split(path.sep).join('/');
}

/** A path with '/' separators, whatever the platform's. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
