/**
 * The verdict on an asset classification code against a code table (clause 8: register assets per GB/T 14885-2022;
 * data assets sit under A08060200 数据): which of the classification-code rules (DA-CODE-001..004) reports it, with
 * its message id, arguments and fix data. One verdict per code and table, kept by the table.
 */
import type { CodeEntry, CodeTable } from './table';
import {
  BUILTIN_SOURCE,
  DATA_CODE,
  DATA_LEAF_CODES,
  is2010Code,
  isDataCode,
  isIntangibleCode,
  isWellFormedCode,
} from './table';

/** What is wrong with a code, if anything: the rule that reports it, its message and the fix data. */
export interface CodeVerdict {
  ruleId: 'DA-CODE-001' | 'DA-CODE-002' | 'DA-CODE-003' | 'DA-CODE-004';
  messageId: string;
  args: Record<string, string | number>;
  data: Record<string, unknown>;
}

/**
 * Decides the one finding a code deserves, most fundamental first: the 2010 edition, a malformed code, a class
 * other than intangible assets, a code the table lacks, an intangible asset that is not data.
 */
export function classifyCode(code: string, table: CodeTable): CodeVerdict | undefined {
  // Units use a handful of codes over thousands of assets: the verdict depends on the code and table only, and
  // the table keeps it.
  const verdicts = table.verdicts;
  if (verdicts.has(code)) return verdicts.get(code);
  const found = judgeCode(code, table);
  if (verdicts.size < MAX_REMEMBERED_CODES) verdicts.set(code, found);
  return found;
}

const MAX_REMEMBERED_CODES = 10_000;

function judgeCode(code: string, table: CodeTable): CodeVerdict | undefined {
  if (is2010Code(code)) {
    return verdict(
      'DA-CODE-004',
      'edition2010',
      { code },
      { code, edition: 'GB/T 14885-2010', suggestions: [...DATA_LEAF_CODES] },
    );
  }
  if (!isWellFormedCode(code)) {
    const suggestion = normaliseCode(code);
    if (suggestion)
      return verdict('DA-CODE-001', 'malformedDidYouMean', { code, suggestion }, { code, suggestions: [suggestion] });
    return verdict('DA-CODE-001', 'malformed', { code }, { code, suggestions: [] });
  }
  const path = pathOf(code, table);
  if (!isIntangibleCode(code)) {
    return verdict(
      'DA-CODE-003',
      'notIntangible',
      { code, path: path.text },
      { code, path: path.codes, suggestions: [...DATA_LEAF_CODES] },
    );
  }
  if (!table.isKnownOrUncovered(code)) {
    const close = table.suggest(code, 3);
    const args = {
      code,
      source: table.source,
      covered: coveredText(table),
      suggestions: close.map(label).join(', ') || '—',
    };
    const messageId = table.source === BUILTIN_SOURCE ? 'unknownBuiltIn' : 'unknown';
    return verdict('DA-CODE-001', messageId, args, {
      code,
      source: table.source,
      suggestions: close.map((entry) => entry.code),
    });
  }
  if (code === DATA_CODE)
    return verdict('DA-CODE-002', 'dataCategory', { code }, { code, suggestions: [...DATA_LEAF_CODES] });
  if (!isDataCode(code)) {
    return verdict(
      'DA-CODE-002',
      'outsideData',
      { code, path: path.text },
      { code, path: path.codes, suggestions: [...DATA_LEAF_CODES] },
    );
  }
  return undefined;
}

function verdict(
  ruleId: CodeVerdict['ruleId'],
  messageId: string,
  args: CodeVerdict['args'],
  data: CodeVerdict['data'],
): CodeVerdict {
  return { ruleId, messageId, args, data };
}

/**
 * The code a slip probably meant: full-width characters, lower case, spaces, hyphens or dots, or a missing `A`.
 * Undefined when no such reading is a well-formed code.
 */
export function normaliseCode(text: string): string | undefined {
  const halfWidth = text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  let candidate = halfWidth.replace(/[\s\-.]/g, '').toUpperCase();
  if (/^\d{8}$/.test(candidate)) candidate = `A${candidate}`;
  return candidate !== text && isWellFormedCode(candidate) ? candidate : undefined;
}

function label(entry: CodeEntry): string {
  return `${entry.code} ${entry.name}`;
}

/** `A08000000 无形资产 > A08060000 信息数据类无形资产 > A08060301 基础软件`, with the codes the table knows. */
function pathOf(code: string, table: CodeTable): { text: string; codes: string[] } {
  const known = table.ancestors(code);
  const self = table.get(code);
  const text = [...known.map(label), self ? label(self) : code].join(' > ');
  return { text, codes: [...known.map((entry) => entry.code), code] };
}

function coveredText(table: CodeTable): string {
  return (table.complete ?? []).map((root) => (table.get(root) ? label(table.get(root)!) : root)).join(', ');
}
