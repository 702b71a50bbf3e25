/**
 * Asset classification code tables (GB/T 14885-2022 and the asset systems' A08 extension).
 * A code is `A` + 8 digits in four 2-digit levels (门类/大类/中类/小类); a level-n code ends in (4 - n) `00` pairs,
 * so the tree can be read from the codes alone. A table may be partial: it then decides membership only below the
 * roots listed as complete (the built-in table knows the A08060000 branch and the eight roots, nothing else).
 */
import builtinFile from '../../../../schemas/codes/builtin.json';
import type { CodeVerdict } from './verdict';

export type CodeLevel = 1 | 2 | 3 | 4;

export interface CodeEntry {
  code: string;
  /** Chinese name, as the standard and the asset systems write it. */
  name: string;
  nameEn?: string;
  /** The parent's code as the table uses it (always the structural parent), null for a root. */
  parent: string | null;
  level: CodeLevel;
  /** Unit of count, e.g. 组 for data. */
  unit?: string;
  remark?: string;
  /** 1-based line of the entry in the file it was loaded from. */
  line?: number;
}

export interface CodeTableOptions {
  /** Where the table came from: `built-in` or the file name. */
  source: string;
  /** Codes whose whole subtree the table knows; omitted when the table is complete. */
  complete?: readonly string[];
}

/** The class of data assets: A08 无形资产 → A08060000 信息数据类无形资产 → A08060200 数据. */
export const INTANGIBLE_ROOT = 'A08000000';
export const INFORMATION_DATA_CODE = 'A08060000';
export const DATA_CODE = 'A08060200';
/** The three classes a data asset is registered under (unit of count: 组). */
export const DATA_LEAF_CODES: readonly string[] = ['A08060201', 'A08060202', 'A08060203'];
export const BUILTIN_SOURCE = 'built-in';

const CODE_SHAPE = /^A\d{8}$/;

/** True for `A` + 8 digits whose levels are well formed: no `00` pair before a non-zero one, a non-zero 门类. */
export function isWellFormedCode(code: string): boolean {
  return codeLevel(code) !== undefined;
}

/** Level 1–4 read from the trailing `00` pairs; undefined when the text is not a well-formed code. */
export function codeLevel(code: string): CodeLevel | undefined {
  if (!CODE_SHAPE.test(code)) return undefined;
  const pairs = [code.slice(1, 3), code.slice(3, 5), code.slice(5, 7), code.slice(7, 9)];
  let level = 4;
  while (level > 0 && pairs[level - 1] === '00') level--;
  if (level === 0) return undefined;
  for (let i = 0; i < level; i++) if (pairs[i] === '00') return undefined;
  return level as CodeLevel;
}

/** A08060201 → A08060200 → A08060000 → A08000000 → null; undefined for a malformed code. */
export function structuralParent(code: string): string | null | undefined {
  const level = codeLevel(code);
  if (level === undefined) return undefined;
  if (level === 1) return null;
  const kept = 1 + 2 * (level - 1);
  return code.slice(0, kept).padEnd(9, '0');
}

/** Structural ancestors, root first, without the code itself; empty for a root or a malformed code. */
export function structuralAncestors(code: string): string[] {
  const result: string[] = [];
  for (let parent = structuralParent(code); parent; parent = structuralParent(parent)) result.unshift(parent);
  return result;
}

/** True when `code` is `ancestor` or lies below it. */
export function isUnder(code: string, ancestor: string): boolean {
  const level = codeLevel(ancestor);
  if (level === undefined || codeLevel(code) === undefined) return false;
  return code.startsWith(ancestor.slice(0, 1 + 2 * level));
}

/** Under A08060200 数据 (the class itself included). */
export function isDataCode(code: string): boolean {
  return isUnder(code, DATA_CODE);
}

/** Under A08 无形资产. */
export function isIntangibleCode(code: string): boolean {
  return isUnder(code, INTANGIBLE_ROOT);
}

/** A 7-digit numeric code of GB/T 14885-2010 (e.g. 2010000), which the 2022 edition replaced. */
export function is2010Code(code: string): boolean {
  return /^\d{7}$/.test(code);
}

export class CodeTable {
  readonly source: string;
  /** Roots of the subtrees the table knows completely; undefined when it knows everything. */
  readonly complete: readonly string[] | undefined;
  private readonly entries = new Map<string, CodeEntry>();
  private readonly childCodes = new Map<string, string[]>();
  private sorted: CodeEntry[] | undefined;
  /** Verdicts on codes against this table (verdict.ts's classifyCode), remembered with the table they depend on. */
  readonly verdicts = new Map<string, CodeVerdict | undefined>();

  /** Later duplicates of a code are ignored (the loader reports them). */
  constructor(entries: Iterable<CodeEntry>, options: CodeTableOptions) {
    this.source = options.source;
    this.complete = options.complete ? [...options.complete] : undefined;
    for (const entry of entries) {
      if (this.entries.has(entry.code)) continue;
      this.entries.set(entry.code, entry);
      if (entry.parent === null) continue;
      const siblings = this.childCodes.get(entry.parent);
      if (siblings) siblings.push(entry.code);
      else this.childCodes.set(entry.parent, [entry.code]);
    }
    for (const siblings of this.childCodes.values()) siblings.sort();
  }

  get size(): number {
    return this.entries.size;
  }

  get isComplete(): boolean {
    return this.complete === undefined;
  }

  get(code: string): CodeEntry | undefined {
    return this.entries.get(code);
  }

  has(code: string): boolean {
    return this.entries.has(code);
  }

  /** The parent's entry, when the table has it. */
  parentOf(code: string): CodeEntry | undefined {
    const parent = this.entries.get(code)?.parent ?? structuralParent(code);
    return parent ? this.entries.get(parent) : undefined;
  }

  /** The ancestors the table has, root first, without the code itself. */
  ancestors(code: string): CodeEntry[] {
    const result: CodeEntry[] = [];
    for (const ancestor of structuralAncestors(code)) {
      const entry = this.entries.get(ancestor);
      if (entry) result.push(entry);
    }
    return result;
  }

  /** Direct children in code order. */
  children(code: string): CodeEntry[] {
    return (this.childCodes.get(code) ?? []).map((child) => this.entries.get(child)!);
  }

  /** All entries in code order. */
  all(): readonly CodeEntry[] {
    this.sorted ??= [...this.entries.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    return this.sorted;
  }

  /** Does the table decide membership for this code? A complete table decides every code. */
  covers(code: string): boolean {
    if (this.complete === undefined) return true;
    return this.complete.some((root) => isUnder(code, root));
  }

  /** True unless the table covers the code and does not have it. */
  isKnownOrUncovered(code: string): boolean {
    return this.has(code) || !this.covers(code);
  }

  /**
   * Finds codes by code prefix (`a0806`, or digits only: `0806`) or by a substring of the Chinese or English name.
   * Ranked: exact code, code prefix, exact name, name prefix, name substring; code order within a rank. An empty text lists
   * the table from the start.
   */
  search(text: string, limit = 20): CodeEntry[] {
    const query = text.trim();
    if (limit <= 0) return [];
    if (query === '') return this.all().slice(0, limit);
    const upper = query.toUpperCase();
    const codeQuery = /^\d+$/.test(upper) ? `A${upper}` : upper;
    const lower = query.toLowerCase();
    const ranked: Array<{ rank: number; entry: CodeEntry }> = [];
    for (const entry of this.all()) {
      const rank = searchRank(entry, codeQuery, query, lower);
      if (rank !== undefined) ranked.push({ rank, entry });
    }
    ranked.sort((a, b) => a.rank - b.rank);
    return ranked.slice(0, limit).map((hit) => hit.entry);
  }

  /**
   * Codes close to one the table lacks: the children of its nearest ancestor in the table (its would-be
   * siblings), nearest in number first.
   */
  suggest(code: string, limit = 3): CodeEntry[] {
    if (!isWellFormedCode(code)) return [];
    const ancestors = this.ancestors(code);
    const nearest = ancestors[ancestors.length - 1];
    const candidates = nearest ? this.children(nearest.code) : this.all().filter((entry) => entry.parent === null);
    const target = Number(code.slice(1));
    return candidates
      .filter((entry) => entry.code !== code)
      .map((entry) => ({ entry, distance: Math.abs(Number(entry.code.slice(1)) - target) }))
      .sort((a, b) => a.distance - b.distance || (a.entry.code < b.entry.code ? -1 : 1))
      .slice(0, limit)
      .map((candidate) => candidate.entry);
  }
}

function searchRank(entry: CodeEntry, codeQuery: string, query: string, lower: string): number | undefined {
  if (entry.code === codeQuery) return 0;
  if (entry.code.startsWith(codeQuery)) return 1;
  const nameEn = entry.nameEn?.toLowerCase();
  if (entry.name === query || nameEn === lower) return 2;
  if (entry.name.startsWith(query) || nameEn?.startsWith(lower)) return 3;
  if (entry.name.includes(query) || nameEn?.includes(lower)) return 4;
  return undefined;
}

/** The shape of schemas/codes/builtin.json (also accepted by the loader). */
interface BuiltinFile {
  complete: string[];
  codes: Array<{ code: string; name: string; nameEn?: string; parent: string | null; level: number; unit?: string }>;
}

let builtin: CodeTable | undefined;

/** The table shipped with the product: the roots and the A08060000 branch (see schemas/codes/README.md). */
export function builtinCodeTable(): CodeTable {
  if (builtin) return builtin;
  const file = builtinFile as BuiltinFile;
  const entries = file.codes.map((row): CodeEntry => ({ ...row, level: row.level as CodeLevel }));
  builtin = new CodeTable(entries, { source: BUILTIN_SOURCE, complete: file.complete });
  return builtin;
}
