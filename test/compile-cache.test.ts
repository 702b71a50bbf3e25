import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MINIMAL_REGISTER, ROOT, runCli, tempDir } from './helpers';

const LOADER = path.join(ROOT, 'out', 'server', 'src', 'cli', 'compile-cache.js');

/**
 * Runs a small "bundle" through the loader in a fresh node, with `env`; returns what the bundle saw and whether V8
 * took the cached code.
 */
function runSmall(env: NodeJS.ProcessEnv, nodeArgs: string[] = []): { used: boolean; seen: string } {
  const source =
    'module.exports.seen = [typeof require, path.basename(__filename), __dirname === process.cwd()].join();';
  const script = `
    const path = require('node:path');
    globalThis.path = path;
    const run = { source: ${JSON.stringify(source)}, hash: 'test', module, require, filename: path.join(process.cwd(), 'bundle.js'), env: process.env, write: true };
    const used = require(${JSON.stringify(LOADER)}).runWithCompileCache(run);
    process.stdout.write(JSON.stringify({ used, seen: module.exports.seen }));`;
  const dir = tempDir();
  const run = spawnSync(process.execPath, [...nodeArgs, '-e', script], {
    cwd: dir,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as { used: boolean; seen: string };
}

const cacheFiles = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder) : []);

describe('compile cache: dist/steward.js runs its bundle from V8 code cached by an earlier run', () => {
  it('the first run writes the cache, the next runs from it; the bundle sees its module as without it', () => {
    const folder = path.join(tempDir(), 'cache');
    const first = runSmall({ NODE_COMPILE_CACHE: folder });
    assert.deepEqual(first, { used: false, seen: 'function,bundle.js,true' });
    assert.equal(cacheFiles(folder).length, 1);
    assert.deepEqual(runSmall({ NODE_COMPILE_CACHE: folder }), { used: true, seen: 'function,bundle.js,true' });
  });

  it('a damaged cache is not taken, and written again', () => {
    const folder = path.join(tempDir(), 'cache');
    runSmall({ NODE_COMPILE_CACHE: folder });
    const [name] = cacheFiles(folder);
    fs.writeFileSync(path.join(folder, name), 'not a code cache');
    assert.equal(runSmall({ NODE_COMPILE_CACHE: folder }).used, false);
    assert.equal(runSmall({ NODE_COMPILE_CACHE: folder }).used, true);
  });

  it('runs with other V8 flags keep a cache of their own (V8 refuses one made under other flags)', () => {
    const folder = path.join(tempDir(), 'cache');
    const flags = ['--max-old-space-size=200'];
    assert.equal(runSmall({ NODE_COMPILE_CACHE: folder }).used, false);
    assert.equal(runSmall({ NODE_COMPILE_CACHE: folder }, flags).used, false);
    assert.equal(cacheFiles(folder).length, 2);
    assert.equal(runSmall({ NODE_COMPILE_CACHE: folder }).used, true);
    assert.equal(runSmall({ NODE_COMPILE_CACHE: folder }, flags).used, true);
  });

  it('a new cache file makes the oldest go beyond eight (older builds leave theirs)', () => {
    const folder = path.join(tempDir(), 'cache');
    fs.mkdirSync(folder, { mode: 0o700 });
    const old = Array.from({ length: 9 }, (_, i) => `steward-old${i}-v0-x64-0.cache`);
    old.forEach((name, i) => {
      fs.writeFileSync(path.join(folder, name), 'old');
      fs.utimesSync(path.join(folder, name), 1_000_000 + i, 1_000_000 + i);
    });
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'not a cache');
    runSmall({ NODE_COMPILE_CACHE: folder });
    const kept = cacheFiles(folder);
    assert.equal(kept.filter((name) => name.endsWith('.cache')).length, 8);
    assert.ok(kept.includes('notes.txt'));
    // The newest old ones stay, with the file just written.
    assert.deepEqual(
      old.filter((name) => kept.includes(name)),
      old.slice(2),
    );
    assert.equal(runSmall({ NODE_COMPILE_CACHE: folder }).used, true);
  });

  it('no cache in a folder others may write to, nor when NODE_DISABLE_COMPILE_CACHE is set', () => {
    const open = path.join(tempDir(), 'open');
    fs.mkdirSync(open);
    fs.chmodSync(open, 0o777);
    assert.equal(runSmall({ NODE_COMPILE_CACHE: open }).used, false);
    assert.equal(runSmall({ NODE_COMPILE_CACHE: open }).used, false);
    assert.deepEqual(cacheFiles(open), []);
    const folder = path.join(tempDir(), 'cache');
    runSmall({ NODE_COMPILE_CACHE: folder, NODE_DISABLE_COMPILE_CACHE: '1' });
    assert.deepEqual(cacheFiles(folder), []);
  });

  it('steward validate reports the same with and without its cache', () => {
    const dir = tempDir({ 'r.assets.yaml': MINIMAL_REGISTER.replace('A08060201', 'A08060301') });
    const folder = path.join(dir, 'cache');
    const args = ['validate', 'r.assets.yaml', '--format', 'json'];
    const plain = runCli(args, { cwd: dir, env: { NODE_DISABLE_COMPILE_CACHE: '1' } });
    assert.equal(JSON.parse(plain.stdout).files[0].findings.length, 1, plain.stderr);
    const first = runCli(args, { cwd: dir, env: { NODE_COMPILE_CACHE: folder } });
    assert.equal(cacheFiles(folder).length, 1);
    const cached = runCli(args, { cwd: dir, env: { NODE_COMPILE_CACHE: folder } });
    for (const run of [first, cached]) assert.deepEqual([run.code, run.stdout, run.stderr], [0, plain.stdout, '']);
  });
});
