/**
 * The language server's byte stream over stdio, written by hand: broken framing ends the server with a message on
 * stderr and exit code 2 (the editor restarts it), never a silent wedge; well-framed bad messages are answered
 * with JSON-RPC errors and the server goes on.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { SERVER } from './lsp-client';

interface Reply {
  id?: number | string | null;
  method?: string;
  result?: unknown;
  error?: { code: number; message: string };
  params?: { type: number; message: string };
}

/** The bundled server over stdio, fed raw bytes; its replies parsed from stdout (its own framing is good). */
class RawServer {
  readonly process: ChildProcess;
  readonly replies: Reply[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;
  private pending = Buffer.alloc(0);
  private waiters: Array<() => void> = [];

  constructor(args: string[] = []) {
    this.process = spawn(process.execPath, [SERVER, '--stdio', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stdout!.on('data', (data: Buffer) => this.read(data));
    this.process.stderr!.on('data', (data: Buffer) => (this.stderr += data.toString()));
    // A server that exits mid-write makes the pipe fail: that is what the tests wait for.
    this.process.stdin!.on('error', () => undefined);
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
  }

  write(bytes: string | Buffer): void {
    this.process.stdin!.write(bytes);
  }

  send(message: unknown): void {
    this.write(frame(JSON.stringify(message)));
  }

  /** Resolves with the first reply that satisfies `predicate` (already received or still to come). */
  reply(predicate: (reply: Reply) => boolean): Promise<Reply> {
    return new Promise((resolve) => {
      const check = () => {
        const found = this.replies.find(predicate);
        if (!found) return false;
        resolve(found);
        return true;
      };
      if (!check()) this.waiters.push(() => void check());
    });
  }

  kill(): void {
    if (this.process.exitCode === null) this.process.kill();
  }

  private read(data: Buffer): void {
    this.pending = Buffer.concat([this.pending, data]);
    for (;;) {
      const end = this.pending.indexOf('\r\n\r\n');
      if (end < 0) break;
      const length = Number(/Content-Length: (\d+)/.exec(this.pending.toString('latin1', 0, end))![1]);
      if (this.pending.length < end + 4 + length) break;
      this.replies.push(JSON.parse(this.pending.toString('utf8', end + 4, end + 4 + length)) as Reply);
      this.pending = this.pending.subarray(end + 4 + length);
    }
    for (const waiter of this.waiters) waiter();
  }
}

function frame(body: string, header = (length: number) => `Content-Length: ${length}\r\n\r\n`): Buffer {
  const bytes = Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(header(bytes.length), 'latin1'), bytes]);
}

const INITIALIZE = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, capabilities: {} } };
const SHUTDOWN = JSON.stringify({ jsonrpc: '2.0', id: 99, method: 'shutdown' });
const HOVER = JSON.stringify({
  jsonrpc: '2.0',
  id: 2,
  method: 'textDocument/hover',
  params: { textDocument: { uri: 'file:///x.assets.yaml' }, position: { line: 0, character: 0 } },
});

describe('lsp over stdio: broken framing ends the server loudly (exit code 2), never a silent wedge', function () {
  this.timeout(30_000);
  let server: RawServer;
  afterEach(() => server?.kill());

  const cases: Array<[string, Buffer | string, RegExp, string[]?]> = [
    ['no Content-Length', `Content-Type: application/vscode-jsonrpc\r\n\r\n${HOVER}`, /without Content-Length/],
    ['a non-numeric Content-Length', `Content-Length: abc\r\n\r\n${HOVER}`, /Content-Length "abc" is not a number/],
    ['a negative Content-Length', `Content-Length: -5\r\n\r\n${HOVER}`, /Content-Length "-5" is not a number/],
    ['LF-only headers', `Content-Length: ${HOVER.length}\n\n${HOVER}`, /line feed alone/],
    [
      'a Content-Length too small (the rest of the body read as headers)',
      frame(HOVER, () => `Content-Length: 10\r\n\r\n`),
      /expected a header line, got ":\\"2\.0\\"/,
    ],
    [
      'a Content-Length too large (the body runs into the next message)',
      Buffer.concat([frame(HOVER, (n) => `Content-Length: ${n + 30}\r\n\r\n`), frame(SHUTDOWN)]),
      /runs into the next one: its Content-Length is larger than its body/,
    ],
    [
      'a Content-Length too large and nothing after it (stalls past --frame-timeout-ms)',
      frame(HOVER, (n) => `Content-Length: ${n + 30}\r\n\r\n`),
      /sent \d+ of the \d+ bytes of a message, then nothing for 0\.3 s/,
      ['--frame-timeout-ms=300'],
    ],
    ['garbage instead of a header', 'GET / HTTP/1.1\r\n\r\n', /expected a header line, got "GET \/ HTTP\/1\.1"/],
    ['a header LSP does not have', `X-Thing: 1\r\n${frame(HOVER).toString()}`, /unknown header "X-Thing"/],
    [
      'a charset other than UTF-8',
      frame(HOVER, (n) => `Content-Length: ${n}\r\nContent-Type: application/vscode-jsonrpc; charset=latin1\r\n\r\n`),
      /charset "latin1": only utf-8/,
    ],
  ];
  for (const [name, bytes, reason, args] of cases) {
    it(`${name}: says so on stderr, with the byte offset, and exits with code 2`, async () => {
      server = new RawServer(args);
      server.send(INITIALIZE);
      await server.reply((r) => r.id === 1);
      server.write(bytes);
      // Without the guard this never resolves: the server waits for ever (the test times out).
      assert.equal(await server.exited, 2);
      assert.match(server.stderr, /^steward: the language client's message stream is broken at byte \d+: /);
      assert.match(server.stderr, reason);
      assert.match(server.stderr, /so that the editor can restart the server\.\n$/);
    });
  }

  it('good framing in any slicing passes: one byte per write, several messages per write', async () => {
    server = new RawServer();
    const bytes = Buffer.concat([frame(JSON.stringify(INITIALIZE)), frame(HOVER)]);
    for (let i = 0; i < bytes.length; i++) server.write(bytes.subarray(i, i + 1));
    assert.ok('result' in (await server.reply((r) => r.id === 2)), 'the hover is answered');
    server.write(
      Buffer.concat([
        frame(
          HOVER.replace('"id":2', '"id":3'),
          (n) => `content-length:${n}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n`,
        ),
        frame(SHUTDOWN),
      ]),
    );
    await server.reply((r) => r.id === 99);
    assert.ok(server.replies.some((r) => r.id === 3 && 'result' in r));
    server.send({ jsonrpc: '2.0', method: 'exit' });
    assert.equal(await server.exited, 0);
    assert.equal(server.stderr, '');
  });

  it('the end of the client stream ends the server (code 1 without a shutdown)', async () => {
    server = new RawServer();
    server.send(INITIALIZE);
    await server.reply((r) => r.id === 1);
    server.process.stdin!.end();
    assert.equal(await server.exited, 1);
  });
});

describe('lsp over stdio: well-framed bad messages are answered with JSON-RPC errors, and the server goes on', function () {
  this.timeout(30_000);
  let server: RawServer;
  afterEach(() => server?.kill());

  it('not JSON: a parse error (-32700, id null) and a log line; not UTF-8: the same', async () => {
    server = new RawServer();
    server.send(INITIALIZE);
    await server.reply((r) => r.id === 1);
    server.write(frame('{"jsonrpc": "2.0", "id": 5, "method": '));
    const parse = await server.reply((r) => r.error?.code === -32700);
    assert.equal(parse.id, null);
    assert.match(parse.error!.message, /the message is not JSON/);
    const log = await server.reply((r) => r.method === 'window/logMessage');
    assert.equal(log.params!.type, 1);
    assert.match(log.params!.message, /refused a message: the message is not JSON/);
    server.write(Buffer.concat([Buffer.from(`Content-Length: 3\r\n\r\n`), Buffer.from([0x22, 0xff, 0x22])]));
    await server.reply((r) => r.error?.code === -32700 && /not valid UTF-8/.test(r.error.message));
    server.write(frame(HOVER));
    assert.ok('result' in (await server.reply((r) => r.id === 2)), 'the server still answers');
  });

  it('not a JSON-RPC message: invalid request (-32600), with the id when there is one', async () => {
    server = new RawServer();
    server.send(INITIALIZE);
    await server.reply((r) => r.id === 1);
    server.send({ jsonrpc: '2.0', id: 7, params: {} });
    const missing = await server.reply((r) => r.id === 7);
    assert.equal(missing.error?.code, -32600);
    assert.match(missing.error!.message, /without a method that is not a response/);
    server.send([{ jsonrpc: '2.0', id: 8, method: 'shutdown' }]);
    const batch = await server.reply((r) => r.error?.code === -32600 && r.id === null);
    assert.match(batch.error!.message, /no batches/);
    server.send({ jsonrpc: '2.0', id: 9, method: 42 });
    assert.equal((await server.reply((r) => r.id === 9)).error?.code, -32600);
    server.send({ jsonrpc: '2.0', id: 1.5, method: 'shutdown' });
    await server.reply((r) => r.error?.code === -32600 && /id must be an integer or a string/.test(r.error.message));
    server.write(frame(HOVER));
    assert.ok('result' in (await server.reply((r) => r.id === 2)), 'the server still answers');
  });
});
