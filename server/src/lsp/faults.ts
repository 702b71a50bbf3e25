/**
 * The last resort: an exception inside a check, a publish or a handler that runs after its message was answered
 * (a bug in the service) is logged to the client's output with its stack and shown once per file; the server goes
 * on serving. Node ends the process on an unhandled rejection, so those are caught here too.
 */
import * as path from 'node:path';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver/node';
import type { Connection } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import type { Locale } from '../service';

export interface Faults {
  internalError(uri: string | undefined, error: unknown): void;
  /** A callback for a timer: an exception in it is an internal error, not the end of the process. */
  guarded(callback: () => void, uri?: string): () => void;
  /** The answer to a request whose handler failed (the failure itself goes to internalError). */
  requestFailed(method: string): string;
}

export function createFaults(connection: Connection, locale: () => Locale): Faults {
  /** Files whose check failed, told to the user once each (a failure is logged every time). */
  const told = new Set<string>();
  const internalError = (uri: string | undefined, error: unknown): void => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    const file = uri ? URI.parse(uri).fsPath : undefined;
    connection.console.error(`steward: internal error${file ? ` while checking ${file}` : ''}: ${detail}`);
    const key = uri ?? '';
    if (told.has(key)) return;
    told.add(key);
    const reason = error instanceof Error ? error.message : String(error);
    void connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Error,
      message: faultMessage(locale(), reason, file ? path.basename(file) : undefined),
    });
  };
  const guarded = (callback: () => void, uri?: string) => () => {
    try {
      callback();
    } catch (error) {
      internalError(uri, error);
    }
  };
  // Promises nobody awaits (notification handlers, checks started from timers) end here rather than ending the process.
  process.on('unhandledRejection', (reason) => internalError(undefined, reason));
  const requestFailed = (method: string): string =>
    locale() === 'zh-CN'
      ? `数据资产管家无法答复 ${method}：出现内部错误，详细信息见“数据资产管家”输出面板。`
      : `Data Asset Steward could not answer ${method}: an internal error; the details are in the Data Asset Steward output.`;
  return { internalError, guarded, requestFailed };
}

function faultMessage(locale: Locale, reason: string, name: string | undefined): string {
  const zh = locale === 'zh-CN';
  if (name) {
    return zh
      ? `数据资产管家检查 ${name} 时出现内部错误：${reason}。该文件的诊断仍是上一次检查的结果；详细信息见“数据资产管家”输出面板，请报告此问题。`
      : `Data Asset Steward failed while checking ${name}: ${reason}. Its diagnostics are those of its last check; the details are in the Data Asset Steward output. Please report this.`;
  }
  return zh
    ? `数据资产管家出现内部错误：${reason}。详细信息见“数据资产管家”输出面板，请报告此问题。`
    : `Data Asset Steward hit an internal error: ${reason}. The details are in the Data Asset Steward output. Please report this.`;
}
