/**
 * SARIF 2.1.0 log with one run, shaped for GitHub code scanning: every known rule in `tool.driver.rules` (a
 * stable list, so `ruleIndex` does not move between runs), each linked to its section of the rules reference shipped
 * with the tool (FormatContext.documentation), paths relative to `%SRCROOT%` (the working directory), 1-based
 * regions in UTF-16 code units, and a position-independent partial fingerprint. It passes Microsoft's SARIF
 * validator (sarif-multitool validate) without errors or warnings (test/sarif-validator.test.ts).
 */
import { pathToFileURL } from 'node:url';
import type { Finding, Locale, Severity } from '../../service';
import {
  findingHash,
  inStableOrder,
  messageText,
  occurrenceKey,
  printedRange,
  printedRelated,
  ruleAnchor,
} from './common';
import { jsonAt, jsonWithArray, type Elements } from './streamed-json';
import { formatterStrings } from './messages';
import type { FileResult, FormatContext, RuleDescriptor } from './types';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** Key of our own fingerprint in `partialFingerprints`; GitHub adds its `primaryLocationLineHash` beside it. */
export const FINGERPRINT_KEY = 'stewardFindingHash/v1';

/** GitHub truncates longer rule descriptions; cutting them ourselves keeps the cut at a character boundary. */
const DESCRIPTION_LIMIT = 1024;
const NAME_LIMIT = 255;

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub's `problem.severity` for non-security rules. */
const PROBLEM_SEVERITIES: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'recommendation' };

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}

function truncate(text: string, limit: number): string {
  const chars = Array.from(text);
  return chars.length <= limit ? text : chars.slice(0, limit - 1).join('') + '…';
}

/** The first prose paragraph of a markdown text (headings and code blocks skipped), on one line. */
export function firstParagraph(markdown: string): string {
  let inFence = false;
  for (const block of markdown.split(/\r?\n\s*\r?\n/)) {
    const lines = block.split(/\r?\n/);
    const fences = lines.filter((line) => /^\s*(```|~~~)/.test(line)).length;
    const startsFenced = inFence;
    if (fences % 2 === 1) inFence = !inFence;
    if (startsFenced || fences > 0) continue;
    const prose = lines
      .filter((line) => !/^\s*#/.test(line))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (prose !== '') return prose;
  }
  return '';
}

/** `DA-CODE-002` -> `code`: the rule family, used as a filter tag in code scanning. */
function familyTag(ruleId: string): string | undefined {
  return /^[A-Za-z]+-([A-Za-z]+)-/.exec(ruleId)?.[1].toLowerCase();
}

/** A rule's own helpUri, else its section of the rules reference, for the rules the reference holds. */
function helpUriOf(rule: RuleDescriptor, context: FormatContext, described: boolean): string | undefined {
  if (rule.helpUri) return rule.helpUri;
  return described && context.documentation ? `${context.documentation.rulesUri}#${ruleAnchor(rule.id)}` : undefined;
}

function ruleDescriptor(rule: RuleDescriptor, context: FormatContext, described: boolean) {
  const locale = context.locale;
  const short = truncate(rule.short[locale] || rule.id, DESCRIPTION_LIMIT);
  const help = rule.help[locale] || short;
  const family = familyTag(rule.id);
  const helpUri = helpUriOf(rule, context, described);
  return {
    id: rule.id,
    name: truncate(rule.name || rule.id, NAME_LIMIT),
    shortDescription: { text: short },
    fullDescription: {
      text: truncate(rule.docs?.rationale[locale] || firstParagraph(help) || short, DESCRIPTION_LIMIT),
    },
    ...(helpUri ? { helpUri } : {}),
    help: { text: help, markdown: help },
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: {
      tags: family ? ['data-asset', family] : ['data-asset'],
      ...(rule.clause ? { clause: rule.clause } : {}),
      precision: 'very-high',
      'problem.severity': PROBLEM_SEVERITIES[rule.severity],
    },
  };
}

/** Rules the CLI described, by id, then any rule id that only appears in a finding. */
function ruleTable(results: readonly FileResult[], context: FormatContext): RuleDescriptor[] {
  const known = new Map<string, RuleDescriptor>();
  for (const rule of context.rules) if (!known.has(rule.id)) known.set(rule.id, rule);
  const extra = new Map<string, RuleDescriptor>();
  for (const result of results)
    for (const finding of result.findings)
      if (!known.has(finding.ruleId) && !extra.has(finding.ruleId)) extra.set(finding.ruleId, undescribedRule(finding));
  const byId = (a: RuleDescriptor, b: RuleDescriptor) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...[...known.values()].sort(byId), ...[...extra.values()].sort(byId)];
}

function undescribedRule(finding: Finding): RuleDescriptor {
  const [en, zh] = [formatterStrings('en'), formatterStrings('zh-CN')];
  return {
    id: finding.ruleId,
    name: finding.ruleId,
    clause: finding.clause ?? '',
    severity: finding.severity,
    short: { en: en.unknownRuleShort(finding.ruleId), 'zh-CN': zh.unknownRuleShort(finding.ruleId) },
    help: { en: en.unknownRuleHelp(finding.ruleId), 'zh-CN': zh.unknownRuleHelp(finding.ruleId) },
  };
}

function encodeSegments(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** Relative paths stay relative to `%SRCROOT%`; an absolute path (outside the working directory) becomes a file URI. */
export function artifactLocation(path: string): ArtifactLocation {
  const posix = path.replace(/\\/g, '/');
  const drive = /^([A-Za-z]:)\//.exec(posix);
  if (drive) return { uri: `file:///${drive[1]}/${encodeSegments(posix.slice(3))}` };
  if (posix.startsWith('/')) return { uri: `file://${encodeSegments(posix)}` };
  return { uri: encodeSegments(posix), uriBaseId: SRCROOT };
}

function directoryUri(cwd: string): string {
  const href = pathToFileURL(cwd).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function fingerprint(finding: Finding, uri: string, seen: Map<string, number>): string {
  return occurrenceKey(findingHash(finding, uri), seen);
}

/** SARIF relatedLocations (other definitions of a duplicated id), when the finding has any. */
function relatedLocations(finding: Finding, locale: Locale) {
  const related = printedRelated(finding, locale);
  if (related.length === 0) return {};
  return {
    relatedLocations: related.map((place, id) => ({
      id,
      physicalLocation: {
        artifactLocation: artifactLocation(place.path),
        region: {
          startLine: place.line,
          startColumn: place.column,
          endLine: place.endLine,
          endColumn: place.endColumn,
        },
      },
      message: { text: place.message },
    })),
  };
}

/** One finding as a SARIF result. */
function sarifResult(
  finding: Finding,
  location: ArtifactLocation,
  context: FormatContext,
  ruleIndex: Map<string, number>,
  seen: Map<string, number>,
) {
  const range = printedRange(finding);
  const properties: Record<string, string> = {};
  if (finding.clause) properties.clause = finding.clause;
  if (finding.path !== undefined) properties.jsonPointer = finding.path;
  return {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId),
    level: LEVELS[finding.severity],
    message: { text: messageText(finding, context.locale) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: location,
          region: {
            startLine: range.line,
            startColumn: range.column,
            endLine: range.endLine,
            endColumn: range.endColumn,
          },
        },
      },
    ],
    ...relatedLocations(finding, context.locale),
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(finding, location.uri, seen) },
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
  };
}

/** A file whose findings were cut by `--max-findings-per-file`: a note of the run's invocation names it. */
function omittedNotification(result: FileResult, location: ArtifactLocation, context: FormatContext) {
  const text = formatterStrings(context.locale).omitted(result.omitted ?? 0, context.findingsLimit ?? 0);
  return {
    level: 'note' as const,
    message: { text: `${result.path}: ${text}` },
    locations: [{ physicalLocation: { artifactLocation: location } }],
  };
}

/** The log with its one run's results empty, and what the results are made from. */
function sarifFrame(results: readonly FileResult[], context: FormatContext) {
  const ordered = inStableOrder(results);
  const rules = ruleTable(ordered, context);
  const described = new Set(context.rules.map((rule) => rule.id));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const cwdUri = directoryUri(context.cwd);
  const locations = ordered.map((result, index) => ({ ...artifactLocation(result.path), index }));
  const semver = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(context.toolVersion);
  const notifications = ordered.flatMap((result, index) =>
    result.omitted ? [omittedNotification(result, locations[index], context)] : [],
  );
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: context.toolName,
            version: context.toolVersion,
            ...(semver ? { semanticVersion: context.toolVersion } : {}),
            ...(context.documentation ? { informationUri: context.documentation.informationUri } : {}),
            rules: rules.map((rule) => ruleDescriptor(rule, context, described.has(rule.id))),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
            workingDirectory: { uri: cwdUri },
          },
        ],
        originalUriBaseIds: {
          [SRCROOT]: { uri: cwdUri, description: { text: formatterStrings(context.locale).srcRootDescription } },
        },
        // Every file listed was analysed: the role says so (and makes the list more than the results' locations).
        artifacts: locations.map(({ uri, uriBaseId }) => ({
          location: uriBaseId ? { uri, uriBaseId } : { uri },
          roles: ['analysisTarget'],
        })),
        language: context.locale,
        columnKind: 'utf16CodeUnits' as const,
        results: [] as Array<ReturnType<typeof sarifResult>>,
        properties: { quiet: context.quiet },
      },
    ],
  };
  /** Every result, in order (the fingerprints count occurrences in this order). */
  function* sarifResults() {
    const seen = new Map<string, number>();
    for (const [index, result] of ordered.entries())
      for (const finding of result.findings) yield sarifResult(finding, locations[index], context, ruleIndex, seen);
  }
  return { log, sarifResults };
}

/** The whole log as one object (tests and library users; the CLI writes it in pieces with `formatSarif`). */
export function buildSarifLog(results: readonly FileResult[], context: FormatContext) {
  const { log, sarifResults } = sarifFrame(results, context);
  log.runs[0].results = [...sarifResults()];
  return log;
}

/** Pretty-printed JSON with a final newline, written result by result (the same bytes as `buildSarifLog`'s). */
export function* formatSarif(results: readonly FileResult[], context: FormatContext): Generator<string> {
  const { log, sarifResults } = sarifFrame(results, context);
  const elements: Elements = function* (level) {
    for (const result of sarifResults()) yield jsonAt(result, level);
  };
  yield* jsonWithArray(log, ['runs', 0, 'results'], elements, 0);
  yield '\n';
}
