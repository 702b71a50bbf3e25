/**
 * Which field each column of a unit's own spreadsheet holds, by its header: the layout's headers
 * (共享属性·共享类型), the bare schema titles (共享类型), the names the provincial catalog systems and the asset
 * systems use (信息资源名称, 提供单位, 卡片编号, 原值 …) and a mapping file's own headers. Finds the header row
 * below title rows. Pure.
 */
import { HEADER_JOINER, workbookLayout } from './layout';
import type { Column, SheetDocumentKind } from './layout';
import { cellText, columnLetter } from './values';
import type { RawCell } from './values';

/** Usual header names of the item fields, by the layout's header of the field. */
const VARIANTS: Record<SheetDocumentKind, Record<string, readonly string[]>> = {
  DataResourceCatalog: {
    资源标识: [
      '信息资源代码',
      '资源代码',
      '数据资源代码',
      '信息资源编码',
      '资源编码',
      '资源编号',
      '目录代码',
      '资源标识符',
    ],
    资源名称: ['信息资源名称', '数据资源名称', '目录名称', '资源名'],
    资源类型: ['信息资源类型', '目录类型'],
    '资源分类·类': ['资源分类', '信息资源分类', '分类', '所属分类', '类'],
    '资源分类·项': ['项'],
    '资源分类·目': ['目'],
    '资源分类·细目': ['细目'],
    资源摘要: ['信息资源摘要', '摘要', '资源描述', '描述', '内容摘要'],
    资源提供方: ['提供方', '提供单位', '资源提供单位', '信息资源提供方', '提供部门', '来源部门', '数源部门'],
    提供方代码: ['提供单位代码', '提供方统一社会信用代码', '提供部门代码'],
    资源格式: ['信息资源格式', '格式', '数据格式'],
    更新周期: ['更新频率', '更新频次'],
    数据分级: ['安全级别', '安全等级', '数据安全级别', '分级', '数据级别'],
    涉密属性: ['是否涉密', '涉密情况'],
    '个人信息·是否包含个人信息': ['是否包含个人信息', '是否涉及个人信息', '含个人信息'],
    '个人信息·是否包含敏感个人信息': ['是否包含敏感个人信息', '是否涉及敏感个人信息'],
    '共享属性·共享类型': ['共享属性'],
    '共享属性·共享方式': ['共享方式'],
    '共享属性·不予共享依据': ['不予共享依据'],
    '开放属性·开放类型': ['开放属性'],
    发布日期: ['发布时间', '上线日期', '编目日期'],
    关联资源: ['关联信息资源'],
  },
  DataAssetRegister: {
    资产标识: ['资产编号', '数据资产编号', '资产代码', '资产编码'],
    资产名称: ['数据资产名称', '名称'],
    对应资源: ['对应数据资源', '关联资源', '资源标识', '信息资源代码'],
    资产分类代码: ['分类代码', '资产分类', '资产类别代码'],
    数据分级: ['安全级别', '安全等级', '数据安全级别', '分级'],
    '取得方式·配置方式': ['取得方式', '配置方式', '来源方式'],
    '取得方式·取得日期': ['取得日期', '取得时间', '购置日期', '入账日期'],
    '取得方式·预算依据': ['预算依据', '预算项目'],
    '取得方式·政府采购·是否适用政府采购': ['是否政府采购', '政府采购'],
    '取得方式·政府采购·采购记录': ['采购记录', '政府采购合同编号', '采购合同编号'],
    '资产登记·资产卡片编号': ['卡片编号', '资产卡片编号', '卡片号'],
    '资产登记·登记系统': ['登记系统'],
    '资产登记·登记日期': ['登记日期'],
    '会计确认·确认类别': ['确认类别', '会计确认', '核算科目'],
    '公共数据资源登记·登记编号': ['公共数据资源登记编号', '数据资源登记编号', '登记编号'],
    '会计确认·入账成本': ['原值', '成本', '入账成本', '账面原值', '价值', '金额'],
    '安全管理·等级保护级别': ['等级保护级别', '等保级别'],
    报告年度: ['报告年份'],
  },
};

/** A header as compared: spaces, NBSP, line breaks, required-marks (*) and bracketed notes (必填) removed. */
export function headerKey(text: string): string {
  return text
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s\u00a0\u3000*＊:：]/g, '')
    .toLowerCase();
}

export interface HeaderIndex {
  kind: SheetDocumentKind;
  /** headerKey → the column of the item table. */
  byKey: Map<string, Column>;
}

const INDEXES: Partial<Record<SheetDocumentKind, HeaderIndex>> = {};

/** Every name a header of the kind's item fields may have, built-in: layout header, bare title, variants. */
export function headerIndex(kind: SheetDocumentKind): HeaderIndex {
  const cached = INDEXES[kind];
  if (cached) return cached;
  const columns = workbookLayout(kind).items.columns;
  const byKey = new Map<string, Column>();
  const byHeader = new Map(columns.map((column) => [column.header, column]));
  // Bare titles (the last part of a header) only where no other column has the same one.
  const bare = new Map<string, Column[]>();
  for (const column of columns) {
    const title = column.header.split(HEADER_JOINER).at(-1)!;
    bare.set(headerKey(title), [...(bare.get(headerKey(title)) ?? []), column]);
  }
  for (const [key, found] of bare) if (found.length === 1) byKey.set(key, found[0]);
  for (const [header, names] of Object.entries(VARIANTS[kind])) {
    const column = byHeader.get(header);
    if (!column) throw new Error(`headers: ${header} is not a header of ${kind}`);
    for (const name of names) byKey.set(headerKey(name), column);
  }
  for (const column of columns) byKey.set(headerKey(column.header), column);
  return (INDEXES[kind] = { kind, byKey });
}

/** A column of a unit's sheet and the field it holds. */
export interface MappedColumn {
  /** 0-based column index. */
  index: number;
  letter: string;
  header: string;
  column?: Column;
  /** How it was mapped: by the built-in names, by the mapping file, or left unmapped (also: `ignore` in the map). */
  by: 'builtin' | 'map' | 'unmapped';
}

/** A mapping file's columns: header (as written) → a field path (`sharing.type`), a layout header, or null. */
export type ColumnOverrides = ReadonlyMap<string, string | null>;

/** The column of `kind` a mapping file's target names: a dotted field path or a header; undefined if none. */
export function columnOfTarget(kind: SheetDocumentKind, target: string): Column | undefined {
  const columns = workbookLayout(kind).items.columns;
  return (
    columns.find((column) => column.path.join('.') === target) ??
    columns.find((column) => column.header === target) ??
    headerIndex(kind).byKey.get(headerKey(target))
  );
}

/** Maps one header row. */
export function mapHeaders(
  kind: SheetDocumentKind,
  row: readonly RawCell[],
  overrides?: ColumnOverrides,
): MappedColumn[] {
  const index = headerIndex(kind);
  const keyedOverrides = new Map([...(overrides ?? [])].map(([header, target]) => [headerKey(header), target]));
  const mapped: MappedColumn[] = [];
  row.forEach((cell, i) => {
    const header = cellText(cell);
    if (header === '') return;
    const key = headerKey(header);
    const letter = columnLetter(i);
    if (keyedOverrides.has(key)) {
      const target = keyedOverrides.get(key);
      const column = target ? columnOfTarget(kind, target) : undefined;
      mapped.push({ index: i, letter, header, column, by: column ? 'map' : 'unmapped' });
      return;
    }
    const column = index.byKey.get(key);
    mapped.push({ index: i, letter, header, column, by: column ? 'builtin' : 'unmapped' });
  });
  return mapped;
}

/** How many of a row's cells are headers of `kind`. */
function score(kind: SheetDocumentKind, row: readonly RawCell[], overrides?: ColumnOverrides): number {
  return mapHeaders(kind, row, overrides).filter((column) => column.column).length;
}

export interface HeaderGuess {
  kind: SheetDocumentKind;
  /** 0-based index among the rows given. */
  rowIndex: number;
  score: number;
}

/**
 * The header row among a sheet's first rows: the row with the most recognised headers (at least two), for the
 * kind given or the kind that recognises more; undefined when no row qualifies.
 */
export function findHeaderRow(
  rows: readonly (readonly RawCell[])[],
  kind?: SheetDocumentKind,
  overrides?: ColumnOverrides,
): HeaderGuess | undefined {
  const kinds: SheetDocumentKind[] = kind ? [kind] : ['DataResourceCatalog', 'DataAssetRegister'];
  let best: HeaderGuess | undefined;
  rows.forEach((row, rowIndex) => {
    for (const candidate of kinds) {
      const found = score(candidate, row, overrides);
      if (found >= 2 && (!best || found > best.score)) best = { kind: candidate, rowIndex, score: found };
    }
  });
  return best;
}

/** Columns that share a header, or that map to the same field: [letters, header-or-field] per clash. */
export function headerClashes(columns: readonly MappedColumn[]): Array<{ letters: string[]; what: string }> {
  const clashes: Array<{ letters: string[]; what: string }> = [];
  const byHeader = new Map<string, MappedColumn[]>();
  const byField = new Map<Column, MappedColumn[]>();
  for (const column of columns) {
    const key = headerKey(column.header);
    byHeader.set(key, [...(byHeader.get(key) ?? []), column]);
    if (column.column) byField.set(column.column, [...(byField.get(column.column) ?? []), column]);
  }
  for (const same of byHeader.values())
    if (same.length > 1) clashes.push({ letters: same.map((c) => c.letter), what: same[0].header });
  for (const [field, same] of byField) {
    if (same.length < 2 || new Set(same.map((c) => headerKey(c.header))).size === 1) continue;
    clashes.push({ letters: same.map((c) => c.letter), what: field.header });
  }
  return clashes;
}
