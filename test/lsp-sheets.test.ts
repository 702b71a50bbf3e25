/**
 * The language server's `steward.importSheet` and `steward.exportSheet` (workspace/executeCommand), as the VS Code
 * extension calls them: over stdio, with the client's work-done token, the answer the CLI's own import and export
 * give, and bad input as a ResponseError that says where.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ResponseError } from 'vscode-languageserver-protocol/node';
import type { WorkDoneProgressBegin, WorkDoneProgressReport } from 'vscode-languageserver-protocol/node';
import { failure, LspClient } from './lsp-client';
import { ROOT, tempDir } from './helpers';
import { EXPORT_SHEET_COMMAND, IMPORT_SHEET_COMMAND, REPORT_COMMAND, SHEET_INPUT_ERROR } from '../server/src/protocol';
import type { ExportSheetAnswer, ImportSheetAnswer, SheetPlace } from '../server/src/protocol';
import { sheetErrorText } from '../client/src/sheet-errors';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'editor', 'bus-catalog.csv');
const TRANSPORT = path.join(ROOT, 'examples', 'transport-bureau');

type Progress = WorkDoneProgressBegin | WorkDoneProgressReport | { kind: 'end' };

/** Runs a command with a work-done token of the client's, as vscode-languageclient does; its progress too. */
async function execute<T>(
  client: LspClient,
  command: string,
  argument: unknown,
): Promise<{ answer: T; progress: Progress[] }> {
  const token = `test-${command}-${client.progressEvents.length}`;
  const answer = await client.request<T>('workspace/executeCommand', {
    command,
    arguments: [argument],
    workDoneToken: token,
  });
  const progress = client.progressEvents.filter((event) => event.token === token).map((event) => event.value);
  return { answer, progress: progress as Progress[] };
}

describe('lsp: spreadsheet commands (workspace/executeCommand)', function () {
  this.timeout(60_000);
  let client: LspClient;
  afterEach(async () => client?.close());

  it('offers steward.importSheet and steward.exportSheet (and steward.report)', async () => {
    client = new LspClient();
    const result = (await client.initialize(tempDir())) as {
      capabilities: { executeCommandProvider?: { commands: string[] } };
    };
    assert.deepEqual(result.capabilities.executeCommandProvider?.commands, [
      IMPORT_SHEET_COMMAND,
      EXPORT_SHEET_COMMAND,
      REPORT_COMMAND,
    ]);
  });

  it('imports a CSV into YAML, with progress on the client token, findings naming their cells', async () => {
    client = new LspClient();
    const out = tempDir();
    await client.ready(out);
    const { answer, progress } = await execute<ImportSheetAnswer>(client, IMPORT_SHEET_COMMAND, {
      file: FIXTURE,
      outDir: out,
    });
    assert.equal(answer.items, 2);
    assert.equal(answer.written.length, 1);
    assert.ok(answer.written[0].startsWith(out + path.sep), answer.written[0]);
    assert.match(fs.readFileSync(answer.written[0], 'utf8'), /kind: DataResourceCatalog/);
    // 普通数据, the second resource's 数据分级 (column F, row 3), kept verbatim and reported at its cell.
    const grade = answer.findings.find((f) => f.finding.ruleId === 'DA-SCHEMA-003' && f.cell);
    assert.equal(grade?.cell, 'bus-catalog!F3', JSON.stringify(answer.findings));
    assert.deepEqual([progress[0]?.kind, progress.at(-1)?.kind], ['begin', 'end']);
    assert.match((progress[0] as WorkDoneProgressBegin).title, /Importing the spreadsheet/);
  });

  it('writes the unit it is given; else, field by field, that of a register already in the folder', async () => {
    client = new LspClient();
    const out = tempDir();
    await client.ready(out);
    const unit = { name: '某市公共交通集团', code: '12330100MB0000000X', type: '事业单位' };
    const given = await execute<ImportSheetAnswer>(client, IMPORT_SHEET_COMMAND, { file: FIXTURE, outDir: out, unit });
    const written = fs.readFileSync(given.answer.written[0], 'utf8');
    assert.match(written, /unit:\n {2}name: 某市公共交通集团\n {2}code: 12330100MB0000000X\n {2}type: 事业单位\n/);
    assert.doesNotMatch(written, /待填写/);

    // A unit folder with its register: the catalog imported into it names the register's unit, and says so.
    const folder = tempDir();
    fs.copyFileSync(path.join(TRANSPORT, 'transport.assets.yaml'), path.join(folder, 'transport.assets.yaml'));
    const { answer } = await execute<ImportSheetAnswer>(client, IMPORT_SHEET_COMMAND, {
      file: FIXTURE,
      outDir: folder,
      unit: { type: '行政单位' },
    });
    const catalog = fs.readFileSync(answer.written[0], 'utf8');
    assert.match(catalog, /\nunit: {2}# 单位信息取自输出目录中的 transport\.assets\.yaml\n {2}name: 某市交通运输局\n/);
    assert.match(
      catalog,
      /\n {2}code: "113301000025391739"\n {2}type: 行政单位\n {2}supervisingDepartment: 某市人民政府\n/,
    );
    assert.deepEqual(
      answer.findings.filter((f) => f.finding.ruleId.startsWith('DA-UNIT') || f.finding.ruleId === 'DA-TODO-001'),
      [],
    );
  });

  it('exports a folder to xlsx', async () => {
    client = new LspClient();
    const out = path.join(tempDir(), 'ledger.xlsx');
    await client.ready(TRANSPORT);
    const { answer, progress } = await execute<ExportSheetAnswer>(client, EXPORT_SHEET_COMMAND, {
      paths: [TRANSPORT],
      format: 'xlsx',
      out,
    });
    assert.deepEqual(answer.written, [out]);
    assert.equal(answer.items, 16, '10 resources and 6 assets');
    assert.equal(fs.readFileSync(out).subarray(0, 2).toString(), 'PK', 'a zip: an xlsx');
    assert.equal(progress.at(-1)?.kind, 'end', JSON.stringify(progress));
  });

  it('answers bad input with SHEET_INPUT_ERROR naming the file, and bad arguments with InvalidParams', async () => {
    client = new LspClient();
    const dir = tempDir({ 'broken.xlsx': 'not a zip at all' });
    await client.ready(dir);
    const bad = await failure(
      execute(client, IMPORT_SHEET_COMMAND, { file: path.join(dir, 'broken.xlsx'), outDir: dir }),
    );
    assert.equal(bad.code, SHEET_INPUT_ERROR);
    assert.match(bad.message, /broken\.xlsx/);
    assert.match((bad.data as SheetPlace).file, /broken\.xlsx/);
    assert.deepEqual(fs.readdirSync(dir), ['broken.xlsx'], 'nothing written');
    // What the extension shows: the server's message, the sheet and cell added when the message lacks them.
    assert.equal(sheetErrorText(bad), bad.message);
    assert.equal(
      sheetErrorText(
        new ResponseError(SHEET_INPUT_ERROR, 'No header row found', { file: 'a.xlsx', sheet: '目录', cell: 'A1' }),
      ),
      'No header row found (目录!A1)',
    );
    assert.equal(sheetErrorText(new ResponseError(-32603, 'internal')), undefined);

    const missing = await failure(execute(client, IMPORT_SHEET_COMMAND, { file: FIXTURE }));
    assert.equal(missing.code, -32602);
    assert.match(missing.message, /file, outDir/);
    const unit = await failure(
      execute(client, IMPORT_SHEET_COMMAND, { file: FIXTURE, outDir: dir, unit: { name: '某单位', head: '张三' } }),
    );
    assert.equal(unit.code, -32602);
    const format = await failure(execute(client, EXPORT_SHEET_COMMAND, { paths: [dir], format: 'ods', out: 'x' }));
    assert.equal(format.code, -32602);
  });
});
