/**
 * A look at an xlsx's zip directory before any of it is inflated: exceljs's streaming reader (through unzipper)
 * inflates each entry as it comes and may spill a sheet to a temporary file, so a zip bomb (a tiny file whose sheet
 * XML inflates to gigabytes) must be refused from the sizes the central directory declares. A truncated file has
 * no end-of-directory record; an encrypted workbook (or an old .xls) is an OLE compound file, not a zip at all.
 */
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';

/** Refused: more than this inflated in all. */
export const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;
/** Refused: an entry inflating to more than MAX_RATIO_FROM bytes at more than MAX_RATIO times its packed size. */
export const MAX_RATIO = 200;
export const MAX_RATIO_FROM = 32 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  packed: number;
  inflated: number;
  /** Offset of the entry's local header. */
  offset: number;
}

export type ZipVerdict =
  | { ok: true; entries: ZipEntry[] }
  | {
      ok: false;
      reason: 'ole' | 'not-zip' | 'truncated' | 'zip64' | 'bomb';
      entry?: string;
      inflated?: number;
      packed?: number;
    };

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function checkZip(file: string): ZipVerdict {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(8);
    fs.readSync(fd, head, 0, 8, 0);
    if (head.equals(OLE_SIGNATURE)) return { ok: false, reason: 'ole' };
    if (head.readUInt32LE(0) !== 0x04034b50) return { ok: false, reason: 'not-zip' };
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    fs.readSync(fd, tail, 0, tailLength, size - tailLength);
    let end = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        end = i;
        break;
      }
    }
    if (end < 0) return { ok: false, reason: 'truncated' };
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (count === 0xffff || directoryOffset === 0xffffffff) return { ok: false, reason: 'zip64' };
    if (directoryOffset + directorySize > size - tailLength + end) return { ok: false, reason: 'truncated' };
    const directory = Buffer.alloc(directorySize);
    fs.readSync(fd, directory, 0, directorySize, directoryOffset);
    const entries: ZipEntry[] = [];
    let total = 0;
    for (let at = 0, n = 0; n < count; n++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50)
        return { ok: false, reason: 'truncated' };
      const packed = directory.readUInt32LE(at + 20);
      const inflated = directory.readUInt32LE(at + 24);
      const nameLength = directory.readUInt16LE(at + 28);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      if (packed === 0xffffffff || inflated === 0xffffffff) return { ok: false, reason: 'zip64', entry: name };
      total += inflated;
      if (total > MAX_INFLATED_BYTES || (inflated > MAX_RATIO_FROM && inflated > packed * MAX_RATIO))
        return { ok: false, reason: 'bomb', entry: name, inflated, packed };
      entries.push({
        name,
        method: directory.readUInt16LE(at + 10),
        packed,
        inflated,
        offset: directory.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    return { ok: true, entries };
  } finally {
    fs.closeSync(fd);
  }
}

/** One entry's bytes, inflated (its size already checked by checkZip); undefined when it cannot be read. */
export function readEntry(file: string, entry: ZipEntry): Buffer | undefined {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(30);
    fs.readSync(fd, header, 0, 30, entry.offset);
    if (header.readUInt32LE(0) !== 0x04034b50) return undefined;
    const start = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const packed = Buffer.alloc(entry.packed);
    fs.readSync(fd, packed, 0, entry.packed, start);
    if (entry.method === 0) return packed;
    if (entry.method !== 8) return undefined;
    return zlib.inflateRawSync(packed, { maxOutputLength: Math.max(entry.inflated, 1) });
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}
