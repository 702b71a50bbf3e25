/** Reading files as text: every I/O or encoding problem becomes a finding with a position, never a crash. */
import * as fs from 'node:fs';
import { findRule, ruleCitation } from '../service';
import type { Finding, LocalizedText } from '../service';
import { hostMessage, hostText } from './messages';

export type ReadResult = { ok: true; text: string } | { ok: false; finding: Finding };

export interface ReadOptions {
  maxBytes: number;
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

export function readTextFile(file: string, options: ReadOptions): ReadResult {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory())
      return {
        ok: false,
        finding: fileFinding('DA-FILE-001', {
          'zh-CN': hostText('zh-CN', 'unreadable', hostText('zh-CN', 'isDirectory')),
          en: hostText('en', 'unreadable', hostText('en', 'isDirectory')),
        }),
      };
    if (stat.size > options.maxBytes) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      return {
        ok: false,
        finding: fileFinding('DA-FILE-004', hostMessage('tooLarge', mb(stat.size), mb(options.maxBytes))),
      };
    }
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, finding: fileFinding('DA-FILE-001', hostMessage('unreadable', code)) };
  }
  return decodeText(bytes);
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
