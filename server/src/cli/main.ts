/** Entry point of the `steward` binary, and of the worker threads `steward validate` starts (see parallel.ts). */
import * as path from 'node:path';
import { run } from './run';
import { isValidationWorker, runValidationWorker } from './parallel';
import { terminalText } from './formatters/safe-text';

function readStdin(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.on('error', reject);
  });
}

// A reader that stops early (`steward rules | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

if (isValidationWorker()) {
  runValidationWorker();
} else if (process.argv[2] === 'lsp') {
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
