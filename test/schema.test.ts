/**
 * The two JSON Schemas (schemas/*.schema.json): they compile under ajv strict mode, accept the CONTRACT's examples
 * and the example unit, reject each kind of mistake at the expected place, and follow the conventions the
 * validation engine relies on (items only through $defs/Resource|Asset, shared $defs identical, titles and
 * three-line descriptions everywhere, every enum value labelled).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse, parseAllDocuments } from 'yaml';
import { ENUM_LABELS } from '../server/src/service/i18n/enums';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Kind = 'catalog' | 'register';

function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

const ROOT = findRoot(__dirname);
const SCHEMA_FILES: Record<Kind, string> = {
  catalog: path.join(ROOT, 'schemas', 'data-resource-catalog.schema.json'),
  register: path.join(ROOT, 'schemas', 'data-asset-register.schema.json'),
};
const ITEM_LIST: Record<Kind, { key: 'resources' | 'assets'; def: 'Resource' | 'Asset' }> = {
  catalog: { key: 'resources', def: 'Resource' },
  register: { key: 'assets', def: 'Asset' },
};
const KIND_OF: Record<string, Kind> = { DataResourceCatalog: 'catalog', DataAssetRegister: 'register' };

function loadSchema(kind: Kind): JsonObject {
  return JSON.parse(readFileSync(SCHEMA_FILES[kind], 'utf8')) as JsonObject;
}

function asObject(value: Json | undefined): JsonObject {
  assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value), 'expected an object');
  return value;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The options the schemas are written for: strict mode plus union types (`["string", "integer"]`). */
function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  return ajv;
}

const SCHEMAS: Record<Kind, JsonObject> = { catalog: loadSchema('catalog'), register: loadSchema('register') };
const ajv = newAjv();
ajv.addSchema(SCHEMAS.catalog, 'catalog');
ajv.addSchema(SCHEMAS.register, 'register');

function validator(ref: string): ValidateFunction {
  const validate = ajv.getSchema(ref);
  assert.ok(validate, `schema ${ref} not found`);
  return validate;
}

/** ajv adds an `if` error beside each failing `then`; the engine drops it, and so do the expectations here. */
function significant(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? [])
    .filter((error) => error.keyword !== 'if')
    .map((error) => {
      const params = error.params as Record<string, unknown>;
      const detail = params.missingProperty ?? params.additionalProperty ?? '';
      return `${error.instancePath} ${error.keyword}${detail ? ` ${String(detail)}` : ''}`;
    })
    .sort();
}

function validate(kind: Kind, document: Json): string[] {
  const check = validator(kind);
  check(document);
  return significant(check.errors);
}

// ---------- fixtures: the CONTRACT's examples, filled in ----------

const CATALOG_EXAMPLE = `
apiVersion: steward/v1
kind: DataResourceCatalog
unit:
  name: 某市交通运输局
  code: 113301000025391739
  type: 行政单位
  supervisingDepartment: 某市人民政府
resources:
  - id: R-330100-JT-0001
    name: 公交车辆实时位置数据
    abstract: 全市公交车辆的实时位置
    provider: 某市交通运输局
    updateCycle: 实时
    securityGrade: 一般数据
    secrecy: 非涉密
    personalInformation:
      contains: false
      legalBasis: 不适用
    sharing:
      type: 有条件共享
      basis: 交通治理需要
    opening:
      type: 不予开放
`;

const REGISTER_EXAMPLE = `
apiVersion: steward/v1
kind: DataAssetRegister
unit: { name: 某市交通运输局, code: 113301000025391739, type: 行政单位, supervisingDepartment: 某市人民政府 }
assets:
  - id: DA-2024-0001
    name: 公交运行监测数据集
    resource: R-330100-JT-0001
    classificationCode: A08060201
    securityGrade: 一般数据
    acquisition:
      method: 自主采集
    registration:
      cardNumber: ZCKP-2024-0001
`;

/** The register example's optional blocks (authorizations, revenue, disposal), filled in as the CONTRACT shows them. */
const REGISTER_OPTIONAL_BLOCKS = `
authorizations:
  - entity: 某市大数据运营有限公司
    rights: [数据加工使用权]
    securityAssessment: { ref: AQPG-2024-03, date: 2024-05-10 }
    approval: { ref: 某财资〔2024〕56号, authority: 某市财政局 }
    paid: true
    fee: { amount: 120000 }
    valuation: { method: 收益法, ref: PG-2024-08 }
revenue:
  - year: 2024
    source: 使用
    amount: 120000
    handling: 非税收入
disposal:
  method: 销毁
  decision: { ref: 局务会纪要〔2024〕18号, date: 2024-09-27 }
  approval: { ref: 某财资〔2024〕88号 }
  destruction: { irrecoverable: true }
`;

function base(kind: Kind): JsonObject {
  return asObject(parse(kind === 'catalog' ? CATALOG_EXAMPLE : REGISTER_EXAMPLE) as Json);
}

/**
 * Deep-merges a YAML patch into `target`: mappings merge key by key, `~` (null) deletes the key, anything else
 * replaces the value. Lets each table row state only what it changes.
 */
function merge(target: JsonObject, patch: JsonObject): JsonObject {
  for (const [key, value] of Object.entries(patch)) {
    const current = target[key];
    if (value === null) delete target[key];
    else if (isPlainObject(value) && isPlainObject(current)) merge(current, value);
    else target[key] = value;
  }
  return target;
}

function isPlainObject(value: Json | undefined): value is JsonObject {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

interface Row {
  name: string;
  kind: Kind;
  /** YAML merged into the first item (resource or asset). */
  item?: string;
  /** YAML merged into the document root. */
  root?: string;
  /** Expected errors besides ajv's companion `if` errors: `instancePath keyword [property]`. */
  errors: string[];
}

function documentFor(row: Row): JsonObject {
  const document = base(row.kind);
  if (row.root) merge(document, asObject(parse(row.root) as Json));
  if (row.item) {
    const list = document[ITEM_LIST[row.kind].key] as Json[];
    merge(asObject(list[0]), asObject(parse(row.item) as Json));
  }
  return document;
}

describe('schemas: compilation', () => {
  for (const kind of ['catalog', 'register'] as const) {
    it(`${kind} compiles alone under strict mode with only ajv-formats added`, () => {
      assert.doesNotThrow(() => newAjv().compile(loadSchema(kind)));
    });
  }

  it('declares draft 2020-12 and uses only local references', () => {
    for (const kind of ['catalog', 'register'] as const) {
      const schema = SCHEMAS[kind];
      assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
      for (const ref of collect(schema, '$ref')) assert.match(String(ref), /^#\/\$defs\/[A-Za-z]+$/);
      for (const ref of collect(schema, '$ref')) {
        const name = String(ref).slice('#/$defs/'.length);
        assert.ok(asObject(schema.$defs)[name], `${kind}: ${String(ref)} has no definition`);
      }
    }
  });
});

describe('schemas: valid documents', () => {
  it('accepts the CONTRACT catalog example', () => {
    assert.deepEqual(validate('catalog', base('catalog')), []);
  });

  it('accepts the CONTRACT register example without its optional blocks', () => {
    assert.deepEqual(validate('register', base('register')), []);
  });

  it('accepts the CONTRACT register example with its optional blocks filled in', () => {
    const document = base('register');
    merge(asObject((document.assets as Json[])[0]), asObject(parse(REGISTER_OPTIONAL_BLOCKS) as Json));
    assert.deepEqual(validate('register', document), []);
  });

  it('accepts documents holding only the required fields', () => {
    const catalog = documentFor({
      name: 'minimal catalog',
      kind: 'catalog',
      errors: [],
      root: 'unit: { supervisingDepartment: ~ }',
      item: 'abstract: ~\nprovider: ~\nupdateCycle: ~\npersonalInformation: ~\nsharing: { basis: ~ }',
    });
    assert.deepEqual(validate('catalog', catalog), []);
    const register = documentFor({ name: 'minimal register', kind: 'register', errors: [], item: 'registration: ~' });
    assert.deepEqual(validate('register', register), []);
  });

  it('accepts an 18-digit unit code however YAML reads it (integer or quoted string)', () => {
    assert.deepEqual(
      validate(
        'catalog',
        documentFor({ name: '', kind: 'catalog', errors: [], root: 'unit: { code: "113301000025391739" }' }),
      ),
      [],
    );
    assert.equal(typeof asObject(base('catalog').unit).code, 'number');
  });

  it('accepts x- extension keys on every object', () => {
    const catalog = documentFor({
      name: '',
      kind: 'catalog',
      errors: [],
      root: 'x-source: 手工维护\nunit: { x-note: 备注 }',
      item: 'x-owner: 科技信息处\nsharing: { x-platform: 省共享平台 }\npersonalInformation: { x-reviewed: true }',
    });
    assert.deepEqual(validate('catalog', catalog), []);
    const register = documentFor({
      name: '',
      kind: 'register',
      errors: [],
      item: 'x-legacy-card: 2019-0011\nacquisition: { x-contract: HT-1 }\nregistration: { x-note: 已核对 }',
    });
    assert.deepEqual(validate('register', register), []);
  });

  for (const file of exampleFiles('transport-bureau')) {
    it(`accepts every document of examples/transport-bureau/${file}`, () => {
      const documents = readYamlDocuments(path.join(ROOT, 'examples', 'transport-bureau', file));
      assert.ok(documents.length >= 1);
      for (const document of documents) {
        const kind = KIND_OF[String(asObject(document).kind)];
        assert.ok(kind, `${file}: unknown kind`);
        assert.deepEqual(validate(kind, document), [], file);
      }
    });
  }

  it('the example catalog file holds several documents', () => {
    assert.equal(
      readYamlDocuments(path.join(ROOT, 'examples', 'transport-bureau', 'transport.catalog.yaml')).length,
      2,
    );
  });
});

const REJECTIONS: Row[] = [
  // top level
  { name: 'missing apiVersion', kind: 'catalog', root: 'apiVersion: ~', errors: [' required apiVersion'] },
  { name: 'unknown apiVersion', kind: 'catalog', root: 'apiVersion: steward/v2', errors: ['/apiVersion const'] },
  { name: 'wrong kind for the schema', kind: 'catalog', root: 'kind: DataAssetRegister', errors: ['/kind const'] },
  { name: 'missing unit', kind: 'register', root: 'unit: ~', errors: [' required unit'] },
  { name: 'missing resources', kind: 'catalog', root: 'resources: ~', errors: [' required resources'] },
  { name: 'missing assets', kind: 'register', root: 'assets: ~', errors: [' required assets'] },
  { name: 'resources not a list', kind: 'catalog', root: 'resources: { id: R-1 }', errors: ['/resources type'] },
  { name: 'unknown top-level key', kind: 'catalog', root: 'resource: []', errors: [' additionalProperties resource'] },
  // unit
  { name: 'unit without name', kind: 'catalog', root: 'unit: { name: ~ }', errors: ['/unit required name'] },
  { name: 'unit without code', kind: 'catalog', root: 'unit: { code: ~ }', errors: ['/unit required code'] },
  { name: 'unit without type', kind: 'register', root: 'unit: { type: ~ }', errors: ['/unit required type'] },
  { name: 'unit type not in the enum', kind: 'catalog', root: 'unit: { type: 企业 }', errors: ['/unit/type enum'] },
  {
    name: 'unit code with I',
    kind: 'catalog',
    root: 'unit: { code: 11330100002539173I }',
    errors: ['/unit/code pattern'],
  },
  {
    name: 'unit code too short',
    kind: 'catalog',
    root: 'unit: { code: "1133010000253917" }',
    errors: ['/unit/code pattern'],
  },
  { name: 'unit code a decimal', kind: 'catalog', root: 'unit: { code: 1.5 }', errors: ['/unit/code type'] },
  { name: 'empty unit name', kind: 'catalog', root: 'unit: { name: "  " }', errors: ['/unit/name pattern'] },
  {
    name: 'empty responsible block',
    kind: 'catalog',
    root: 'unit: { responsible: {} }',
    errors: ['/unit/responsible minProperties'],
  },
  {
    name: 'typo in unit',
    kind: 'catalog',
    root: 'unit: { supervisingDept: 某市人民政府 }',
    errors: ['/unit additionalProperties supervisingDept'],
  },
  // resource: required fields
  ...['id', 'name', 'securityGrade', 'secrecy', 'sharing', 'opening'].map((field): Row => ({
    name: `resource without ${field}`,
    kind: 'catalog',
    item: `${field}: ~`,
    errors: [`/resources/0 required ${field}`],
  })),
  {
    name: 'sharing without type',
    kind: 'catalog',
    item: 'sharing: { type: ~, conditions: 按需 }',
    errors: ['/resources/0/sharing required type'],
  },
  {
    name: 'opening without type',
    kind: 'catalog',
    item: 'opening: { type: ~ }',
    errors: ['/resources/0/opening required type'],
  },
  {
    name: 'personal information without contains',
    kind: 'catalog',
    item: 'personalInformation: { contains: ~ }',
    errors: ['/resources/0/personalInformation required contains'],
  },
  // resource: enums, patterns, formats, types
  {
    name: 'grade not in the enum',
    kind: 'catalog',
    item: 'securityGrade: 普通数据',
    errors: ['/resources/0/securityGrade enum'],
  },
  { name: 'secrecy not in the enum', kind: 'catalog', item: 'secrecy: 秘密', errors: ['/resources/0/secrecy enum'] },
  {
    name: 'sharing type not in the enum',
    kind: 'catalog',
    item: 'sharing: { type: 共享 }',
    errors: ['/resources/0/sharing/type enum'],
  },
  {
    name: 'sharing method not in the enum',
    kind: 'catalog',
    item: 'sharing: { method: 邮件 }',
    errors: ['/resources/0/sharing/method enum'],
  },
  {
    name: 'open type not in the enum',
    kind: 'catalog',
    item: 'opening: { type: 开放 }',
    errors: ['/resources/0/opening/type enum'],
  },
  {
    name: 'update cycle not in the enum',
    kind: 'catalog',
    item: 'updateCycle: 每小时',
    errors: ['/resources/0/updateCycle enum'],
  },
  {
    name: 'resource kind not in the enum',
    kind: 'catalog',
    item: 'resourceKind: 专题',
    errors: ['/resources/0/resourceKind enum'],
  },
  {
    name: 'data type not in the enum',
    kind: 'catalog',
    item: 'informationItems: [{ name: 车牌, dataType: 文本 }]',
    errors: ['/resources/0/informationItems/0/dataType enum'],
  },
  {
    name: 'information item without name',
    kind: 'catalog',
    item: 'informationItems: [{ dataType: 字符型 }]',
    errors: ['/resources/0/informationItems/0 required name'],
  },
  {
    name: 'resource id in lower case',
    kind: 'catalog',
    item: 'id: r-330100-jt-0001',
    errors: ['/resources/0/id pattern'],
  },
  {
    name: 'resource id without prefix',
    kind: 'catalog',
    item: 'id: 330100-JT-0001',
    errors: ['/resources/0/id pattern'],
  },
  {
    name: 'related resource not an id',
    kind: 'catalog',
    item: 'relatedResources: [JT-0002]',
    errors: ['/resources/0/relatedResources/0 pattern'],
  },
  {
    name: 'related resources repeated',
    kind: 'catalog',
    item: 'relatedResources: [R-A, R-A]',
    errors: ['/resources/0/relatedResources uniqueItems'],
  },
  {
    name: 'impossible release date',
    kind: 'catalog',
    item: 'releaseDate: 2024-02-30',
    errors: ['/resources/0/releaseDate format'],
  },
  {
    name: 'release date in another format',
    kind: 'catalog',
    item: 'releaseDate: 2024/03/15',
    errors: ['/resources/0/releaseDate format'],
  },
  {
    name: 'release date as a number',
    kind: 'catalog',
    item: 'releaseDate: 20240315',
    errors: ['/resources/0/releaseDate type'],
  },
  {
    name: 'contains as Chinese text',
    kind: 'catalog',
    item: 'personalInformation: { contains: 否 }',
    errors: ['/resources/0/personalInformation/contains type'],
  },
  {
    name: 'typo in a resource key',
    kind: 'catalog',
    item: 'relatedResoures: [R-A]',
    errors: ['/resources/0 additionalProperties relatedResoures'],
  },
  {
    name: 'typo in sharing',
    kind: 'catalog',
    item: 'sharing: { condition: 按需 }',
    errors: ['/resources/0/sharing additionalProperties condition'],
  },
  // resource: conditionals
  {
    name: '不予共享 without basis',
    kind: 'catalog',
    item: 'sharing: { type: 不予共享, basis: ~ }',
    errors: ['/resources/0/sharing required basis'],
  },
  {
    name: 'personal information without legal basis',
    kind: 'catalog',
    item: 'personalInformation: { contains: true, legalBasis: ~, processingAuthority: 客运管理处 }',
    errors: ['/resources/0/personalInformation required legalBasis'],
  },
  {
    name: 'personal information without processing authority',
    kind: 'catalog',
    item: 'personalInformation: { contains: true, legalBasis: 个人信息保护法第十三条 }',
    errors: ['/resources/0/personalInformation required processingAuthority'],
  },
  // asset: required fields
  ...['id', 'name', 'resource', 'classificationCode', 'securityGrade', 'acquisition'].map((field): Row => ({
    name: `asset without ${field}`,
    kind: 'register',
    item: `${field}: ~`,
    errors: [`/assets/0 required ${field}`],
  })),
  {
    name: 'acquisition without method',
    kind: 'register',
    item: 'acquisition: { method: ~, date: 2024-01-01 }',
    errors: ['/assets/0/acquisition required method'],
  },
  // asset: enums, patterns, formats, types
  {
    name: 'asset id with the resource prefix',
    kind: 'register',
    item: 'id: R-2024-0001',
    errors: ['/assets/0/id pattern'],
  },
  {
    name: 'asset resource not a resource id',
    kind: 'register',
    item: 'resource: DA-2024-0001',
    errors: ['/assets/0/resource pattern'],
  },
  {
    name: '7-digit 2010 code',
    kind: 'register',
    item: 'classificationCode: 2010000',
    errors: ['/assets/0/classificationCode type'],
  },
  {
    name: 'code without the A',
    kind: 'register',
    item: 'classificationCode: "08060201"',
    errors: ['/assets/0/classificationCode pattern'],
  },
  {
    name: 'acquisition method not in the enum',
    kind: 'register',
    item: 'acquisition: { method: 捐赠 }',
    errors: ['/assets/0/acquisition/method enum'],
  },
  {
    name: 'accounting recognition not in the enum',
    kind: 'register',
    item: 'accounting: { recognition: 固定资产 }',
    errors: ['/assets/0/accounting/recognition enum'],
  },
  {
    name: 'valuation method not in the enum',
    kind: 'register',
    item: 'valuation: { method: 估算法, ref: PG-1 }',
    errors: ['/assets/0/valuation/method enum'],
  },
  { name: 'quantity zero', kind: 'register', item: 'quantity: 0', errors: ['/assets/0/quantity minimum'] },
  {
    name: 'protection level not in the enum',
    kind: 'register',
    item: 'security: { protectionLevel: 三级 }',
    errors: ['/assets/0/security/protectionLevel enum'],
  },
  {
    name: 'risk assessment date invalid',
    kind: 'register',
    item: 'security: { lastRiskAssessment: 2024-9-20 }',
    errors: ['/assets/0/security/lastRiskAssessment format'],
  },
  {
    name: 'inspection kind not in the enum',
    kind: 'register',
    item: 'inspections: [{ date: 2024-11-12, kind: 突击 }]',
    errors: ['/assets/0/inspections/0/kind enum'],
  },
  {
    name: 'inspection without date',
    kind: 'register',
    item: 'inspections: [{ kind: 日常 }]',
    errors: ['/assets/0/inspections/0 required date'],
  },
  {
    name: 'reporting without years',
    kind: 'register',
    item: 'reporting: { years: [] }',
    errors: ['/assets/0/reporting/years minItems'],
  },
  {
    name: 'reporting year of two digits',
    kind: 'register',
    item: 'reporting: { years: [24] }',
    errors: ['/assets/0/reporting/years/0 minimum'],
  },
  {
    name: 'typo in an asset key',
    kind: 'register',
    item: 'acquistion: { method: 购置 }',
    errors: ['/assets/0 additionalProperties acquistion'],
  },
  {
    name: 'guarantee is forbidden',
    kind: 'register',
    item: 'guarantee: { creditor: 某商业银行 }',
    errors: ['/assets/0/guarantee not'],
  },
  {
    name: 'guarantee is forbidden even when empty',
    kind: 'register',
    item: 'guarantee: false',
    errors: ['/assets/0/guarantee not'],
  },
  // asset: acquisition conditionals
  {
    name: 'purchase without budget reference',
    kind: 'register',
    item: 'acquisition: { method: 购置 }',
    errors: ['/assets/0/acquisition required budgetReference'],
  },
  {
    name: 'government procurement without its record',
    kind: 'register',
    item: 'acquisition: { method: 购置, budgetReference: XM-017, governmentProcurement: { applies: true } }',
    errors: ['/assets/0/acquisition/governmentProcurement required ref'],
  },
  {
    name: 'procurement block without applies',
    kind: 'register',
    item: 'acquisition: { method: 购置, budgetReference: XM-017, governmentProcurement: { ref: ZFCG-1 } }',
    errors: ['/assets/0/acquisition/governmentProcurement required applies'],
  },
  // asset: authorizations
  ...['entity', 'rights', 'securityAssessment', 'approval'].map((field): Row => ({
    name: `authorization without ${field}`,
    kind: 'register',
    item: `authorizations: [${authorization({ [field]: undefined })}]`,
    errors: [`/assets/0/authorizations/0 required ${field}`],
  })),
  {
    name: 'authorization with no rights',
    kind: 'register',
    item: `authorizations: [${authorization({ rights: '[]' })}]`,
    errors: ['/assets/0/authorizations/0/rights minItems'],
  },
  {
    name: 'authorization with a right twice',
    kind: 'register',
    item: `authorizations: [${authorization({ rights: '[数据加工使用权, 数据加工使用权]' })}]`,
    errors: ['/assets/0/authorizations/0/rights uniqueItems'],
  },
  {
    name: 'authorization of an unknown right',
    kind: 'register',
    item: `authorizations: [${authorization({ rights: '[数据所有权]' })}]`,
    errors: ['/assets/0/authorizations/0/rights/0 enum'],
  },
  {
    name: 'security assessment without ref',
    kind: 'register',
    item: `authorizations: [${authorization({ securityAssessment: '{ date: 2024-05-10 }' })}]`,
    errors: ['/assets/0/authorizations/0/securityAssessment required ref'],
  },
  {
    name: 'approval without ref',
    kind: 'register',
    item: `authorizations: [${authorization({ approval: '{ authority: 某市财政局 }' })}]`,
    errors: ['/assets/0/authorizations/0/approval required ref'],
  },
  {
    name: 'period without start',
    kind: 'register',
    item: `authorizations: [${authorization({ period: '{ end: 2026-05-31 }' })}]`,
    errors: ['/assets/0/authorizations/0/period required start'],
  },
  {
    name: 'paid without fee',
    kind: 'register',
    item: `authorizations: [${authorization({ paid: 'true', valuation: '{ method: 收益法, ref: PG-1 }' })}]`,
    errors: ['/assets/0/authorizations/0 required fee'],
  },
  {
    name: 'paid without valuation',
    kind: 'register',
    item: `authorizations: [${authorization({ paid: 'true', fee: '{ amount: 1000 }' })}]`,
    errors: ['/assets/0/authorizations/0 required valuation'],
  },
  {
    name: 'fee without amount',
    kind: 'register',
    item: `authorizations: [${authorization({ fee: '{ basis: 协议 }' })}]`,
    errors: ['/assets/0/authorizations/0/fee required amount'],
  },
  {
    name: 'negative fee',
    kind: 'register',
    item: `authorizations: [${authorization({ fee: '{ amount: -1 }' })}]`,
    errors: ['/assets/0/authorizations/0/fee/amount minimum'],
  },
  {
    name: 'valuation without report',
    kind: 'register',
    item: `authorizations: [${authorization({ valuation: '{ method: 成本法 }' })}]`,
    errors: ['/assets/0/authorizations/0/valuation required ref'],
  },
  // asset: revenue
  ...['year', 'source', 'amount', 'handling'].map((field): Row => ({
    name: `revenue line without ${field}`,
    kind: 'register',
    item: `revenue: [${revenueLine({ [field]: undefined })}]`,
    errors: [`/assets/0/revenue/0 required ${field}`],
  })),
  {
    name: 'revenue source not in the enum',
    kind: 'register',
    item: `revenue: [${revenueLine({ source: '出租' })}]`,
    errors: ['/assets/0/revenue/0/source enum'],
  },
  {
    name: 'revenue handling not in the enum',
    kind: 'register',
    item: `revenue: [${revenueLine({ handling: '单位自留' })}]`,
    errors: ['/assets/0/revenue/0/handling enum'],
  },
  {
    name: 'negative revenue',
    kind: 'register',
    item: `revenue: [${revenueLine({ amount: '-5' })}]`,
    errors: ['/assets/0/revenue/0/amount minimum'],
  },
  {
    name: 'revenue amount as text',
    kind: 'register',
    item: `revenue: [${revenueLine({ amount: '十二万' })}]`,
    errors: ['/assets/0/revenue/0/amount type'],
  },
  {
    name: 'revenue year not an integer',
    kind: 'register',
    item: `revenue: [${revenueLine({ year: '2024.5' })}]`,
    errors: ['/assets/0/revenue/0/year type'],
  },
  // asset: disposal
  ...['method', 'decision', 'approval'].map((field): Row => ({
    name: `disposal without ${field}`,
    kind: 'register',
    item: `disposal: ${disposal({ [field]: undefined })}`,
    errors: [`/assets/0/disposal required ${field}`],
  })),
  {
    name: 'disposal method not in the enum',
    kind: 'register',
    item: `disposal: ${disposal({ method: '出售' })}`,
    errors: ['/assets/0/disposal/method enum'],
  },
  {
    name: 'decision without ref',
    kind: 'register',
    item: `disposal: ${disposal({ decision: '{ date: 2024-09-27 }' })}`,
    errors: ['/assets/0/disposal/decision required ref'],
  },
  {
    name: 'destruction without its record',
    kind: 'register',
    item: `disposal: ${disposal({ method: '销毁' })}`,
    errors: ['/assets/0/disposal required destruction'],
  },
  {
    name: 'deletion without its record',
    kind: 'register',
    item: `disposal: ${disposal({ method: '删除' })}`,
    errors: ['/assets/0/disposal required destruction'],
  },
  {
    name: 'destruction record without irrecoverable',
    kind: 'register',
    item: `disposal: ${disposal({ method: '销毁', destruction: '{ technique: 覆写 }' })}`,
    errors: ['/assets/0/disposal/destruction required irrecoverable'],
  },
];

/** One authorization in flow style; `undefined` leaves a field out, strings are YAML. */
function authorization(change: Record<string, string | undefined>): string {
  return flow({
    entity: '某市大数据运营有限公司',
    rights: '[数据加工使用权]',
    securityAssessment: '{ ref: AQPG-1 }',
    approval: '{ ref: PF-1 }',
    ...change,
  });
}

function revenueLine(change: Record<string, string | undefined>): string {
  return flow({ year: '2024', source: '使用', amount: '120000', handling: '非税收入', ...change });
}

function disposal(change: Record<string, string | undefined>): string {
  return flow({ method: '无偿划转', decision: '{ ref: JY-1 }', approval: '{ ref: PF-2 }', ...change });
}

function flow(fields: Record<string, string | undefined>): string {
  const parts = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`);
  return `{ ${parts.join(', ')} }`;
}

describe('schemas: rejections', () => {
  for (const row of REJECTIONS) {
    it(`${row.kind}: ${row.name}`, () => {
      assert.deepEqual(validate(row.kind, documentFor(row)), [...row.errors].sort());
    });
  }

  it('the same errors come out when an item is validated alone against $defs (as the engine does)', () => {
    for (const row of REJECTIONS.filter((r) => r.item)) {
      const { key, def } = ITEM_LIST[row.kind];
      const item = (documentFor(row)[key] as Json[])[0];
      const prefix = `/${key}/0`;
      const expected = row.errors.map((error) => error.slice(prefix.length)).sort();
      const check = validator(`${row.kind}#/$defs/${def}`);
      check(item);
      assert.deepEqual(significant(check.errors), expected, row.name);
    }
  });
});

describe('schemas: invalid examples', () => {
  /** What the schema (or the YAML parser) says about each file in examples/invalid/. */
  const EXPECTED: Record<string, { yaml?: string; errors?: string[] }> = {
    'yaml-syntax-error.catalog.yaml': { yaml: 'BLOCK_AS_IMPLICIT_KEY' },
    'duplicate-key.catalog.yaml': { yaml: 'DUPLICATE_KEY' },
    'tab-indent.catalog.yaml': { yaml: 'TAB_AS_INDENT' },
    'top-level-not-mapping.catalog.yaml': { errors: [' type'] },
    'missing-required.catalog.yaml': { errors: ['/resources/0 required secrecy'] },
    'unexpected-property.catalog.yaml': { errors: ['/resources/0 additionalProperties relatedResoures'] },
    'wrong-enum.catalog.yaml': { errors: ['/resources/0/securityGrade enum'] },
    'wrong-type.catalog.yaml': { errors: ['/resources/0/personalInformation/contains type'] },
    'bad-date.catalog.yaml': { errors: ['/resources/0/releaseDate format'] },
    'bad-id-pattern.catalog.yaml': { errors: ['/resources/0/id pattern'] },
    'no-sharing-without-basis.catalog.yaml': { errors: ['/resources/0/sharing required basis'] },
    'personal-info-without-basis.catalog.yaml': { errors: ['/resources/0/personalInformation required legalBasis'] },
    'purchase-without-budget.assets.yaml': { errors: ['/assets/0/acquisition required budgetReference'] },
    'paid-without-fee.assets.yaml': { errors: ['/assets/0/authorizations/0 required fee'] },
    'guarantee.assets.yaml': { errors: ['/assets/0/guarantee not'] },
    'disposal-without-approval.assets.yaml': { errors: ['/assets/0/disposal required approval'] },
    // The code rules judge these; the schema only sees the 2010 code's type.
    'code-2010-edition.assets.yaml': { errors: ['/assets/0/classificationCode type'] },
    'code-not-data-branch.assets.yaml': { errors: [] },
    'code-not-a08.assets.yaml': { errors: [] },
    // Issue 15: valid against the schemas; the rules find them.
    'core-data-authorized.assets.yaml': { errors: [] },
    'paid-fee-zero.assets.yaml': { errors: [] },
    'authorization-after-disposal.assets.yaml': { errors: [] },
    'public-welfare-charged.assets.yaml': { errors: [] },
    'sale-without-valuation.assets.yaml': { errors: [] },
    'revenue-before-authorization.assets.yaml': { errors: [] },
    'reporting-years-missing.assets.yaml': { errors: [] },
    'important-data-level-one.assets.yaml': { errors: [] },
    'no-public-data-registration.assets.yaml': { errors: [] },
    'work-secret-opened.catalog.yaml': { errors: [] },
    'classified-graded.catalog.yaml': { errors: [] },
    'code-unknown.assets.yaml': { errors: [] },
    'unit-code-bad-check.catalog.yaml': { errors: [] },
    'unit-code-kind-mismatch.catalog.yaml': { errors: [] },
    // Compliance-rule violations: valid against the schemas; the rules report them.
    'classified-opened.catalog.yaml': { errors: [] },
    'related-to-itself.catalog.yaml': { errors: [] },
    'unknown-resource.assets.yaml': { errors: [] },
    'duplicate-id.assets.yaml': { errors: [] },
    'grade-below-resource.assets.yaml': { errors: [] },
    'waiver-without-reason.assets.yaml': { errors: [] },
    'revenue-not-non-tax.assets.yaml': { errors: [] },
    'important-data-unprotected.assets.yaml': { errors: [] },
    'placeholder-left.assets.yaml': { errors: [] },
  };

  it('holds exactly one file per kind of violation', () => {
    assert.deepEqual(exampleFiles('invalid'), Object.keys(EXPECTED).sort());
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: says what is wrong, in Chinese and English, and shows exactly that`, () => {
      const text = readFileSync(path.join(ROOT, 'examples', 'invalid', file), 'utf8');
      assert.match(text, /^# 错误：.+\n# Wrong: .+\n/);
      const documents = parseAllDocuments(text);
      assert.equal(documents.length, 1);
      const [document] = documents;
      if (expected.yaml) {
        assert.deepEqual(
          document.errors.map((error) => error.code),
          [expected.yaml],
        );
        return;
      }
      assert.deepEqual(document.errors, []);
      const kind: Kind = file.endsWith('.catalog.yaml') ? 'catalog' : 'register';
      assert.deepEqual(validate(kind, document.toJS() as Json), expected.errors);
    });
  }
});

describe('schemas: conventions the engine relies on', () => {
  for (const kind of ['catalog', 'register'] as const) {
    const { key, def } = ITEM_LIST[kind];

    it(`${kind}: the item list is exactly an array of $defs/${def}`, () => {
      const list = asObject(asObject(SCHEMAS[kind].properties)[key]);
      const { title, description, ...shape } = list;
      assert.ok(title && description);
      assert.deepEqual(shape, { type: 'array', items: { $ref: `#/$defs/${def}` } });
    });

    it(`${kind}: no root keyword looks into the items`, () => {
      const root = SCHEMAS[kind];
      for (const keyword of [
        'if',
        'then',
        'else',
        'allOf',
        'anyOf',
        'oneOf',
        'not',
        'dependentSchemas',
        'unevaluatedProperties',
      ]) {
        assert.equal(root[keyword], undefined, `root has ${keyword}`);
      }
      const outsideDefs = { ...root, $defs: null };
      assert.deepEqual(
        collect(outsideDefs, '$ref').filter((ref) => ref === `#/$defs/${def}`),
        [`#/$defs/${def}`],
      );
    });

    it(`${kind}: the root with its items replaced by true still checks the header`, () => {
      const header = clone(SCHEMAS[kind]);
      asObject(asObject(header.properties)[key]).items = true;
      const check = newAjv().compile(header);
      const document = base(kind);
      (document[key] as Json[]).push('not an item');
      assert.equal(check(document), true);
      asObject(document.unit).type = '企业';
      assert.equal(check(document), false);
      assert.deepEqual(significant(check.errors), ['/unit/type enum']);
    });

    it(`${kind}: every object is closed and open to x- keys`, () => {
      for (const schema of subschemas(SCHEMAS[kind])) {
        if (schema.type !== 'object') continue;
        assert.equal(schema.additionalProperties, false, String(schema.title));
        assert.deepEqual(schema.patternProperties, { '^x-': true }, String(schema.title));
      }
    });

    it(`${kind}: conditionals use if/then only, never oneOf/anyOf`, () => {
      for (const schema of subschemas(SCHEMAS[kind])) {
        assert.equal(schema.oneOf, undefined);
        assert.equal(schema.anyOf, undefined);
        if (schema.if !== undefined) assert.ok(schema.then !== undefined && schema.else === undefined);
      }
    });

    it(`${kind}: every property and definition has a Chinese title and a three-line description`, () => {
      const schema = SCHEMAS[kind];
      const described: Array<[string, JsonObject]> = [['(root)', schema]];
      for (const [name, definition] of Object.entries(asObject(schema.$defs)))
        described.push([`$defs/${name}`, asObject(definition)]);
      for (const [where, node] of annotatedNodes(schema, '')) described.push([where, node]);
      // Sanity: the walk reaches nested properties such as the sharing type or a revenue line's handling.
      assert.ok(
        described.some(
          ([where]) => where === (kind === 'catalog' ? '$defs/Sharing/type' : '$defs/RevenueLine/handling'),
        ),
      );
      for (const [where, node] of described) checkAnnotations(schema, where, node);
    });
  }

  it('definitions present in both files are identical, and the shared ones are there', () => {
    const catalogDefs = asObject(SCHEMAS.catalog.$defs);
    const registerDefs = asObject(SCHEMAS.register.$defs);
    const shared = Object.keys(catalogDefs)
      .filter((name) => name in registerDefs)
      .sort();
    for (const name of [
      'Date',
      'Reference',
      'ResourceId',
      'SecurityGrade',
      'Text',
      'Unit',
      'UnitCode',
      'UnitType',
      'Responsible',
    ]) {
      assert.ok(shared.includes(name), `${name} is not shared`);
    }
    for (const name of shared) {
      assert.equal(JSON.stringify(catalogDefs[name], null, 2), JSON.stringify(registerDefs[name], null, 2), name);
    }
    const rawCatalog = readFileSync(SCHEMA_FILES.catalog, 'utf8');
    const rawRegister = readFileSync(SCHEMA_FILES.register, 'utf8');
    for (const name of shared) {
      const text = `    "${name}": ${JSON.stringify(catalogDefs[name], null, 2).replace(/\n/g, '\n    ')}`;
      assert.ok(rawCatalog.includes(text) && rawRegister.includes(text), `${name} differs byte-wise`);
    }
    for (const property of ['apiVersion', 'unit']) {
      assert.deepEqual(asObject(SCHEMAS.catalog.properties)[property], asObject(SCHEMAS.register.properties)[property]);
    }
  });

  it('every enum and const value has English and Chinese labels, and no label is unused', () => {
    const values = new Set<string>();
    for (const kind of ['catalog', 'register'] as const) {
      for (const list of collect(SCHEMAS[kind], 'enum')) for (const value of list as Json[]) values.add(String(value));
      for (const value of collect(SCHEMAS[kind], 'const')) if (typeof value === 'string') values.add(value);
    }
    for (const value of values) {
      const label = ENUM_LABELS[value];
      assert.ok(label, `no label for ${value}`);
      assert.ok(label.en.trim() && label.zh.trim(), `empty label for ${value}`);
      assert.match(label.zh, /\p{Script=Han}/u, value);
    }
    assert.deepEqual(
      Object.keys(ENUM_LABELS).filter((value) => !values.has(value)),
      [],
    );
  });
});

// ---------- schema walking ----------

/** Every value of `keyword` anywhere in the schema. */
function collect(node: Json, keyword: string): Json[] {
  const found: Json[] = [];
  const visit = (value: Json): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === keyword) found.push(child);
        visit(child);
      }
    }
  };
  visit(node);
  return found;
}

/** Every schema object (not property maps or literal values), found by structural keywords. */
function subschemas(root: JsonObject): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (schema: Json): void => {
    if (!isPlainObject(schema)) return;
    found.push(schema);
    for (const keyword of ['items', 'not', 'if', 'then', 'else']) visit(schema[keyword]);
    for (const keyword of ['properties', 'patternProperties', '$defs']) {
      const map = schema[keyword];
      if (isPlainObject(map)) Object.values(map).forEach(visit);
    }
  };
  visit(root);
  return found;
}

/** Property schemas and item schemas that users hover on; conditionals (if/then) are exempt. */
function annotatedNodes(schema: JsonObject, where: string): Array<[string, JsonObject]> {
  const found: Array<[string, JsonObject]> = [];
  const properties = schema.properties;
  if (isPlainObject(properties)) {
    for (const [name, child] of Object.entries(properties)) {
      const node = asObject(child);
      found.push([`${where}/${name}`, node]);
      found.push(...annotatedNodes(node, `${where}/${name}`));
    }
  }
  const items = schema.items;
  if (isPlainObject(items) && !('$ref' in items && Object.keys(items).length === 1)) {
    found.push([`${where}/items`, items], ...annotatedNodes(items, `${where}/items`));
  }
  if (isPlainObject(schema.$defs)) {
    for (const [name, definition] of Object.entries(schema.$defs))
      found.push(...annotatedNodes(asObject(definition), `$defs/${name}`));
  }
  return found;
}

function checkAnnotations(root: JsonObject, where: string, node: JsonObject): void {
  assert.equal(typeof node.title, 'string', `${where}: no title`);
  assert.match(String(node.title), /^\p{Script=Han}/u, `${where}: title is not Chinese`);
  assert.equal(typeof node.description, 'string', `${where}: no description`);
  const lines = String(node.description).split('\n');
  assert.equal(lines.length, 3, `${where}: description is not three lines`);
  assert.match(lines[0], /\p{Script=Han}/u, `${where}: line 1 is not Chinese`);
  assert.match(lines[1], /^[A-Z][^\n]*[a-z]/, `${where}: line 2 is not English`);
  assert.match(lines[2], /^依据 Basis: \S/, `${where}: line 3 is not a basis`);
  for (const value of enumOf(root, node)) {
    assert.ok(lines[1].includes(`${value} = `), `${where}: line 2 does not explain ${value}`);
  }
}

/** The enum a node offers, directly or through its $ref. */
function enumOf(root: JsonObject, node: JsonObject): string[] {
  if (Array.isArray(node.enum)) return node.enum.map(String);
  if (typeof node.$ref === 'string') {
    const target = asObject(root.$defs)[node.$ref.slice('#/$defs/'.length)];
    if (isPlainObject(target) && Array.isArray(target.enum)) return target.enum.map(String);
  }
  return [];
}

// ---------- example files ----------

function exampleFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, 'examples', folder))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
}

function readYamlDocuments(file: string): Json[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((document) => {
    assert.deepEqual(document.errors, [], file);
    assert.deepEqual(document.warnings, [], file);
    return document.toJS() as Json;
  });
}
