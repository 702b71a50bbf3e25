/**
 * The server's end of the wire, checked. vscode-jsonrpc's stream reader (8.2) trusts its input: a header block
 * without Content-Length or with a non-numeric one fires an error nobody handles and leaves the reader reading the
 * body as headers; LF-only headers are never found; a wrong length reads into the next message; a body that is not
 * JSON is dropped. Each of those wedged the server silently. Here the framing is read strictly (LSP base protocol:
 * `Content-Length` and `Content-Type` headers, each ending in CRLF, then an empty line) and a broken stream ends
 * the process with a message on stderr and exit code FRAMING_EXIT_CODE: the stream cannot be trusted again, and an
 * editor restarts a server that exits (VS Code's client does, up to four times in three minutes) and sends its
 * open documents afresh. A message that is framed well but is not JSON, or not a JSON-RPC message, or has params of
 * the wrong shape, is answered with a JSON-RPC error (a request) or logged (a notification); the server goes on.
 */
import {
  AbstractMessageReader,
  Disposable,
  ErrorCodes,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import type { DataCallback, Message, MessageReader, MessageWriter } from 'vscode-languageserver/node';
import { problemIn } from './params';

/** The exit code when the client's byte stream breaks its framing (1 is Node's own for an uncaught exception). */
export const FRAMING_EXIT_CODE = 2;
/** A header block longer than this is not a header block. */
const MAX_HEADER_BYTES = 8192;
/** Content-Length above this is refused: no message of the protocol comes near it (a 256 MB file as JSON). */
const MAX_BODY_BYTES = 1024 * 1024 * 1024;
/**
 * A message that stops arriving half way for this long is broken (a Content-Length larger than the body, a client
 * that died mid-write): editors write each message at once, and a pipe moves megabytes in milliseconds.
 */
export const DEFAULT_STALL_MS = 10_000;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What the start of a header line can look like before its end has arrived. */
const HEADER_PREFIX = /^(?:[!#$%&'*+.^_`|~0-9A-Za-z-]+(?::[^\r\n]*)?)?\r?$/;

export type FramingFailure = (reason: string, offset: number) => void;

/**
 * Reads LSP messages from a byte stream. Framing errors go to `fail` (the process ends there); a body that is not
 * JSON or not UTF-8 is handed on as a `ParseError` value for the checks to answer.
 */
export class FramedReader extends AbstractMessageReader implements MessageReader {
  private chunks: Buffer[] = [];
  private size = 0;
  /** The body length announced by the headers being served, or -1 while headers are read. */
  private bodyLength = -1;
  /** Bytes consumed so far (where a framing error is). */
  private consumed = 0;
  private stall: ReturnType<typeof setTimeout> | undefined;
  private failed = false;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(
    private readonly readable: NodeJS.ReadableStream,
    private readonly fail: FramingFailure,
    private readonly stallMs = DEFAULT_STALL_MS,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (data: Buffer) => this.onData(data, callback);
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('close', onClose);
    this.readable.on('end', onClose);
    return Disposable.create(() => {
      this.readable.off('data', onData);
      this.readable.off('error', onError);
      this.readable.off('close', onClose);
      this.readable.off('end', onClose);
    });
  }

  private onData(data: Buffer, callback: DataCallback): void {
    if (this.failed) return;
    this.chunks.push(data);
    this.size += data.length;
    try {
      this.drain(callback);
    } catch (error) {
      if (!(error instanceof FramingError)) throw error;
      this.failed = true;
      this.clearStall();
      this.fail(error.message, this.consumed);
      return;
    }
    this.armStall();
  }

  private drain(callback: DataCallback): void {
    for (;;) {
      if (this.bodyLength < 0) {
        const length = this.readHeaders();
        if (length === undefined) return;
        this.bodyLength = length;
      }
      if (this.size < this.bodyLength) return;
      const body = this.take(this.bodyLength);
      this.bodyLength = -1;
      // Not yet checked: CheckedReader, which this reader always feeds, answers what is not a message.
      callback(this.decode(body) as Message);
    }
  }

  /** The Content-Length of a complete header block, consumed; undefined while it is incomplete. */
  private readHeaders(): number | undefined {
    const buffer = this.joined();
    let position = 0;
    let contentLength: string | undefined;
    for (;;) {
      const newline = buffer.indexOf(10, position);
      if (newline < 0) {
        const partial = buffer.toString('latin1', position, Math.min(buffer.length, position + MAX_HEADER_BYTES));
        if (!HEADER_PREFIX.test(partial)) throw new FramingError(`expected a header line, got ${quote(partial)}`);
        if (buffer.length > MAX_HEADER_BYTES)
          throw new FramingError(`a header block longer than ${MAX_HEADER_BYTES} bytes`);
        return undefined;
      }
      if (newline === position || buffer[newline - 1] !== 13)
        throw new FramingError('a header line ends with a line feed alone; LSP headers end with \\r\\n');
      const line = buffer.toString('latin1', position, newline - 1);
      position = newline + 1;
      if (position > MAX_HEADER_BYTES) throw new FramingError(`a header block longer than ${MAX_HEADER_BYTES} bytes`);
      if (line === '') break;
      const colon = line.indexOf(':');
      const name = colon > 0 ? line.slice(0, colon) : '';
      const value = line.slice(colon + 1).trim();
      if (!HEADER_NAME.test(name)) throw new FramingError(`expected a header line, got ${quote(line)}`);
      const key = name.toLowerCase();
      if (key === 'content-length') contentLength = value;
      else if (key === 'content-type') checkContentType(value);
      else throw new FramingError(`unknown header ${quote(name)} (LSP has Content-Length and Content-Type)`);
    }
    if (contentLength === undefined) throw new FramingError('a header block without Content-Length');
    if (!/^\d{1,10}$/.test(contentLength))
      throw new FramingError(`Content-Length ${quote(contentLength)} is not a number of bytes`);
    const length = Number(contentLength);
    if (length > MAX_BODY_BYTES) throw new FramingError(`Content-Length ${length} is above ${MAX_BODY_BYTES}`);
    this.take(position);
    return length;
  }

  /** A body as a message, or a ParseError for the checks to answer. */
  private decode(body: Buffer): unknown {
    let text: string;
    try {
      text = this.decoder.decode(body);
    } catch {
      return new ParseError('the message is not valid UTF-8');
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      // A body that runs into the next message's header: the length was too large, the stream is out of step.
      if (/Content-Length:/i.test(text))
        throw new FramingError('a message runs into the next one: its Content-Length is larger than its body');
      return new ParseError(`the message is not JSON (${(error as Error).message})`);
    }
  }

  private joined(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.size)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  /** The first `count` bytes, removed from the buffer. */
  private take(count: number): Buffer {
    const buffer = this.joined();
    const head = buffer.subarray(0, count);
    const rest = buffer.subarray(count);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.size = rest.length;
    this.consumed += count;
    return head;
  }

  private armStall(): void {
    this.clearStall();
    if (this.size === 0 || this.stallMs <= 0) return;
    this.stall = setTimeout(() => {
      this.failed = true;
      const what =
        this.bodyLength >= 0 ? `${this.size} of the ${this.bodyLength} bytes of a message` : 'part of a header';
      this.fail(`the client sent ${what}, then nothing for ${this.stallMs / 1000} s`, this.consumed);
    }, this.stallMs);
    this.stall.unref();
  }

  private clearStall(): void {
    if (this.stall) clearTimeout(this.stall);
    this.stall = undefined;
  }
}

class FramingError extends Error {}

/** A framed message whose body is not JSON: answered with JSON-RPC's parse error. */
export class ParseError {
  constructor(readonly reason: string) {}
}

function checkContentType(value: string): void {
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(value)?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
    throw new FramingError(`Content-Type charset ${quote(charset)}: only utf-8 is supported`);
}

function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

/**
 * Checks every incoming message before the connection sees it: what is not JSON, not JSON-RPC or has params of the
 * wrong shape is answered with a JSON-RPC error (a request) or logged (a notification), never handed on.
 */
export class CheckedReader extends AbstractMessageReader implements MessageReader {
  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
  ) {
    super();
    inner.onError((error) => this.fireError(error));
    inner.onClose(() => this.fireClose());
    inner.onPartialMessage((info) => this.firePartialMessage(info));
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message: unknown) => {
      const refusal = refusalOf(message);
      if (!refusal) callback(message as Message);
      else this.refuse(refusal);
    });
  }

  private refuse({ id, code, reason }: Refusal): void {
    const error = { code, message: `Data Asset Steward: ${reason}` };
    if (id !== undefined) {
      void this.writer.write({ jsonrpc: '2.0', id, error } as Message);
      return;
    }
    if (code === ErrorCodes.ParseError || code === ErrorCodes.InvalidRequest)
      void this.writer.write({ jsonrpc: '2.0', id: null, error } as Message);
    const log = { type: 1, message: `steward: refused a message: ${reason}` };
    void this.writer.write({ jsonrpc: '2.0', method: 'window/logMessage', params: log } as Message);
  }
}

interface Refusal {
  /** The request's id; undefined for a notification (and for a message whose id is unknown). */
  id?: number | string | null;
  code: number;
  reason: string;
}

/** Why a message is refused, or undefined when it may pass. */
function refusalOf(message: unknown): Refusal | undefined {
  if (message instanceof ParseError) return { code: ErrorCodes.ParseError, reason: message.reason };
  if (typeof message !== 'object' || message === null || Array.isArray(message))
    return { code: ErrorCodes.InvalidRequest, reason: 'a message must be a JSON object (LSP has no batches)' };
  const { id, method, params } = message as { id?: unknown; method?: unknown; params?: unknown };
  const validId = id === undefined || typeof id === 'string' || (typeof id === 'number' && Number.isInteger(id));
  if (!validId)
    return { id: null, code: ErrorCodes.InvalidRequest, reason: 'a message id must be an integer or a string' };
  const request = id;
  if (method === undefined) {
    // A response to one of the server's requests.
    if (request !== undefined && ('result' in message || 'error' in message)) return undefined;
    return {
      id: request,
      code: ErrorCodes.InvalidRequest,
      reason: 'a message without a method that is not a response',
    };
  }
  if (typeof method !== 'string')
    return { id: request, code: ErrorCodes.InvalidRequest, reason: 'method must be a string' };
  const problem = problemIn(method, params);
  if (!problem) return undefined;
  return { id: request, code: ErrorCodes.InvalidParams, reason: `${method}: ${problem}` };
}

/** The reader and writer for the process's arguments (`--stdio`, `--node-ipc`), checked; undefined for others. */
export function checkedTransport(
  argv: readonly string[],
  options: { stallMs?: number } = {},
): { reader: MessageReader; writer: MessageWriter } | undefined {
  if (argv.includes('--node-ipc')) {
    const writer = new IPCMessageWriter(process);
    return { reader: new CheckedReader(new IPCMessageReader(process), writer), writer };
  }
  if (!argv.includes('--stdio')) return undefined;
  const writer = new StreamMessageWriter(process.stdout);
  const fail: FramingFailure = (reason, offset) => {
    process.stderr.write(
      `steward: the language client's message stream is broken at byte ${offset}: ${reason}. ` +
        `Exiting (code ${FRAMING_EXIT_CODE}) so that the editor can restart the server.\n`,
    );
    process.exit(FRAMING_EXIT_CODE);
  };
  const framed = new FramedReader(process.stdin, fail, options.stallMs ?? DEFAULT_STALL_MS);
  return { reader: new CheckedReader(framed, writer), writer };
}
