/**
 * `dist/steward.js` is this loader with the CLI's bundle in a string (esbuild.mjs): V8 compiles the bundle from the
 * code it cached on an earlier run instead of parsing 2 MB of JavaScript at every start (some 35 ms of each
 * `steward validate`; Node 22's `module.enableCompileCache` does the same, Node 20 has no such API). The cache is
 * V8's own, checked by V8 (its version, flags and the source's length) and named after a hash of the bundle; a
 * missing, stale or unreadable cache only means the bundle is compiled from its text, as without this loader.
 *
 * Where: `NODE_COMPILE_CACHE` (a folder, as Node 22 reads it), else a folder of the user's own in the system's
 * temporary folder; `NODE_DISABLE_COMPILE_CACHE` turns it off. A folder another user owns or can write is not used.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

export interface CachedRun {
  /** The bundle's text (a CommonJS module's body) and a hash of it that names its cache file. */
  source: string;
  hash: string;
  /** The module the bundle runs as: the loader's own (`module`, `require`, `__filename`). */
  module: NodeJS.Module;
  require: NodeJS.Require;
  filename: string;
  env: NodeJS.ProcessEnv;
  /** Whether to write the cache when the process exits (the main thread only: workers read it). */
  write: boolean;
}

/** Compiles and runs the bundle, with the cached code when there is a cache; returns whether V8 took it. */
export function runWithCompileCache(run: CachedRun): boolean {
  const file = cacheFile(run.env, run.hash);
  const cachedData = file === undefined ? undefined : readCache(file);
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${run.source}\n})`, {
    filename: run.filename,
    cachedData,
  });
  const used = cachedData !== undefined && !script.cachedDataRejected;
  // After the run, so that the functions the run compiled are in the cache too.
  if (file !== undefined && !used && run.write) process.once('exit', () => writeCache(file, script));
  const body = script.runInThisContext() as (...args: unknown[]) => void;
  body.call(run.module.exports, run.module.exports, run.require, run.module, run.filename, path.dirname(run.filename));
  return used;
}

/** The cache file for this bundle, Node and machine; undefined when there is no usable folder. */
function cacheFile(env: NodeJS.ProcessEnv, hash: string): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  try {
    const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
    const folder = env.NODE_COMPILE_CACHE || path.join(os.tmpdir(), `steward-compile-cache-${uid ?? 'user'}`);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (!ownFolder(folder, uid)) return undefined;
    // V8 refuses a cache made under other flags: runs with other options have a file of their own, rather than
    // writing the one file again and again.
    const options = textHash(process.execArgv.join('\u0000'));
    return path.join(folder, `steward-${hash}-${process.version}-${process.arch}-${options}.cache`);
  } catch {
    return undefined;
  }
}

/** FNV-1a, in hexadecimal: names a cache file after a short text. */
function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16);
}

/** A real folder (not a link), owned by this user and writable by no one else: nobody else can plant code there. */
function ownFolder(folder: string, uid: number | undefined): boolean {
  const stat = fs.lstatSync(folder);
  if (!stat.isDirectory()) return false;
  if (uid === undefined) return true;
  return stat.uid === uid && (stat.mode & 0o022) === 0;
}

function readCache(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Cache files kept in the folder (about 1 MB each): the oldest go when a new one is written. */
const MAX_CACHE_FILES = 8;

/** Written to a file of its own, then renamed: a run reading the cache meanwhile sees the old one or the new one. */
function writeCache(file: string, script: vm.Script): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600, flag: 'wx' });
    fs.renameSync(temporary, file);
    pruneCaches(path.dirname(file));
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}

/** Each build, Node version and set of options has its file: those not written lately go (older builds'). */
function pruneCaches(folder: string): void {
  const caches = fs
    .readdirSync(folder)
    .filter((name) => /^steward-.*\.cache$/.test(name))
    .map((name) => ({ name, written: fs.statSync(path.join(folder, name)).mtimeMs }))
    .sort((a, b) => b.written - a.written);
  for (const { name } of caches.slice(MAX_CACHE_FILES)) fs.rmSync(path.join(folder, name), { force: true });
}
