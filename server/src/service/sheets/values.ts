/**
 * Normalising the values of a spreadsheet's cells for `steward import`: text trimmed (NBSP and ideographic spaces
 * too), dates (date cells, Excel serial numbers, 2024年3月1日, 2024/3/1, 2024-3-1, 2024.3.1) to YYYY-MM-DD,
 * numbers kept as numbers or as text by the column's type, enumerations through their usual synonyms, booleans
 * from 是/否, Y/N, true/false. A value that cannot be mapped is kept verbatim (as text), so that validation reports
 * it: never dropped, never guessed. Pure.
 */
import type { Column, ColumnType } from './layout';

/**
 * A cell as the host reads it: text, a number, a boolean, a date cell, or an error: a cell holding an error value
 * (`error` its code, #REF!), or a formula whose result was never computed (`uncomputed`, `error` its text, =A1*2).
 */
export type RawCell =
  string | number | boolean | { date: string } | { error: string; uncomputed?: boolean } | null | undefined;

/** Spaces a spreadsheet holds besides the ASCII one: NBSP, ideographic space, zero-width and BOM. */
const ODD_SPACES = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g;

/** What cleanText changes besides the ends (most cells hold none of it). */
const TO_CLEAN = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff\r]/;

/** Trimmed text with NBSP and ideographic spaces as plain spaces (runs inside kept as they are). */
export function cleanText(text: string): string {
  if (!TO_CLEAN.test(text)) return text.trim();
  return text.replace(ODD_SPACES, ' ').replace(/\r\n?/g, '\n').trim();
}

/** A cell as trimmed text ('' for an empty one); a date cell as YYYY-MM-DD. */
export function cellText(cell: RawCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cleanText(cell);
  if (typeof cell === 'number') return numberText(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if ('date' in cell) return cell.date;
  return cell.error;
}

function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(value);
}

export function isEmptyCell(cell: RawCell): boolean {
  return cellText(cell) === '';
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days || year < 1000 || year > 9999) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** An Excel serial day number (1900 date system, the 1900-02-29 bug counted) as YYYY-MM-DD. */
export function serialDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const days = Math.floor(serial);
  // Day 60 is the 29 February 1900 Excel pretends existed; days from 61 on count from 1899-12-30.
  const epoch = days < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + days * 86_400_000);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

const DATE_FORMS: readonly RegExp[] = [
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/,
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** A date written the usual Chinese ways as YYYY-MM-DD, or undefined. */
export function parseDateText(text: string): string | undefined {
  for (const form of DATE_FORMS) {
    const match = form.exec(text);
    if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  }
  return undefined;
}

const TRUE_TEXT = new Set(['是', '有', 'y', 'yes', 'true', '√', '✓', '1', '包含', '适用']);
const FALSE_TEXT = new Set(['否', '无', 'n', 'no', 'false', '×', '✗', '0', '不包含', '不适用']);

/** Synonyms of enumerated values, by the value they mean (besides a unique prefix: 无条件 → 无条件共享). */
const ENUM_SYNONYMS: Record<string, readonly string[]> = {
  不予共享: ['不共享', '不可共享', '不予'],
  不予开放: ['不开放', '不可开放', '不予'],
  实时: ['实时更新', '实时同步'],
  每日: ['日', '每天', '按日', '按天', '日更新'],
  每周: ['周', '按周', '周更新'],
  每月: ['月', '按月', '月度', '月更新'],
  每季度: ['季度', '按季', '按季度', '每季'],
  每半年: ['半年', '按半年'],
  每年: ['年', '按年', '年度', '每年度'],
  不定期: ['不定时', '按需'],
  不更新: ['不再更新', '静态'],
  接口: ['api', '接口服务', '接口方式', '服务接口'],
  库表: ['库表交换', '数据库', '库表方式'],
  文件: ['文件下载', '文件方式', '文件交换'],
  行政单位: ['行政', '机关', '行政机关'],
  事业单位: ['事业'],
  非涉密: ['不涉密', '否', '无'],
  购置: ['采购', '购买', '外购'],
  自主采集: ['自行采集', '采集'],
  生产加工: ['加工', '自行加工'],
  未确认: ['不确认', '未入账'],
};

/** The enumerated value `text` means, or undefined: exact, then a synonym, then a unique prefix or suffix. */
export function enumValue(text: string, values: readonly string[]): string | undefined {
  // The schema's own string: every row holding the value shares it.
  const exact = values.indexOf(text);
  if (exact >= 0) return values[exact];
  const lower = text.toLowerCase().replace(/\s+/g, '');
  for (const value of values) {
    if (value === lower) return value;
    if (ENUM_SYNONYMS[value]?.includes(lower)) return value;
  }
  if (lower.length < 2) return undefined;
  const prefixed = values.filter((value) => value.startsWith(lower));
  if (prefixed.length === 1) return prefixed[0];
  const within = values.filter((value) => lower.startsWith(value));
  return within.length === 1 && /^(?:类|类型|属性)$/.test(lower.slice(within[0].length)) ? within[0] : undefined;
}

export function booleanValue(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  if (TRUE_TEXT.has(lower)) return true;
  if (FALSE_TEXT.has(lower)) return false;
  return undefined;
}

/** A number written with thousands separators, a currency sign or 元, or undefined. */
export function numberFromText(text: string): number | undefined {
  const bare = text
    .replace(/[,，\s]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '');
  if (!/^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/.test(bare)) return undefined;
  const value = Number(bare);
  return Number.isFinite(value) ? value : undefined;
}

/** A value of the field, or undefined for an empty cell. */
export type FieldValue = string | number | boolean | Array<string | number | boolean>;

function scalarOf(
  cell: RawCell,
  type: Exclude<ColumnType, 'list'>,
  values: readonly string[] | undefined,
  text = cellText(cell),
): FieldValue {
  switch (type) {
    case 'date': {
      if (cell !== null && typeof cell === 'object' && 'date' in cell) return cell.date;
      if (typeof cell === 'number') return serialDate(cell) ?? text;
      return parseDateText(text) ?? text;
    }
    case 'integer':
    case 'number':
    case 'amount': {
      if (typeof cell === 'number') return cell;
      const value = numberFromText(text);
      if (value === undefined) return text;
      return type === 'integer' && !Number.isInteger(value) ? text : value;
    }
    case 'reference':
      // A bare integer stays a number (as the YAML had it); text, such as 0012 or 财资〔2024〕1号, stays text.
      if (typeof cell === 'number' && Number.isSafeInteger(cell)) return cell;
      return text;
    case 'boolean':
      if (typeof cell === 'boolean') return cell;
      return booleanValue(text) ?? text;
    case 'enum':
      return (values && enumValue(text, values)) ?? text;
    default:
      return text;
  }
}

/** Separators of a list in one cell: a line break (the layout's), or ；; and for short values 、,，. */
function listParts(text: string, element: Exclude<ColumnType, 'list'> | undefined): string[] {
  const loose = element === 'integer' || element === 'enum';
  const separator = loose ? /[\n；;、,，]+/ : /[\n；;]+/;
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The field value of a cell in `column`, or undefined when the cell is empty. */
export function fieldValue(cell: RawCell, column: Column): FieldValue | undefined {
  const text = cellText(cell);
  if (text === '') return undefined;
  if (column.type !== 'list') return scalarOf(cell, column.type, column.enum, text);
  const element = column.element ?? 'text';
  if (typeof cell === 'number') return [scalarOf(cell, element, column.enum, text) as string | number];
  return listParts(text, element).map((part) => scalarOf(part, element, column.enum) as string | number);
}

/** `A`, `B`, … `Z`, `AA` … for a 0-based column index. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
