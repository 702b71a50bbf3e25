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
 * From this size (UTF-8) an open file with no parse kept gets its first findings as the CLI computes them, without
 * keeping the trees, and the parse that edits start from is built after they are out. Keeping 50,000 assets' trees
 * while checking costs the garbage collector about a third more than the check itself (they survive every young
 * generation collection); the parse built afterwards finds every item's findings in the service's cache.
 */
const FINDINGS_FIRST_BYTES = 2 * 1024 * 1024;

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
  /** Checks under way that only build the parse of a document whose findings are recorded (see checkOpen). */
  private readonly parseBuilds = new WeakSet<object>();
  /** Those builds by uri, until they end: the document's next check waits for its build. */
  private readonly builds = new Map<string, Promise<void>>();

  constructor(
    private readonly session: Session,
    private readonly edits: PendingEdits,
    private readonly faults: Faults,
  ) {}

  /** The version of an open document whose findings are recorded (undefined for a file on disk). */
  checkedVersion(uri: string): number | undefined {
    return this.session.documents.get(uri) ? this.checkedVersions.get(uri) : undefined;
  }

  /** Whether a check of the file is under way (not counting the build of a parse whose findings are recorded). */
  running(uri: string): boolean {
    const job = this.jobs.get(uri);
    return job !== undefined && !this.parseBuilds.has(job);
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
   * Checks an open document, with what changed since its last check; true once its findings are recorded. A large
   * document with no parse kept gets its findings first, then its parse (FINDINGS_FIRST_BYTES); a check that comes
   * meanwhile waits for that parse, and then costs what changed since, not another check from scratch.
   */
  async checkOpen(document: OpenDocument): Promise<boolean> {
    const uri = document.uri;
    const version = document.version;
    const building = this.builds.get(uri);
    if (building) {
      await building;
      // A newer version's check came while this one waited: that one checks the latest text.
      if (this.session.documents.get(uri) !== document || document.version !== version) return false;
    }
    const change = this.edits.take(uri);
    const text = document.text;
    const tooLarge = sizeFinding(text, MAX_DISK_FILE_BYTES, document.byteLength);
    if (tooLarge) {
      // Over the size limit the engine is not run: the file's one finding says so (as the CLI's reader would).
      this.cancel(uri);
      const summary = { uri, resources: [], assets: [], hasCatalog: false, hasRegister: false };
      this.session.service.adopt(uri, '', { findings: [tooLarge], summary });
    } else if (document.byteLength >= FINDINGS_FIRST_BYTES && !this.session.service.keepsParse(uri)) {
      if (!(await this.check(uri, text, { retain: false }))) return false;
      this.buildParse(document, text);
    } else if (!(await this.check(uri, text, { change }))) return false;
    this.checkedVersions.set(uri, version);
    this.session.known.add(uri);
    return true;
  }

  /**
   * Builds the parse of an open document whose findings were just recorded without it: the same text checked
   * again, keeping the trees, each item's findings from the service's cache. It starts once the findings are out.
   */
  private buildParse(document: OpenDocument, text: SourceText): void {
    const uri = document.uri;
    const build = new Promise<void>((resolve) => setImmediate(resolve))
      .then(async () => {
        if (this.session.documents.get(uri) !== document || this.jobs.has(uri)) return;
        await this.check(uri, text, {}, (job) => this.parseBuilds.add(job));
      })
      .finally(() => {
        if (this.builds.get(uri) === build) this.builds.delete(uri);
      });
    this.builds.set(uri, build);
  }

  /** Checks a file on disk that no editor shows; true once its findings are recorded. */
  async checkDisk(uri: string, text: string): Promise<boolean> {
    if (!(await this.check(uri, text, { retain: false }))) return false;
    this.session.known.add(uri);
    return true;
  }

  /** Checks a file in slices of STEP_BUDGET_MS; the result, or undefined when the check was superseded. */
  private async check(
    uri: string,
    text: SourceText,
    options: UpdateOptions,
    started?: (job: object) => void,
  ): Promise<ValidationResult | undefined> {
    const job = {};
    this.jobs.set(uri, job);
    started?.(job);
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
