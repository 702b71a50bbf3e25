/**
 * Moves temporary files onto their targets all or none. A command that writes several files (import, export to
 * CSV, a CSV report, init) writes each beside its target under a temporary name first, then hands them all here:
 * if any one cannot be put in place (a full disk, a target that became a folder), every target is left as it was
 * before (its old content back, or absent), and no temporary or backup file is left behind.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A file written under a temporary name in its target's folder. */
export interface TemporaryFile {
  readonly temporary: string;
  readonly target: string;
}

/** A file that could not be put in place (`file`, its target; `code`, the fs error's). Nothing was changed. */
export class CommitError extends Error {
  readonly code: string | undefined;
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'CommitError';
    this.code = (cause as NodeJS.ErrnoException | undefined)?.code;
  }
}

/** The name an existing target is kept under, in its own folder, while the files are placed. */
export function backupOf(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.bak`);
}

/**
 * Puts every temporary file in place, or none. `replace`: an existing target is replaced (kept under its backup
 * name until all are placed, put back if one fails). Otherwise a target that exists, even one that appeared after
 * the caller looked, is never touched: the whole set fails with EEXIST. Throws a CommitError naming the target.
 */
export function commitFiles(files: readonly TemporaryFile[], options: { replace: boolean }): void {
  if (options.replace) replaceAll(files);
  else placeAll(files);
}

interface Slot {
  file: TemporaryFile;
  /** Where the target's old content is kept. */
  backup?: string;
  /** The target itself was moved to `backup` (it could not be linked): it must be moved back on failure. */
  movedAway: boolean;
  placed: boolean;
}

function replaceAll(files: readonly TemporaryFile[]): void {
  const slots: Slot[] = files.map((file) => ({ file, movedAway: false, placed: false }));
  let current = '';
  try {
    for (const slot of slots) {
      current = slot.file.target;
      keepOld(slot);
    }
    for (const slot of slots) {
      current = slot.file.target;
      fs.renameSync(slot.file.temporary, slot.file.target);
      slot.placed = true;
    }
  } catch (error) {
    for (const slot of [...slots].reverse()) putBack(slot);
    for (const file of files) removeQuietly(file.temporary);
    throw new CommitError(current, error);
  }
  for (const slot of slots) if (slot.backup) removeQuietly(slot.backup);
}

/** Keeps an existing target under its backup name: a hard link (the target stays), else a rename. */
function keepOld(slot: Slot): void {
  const { target } = slot.file;
  const stat = fs.lstatSync(target, { throwIfNoEntry: false });
  // A folder is not replaced: the rename over it fails, and the caller says so.
  if (!stat || stat.isDirectory()) return;
  const backup = backupOf(target);
  try {
    fs.linkSync(target, backup);
  } catch {
    // No hard links on this file system (FAT, some shares), or a stale backup of a crashed run in the way.
    fs.renameSync(target, backup);
    slot.movedAway = true;
  }
  slot.backup = backup;
}

/** Undoes what was done to one target: its old content back (or the new file removed), its backup removed. */
function putBack(slot: Slot): void {
  const { target } = slot.file;
  if (!slot.placed && !slot.movedAway) {
    if (slot.backup) removeQuietly(slot.backup);
    return;
  }
  if (!slot.backup) return removeQuietly(target);
  try {
    fs.renameSync(slot.backup, target);
  } catch {
    // The old content stays under its backup name: better a stray file than a lost one.
  }
}

/** Codes of a file system that cannot make hard links: then a look and a rename, with its small race. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

function placeAll(files: readonly TemporaryFile[]): void {
  const placed: string[] = [];
  let current = '';
  try {
    for (const file of files) {
      current = file.target;
      placeNew(file);
      placed.push(file.target);
      fs.rmSync(file.temporary, { force: true });
    }
  } catch (error) {
    for (const target of placed) removeQuietly(target);
    for (const file of files) removeQuietly(file.temporary);
    throw new CommitError(current, error);
  }
}

/** A link fails with EEXIST when the target exists, however late it appeared: nothing is overwritten. */
function placeNew({ temporary, target }: TemporaryFile): void {
  try {
    fs.linkSync(temporary, target);
  } catch (error) {
    if (!NO_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    if (fs.lstatSync(target, { throwIfNoEntry: false }))
      throw Object.assign(new Error(`EEXIST: file already exists, rename '${temporary}' -> '${target}'`), {
        code: 'EEXIST',
        syscall: 'rename',
        path: temporary,
        dest: target,
      });
    fs.renameSync(temporary, target);
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Gone already, or a folder now: not ours to remove.
  }
}
