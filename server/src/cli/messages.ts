/** Strings the CLI itself prints, in both languages. */
import { translator } from '../host/messages';

const MESSAGES = {
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
  codeTableOmitted: {
    'zh-CN': '另有 {0} 个代码表问题未显示',
    en: '{0} more code table problems not shown',
  },
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
  fixed: { 'zh-CN': '已修复 {0}：{1}', en: 'Fixed {0}: {1}' },
  wouldFix: {
    'zh-CN': '将修复 {0}：{1}（--fix-dry-run：未写入）',
    en: 'Would fix {0}: {1} (--fix-dry-run: not written)',
  },
  fixUnwritable: { 'zh-CN': '无法写回 {0}（{1}），文件未改动', en: 'Cannot write {0} ({1}); the file is unchanged' },
  fixWithStdin: {
    'zh-CN': '--fix 不能与 --stdin 同时使用（标准输入没有可写回的文件）',
    en: '--fix cannot be combined with --stdin (standard input has no file to write back)',
  },
  fileIgnored: {
    'zh-CN': '{0}：文件因匹配忽略模式（.stewardignore 或配置项 ignores）而未检查；加 --no-ignore 可检查它',
    en: "{0}: File ignored because of a matching ignore pattern (.stewardignore or the configuration's ignores); use --no-ignore to check it",
  },
  outputUnwritable: { 'zh-CN': '无法写入输出文件 {0}：{1}', en: 'Cannot write the output file {0}: {1}' },
  twoOnStdout: {
    'zh-CN': '只能有一种输出格式写到标准输出（{0}）：其余的请用 --format 格式:文件 写入文件',
    en: 'Only one format can go to standard output ({0}): write the others to files with --format name:file',
  },
  progress: { 'zh-CN': '已检查 {0}/{1} 个文件', en: 'checked {0} of {1} files' },
};

export const { t } = translator(MESSAGES);
