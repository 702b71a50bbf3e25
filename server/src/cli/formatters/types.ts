import type { Finding, Locale, LocalizedText, Severity, SeverityCounts } from '../../service';

export type FormatName = 'stylish' | 'json' | 'sarif' | 'junit' | 'github' | 'gitlab';

export interface FileResult {
  /** Path as shown to the user: relative to the working directory, '/' separators ('<stdin>' or the --stdin-filename). */
  path: string;
  findings: Finding[]; // already sorted by position
  /** Set when the file could not be read or decoded at all (the message is also a finding at 1:1). */
  skipped?: boolean;
  /** Findings of the file left out of the report by `--max-findings-per-file` (counted, not shown). */
  omitted?: number;
  /** Findings of the file by severity, shown or not: the summaries count these when the report is capped. */
  counts?: SeverityCounts;
}

export interface RuleDescriptor {
  // one per rule id that can appear (parse, schema, code and unit rules)
  id: string;
  name: string;
  clause: string;
  severity: Severity;
  short: LocalizedText; // one-line description
  help: LocalizedText; // markdown: what it checks, why, example, fix
  docs?: { rationale: LocalizedText }; // why it matters: SARIF's fullDescription
  helpUri?: string;
}

/** Where the documentation shipped with the tool is (file URIs: the project has no web address). */
export interface DocumentationUris {
  /** The rules reference; a rule's section is `#<ruleAnchor(id)>`. */
  rulesUri: string;
  /** About the tool as a whole (the README). */
  informationUri: string;
}

export interface FormatContext {
  locale: Locale;
  color: boolean; // stylish only; the CLI sets it from TTY / NO_COLOR / FORCE_COLOR
  rules: RuleDescriptor[];
  toolName: string; // 'steward'
  toolVersion: string;
  cwd: string; // absolute, for SARIF's originalUriBaseIds
  quiet: boolean; // --quiet: only errors are reported (the CLI has already filtered; formats may mention it)
  width?: number; // stylish only: terminal columns to wrap messages at (default 100)
  documentation?: DocumentationUris; // SARIF: each rule's helpUri and the tool's informationUri
  findingsLimit?: number; // --max-findings-per-file: named where a file's findings were cut (0: no limit)
}
