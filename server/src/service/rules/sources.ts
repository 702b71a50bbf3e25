/**
 * The sources rules rest on: every regulation, standard, practice and format a rule (or a schema field) cites, with
 * its title, issuer, document number, date and status. A rule declares `sources` (a source id and the article within
 * it); its citation (`clause` in every output) is generated from them here, and docs/sources.md is generated from
 * this table (`steward rules --format sources`). Each entry says what was checked when it was added (`confirmed`).
 */
import type { LocalizedText } from '../types';

/** What kind of text a source is. */
export type SourceKind = 'notice' | 'law' | 'regulation' | 'standard' | 'practice' | 'tool-format';

export interface Source {
  /** Stable id rules refer to, e.g. `czz-2024-1`. */
  id: string;
  kind: SourceKind;
  title: LocalizedText;
  issuer: LocalizedText;
  /** The document number (文号, 令号 or standard number), when it has one. */
  number?: string;
  /** Date issued (YYYY-MM-DD), when known. */
  issued?: string;
  /** Date it took effect, when it differs from `issued`. */
  effective?: string;
  /** In force, on trial, and so on, in both languages. */
  status: LocalizedText;
  /** How a citation names it: the document number for notices and standards, the short title for laws. */
  cite: string;
  /** What was confirmed, and where, when the source was entered (for reviewers; shown in docs/sources.md). */
  confirmed: string;
}

/** A rule's source: a source id from SOURCES and, optionally, the article or clause within it. */
export interface SourceRef {
  source: SourceId;
  /** Article or clause, written as the source numbers it: `(7)` for the notice, `第三十三条` for a regulation. */
  article?: string;
}

const IN_FORCE: LocalizedText = { 'zh-CN': '现行有效', en: 'in force' };

const table = {
  'czz-2024-1': {
    kind: 'notice',
    title: {
      'zh-CN': '财政部关于加强行政事业单位数据资产管理的通知',
      en: 'Notice of the Ministry of Finance on strengthening the management of data assets of administrative institutions',
    },
    issuer: { 'zh-CN': '财政部', en: 'Ministry of Finance' },
    number: '财资〔2024〕1号',
    issued: '2024-02-05',
    status: IN_FORCE,
    cite: '财资〔2024〕1号',
    confirmed:
      'Chinese text of clauses (一)–(十一) read on reprints of the notice; English text in the project (notice-2024-en.txt).',
  },
  'czz-2023-141': {
    kind: 'notice',
    title: {
      'zh-CN': '财政部关于印发《关于加强数据资产管理的指导意见》的通知',
      en: 'Guiding opinions on strengthening data asset management (Ministry of Finance)',
    },
    issuer: { 'zh-CN': '财政部', en: 'Ministry of Finance' },
    number: '财资〔2023〕141号',
    issued: '2023-12-31',
    status: IN_FORCE,
    cite: '财资〔2023〕141号',
    confirmed:
      'Number and date (成文日期 2023-12-31) on the gov.cn policy page; cited by 财资〔2024〕1号 as its basis. Its wording on guarantees was not found, so no rule cites it for that ban.',
  },
  'czz-2024-167': {
    kind: 'notice',
    title: {
      'zh-CN': '财政部关于印发《数据资产全过程管理试点方案》的通知',
      en: 'Pilot scheme for whole-process data asset management (Ministry of Finance)',
    },
    issuer: { 'zh-CN': '财政部', en: 'Ministry of Finance' },
    number: '财资〔2024〕167号',
    issued: '2024-12-19',
    status: { 'zh-CN': '试点（2025年初至2026年底）', en: 'pilot (early 2025 to end of 2026)' },
    cite: '财资〔2024〕167号',
    confirmed:
      'Number, date and pilot period on reprints of the notice; a law firm’s summary of the scheme quotes its bans on using administrative institutions’ data assets as guarantees (new hidden government debt) and on inflating fiscal revenue in the name of paid authorised use.',
  },
  'gov-order-738': {
    kind: 'regulation',
    title: {
      'zh-CN': '行政事业性国有资产管理条例',
      en: 'Regulations on the management of administrative state-owned assets',
    },
    issuer: { 'zh-CN': '国务院', en: 'State Council' },
    number: '国务院令第738号',
    issued: '2021-02-01',
    effective: '2021-04-01',
    status: IN_FORCE,
    cite: '国务院令第738号',
    confirmed:
      'Cited by 财资〔2024〕1号 as its basis (preamble). Dates as commonly cited; not re-checked with the search tool.',
  },
  'gov-order-91': {
    kind: 'regulation',
    title: { 'zh-CN': '国有资产评估管理办法', en: 'Measures for the administration of state-owned asset valuation' },
    issuer: { 'zh-CN': '国务院', en: 'State Council' },
    number: '国务院令第91号',
    issued: '1991-11-16',
    status: { 'zh-CN': '现行有效（2020年修订）', en: 'in force (revised 2020)' },
    cite: '《国有资产评估管理办法》',
    confirmed:
      'Art. 3: a holder of state-owned assets (state organs and public institutions included) has them valued before an auction or sale (资产拍卖、转让), quoted in valuation practice pages.',
  },
  'gov-order-809': {
    kind: 'regulation',
    title: { 'zh-CN': '政务数据共享条例', en: 'Regulations on government data sharing' },
    issuer: { 'zh-CN': '国务院', en: 'State Council' },
    number: '国务院令第809号',
    issued: '2025-05-28',
    effective: '2025-08-01',
    status: IN_FORCE,
    cite: '《政务数据共享条例》',
    confirmed:
      'Order No. 809, adopted 2025-05-09, promulgated 2025-05-28, in force 2025-08-01 (text of the order); 8 chapters, 44 articles; art. 3 excludes state and work secrets from government data; the catalog sets the sharing attribute (无条件共享/有条件共享/不予共享), and conditions may not be added to obstruct sharing (official summary). The article numbers of those provisions were not found, so rules cite the regulations without an article.',
  },
  'gov-order-790': {
    kind: 'regulation',
    title: { 'zh-CN': '网络数据安全管理条例', en: 'Regulations on network data security management' },
    issuer: { 'zh-CN': '国务院', en: 'State Council' },
    number: '国务院令第790号',
    issued: '2024-09-24',
    effective: '2025-01-01',
    status: IN_FORCE,
    cite: '《网络数据安全管理条例》',
    confirmed:
      'Promulgated 2024-09-24, in force 2025-01-01. The sentence “重要数据的处理者应当每年度对其网络数据处理活动开展风险评估” was found in reprints of the text; a second-hand copy numbers it art. 33 (the official text itself was not read). The promulgation date is as commonly cited, not re-checked.',
  },
  'gov-order-2016-51': {
    kind: 'regulation',
    title: {
      'zh-CN': '国务院关于印发政务信息资源共享管理暂行办法的通知',
      en: 'Interim measures for the sharing of government information resources',
    },
    issuer: { 'zh-CN': '国务院', en: 'State Council' },
    number: '国发〔2016〕51号',
    issued: '2016-09-05',
    status: {
      'zh-CN': '暂行办法；政务数据共享现以国务院令第809号为准',
      en: 'interim measures; government data sharing is now governed by State Council Order No. 809',
    },
    cite: '国发〔2016〕51号',
    confirmed:
      'Number and date (2016-09-05) on reprints. Art. 5: sharing is the rule, not sharing the exception; the measures sort resources as shared unconditionally, on conditions or not shared, the latter needing a basis in law, administrative regulation or central policy (article not confirmed). Kept beside Order No. 809 for that basis requirement.',
  },
  'ndrc-2025-26': {
    kind: 'regulation',
    title: {
      'zh-CN': '公共数据资源登记管理暂行办法',
      en: 'Interim measures for the registration of public data resources',
    },
    issuer: { 'zh-CN': '国家发展改革委、国家数据局', en: 'NDRC and National Data Administration' },
    number: '发改数据规〔2025〕26号',
    issued: '2025-01-08',
    status: { 'zh-CN': '现行有效（暂行）', en: 'in force (interim)' },
    cite: '发改数据规〔2025〕26号',
    confirmed: 'Number and date (2025-01-08) on reprints of the notice issuing the measures.',
  },
  'ndrc-2025-27': {
    kind: 'regulation',
    title: {
      'zh-CN': '公共数据资源授权运营实施规范（试行）',
      en: 'Implementing rules for the authorised operation of public data resources (trial)',
    },
    issuer: { 'zh-CN': '国家发展改革委、国家数据局', en: 'NDRC and National Data Administration' },
    number: '发改数据规〔2025〕27号',
    issued: '2025-01-08',
    status: { 'zh-CN': '试行', en: 'on trial' },
    cite: '发改数据规〔2025〕27号',
    confirmed: 'Number and date (2025-01-08) on law-lib.com’s copy of the notice issuing the rules.',
  },
  'ndrc-2025-65': {
    kind: 'regulation',
    title: {
      'zh-CN': '关于建立公共数据资源授权运营价格形成机制的通知',
      en: 'Notice on the price mechanism for the authorised operation of public data resources',
    },
    issuer: { 'zh-CN': '国家发展改革委、国家数据局', en: 'NDRC and National Data Administration' },
    number: '发改价格〔2025〕65号',
    issued: '2025-01-16',
    status: IN_FORCE,
    cite: '发改价格〔2025〕65号',
    confirmed:
      'Number and date (颁布 2025-01-16, published by the NDRC 2025-01-20): free for public governance and public welfare, a government-guided fee for industrial development.',
  },
  'ndrc-2017-1272': {
    kind: 'regulation',
    title: {
      'zh-CN': '政务信息资源目录编制指南（试行）',
      en: 'Guide to compiling government information resource catalogs (trial)',
    },
    issuer: { 'zh-CN': '国家发展改革委、中央网信办', en: 'NDRC and Cyberspace Administration' },
    number: '发改高技〔2017〕1272号',
    issued: '2017-06-30',
    status: { 'zh-CN': '试行', en: 'on trial' },
    cite: '发改高技〔2017〕1272号',
    confirmed:
      'Cited by the project since its start (FACTS.md §4); the search found no copy of the guide to re-check. Dates as commonly cited; not re-checked with the search tool.',
  },
  'mof-2016-12-inventory': {
    kind: 'standard',
    title: { 'zh-CN': '政府会计准则第1号——存货', en: 'Government Accounting Standard No. 1: Inventories' },
    issuer: { 'zh-CN': '财政部', en: 'Ministry of Finance' },
    number: '财会〔2016〕12号',
    issued: '2016-07-06',
    effective: '2017-01-01',
    status: IN_FORCE,
    cite: '政府会计准则第1号',
    confirmed:
      '财会〔2016〕12号 issued standards No. 1 (inventories) to No. 4 (intangible assets), in force 2017-01-01; they govern government accounting entities, administrative institutions included.',
  },
  'mof-2016-12-intangible': {
    kind: 'standard',
    title: { 'zh-CN': '政府会计准则第4号——无形资产', en: 'Government Accounting Standard No. 4: Intangible assets' },
    issuer: { 'zh-CN': '财政部', en: 'Ministry of Finance' },
    number: '财会〔2016〕12号',
    issued: '2016-07-06',
    effective: '2017-01-01',
    status: IN_FORCE,
    cite: '政府会计准则第4号',
    confirmed:
      'Art. 2 defines an intangible asset as an identifiable non-monetary asset without physical form controlled by a government accounting entity; art. 3 sets the conditions for recognising one.',
  },
  'mof-2023-11': {
    kind: 'standard',
    title: {
      'zh-CN': '企业数据资源相关会计处理暂行规定',
      en: 'Interim provisions on the accounting of enterprise data resources',
    },
    issuer: { 'zh-CN': '财政部', en: 'Ministry of Finance' },
    number: '财会〔2023〕11号',
    issued: '2023-08-01',
    effective: '2024-01-01',
    status: { 'zh-CN': '现行有效（适用于企业）', en: 'in force (for enterprises)' },
    cite: '财会〔2023〕11号',
    confirmed:
      'Applies to enterprises under the enterprise accounting standards: data resources as intangible assets, as inventories, or not recognised; not the rules administrative institutions account by.',
  },
  'data-security-law': {
    kind: 'law',
    title: { 'zh-CN': '中华人民共和国数据安全法', en: 'Data Security Law of the PRC' },
    issuer: { 'zh-CN': '全国人民代表大会常务委员会', en: 'NPC Standing Committee' },
    issued: '2021-06-10',
    effective: '2021-09-01',
    status: IN_FORCE,
    cite: '《数据安全法》',
    confirmed:
      'Art. 21: classified and graded protection of data, important data and core data. Dates as commonly cited; not re-checked with the search tool.',
  },
  pipl: {
    kind: 'law',
    title: { 'zh-CN': '中华人民共和国个人信息保护法', en: 'Personal Information Protection Law of the PRC' },
    issuer: { 'zh-CN': '全国人民代表大会常务委员会', en: 'NPC Standing Committee' },
    issued: '2021-08-20',
    effective: '2021-11-01',
    status: IN_FORCE,
    cite: '《个人信息保护法》',
    confirmed:
      'Art. 13: the lawful bases for processing; art. 28: sensitive personal information; art. 34: state organs process within the authority and procedures of laws and regulations. Dates as commonly cited; not re-checked with the search tool.',
  },
  'government-procurement-law': {
    kind: 'law',
    title: { 'zh-CN': '中华人民共和国政府采购法', en: 'Government Procurement Law of the PRC' },
    issuer: { 'zh-CN': '全国人民代表大会常务委员会', en: 'NPC Standing Committee' },
    issued: '2002-06-29',
    effective: '2003-01-01',
    status: { 'zh-CN': '现行有效（2014年修正）', en: 'in force (amended 2014)' },
    cite: '《政府采购法》',
    confirmed:
      'Named by clause (3) of 财资〔2024〕1号 ("政府采购有关规定"). Dates as commonly cited; not re-checked with the search tool.',
  },
  'state-secrets-law': {
    kind: 'law',
    title: { 'zh-CN': '中华人民共和国保守国家秘密法', en: 'Law of the PRC on guarding state secrets' },
    issuer: { 'zh-CN': '全国人民代表大会常务委员会', en: 'NPC Standing Committee' },
    issued: '2024-02-27',
    effective: '2024-05-01',
    status: { 'zh-CN': '现行有效（2024年修订）', en: 'in force (revised 2024)' },
    cite: '《保守国家秘密法》',
    confirmed:
      'Classified data is not opened or shared freely; the notice (5) keeps data confidential by law closed. Dates as commonly cited; not re-checked with the search tool.',
  },
  'gb-t-43697-2024': {
    kind: 'standard',
    title: {
      'zh-CN': '数据安全技术 数据分类分级规则',
      en: 'Data security technology: rules for data classification and grading',
    },
    issuer: { 'zh-CN': '国家市场监督管理总局、国家标准化管理委员会', en: 'SAMR and SAC' },
    number: 'GB/T 43697-2024',
    issued: '2024-03-15',
    effective: '2024-10-01',
    status: IN_FORCE,
    cite: 'GB/T 43697-2024',
    confirmed: 'Cover page: issued 2024-03-15, in force 2024-10-01; grades 核心数据, 重要数据, 一般数据.',
  },
  'gb-t-14885-2022': {
    kind: 'standard',
    title: {
      'zh-CN': '固定资产等资产基础分类与代码',
      en: 'Basic classification and codes of fixed assets and other assets',
    },
    issuer: { 'zh-CN': '国家市场监督管理总局、国家标准化管理委员会', en: 'SAMR and SAC' },
    number: 'GB/T 14885-2022',
    issued: '2022-12-30',
    status: IN_FORCE,
    cite: 'GB/T 14885-2022',
    confirmed:
      'Issued and in force 2022-12-30; seven 门类 (房屋和构筑物, 设备, 文物和陈列品, 图书和档案, 家具和用具, 特种动植物, 物资) = A01–A07. A08 (无形资产) is not among them.',
  },
  'asset-systems-a08': {
    kind: 'practice',
    title: {
      'zh-CN': '资产管理信息系统的无形资产门类（A08）',
      en: 'The asset management systems’ intangible-asset class (A08)',
    },
    issuer: { 'zh-CN': '财政部资产管理信息系统（实务）', en: 'Ministry of Finance asset systems (practice)' },
    status: { 'zh-CN': '实务', en: 'practice' },
    cite: 'A08 资产分类（实务 practice）',
    confirmed:
      'The systems extend GB/T 14885-2022’s seven classes with A08 无形资产 (A08060200 数据); see the unit’s full code table (FACTS.md §5).',
  },
  'gb-32100-2015': {
    kind: 'standard',
    title: {
      'zh-CN': '法人和其他组织统一社会信用代码编码规则',
      en: 'Coding rule of the unified social credit identifier for legal entities and other organizations',
    },
    issuer: { 'zh-CN': '国家质量监督检验检疫总局、国家标准化管理委员会', en: 'AQSIQ and SAC' },
    number: 'GB 32100-2015',
    issued: '2015-09-17',
    effective: '2015-10-01',
    status: IN_FORCE,
    cite: 'GB 32100-2015',
    confirmed: 'Issued 2015-09-17, in force 2015-10-01 (standard catalogues); 18 characters without I, O, Z, S, V.',
  },
  'gb-t-22239-2019': {
    kind: 'standard',
    title: {
      'zh-CN': '信息安全技术 网络安全等级保护基本要求',
      en: 'Baseline for classified protection of cybersecurity',
    },
    issuer: { 'zh-CN': '国家市场监督管理总局、国家标准化管理委员会', en: 'SAMR and SAC' },
    number: 'GB/T 22239-2019',
    issued: '2019-05-10',
    effective: '2019-12-01',
    status: IN_FORCE,
    cite: 'GB/T 22239-2019',
    confirmed:
      'The multi-level protection scheme named by clause (9) of the notice (网络安全等级保护制度). Dates as commonly cited; not re-checked with the search tool.',
  },
  'gb-t-22240-2020': {
    kind: 'standard',
    title: {
      'zh-CN': '信息安全技术 网络安全等级保护定级指南',
      en: 'Classification guide for classified protection of cybersecurity',
    },
    issuer: { 'zh-CN': '国家市场监督管理总局、国家标准化管理委员会', en: 'SAMR and SAC' },
    number: 'GB/T 22240-2020',
    status: IN_FORCE,
    cite: 'GB/T 22240-2020',
    confirmed:
      'Levels 1–5 as quoted in grading reports: level 1 harms only the rights of citizens and organisations, not national security, social order or the public interest; level 3 harms social order seriously or national security.',
  },
  'gb-t-7408-1-2023': {
    kind: 'standard',
    title: {
      'zh-CN': '日期和时间 信息交换表示法 第1部分：基本规则',
      en: 'Date and time: representations for information interchange, part 1',
    },
    issuer: { 'zh-CN': '国家市场监督管理总局、国家标准化管理委员会', en: 'SAMR and SAC' },
    number: 'GB/T 7408.1-2023',
    status: IN_FORCE,
    cite: 'GB/T 7408.1-2023',
    confirmed:
      'The national adoption of ISO 8601-1:2019 (YYYY-MM-DD dates). Dates as commonly cited; not re-checked with the search tool.',
  },
  'cas-2023-17': {
    kind: 'standard',
    title: { 'zh-CN': '数据资产评估指导意见', en: 'Guiding opinions on data asset valuation' },
    issuer: { 'zh-CN': '中国资产评估协会', en: 'China Appraisal Society' },
    number: '中评协〔2023〕17号',
    issued: '2023-09-08',
    effective: '2023-10-01',
    status: IN_FORCE,
    cite: '中评协〔2023〕17号',
    confirmed: 'Issued 2023-09-08; valuation by the income, cost or market approach.',
  },
  'yaml-1.2.2': {
    kind: 'standard',
    title: { 'zh-CN': 'YAML 1.2.2 规范', en: 'YAML Ain’t Markup Language, version 1.2.2' },
    issuer: { 'zh-CN': 'YAML 语言开发组', en: 'YAML Language Development Team' },
    number: 'YAML 1.2.2',
    issued: '2021-10-01',
    status: IN_FORCE,
    cite: 'YAML 1.2.2',
    confirmed:
      'The revision of the YAML 1.2 specification the parser follows. Dates as commonly cited; not re-checked with the search tool.',
  },
  practice: {
    kind: 'practice',
    title: { 'zh-CN': '通行实务做法', en: 'Common practice' },
    issuer: { 'zh-CN': '—', en: '—' },
    status: { 'zh-CN': '实务', en: 'practice' },
    cite: '实务 (practice)',
    confirmed: 'Not a rule of any regulation: a habit stewards and provincial rules share, checked as advice.',
  },
  'steward-format': {
    kind: 'tool-format',
    title: { 'zh-CN': '本工具的文档格式（steward/v1）', en: 'This tool’s document format (steward/v1)' },
    issuer: { 'zh-CN': 'Data Asset Steward', en: 'Data Asset Steward' },
    number: 'steward/v1',
    status: IN_FORCE,
    cite: 'steward/v1',
    confirmed: 'The JSON Schemas in schemas/ and the document contract: our format, not a regulation.',
  },
} satisfies Record<string, Omit<Source, 'id'>>;

export type SourceId = keyof typeof table;

/** Every source, keyed by id. */
export const SOURCES: Record<SourceId, Source> = Object.fromEntries(
  Object.entries(table).map(([id, source]): [string, Source] => [id, { id, ...source }]),
) as Record<SourceId, Source>;

/** Every source, in the table's order. */
export function allSources(): Source[] {
  return Object.values(SOURCES);
}

/** A reference to `source`, at `article` when given. */
export function cite(source: SourceId, article?: string): SourceRef {
  return article === undefined ? { source } : { source, article };
}

/** The notice 财资〔2024〕1号 at one or more clauses, e.g. `notice('(7)')`. */
export function notice(article?: string): SourceRef {
  return cite('czz-2024-1', article);
}

/** The citation one reference prints: the source's `cite`, then the article. */
export function citationOf(ref: SourceRef): string {
  const { cite: label } = SOURCES[ref.source];
  if (!ref.article) return label;
  // Chinese articles follow the title directly (《数据安全法》第二十一条); a clause number after a space ((7)).
  return /^[\u4e00-\u9fff]/.test(ref.article) ? `${label}${ref.article}` : `${label} ${ref.article}`;
}

/** The citation a rule prints (its `clause` in every output): its references, joined by `; `. */
export function citationOfAll(refs: readonly SourceRef[]): string {
  return refs.map(citationOf).join('; ');
}
