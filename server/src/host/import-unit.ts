/**
 * The unit an import into a folder belongs to when the spreadsheet names none: that of a catalog or register already
 * in the folder (a unit keeps its catalog and its register side by side). Only the head of each file is read, up to
 * its item list, so a large register costs one small read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createStewardService, documentUnit, IMPORT_PLACEHOLDER } from '../service';
import type { UnitFields } from '../service';

/** Enough for any document head (apiVersion, kind, asOf, unit with its person); the items follow it. */
const HEAD_BYTES = 64 * 1024;
const STEWARD_FILE = /\.(catalog|assets)\.ya?ml$/;
/** Where a document's head ends: its item list, or the next document. */
const HEAD_END = /^(?:resources:|assets:|---|\.\.\.)/m;
const FIELDS = ['name', 'code', 'type', 'supervisingDepartment'] as const;

/** The unit's fields named by the first steward document in `folder` (not below it), with its file name. */
export function unitInFolder(folder: string): { unit: UnitFields; file: string } | undefined {
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((name) => STEWARD_FILE.test(name));
  } catch {
    return undefined;
  }
  const service = createStewardService();
  for (const name of names.sort()) {
    const unit = unitOfHead(service, path.join(folder, name));
    if (unit) return { unit, file: name };
  }
  return undefined;
}

function unitOfHead(service: ReturnType<typeof createStewardService>, file: string): UnitFields | undefined {
  const head = readHead(file);
  if (head === undefined) return undefined;
  const parsed = service.parse(file, head);
  const document = parsed.documents[0];
  const unit = document && documentUnit(document);
  if (typeof unit !== 'object' || unit === null) return undefined;
  const fields: UnitFields = {};
  for (const key of FIELDS) {
    const value = (unit as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.trim() !== '' && value !== IMPORT_PLACEHOLDER) fields[key] = value;
  }
  return fields.name || fields.code ? fields : undefined;
}

/** The text before the first item list or document break, when the file is readable UTF-8 text. */
function readHead(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(HEAD_BYTES);
    const read = fs.readSync(fd, buffer, 0, HEAD_BYTES, 0);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(buffer.subarray(0, read));
    // The first line may itself be `---`: the head starts after it.
    const body = text.replace(/^\ufeff?(?:---[ \t]*\r?\n)?/, '');
    const end = HEAD_END.exec(body);
    return end ? body.slice(0, end.index) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
