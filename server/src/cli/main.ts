/** Entry point of the `steward` binary, and of the worker threads `steward validate` starts (see parallel.ts). */
import * as path from 'node:path';
import { run } from './run';
import { isValidationWorker, runValidationWorker } from './parallel';
import { readStreamBytes } from '../host/read';
import type { BytesRead, ReadOptions } from '../host/read';
import { terminalText } from './formatters/safe-text';

function readStdin(options: ReadOptions): Promise<BytesRead> {
  return readStreamBytes(process.stdin, options);
}

// A reader that stops early (`steward rules | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

/** `steward lsp` goes to the server with a transport and without `--help`; else `run` prints help or the error. */
function lspTransportGiven(args: string[]): boolean {
  if (args.some((arg) => arg === '--help' || arg === '-h')) return false;
  return args.some((arg) => /^--(stdio|node-ipc|socket=|pipe=)/.test(arg));
}

if (isValidationWorker()) {
  runValidationWorker();
} else if (process.argv[2] === 'lsp' && lspTransportGiven(process.argv.slice(3))) {
  // `steward lsp --stdio`: the language server for any editor. Its own transport flags follow. The server is
  // its own bundle beside this one (dist/server.js starts when loaded), so the CLI's start-up, which every
  // `steward validate` pays, does not compile the language server's code.
  require(path.join(__dirname, 'server.js'));
} else
  run(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin,
    // A getter: making process.stdin costs some 5-10 ms, and only `steward init` on a terminal reads it.
    get stdin() {
      return process.stdin;
    },
    workerScript: __filename,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`steward: ${terminalText(String(error))}\n`);
      process.exitCode = 2;
    },
  );
