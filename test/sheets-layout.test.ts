/**
 * The workbook layout (service/sheets/layout.ts) that `steward export` writes and `steward import` reads back:
 * derived from the schemas, it must name every field of every valid example once, in sheets and headers a
 * spreadsheet program accepts.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  DOCUMENTS_SHEET,
  documentRows,
  documentsLayout,
  headersOf,
  layoutSheetNames,
  valueAt,
  workbookLayout,
  type SheetDocumentKind,
} from '../server/src/service/sheets/layout';

const ROOT = path.resolve(__dirname, '..', '..');
const VALID = path.join(ROOT, 'examples', 'transport-bureau');

/** Every path to a scalar or a list of scalars in `value`, with list indexes of objects as '[]'. */
function leafPaths(value: unknown, prefix: string[] = []): string[] {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return [prefix.join('.')];
    return value.flatMap((v) => leafPaths(v, [...prefix, '[]']));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => leafPaths(v, [...prefix, key]));
  }
  return [prefix.join('.')];
}

function laidOutPaths(kind: SheetDocumentKind): Set<string> {
  const layout = workbookLayout(kind);
  const paths = new Set<string>(['kind']);
  for (const column of documentsLayout().columns) paths.add(column.path.join('.'));
  for (const column of layout.items.columns) paths.add([layout.listKey, '[]', ...column.path].join('.'));
  for (const child of layout.children) {
    const [list, ...rest] = child.listPath;
    for (const column of child.columns) paths.add([list, '[]', ...rest, '[]', ...column.path].join('.'));
  }
  return paths;
}

describe('workbook layout', () => {
  it('names each sheet once, within Excel’s limits (31 characters, none of []:*?/\\)', () => {
    const names = layoutSheetNames();
    assert.equal(new Set(names).size, names.length, names.join(','));
    for (const name of names) assert.match(name, /^[^[\]:*?/\\]{1,31}$/);
    assert.ok(names.includes('数据资产') && names.includes('数据资源') && names.includes('授权运营'), names.join(','));
  });

  it('gives every table unique headers, titled from the schema and joined with ·', () => {
    const tables = [documentsLayout()];
    for (const kind of ['DataResourceCatalog', 'DataAssetRegister'] as const) {
      const layout = workbookLayout(kind);
      tables.push(layout.items, ...layout.children);
    }
    for (const table of tables) {
      const headers = headersOf(table);
      assert.equal(new Set(headers).size, headers.length, `${table.sheet}: ${headers.join(',')}`);
    }
    const assets = headersOf(workbookLayout('DataAssetRegister').items);
    assert.equal(assets[0], '资产标识');
    assert.ok(assets.includes('取得方式·取得日期'), assets.join(','));
    assert.ok(assets.includes('报告年度') && assets.includes('处置·集体决策·决策日期'), assets.join(','));
    const grants = workbookLayout('DataAssetRegister').children.find((c) => c.sheet === '授权运营')!;
    assert.equal(headersOf(grants)[0], '资产标识');
    assert.ok(headersOf(grants).includes('授权期限·终止日期'));
    assert.deepEqual(
      grants.columns.find((c) => c.path.join('.') === 'rights')?.type,
      'list',
      'rights is a list of values in one cell',
    );
    assert.equal(headersOf(documentsLayout()).at(-1), '来源文件');
    assert.ok(headersOf(documentsLayout()).includes('单位名称'), 'a title its parent repeats stands alone');
    assert.equal(documentsLayout().sheet, DOCUMENTS_SHEET);
  });

  it('types columns from the schema: dates, amounts, booleans, enumerations, references', () => {
    const byPath = new Map(workbookLayout('DataAssetRegister').items.columns.map((c) => [c.path.join('.'), c]));
    assert.equal(byPath.get('acquisition.date')?.type, 'date');
    assert.equal(byPath.get('accounting.cost')?.type, 'amount');
    assert.equal(byPath.get('quantity')?.type, 'integer');
    assert.equal(byPath.get('acquisition.governmentProcurement.applies')?.type, 'boolean');
    assert.equal(byPath.get('securityGrade')?.type, 'enum');
    assert.deepEqual(byPath.get('securityGrade')?.enum, ['核心数据', '重要数据', '一般数据']);
    assert.equal(byPath.get('registration.cardNumber')?.type, 'reference');
    assert.equal(byPath.get('reporting.years')?.element, 'integer');
    assert.equal(byPath.has('guarantee'), false, 'a forbidden field has no column');
  });

  for (const file of readdirSync(VALID)) {
    it(`lays out every field of examples/transport-bureau/${file}`, () => {
      const documents = parseAllDocuments(readFileSync(path.join(VALID, file), 'utf8'));
      assert.ok(Array.isArray(documents) && documents.length > 0);
      for (const document of documents) checkDocument(document.toJS() as Record<string, unknown>, file);
    });
  }
});

function checkDocument(data: Record<string, unknown>, file: string): void {
  const kind = data.kind as SheetDocumentKind;
  const known = laidOutPaths(kind);
  const missing = [...new Set(leafPaths(data))].filter((p) => !known.has(p));
  assert.deepEqual(missing, []);
  const layout = workbookLayout(kind);
  const rows = documentRows(kind, data, file);
  const items = valueAt(data, [layout.listKey]) as unknown[];
  assert.equal(rows.items.length, items.length);
  assert.equal(rows.documents.at(-1), file);
  assert.equal(rows.documents.at(-2), layout.kindTitle);
  layout.children.forEach((child, index) => {
    const expected = items.flatMap((item) => (valueAt(item, child.listPath.slice(1)) as unknown[]) ?? []).length;
    assert.equal(rows.children[index].length, expected, child.sheet);
  });
}
