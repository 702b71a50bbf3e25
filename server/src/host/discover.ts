/** Finding the files to check: on the command line (paths, folders, globs) and in an editor's workspace folders. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globLeavesFolder } from '../service';
import type { Locale } from '../service';
import { hostText } from './messages';

/** The glob library, loaded when a directory or pattern is given: a run over named files does not load it. */
function globber(): typeof import('tinyglobby') {
  return require('tinyglobby') as typeof import('tinyglobby');
}

/** The contract's default globs. */
export const DEFAULT_GLOBS = ['**/*.catalog.yaml', '**/*.catalog.yml', '**/*.assets.yaml', '**/*.assets.yml'];
const IGNORED = ['**/node_modules/**', '**/.git/**'];
/**
 * Walks and globs list regular files only and never follow a symbolic link: a link to a parent folder would list
 * its files again (for ever), and a link in a workspace may lead anywhere (/dev/zero, /etc/shadow). A link named
 * on the command line is read (host/read.ts follows it to a regular file only).
 */
const WALK = { absolute: true, ignore: IGNORED, dot: false, followSymbolicLinks: false } as const;

/** Adds a file unless its real file was added already (named twice, or by a link and by its own name). */
function addMatch(found: Map<string, string>, match: string): void {
  const file = path.normalize(match);
  let real = file;
  try {
    real = fs.realpathSync(file);
  } catch {
    // missing or a dangling link: kept, it is reported as unreadable
  }
  if (!found.has(real)) found.set(real, file);
}

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
  const found = new Map<string, string>();
  const warnings: string[] = [];
  // Configured globs stay in the folder walked (the configuration's own are refused when read, with a finding).
  const inside = globs.filter((glob) => !globLeavesFolder(glob));
  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(absolute);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const matches = inside.length > 0 ? globber().globSync(inside, { ...WALK, cwd: absolute }) : [];
      for (const match of matches.sort()) addMatch(found, match);
      continue;
    }
    if (stat) {
      addMatch(found, absolute);
      continue;
    }
    if (globber().isDynamicPattern(input)) {
      const matches = globber().globSync([input], { ...WALK, cwd });
      if (matches.length === 0) warnings.push(hostText(locale, 'noMatch', input));
      for (const match of matches.sort()) addMatch(found, match);
      continue;
    }
    // A named path that does not exist is still reported in the results, as an unreadable file.
    addMatch(found, absolute);
  }
  return { files: [...found.values()].sort(), warnings };
}

/** Every file of the workspace folders that the globs match (absolute paths), for the language server's index. */
export function listWorkspaceFiles(folders: string[], globs: string[] = DEFAULT_GLOBS): string[] {
  const found = new Map<string, string>();
  const inside = globs.filter((glob) => !globLeavesFolder(glob));
  if (inside.length === 0) return [];
  for (const folder of folders)
    for (const match of globber()
      .globSync(inside, { ...WALK, cwd: folder })
      .sort())
      addMatch(found, match);
  return [...found.values()];
}
