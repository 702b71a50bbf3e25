/**
 * `steward init [DIR]`: a new unit's folder in one step (the files: init-templates.ts). On a terminal it asks for
 * what the flags do not give (unit name, unified social credit code — checked, and asked again when wrong — unit
 * type and supervising department); otherwise the flags are required. It never overwrites a file without
 * `--force`, and writes all files or none: each is written to a temporary file first, and only when every one of
 * them is written are they moved into place (a link, which refuses a file that appeared meanwhile).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkUscc, usccKind } from '../service';
import type { Locale, UnitType } from '../service';
import { CommitError, commitFiles } from '../host/commit-files';
import { translator } from '../host/messages';
import { displayPath } from '../host/paths';
import { terminalText } from './formatters/safe-text';
import { initFiles, UNIT_TYPES } from './init-templates';
import type { InitFile, UnitAnswers } from './init-templates';
import { UsageError } from './io';
import type { Io } from './io';

const MESSAGES = {
  askName: { 'zh-CN': '单位名称：', en: 'Unit name (单位名称): ' },
  askCode: {
    'zh-CN': '统一社会信用代码（18 位）：',
    en: 'Unified social credit code (统一社会信用代码, 18 characters): ',
  },
  askType: {
    'zh-CN': '单位类型（1 行政单位，2 事业单位）{0}：',
    en: 'Unit type (1 行政单位 administrative unit, 2 事业单位 public institution){0}: ',
  },
  typeDefault: { 'zh-CN': '［回车：{0}］', en: ' [Enter: {0}]' },
  askDepartment: {
    'zh-CN': '主管部门（可留空，稍后在文件中填写）：',
    en: 'Supervising department (主管部门; may be left empty and filled in later): ',
  },
  emptyName: { 'zh-CN': '单位名称不能为空。', en: 'The unit name cannot be empty.' },
  badCode: {
    'zh-CN': '统一社会信用代码有误：{0}。请重新输入。',
    en: 'That code is not valid: {0}. Please enter it again.',
  },
  badType: {
    'zh-CN': '单位类型应为 1（行政单位）或 2（事业单位），而不是“{0}”。',
    en: 'The unit type is 1 (行政单位) or 2 (事业单位), not "{0}".',
  },
  typeMismatch: {
    'zh-CN': '注意：统一社会信用代码第 2 位为“{0}”（{1}），与单位类型“{2}”不一致；检查时将报告 DA-UNIT-002。',
    en: 'Note: character 2 of the code is "{0}" ({1}), which does not agree with the unit type {2}; checking will report DA-UNIT-002.',
  },
  flagCode: {
    'zh-CN': '--unit-code 不是有效的统一社会信用代码：{0}',
    en: '--unit-code is not a valid unified social credit code: {0}',
  },
  flagName: { 'zh-CN': '--unit-name 不能为空', en: '--unit-name cannot be empty' },
  missingFlags: {
    'zh-CN': '不在终端中运行，无法提问：请用 {0} 给出',
    en: 'Not run in a terminal, so nothing can be asked: give {0}',
  },
  cancelled: { 'zh-CN': '已取消，未写入任何文件', en: 'Cancelled; nothing was written' },
  exists: {
    'zh-CN': '以下文件已存在，未写入任何文件（加 --force 覆盖）：{0}',
    en: 'These files exist already; nothing was written (add --force to overwrite them): {0}',
  },
  notWritable: {
    'zh-CN': '无法写入 {0}（{1}），未写入任何文件',
    en: 'Cannot write {0} ({1}); nothing was written',
  },
  created: { 'zh-CN': '已在 {0} 创建：', en: 'Created in {0}:' },
  next: {
    'zh-CN':
      '下一步：把示例资源和资产改为本单位的实际内容（在 VS Code 中打开此文件夹可获得提示和检查），然后运行 npx steward validate。',
    en: "Next: change the example resource and asset into the unit's own (open the folder in VS Code for hints and checks), then run npx steward validate.",
  },
};

const { t } = translator(MESSAGES);

/** The flags `steward init` reads (parseArgs values). */
export interface InitFlags {
  'unit-name'?: string;
  'unit-code'?: string;
  'unit-type'?: string;
  'supervising-department'?: string;
  force?: boolean;
}

/** A unit type from 1/2, the name, or its first two characters (行政, 事业); undefined for anything else. */
export function parseUnitType(answer: string): UnitType | undefined {
  const value = answer.trim();
  if (value === '1') return '行政单位';
  if (value === '2') return '事业单位';
  return UNIT_TYPES.find((type) => value === type || (value.length >= 2 && type.startsWith(value)));
}

/** Why a code is not valid, in the user's language; undefined when it is. */
function codeProblem(code: string, locale: Locale): string | undefined {
  const problems = checkUscc(code);
  if (problems.length === 0) return undefined;
  return problems.map((problem) => problem.message[locale]).join(locale === 'zh-CN' ? '；' : '; ');
}

/** The note printed when the code's kind character says the other unit type (DA-UNIT-002 would report it). */
function mismatchNote(code: string, type: UnitType, locale: Locale): string | undefined {
  const kind = usccKind(code);
  if (!kind?.impliedUnitType || kind.impliedUnitType === type) return undefined;
  return t(locale, 'typeMismatch', kind.kind, kind.kindName?.[locale] ?? '', type);
}

/** The answers the flags give, or a usage error for a bad one; missing ones stay undefined. */
function answersFromFlags(flags: InitFlags, locale: Locale): Partial<UnitAnswers> {
  const answers: Partial<UnitAnswers> = {};
  if (flags['unit-name'] !== undefined) {
    answers.name = flags['unit-name'].trim();
    if (answers.name === '') throw new UsageError(t(locale, 'flagName'));
  }
  if (flags['unit-code'] !== undefined) {
    const code = flags['unit-code'].trim();
    const problem = codeProblem(code, locale);
    if (problem) throw new UsageError(t(locale, 'flagCode', problem));
    answers.code = code;
  }
  if (flags['unit-type'] !== undefined) {
    answers.type = parseUnitType(flags['unit-type']);
    if (!answers.type) throw new UsageError(t(locale, 'badType', flags['unit-type']));
  }
  if (flags['supervising-department'] !== undefined)
    answers.supervisingDepartment = flags['supervising-department'].trim();
  return answers;
}

/** Asks on the terminal for what the flags left out; a wrong answer is explained and asked again. */
async function askMissing(given: Partial<UnitAnswers>, io: Io, locale: Locale): Promise<UnitAnswers> {
  // Loaded here: every other command would pay for it at start-up.
  const readline = require('node:readline/promises') as typeof import('node:readline/promises');
  const rl = readline.createInterface({ input: io.stdin!, output: io.stdout as NodeJS.WritableStream, terminal: true });
  const closed = new AbortController();
  rl.on('close', () => closed.abort());
  // Ctrl-C at a question ends the command (readline would otherwise only pause).
  rl.on('SIGINT', () => rl.close());
  const ask = async (question: string) => (await rl.question(question, { signal: closed.signal })).trim();
  const say = (text: string) => io.stdout.write(terminalText(text) + '\n');
  try {
    let name = given.name;
    while (!name) {
      name = await ask(t(locale, 'askName'));
      if (!name) say(t(locale, 'emptyName'));
    }
    let code = given.code;
    while (!code) {
      const answer = await ask(t(locale, 'askCode'));
      const problem = codeProblem(answer, locale);
      if (problem) say(t(locale, 'badCode', problem));
      else code = answer;
    }
    let type = given.type;
    const implied = usccKind(code)?.impliedUnitType;
    while (!type) {
      const answer = await ask(t(locale, 'askType', implied ? t(locale, 'typeDefault', implied) : ''));
      type = answer === '' ? implied : parseUnitType(answer);
      if (!type && answer !== '') say(t(locale, 'badType', answer));
    }
    const note = given.type ? undefined : mismatchNote(code, type, locale);
    if (note) say(note);
    const supervisingDepartment = given.supervisingDepartment ?? (await ask(t(locale, 'askDepartment')));
    return { name, code, type, supervisingDepartment };
  } finally {
    rl.close();
  }
}

/** Whether a path exists in any form (a dangling link counts: writing there would follow it). */
function exists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Removes a folder this run made, if it is empty (it holds only what was there before otherwise). */
function removeEmptyFolder(folder: string): void {
  try {
    fs.rmdirSync(folder);
  } catch {
    // Not empty or already gone: leave it.
  }
}

/** The folders `mkdir -p dir` would create, outermost first. */
function missingFolders(dir: string): string[] {
  const missing: string[] = [];
  for (let at = dir; !exists(at); at = path.dirname(at)) {
    missing.unshift(at);
    if (path.dirname(at) === at) break;
  }
  return missing;
}

/**
 * Writes the files all or none: temporary files beside their targets first, then all moved into place together
 * (commitFiles: without `force` a target that appeared meanwhile fails them all; with it, a replaced file is put
 * back if a later one fails). On failure everything this call made is removed and the error names the file.
 * Returns the targets.
 */
function writeAll(dir: string, files: InitFile[], force: boolean): string[] {
  const targets = files.map((file) => path.join(dir, ...file.path.split('/')));
  const made = [...new Set(targets.map((target) => path.dirname(target)))].flatMap(missingFolders);
  const temps: string[] = [];
  let current = dir;
  try {
    for (const folder of made) {
      current = folder;
      fs.mkdirSync(folder, { recursive: true });
    }
    files.forEach((file, i) => {
      current = targets[i];
      const temp = path.join(path.dirname(current), `.${path.basename(current)}.${process.pid}.steward-init`);
      fs.writeFileSync(temp, file.text, { flag: 'wx' });
      temps.push(temp);
    });
    commitFiles(
      temps.map((temporary, i) => ({ temporary, target: targets[i] })),
      { replace: force },
    );
    return targets;
  } catch (error) {
    for (const temp of temps) fs.rmSync(temp, { force: true });
    for (const folder of [...made].reverse()) removeEmptyFolder(folder);
    if (error instanceof CommitError) throw error;
    throw Object.assign(error as Error, { file: current });
  }
}

export async function initCommand(args: string[], flags: InitFlags, io: Io, locale: Locale): Promise<number> {
  const dir = path.resolve(io.cwd, args[0] ?? '.');
  const given = answersFromFlags(flags, locale);
  const interactive = Boolean(io.stdin?.isTTY && io.stdout.isTTY);
  if (!interactive) {
    const missing = (['unit-name', 'unit-code', 'unit-type'] as const).filter((flag) => flags[flag] === undefined);
    if (missing.length > 0) throw new UsageError(t(locale, 'missingFlags', missing.map((f) => `--${f}`).join(', ')));
  }
  let answers: UnitAnswers;
  try {
    answers = interactive ? await askMissing(given, io, locale) : (given as UnitAnswers);
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw new UsageError(t(locale, 'cancelled'));
    throw error;
  }
  if (!interactive && given.type) {
    const note = mismatchNote(answers.code, answers.type, locale);
    if (note) io.stderr.write(`steward: ${terminalText(note)}\n`);
  }
  const files = initFiles(answers, new Date().toISOString().slice(0, 10));
  const shown = (file: string) => displayPath(file, io.cwd);
  const taken = files.map((file) => path.join(dir, ...file.path.split('/'))).filter(exists);
  if (taken.length > 0 && !flags.force)
    throw new UsageError(t(locale, 'exists', taken.map((file) => `\n  ${shown(file)}`).join('')));
  let written: string[];
  try {
    written = writeAll(dir, files, Boolean(flags.force));
  } catch (error) {
    const { code, file } = error as NodeJS.ErrnoException & { file: string };
    if (!code) throw error;
    throw new UsageError(t(locale, 'notWritable', shown(file), code));
  }
  io.stdout.write(terminalText(t(locale, 'created', shown(dir))) + '\n');
  for (const file of written) io.stdout.write(`  ${terminalText(path.relative(dir, file))}\n`);
  io.stdout.write(terminalText(t(locale, 'next')) + '\n');
  return 0;
}
