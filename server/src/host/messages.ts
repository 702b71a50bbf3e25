/**
 * Messages of the Node host (reading files, finding them), in both languages, and the table helper the CLI's
 * messages use too. The file-level findings' messages are those rules' own (DA-FILE-001..004 in the registry).
 */
import { fillTemplate, findRule } from '../service';
import type { Locale, LocalizedText } from '../service';

type Table = Record<string, LocalizedText>;

/** `t` and `both` over one message table: `{0}`, `{1}` ... are filled from the arguments in order. */
export function translator<T extends Table>(
  table: T,
): {
  t: (locale: Locale, id: keyof T, ...args: (string | number)[]) => string;
  both: (id: keyof T, ...args: (string | number)[]) => LocalizedText;
} {
  const t = (locale: Locale, id: keyof T, ...args: (string | number)[]) =>
    fillTemplate(table[id][locale], Object.fromEntries(args.entries()));
  return { t, both: (id, ...args) => ({ 'zh-CN': t('zh-CN', id, ...args), en: t('en', id, ...args) }) };
}

/** A message of a file-level rule, by rule id and message id. */
function fileMessage(ruleId: string, messageId: string): LocalizedText {
  const message = findRule(ruleId)?.messages[messageId];
  if (!message) throw new Error(`${ruleId} has no message ${messageId}`);
  return message;
}

export const { t: hostText, both: hostMessage } = translator({
  noMatch: { 'zh-CN': '没有文件匹配“{0}”', en: 'No files match "{0}"' },
  unreadable: fileMessage('DA-FILE-001', 'unreadable'),
  binary: fileMessage('DA-FILE-002', 'binary'),
  utf16: fileMessage('DA-FILE-003', 'utf16'),
  invalidUtf8: fileMessage('DA-FILE-003', 'invalidUtf8'),
  overLimit: fileMessage('DA-FILE-004', 'overLimit'),
  stoppedAtLimit: fileMessage('DA-FILE-004', 'stoppedAtLimit'),
  raiseWith: { 'zh-CN': '（可用 {0} 调整）', en: ' (raise it with {0})' },
  notRegular: { 'zh-CN': '这是{0}，不是普通文件', en: 'it is {0}, not a regular file' },
  directory: { 'zh-CN': '一个目录', en: 'a directory' },
  fifo: { 'zh-CN': '一个命名管道（FIFO）', en: 'a named pipe (FIFO)' },
  charDevice: { 'zh-CN': '一个字符设备', en: 'a character device' },
  blockDevice: { 'zh-CN': '一个块设备', en: 'a block device' },
  socket: { 'zh-CN': '一个套接字', en: 'a socket' },
  otherKind: { 'zh-CN': '一个特殊文件', en: 'a special file' },
  outsideFolder: { 'zh-CN': '它经符号链接指向 {0} 之外', en: 'a symbolic link leads it out of {0}' },
});
