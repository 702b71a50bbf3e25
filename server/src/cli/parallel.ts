/**
 * `steward validate` over worker threads. Each worker runs the first pass (read, decode, parse, the file's own
 * rules) on the files it is handed and sends back plain data; the main thread adopts the results in discovery
 * order and runs the second pass (cross-file rules, waivers, configured severities) itself, as it does alone.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { createStewardService } from '../service';
import type { StewardService, StewardServiceOptions } from '../service';
import type { CodeTable } from '../service';
import { loadCodeTable } from '../service';
import type { StewardConfig } from '../service';
import type { Finding, Locale } from '../service';
import type { FileSummary } from '../service';
import { readTextFile } from '../host/read';
import { t } from './messages';
import { WORKER_ROLE } from './worker-role';

/**
 * node:worker_threads, loaded when a worker starts or runs: loading it costs the main thread a few milliseconds
 * at every start, and most runs start no worker.
 */
function threads(): typeof import('node:worker_threads') {
  return require('node:worker_threads') as typeof import('node:worker_threads');
}

/**
 * Below this many bytes in all, threads cost more than they save. On 2 cores they never paid for themselves in our
 * measurements (20 files, 18 MB: 4.4 s alone, 5.8 s with 2 workers; 71 MB: 12.2 s and 13.2 s, medians of 3): one
 * thread already keeps V8's compiler and collector threads busy on the second core.
 */
export const PARALLEL_MIN_BYTES = 32 * 1024 * 1024;
/** Fewer cores than this: the default is no workers (see above). */
export const PARALLEL_MIN_CORES = 3;
/** More threads than this gain little: the second pass and the output stay on the main thread. */
export const MAX_AUTO_THREADS = 4;

/** Everything a service's options are built from. Plain data, so that a worker gets an exact copy. */
export interface ValidationSetup {
  /** The code table's text and file name (the table itself is rebuilt from them: it is not plain data). */
  codeTable?: { text: string; fileName: string };
  config: StewardConfig;
  schemaOnly: boolean;
  /** Fixed once for the run, so that a worker started after midnight judges dates as the main thread does. */
  today: string;
  maxBytes: number;
  /** --max-items-per-file: a list longer than this is not checked (DA-FILE-005). */
  maxItems: number;
}

/** The one place the CLI's service options are decided, for the main thread and the workers alike. */
export function serviceOptions(
  setup: ValidationSetup,
  codeTable: CodeTable | undefined,
  configPath?: (uri: string) => string,
): StewardServiceOptions {
  return {
    codeTable,
    reportForeignDocuments: true,
    config: setup.config,
    today: setup.today,
    maxItemsPerFile: setup.maxItems,
    ...(configPath ? { configPath } : {}),
    ...(setup.schemaOnly ? { rules: [], workspaceRules: [] } : {}),
  };
}

export interface FileTask {
  /** Absolute path. */
  file: string;
  /** The path as shown and as the service's uri. */
  shown: string;
}

/** A file's first pass: what `StewardService.adopt` takes (plus the text, for its waiver comments), or why it was skipped. */
export type FirstPass =
  { ok: true; text: string; findings: Finding[]; summary: FileSummary } | { ok: false; finding: Finding };

/** How many worker threads to use: `--jobs`, else `STEWARD_JOBS`, else decided from the files' number and size. */
export function threadCount(requested: number | undefined, sizes: number[]): number {
  if (requested !== undefined && requested > 0) return Math.min(requested, sizes.length);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const cores = os.availableParallelism();
  if (sizes.length < 2 || total < PARALLEL_MIN_BYTES || cores < PARALLEL_MIN_CORES) return 1;
  return Math.min(cores, sizes.length, MAX_AUTO_THREADS);
}

/** Sizes for `threadCount`; files that will not be read (missing, too large) count for nothing. */
export function fileSizes(files: string[], maxBytes: number): number[] {
  return files.map((file) => {
    try {
      const size = fs.statSync(file).size;
      return size > maxBytes ? 0 : size;
    } catch {
      return 0;
    }
  });
}

export interface PoolOutcome {
  /** By task index; undefined for the files no worker checked (workers could not start): check them in-process. */
  results: Array<FirstPass | undefined>;
  /** Thread ids of the workers that checked at least one file. */
  threads: number[];
  /** Why workers could not start, when none did. */
  startFailure?: string;
}

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; index: number; result: FirstPass }
  | { type: 'failed'; index: number; message: string; stack?: string };

interface PoolOptions {
  setup: ValidationSetup;
  threads: number;
  /** The script the worker runs: the CLI's entry point (dist/steward.js when bundled). */
  script: string;
  sizes: number[];
  locale: Locale;
  /** Called as each file's first pass comes back (the progress line). */
  onFileDone?: () => void;
}

/** Files handed to a worker ahead of the one it is checking, so that it never waits for the main thread. */
const FILES_IN_FLIGHT = 2;

/**
 * Runs the first pass of `tasks` in a pool of worker threads, largest files first, each worker holding at most
 * FILES_IN_FLIGHT files. A worker that fails before it is ready hands its files back to the others (or, when
 * none is left, to the caller); one that fails once ready rejects the run with the file it was checking.
 */
export function firstPassInWorkers(tasks: FileTask[], options: PoolOptions): Promise<PoolOutcome> {
  const results = new Array<FirstPass | undefined>(tasks.length).fill(undefined);
  const queue = tasks.map((_, index) => index).sort((a, b) => options.sizes[b] - options.sizes[a] || a - b);
  const used = new Set<number>();
  const pool: PoolWorker[] = [];
  let pending = tasks.length;
  let startFailure: string | undefined;

  interface PoolWorker {
    worker: Worker;
    /** Indexes of the files sent to it, in the order it checks them. */
    inFlight: number[];
    ready: boolean;
    gone: boolean;
    /** Its uncaught error: reported on exit, once every message it sent before has been delivered. */
    error?: Error;
  }

  return new Promise<PoolOutcome>((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const member of pool) void member.worker.terminate();
      if (error) reject(error);
      else
        resolve({
          results,
          threads: [...used].sort((a, b) => a - b),
          startFailure: used.size === 0 ? startFailure : undefined,
        });
    };
    const failed = (index: number, reason: string, stack?: string) => {
      const error = new Error(t(options.locale, 'workerFailed', tasks[index].shown, reason));
      if (stack) error.stack = `${error.message}\n${stack}`;
      finish(error);
    };
    const send = (member: PoolWorker) => {
      const index = queue.shift();
      if (index === undefined) return false;
      member.inFlight.push(index);
      member.worker.postMessage({ index, ...tasks[index] });
      return true;
    };
    /** Hands out queued files to the live workers with room for them, fewest in flight first. */
    const dispatch = () => {
      for (;;) {
        const live = pool.filter((member) => !member.gone && member.inFlight.length < FILES_IN_FLIGHT);
        if (live.length === 0 || queue.length === 0) return;
        send(live.reduce((a, b) => (b.inFlight.length < a.inFlight.length ? b : a)));
      }
    };
    const lost = (member: PoolWorker, reason: string, stack?: string) => {
      if (member.gone || settled) return;
      member.gone = true;
      if (member.ready && member.inFlight.length > 0) return failed(member.inFlight[0], reason, stack);
      // It never started: its files go back to the queue, for the others or for the caller.
      if (!member.ready) startFailure ??= reason;
      queue.unshift(...member.inFlight);
      member.inFlight = [];
      if (pool.every((m) => m.gone)) return finish();
      dispatch();
    };
    const start = () => {
      let worker: Worker;
      try {
        worker = new (threads().Worker)(options.script, {
          argv: [WORKER_ROLE],
          workerData: { role: WORKER_ROLE, setup: options.setup },
        });
      } catch (error) {
        startFailure ??= (error as Error).message;
        return;
      }
      const member: PoolWorker = { worker, inFlight: [], ready: false, gone: false };
      pool.push(member);
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') {
          member.ready = true;
          return;
        }
        if (message.type === 'failed') return failed(message.index, message.message, message.stack);
        member.inFlight.splice(member.inFlight.indexOf(message.index), 1);
        send(member);
        results[message.index] = message.result;
        options.onFileDone?.();
        used.add(worker.threadId);
        if (--pending === 0) finish();
      });
      worker.on('error', (error) => {
        member.error ??= error;
      });
      worker.on('exit', (code) =>
        lost(member, member.error?.message ?? t(options.locale, 'workerExited', code), member.error?.stack),
      );
    };

    for (let i = 0; i < options.threads; i++) start();
    if (pool.length === 0) return finish();
    // Messages wait in the port until the worker listens: every worker gets a file before any gets a second.
    dispatch();
  });
}

/** Test hook: `STEWARD_TEST_WORKER_FAULT=start`, `crash:<path>` or `exit:<path>` makes a worker fail on purpose. */
function injectedFault(): { kind: string; shown?: string } | undefined {
  const value = process.env.STEWARD_TEST_WORKER_FAULT;
  if (!value) return undefined;
  const [kind, ...rest] = value.split(':');
  return { kind, shown: rest.length > 0 ? rest.join(':') : undefined };
}

/** Whether this thread is a validation worker (the bundle's entry point asks before doing anything else). */
export function isValidationWorker(): boolean {
  // The argument first: the main thread then never loads node:worker_threads to ask.
  if (process.argv[2] !== WORKER_ROLE) return false;
  const worker = threads();
  return worker.parentPort !== null && (worker.workerData as { role?: string } | null)?.role === WORKER_ROLE;
}

/** The first pass of one file: read, decode, `update` without keeping the tree, then forget it (the main thread keeps the index). */
function firstPass(service: StewardService, task: FileTask, maxBytes: number): FirstPass {
  const read = readTextFile(task.file, { maxBytes, limitOption: '--max-file-size' });
  if (!read.ok) return { ok: false, finding: read.finding };
  const { findings } = service.update(task.shown, read.text, { retain: false });
  const summary = service.index.get(task.shown);
  if (!summary) throw new Error(`no index entry for ${task.shown}`);
  service.remove(task.shown);
  return { ok: true, text: read.text, findings, summary };
}

/** A validation worker's body: build the service as the main thread did, then check the files it is sent. */
export function runValidationWorker(): void {
  const worker = threads();
  const port = worker.parentPort!;
  const { setup } = worker.workerData as { setup: ValidationSetup };
  const fault = injectedFault();
  if (fault?.kind === 'start') throw new Error('injected start failure');
  const table = setup.codeTable
    ? loadCodeTable(setup.codeTable.text, { fileName: setup.codeTable.fileName }).table
    : undefined;
  const service = createStewardService(serviceOptions(setup, table));
  port.on('message', (task: FileTask & { index: number }) => {
    if (fault?.shown === task.shown && fault.kind === 'crash')
      setImmediate(() => {
        throw new Error('injected crash');
      });
    if (fault?.shown === task.shown && fault.kind === 'exit') process.exit(7);
    if (fault?.shown === task.shown) return;
    let result: FirstPass;
    try {
      result = firstPass(service, task, setup.maxBytes);
    } catch (error) {
      port.postMessage({
        type: 'failed',
        index: task.index,
        message: (error as Error)?.message ?? String(error),
        stack: (error as Error)?.stack,
      });
      return;
    }
    port.postMessage({ type: 'done', index: task.index, result });
  });
  port.postMessage({ type: 'ready' });
}
