/** Strings the CLI itself prints, in both languages. */
import { translator } from '../host/messages';

const MESSAGES = {
  usage: {
    'zh-CN': `用法：steward <命令> [选项]

命令：
  validate [路径或通配符...]   检查数据资源目录与数据资产登记文件（默认：当前目录）
  codes search <文本>          按代码前缀或名称查找资产分类代码（GB/T 14885-2022 及 A08 扩展）
  rules                        列出全部规则（--format json|markdown）
  explain <规则编号>           显示规则说明、依据条款和示例（终端中排版显示；管道或 --format markdown 输出 Markdown）

validate 选项：
  -f, --format <格式>          stylish（默认）| json | sarif | junit | github
  -o, --output <文件>          把结果写入文件而不是标准输出
      --max-warnings <N>       警告数超过 N 时以退出码 1 结束
      --quiet                  只报告错误
      --schema-only            只做 YAML 与 JSON Schema 检查，不运行合规规则
      --stdin                  从标准输入读取一个文件
      --stdin-filename <名称>  标准输入内容的文件名（用于显示和定位）
      --code-table <文件>      单位的完整资产分类代码表（CSV 或 JSON）
  -c, --config <文件>          配置文件（默认：从当前目录向上查找 steward.config.yaml）
      --max-file-size <MB>     大于此大小的文件不检查（默认 256）
  -j, --jobs <N>               用 N 个工作线程检查文件（1：不用工作线程；默认 0：按文件数量和大小自动决定；也可设环境变量 STEWARD_JOBS）
      --locale <zh-CN|en>      输出语言（默认取自环境变量 LANG）
      --color / --no-color     强制开启或关闭颜色
      --debug                  出错时打印调用栈，并报告用了几个工作线程
  -h, --help                   显示帮助
  -v, --version                显示版本

退出码：0 没有问题；1 有错误或警告数超过上限；2 用法错误或内部错误。`,
    en: `Usage: steward <command> [options]

Commands:
  validate [paths or globs...]  check data resource catalogs and data asset registers (default: the current folder)
  codes search <text>           find asset classification codes (GB/T 14885-2022, A08 extension) by prefix or name
  rules                         list every rule (--format json|markdown)
  explain <rule id>             show a rule's documentation, the clause it enforces and examples (laid out on a
                                terminal; Markdown when piped or with --format markdown)

Options for validate:
  -f, --format <name>           stylish (default) | json | sarif | junit | github
  -o, --output <file>           write the report to a file instead of standard output
      --max-warnings <N>        exit with code 1 when there are more than N warnings
      --quiet                   report errors only
      --schema-only             YAML and JSON Schema checks only, no compliance rules
      --stdin                   read one file from standard input
      --stdin-filename <name>   the name to show for standard input
      --code-table <file>       the unit's full asset classification code table (CSV or JSON)
  -c, --config <file>           configuration file (default: steward.config.yaml, looked up from the current folder)
      --max-file-size <MB>      skip files larger than this (default 256)
  -j, --jobs <N>                check files in N worker threads (1: no workers; default 0: decided from the files' number and size; or set STEWARD_JOBS)
      --locale <zh-CN|en>       language of the output (default: from LANG)
      --color / --no-color      force colours on or off
      --debug                   print stack traces on internal errors and how many worker threads ran
  -h, --help                    show this help
  -v, --version                 show the version

Exit codes: 0 no problems; 1 errors found or too many warnings; 2 usage or internal error.`,
  },
  unknownCommand: {
    'zh-CN': '未知命令“{0}”。运行 steward --help 查看用法。',
    en: 'Unknown command "{0}". Run steward --help for usage.',
  },
  badFormat: { 'zh-CN': '未知的输出格式“{0}”，可选：{1}', en: 'Unknown format "{0}"; choose one of: {1}' },
  badLocale: { 'zh-CN': '未知的语言“{0}”，可选：zh-CN、en', en: 'Unknown locale "{0}"; choose zh-CN or en' },
  badNumber: { 'zh-CN': '{0} 需要一个非负整数，而不是“{1}”', en: '{0} needs a non-negative integer, not "{1}"' },
  noFiles: {
    'zh-CN': '没有找到要检查的文件（*.catalog.yaml、*.assets.yaml）',
    en: 'No files to check were found (*.catalog.yaml, *.assets.yaml)',
  },
  stdinWithPaths: { 'zh-CN': '--stdin 不能与路径参数同时使用', en: '--stdin cannot be combined with paths' },
  codeTableProblem: { 'zh-CN': '代码表', en: 'code table' },
  codeTableUnreadable: { 'zh-CN': '无法读取代码表 {0}：{1}', en: 'Cannot read the code table {0}: {1}' },
  codeTableLoaded: {
    'zh-CN': '已加载代码表 {0}：{1} 个代码，{2} 个问题',
    en: 'Loaded code table {0}: {1} codes, {2} problems',
  },
  searchUsage: {
    'zh-CN': '用法：steward codes search <代码前缀或名称>',
    en: 'Usage: steward codes search <code prefix or name>',
  },
  searchNone: { 'zh-CN': '没有找到与“{0}”匹配的代码', en: 'No code matches "{0}"' },
  configMissing: { 'zh-CN': '找不到配置文件 {0}', en: 'The configuration file {0} does not exist' },
  configUnreadable: { 'zh-CN': '无法读取配置文件 {0}：{1}', en: 'Cannot read the configuration file {0}: {1}' },
  configInvalid: { 'zh-CN': '配置文件 {0} 有错误（见上）', en: 'The configuration file {0} has errors (see above)' },
  explainUsage: {
    'zh-CN': '用法：steward explain <规则编号>，例如 steward explain DA-AUTH-001',
    en: 'Usage: steward explain <rule id>, e.g. steward explain DA-AUTH-001',
  },
  unknownRule: {
    'zh-CN': '没有规则“{0}”（运行 steward rules 查看全部规则）',
    en: 'There is no rule "{0}" (run steward rules to list them)',
  },
  internalError: {
    'zh-CN': '内部错误：{0}（加 --debug 查看调用栈）',
    en: 'Internal error: {0} (add --debug for the stack trace)',
  },
  workerFailed: { 'zh-CN': '检查 {0} 的工作线程出错：{1}', en: 'The worker thread checking {0} failed: {1}' },
  workerExited: {
    'zh-CN': '工作线程意外退出（退出码 {0}）',
    en: 'the worker thread exited unexpectedly (exit code {0})',
  },
  workersUnavailable: {
    'zh-CN': '无法启动工作线程（{0}），改在主线程中检查',
    en: 'Could not start worker threads ({0}); checking in the main thread',
  },
  checkedInWorkers: {
    'zh-CN': '{0} 个文件由 {1} 个工作线程检查（线程 {2}）',
    en: '{0} files checked in {1} worker threads (threads {2})',
  },
  checkedInProcess: { 'zh-CN': '{0} 个文件在主线程中检查', en: '{0} files checked in the main thread' },
  outputUnwritable: { 'zh-CN': '无法写入输出文件 {0}：{1}', en: 'Cannot write the output file {0}: {1}' },
};

export const { t } = translator(MESSAGES);
