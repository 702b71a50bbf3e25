/**
 * Checking files: an open document with what changed since its last check, or a file on disk that no editor shows.
 * A check from scratch runs in steps (service.updateSteps) of STEP_BUDGET_MS between other messages, so a large
 * file never holds the server for seconds; a newer check of the same file replaces it, and the older one stops at
 * its next pause without recording anything (cancelled as stale).
 */
import { mergeChanges } from '../service';
import type { Finding, SourceText, TextChange, UpdateOptions, ValidationResult } from '../service';
import { failureFinding } from '../host/read';
import { MAX_DISK_FILE_BYTES } from './settings';
import type { OpenDocument } from './document';
import type { Faults } from './faults';
import type { Session } from './session';

/**
 * DA-FILE-004 when `text` is over `limit` bytes (UTF-8), else undefined. `bytes`: its size in UTF-8 when known (an
 * open document keeps it through edits), so that a large text is not joined and measured on every keystroke.
 */
export function sizeFinding(text: SourceText, limit: number, bytes?: number): Finding | undefined {
  // A UTF-16 unit is at most 3 bytes in UTF-8: only a text that may be over the limit is measured.
  if (text.length * 3 <= limit) return undefined;
  const size = bytes ?? (text.length > limit ? text.length : Buffer.byteLength(text.toString()));
  return size > limit ? failureFinding({ kind: 'too-large', limit, size }) : undefined;
}

/** How long a check runs before it lets other messages in. */
const STEP_BUDGET_MS = 15;

/**
 * Per open document, where its text changed since the service last saw it (null: unknown, a whole-text change).
 * The parser then needs no comparison of the old and new texts, a walk over the whole file per keystroke.
 */
export class PendingEdits {
  private readonly changes = new Map<string, TextChange | null>();

  /** Records what a batch of change events did to an open document (TextDocuments' update hook). */
  record(uri: string, changes: Array<TextChange | undefined>): void {
    for (const change of changes) {
      const recorded = this.changes.get(uri);
      this.changes.set(uri, recorded === null || change === undefined ? null : mergeChanges(recorded, change));
    }
  }

  /** What changed since the last check, forgotten once taken (undefined: nothing known, check the whole text). */
  take(uri: string): TextChange | undefined {
    const change = this.changes.get(uri) ?? undefined;
    this.changes.delete(uri);
    return change;
  }

  /** The next check of the file reads its whole text. */
  unknown(uri: string): void {
    this.changes.set(uri, null);
  }

  forget(uri: string): void {
    this.changes.delete(uri);
  }
}

export class Checks {
  /** The version of each open document the service last checked: its diagnostics are published for it. */
  private readonly checkedVersions = new Map<string, number>();
  /** The check of each file under way, by uri. */
  private readonly jobs = new Map<string, object>();

  constructor(
    private readonly session: Session,
    private readonly edits: PendingEdits,
    private readonly faults: Faults,
  ) {}

  /** The version of an open document whose findings are recorded (undefined for a file on disk). */
  checkedVersion(uri: string): number | undefined {
    return this.session.documents.get(uri) ? this.checkedVersions.get(uri) : undefined;
  }

  /** Whether a check of the file is under way. */
  running(uri: string): boolean {
    return this.jobs.has(uri);
  }

  /** Stops the check of a file under way (it stops at its next pause). */
  cancel(uri: string): void {
    this.jobs.delete(uri);
  }

  /** Checks under way belong to the old service after a reload: they stop at their next pause. */
  cancelAll(): void {
    this.jobs.clear();
  }

  /** An open document was opened afresh or closed: nothing of its earlier edits applies. */
  forget(uri: string): void {
    this.edits.forget(uri);
    this.checkedVersions.delete(uri);
  }

  /**
   * Checks an open document, with what changed since its last check; true once its findings are recorded. A file
   * checked from scratch keeps its parse as it goes, each item's tree folded once it is checked (the service's
   * parser/folded.ts), so its first check costs what the CLI's costs and edits start from it.
   */
  async checkOpen(document: OpenDocument): Promise<boolean> {
    const uri = document.uri;
    const version = document.version;
    const change = this.edits.take(uri);
    const text = document.text;
    const tooLarge = sizeFinding(text, MAX_DISK_FILE_BYTES, document.byteLength);
    if (tooLarge) {
      // Over the size limit the engine is not run: the file's one finding says so (as the CLI's reader would).
      this.cancel(uri);
      const summary = { uri, resources: [], assets: [], hasCatalog: false, hasRegister: false };
      this.session.service.adopt(uri, '', { findings: [tooLarge], summary });
    } else if (!(await this.check(uri, text, { change }))) return false;
    this.checkedVersions.set(uri, version);
    this.session.known.add(uri);
    return true;
  }

  /** Checks a file on disk that no editor shows; true once its findings are recorded. */
  async checkDisk(uri: string, text: string): Promise<boolean> {
    if (!(await this.check(uri, text, { retain: false }))) return false;
    this.session.known.add(uri);
    return true;
  }

  /** Checks a file in slices of STEP_BUDGET_MS; the result, or undefined when the check was superseded. */
  private async check(uri: string, text: SourceText, options: UpdateOptions): Promise<ValidationResult | undefined> {
    const job = {};
    this.jobs.set(uri, job);
    try {
      const steps = this.session.service.updateSteps(uri, text, options);
      for (;;) {
        const deadline = performance.now() + STEP_BUDGET_MS;
        let step = steps.next();
        while (!step.done && performance.now() < deadline) step = steps.next();
        if (step.done) {
          this.jobs.delete(uri);
          return step.value;
        }
        await new Promise((resolve) => setImmediate(resolve));
        if (this.jobs.get(uri) !== job) {
          steps.return(undefined as never);
          return undefined;
        }
      }
    } catch (error) {
      // A fault of the service (a bug): the file keeps the findings of its last check, and its next check starts
      // from its whole text, as the edits this one carried were not recorded.
      if (this.jobs.get(uri) === job) this.jobs.delete(uri);
      if (this.session.documents.get(uri)) this.edits.unknown(uri);
      this.faults.internalError(uri, error);
      return undefined;
    }
  }
}
