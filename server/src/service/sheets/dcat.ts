/**
 * Data resource catalogs as DCAT-AP 3.0 JSON-LD, for the open-data portals that harvest DCAT: one dcat:Catalog per
 * unit (all catalog documents of one 统一社会信用代码 together), one dcat:Dataset per resource. The @context is
 * inline (no remote context: readers need no network). IRIs: `urn:steward:<统一社会信用代码>` for a unit's
 * catalog, `urn:steward:<统一社会信用代码>:<resource id>` for a dataset (`baseIri`, when given, replaces
 * `urn:steward:`: `<baseIri><code>/<resource id>`). Frequencies and access rights are concepts of the EU
 * Publications Office's authority tables, as DCAT-AP 3.0 recommends (docs/output-formats.md cites them).
 */

const EU_AUTHORITY = 'http://publications.europa.eu/resource/authority/';

/** 更新周期 → the frequency table (http://publications.europa.eu/resource/authority/frequency). */
export const FREQUENCIES: Readonly<Record<string, string>> = {
  实时: 'UPDATE_CONT',
  每日: 'DAILY',
  每周: 'WEEKLY',
  每月: 'MONTHLY',
  每季度: 'QUARTERLY',
  每半年: 'BIANNUAL',
  每年: 'ANNUAL',
  不定期: 'IRREG',
  不更新: 'NEVER',
};

/** 开放类型 → the access-right table (http://publications.europa.eu/resource/authority/access-right). */
export const ACCESS_RIGHTS: Readonly<Record<string, string>> = {
  无条件开放: 'PUBLIC',
  有条件开放: 'RESTRICTED',
  不予开放: 'NON_PUBLIC',
};

export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  '@language': 'zh',
  'dct:issued': { '@type': 'xsd:date' },
  'dct:accrualPeriodicity': { '@type': '@id' },
  'dct:accessRights': { '@type': '@id' },
  'dct:relation': { '@type': '@id' },
  'dcat:dataset': { '@type': '@id', '@container': '@set' },
  'dct:identifier': { '@language': null },
} as const;

type Plain = Record<string, unknown>;

function isObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

export interface DcatOptions {
  /** Replaces `urn:steward:`: dataset IRIs become `<baseIri><unit code>/<resource id>`. */
  baseIri?: string;
}

function iris(options: DcatOptions) {
  const base = options.baseIri;
  return {
    catalog: (code: string) =>
      base ? `${base}${encodeURIComponent(code)}` : `urn:steward:${encodeURIComponent(code)}`,
    dataset: (code: string, id: string) =>
      base
        ? `${base}${encodeURIComponent(code)}/${encodeURIComponent(id)}`
        : `urn:steward:${encodeURIComponent(code)}:${encodeURIComponent(id)}`,
  };
}

function agent(name: string | undefined, identifier: string | undefined): Plain | undefined {
  if (!name && !identifier) return undefined;
  const node: Plain = { '@type': 'foaf:Agent' };
  if (name) node['foaf:name'] = name;
  if (identifier) node['dct:identifier'] = identifier;
  return node;
}

/** The theme of a resource: its classification (类·项·目·细目) as a concept labelled in Chinese. */
function theme(classification: unknown): Plain | undefined {
  if (!isObject(classification)) return undefined;
  const parts = ['class', 'item', 'subitem', 'detail'].map((key) => text(classification[key])).filter(Boolean);
  if (parts.length === 0) return undefined;
  return { '@type': 'skos:Concept', 'skos:prefLabel': parts.join('·') };
}

function dataset(resource: Plain, unitCode: string, iri: ReturnType<typeof iris>): Plain | undefined {
  const id = text(resource.id);
  if (!id) return undefined;
  const node: Plain = { '@id': iri.dataset(unitCode, id), '@type': 'dcat:Dataset', 'dct:identifier': id };
  const title = text(resource.name);
  if (title) node['dct:title'] = title;
  const description = text(resource.abstract);
  if (description) node['dct:description'] = description;
  const publisher = agent(text(resource.provider), text(resource.providerCode));
  if (publisher) node['dct:publisher'] = publisher;
  const frequency = FREQUENCIES[String(resource.updateCycle)];
  if (frequency) node['dct:accrualPeriodicity'] = `${EU_AUTHORITY}frequency/${frequency}`;
  const issued = text(resource.releaseDate);
  if (issued && /^\d{4}-\d{2}-\d{2}$/.test(issued)) node['dct:issued'] = issued;
  const concept = theme(resource.classification);
  if (concept) node['dcat:theme'] = concept;
  const opening = isObject(resource.opening) ? ACCESS_RIGHTS[String(resource.opening.type)] : undefined;
  if (opening) node['dct:accessRights'] = `${EU_AUTHORITY}access-right/${opening}`;
  const related = Array.isArray(resource.relatedResources)
    ? resource.relatedResources.map(text).filter((r): r is string => r !== undefined)
    : [];
  if (related.length > 0) node['dct:relation'] = related.map((r) => iri.dataset(unitCode, r));
  return node;
}

/**
 * The JSON-LD document of catalog documents (plain data, in order): one dcat:Catalog per unit code, its
 * datasets in the order of the documents and their resources. Documents without a unit code share the code ''.
 */
export function dcatCatalog(documents: readonly unknown[], options: DcatOptions = {}): Plain {
  const iri = iris(options);
  const catalogs = new Map<string, { catalog: Plain; datasets: Plain[] }>();
  for (const document of documents) {
    if (!isObject(document)) continue;
    const unit = isObject(document.unit) ? document.unit : {};
    const code = text(unit.code) ?? '';
    let entry = catalogs.get(code);
    if (!entry) {
      const name = text(unit.name);
      const catalog: Plain = { '@id': iri.catalog(code), '@type': 'dcat:Catalog' };
      if (name) catalog['dct:title'] = `${name}数据资源目录`;
      const publisher = agent(name, code || undefined);
      if (publisher) catalog['dct:publisher'] = publisher;
      entry = { catalog, datasets: [] };
      catalogs.set(code, entry);
    }
    const resources = Array.isArray(document.resources) ? document.resources : [];
    for (const resource of resources) {
      if (!isObject(resource)) continue;
      const node = dataset(resource, code, iri);
      if (node) entry.datasets.push(node);
    }
  }
  const graph: Plain[] = [];
  for (const { catalog, datasets } of catalogs.values()) {
    graph.push({ ...catalog, 'dcat:dataset': datasets.map((d) => d['@id']) }, ...datasets);
  }
  return { '@context': DCAT_CONTEXT, '@graph': graph };
}
