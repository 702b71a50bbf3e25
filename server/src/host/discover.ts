/** Finding the files to check: on the command line (paths, folders, globs) and in an editor's workspace folders. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../service';
import { hostText } from './messages';

/** The glob library, loaded when a directory or pattern is given: a run over named files does not load it. */
function globber(): typeof import('tinyglobby') {
  return require('tinyglobby') as typeof import('tinyglobby');
}

/** The contract's default globs. */
export const DEFAULT_GLOBS = ['**/*.catalog.yaml', '**/*.catalog.yml', '**/*.assets.yaml', '**/*.assets.yml'];
const IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface Discovery {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** One-line messages for patterns that matched nothing. */
  warnings: string[];
}

export function discoverFiles(
  inputs: string[],
  cwd: string,
  locale: Locale,
  globs: string[] = DEFAULT_GLOBS,
): Discovery {
  const found = new Set<string>();
  const warnings: string[] = [];
  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(absolute);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const matches = globber().globSync(globs, {
        cwd: absolute,
        absolute: true,
        ignore: IGNORED,
        dot: false,
        followSymbolicLinks: false,
      });
      for (const match of matches) found.add(path.normalize(match));
      continue;
    }
    if (stat) {
      found.add(absolute);
      continue;
    }
    if (globber().isDynamicPattern(input)) {
      const matches = globber().globSync([input], { cwd, absolute: true, ignore: IGNORED, dot: false });
      if (matches.length === 0) warnings.push(hostText(locale, 'noMatch', input));
      for (const match of matches) found.add(path.normalize(match));
      continue;
    }
    // A named path that does not exist is still reported in the results, as an unreadable file.
    found.add(absolute);
  }
  return { files: [...found].sort(), warnings };
}

/** Every file of the workspace folders that the globs match (absolute paths), for the language server's index. */
export function listWorkspaceFiles(folders: string[], globs: string[] = DEFAULT_GLOBS): string[] {
  return folders.flatMap((folder) =>
    globber().globSync(globs, { cwd: folder, absolute: true, ignore: IGNORED, dot: false }),
  );
}
