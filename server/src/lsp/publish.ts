/**
 * Publishing: a file's diagnostics (capped, diagnostics.ts) with the version that was checked, its counts for the
 * status item, and other files' diagnostics again when a check changed something their cross-file findings read.
 * Diagnostics go out pushed (publishDiagnostics), or, for open documents of a client that pulls them (LSP 3.17
 * textDocument/diagnostic), as the answer to its pull, with a result id so that an unchanged file costs a few bytes.
 * What did not change since it was last sent is not sent again.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import type { CancellationToken } from 'vscode-languageserver/node';
import type { Finding, IndexedItem } from '../service';
import { StatusNotification } from '../protocol';
import type { FileMode, FindingCounts } from '../protocol';
import type { Checks } from './checks';
import { fileDiagnostics } from './diagnostics';
import type { Faults } from './faults';
import type { Session } from './session';

/** A file's diagnostics as last built, and the result id a pulling client names them by. */
interface Report {
  key: string;
  resultId: string;
  diagnostics: Diagnostic[];
  /** What they were made of (see fileDiagnostics), and in which language. */
  shown?: Finding[];
  extra?: string;
  locale?: string;
}

const EMPTY_KEY = '[]';

const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((item, i) => item === b[i]);

export class Publisher {
  /** The counts last published, by uri. */
  private readonly published = new Map<string, FindingCounts>();
  /** What other files' cross-file findings read of each file (see `signature`). */
  private signatures = new Map<string, string>();
  /** Each file's diagnostics as last built. */
  private readonly reports = new Map<string, Report>();
  /** What was last pushed for each file: its diagnostics' key and the version they were for. */
  private readonly pushed = new Map<string, { key: string; version?: number }>();
  /** The mode each open file was last published in. */
  private readonly modes = new Map<string, FileMode>();
  /** Open documents whose diagnostics the client pulls; the result id and version of its last answered pull. */
  private readonly pulled = new Map<string, { resultId?: string; version?: number }>();
  /** Pulls waiting for the check of their document's version. */
  private readonly waiting = new Map<string, Array<() => void>>();
  private nextResultId = 0;
  private refreshQueued = false;
  /** The client pulls diagnostics (textDocument/diagnostic) and can be asked to pull again (refresh). */
  pullSupport = false;
  refreshSupport = false;

  constructor(
    private readonly session: Session,
    private readonly checks: Checks,
    private readonly faults: Faults,
  ) {}

  publish(uri: string): void {
    const { service, connection } = this.session;
    const findings = service.findings(uri);
    const mode = this.session.modeOf(uri);
    const previous = this.reports.get(uri);
    const { report, counts } = this.buildFrom(uri, findings, mode);
    if (this.pulled.has(uri)) this.answer(uri, previous?.resultId !== report.resultId);
    // The version checked, not the document's latest: edits that arrived since wait for their own check, and
    // diagnostics published meanwhile (another file changed) must not claim to be theirs.
    else this.push(uri, report, this.checks.checkedVersion(uri));
    const shown = { errors: counts.error, warnings: counts.warning, infos: counts.info };
    this.published.set(uri, shown);
    if (this.session.documents.get(uri)) this.modes.set(uri, mode);
    void connection.sendNotification(StatusNotification, { uri, ...shown, mode });
  }

  publishAll(except?: string): void {
    for (const uri of this.session.known) if (uri !== except) this.publish(uri);
  }

  /** The mode an open file was last published in (undefined: not published since it was opened). */
  modeShown(uri: string): FileMode | undefined {
    return this.modes.get(uri);
  }

  /**
   * Builds a file's report from its findings: capped, with the large-file notice while an open file is over the
   * size limit. The findings shown being the very objects of last time, the report is last time's.
   */
  private buildFrom(
    uri: string,
    findings: Finding[],
    mode: FileMode,
  ): { report: Report; counts: Record<Finding['severity'], number> } {
    const document = this.session.documents.get(uri);
    const large =
      document && mode === 'save-only' ? { size: document.byteLength, limit: this.session.maxBytes() } : undefined;
    const file = this.session.relativePath(uri);
    const locale = this.session.locale;
    const built = fileDiagnostics(findings, {
      limit: this.session.maxDiagnostics,
      file: /\s/.test(file) ? `"${file}"` : file,
      locale,
      large,
    });
    const extra = JSON.stringify(built.extra);
    const previous = this.reports.get(uri);
    if (
      previous?.shown &&
      previous.extra === extra &&
      previous.locale === locale &&
      sameItems(previous.shown, built.shown)
    )
      return { report: previous, counts: built.counts };
    const report = this.build(uri, built.diagnostics());
    Object.assign(report, { shown: built.shown, extra, locale });
    return { report, counts: built.counts };
  }

  /** Records a file's diagnostics; a new result id only when they changed. */
  private build(uri: string, diagnostics: Diagnostic[]): Report {
    const key = diagnostics.length === 0 ? EMPTY_KEY : JSON.stringify(diagnostics);
    const previous = this.reports.get(uri);
    if (previous?.key === key) return previous;
    const report: Report = { key, resultId: String(++this.nextResultId), diagnostics };
    this.reports.set(uri, report);
    return report;
  }

  /** Pushes a file's diagnostics unless the same ones were pushed for the same version. */
  private push(uri: string, report: Pick<Report, 'key' | 'diagnostics'>, version: number | undefined): void {
    const last = this.pushed.get(uri);
    if (last && last.key === report.key && last.version === version) return;
    this.pushed.set(uri, { key: report.key, version });
    void this.session.connection.sendDiagnostics({ uri, version, diagnostics: report.diagnostics });
  }

  /**
   * New diagnostics of a pulled document: the pulls waiting for them get them; otherwise, when they changed and
   * the client has no reason to pull again by itself (it already has an answer for the document's version), it is
   * asked to (workspace/diagnostic/refresh).
   */
  private answer(uri: string, changed: boolean): void {
    if (this.release(uri) || !changed) return;
    const state = this.pulled.get(uri);
    if (state?.version === undefined || state.version !== this.session.documents.get(uri)?.version) return;
    this.queueRefresh();
  }

  private queueRefresh(): void {
    if (!this.refreshSupport || this.refreshQueued) return;
    this.refreshQueued = true;
    setImmediate(
      this.faults.guarded(() => {
        this.refreshQueued = false;
        void this.session.connection.languages.diagnostics.refresh();
      }),
    );
  }

  /** Answers the pulls waiting for a file's check; whether there were any. */
  release(uri: string): boolean {
    const waiting = this.waiting.get(uri);
    this.waiting.delete(uri);
    for (const resolve of waiting ?? []) resolve();
    return Boolean(waiting?.length);
  }

  /**
   * A pull (textDocument/diagnostic): once the open document's current version is checked (at once in save-only
   * mode with no check under way), its report, or `unchanged` when the client holds it already. A file that is
   * not open is answered empty: its diagnostics are pushed.
   */
  async pull(
    uri: string,
    previousResultId: string | undefined,
    token: CancellationToken,
  ): Promise<{ kind: 'full'; resultId: string; items: Diagnostic[] } | { kind: 'unchanged'; resultId: string }> {
    const document = this.session.documents.get(uri);
    if (!document) return { kind: 'full', resultId: 'closed', items: [] };
    this.startPulling(uri);
    const settled = () => {
      const current = this.session.documents.get(uri);
      if (!current || token.isCancellationRequested) return true;
      if (!this.session.isSteward(uri, current.text)) return true;
      if (this.checks.checkedVersion(uri) === current.version) return true;
      // Over the size limit, edits are not checked: answered at once, once the file says it is over the limit.
      return (
        this.session.modeOf(uri) === 'save-only' && !this.checks.running(uri) && this.modes.get(uri) === 'save-only'
      );
    };
    while (!settled()) {
      await new Promise<void>((resolve) => {
        const list = this.waiting.get(uri) ?? [];
        list.push(resolve);
        this.waiting.set(uri, list);
        token.onCancellationRequested(() => resolve());
      });
    }
    const report = this.reports.get(uri) ?? this.build(uri, []);
    const state = this.pulled.get(uri);
    if (state) Object.assign(state, { resultId: report.resultId, version: this.session.documents.get(uri)?.version });
    return previousResultId === report.resultId
      ? { kind: 'unchanged', resultId: report.resultId }
      : { kind: 'full', resultId: report.resultId, items: report.diagnostics };
  }

  /** The client pulls this open document's diagnostics: what was pushed for it (from disk) is taken back. */
  private startPulling(uri: string): void {
    if (this.pulled.has(uri)) return;
    this.pulled.set(uri, {});
    const last = this.pushed.get(uri);
    if (last && last.key !== EMPTY_KEY) this.push(uri, { key: EMPTY_KEY, diagnostics: [] }, undefined);
  }

  /** An open document was closed: the client forgets what it pulled, and the file's diagnostics are pushed again. */
  closed(uri: string): void {
    this.pulled.delete(uri);
    this.modes.delete(uri);
    this.release(uri);
  }

  /** Empty diagnostics for a file that is no longer ours or gone. */
  clear(uri: string): void {
    this.published.delete(uri);
    const previous = this.reports.get(uri);
    const report = this.build(uri, []);
    if (this.pulled.has(uri)) {
      this.answer(uri, previous?.resultId !== report.resultId);
      return;
    }
    this.pushed.set(uri, { key: EMPTY_KEY });
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
