/**
 * Reading files and standard input: every read of the CLI and the language server goes through `readFileBytes`
 * (or `readStreamBytes` for standard input). A path must lead to a regular file (a FIFO, a device or a socket is
 * refused without a blocking open); the size limit holds while reading, so /dev/zero behind a symlink, a file that
 * grows, or endless standard input stop at the limit. Every I/O or encoding problem becomes a finding with a
 * position, never a crash or a hang.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findRule, ruleCitation } from '../service';
import type { Finding, Locale, LocalizedText } from '../service';
import { hostMessage, hostText } from './messages';

/**
 * The default size limit of every read (the CLI's --max-file-size, the server's files), in MB: the engine holds a
 * 66 MB register of 58,000 assets (342,000 findings) in ~660 MB; a 200 MB one exhausts the memory.
 */
export const DEFAULT_MAX_FILE_MB = 96;

export type ReadResult = { ok: true; text: string } | { ok: false; finding: Finding };

export interface ReadOptions {
  maxBytes: number;
  /** What raises the limit (`--max-file-size`), named in the message; none: the limit is fixed. */
  limitOption?: string;
  /**
   * The file opened must be in this folder, links resolved (a configured code table): checked on the opened
   * descriptor, so a link swapped in after the configuration was checked is refused too.
   */
  within?: string;
}

/** Why bytes could not be read. */
export type ReadFailure =
  | { kind: 'errno'; code: string }
  /** Not a regular file: a FIFO, a device, a socket or a directory (symlinks are followed first). */
  | { kind: 'not-regular'; what: FileKind }
  /** The file opened is out of `within` (its real path). */
  | { kind: 'outside'; folder: string }
  /** Over the limit: `size` when the file said so before reading, else reading stopped at the limit. */
  | { kind: 'too-large'; limit: number; size?: number; limitOption?: string };

export type BytesRead = { ok: true; bytes: Buffer } | { ok: false; failure: ReadFailure };

type FileKind = 'directory' | 'fifo' | 'charDevice' | 'blockDevice' | 'socket' | 'otherKind';

function kindOf(stat: fs.Stats): FileKind | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'directory';
  if (stat.isFIFO()) return 'fifo';
  if (stat.isCharacterDevice()) return 'charDevice';
  if (stat.isBlockDevice()) return 'blockDevice';
  if (stat.isSocket()) return 'socket';
  return 'otherKind';
}

/** Opening never waits for a FIFO's writer; it changes nothing for a regular file. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
const CHUNK = 1024 * 1024;

/**
 * The one way a file is read. `stat` first refuses what is not a regular file without opening it (opening a
 * device may act on it); the file is then opened once and `fstat` on that descriptor decides (it may have been
 * swapped in between); reading stops one byte past `maxBytes` whatever the file claimed its size was.
 */
export function readFileBytes(file: string, options: ReadOptions): BytesRead {
  const tooLarge = (size?: number): BytesRead => ({
    ok: false,
    failure: { kind: 'too-large', limit: options.maxBytes, size, limitOption: options.limitOption },
  });
  let fd: number;
  try {
    const before = kindOf(fs.statSync(file));
    if (before) return { ok: false, failure: { kind: 'not-regular', what: before } };
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (error) {
    return { ok: false, failure: { kind: 'errno', code: (error as NodeJS.ErrnoException).code ?? String(error) } };
  }
  try {
    const stat = fs.fstatSync(fd);
    const kind = kindOf(stat);
    if (kind) return { ok: false, failure: { kind: 'not-regular', what: kind } };
    if (options.within !== undefined && !isInside(openedPath(fd, file), options.within))
      return { ok: false, failure: { kind: 'outside', folder: options.within } };
    if (stat.size > options.maxBytes) return tooLarge(stat.size);
    const cap = new ByteCap(options.maxBytes);
    // One buffer for what the file says it holds and a byte more (to see that it ended); chunks if it holds more.
    let buffer = Buffer.allocUnsafe(Math.min(stat.size + 1, options.maxBytes + 1));
    let filled = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, filled, buffer.length - filled, null);
      if (read === 0) break;
      filled += read;
      if (filled < buffer.length) continue;
      if (!cap.add(buffer)) return tooLarge();
      buffer = Buffer.allocUnsafe(Math.min(CHUNK, options.maxBytes + 1 - cap.total));
      filled = 0;
    }
    if (!cap.add(buffer.subarray(0, filled))) return tooLarge();
    return { ok: true, bytes: cap.bytes() };
  } catch (error) {
    return { ok: false, failure: { kind: 'errno', code: (error as NodeJS.ErrnoException).code ?? String(error) } };
  } finally {
    fs.closeSync(fd);
  }
}

/** The real path of an opened file: its descriptor's link on Linux, else the path's own real path. */
function openedPath(fd: number, file: string): string {
  try {
    return fs.readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return fs.realpathSync(file);
  }
}

/** Whether `file` (a real path) is `folder` (real path taken here) or below it. */
function isInside(file: string, folder: string): boolean {
  let root = folder;
  try {
    root = fs.realpathSync(folder);
  } catch {
    // compared as given
  }
  const relative = path.relative(root, file);
  return relative === '' || (relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative));
}

/** Collects chunks up to a byte limit: `add` says false once the limit is passed (the bytes are then dropped). */
class ByteCap {
  total = 0;
  private chunks: Buffer[] = [];
  constructor(private readonly limit: number) {}

  add(chunk: Buffer): boolean {
    this.total += chunk.length;
    if (this.total > this.limit) {
      this.chunks = [];
      return false;
    }
    this.chunks.push(chunk);
    return true;
  }

  bytes(): Buffer {
    return this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.total);
  }
}

/** Standard input (or any stream) under the same limit: reading stops, and the stream is let go, at the limit. */
export function readStreamBytes(stream: NodeJS.ReadableStream, options: ReadOptions): Promise<BytesRead> {
  return new Promise((resolve) => {
    const cap = new ByteCap(options.maxBytes);
    const finish = (result: BytesRead): void => {
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer | string): void => {
      if (cap.add(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)) return;
      stream.pause();
      (stream as Partial<{ destroy(): void }>).destroy?.();
      finish({
        ok: false,
        failure: { kind: 'too-large', limit: options.maxBytes, limitOption: options.limitOption },
      });
    };
    const onEnd = (): void => finish({ ok: true, bytes: cap.bytes() });
    const onError = (error: NodeJS.ErrnoException): void =>
      finish({ ok: false, failure: { kind: 'errno', code: error.code ?? error.message } });
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}

const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);

/** Why a read failed, in words: for messages that are not findings (the configuration, a code table). */
export function failureText(failure: ReadFailure, locale: Locale): string {
  return failureMessage(failure).message[locale];
}

/** The finding (rule and message) a failed read of a checked file becomes. */
function failureMessage(failure: ReadFailure): { ruleId: string; message: LocalizedText } {
  if (failure.kind === 'errno') return { ruleId: 'DA-FILE-001', message: hostMessage('unreadable', failure.code) };
  if (failure.kind === 'outside') {
    const reason = (locale: Locale) => hostText(locale, 'outsideFolder', failure.folder);
    return {
      ruleId: 'DA-FILE-001',
      message: {
        'zh-CN': hostText('zh-CN', 'unreadable', reason('zh-CN')),
        en: hostText('en', 'unreadable', reason('en')),
      },
    };
  }
  if (failure.kind === 'not-regular') {
    const reason = (locale: Locale) => hostText(locale, 'notRegular', hostText(locale, failure.what));
    return {
      ruleId: 'DA-FILE-001',
      message: {
        'zh-CN': hostText('zh-CN', 'unreadable', reason('zh-CN')),
        en: hostText('en', 'unreadable', reason('en')),
      },
    };
  }
  const raise = (locale: Locale) => (failure.limitOption ? hostText(locale, 'raiseWith', failure.limitOption) : '');
  const text = (locale: Locale) =>
    failure.size !== undefined
      ? hostText(locale, 'overLimit', mb(failure.size), mb(failure.limit), raise(locale))
      : hostText(locale, 'stoppedAtLimit', mb(failure.limit), raise(locale));
  return { ruleId: 'DA-FILE-004', message: { 'zh-CN': text('zh-CN'), en: text('en') } };
}

/** A file-level finding, with its rule's severity and basis from the registry. */
function fileFinding(ruleId: string, message: LocalizedText, line = 0, character = 0): Finding {
  const position = { line, character };
  const rule = findRule(ruleId)!;
  return {
    ruleId,
    severity: rule.severity,
    message,
    range: { start: position, end: position },
    clause: ruleCitation(rule),
  };
}

/** A failed read as the file's finding. */
export function failureFinding(failure: ReadFailure): Finding {
  const { ruleId, message } = failureMessage(failure);
  return fileFinding(ruleId, message);
}

/** Reads a file as text (UTF-8): the result or the finding that says why not. */
export function readTextFile(file: string, options: ReadOptions): ReadResult {
  const read = readFileBytes(file, options);
  return read.ok ? decodeText(read.bytes) : { ok: false, finding: failureFinding(read.failure) };
}

/** Decodes UTF-8 (a BOM is dropped, as editors do); binary, UTF-16 and invalid UTF-8 are findings with a position. */
export function decodeText(bytes: Uint8Array): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, finding: fileFinding('DA-FILE-003', hostMessage('utf16')) };
  }
  const probe = Math.min(bytes.length, 8192);
  for (let i = 0; i < probe; i++) {
    if (bytes[i] === 0) {
      const where = positionOfByte(bytes, i);
      return {
        ok: false,
        finding: fileFinding('DA-FILE-002', hostMessage('binary', i + 1), where.line, where.character),
      };
    }
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const where = positionOfByte(bytes, bad);
    const hex = bytes[bad]?.toString(16).toUpperCase().padStart(2, '0') ?? '??';
    return {
      ok: false,
      finding: fileFinding('DA-FILE-003', hostMessage('invalidUtf8', hex), where.line, where.character),
    };
  }
}

/** Line and UTF-16 column of a byte offset, counting only the valid text before it. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; character: number } {
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const text = prefix.charCodeAt(0) === 0xfeff ? prefix.slice(1) : prefix;
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  let line = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return { line, character: text.length - lastBreak - 1 };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let codePoint = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (c & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
