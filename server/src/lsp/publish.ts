/**
 * Publishing: a file's diagnostics with the version that was checked, its counts for the status item, and other
 * files' diagnostics again when a check changed something their cross-file findings read.
 */
import { countSeverities } from '../service';
import type { IndexedItem } from '../service';
import { StatusNotification } from '../protocol';
import type { FindingCounts } from '../protocol';
import type { Checks } from './checks';
import { toDiagnostic } from './convert';
import type { Faults } from './faults';
import type { Session } from './session';

export class Publisher {
  /** The counts last published, by uri. */
  private readonly published = new Map<string, FindingCounts>();
  /** What other files' cross-file findings read of each file (see `signature`). */
  private signatures = new Map<string, string>();

  constructor(
    private readonly session: Session,
    private readonly checks: Checks,
    private readonly faults: Faults,
  ) {}

  publish(uri: string): void {
    const { service, connection } = this.session;
    const findings = service.findings(uri);
    const locale = this.session.locale;
    // The version checked, not the document's latest: edits that arrived since wait for their own check, and
    // diagnostics published meanwhile (another file changed) must not claim to be theirs.
    void connection.sendDiagnostics({
      uri,
      version: this.checks.checkedVersion(uri),
      diagnostics: findings.map((f) => toDiagnostic(f, locale)),
    });
    const counts = countSeverities(findings);
    const shown = { errors: counts.error, warnings: counts.warning, infos: counts.info };
    this.published.set(uri, shown);
    void connection.sendNotification(StatusNotification, { uri, ...shown, mode: this.session.modeOf(uri) });
  }

  publishAll(except?: string): void {
    for (const uri of this.session.known) if (uri !== except) this.publish(uri);
  }

  /** Empty diagnostics for a file that is no longer ours or gone. */
  clear(uri: string): void {
    this.published.delete(uri);
    void this.session.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The counts last published for a file (zero when none were). */
  countsOf(uri: string): FindingCounts {
    return this.published.get(uri) ?? { errors: 0, warnings: 0, infos: 0 };
  }

  /** The totals of every file last published. */
  totals(): { errors: number; warnings: number } {
    let errors = 0;
    let warnings = 0;
    for (const counts of this.published.values()) {
      errors += counts.errors;
      warnings += counts.warnings;
    }
    return { errors, warnings };
  }

  /** A new service knows nothing of the old one's signatures. */
  reset(): void {
    this.signatures = new Map();
  }

  /** After a check of an open file: its diagnostics, then other files' when cross-file findings may have changed. */
  afterCheck(uri: string, indexVersion: number): void {
    this.publish(uri);
    // The index keeps its version through edits that change nothing cross-file rules read (most keystrokes).
    if (this.session.service.index.version === indexVersion && this.signatures.has(uri)) return;
    const next = this.signature(uri);
    if (this.signatures.get(uri) !== next) {
      this.signatures.set(uri, next);
      // Other files' cross-file findings may have changed: refresh them after this answer is out.
      setImmediate(this.faults.guarded(() => this.publishAll(uri)));
    }
  }

  /**
   * What other files' cross-file findings depend on: ids, references and grades of this file, and where its
   * duplicated ids are (the other definitions' findings point there).
   */
  private signature(uri: string): string {
    const { index } = this.session.service;
    const summary = index.get(uri);
    if (!summary) return '';
    const place = (item: IndexedItem) =>
      index.definitions(item.id).length > 1 ? `${item.idRange.start.line}:${item.idRange.start.character}` : '';
    return JSON.stringify([
      summary.resources.map((r) => [r.id, r.securityGrade, r.related.map((x) => x.id), place(r)]),
      summary.assets.map((a) => [a.id, a.resource?.id, place(a)]),
    ]);
  }
}
