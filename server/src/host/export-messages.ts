/** Messages of `steward export` (host/export-sheet.ts), in both languages. */
import { translator } from './messages';

export const { t: exportText } = translator({
  noFiles: {
    'zh-CN': '没有找到要导出的文件（*.catalog.yaml、*.assets.yaml）',
    en: 'No files to export were found (*.catalog.yaml, *.assets.yaml)',
  },
  noCatalog: {
    'zh-CN': '输入中没有数据资源目录：dcat-jsonld 只导出数据资源目录',
    en: 'The inputs hold no data resource catalog: dcat-jsonld exports catalogs only',
  },
  folderMissing: {
    'zh-CN': '输出目录 {0} 不存在：请先创建它',
    en: 'The output folder {0} does not exist: create it first',
  },
  folderUnwritable: { 'zh-CN': '输出目录 {0} 不可写', en: 'The output folder {0} is not writable' },
  exists: {
    'zh-CN': '{0} 已存在：未覆盖（加 --force 覆盖）',
    en: '{0} exists: not overwritten (add --force to overwrite it)',
  },
  targetIsFolder: { 'zh-CN': '{0} 是一个目录，不能写入', en: '{0} is a folder: it cannot be written' },
  unwritable: { 'zh-CN': '无法写入 {0}：{1}，未留下任何文件', en: 'Cannot write {0}: {1}; nothing was left behind' },
});
