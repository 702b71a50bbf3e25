/**
 * The language server's `steward.report` (workspace/executeCommand), as the VS Code preview calls it: over stdio,
 * the HTML report of the workspace folder (or the folder named), with work-done progress, bad input as a
 * ResponseError.
 */
import * as assert from 'node:assert/strict';
import { ErrorCodes } from 'vscode-languageserver-protocol/node';
import type { WorkDoneProgressBegin } from 'vscode-languageserver-protocol/node';
import { failure, LspClient } from './lsp-client';
import { tempDir } from './helpers';
import { REPORT_COMMAND, SHEET_INPUT_ERROR } from '../server/src/protocol';
import type { ReportAnswer } from '../server/src/protocol';
import { FIXTURE_UNITS, multiUnitFolder } from './report-fixture';

describe('lsp: steward.report (workspace/executeCommand)', function () {
  this.timeout(60_000);
  let client: LspClient;
  afterEach(async () => client?.close());

  it('answers the HTML report of the workspace folder, with progress on the client token', async () => {
    const folder = multiUnitFolder();
    client = new LspClient();
    await client.ready(folder, 'zh-CN');
    const answer = await client.request<ReportAnswer>('workspace/executeCommand', {
      command: REPORT_COMMAND,
      workDoneToken: 'report-1',
    });
    assert.equal(answer.year, 2025);
    assert.equal(answer.asOf, '2025-12-31');
    assert.deepEqual(answer.units.map((unit) => unit.name).sort(), FIXTURE_UNITS.map((unit) => unit.name).sort());
    assert.match(answer.html, /^<!DOCTYPE html>/);
    assert.match(answer.html, /<h1>2025 年度数据资产报告<\/h1>/);
    assert.ok(answer.html.includes('<h2>某县教育局</h2>'));
    assert.ok(answer.html.includes('&lt;img src=x onerror=alert(1)&gt;某县第一中学'));
    assert.ok((answer.html.match(/<svg /g) ?? []).length >= 8, 'the charts are drawn');
    const progress = client.progressEvents.filter((e) => e.token === 'report-1').map((e) => e.value);
    assert.equal((progress[0] as WorkDoneProgressBegin).kind, 'begin');
    assert.equal((progress[0] as WorkDoneProgressBegin).title, '正在生成数据资产报告');
    assert.deepEqual(progress.at(-1), { kind: 'end' });
  });

  it('reports the folder it is given, for the year asked, in the server locale', async () => {
    const folder = multiUnitFolder(FIXTURE_UNITS.slice(0, 1));
    client = new LspClient();
    await client.ready(tempDir(), 'en');
    const answer = await client.request<ReportAnswer>('workspace/executeCommand', {
      command: REPORT_COMMAND,
      arguments: [{ folder, year: 2024 }],
    });
    assert.equal(answer.year, 2024);
    assert.deepEqual(
      answer.units.map((unit) => unit.name),
      [FIXTURE_UNITS[0].name],
    );
    assert.match(answer.html, /<h1>Data asset report 2024<\/h1>/);
  });

  it('a folder with no catalog or register, and a bad argument, answer with errors that say so', async () => {
    const empty = tempDir({ 'notes.txt': 'nothing to report' });
    client = new LspClient();
    await client.ready(empty, 'en');
    const none = await failure(client.request('workspace/executeCommand', { command: REPORT_COMMAND }));
    assert.equal(none.code, SHEET_INPUT_ERROR);
    assert.match(none.message, /No files for the report were found/);
    const bad = await failure(
      client.request('workspace/executeCommand', { command: REPORT_COMMAND, arguments: [{ year: 'last' }] }),
    );
    assert.equal(bad.code, ErrorCodes.InvalidParams);
    assert.match(bad.message, /steward\.report/);
  });
});
