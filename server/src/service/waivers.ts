/**
 * Waivers written as YAML comments:
 *   # steward-disable-next-line DA-AUTH-001 -- reason        the next line
 *   key: value  # steward-disable-line DA-AUTH-001 -- reason  this line
 *   # steward-disable DA-AUTH-001, DA-AUTH-002 -- reason      until `# steward-enable` (or the end of the file)
 * An optional `until YYYY-MM-DD` before `--` makes a waiver lapse after that day: the finding comes back with a note.
 * A waiver without a reason, naming an unknown rule, or that waives nothing is itself a finding.
 */
import type { Finding, LocalizedText, Range } from './types';
import type { LineIndex } from './parser/lines';
import type { SourceText } from './parser/source';
import { fillText } from './i18n/template';
import { trimLineBreaks } from './parser/line-shape';
import { waiverWithoutReasonRule } from './rules/waiver/waiver-without-reason';
import { unusedWaiverRule } from './rules/waiver/unused-waiver';
import { malformedWaiverRule } from './rules/waiver/malformed-waiver';
import { waiverWithoutBasisRule } from './rules/waiver/waiver-without-basis';
import { findRule } from './rules/registry';
import { ruleCitation } from './rules/report';

export const WAIVER_RULES = {
  noReason: waiverWithoutReasonRule.meta.id,
  unused: unusedWaiverRule.meta.id,
  malformed: malformedWaiverRule.meta.id,
  noBasis: waiverWithoutBasisRule.meta.id,
} as const;

/** What a reason that cites a basis contains: a document number, an order number, an article, a named law or a standard. */
const BASIS = /〔\d{4}〕\d+号|令第\d+号|第[一二三四五六七八九十百零〇\d]+条|《[^》]+》|\bGB(?:\/T)?\s*\d+/;

/** Whether a waiver's reason cites a legal basis. */
export function citesBasis(reason: string): boolean {
  return BASIS.test(reason);
}

const MALFORMED = malformedWaiverRule.meta.messages;

export interface Waiver {
  kind: 'next-line' | 'line' | 'block';
  ruleIds: string[];
  reason: string;
  until?: string;
  /** 0-based lines the waiver covers, inclusive. */
  fromLine: number;
  toLine: number;
  /** Range of the comment, for findings about the waiver itself. */
  range: Range;
  /** Rules among ruleIds that need a basis the reason does not cite: the waiver does not apply to them. */
  unbased?: string[];
}

export interface WaiverProblem {
  ruleId: string;
  range: Range;
  message: LocalizedText;
}

const DIRECTIVE = /(^|[ \t])#[ \t]*steward-(disable-next-line|disable-line|disable|enable)\b(.*)$/;

/** Finds the waiver comments of a file. */
export function parseWaivers(
  text: SourceText,
  lines: LineIndex,
  knownRule: (id: string) => boolean,
): { waivers: Waiver[]; problems: WaiverProblem[] } {
  const waivers: Waiver[] = [];
  const problems: WaiverProblem[] = [];
  const open = new Map<string, Waiver>();
  // Only lines that mention `steward-` can hold a directive: find them with indexOf instead of reading every line.
  let lastLine = -1;
  for (let at = text.indexOf('steward-'); at >= 0; at = text.indexOf('steward-', at + 8)) {
    const line = lines.positionAt(at).line;
    if (line === lastLine) continue;
    lastLine = line;
    const start = lines.lineStart(line);
    const end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
    const lineText = trimLineBreaks(text.slice(start, end));
    const match = DIRECTIVE.exec(lineText);
    if (!match) continue;
    const column = match.index + match[1].length;
    const range: Range = { start: { line, character: column }, end: { line, character: lineText.length } };
    const [verb, rest] = [match[2], match[3]];
    const [head, ...reasonParts] = rest.split(/\s--\s?/);
    const reason = reasonParts.join(' -- ').trim();
    const untilMatch = /\buntil\s+(\S+)/.exec(head);
    const until = untilMatch?.[1];
    const ruleIds = head
      .replace(/\buntil\s+\S+/, '')
      .split(/[\s,]+/)
      .filter(Boolean);
    if (until !== undefined && !isDate(until)) {
      problems.push({ ruleId: WAIVER_RULES.malformed, range, message: fillText(MALFORMED.badExpiry, { until }) });
      continue;
    }
    if (ruleIds.length === 0) {
      problems.push({ ruleId: WAIVER_RULES.malformed, range, message: MALFORMED.noRule });
      continue;
    }
    const unknown = ruleIds.filter((id) => !knownRule(id));
    if (unknown.length > 0) {
      problems.push({
        ruleId: WAIVER_RULES.malformed,
        range,
        message: fillText(MALFORMED.unknownRule, { rulesZh: unknown.join('、'), rulesEn: unknown.join(', ') }),
      });
    }
    const known = ruleIds.filter((id) => knownRule(id));
    if (verb === 'enable') {
      for (const id of known) {
        const waiver = open.get(id);
        if (waiver) {
          waiver.toLine = line;
          open.delete(id);
        }
      }
      continue;
    }
    if (known.length === 0) continue;
    if (reason === '') {
      problems.push({ ruleId: WAIVER_RULES.noReason, range, message: waiverWithoutReasonRule.meta.messages.noReason });
    }
    const unbased = citesBasis(reason) ? [] : known.filter((id) => findRule(id)?.waiverNeedsBasis === true);
    if (unbased.length > 0) {
      problems.push({
        ruleId: WAIVER_RULES.noBasis,
        range,
        message: fillText(waiverWithoutBasisRule.meta.messages.noBasis, {
          rulesZh: unbased.join('、'),
          rulesEn: unbased.join(', '),
        }),
      });
    }
    const waiver: Waiver = {
      kind: verb === 'disable-next-line' ? 'next-line' : verb === 'disable-line' ? 'line' : 'block',
      ruleIds: known,
      reason,
      until,
      fromLine: verb === 'disable-next-line' ? line + 1 : line,
      toLine: verb === 'disable' ? lines.lineCount - 1 : verb === 'disable-next-line' ? line + 1 : line,
      range,
    };
    if (unbased.length > 0) waiver.unbased = unbased;
    waivers.push(waiver);
    if (verb === 'disable') for (const id of known) open.set(id, waiver);
  }
  return { waivers, problems };
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * Applies waivers: a waived finding is dropped; one whose waiver has lapsed stays, with a note. Unused waivers and
 * the waivers' own problems are added as findings.
 */
export function applyWaivers(
  findings: Finding[],
  parsed: { waivers: Waiver[]; problems: WaiverProblem[] },
  today: string,
): Finding[] {
  const used = new Set<Waiver>();
  // Most files waive nothing: every finding stays, with no search per finding (tens of thousands, per keystroke).
  if (parsed.waivers.length === 0 && parsed.problems.length === 0) return [...findings];
  const kept: Finding[] = [];
  for (const finding of findings) {
    const line = finding.range.start.line;
    const waiver = parsed.waivers.find(
      (w) => w.ruleIds.includes(finding.ruleId) && line >= w.fromLine && line <= w.toLine,
    );
    if (!waiver) {
      kept.push(finding);
      continue;
    }
    used.add(waiver);
    if (waiver.unbased?.includes(finding.ruleId)) {
      kept.push({
        ...finding,
        message: {
          'zh-CN': `${finding.message['zh-CN']}（豁免未写明依据，不生效）`,
          en: `${finding.message.en} (the waiver cites no basis and does not apply)`,
        },
        data: { ...finding.data, waiverWithoutBasis: true },
      });
    } else if (waiver.until !== undefined && waiver.until < today) {
      kept.push({
        ...finding,
        message: {
          'zh-CN': `${finding.message['zh-CN']}（豁免已于 ${waiver.until} 到期）`,
          en: `${finding.message.en} (waiver expired on ${waiver.until})`,
        },
        data: { ...finding.data, waiverExpired: waiver.until },
      });
    }
  }
  for (const problem of parsed.problems) {
    const severity =
      problem.ruleId === WAIVER_RULES.noReason
        ? waiverWithoutReasonRule.meta.severity
        : problem.ruleId === WAIVER_RULES.noBasis
          ? waiverWithoutBasisRule.meta.severity
          : malformedWaiverRule.meta.severity;
    kept.push({
      ruleId: problem.ruleId,
      severity,
      message: problem.message,
      range: problem.range,
      clause: ruleCitation(
        problem.ruleId === WAIVER_RULES.noReason ? waiverWithoutReasonRule.meta : malformedWaiverRule.meta,
      ),
    });
  }
  for (const waiver of parsed.waivers) {
    if (used.has(waiver)) continue;
    kept.push({
      ruleId: WAIVER_RULES.unused,
      severity: unusedWaiverRule.meta.severity,
      message: fillText(unusedWaiverRule.meta.messages.unused, {
        rulesZh: waiver.ruleIds.join('、'),
        rulesEn: waiver.ruleIds.join(', '),
      }),
      range: waiver.range,
      clause: ruleCitation(unusedWaiverRule.meta),
      data: { ruleIds: waiver.ruleIds },
    });
  }
  return kept;
}
