/**
 * DA-CODE-001..004: an asset's `classificationCode` against the active code table (clause 8: register assets per
 * GB/T 14885-2022; data assets sit under A08060200 数据). One verdict per value, each rule reports its own kind.
 */
import type { MapNode, ScalarNode } from '../parser/ast';
import { getValue } from '../parser/ast';
import type { CodeEntry, CodeTable } from '../codes/table';
import {
  BUILTIN_SOURCE,
  DATA_CODE,
  DATA_LEAF_CODES,
  is2010Code,
  isDataCode,
  isIntangibleCode,
  isWellFormedCode,
} from '../codes/table';
import type { ItemScope, Rule, RuleContext, RuleMeta } from './rule';

const CLAUSE = '财资〔2024〕1号 (8); GB/T 14885-2022';
const REPLACES = ['/assets/*/classificationCode'];
const DATA_CLASSES_ZH = 'A08060201 结构化数据、A08060202 半结构化数据或 A08060203 非结构化数据';
const DATA_CLASSES_EN = 'A08060201 结构化数据 (structured), A08060202 半结构化数据 (semi-structured) or A08060203 非结构化数据 (unstructured data)';

const FIXED_EXAMPLE = `assets:
  - id: DA-2024-0001
    name: 公交运行监测数据集
    classificationCode: A08060201`;

function example(code: string): string {
  return FIXED_EXAMPLE.replace('A08060201', code);
}

export const unknownCodeRule: Rule = codeRule({
  id: 'DA-CODE-001',
  clause: CLAUSE,
  severity: 'error',
  replacesSchemaAt: REPLACES,
  messages: {
    unknown: {
      'zh-CN': '分类代码 {code} 不在代码表（{source}）中；相近的代码：{suggestions}',
      en: 'Classification code {code} is not in the code table ({source}); close codes: {suggestions}',
    },
    unknownBuiltIn: {
      'zh-CN': '分类代码 {code} 不存在：内置代码表完整收录 {covered} 分支，其中没有该代码；相近的代码：{suggestions}',
      en: 'Classification code {code} does not exist: the built-in code table holds the whole {covered} branch and this code is not in it; close codes: {suggestions}',
    },
    malformed: {
      'zh-CN': '“{code}”不是资产分类代码：应为 A 加 8 位数字，分四级、每级 2 位（数据资产如 A08060201）',
      en: "'{code}' is not an asset classification code: expected A and 8 digits in four 2-digit levels (for a data asset e.g. A08060201)",
    },
    malformedDidYouMean: {
      'zh-CN': '“{code}”不是规范写法的资产分类代码，应写作 {suggestion}',
      en: "'{code}' is not how an asset classification code is written; write {suggestion}",
    },
  },
  docs: {
    description: {
      'zh-CN': '资产分类代码必须是 A 加 8 位数字，且存在于当前代码表中（内置代码表只判定 A08060000 信息数据类无形资产分支；加载单位的正式代码表后判定全部代码）。',
      en: 'An asset classification code must be A and 8 digits and exist in the active code table (the built-in table decides only the A08060000 information-and-data branch; with the unit’s official table loaded, every code is decided).',
    },
    rationale: {
      'zh-CN': '财资〔2024〕1号第（八）条要求按 GB/T 14885-2022 登记数据资产；不存在的代码无法在预算管理一体化系统中生成资产卡片。',
      en: 'Clause (8) of 财资〔2024〕1号 requires data assets to be registered per GB/T 14885-2022; a code that does not exist cannot become an asset card in the integrated budget-management system.',
    },
    example: example('A08060204'),
    fixedExample: FIXED_EXAMPLE,
  },
});

export const nonDataIntangibleRule: Rule = codeRule({
  id: 'DA-CODE-002',
  clause: CLAUSE,
  severity: 'warning',
  replacesSchemaAt: REPLACES,
  messages: {
    outsideData: {
      'zh-CN': `分类代码 {code} 属于无形资产，但不在“数据”（A08060200）之下：{path}。数据资产应登记在 ${DATA_CLASSES_ZH}`,
      en: `Classification code {code} is an intangible asset outside 数据 (data, A08060200): {path}. Data assets are registered under ${DATA_CLASSES_EN}`,
    },
    dataCategory: {
      'zh-CN': `A08060200 数据 是中类，数据资产应登记到其下的小类：${DATA_CLASSES_ZH}`,
      en: `A08060200 数据 (data) is a category; register a data asset under one of its classes: ${DATA_CLASSES_EN}`,
    },
  },
  docs: {
    description: {
      'zh-CN': '分类代码属于无形资产（A08），但不在 A08060200 数据之下（如 A08060301 基础软件、A08040101 土地使用权），或只写到了中类 A08060200。',
      en: 'The classification code is an intangible asset (A08) but not under A08060200 数据 (data), e.g. A08060301 system software or A08040101 land-use rights, or it stops at the A08060200 category.',
    },
    rationale: {
      'zh-CN': '数据资产登记在 A08060000 信息数据类无形资产 → A08060200 数据 之下的小类；其他无形资产代码通常说明登记的是软件、域名或权利，而不是数据。',
      en: 'Data assets are registered in the classes under A08060000 信息数据类无形资产 → A08060200 数据; another intangible-asset code usually means the entry records software, a domain name or a right rather than data.',
    },
    example: example('A08060301'),
    fixedExample: FIXED_EXAMPLE,
  },
});

export const nonIntangibleRule: Rule = codeRule({
  id: 'DA-CODE-003',
  clause: CLAUSE,
  severity: 'error',
  replacesSchemaAt: REPLACES,
  messages: {
    notIntangible: {
      'zh-CN': `分类代码 {code} 不是无形资产（A08）代码：{path}。数据资产属于无形资产，应登记在 ${DATA_CLASSES_ZH}`,
      en: `Classification code {code} is not an intangible-asset (A08) code: {path}. Data assets are intangible assets, registered under ${DATA_CLASSES_EN}`,
    },
  },
  docs: {
    description: {
      'zh-CN': '分类代码不在 A08 无形资产之下（如 A02 设备）。',
      en: 'The classification code is not under A08 无形资产 (intangible assets), e.g. A02 设备 (equipment).',
    },
    rationale: {
      'zh-CN': '数据资产是无形资产（财会〔2023〕11号），按 GB/T 14885-2022 登记在 A08060200 数据之下；房屋、设备等门类的代码会把数据资产记成有形资产。',
      en: 'Data assets are intangible assets (财会〔2023〕11号) registered per GB/T 14885-2022 under A08060200 数据; a code of a tangible class such as buildings or equipment records the data asset as a tangible asset.',
    },
    example: example('A02010104'),
    fixedExample: FIXED_EXAMPLE,
  },
});

export const edition2010Rule: Rule = codeRule({
  id: 'DA-CODE-004',
  clause: CLAUSE,
  severity: 'error',
  replacesSchemaAt: REPLACES,
  messages: {
    edition2010: {
      'zh-CN': `{code} 是 GB/T 14885-2010 的 7 位数字代码；2022 版（GB/T 14885-2022）改为 A 加 8 位数字，数据资产使用 ${DATA_CLASSES_ZH}`,
      en: `{code} is a 7-digit code of the 2010 edition (GB/T 14885-2010); the 2022 edition (GB/T 14885-2022) uses A and 8 digits, and data assets use ${DATA_CLASSES_EN}`,
    },
  },
  docs: {
    description: {
      'zh-CN': '分类代码是 GB/T 14885-2010 的 7 位数字代码（如 2010000）。',
      en: 'The classification code is a 7-digit code of GB/T 14885-2010 (e.g. 2010000).',
    },
    rationale: {
      'zh-CN': '财资〔2024〕1号第（八）条要求按 GB/T 14885-2022 登记；7 位代码说明文档沿用了 2010 版，2010 版没有数据资产的分类。',
      en: 'Clause (8) of 财资〔2024〕1号 requires registration per GB/T 14885-2022; a 7-digit code means the document still uses the 2010 edition, which has no class for data assets.',
    },
    example: example('2010000'),
    fixedExample: FIXED_EXAMPLE,
  },
});

export const CLASSIFICATION_CODE_RULES: Rule[] = [unknownCodeRule, nonDataIntangibleRule, nonIntangibleRule, edition2010Rule];

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
  // Units use a handful of codes over thousands of assets: the verdict depends on the code and table only.
  let verdicts = VERDICTS.get(table);
  if (!verdicts) VERDICTS.set(table, (verdicts = new Map()));
  if (verdicts.has(code)) return verdicts.get(code);
  const found = judgeCode(code, table);
  if (verdicts.size < MAX_REMEMBERED_CODES) verdicts.set(code, found);
  return found;
}

const VERDICTS = new WeakMap<CodeTable, Map<string, CodeVerdict | undefined>>();
const MAX_REMEMBERED_CODES = 10_000;

function judgeCode(code: string, table: CodeTable): CodeVerdict | undefined {
  if (is2010Code(code)) {
    return verdict('DA-CODE-004', 'edition2010', { code }, { code, edition: 'GB/T 14885-2010', suggestions: [...DATA_LEAF_CODES] });
  }
  if (!isWellFormedCode(code)) {
    const suggestion = normaliseCode(code);
    if (suggestion) return verdict('DA-CODE-001', 'malformedDidYouMean', { code, suggestion }, { code, suggestions: [suggestion] });
    return verdict('DA-CODE-001', 'malformed', { code }, { code, suggestions: [] });
  }
  const path = pathOf(code, table);
  if (!isIntangibleCode(code)) {
    return verdict('DA-CODE-003', 'notIntangible', { code, path: path.text }, { code, path: path.codes, suggestions: [...DATA_LEAF_CODES] });
  }
  if (!table.isKnownOrUncovered(code)) {
    const close = table.suggest(code, 3);
    const args = { code, source: table.source, covered: coveredText(table), suggestions: close.map(label).join(', ') || '—' };
    const messageId = table.source === BUILTIN_SOURCE ? 'unknownBuiltIn' : 'unknown';
    return verdict('DA-CODE-001', messageId, args, { code, source: table.source, suggestions: close.map((entry) => entry.code) });
  }
  if (code === DATA_CODE) return verdict('DA-CODE-002', 'dataCategory', { code }, { code, suggestions: [...DATA_LEAF_CODES] });
  if (!isDataCode(code)) {
    return verdict('DA-CODE-002', 'outsideData', { code, path: path.text }, { code, path: path.codes, suggestions: [...DATA_LEAF_CODES] });
  }
  return undefined;
}

function verdict(ruleId: CodeVerdict['ruleId'], messageId: string, args: CodeVerdict['args'], data: CodeVerdict['data']): CodeVerdict {
  return { ruleId, messageId, args, data };
}

/** A rule that reports the verdicts that are its own. */
function codeRule(meta: RuleMeta): Rule {
  return { meta, checkItem: (item, scope, context) => reportVerdict(meta.id, item, scope, context) };
}

function reportVerdict(ruleId: string, item: MapNode, scope: ItemScope, context: RuleContext): void {
  if (scope.kind !== 'asset') return;
  const node = getValue(item, 'classificationCode');
  if (!node || node.type !== 'scalar') return;
  const code = codeText(node);
  if (code === '') return;
  const found = classifyCode(code, context.codeTable);
  if (!found || found.ruleId !== ruleId) return;
  context.report({ messageId: found.messageId, span: node.span, args: found.args, path: `${scope.path}/classificationCode`, data: found.data });
}

/** The code as written: a number (an unquoted 2010 code) is read from its source text. */
function codeText(node: ScalarNode): string {
  if (node.value === null) return '';
  return (typeof node.value === 'string' ? node.value : node.source).trim();
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
