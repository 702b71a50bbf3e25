/**
 * Finding and reading `steward.config.yaml`: the CLI looks upward from its working directory, the language server
 * in its workspace folders. Parsing is the service's (parseConfig); what to do with problems is the shell's.
 * Paths in the configuration stay inside its folder: parseConfig refuses those that lead out as written, and
 * `codeTable` is refused here too when a symbolic link on its way leads out.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, findRule, outsidePathFinding, parseConfig } from '../service';
import type { Finding, StewardConfig } from '../service';
import { decodeText, failureFinding, readFileBytes } from './read';
import type { ReadOptions } from './read';

/** The configuration file in `folder`, if there is one. */
export function configIn(folder: string): string | undefined {
  return CONFIG_FILE_NAMES.map((name) => path.join(folder, name)).find((candidate) => fs.existsSync(candidate));
}

/** The nearest configuration file in `start` or a folder above it. */
export function findConfigUpward(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const found = configIn(dir);
    if (found) return found;
    if (path.dirname(dir) === dir) return undefined;
  }
}

export type ConfigRead =
  | { ok: true; config: StewardConfig; findings: Finding[] }
  /** The file could not be read or decoded: the finding says why. */
  | { ok: false; reason: string | Finding };

export interface ConfigReadOptions extends ReadOptions {
  /** The user allowed paths out of the configuration's folder (the CLI's --allow-outside-paths). */
  allowOutsidePaths?: boolean;
}

/** Reads and parses a configuration file; `shown` is the name its findings carry. */
export function readConfigFile(file: string, shown: string, options: ConfigReadOptions): ConfigRead {
  const read = readFileBytes(file, options);
  if (!read.ok) return { ok: false, reason: failureFinding(read.failure) };
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.finding };
  const allowOutsidePaths = options.allowOutsidePaths;
  const parsed = parseConfig(decoded.text, shown, (id) => findRule(id) !== undefined, { allowOutsidePaths });
  const { config, findings, codeTableRange } = parsed;
  if (!allowOutsidePaths && config.codeTable !== undefined && codeTableRange) {
    const folder = path.dirname(file);
    if (!realPathInside(path.resolve(folder, config.codeTable), folder)) {
      findings.push(outsidePathFinding('codeTable', config.codeTable, codeTableRange, 'outsideByLink'));
      delete config.codeTable;
    }
  }
  return { ok: true, config, findings };
}

/**
 * Whether `target`, symbolic links resolved, is `folder` or below it (also resolved). A target that does not exist
 * is inside: reading it fails later with its own message.
 */
export function realPathInside(target: string, folder: string): boolean {
  let real: string;
  try {
    real = fs.realpathSync(target);
  } catch {
    return true;
  }
  let root: string;
  try {
    root = fs.realpathSync(folder);
  } catch {
    root = folder;
  }
  const relative = path.relative(root, real);
  return relative === '' || (relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative));
}
