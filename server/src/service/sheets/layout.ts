/**
 * The workbook layout of catalogs and registers, derived from the JSON Schemas: which sheets, which columns, and
 * which field of a document each column holds. `steward export` writes this layout and `steward import` reads it
 * back (besides a unit's own spreadsheets, mapped by their headers), so the round trip follows the schemas.
 *
 * - Sheet 单位 (DOCUMENTS_SHEET): one row per source document: its file, kind, `asOf` and `unit`.
 * - One item sheet per kind (数据资源 / 数据资产, the list's title): one row per resource or asset; nested objects
 *   become columns headed by their titles joined with `·` (取得方式·取得日期, but 单位名称 for 单位·单位名称); a list of scalars is one cell, its
 *   values on separate lines (LIST_SEPARATOR).
 * - One child sheet per list of objects inside an item (信息项, 授权运营, 收益, 监督检查): one row per entry, its
 *   item's id in the first column, in the item's order.
 * - Every row ends with the source file (来源文件), so that one workbook can hold several files.
 *
 * Pure: the schemas are bundled data.
 */
import catalogSchema from '../../../../schemas/data-resource-catalog.schema.json';
import registerSchema from '../../../../schemas/data-asset-register.schema.json';

export type SheetDocumentKind = 'DataResourceCatalog' | 'DataAssetRegister';

/** How a column's values are typed in a cell (and read back). */
export type ColumnType =
  | 'text'
  /** A document or record number: text, or an integer when the YAML has a bare number. */
  | 'reference'
  /** YYYY-MM-DD; a date cell in xlsx. */
  | 'date'
  | 'integer'
  /** A non-negative amount of yuan; a number cell. */
  | 'amount'
  | 'number'
  /** 是 / 否 in the sheet. */
  | 'boolean'
  /** One of `enum`. */
  | 'enum'
  /** A list of scalars of `element` type: one cell, one value per line. */
  | 'list';

export interface Column {
  /** The field's path inside the row's object (the item, the child entry, or for the documents sheet the document). */
  path: readonly string[];
  /** The header cell: the schema titles along the path, joined with `·`. */
  header: string;
  type: ColumnType;
  /** For `enum`, and for a `list` of enumerated values: the allowed values. */
  enum?: readonly string[];
  /** For `list`: the type of each value. */
  element?: Exclude<ColumnType, 'list'>;
  /** The schema requires the field (of its object, when that object is present). */
  required: boolean;
}

export interface TableLayout {
  /** The sheet's name: the schema title of the list (数据资产), or DOCUMENTS_SHEET. */
  sheet: string;
  /** Where the rows come from: `[]` for the documents sheet, `['assets']` for items, `['assets', 'revenue']` for a child list. */
  listPath: readonly string[];
  /** For a child sheet: the column holding its item's id (the first column). */
  parentKey?: Column;
  /** The documents sheet: a 文档类型 column (KIND_HEADER) follows the fields. */
  kindColumn?: boolean;
  columns: readonly Column[];
}

export interface WorkbookLayout {
  kind: SheetDocumentKind;
  /** The kind's name in the documents sheet's 文档类型 column. */
  kindTitle: string;
  /** The item list's key: `resources` or `assets`. */
  listKey: 'resources' | 'assets';
  items: TableLayout;
  children: readonly TableLayout[];
}

export const DOCUMENTS_SHEET = '单位';
export const FINDINGS_SHEET = '检查结果';
export const SOURCE_FILE_HEADER = '来源文件';
export const KIND_HEADER = '文档类型';
export const HEADER_JOINER = '·';
export const LIST_SEPARATOR = '\n';
export const BOOLEAN_TEXT = { true: '是', false: '否' } as const;

type Schema = Record<string, unknown>;
const SCHEMAS: Record<SheetDocumentKind, Schema> = {
  DataResourceCatalog: catalogSchema,
  DataAssetRegister: registerSchema,
};
const KIND_TITLES: Record<SheetDocumentKind, string> = {
  DataResourceCatalog: '数据资源目录',
  DataAssetRegister: '数据资产登记',
};
const LIST_KEYS: Record<SheetDocumentKind, 'resources' | 'assets'> = {
  DataResourceCatalog: 'resources',
  DataAssetRegister: 'assets',
};
/** Document fields with no column of their own: the kind is the 文档类型 column, the item list has its sheet. */
const DOCUMENT_FIELDS_OUTSIDE = new Set(['kind', ...Object.values(LIST_KEYS)]);

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema with its `$ref` resolved (one level of `#/$defs/X`), the referring schema's own keys winning. */
function resolve(root: Schema, schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace(/^#\/\$defs\//, '');
  const defs = root.$defs as Record<string, Schema> | undefined;
  const target = defs?.[name];
  if (!target) throw new Error(`layout: unresolved $ref ${ref}`);
  const { $ref: _ignored, ...own } = schema;
  return { ...resolve(root, target), ...own };
}

function isForbidden(schema: Schema): boolean {
  return isSchema(schema.not) && Object.keys(schema.not).length === 0;
}

function scalarType(schema: Schema): Exclude<ColumnType, 'list'> {
  if (Array.isArray(schema.enum)) return 'enum';
  const type = schema.type;
  if (Array.isArray(type)) return type.includes('string') ? 'reference' : 'text';
  if (type === 'boolean') return 'boolean';
  if (type === 'integer') return 'integer';
  if (type === 'number') return schema.minimum === 0 ? 'amount' : 'number';
  if (type === 'string' && schema.format === 'date') return 'date';
  return 'text';
}

/** The titles along a path joined with `·`, leaving out a title the next one repeats (单位·单位名称 → 单位名称). */
function headerOf(titles: readonly string[]): string {
  return titles.filter((title, index) => !titles[index + 1]?.startsWith(title)).join(HEADER_JOINER);
}

function enumOf(schema: Schema): readonly string[] | undefined {
  return Array.isArray(schema.enum) ? (schema.enum as string[]) : undefined;
}

interface Collected {
  columns: Column[];
  /** Lists of objects met below the object: each becomes a child sheet. */
  lists: Array<{ path: string[]; title: string; schema: Schema }>;
}

/** The columns of an object's scalar fields, nested objects flattened, lists of objects set aside. */
function collect(
  root: Schema,
  object: Schema,
  path: string[],
  titles: string[],
  into: Collected,
  skip: ReadonlySet<string> = new Set(),
): void {
  const properties = (object.properties ?? {}) as Record<string, Schema>;
  const required = new Set((object.required as string[] | undefined) ?? []);
  for (const [key, raw] of Object.entries(properties)) {
    if (skip.has(key)) continue;
    const schema = resolve(root, raw);
    if (isForbidden(schema)) continue;
    const title = typeof schema.title === 'string' ? schema.title : key;
    const fieldPath = [...path, key];
    const fieldTitles = [...titles, title];
    if (schema.type === 'object' || isSchema(schema.properties)) {
      collect(root, schema, fieldPath, fieldTitles, into);
    } else if (schema.type === 'array' && isSchema(schema.items)) {
      const element = resolve(root, schema.items);
      if (element.type === 'object' || isSchema(element.properties)) {
        into.lists.push({ path: fieldPath, title, schema: element });
      } else {
        into.columns.push({
          path: fieldPath,
          header: headerOf(fieldTitles),
          type: 'list',
          element: scalarType(element),
          enum: enumOf(element),
          required: required.has(key),
        });
      }
    } else {
      const type = scalarType(schema);
      const column: Column = {
        path: fieldPath,
        header: headerOf(fieldTitles),
        type,
        required: required.has(key),
      };
      const values = enumOf(schema);
      if (values) column.enum = values;
      into.columns.push(column);
    }
  }
}

function buildLayout(kind: SheetDocumentKind): WorkbookLayout {
  const root = SCHEMAS[kind];
  const listKey = LIST_KEYS[kind];
  const listSchema = resolve(root, (root.properties as Record<string, Schema>)[listKey]);
  const itemSchema = resolve(root, listSchema.items as Schema);
  const found: Collected = { columns: [], lists: [] };
  collect(root, itemSchema, [], [], found);
  const idColumn = found.columns.find((column) => column.path.length === 1 && column.path[0] === 'id');
  if (!idColumn) throw new Error(`layout: ${kind} items have no id`);
  const children = found.lists.map(({ path, title, schema }): TableLayout => {
    const child: Collected = { columns: [], lists: [] };
    collect(root, schema, [], [], child);
    if (child.lists.length > 0) throw new Error(`layout: lists of objects inside ${path.join('.')} are not laid out`);
    return { sheet: title, listPath: [listKey, ...path], parentKey: idColumn, columns: child.columns };
  });
  const listTitle = typeof listSchema.title === 'string' ? listSchema.title : listKey;
  return {
    kind,
    kindTitle: KIND_TITLES[kind],
    listKey,
    items: { sheet: listTitle, listPath: [listKey], columns: found.columns },
    children,
  };
}

/** The document-level columns (apiVersion, asOf, unit.*): the same for both kinds, from the register's schema. */
function buildDocumentsTable(): TableLayout {
  const root = SCHEMAS.DataAssetRegister;
  const found: Collected = { columns: [], lists: [] };
  collect(root, root, [], [], found, DOCUMENT_FIELDS_OUTSIDE);
  return { sheet: DOCUMENTS_SHEET, listPath: [], columns: found.columns, kindColumn: true };
}

const LAYOUTS: Partial<Record<SheetDocumentKind, WorkbookLayout>> = {};
let documentsTable: TableLayout | undefined;

export function workbookLayout(kind: SheetDocumentKind): WorkbookLayout {
  return (LAYOUTS[kind] ??= buildLayout(kind));
}

export function documentsLayout(): TableLayout {
  return (documentsTable ??= buildDocumentsTable());
}

/** The kind whose 文档类型 title is `title` (数据资源目录 / 数据资产登记), if any. */
export function kindOfTitle(title: string): SheetDocumentKind | undefined {
  for (const [kind, kindTitle] of Object.entries(KIND_TITLES))
    if (kindTitle === title) return kind as SheetDocumentKind;
  return undefined;
}

/** Every sheet name the layout uses, to tell our own workbook from a unit's spreadsheet. */
export function layoutSheetNames(): string[] {
  const names = [DOCUMENTS_SHEET];
  for (const kind of Object.keys(SCHEMAS) as SheetDocumentKind[]) {
    const layout = workbookLayout(kind);
    names.push(layout.items.sheet, ...layout.children.map((child) => child.sheet));
  }
  return names;
}

/** The value at `path` inside `value`, or undefined. */
export function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isSchema(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** Sets `path` inside `target` to `value`, creating the objects on the way. */
export function setValueAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let current = target;
  for (const key of path.slice(0, -1)) {
    const next = current[key];
    if (isSchema(next)) current = next;
    else current = current[key] = {};
  }
  current[path[path.length - 1]] = value;
}

/** One row of a table as plain values in column order (undefined: the field is absent), for the writers. */
export type SheetValue = string | number | boolean | readonly (string | number)[] | undefined;

/**
 * The rows of one document in the layout: its documents-sheet row, its items' rows and its child lists' rows.
 * `data` is the document as plain data (the parser's toPlainValue), `file` the 来源文件 cell: its path as the
 * workbook shows it (with the document's number, e.g. `a.catalog.yaml#2`, when a file holds several).
 * A value whose type does not fit its column (an invalid document) is kept as it is: writers show it as text.
 */
export function documentRows(
  kind: SheetDocumentKind,
  data: unknown,
  file: string,
): { documents: SheetValue[]; items: SheetValue[][]; children: SheetValue[][][] } {
  const layout = workbookLayout(kind);
  const rowOf = (columns: readonly Column[], source: unknown): SheetValue[] =>
    columns.map((column) => cellValueOf(valueAt(source, column.path)));
  const list = valueAt(data, [layout.listKey]);
  const items = Array.isArray(list) ? list : [];
  const children = layout.children.map((child) => {
    const rows: SheetValue[][] = [];
    for (const item of items) {
      const entries = valueAt(item, child.listPath.slice(1));
      if (!Array.isArray(entries)) continue;
      const id = cellValueOf(valueAt(item, child.parentKey!.path));
      for (const entry of entries) rows.push([id, ...rowOf(child.columns, entry), file]);
    }
    return rows;
  });
  return {
    documents: [...rowOf(documentsLayout().columns, data), layout.kindTitle, file],
    items: items.map((item) => [...rowOf(layout.items.columns, item), file]),
    children,
  };
}

function cellValueOf(value: unknown): SheetValue {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value;
  return JSON.stringify(value);
}

/** The header row of a table as written: the parent key first for a child sheet, the source file last. */
export function headersOf(table: TableLayout): string[] {
  const headers = table.columns.map((column) => column.header);
  if (table.parentKey) headers.unshift(table.parentKey.header);
  if (table.kindColumn) headers.push(KIND_HEADER);
  headers.push(SOURCE_FILE_HEADER);
  return headers;
}
