/**
 * The entry point of dist/steward.js: the CLI's bundle (main.ts) is run from V8's code cache (compile-cache.ts).
 * esbuild.mjs puts the bundle's text and hash in place of the two names below.
 */
import { runWithCompileCache } from './compile-cache';
import { WORKER_ROLE } from './worker-role';

declare const STEWARD_CLI_SOURCE: string;
declare const STEWARD_CLI_HASH: string;

runWithCompileCache({
  source: STEWARD_CLI_SOURCE,
  hash: STEWARD_CLI_HASH,
  module,
  require,
  filename: __filename,
  env: process.env,
  write: process.argv[2] !== WORKER_ROLE,
});
