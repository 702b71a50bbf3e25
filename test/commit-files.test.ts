/**
 * commitFiles: temporary files moved onto their targets all or none, on real files in a temporary folder. A
 * failure at any one target (made real: a folder or another program's file appearing after the temporaries were
 * written) leaves every target as it was, and no temporary or backup file behind.
 */
import * as assert from 'node:assert/strict';
// Node's fs module itself (not a copy of its functions): withoutHardLinks patches it.
import fs from 'node:fs';
import * as path from 'node:path';
import { backupOf, CommitError, commitFiles } from '../server/src/host/commit-files';
import type { TemporaryFile } from '../server/src/host/commit-files';
import { tempDir } from './helpers';

/** Targets in two folders: a and d exist with old content, b and c do not. */
const NAMES = ['a.yaml', 'sub/b.yaml', 'c.yaml', 'sub/d.yaml'];
const OLD: Record<string, string> = { 'a.yaml': 'old a\n', 'sub/d.yaml': 'old d\n' };

/** Everything under `dir`: each file's content, each folder as `<folder>`. */
function snapshot(dir: string): Record<string, string> {
  const entries = fs.readdirSync(dir, { recursive: true, withFileTypes: true });
  return Object.fromEntries(
    entries
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        const name = path.relative(dir, file).split(path.sep).join('/');
        return [name, entry.isDirectory() ? '<folder>' : fs.readFileSync(file, 'utf8')] as const;
      })
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** The snapshot without the temporary files: what the folder must hold after a failed commit. */
function withoutTemporaries(state: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(state).filter(([name]) => !name.endsWith('.tmp')));
}

/** A folder with the old targets, and a temporary file (`.<name>.tmp`, new content) beside every target. */
function prepare(old: Record<string, string> = OLD): { dir: string; files: TemporaryFile[] } {
  const dir = tempDir(old);
  fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
  const files = NAMES.map((name) => {
    const target = path.join(dir, name);
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.tmp`);
    fs.writeFileSync(temporary, `new ${name}\n`);
    return { temporary, target };
  });
  return { dir, files };
}

/** Makes `target` a folder holding a file, as another program might after the temporaries were written. */
function folderAt(target: string): void {
  fs.rmSync(target, { force: true });
  fs.mkdirSync(target);
  fs.writeFileSync(path.join(target, 'inside.txt'), 'not ours\n');
}

function failure(run: () => void): CommitError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof CommitError, String(error));
    return error;
  }
  assert.fail('no failure');
}

/**
 * Runs `body` on a file system without hard links (FAT, some network shares): linkSync fails with EPERM. Injected
 * (Node's fs patched for this call only) because no such file system can be mounted for a test.
 */
function withoutHardLinks(body: () => void): void {
  const { linkSync } = fs;
  fs.linkSync = () => {
    throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM', syscall: 'link' });
  };
  try {
    body();
  } finally {
    fs.linkSync = linkSync;
  }
}

/** The folder once every file is placed: the four new files, no temporary or backup beside them. */
const ALL_NEW = {
  'a.yaml': 'new a.yaml\n',
  'c.yaml': 'new c.yaml\n',
  sub: '<folder>',
  'sub/b.yaml': 'new sub/b.yaml\n',
  'sub/d.yaml': 'new sub/d.yaml\n',
};

describe('commitFiles: all files or none', () => {
  describe('replacing', () => {
    it('places every file, over the old ones and beside them, and leaves no temporary or backup', () => {
      const { dir, files } = prepare();
      commitFiles(files, { replace: true });
      assert.deepEqual(snapshot(dir), ALL_NEW);
    });

    for (const k of [0, 1, 2, 3])
      it(`a target that became a folder (file ${k + 1} of 4): every target as it was, nothing left behind`, () => {
        const { dir, files } = prepare();
        folderAt(files[k].target);
        const before = withoutTemporaries(snapshot(dir));
        const error = failure(() => commitFiles(files, { replace: true }));
        assert.equal(error.file, files[k].target);
        assert.equal(error.code, 'EISDIR');
        assert.deepEqual(snapshot(dir), before);
      });

    it('an old file that cannot be kept aside (a folder in the way of its backup): nothing changed', () => {
      const { dir, files } = prepare();
      // sub/d.yaml is the last old file kept aside: a.yaml's backup is made (and must be removed) before it fails.
      folderAt(backupOf(files[3].target));
      const before = withoutTemporaries(snapshot(dir));
      const error = failure(() => commitFiles(files, { replace: true }));
      assert.equal(error.file, files[3].target);
      assert.deepEqual(snapshot(dir), before);
    });

    it('without hard links, old files are moved aside and moved back when a later file fails', () => {
      const { dir, files } = prepare();
      folderAt(files[2].target);
      const before = withoutTemporaries(snapshot(dir));
      withoutHardLinks(() => {
        const error = failure(() => commitFiles(files, { replace: true }));
        assert.equal(error.file, files[2].target);
      });
      assert.deepEqual(snapshot(dir), before);
      const fresh = prepare();
      withoutHardLinks(() => commitFiles(fresh.files, { replace: true }));
      assert.equal(fs.readFileSync(path.join(fresh.dir, 'sub/d.yaml'), 'utf8'), 'new sub/d.yaml\n');
      assert.deepEqual(Object.keys(snapshot(fresh.dir)), ['a.yaml', 'c.yaml', 'sub', 'sub/b.yaml', 'sub/d.yaml']);
    });
  });

  describe('not replacing', () => {
    it('places every file and removes the temporaries', () => {
      const { dir, files } = prepare({});
      commitFiles(files, { replace: false });
      assert.deepEqual(snapshot(dir), ALL_NEW);
    });

    for (const k of [0, 1, 3])
      it(`a file that appeared after the check (file ${k + 1} of 4) is kept, and nothing else is placed`, () => {
        const { dir, files } = prepare({});
        fs.writeFileSync(files[k].target, 'theirs\n');
        const before = withoutTemporaries(snapshot(dir));
        const error = failure(() => commitFiles(files, { replace: false }));
        assert.equal(error.file, files[k].target);
        assert.equal(error.code, 'EEXIST');
        assert.deepEqual(snapshot(dir), before);
        assert.equal(fs.readFileSync(files[k].target, 'utf8'), 'theirs\n');
      });

    it('without hard links, files are placed by a rename, and one that appeared is still kept', () => {
      const placed = prepare({});
      withoutHardLinks(() => commitFiles(placed.files, { replace: false }));
      assert.equal(fs.readFileSync(path.join(placed.dir, 'sub/b.yaml'), 'utf8'), 'new sub/b.yaml\n');
      assert.deepEqual(Object.keys(snapshot(placed.dir)), ['a.yaml', 'c.yaml', 'sub', 'sub/b.yaml', 'sub/d.yaml']);
      const { dir, files } = prepare({});
      fs.writeFileSync(files[2].target, 'theirs\n');
      const before = withoutTemporaries(snapshot(dir));
      withoutHardLinks(() => {
        const error = failure(() => commitFiles(files, { replace: false }));
        assert.equal(error.code, 'EEXIST');
      });
      assert.deepEqual(snapshot(dir), before);
    });
  });
});
