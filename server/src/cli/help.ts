/**
 * `steward --help` and `steward <command> --help`, in both languages, and which options each command takes: an
 * option another command owns is a usage error (exit 2), not silently ignored.
 */
import type { Locale } from '../service';
import { translator } from '../host/messages';
import { UsageError } from './io';

export const COMMANDS = ['validate', 'import', 'export', 'report', 'codes', 'rules', 'explain', 'lsp', 'init'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** The options of `steward import` (parsed by import-command.ts). */
export const IMPORT_OPTIONS = [
  'out',
  'kind',
  'sheet',
  'map',
  'encoding',
  'dry-run',
  'force',
  'print-map',
  'unit-name',
  'unit-code',
  'unit-type',
  'as-of',
] as const;

/** Options every command takes. */
const COMMON_OPTIONS = ['locale', 'config', 'help', 'version', 'debug', 'color', 'no-color'];

/** The options of each command, beside the common ones (long names, as `parseArgs` reports them). */
const COMMAND_OPTIONS: Record<CommandName, string[]> = {
  validate: [
    'format',
    'output',
    'max-warnings',
    'max-findings-per-file',
    'max-file-size',
    'max-items-per-file',
    'quiet',
    'schema-only',
    'stdin',
    'stdin-filename',
    'code-table',
    'jobs',
    'fix',
    'fix-dry-run',
    'no-ignore',
    'allow-outside-paths',
  ],
  export: ['format', 'out', 'force', 'base-iri'],
  report: ['format', 'output', 'out', 'force', 'year', 'compare', 'merge'],
  codes: ['format', 'limit', 'code-table'],
  rules: ['format'],
  explain: ['format'],
  lsp: [],
  import: [...IMPORT_OPTIONS],
  init: ['unit-name', 'unit-code', 'unit-type', 'supervising-department', 'force'],
};

const COMMON_HELP = {
  'zh-CN': `通用选项：
  -c, --config <文件>          配置文件（默认：从当前目录向上查找 steward.config.yaml）
      --locale <zh-CN|en>      输出语言（默认取自环境变量 LC_ALL、LC_MESSAGES 或 LANG）
      --color / --no-color     强制开启或关闭颜色（默认：输出到终端时开启；遵循 NO_COLOR、FORCE_COLOR、TERM=dumb）
      --debug                  出错时打印调用栈
  -h, --help                   显示帮助
  -v, --version                显示版本`,
  en: `Common options:
  -c, --config <file>           configuration file (default: steward.config.yaml, looked up from the current folder)
      --locale <zh-CN|en>       language of the output (default: from LC_ALL, LC_MESSAGES or LANG)
      --color / --no-color      force colours on or off (default: on for a terminal; NO_COLOR, FORCE_COLOR and
                                TERM=dumb are honoured)
      --debug                   print stack traces on internal errors
  -h, --help                    show this help
  -v, --version                 show the version`,
};

const HELP = {
  main: {
    'zh-CN': `用法：steward <命令> [选项]

命令：
  validate [路径或通配符...]   检查数据资源目录与数据资产登记文件（默认：当前目录）
  export [路径...] --format <格式> --out <文件>
                               导出为电子表格台账（xlsx、csv）或 DCAT-AP 3 JSON-LD
  report [路径...]             年度数据资产报告：单户情况与汇总（html、md、xlsx、csv、json）
  codes search <文本>          按代码前缀或名称查找资产分类代码（GB/T 14885-2022 及 A08 扩展）
  rules                        列出全部规则
  explain <规则编号>           显示规则说明、依据条款和示例
  lsp --stdio                  启动语言服务器（供编辑器使用）
  import <表格> --out <目录>   把 xlsx 或 CSV 表格导入为 YAML 文件并检查
  init [目录]                  为新单位创建目录、登记、配置和 CI 文件

运行 steward <命令> --help 查看该命令的选项。

${COMMON_HELP['zh-CN']}

退出码：0 没有问题；1 有错误或警告数超过上限；2 用法错误或内部错误。`,
    en: `Usage: steward <command> [options]

Commands:
  validate [paths or globs...]  check data resource catalogs and data asset registers (default: the current folder)
  export [paths...] --format <name> --out <file>
                                export to a spreadsheet ledger (xlsx, csv) or DCAT-AP 3 JSON-LD
  report [paths...]             the year's data-asset report: each unit and the roll-up (html, md, xlsx, csv, json)
  codes search <text>           find asset classification codes (GB/T 14885-2022, A08 extension) by prefix or name
  rules                         list every rule
  explain <rule id>             show a rule's documentation, the clause it enforces and examples
  lsp --stdio                   start the language server (for editors)
  import <sheet> --out <dir>    import an xlsx or CSV spreadsheet as YAML files, then check them
  init [folder]                 set up a new unit's folder: catalog, register, configuration, CI

Run steward <command> --help for the options of a command.

${COMMON_HELP.en}

Exit codes: 0 no problems; 1 errors found or too many warnings; 2 usage or internal error.`,
  },
  validate: {
    'zh-CN': `用法：steward validate [路径或通配符...] [选项]

检查数据资源目录与数据资产登记文件。默认检查当前目录下的 *.catalog.yaml 与 *.assets.yaml（配置项 files 可改），
跳过 .stewardignore 与配置项 ignores 中的模式匹配的文件。

选项：
  -f, --format <格式>[:<文件>]  stylish（默认）| json | sarif | junit | github | gitlab；可重复，
                               加 :文件 则写入该文件（例如 --format sarif:out.sarif --format stylish）
  -o, --output <文件>          把结果写入文件而不是标准输出
      --max-warnings <N>       警告数超过 N 时以退出码 1 结束
      --max-findings-per-file <N>  每个文件最多列出 N 个问题（默认 1000；0：不限），计数和退出码仍按全部问题
      --quiet                  只报告错误
      --schema-only            只做 YAML 与 JSON Schema 检查，不运行合规规则
      --fix                    应用可自动修复的问题的修复（与编辑器“修复所有”相同），原子写回文件，报告剩余问题
      --fix-dry-run            同 --fix，但不写文件：只列出将要修复的内容，报告修复后仍会剩余的问题
      --no-ignore              不使用 .stewardignore 与配置项 ignores
      --stdin                  从标准输入读取一个文件
      --stdin-filename <名称>  标准输入内容的文件名（用于显示和定位）
      --code-table <文件>      单位的完整资产分类代码表（CSV 或 JSON）
      --allow-outside-paths    允许配置文件中的路径（codeTable、files）超出配置文件所在目录
      --max-file-size <MB>     大于此大小的文件不检查（默认 96；也限制标准输入、配置文件和代码表）
      --max-items-per-file <N> 资源或资产超过 N 项的文件不检查，报告 DA-FILE-005（默认 100000；0：不限）
  -j, --jobs <N>               用 N 个工作线程检查文件（1：不用工作线程；默认 0：按文件数量和大小自动决定；
                               也可设环境变量 STEWARD_JOBS）

${COMMON_HELP['zh-CN']}

退出码：0 没有问题；1 有错误或警告数超过上限（--fix 时：修复后仍剩余的问题）；2 用法错误或内部错误。`,
    en: `Usage: steward validate [paths or globs...] [options]

Checks data resource catalogs and data asset registers. Without paths: every *.catalog.yaml and *.assets.yaml
under the current folder (the configuration's files), leaving out what .stewardignore and the configuration's
ignores match.

Options:
  -f, --format <name>[:<file>]  stylish (default) | json | sarif | junit | github | gitlab; may be repeated, and
                                :file writes that one to a file (e.g. --format sarif:out.sarif --format stylish)
  -o, --output <file>           write the report to a file instead of standard output
      --max-warnings <N>        exit with code 1 when there are more than N warnings
      --max-findings-per-file <N>  list at most N findings per file (default 1000; 0: all); the counts and the
                                exit code still count every finding
      --quiet                   report errors only
      --schema-only             YAML and JSON Schema checks only, no compliance rules
      --fix                     apply the automatic fixes (the editor's "fix all"), write the files back atomically
                                and report what remains
      --fix-dry-run             as --fix, but write nothing: list what would be fixed, report what would remain
      --no-ignore               do not use .stewardignore and the configuration's ignores
      --stdin                   read one file from standard input
      --stdin-filename <name>   the name to show for standard input
      --code-table <file>       the unit's full asset classification code table (CSV or JSON)
      --allow-outside-paths     let paths in the configuration (codeTable, files) lead out of its folder
      --max-file-size <MB>      skip files larger than this (default 96; also limits stdin, the configuration and
                                code tables)
      --max-items-per-file <N>  do not check a file listing more than N resources or assets; report DA-FILE-005
                                (default 100000; 0: no limit)
  -j, --jobs <N>                check files in N worker threads (1: no workers; default 0: decided from the
                                files' number and size; or set STEWARD_JOBS)

${COMMON_HELP.en}

Exit codes: 0 no problems; 1 errors found or too many warnings (with --fix: those left after fixing); 2 usage
or internal error.`,
  },
  export: {
    'zh-CN': `用法：steward export [路径...] --format xlsx|csv|dcat-jsonld --out <文件> [选项]

把数据资源目录与数据资产登记导出。路径的查找方式与 steward validate 相同（默认：当前目录）。

格式：
  xlsx          一个工作簿：工作表“单位”“数据资源”“信息项”“数据资产”“授权运营”“收益”“监督检查”（只含有数据的），
                以及“检查结果”（每个问题的规则、单元格、文件位置、说明和依据）；日期、金额为真实的单元格类型
  csv           每个工作表一个文件 <文件名>-<工作表>.csv（UTF-8 带 BOM，CRLF 换行），内容与工作簿显示的相同
  dcat-jsonld   数据资源目录按 DCAT-AP 3.0 输出为 JSON-LD（内嵌 @context）

选项：
  -f, --format <格式>          xlsx | csv | dcat-jsonld（必填）
      --out <文件>             输出文件（必填；所在目录须已存在）
      --force                  覆盖已存在的输出文件
      --base-iri <IRI>         dcat-jsonld：数据集 IRI 的前缀（默认 urn:steward:<统一社会信用代码>:<资源标识>）

${COMMON_HELP['zh-CN']}

退出码：0 已写入；1 已写入，但导出的文件有错误（见“检查结果”）；2 输入无法读取、用法错误或拒绝覆盖。`,
    en: `Usage: steward export [paths...] --format xlsx|csv|dcat-jsonld --out <file> [options]

Exports data resource catalogs and data asset registers. Paths are found as steward validate finds them (default:
the current folder).

Formats:
  xlsx          one workbook: the sheets 单位, 数据资源, 信息项, 数据资产, 授权运营, 收益, 监督检查 (those with rows)
                and 检查结果 (each finding's rule, cell, file position, message and basis); dates and amounts as
                real cell types
  csv           one file per sheet, <file>-<sheet>.csv (UTF-8 with BOM, CRLF), the texts the workbook shows
  dcat-jsonld   the data resource catalogs as DCAT-AP 3.0 JSON-LD (inline @context)

Options:
  -f, --format <name>           xlsx | csv | dcat-jsonld (required)
      --out <file>              the output file (required; its folder must exist)
      --force                   overwrite an existing output file
      --base-iri <IRI>          dcat-jsonld: the prefix of dataset IRIs (default urn:steward:<unit code>:<resource id>)

${COMMON_HELP.en}

Exit codes: 0 written; 1 written, but the exported files have errors (see 检查结果); 2 unreadable input, usage
error or refused overwrite.`,
  },
  report: {
    'zh-CN': `用法：steward report [路径...] [--year 年度] [--format html|md|xlsx|csv|json] [-o 文件] [选项]

按《关于加强行政事业单位数据资产管理的通知》（财资〔2024〕1号）第（十一）条，汇总数据资产情况，供纳入行政事业性
国有资产管理情况报告。路径的查找方式与 steward validate 相同（默认：当前目录）。每个单位（按统一社会信用代码）一部分：
按资产分类代码、数据分级、取得方式、共享和开放类型的资产数，按分类代码的入账成本和评估值，年末有效和次年内到期的授权，
本年收益（按来源和管理方式），本年处置，报告覆盖率，以及按依据条款和严重程度统计的检查问题；多个单位时另有按主管部门、
按单位类型的汇总和各单位一行。资产按年末在账计：已登记且年末前未处置。

格式：
  md            Markdown（默认；未给 -o 时写到标准输出）
  html          单个自包含的 HTML 文件（内嵌图表和样式，不引用外部资源，适合 A4 打印）
  xlsx          工作簿：每张表一个工作表，数值和日期为真实单元格类型
  csv           每张表一个文件 <文件名>-<表>.csv（UTF-8 带 BOM）
  json          机器可读的报告（格式见 schemas/report.schema.json），可用于 --compare 和 --merge

选项：
  -f, --format <格式>          html | md | xlsx | csv | json（默认 md）
  -o, --output <文件>          输出文件（xlsx、csv 必填；所在目录须已存在）
      --force                  覆盖已存在的输出文件
      --year <年度>            报告年度（默认：多数文档 asOf 所在的年度，数量相同取较晚者；都没有则为上一年）
      --compare <上年.json>    与上年的 json 报告比较：新增和减少的资产，资产数、成本、评估值和收益的增减
      --merge                  路径为多个单位或地区的 json 报告，合并汇总（见 docs/report.md）

${COMMON_HELP['zh-CN']}

退出码：0 已生成；2 输入无法读取、用法错误或拒绝覆盖。`,
    en: `Usage: steward report [paths...] [--year YYYY] [--format html|md|xlsx|csv|json] [-o file] [options]

The data-asset report of a year, as clause (11) of the notice 财资〔2024〕1号 asks units to include data assets in
their reports on administrative state-owned assets. Paths are found as steward validate finds them (default: the
current folder). One part per unit (by unified social credit code): assets by classification code, security grade,
acquisition method, sharing and opening type; book cost and appraised value by code; authorizations in force at
the end of the year and those ending within the next; revenue of the year by source and handling; disposals of
the year; reporting coverage; open findings by clause and severity. With several units, a roll-up by supervising
department and by unit type, and a row per unit. An asset counts when it is on the books at the end of the year:
registered and not disposed by then.

Formats:
  md            Markdown (default; to standard output without -o)
  html          one self-contained HTML file (inline charts and styles, no remote resources, prints on A4)
  xlsx          a workbook, one sheet per table, numbers and dates as real cells
  csv           one file per table, <file>-<table>.csv (UTF-8 with BOM)
  json          the report for other systems (schemas/report.schema.json); read by --compare and --merge

Options:
  -f, --format <name>           html | md | xlsx | csv | json (default md)
  -o, --output <file>           the output file (required for xlsx and csv; its folder must exist)
      --force                   overwrite an existing output file
      --year <YYYY>             the report's year (default: the year of most documents' asOf, the later of equals;
                                else last year)
      --compare <last.json>     compare with last year's json report: assets added and removed, changes in assets,
                                cost, appraised value and revenue
      --merge                   the paths are json reports of units or regions: roll them up (docs/report.md)

${COMMON_HELP.en}

Exit codes: 0 written; 2 unreadable input, usage error or refused overwrite.`,
  },
  codes: {
    'zh-CN': `用法：steward codes search <代码前缀或名称> [选项]

按代码前缀或名称查找资产分类代码（GB/T 14885-2022 及 A08 扩展，或单位自己的代码表）。

选项：
      --limit <N>              最多列出 N 个代码（默认 20）
  -f, --format json            以 JSON 输出
      --code-table <文件>      在单位的完整资产分类代码表（CSV 或 JSON）中查找

${COMMON_HELP['zh-CN']}

退出码：0 找到；1 没有匹配的代码；2 用法错误。`,
    en: `Usage: steward codes search <code prefix or name> [options]

Finds asset classification codes (GB/T 14885-2022 and the A08 extension, or the unit's own table) by code prefix or name.

Options:
      --limit <N>               list at most N codes (default 20)
  -f, --format json             print JSON
      --code-table <file>       search the unit's full asset classification code table (CSV or JSON)

${COMMON_HELP.en}

Exit codes: 0 found; 1 no code matches; 2 usage error.`,
  },
  rules: {
    'zh-CN': `用法：steward rules [选项]

列出全部规则：编号、名称、默认级别、说明与依据条款。

选项：
  -f, --format <格式>          表格（默认）| json | markdown（docs/rules.md 的内容）

${COMMON_HELP['zh-CN']}`,
    en: `Usage: steward rules [options]

Lists every rule: id, name, default severity, what it checks and the clause it enforces.

Options:
  -f, --format <name>           a table (default) | json | markdown (what docs/rules.md holds)

${COMMON_HELP.en}`,
  },
  explain: {
    'zh-CN': `用法：steward explain <规则编号或名称> [选项]

显示规则说明、依据条款和示例，例如 steward explain DA-AUTH-001。

选项：
  -f, --format <格式>          text（终端中默认：排版显示）| markdown（管道中默认）

${COMMON_HELP['zh-CN']}`,
    en: `Usage: steward explain <rule id or name> [options]

Shows a rule's documentation, the clause it enforces and examples, e.g. steward explain DA-AUTH-001.

Options:
  -f, --format <name>           text (the default on a terminal: laid out) | markdown (the default when piped)

${COMMON_HELP.en}`,
  },
  lsp: {
    'zh-CN': `用法：steward lsp --stdio

启动语言服务器（Language Server Protocol），供 VS Code 以外的编辑器使用（Neovim、Helix、Emacs 等）。

传输方式（选一个）：
      --stdio                  通过标准输入输出通信
      --node-ipc               通过 Node.js IPC 通道通信（由 Node.js 父进程启动时）
      --socket=<端口>          连接到本机的该端口
      --pipe=<名称>            连接到该命名管道

  -h, --help                   显示帮助`,
    en: `Usage: steward lsp --stdio

Starts the language server (Language Server Protocol) for editors other than VS Code (Neovim, Helix, Emacs ...).

Transport (one of):
      --stdio                   talk over standard input and output
      --node-ipc                talk over Node.js's IPC channel (when a Node.js parent started it)
      --socket=<port>           connect to this port on the local machine
      --pipe=<name>             connect to this named pipe

  -h, --help                    show this help`,
  },
  import: {
    'zh-CN': `用法：steward import <表格.xlsx|表格.csv> --out <目录> [选项]

把单位的表格导入为数据资源目录或数据资产登记的 YAML 文件，然后检查：
- 本工具导出的工作簿（工作表“单位”“数据资源”“数据资产”……）：按“来源文件”列还原每个文件；
- 单位自己的表格（如省级目录系统、资产系统导出的表）：在标题行下找到表头行，按中文列名（信息资源名称、
  提供单位、资产编号、取得日期、原值等常见写法）对应字段；其他列名用 --map 对应。
每个条目上方注明来源（# 来源：工作表!第 N 行），每个问题注明单元格（Sheet1!F23）。无法识别的值原样保留，由检查报告。

选项：
      --out <目录>             写入 YAML 文件的目录（必需，--print-map 除外）
      --kind <catalog|register>  表格是数据资源目录（catalog）还是数据资产登记（register）（默认：按表头判断）
      --sheet <名称>           读取该工作表（默认：第一个有可识别表头的工作表）
      --map <文件>             列名对应文件（YAML：kind、sheet、headerRow、columns、unit、asOf）
      --print-map              只列出各列对应的字段（列号、表头、字段或“未对应”），不写文件
      --dry-run                不写文件：显示将写入的内容和检查结果
      --force                  覆盖已有的文件（默认不覆盖）
      --encoding <编码>        CSV 的编码（默认自动识别：UTF-8、带 BOM 的 UTF-16、GB18030/GBK）
      --unit-name <名称>       表格中没有单位信息时：单位名称
      --unit-code <代码>       单位的统一社会信用代码
      --unit-type <类型>       行政单位 或 事业单位
      --as-of <日期>           截至日期（YYYY-MM-DD）
表格和选项都没有的单位信息，取自输出目录中已有的数据资源目录或数据资产登记；仍没有时写入占位符“待填写”，由 DA-TODO-001 提示。

${COMMON_HELP['zh-CN']}

退出码：0 已写入（只有警告或提示）；1 已写入，但结果有错误；2 无法读取表格、用法错误或拒绝覆盖；130 已中断（Ctrl-C，
未写入任何文件）。`,
    en: `Usage: steward import <sheet.xlsx|sheet.csv> --out <dir> [options]

Imports a unit's spreadsheet as data resource catalog or data asset register YAML files, then checks them:
- a workbook this tool exported (sheets 单位, 数据资源, 数据资产 …): every file is rebuilt from the 来源文件 column;
- a unit's own table (a provincial catalog system's or an asset system's export): the header row is found below
  title rows and the columns are mapped by their Chinese names (信息资源名称, 提供单位, 资产编号, 取得日期, 原值 and
  the usual variants); other names are mapped with --map.
Each item is headed by its source (# 来源：sheet!第 N 行), each finding names its cell (Sheet1!F23). A value that
cannot be mapped is kept as it is, for the check to report.

Options:
      --out <dir>               folder to write the YAML files to (required, except with --print-map)
      --kind <catalog|register> a data resource catalog or a data asset register (default: from the headers)
      --sheet <name>            read this sheet (default: the first one with a recognisable header)
      --map <file>              a mapping file (YAML: kind, sheet, headerRow, columns, unit, asOf)
      --print-map               print which field each column maps to (letter, header, field or "unmapped");
                                write nothing
      --dry-run                 write nothing: show what would be written and the findings
      --force                   overwrite existing files (never done without it)
      --encoding <name>         the CSV's encoding (default: detected: UTF-8, UTF-16 with BOM, GB18030/GBK)
      --unit-name <name>        when the sheet has no unit: the unit's name
      --unit-code <code>        the unit's unified social credit code
      --unit-type <type>        行政单位 or 事业单位
      --as-of <date>            the documents' asOf (YYYY-MM-DD)
A unit field neither the sheet nor an option gives is taken from a catalog or register already in the output folder;
failing that, the placeholder 待填写 is written, which DA-TODO-001 reports.

${COMMON_HELP.en}

Exit codes: 0 written (warnings or infos only); 1 written, but the result has errors; 2 unreadable input, usage
error or refused overwrite; 130 interrupted (Ctrl-C: nothing written).`,
  },
  init: {
    'zh-CN': `用法：steward init [目录] [选项]

为新单位创建文件（目录默认为当前目录）：
  unit.catalog.yaml                  数据资源目录，含一条带注释的示例资源
  unit.assets.yaml                   数据资产登记，含一条对应该资源的示例资产
  steward.config.yaml                配置（默认单位类型、规则级别、忽略的文件）
  .vscode/extensions.json            向 VS Code 推荐本扩展
  .github/workflows/data-assets.yml  CI：steward validate --format sarif 并上传到代码扫描
在终端中运行时询问单位名称、统一社会信用代码（校验，有误时说明原因并重新询问）、单位类型和主管部门；
否则从选项读取，缺少 --unit-name、--unit-code、--unit-type 时以退出码 2 结束。
已有的文件不会被覆盖（列出这些文件，什么也不写）；全部文件写成功才放到位，否则一个也不留。

选项：
      --unit-name <名称>              单位名称
      --unit-code <代码>              统一社会信用代码（18 位，GB 32100-2015）
      --unit-type <类型>              行政单位 | 事业单位（也可写 1 | 2）
      --supervising-department <名称> 主管部门（可省略：文件中留“待填写”，检查时提示 DA-TODO-001）
      --force                         覆盖已有的文件

${COMMON_HELP['zh-CN']}

退出码：0 已创建；2 用法错误、文件已存在或无法写入（此时未写入任何文件）。`,
    en: `Usage: steward init [folder] [options]

Creates a new unit's files (in the current folder by default):
  unit.catalog.yaml                  data resource catalog, with one commented example resource
  unit.assets.yaml                   data asset register, with one example asset of that resource
  steward.config.yaml                configuration (default unit type, rule severities, ignored files)
  .vscode/extensions.json            recommends this extension to VS Code
  .github/workflows/data-assets.yml  CI: steward validate --format sarif, uploaded to code scanning
On a terminal it asks for the unit name, the unified social credit code (checked; a wrong one is explained and
asked again), the unit type and the supervising department; otherwise it takes the options, and without
--unit-name, --unit-code and --unit-type it exits with code 2.
Existing files are never overwritten (they are listed and nothing is written); the files are put in place only
when all of them were written, else none is left.

Options:
      --unit-name <name>              the unit's name
      --unit-code <code>              its unified social credit code (18 characters, GB 32100-2015)
      --unit-type <type>              行政单位 | 事业单位 (or 1 | 2)
      --supervising-department <name> the supervising department (may be left out: the files then hold 待填写,
                                      which checking reports as DA-TODO-001)
      --force                         overwrite existing files

${COMMON_HELP.en}

Exit codes: 0 created; 2 usage error, files exist or cannot be written (nothing was written then).`,
  },
  unknownOption: {
    'zh-CN': '未知选项 {0}。运行 {1} --help 查看可用选项。',
    en: 'Unknown option {0}. Run {1} --help for the options.',
  },
  optionNotFor: {
    'zh-CN': '选项 --{0} 不适用于 steward {1}。运行 steward {1} --help 查看它的选项。',
    en: 'The option --{0} does not apply to steward {1}. Run steward {1} --help for its options.',
  },
  lspTransport: {
    'zh-CN': 'steward lsp 需要一种传输方式：--stdio、--node-ipc、--socket=<端口> 或 --pipe=<名称>',
    en: 'steward lsp needs a transport: --stdio, --node-ipc, --socket=<port> or --pipe=<name>',
  },
};

const { t } = translator(HELP);

export function isCommand(name: string | undefined): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name ?? '');
}

/** The help for a command, or the main usage. */
export function helpText(locale: Locale, command?: CommandName): string {
  return t(locale, command ?? 'main') + '\n';
}

/** Rejects an option that the command does not take (the common options go with every command). */
export function checkOptionsFor(command: CommandName, used: string[], locale: Locale): void {
  for (const name of used) {
    if (COMMON_OPTIONS.includes(name) || COMMAND_OPTIONS[command].includes(name)) continue;
    throw new UsageError(t(locale, 'optionNotFor', name, command));
  }
}

/** Node's "unknown option" error in the user's words: which option, and where the options are listed. */
export function unknownOptionError(error: Error, command: string | undefined, locale: Locale): UsageError {
  const option = /'([^']+)'/.exec(error.message)?.[1];
  if (!option) return new UsageError(error.message);
  return new UsageError(t(locale, 'unknownOption', option, isCommand(command) ? `steward ${command}` : 'steward'));
}

/** `steward lsp` without a transport flag (main.ts hands it on to the server only with one). */
export function lspTransportError(locale: Locale): UsageError {
  return new UsageError(t(locale, 'lspTransport'));
}
