/**
 * No socket, ever: the language server runs a whole session under a preload that turns every socket Node can open
 * into a logged failure (test/no-network.ts), and its file descriptors are read from /proc while it runs.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MINIMAL_CATALOG, MINIMAL_REGISTER, ROOT, tempDir } from './helpers';
import { LspClient, SERVER, uriOf } from './lsp-client';

const PRELOAD = path.join(ROOT, 'out', 'test', 'no-network.js');
/** What the preload writes for each attempt. */
const MARKER = 'NETWORK-ATTEMPT';

describe('lsp: the server opens no socket', function () {
  this.timeout(60_000);
  let client: LspClient;
  afterEach(async () => client?.close());

  it('the preload catches a connect, a listen, a UDP send, a DNS lookup and an HTTP request', () => {
    const attempts = [
      "require('node:net').connect(9, '127.0.0.1')",
      "require('node:net').createServer().listen(0)",
      "require('node:dgram').createSocket('udp4').send('x', 9, '127.0.0.1')",
      "require('node:dns').lookup('example.invalid', () => {})",
      "require('node:http').get('http://127.0.0.1:9/')",
    ];
    for (const code of attempts) {
      const run = spawnSync(process.execPath, ['--require', PRELOAD, '-e', code], { encoding: 'utf8' });
      assert.match(run.stderr, new RegExp(`^${MARKER} `, 'm'), code);
      assert.notEqual(run.status, 0, code);
    }
  });

  it('a whole session (indexing, edits, every request, a reload, shutdown) tries none, and holds no socket', async () => {
    const dir = tempDir({
      'steward.config.yaml': 'codeTable: codes.csv\n',
      'codes.csv':
        'code,name,parent\nA08000000,无形资产,\nA08060000,信息数据类无形资产,A08000000\nA08060200,数据,A08060000\nA08060201,结构化数据,A08060200\n',
      'a.catalog.yaml': MINIMAL_CATALOG,
      'b.assets.yaml': MINIMAL_REGISTER,
    });
    client = new LspClient(['--require', PRELOAD, SERVER, '--stdio']);
    let stderr = '';
    client.process.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
    await client.ready(dir);
    const uri = uriOf(path.join(dir, 'c.assets.yaml'));
    client.open(uri, MINIMAL_REGISTER.replace('DA-2024-0001', 'DA-2024-0001'));
    await client.diagnosticsFor(uri, (p) => p.version === 1);
    const line = MINIMAL_REGISTER.split('\n').findIndex((l) => l.includes('resource:'));
    const version = client.change(uri, { start: { line, character: 4 }, end: { line, character: 4 } }, '');
    await client.diagnosticsFor(uri, (p) => p.version === version);
    const textDocument = { uri };
    const position = { line, character: 16 };
    await client.request('textDocument/hover', { textDocument, position });
    await client.request('textDocument/completion', { textDocument, position });
    await client.request('textDocument/definition', { textDocument, position });
    await client.request('textDocument/references', { textDocument, position, context: { includeDeclaration: true } });
    await client.request('textDocument/documentSymbol', { textDocument });
    await client.request('textDocument/codeAction', {
      textDocument,
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
      context: { diagnostics: [], only: ['quickfix', 'source.fixAll.steward'] },
    });
    await client.request('steward/rules', undefined);
    await client.request('steward/validateWorkspace', undefined);
    // Its stdio are sockets (libuv makes a child's stdio pipes as socket pairs): any other one is not.
    const sockets = fs
      .readdirSync(`/proc/${client.process.pid}/fd`)
      .filter((fd) => Number(fd) > 2)
      .map((fd) => {
        try {
          return fs.readlinkSync(`/proc/${client.process.pid}/fd/${fd}`);
        } catch {
          return ''; // closed meanwhile
        }
      })
      .filter((target) => target.startsWith('socket:'));
    assert.deepEqual(sockets, []);
    await client.close();
    assert.doesNotMatch(stderr, new RegExp(MARKER));
  });
});
