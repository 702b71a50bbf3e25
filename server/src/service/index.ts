/**
 * The language service facade: one object with every operation, built once. Pure — no file system, no
 * editor, no LSP connection. The CLI and the language server are thin shells around it.
 */
import type { Finding, Locale } from './types';
import type { StewardDocument } from './parser/model';
import { ChunkCache, parseStewardFile } from './parser/parse';
import { ItemFindingsCache, validateFile } from './validate';
import { RULES } from './rules';
import type { Rule } from './rules/rule';
import { builtinCodeTable } from './codes/table';
import type { CodeTable } from './codes/table';
import { ruleInfos } from './catalog';
import type { RuleInfo } from './catalog';

export interface StewardServiceOptions {
  codeTable?: CodeTable;
  /** Keep parsed chunks and item findings between calls (an editor re-validating as the user types). */
  incremental?: boolean;
  /** Report documents in the file that are not steward documents (the CLI: the user pointed at the file). */
  reportForeignDocuments?: boolean;
  rules?: Rule[];
  /** `YYYY-MM-DD` for rules about age or expiry; defaults to the current date (UTC). */
  today?: string;
  /** `unit.type` assumed when a document does not say. */
  defaultUnitType?: string;
}

export interface ValidationResult {
  document: StewardDocument;
  findings: Finding[];
}

export interface StewardService {
  readonly codeTable: CodeTable;
  parse(uri: string, text: string): StewardDocument;
  validate(uri: string, text: string): ValidationResult;
  rules(): RuleInfo[];
  /** For tests and benchmarks: how often the incremental caches were hit. */
  cacheStats(): { chunkHits: number; chunkMisses: number; itemHits: number; itemMisses: number };
}

export function createStewardService(options: StewardServiceOptions = {}): StewardService {
  const codeTable = options.codeTable ?? builtinCodeTable();
  const rules = options.rules ?? RULES;
  const chunkCache = options.incremental ? new ChunkCache() : undefined;
  const itemCache = options.incremental ? new ItemFindingsCache() : undefined;
  const infos = ruleInfos(rules);
  const parse = (uri: string, text: string) => parseStewardFile(uri, text, { cache: chunkCache });
  return {
    codeTable,
    parse,
    validate(uri, text) {
      const document = parse(uri, text);
      const findings = validateFile(document, {
        rules,
        codeTable,
        today: options.today ?? new Date().toISOString().slice(0, 10),
        defaultUnitType: options.defaultUnitType,
        reportForeignDocuments: options.reportForeignDocuments ?? false,
        cache: itemCache,
      });
      return { document, findings };
    },
    rules: () => infos,
    cacheStats: () => ({
      chunkHits: chunkCache?.hits ?? 0,
      chunkMisses: chunkCache?.misses ?? 0,
      itemHits: itemCache?.hits ?? 0,
      itemMisses: itemCache?.misses ?? 0,
    }),
  };
}

export type { Finding, Locale, StewardDocument, RuleInfo, CodeTable };
