/**
 * The way out and back in: `steward export` to xlsx, then `steward import` of that workbook, gives documents with
 * the same data as the YAML they came from (issue 17), for every valid example and a generated register. Comments
 * (and so waivers) are not data and do not travel; everything else must.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ROOT, runCli, tempDir } from './helpers';

/**
 * The documents of a YAML file as data, read by the yaml package (not by steward): integers a double cannot hold
 * exactly (an 18-digit 统一社会信用代码 written bare) are the digits as written, as steward reads them.
 */
const GENERATE = path.join(ROOT, 'bench', 'generate.mjs');

function documentsOf(file: string): unknown[] {
  return parseAllDocuments(readFileSync(file, 'utf8'), { intAsBigInt: true }).map((document) =>
    exactNumbers(document.toJS()),
  );
}

function exactNumbers(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (Array.isArray(value)) return value.map(exactNumbers);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, exactNumbers(v)]));
  }
  return value;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(catalog|assets)\.ya?ml$/.test(name))
    .sort();
}

function roundTrip(source: string): string {
  const work = tempDir();
  const xlsx = path.join(work, 'ledger.xlsx');
  const exported = runCli(['export', source, '--format', 'xlsx', '--out', xlsx]);
  assert.equal(exported.code, 0, exported.stderr);
  const out = path.join(work, 'imported');
  const imported = runCli(['import', xlsx, '--out', out]);
  assert.equal(imported.code, 0, imported.stderr);
  return out;
}

describe('spreadsheet round trip: import(export(x)) = x', function () {
  this.timeout(60_000);

  it('examples/transport-bureau: every file, every document, every field', () => {
    assertSameData(path.join(ROOT, 'examples', 'transport-bureau'), 2);
  });

  it('a generated catalog and register of 300 assets (bench/generate.mjs): every field, lists and child rows', () => {
    const source = tempDir();
    const generated = spawnSync(process.execPath, [GENERATE, '--assets', '300', '--out', source], { encoding: 'utf8' });
    assert.equal(generated.status, 0, generated.stderr);
    assertSameData(source, 2);
  });
});

function assertSameData(source: string, fileCount: number): void {
  const out = roundTrip(source);
  const files = yamlFiles(source);
  assert.equal(files.length, fileCount);
  assert.deepEqual(yamlFiles(out), files);
  for (const file of files) {
    assert.deepEqual(documentsOf(path.join(out, file)), documentsOf(path.join(source, file)), file);
  }
}
