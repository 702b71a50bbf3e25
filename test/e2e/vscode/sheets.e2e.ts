/**
 * "Import Spreadsheet…" and "Export…" in VS Code: the language server does the work (steward.importSheet /
 * steward.exportSheet), the extension opens the result. Driven once through the pickers as a person would (the
 * runner types into the web workbench's file dialog, a quick input), and with the choices given as the command's
 * argument. The outputs go to temporary folders, outside the example workspace the other tests check.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import ExcelJS from 'exceljs';
import { post } from './failure-screen';
import { activateExtension, diagnosticsWhen, ruleIdOf, workspaceUri } from './helpers';

/** The repository (this file runs as out/e2e/vscode/sheets.e2e.js). */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'editor', 'bus-catalog.csv');

interface ImportAnswer {
  written: string[];
  items: number;
  findings: Array<{ cell?: string; finding: { ruleId: string } }>;
}
interface ExportAnswer {
  written: string[];
  items: number;
}

const made: string[] = [];
function outputFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-e2e-sheets-'));
  made.push(dir);
  return dir;
}

/**
 * Types `value` into the quick input titled `title` once it shows, after what it holds (the runner does it); a file
 * dialog's once its box holds `startsIn`, the folder it opens in.
 */
async function typeInto(title: string, value: string, startsIn?: string): Promise<void> {
  const url = process.env.STEWARD_E2E_QUICK_INPUT_URL;
  if (!url) throw new Error('STEWARD_E2E_QUICK_INPUT_URL is not set: run the suite with test/e2e/run-vscode.mjs');
  // Longer than the runner's own waits, so that its answer says which step failed.
  await post(url, JSON.stringify({ title, value, startsIn }), 50_000);
}

/** The imported YAML is open in the editor, and the server's findings on it are in the Problems panel. */
async function assertOpenedWithFindings(answer: ImportAnswer | undefined): Promise<void> {
  assert.ok(answer, 'the import answered');
  assert.equal(answer.items, 2);
  const opened = vscode.window.activeTextEditor?.document.uri;
  assert.equal(opened?.fsPath, answer.written[0], 'the first YAML written is opened');
  const document = await vscode.workspace.openTextDocument(opened!);
  // 普通数据, the second resource's 数据分级, kept verbatim: the server's DA-SCHEMA-003 is on its line.
  const onGrade = (d: vscode.Diagnostic) =>
    ruleIdOf(d) === 'DA-SCHEMA-003' && document.lineAt(d.range.start.line).text.includes('securityGrade: 普通数据');
  await diagnosticsWhen(opened!, (all) => all.some(onGrade), 'DA-SCHEMA-003 on the 数据分级 kept verbatim');
  assert.ok(
    answer.findings.some((f) => f.finding.ruleId === 'DA-SCHEMA-003' && f.cell === 'bus-catalog!F3'),
    'the answer names the cell the value came from',
  );
}

describe('spreadsheets: Import Spreadsheet… and Export…', function () {
  before(async () => {
    await activateExtension();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('through the pickers: the CSV and the folder chosen in the file dialogs, the YAML opened with its findings', async () => {
    // The dialogs open in the workspace folder: the spreadsheet is put there, and a folder for the YAML beside it.
    const sheet = workspaceUri('bus-catalog.csv').fsPath;
    const out = workspaceUri('imported').fsPath;
    fs.copyFileSync(FIXTURE, sheet);
    fs.mkdirSync(out);
    made.push(sheet, out);
    const running = vscode.commands.executeCommand<ImportAnswer | undefined>('steward.importSpreadsheet');
    const folder = workspaceUri().path;
    await typeInto('Import a spreadsheet', 'bus-catalog.csv', folder);
    // Typing the slash opens the folder in the dialog; Enter then chooses it.
    await typeInto('Folder for the YAML files', 'imported/', folder);
    // The folder holds no catalog or register to take the unit from: it is asked, the type picked by typing it.
    await typeInto('Unit name (单位名称)', '某市公共交通集团');
    await typeInto('Unified social credit code (统一社会信用代码)', '12330100MB0000000X');
    await typeInto('Unit type (单位类型)', '事业单位');
    const answer = await running;
    await assertOpenedWithFindings(answer);
    assert.ok(answer!.written[0].startsWith(out + path.sep), answer!.written[0]);
    const written = fs.readFileSync(answer!.written[0], 'utf8');
    assert.match(written, /\nunit:\n {2}name: 某市公共交通集团\n {2}code: 12330100MB0000000X\n {2}type: 事业单位\n/);
  });

  it('with the file and folder given: imports the committed CSV and opens the YAML with its findings', async () => {
    const out = outputFolder();
    // A unit's folder with its register: the unit is not asked but taken from the register.
    fs.copyFileSync(
      workspaceUri('transport-bureau', 'transport.assets.yaml').fsPath,
      path.join(out, 'transport.assets.yaml'),
    );
    const answer = await vscode.commands.executeCommand<ImportAnswer | undefined>('steward.importSpreadsheet', {
      file: vscode.Uri.file(FIXTURE),
      outDir: vscode.Uri.file(out),
    });
    await assertOpenedWithFindings(answer);
    assert.match(
      fs.readFileSync(answer!.written[0], 'utf8'),
      /\nunit: {2}# 单位信息取自输出目录中的 transport\.assets\.yaml\n {2}name: 某市交通运输局\n/,
    );
  });

  it('exports the transport bureau to xlsx: the workbook holds its six assets', async () => {
    const out = path.join(outputFolder(), 'ledger.xlsx');
    const answer = await vscode.commands.executeCommand<ExportAnswer | undefined>('steward.exportSpreadsheet', {
      paths: [workspaceUri('transport-bureau')],
      format: 'xlsx',
      out: vscode.Uri.file(out),
    });
    assert.ok(answer, 'the export answered');
    assert.deepEqual(answer.written, [out]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const assets = workbook.getWorksheet('数据资产');
    assert.ok(assets, `sheets: ${workbook.worksheets.map((w) => w.name).join(', ')}`);
    assert.equal(assets.actualRowCount, 7, 'a header row and six assets');
  });
});
