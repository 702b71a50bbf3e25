/**
 * The files `steward init` writes for a new unit: a catalog and a register with one example item each (the
 * register's asset refers to the catalog's resource), `steward.config.yaml`, `.vscode/extensions.json` and a CI
 * workflow. Pure text from the unit's answers and the date: Chinese comments with English beside, as in
 * `examples/transport-bureau`. The file names are fixed (INIT_FILES) so that documentation, CI and editors can name
 * them; a unit renames them at will (`*.catalog.yaml`, `*.assets.yaml` is all the tool looks for).
 */
import type { UnitType } from '../service';
import { displayWidth } from './formatters/width';

/** What `steward init` asks for. */
export interface UnitAnswers {
  name: string;
  /** The unified social credit code (统一社会信用代码), already checked. */
  code: string;
  type: UnitType;
  /** 主管部门; when not given, the fill-in marker (DA-TODO-001 asks for it). */
  supervisingDepartment?: string;
}

export const UNIT_TYPES: readonly UnitType[] = ['行政单位', '事业单位'];

/** The marker the quick fixes and the editor's snippets leave for a fact only the unit knows (DA-TODO-001). */
const FILL_IN = '待填写';

/** The extension's id: client/package.json `publisher`.`name`. */
export const EXTENSION_ID = 'data-asset-steward.data-asset-steward';

export const INIT_FILES = {
  catalog: 'unit.catalog.yaml',
  register: 'unit.assets.yaml',
  config: 'steward.config.yaml',
  extensions: '.vscode/extensions.json',
  workflow: '.github/workflows/data-assets.yml',
} as const;

export interface InitFile {
  /** Relative to the unit's folder, with `/`. */
  path: string;
  text: string;
}

/**
 * A scalar as YAML text: plain when it reads back as the same string, else double-quoted (JSON's string syntax
 * is YAML's double-quoted scalar). Conservative: anything YAML could read as another type or as syntax is quoted.
 */
export function yamlScalar(value: string): string {
  const plain =
    /^[^\s\-?:,[\]{}#&*!|>'"%@`]/u.test(value) &&
    !/[\u0000-\u001f\u007f\u0085\u2028\u2029#]|:(\s|$)|\s$/u.test(value) &&
    !/^(true|false|null|~|yes|no|on|off|y|n)$/i.test(value) &&
    !/^[-+.\d]/.test(value);
  return plain ? value : JSON.stringify(value);
}

/** The column the end-of-line comments start at (display columns: a Chinese character takes two). */
const COMMENT_COLUMN = 40;

/** `line` with `# comment` at COMMENT_COLUMN, or one space after the line when it is longer. */
function commented(line: string, comment: string): string {
  return `${line}${' '.repeat(Math.max(1, COMMENT_COLUMN - displayWidth(line)))}# ${comment}`;
}

/**
 * The resource and asset ids' middle part: characters 3–8 of the code, the administrative division (GB/T 2260) the
 * unit registered in, as in R-330100-JT-0001.
 */
function divisionOf(code: string): string {
  return code.slice(2, 8);
}

function unitBlock(answers: UnitAnswers): string[] {
  const department = answers.supervisingDepartment?.trim() ? answers.supervisingDepartment.trim() : FILL_IN;
  return [
    'unit:',
    `  name: ${yamlScalar(answers.name)}`,
    // A code of digits only is quoted: other YAML readers would take it for a number (and round it).
    commented(`  code: ${yamlScalar(answers.code)}`, `统一社会信用代码 / unified social credit code (GB 32100-2015)`),
    commented(`  type: ${answers.type}`, `行政单位 或 事业单位，决定收益管理（第（七）条）/ revenue (clause 7)`),
    commented(`  supervisingDepartment: ${yamlScalar(department)}`, `主管部门 / supervising department`),
    '  # 数据资产管理的责任人或责任岗位（第（一）条）/ who answers for the data assets (clause 1):',
    '  # responsible:',
    '  #   name: 张三',
    '  #   role: 数据资产管理员',
    '  #   department: 财务处',
  ];
}

export function catalogText(answers: UnitAnswers, today: string): string {
  const division = divisionOf(answers.code);
  return [
    `# ${answers.name.replace(/[\r\n]+/g, ' ')} 数据资源目录`,
    '# Data resource catalog of the unit.',
    '# 目录是数据资产清查的基础（财资〔2024〕1号 第（八）条），资产登记见 unit.assets.yaml。',
    '# The catalog is the basis of the data asset inventory (clause 8); the register is unit.assets.yaml.',
    '# 检查：npx steward validate；字段说明：在 VS Code 中悬停字段名。',
    '# Check with npx steward validate; hover a field in VS Code for what it means.',
    'apiVersion: steward/v1',
    'kind: DataResourceCatalog',
    commented(`asOf: ${today}`, `截至日期 / as of`),
    ...unitBlock(answers),
    'resources:',
    '  # 示例条目：请改为本单位的实际资源，或删除后另行填写。',
    "  # An example item: change it into one of the unit's own resources, or delete it.",
    commented(`  - id: R-${division}-0001`, `资源标识，在工作区内唯一 / unique in the workspace`),
    '    name: 年度业务统计数据',
    commented('    resourceKind: 部门', '基础、主题 或 部门 / basic, thematic or departmental'),
    '    classification: { class: 综合政务, item: 统计信息 }',
    '    abstract: 本单位按年度汇总的业务办理量、办结率等统计指标。',
    `    provider: ${yamlScalar(answers.name)}`,
    `    providerCode: ${yamlScalar(answers.code)}`,
    '    format: 电子表格（xlsx）',
    '    informationItems:',
    '      - { name: 统计年度, dataType: 整型 }',
    '      - { name: 指标名称, dataType: 字符型 }',
    '      - { name: 指标值, dataType: 数值型 }',
    '    updateCycle: 每年',
    commented('    securityGrade: 一般数据', '一般数据、重要数据 或 核心数据 / general, important or core data'),
    '    secrecy: 非涉密',
    '    personalInformation:',
    commented('      contains: false', '只含汇总数据，不含个人信息 / aggregates only, no personal information'),
    '    sharing:',
    '      type: 有条件共享',
    '      conditions: 仅向履行统计、监督职责的部门共享',
    '      method: 文件',
    '    opening:',
    commented('      type: 无条件开放', '汇总统计，公开发布 / published aggregates'),
    `    releaseDate: ${today}`,
    '',
  ].join('\n');
}

export function registerText(answers: UnitAnswers, today: string): string {
  const division = divisionOf(answers.code);
  const year = today.slice(0, 4);
  return [
    `# ${answers.name.replace(/[\r\n]+/g, ' ')} 数据资产登记`,
    '# Data asset register of the unit.',
    '# 每项资产都对应 unit.catalog.yaml 中的一条资源（财资〔2024〕1号 第（八）条），',
    '# 分类代码取自 A08060200 数据：A08060201 结构化、A08060202 半结构化、A08060203 非结构化。',
    '# Every asset links to a catalog resource; codes come from A08060200 (data): structured, semi-, unstructured.',
    'apiVersion: steward/v1',
    'kind: DataAssetRegister',
    commented(`asOf: ${today}`, `截至日期 / as of`),
    ...unitBlock(answers),
    'assets:',
    '  # 示例条目：请改为本单位的实际资产，或删除后另行填写。',
    "  # An example item: change it into one of the unit's own assets, or delete it.",
    commented(`  - id: DA-${year}-0001`, `资产标识 / asset id`),
    '    name: 年度业务统计数据集',
    commented(`    resource: R-${division}-0001`, `对应目录中的资源 / the catalog's resource`),
    commented('    classificationCode: A08060201', '结构化数据 / structured data'),
    '    quantity: 1',
    commented('    securityGrade: 一般数据', "不低于对应资源的分级 / not below the resource's grade"),
    '    acquisition:',
    commented('      method: 自主采集', '自主采集、生产加工 或 购置 / collected, produced or bought'),
    `      date: ${today}`,
    '    registration:',
    commented(`      cardNumber: ZCKP-${division}-${year}-0001`, `资产卡片编号 / asset card number`),
    '      system: 预算管理一体化系统',
    `      date: ${today}`,
    '    accounting:',
    '      recognition: 无形资产',
    '    security:',
    '      protectionLevel: 第二级',
    '      protectionMeasures: [访问控制]',
    `      lastRiskAssessment: ${today}`,
    '    reporting:',
    commented(`      years: [${year}]`, `纳入国有资产报告的年度 / years reported`),
    '',
  ].join('\n');
}

export function configText(answers: UnitAnswers): string {
  return [
    '# Data Asset Steward 的配置；各项说明见其 schemas/steward-config.schema.json，在 VS Code 中悬停也可查看。',
    '# Configuration of Data Asset Steward: each key is described in its schemas/steward-config.schema.json.',
    '',
    '# 文档未写 unit.type 时假定的单位类型 / the unit type assumed when a document does not state unit.type',
    `unitType: ${answers.type}`,
    '',
    '# 规则级别：off（关闭）、info（提示）、warning（警告）、error（错误）；运行 npx steward rules 查看全部规则。',
    '# Rule severities: off, info, warning or error; npx steward rules lists every rule.',
    'rules:',
    commented(
      '  DA-TODO-001: warning',
      '未填写的“待填写”；改为 error 则 CI 失败 / a 待填写 left unfilled; error fails CI',
    ),
    commented('  # DA-UNIT-004: info', '要求写明责任人（默认关闭）/ ask for a responsible person (off by default)'),
    '',
    '# 不检查的文件（gitignore 语法，相对于本文件所在目录）/ files not to check (gitignore syntax, relative to here)',
    'ignores:',
    '  - drafts/',
    '',
    "# 单位完整的资产分类代码表（CSV 或 JSON）/ the unit's full asset classification code table (CSV or JSON)",
    '# codeTable: codes/asset-codes.csv',
    '',
  ].join('\n');
}

export function extensionsText(): string {
  return JSON.stringify({ recommendations: [EXTENSION_ID] }, null, 2) + '\n';
}

export function workflowText(): string {
  return [
    '# 数据资产文件检查：每次推送和合并请求时运行 steward，结果上传到 GitHub 代码扫描（docs/output-formats.md）。',
    '# Checks the data asset files on every push and pull request and uploads the findings to code scanning.',
    "# steward 以 devDependency 安装（README“In your unit's own repository”）；本文件须位于仓库根目录的 .github 下。",
    '# steward is a devDependency (README, "In your unit\'s own repository"); this file belongs in the repository root.',
    'name: data assets',
    'on: [push, pull_request]',
    'jobs:',
    '  steward:',
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      contents: read',
    commented('      security-events: write', 'upload-sarif'),
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-node@v4',
    '        with:',
    '          node-version: 20',
    '      - run: npm ci',
    '      - run: npx steward validate --format sarif --output steward.sarif',
    '      - uses: github/codeql-action/upload-sarif@v3',
    commented('        if: always()', '检查失败时也上传 / uploaded when the check fails too'),
    '        with:',
    '          sarif_file: steward.sarif',
    '          category: steward',
    '',
  ].join('\n');
}

/** Every file of a new unit's folder, in the order they are listed. */
export function initFiles(answers: UnitAnswers, today: string): InitFile[] {
  return [
    { path: INIT_FILES.catalog, text: catalogText(answers, today) },
    { path: INIT_FILES.register, text: registerText(answers, today) },
    { path: INIT_FILES.config, text: configText(answers) },
    { path: INIT_FILES.extensions, text: extensionsText() },
    { path: INIT_FILES.workflow, text: workflowText() },
  ];
}
