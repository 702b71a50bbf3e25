/**
 * Cross-file findings (references between catalogs and registers, unique ids, grades across files) by file, kept
 * while the workspace index keeps its version; after an edit only the file's changed entries are checked again.
 */
import type { Finding } from './types';
import { findingOf } from './rules/report';
import type { WorkspaceRule } from './rules/rule';
import type { FileSummary, IndexedAsset, IndexedResource, SummaryChange, WorkspaceIndex } from './workspace';

/** More changed entries than this: checking the whole file again is as cheap as sorting out what changed. */
const MAX_RECHECKED = 200;

export class CrossFileFindings {
  private readonly byFile = new Map<string, { version: number; summary: FileSummary; findings: Finding[] }>();

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly rules: readonly WorkspaceRule[],
  ) {}

  /** A file's cross-file findings; `latest` is how its index entry changed with its latest update, if known. */
  of(uri: string, latest?: { from: FileSummary; to: FileSummary; change: SummaryChange }): Finding[] {
    const { index } = this;
    const summary = index.get(uri);
    if (!summary) return [];
    const cached = this.byFile.get(uri);
    if (cached && cached.version === index.version && cached.summary === summary) return cached.findings;
    const known = latest && latest.to === summary && latest.from === cached?.summary ? latest.change : undefined;
    const out =
      (cached && cached.version === index.version && this.recheck(cached.summary, cached.findings, summary, known)) ||
      this.check(summary);
    this.byFile.set(uri, { version: index.version, summary, findings: out });
    return out;
  }

  forget(uri: string): void {
    this.byFile.delete(uri);
  }

  /**
   * With the index as it was, only the file's changed entries can have other cross-file findings: those of
   * the entries it still holds are kept (found by their paths), the changed ones are checked again.
   */
  private recheck(
    before: FileSummary,
    findingsBefore: Finding[],
    summary: FileSummary,
    change?: SummaryChange,
  ): Finding[] | undefined {
    let resources: IndexedResource[];
    let assets: IndexedAsset[];
    const stale = new Set<string>();
    if (change) {
      // The update said what changed: no need to compare the entries.
      resources = change.added.filter((entry): entry is IndexedResource => entry.kind === 'resource');
      assets = change.added.filter((entry): entry is IndexedAsset => entry.kind === 'asset');
      for (const entry of change.gone) stale.add(entry.path);
    } else {
      const had = new Set<object>([...before.resources, ...before.assets]);
      resources = summary.resources.filter((entry) => !had.has(entry));
      assets = summary.assets.filter((entry) => !had.has(entry));
      const now = new Set<object>([...summary.resources, ...summary.assets]);
      for (const entry of [...before.resources, ...before.assets]) if (!now.has(entry)) stale.add(entry.path);
    }
    if (resources.length + assets.length > MAX_RECHECKED || findingsBefore.some((f) => f.path === undefined))
      return undefined;
    const kept = findingsBefore.filter((f) => !stale.has(f.path!.split('/', 3).join('/')));
    return [...kept, ...this.check({ ...summary, resources, assets })];
  }

  private check(summary: FileSummary): Finding[] {
    const out: Finding[] = [];
    for (const rule of this.rules)
      rule.checkFile(summary, this.index, (report) => out.push(findingOf(rule.meta, report)));
    return out;
  }
}
