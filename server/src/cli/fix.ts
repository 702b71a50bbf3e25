/**
 * `steward validate --fix` and `--fix-dry-run`: the editor's "fix all" (the service's `source.fixAll.steward` code
 * action: each rule's own, preferred fix, never a suggestion or a waiver) applied pass after pass until nothing is
 * left to fix, then written back atomically. A file with YAML syntax errors is never touched.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIX_ALL_KIND } from '../service';
import type { Finding, Locale, StewardService } from '../service';
import { t } from './messages';

/**
 * Fix-all passes per file at most. A pass applies the fixes whose edits do not overlap; the others are found again
 * in the next pass (ESLint stops after 10 too, so that two fixes undoing each other cannot loop forever).
 */
export const MAX_FIX_PASSES = 10;

export interface FileFix {
  /** The fixed text (the input when nothing was fixed). */
  text: string;
  /** How many findings each rule's fixes resolved. */
  byRule: Map<string, number>;
}

/**
 * Applies the fix-all action to a file the service knows, pass after pass. The service must be incremental (it
 * answers code actions on the parse it keeps); the file is left in the service with the fixed text, its tree
 * dropped. Undefined when the file has a YAML syntax error: a fix computed on a broken tree could break it more.
 */
export function fixFile(service: StewardService, uri: string, text: string, locale: Locale): FileFix | undefined {
  const byRule = new Map<string, number>();
  let current = text;
  let previous = text;
  let resolved: Finding[] = [];
  for (let pass = 0; pass <= MAX_FIX_PASSES; pass++) {
    service.update(uri, current);
    const document = service.document(uri);
    if (!document || document.parseFindings.some((finding) => finding.severity === 'error')) {
      // Before any fix: the file is left alone. After one: that pass broke the YAML, so it is not kept.
      if (pass === 0) {
        service.update(uri, current, { retain: false });
        return undefined;
      }
      current = previous;
      break;
    }
    for (const finding of resolved) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
    if (pass === MAX_FIX_PASSES) break;
    const everything = { start: { line: 0, character: 0 }, end: document.lines.positionAt(current.length) };
    const [fixAll] = service.codeActions(uri, everything, locale, [FIX_ALL_KIND]);
    const edits = fixAll?.action.edit?.changes?.[document.uri] ?? [];
    const next = applyEdits(
      current,
      edits.map((edit) => ({
        start: document.lines.offsetAt(edit.range.start),
        end: document.lines.offsetAt(edit.range.end),
        newText: edit.newText,
      })),
    );
    if (next === current) break;
    resolved = fixAll?.findings ?? [];
    previous = current;
    current = next;
  }
  service.update(uri, current, { retain: false });
  return { text: current, byRule };
}

/**
 * Applies non-overlapping edits given in document order (the code action sorts them); insertions at the same
 * offset go in array order, as LSP applies them.
 */
export function applyEdits(text: string, edits: Array<{ start: number; end: number; newText: string }>): string {
  let out = text;
  for (let i = edits.length - 1; i >= 0; i--) {
    const edit = edits[i];
    out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  }
  return out;
}

/** "DA-AUTH-001 ×2, DA-PI-001 ×1": what a file's fixes resolved, by rule id. */
export function fixSummary(byRule: Map<string, number>): string {
  return [...byRule.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rule, count]) => `${rule} ×${count}`)
    .join(', ');
}

/**
 * Writes a file's new text as one step: a temporary file in the same folder (so the rename stays on one file
 * system), with the original's permissions, renamed over the file; a symbolic link is followed, not replaced. The
 * original's byte order mark is kept. Refuses when the file changed on disk since it was read (`expected`).
 * Returns an errno code or message on failure, with the file untouched.
 */
export function writeAtomically(file: string, text: string, expected: string): string | undefined {
  let temp: string | undefined;
  try {
    const target = fs.realpathSync(file);
    const stat = fs.statSync(target);
    const original = fs.readFileSync(target);
    const bom = original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf;
    if (original.toString('utf8', bom ? 3 : 0) !== expected) return 'changed on disk';
    temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.steward-fix`);
    const mode = stat.mode & 0o7777;
    fs.writeFileSync(temp, (bom ? '\uFEFF' : '') + text, { mode, flag: 'wx' });
    fs.chmodSync(temp, mode); // writeFileSync's mode passes through the umask
    try {
      fs.chownSync(temp, stat.uid, stat.gid);
    } catch {
      // Only the owner's own group or root may change it: the file keeps the writer's ids, as an editor's save does.
    }
    fs.renameSync(temp, target);
    temp = undefined;
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  } finally {
    if (temp) fs.rmSync(temp, { force: true });
  }
}

export interface FixRun {
  /** Write the files (`--fix`), or only say what would change (`--fix-dry-run`). */
  write: boolean;
  locale: Locale;
  stderr: { write(text: string): void };
}

/**
 * Fixes the files (shown path, absolute path, text as read), reporting each changed file on standard error (the
 * report on standard output stays one format). Returns false when a file could not be written (exit code 2);
 * such a file is checked as it is on disk.
 */
export function fixFiles(
  service: StewardService,
  files: Array<{ shown: string; file: string; text: string }>,
  run: FixRun,
): boolean {
  let allWritten = true;
  for (const { shown, file, text } of files) {
    const fixed = fixFile(service, shown, text, run.locale);
    if (!fixed || fixed.text === text) continue;
    const summary = fixSummary(fixed.byRule);
    if (!run.write) {
      run.stderr.write(`steward: ${t(run.locale, 'wouldFix', shown, summary)}\n`);
      continue;
    }
    const failure = writeAtomically(file, fixed.text, text);
    if (failure === undefined) {
      run.stderr.write(`steward: ${t(run.locale, 'fixed', shown, summary)}\n`);
      continue;
    }
    allWritten = false;
    run.stderr.write(`steward: ${t(run.locale, 'fixUnwritable', shown, failure)}\n`);
    service.update(shown, text, { retain: false });
  }
  return allWritten;
}
