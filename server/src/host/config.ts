/**
 * Finding and reading `steward.config.yaml`: the CLI looks upward from its working directory, the language server
 * in its workspace folders. Parsing is the service's (parseConfig); what to do with problems is the shell's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, findRule, parseConfig } from '../service';
import type { Finding, StewardConfig } from '../service';
import { decodeText } from './read';

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
  /** The file could not be read or decoded: an errno code or the decoding finding's message. */
  | { ok: false; reason: string | Finding };

/** Reads and parses a configuration file; `shown` is the name its findings carry. */
export function readConfigFile(file: string, shown: string): ConfigRead {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { ok: false, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.finding };
  return { ok: true, ...parseConfig(decoded.text, shown, (id) => findRule(id) !== undefined) };
}
