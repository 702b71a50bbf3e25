/**
 * `workspace/executeCommand` `steward.report`: the editor's "Preview data-asset report" asks the server for the
 * HTML report of a folder (the first workspace folder by default), built by the CLI's own code (host/report.ts,
 * service reportHtml) from the files on disk, with work-done progress. The report's code and ECharts are a bundle
 * of their own (report-build.ts, dist/report.js), loaded on the first report, not when the server starts.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { ExecuteCommandParams, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { REPORT_COMMAND, SHEET_INPUT_ERROR } from '../protocol';
import type { Locale } from '../service';
import type { ReportAnswer, ReportArguments, SheetPlace } from '../protocol';
import type { Session } from './session';

/** The progress message is sent at most this often. */
const PROGRESS_EVERY_MS = 200;

const TEXT = {
  reporting: { 'zh-CN': '正在生成数据资产报告', en: 'Making the data asset report' },
  files: { 'zh-CN': '已读取 {0}/{1} 个文件', en: '{0} of {1} files read' },
  charts: { 'zh-CN': '正在绘制图表', en: 'Drawing the charts' },
  badArguments: {
    'zh-CN': '{0} 的参数应为一个对象，可含 folder（文件夹路径）和 year（年度）',
    en: 'The argument of {0} is one object, with folder (a path) and year, both optional',
  },
  noFolder: {
    'zh-CN': '没有打开的文件夹：请打开含数据资源目录或数据资产登记表的文件夹',
    en: 'No folder is open: open the folder of the data resource catalogs or data asset registers',
  },
} as const;

function say(locale: Locale, id: keyof typeof TEXT, ...args: Array<string | number>): string {
  return TEXT[id][locale].replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)]));
}

/** The one optional argument object, checked: a client is input like any other. */
function reportArguments(value: unknown, locale: Locale): ReportArguments {
  if (value === undefined || value === null) return {};
  const a = value as Record<string, unknown>;
  const ok =
    typeof value === 'object' &&
    !Array.isArray(value) &&
    (a.folder === undefined || (typeof a.folder === 'string' && a.folder !== '')) &&
    (a.year === undefined || (Number.isInteger(a.year) && (a.year as number) >= 1900 && (a.year as number) <= 9999));
  if (!ok) throw new ResponseError(ErrorCodes.InvalidParams, say(locale, 'badArguments', REPORT_COMMAND));
  return value;
}

export async function executeReportCommand(session: Session, params: ExecuteCommandParams): Promise<ReportAnswer> {
  const { connection } = session;
  const locale = session.locale;
  const options = reportArguments(params.arguments?.[0], locale);
  const folder = options.folder ?? session.folders[0];
  if (folder === undefined) throw new ResponseError(ErrorCodes.InvalidRequest, say(locale, 'noFolder'));
  const progress: WorkDoneProgressReporter =
    params.workDoneToken !== undefined
      ? connection.window.attachWorkDoneProgress(params.workDoneToken)
      : await connection.window.createWorkDoneProgress();
  progress.begin(say(locale, 'reporting'), undefined, undefined, false);
  let last = 0;
  const onProgress = (done: number, total: number) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    progress.report(say(locale, 'files', done, total));
  };
  try {
    // A bundle of its own (dist/report.js), loaded on the first report; `require`, not `import()`: Node's ESM
    // loader would first scan the whole CommonJS bundle for its exports (as cli/run.ts's sheetsCommands says).
    const { reportAnswer } = require('./report-build') as typeof import('./report-build');
    const onCharts = () => progress.report(say(locale, 'charts'));
    const outcome = reportAnswer({ folder, year: options.year, locale, onProgress, onCharts });
    if ('badInput' in outcome) {
      const { message, where } = outcome.badInput;
      throw new ResponseError<SheetPlace | undefined>(SHEET_INPUT_ERROR, message, where);
    }
    return outcome.answer;
  } finally {
    progress.done();
  }
}
