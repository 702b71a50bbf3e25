import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { createStewardService, DEFAULT_MAX_ITEMS } from '../server/src/service';
import { LspClient, uriOf } from './lsp-client';
import { sizeFinding } from '../server/src/lsp/checks';
import { CONTRACT_CATALOG, MINIMAL_REGISTER, jsonReport, registerOf, runCli, tempDir } from './helpers';

const TODAY = '2026-11-26';

/** Every asset after the first has a code outside the data codes (DA-CODE-002): a checked file has findings. */
const badCodes = (count: number) => registerOf(count, (asset) => asset.replace('A08060201', 'A08060301'));

const shown = (findings: { ruleId: string; range: { start: { line: number; character: number } } }[]) =>
  findings.map((f) => [f.ruleId, f.range.start.line + 1, f.range.start.character + 1]);

describe('the item limit (DA-FILE-005)', () => {
  it('a register one item over the limit gets exactly the one finding, at its list key, and no other', () => {
    const service = createStewardService({ today: TODAY, maxItemsPerFile: 4 });
    const { findings } = service.validate('big.assets.yaml', badCodes(5));
    assert.deepEqual(shown(findings), [['DA-FILE-005', 8, 1]]);
    assert.equal(findings[0].severity, 'error');
    assert.equal(findings[0].clause, 'steward/v1');
    assert.equal(
      findings[0].message.en,
      'The assets list has 5 items, over the limit of 4 per file; the file was not checked. Split it into several files',
    );
    assert.equal(
      findings[0].message['zh-CN'],
      'assets 列表有 5 项，超过每个文件 4 项的上限，文件未作检查；请将其拆分为多个文件',
    );
    assert.deepEqual(findings[0].range.end, { line: 7, character: 'assets'.length });
    // Nothing of the file reaches the workspace index: its assets were never read.
    assert.deepEqual(service.index.get('big.assets.yaml')?.assets, []);
  });

  it('a register at the limit is checked item by item, as without a limit', () => {
    const atLimit = createStewardService({ today: TODAY, maxItemsPerFile: 5 }).validate('a.assets.yaml', badCodes(5));
    const unlimited = createStewardService({ today: TODAY, maxItemsPerFile: Infinity }).validate(
      'a.assets.yaml',
      badCodes(5),
    );
    assert.deepEqual(shown(atLimit.findings), shown(unlimited.findings));
    assert.equal(atLimit.findings.filter((f) => f.ruleId === 'DA-CODE-002').length, 4);
    assert.ok(!atLimit.findings.some((f) => f.ruleId === 'DA-FILE-005'));
  });

  it('counts resources of a catalog, in any document of the file', () => {
    const resources = CONTRACT_CATALOG.slice(CONTRACT_CATALOG.indexOf('resources:\n') + 'resources:\n'.length);
    const catalog = CONTRACT_CATALOG + resources.replace(/R-330100-JT-0001/g, 'R-330100-JT-0002');
    const file = `${MINIMAL_REGISTER}---\n${catalog}`;
    const service = createStewardService({ today: TODAY, maxItemsPerFile: 1 });
    const { findings } = service.validate('both.yaml', file);
    const keyLine = file.split('\n').indexOf('resources:') + 1;
    assert.deepEqual(shown(findings), [['DA-FILE-005', keyLine, 1]]);
    assert.match(findings[0].message.en, /^The resources list has 2 items, over the limit of 1 per file/);
  });

  it('an editor edit that takes a list over the limit, and back under it, gives the finding and then the checks', () => {
    const service = createStewardService({ today: TODAY, maxItemsPerFile: 3, incremental: true });
    const under = badCodes(3);
    assert.deepEqual(
      shown(service.validate('a.assets.yaml', under).findings).map(([id]) => id),
      ['DA-CODE-002', 'DA-CODE-002'],
    );
    const over = badCodes(4);
    assert.deepEqual(shown(service.validate('a.assets.yaml', over).findings), [['DA-FILE-005', 8, 1]]);
    assert.deepEqual(
      shown(service.validate('a.assets.yaml', under).findings).map(([id]) => id),
      ['DA-CODE-002', 'DA-CODE-002'],
    );
  });

  it('the default limit is 100,000 items', () => {
    assert.equal(DEFAULT_MAX_ITEMS, 100_000);
  });
});

describe('the item limit in the CLI and the server', function () {
  this.timeout(60_000);
  let client: LspClient | undefined;
  afterEach(async () => client?.close());

  it('steward validate --max-items-per-file reports the one finding; 0 lifts the limit', () => {
    const dir = tempDir({ 'big.assets.yaml': badCodes(3) });
    const over = runCli(['validate', 'big.assets.yaml', '--max-items-per-file', '2', '--format', 'json'], { cwd: dir });
    assert.equal(over.code, 1);
    const findings = jsonReport(over).files.flatMap((f) => f.findings);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.line, f.column]),
      [['DA-FILE-005', 8, 1]],
    );
    const unlimited = runCli(['validate', 'big.assets.yaml', '--max-items-per-file', '0', '--format', 'json'], {
      cwd: dir,
    });
    assert.deepEqual(
      jsonReport(unlimited)
        .files.flatMap((f) => f.findings)
        .map((f) => f.ruleId),
      ['DA-CODE-002', 'DA-CODE-002'],
    );
  });

  it('the server publishes the one finding for an opened document over the default limit', async () => {
    client = new LspClient();
    const dir = tempDir();
    await client.ready(dir);
    const uri = uriOf(path.join(dir, 'huge.assets.yaml'));
    // 100,001 one-line assets (about 1.6 MB): over the default limit, and cheap to send.
    const head = MINIMAL_REGISTER.slice(0, MINIMAL_REGISTER.indexOf('  - id'));
    const items: string[] = [];
    for (let n = 1; n <= DEFAULT_MAX_ITEMS + 1; n++) items.push(`  - id: DA-${n}\n`);
    client.open(uri, head + items.join(''));
    const published = await client.diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1]),
      [['DA-FILE-005', 8, 1]],
    );
    assert.match(published.diagnostics[0].message, /100,001 items, over the limit of 100,000 per file/);
  });
});

describe('an open document over the size limit (the server)', () => {
  it('is measured in UTF-8 bytes: DA-FILE-004 naming its size and the limit, nothing under the limit', () => {
    // 600 Chinese characters: 600 UTF-16 units, 1,800 bytes.
    const text = '资'.repeat(600);
    assert.equal(sizeFinding(text, 1800), undefined);
    const finding = sizeFinding(text, 1799);
    assert.equal(finding?.ruleId, 'DA-FILE-004');
    assert.equal(finding?.severity, 'error');
    assert.match(finding?.message.en ?? '', /^The file is 0\.0 MB, over the 0\.0 MB limit; not checked$/);
    assert.equal(sizeFinding('x'.repeat(600), 1799), undefined);
  });
});
