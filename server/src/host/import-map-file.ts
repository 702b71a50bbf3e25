/**
 * The mapping file of `steward import --map`: a unit's own headers → fields, and what the sheet does not hold.
 *
 *   kind: catalog            # or register
 *   sheet: 资源清单           # the sheet to read
 *   headerRow: 3             # the header row (1-based), when the automatic search picks another
 *   columns:                 # header as written → field path (sharing.type) or layout header (共享属性·共享类型)
 *     目录名称: name
 *     内部备注: null          # not imported
 *   unit: { name: 某市交通运输局, code: '113301000025391739', type: 行政单位 }
 *   asOf: 2024-12-31
 */
import * as fs from 'node:fs';
import { parse } from 'yaml';
import type { UnitFields } from '../service';
import { SheetInputError } from './sheet-errors';

export interface ImportMap {
  kind?: 'catalog' | 'register';
  sheet?: string;
  headerRow?: number;
  columns?: Map<string, string | null>;
  unit?: UnitFields;
  asOf?: string;
}

const KEYS = new Set(['kind', 'sheet', 'headerRow', 'columns', 'unit', 'asOf']);
const UNIT_KEYS = new Set(['name', 'code', 'type', 'supervisingDepartment']);

export function readImportMap(file: string, locale: 'zh-CN' | 'en'): ImportMap {
  const fail = (zh: string, en: string): never => {
    throw new SheetInputError(`${file}: ${locale === 'zh-CN' ? zh : en}`, { file });
  };
  let data: unknown;
  try {
    data = parse(fs.readFileSync(file, 'utf8'), { schema: 'core', uniqueKeys: true });
  } catch (error) {
    const position = (error as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
    const where = position ? `${position.line}:${position.col}` : '';
    throw new SheetInputError(`${file}${where ? `:${where}` : ''}: ${(error as Error).message.split('\n')[0]}`, {
      file,
      line: position?.line,
      column: position?.col,
    });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return fail(
      '对应文件应为一个映射（kind、sheet、columns、unit …）',
      'the mapping file must be a map (kind, sheet, columns, unit …)',
    );
  const map = data as Record<string, unknown>;
  for (const key of Object.keys(map))
    if (!KEYS.has(key))
      fail(
        `不认识的键“${key}”（可用：${[...KEYS].join('、')}）`,
        `unknown key "${key}" (known: ${[...KEYS].join(', ')})`,
      );
  const out: ImportMap = {};
  if (map.kind !== undefined) {
    if (map.kind !== 'catalog' && map.kind !== 'register')
      fail('kind 应为 catalog 或 register', 'kind must be catalog or register');
    out.kind = map.kind as 'catalog' | 'register';
  }
  if (map.sheet !== undefined) out.sheet = scalarText(map.sheet);
  if (map.headerRow !== undefined) {
    if (!Number.isInteger(map.headerRow) || (map.headerRow as number) < 1)
      fail('headerRow 应为正整数', 'headerRow must be a positive integer');
    out.headerRow = map.headerRow as number;
  }
  if (map.asOf !== undefined) out.asOf = scalarText(map.asOf);
  if (map.columns !== undefined) {
    if (typeof map.columns !== 'object' || map.columns === null || Array.isArray(map.columns))
      fail('columns 应为“表头: 字段”的映射', 'columns must be a map of header: field');
    out.columns = new Map(
      Object.entries(map.columns as Record<string, unknown>).map(([header, target]) => [
        header,
        target === null || target === 'ignore' ? null : scalarText(target),
      ]),
    );
  }
  if (map.unit !== undefined) {
    if (typeof map.unit !== 'object' || map.unit === null || Array.isArray(map.unit))
      fail('unit 应为映射', 'unit must be a map');
    const unit: Record<string, string> = {};
    for (const [key, value] of Object.entries(map.unit as Record<string, unknown>)) {
      if (!UNIT_KEYS.has(key)) fail(`unit 下不认识的键“${key}”`, `unknown key "${key}" under unit`);
      unit[key] = scalarText(value);
    }
    out.unit = unit;
  }
  return out;
}

function scalarText(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}
