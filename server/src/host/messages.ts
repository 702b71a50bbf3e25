/** Messages of the Node host (reading files, finding configuration), in both languages, and the table helper. */
import type { Locale, LocalizedText } from '../service';

type Table = Record<string, LocalizedText>;

/** `t` and `both` over one message table: `{0}`, `{1}` ... are filled from the arguments in order. */
export function translator<T extends Table>(table: T): {
  t(locale: Locale, id: keyof T, ...args: (string | number)[]): string;
  both(id: keyof T, ...args: (string | number)[]): LocalizedText;
} {
  const t = (locale: Locale, id: keyof T, ...args: (string | number)[]) =>
    table[id][locale].replace(/\{(\d+)\}/g, (whole, index: string) => (args[Number(index)] !== undefined ? String(args[Number(index)]) : whole));
  return { t, both: (id, ...args) => ({ 'zh-CN': t('zh-CN', id, ...args), en: t('en', id, ...args) }) };
}

export const { t: hostText, both: hostMessage } = translator({
  noMatch: { 'zh-CN': '没有文件匹配“{0}”', en: 'No files match "{0}"' },
  unreadable: { 'zh-CN': '无法读取文件：{0}', en: 'Cannot read the file: {0}' },
  isDirectory: { 'zh-CN': '这是一个目录', en: 'it is a directory' },
  binary: { 'zh-CN': '这是二进制文件，不是 YAML 文本（第 {0} 个字节为 NUL）', en: 'This is a binary file, not YAML text (byte {0} is NUL)' },
  utf16: { 'zh-CN': '文件是 UTF-16 编码；请另存为 UTF-8', en: 'The file is encoded as UTF-16; save it as UTF-8' },
  invalidUtf8: { 'zh-CN': '无效的 UTF-8 字节序列（字节 0x{0}）；请以 UTF-8 保存文件', en: 'Invalid UTF-8 byte sequence (byte 0x{0}); save the file as UTF-8' },
  tooLarge: { 'zh-CN': '文件大小 {0} MB 超过上限 {1} MB，未作检查（可用 --max-file-size 调整）', en: 'The file is {0} MB, over the {1} MB limit; not checked (see --max-file-size)' },
});
