/**
 * `steward validate --fix` and `--fix-dry-run` on copies of examples/invalid/: the editor's fix-all applied and
 * written atomically, a second run with nothing left to fix, files with YAML syntax errors and dry runs untouched.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { jsonReport, ROOT, runCli, tempDir, MINIMAL_REGISTER } from './helpers';
import { applyEdits, fixSummary, MAX_FIX_PASSES, writeAtomically } from '../server/src/cli/fix';

const INVALID = path.join(ROOT, 'examples', 'invalid');

/** A temporary copy of examples/invalid/, and the files' texts as copied. */
function copyOfInvalid(): { dir: string; before: Map<string, string> } {
  const dir = tempDir();
  const before = new Map<string, string>();
  for (const name of fs.readdirSync(INVALID)) {
    const text = fs.readFileSync(path.join(INVALID, name), 'utf8');
    fs.writeFileSync(path.join(dir, name), text);
    before.set(name, text);
  }
  return { dir, before };
}

function changed(dir: string, before: Map<string, string>): string[] {
  return [...before].filter(([name, text]) => fs.readFileSync(path.join(dir, name), 'utf8') !== text).map(([n]) => n);
}

/** The ids of the rules that have a fix (`steward rules --format json`). */
const FIXABLE = new Set(
  (JSON.parse(runCli(['rules', '--format', 'json']).stdout) as Array<{ id: string; fixable: boolean }>)
    .filter((rule) => rule.fixable)
    .map((rule) => rule.id),
);

/** "file rule" for each finding of a rule that has a fix. */
function fixableFindings(run: ReturnType<typeof runCli>): string[] {
  return jsonReport(run).files.flatMap((f) =>
    f.findings.filter((x) => FIXABLE.has(x.ruleId)).map((x) => `${f.path} ${x.ruleId}`),
  );
}

describe('cli: steward validate --fix', () => {
  it('applies the fixes, says what it changed per file, and a second run finds nothing to fix', () => {
    const { dir, before } = copyOfInvalid();
    const found = fixableFindings(runCli(['validate', '.', '--format', 'json'], { cwd: dir }));
    const first = runCli(['validate', '.', '--fix', '--format', 'json'], { cwd: dir });
    assert.equal(first.code, 1, 'errors remain that no fix can resolve');
    const left = fixableFindings(first);
    const resolved = found.filter((entry) => !left.includes(entry));
    assert.ok(resolved.length >= 5, `fixes resolved findings: ${resolved.join(', ')}`);
    for (const entry of resolved) {
      const [file, rule] = entry.split(' ');
      assert.match(first.stderr, new RegExp(`^steward: Fixed ${file.replace(/\./g, '\\.')}: .*${rule} ×\\d`, 'm'));
    }
    const reported = [...first.stderr.matchAll(/^steward: Fixed (\S+):/gm)].map((m) => m[1]);
    assert.deepEqual(changed(dir, before).sort(), reported.sort(), 'exactly the files it says it fixed changed');
    assert.deepEqual(fixableFindings(runCli(['validate', '.', '--format', 'json'], { cwd: dir })), left);
    const afterFirst = new Map([...before.keys()].map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]));
    const second = runCli(['validate', '.', '--fix'], { cwd: dir });
    assert.equal(second.code, 1);
    assert.doesNotMatch(second.stderr, /Fixed/);
    assert.deepEqual(changed(dir, afterFirst), [], 'idempotent: the second run writes nothing');
    assert.deepEqual(
      fs.readdirSync(dir).filter((name) => !before.has(name)),
      [],
      'no temporary file is left behind',
    );
  });

  it('the exit code reflects what remains: 0 when fixing resolved every problem', () => {
    const source = path.join(INVALID, 'purchase-without-budget.assets.yaml');
    // Its other finding, a reference to a catalog not in the folder (DA-REF-001), is turned off.
    const dir = tempDir({
      'x.assets.yaml': fs.readFileSync(source),
      'steward.config.yaml': 'rules:\n  DA-REF-001: off\n',
    });
    assert.equal(runCli(['validate'], { cwd: dir }).code, 1);
    const fixed = runCli(['validate', '--fix'], { cwd: dir });
    assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
  });

  it('never touches a file with a YAML syntax error', () => {
    // A fixable finding in the first document, a syntax error in the second.
    const fixable = fs.readFileSync(path.join(INVALID, 'purchase-without-budget.assets.yaml'), 'utf8');
    const broken = `${fixable.trimEnd()}\n---\nkey: [unclosed\n`;
    const dir = tempDir({ 'x.assets.yaml': broken });
    const run = runCli(['validate', '--fix', '--format', 'json'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.equal(fs.readFileSync(path.join(dir, 'x.assets.yaml'), 'utf8'), broken);
    assert.doesNotMatch(run.stderr, /Fixed/);
    assert.ok(jsonReport(run).files[0].findings.some((f) => f.ruleId === 'DA-YAML-001'));
    // Without the syntax error, the same file is fixed.
    fs.writeFileSync(path.join(dir, 'x.assets.yaml'), fixable);
    assert.match(runCli(['validate', '--fix'], { cwd: dir }).stderr, /Fixed x\.assets\.yaml: DA-ACQ-001 ×1/);
  });

  it('keeps the permissions, the byte order mark and the line breaks, and writes through a symbolic link', () => {
    const text = fs.readFileSync(path.join(INVALID, 'purchase-without-budget.assets.yaml'), 'utf8');
    const dir = tempDir({
      'mode.assets.yaml': text,
      'bom.assets.yaml': '\uFEFF' + text.replace(/\n/g, '\r\n'),
      'real/target.yaml': text,
    });
    fs.chmodSync(path.join(dir, 'mode.assets.yaml'), 0o640);
    fs.symlinkSync(path.join('real', 'target.yaml'), path.join(dir, 'link.assets.yaml'));
    const run = runCli(['validate', 'mode.assets.yaml', 'bom.assets.yaml', 'link.assets.yaml', '--fix'], { cwd: dir });
    assert.equal((run.stderr.match(/Fixed/g) ?? []).length, 3, run.stderr);
    assert.equal(fs.statSync(path.join(dir, 'mode.assets.yaml')).mode & 0o777, 0o640);
    const bom = fs.readFileSync(path.join(dir, 'bom.assets.yaml'), 'utf8');
    assert.ok(bom.startsWith('\uFEFF'), 'the byte order mark stays');
    assert.equal(bom.replace(/\r\n/g, '').includes('\n'), false, 'every line break stays CR LF');
    assert.ok(fs.lstatSync(path.join(dir, 'link.assets.yaml')).isSymbolicLink(), 'the link stays a link');
    assert.notEqual(fs.readFileSync(path.join(dir, 'real', 'target.yaml'), 'utf8'), text, 'its target is fixed');
  });

  it('--fix-dry-run writes nothing, lists what it would fix and reports what would remain', () => {
    const { dir, before } = copyOfInvalid();
    const dry = runCli(['validate', '.', '--fix-dry-run', '--format', 'json'], { cwd: dir });
    assert.deepEqual(changed(dir, before), []);
    assert.deepEqual(fs.readdirSync(dir).sort(), [...before.keys()].sort());
    assert.match(dry.stderr, /^steward: Would fix purchase-without-budget\.assets\.yaml: DA-ACQ-001 ×1/m);
    // The same with the first pass in worker threads.
    const parallel = runCli(['validate', '.', '--fix-dry-run', '--format', 'json', '--jobs', '2'], { cwd: dir });
    assert.deepEqual([parallel.stdout, parallel.stderr], [dry.stdout, dry.stderr]);
    const fixed = runCli(['validate', '.', '--fix', '--format', 'json'], { cwd: dir });
    assert.equal(dry.code, fixed.code);
    assert.deepEqual(jsonReport(dry).summary, jsonReport(fixed).summary);
  });

  it('--fix with --stdin is a usage error', () => {
    const run = runCli(['validate', '--stdin', '--fix'], { input: MINIMAL_REGISTER, cwd: tempDir() });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--fix cannot be combined with --stdin/);
  });
});

describe('cli: fix helpers', () => {
  it('applies edits from the end, insertions at one place in their order', () => {
    assert.equal(
      applyEdits('abcdef', [
        { start: 1, end: 1, newText: 'X' },
        { start: 1, end: 1, newText: 'Y' },
        { start: 2, end: 4, newText: '-' },
      ]),
      'aXYb-ef',
    );
    assert.equal(
      fixSummary(
        new Map([
          ['DA-PI-001', 1],
          ['DA-ACQ-001', 2],
        ]),
      ),
      'DA-ACQ-001 ×2, DA-PI-001 ×1',
    );
    assert.equal(MAX_FIX_PASSES, 10);
  });

  it('does not write over a file that changed on disk since it was read, nor leave a temporary file', () => {
    const dir = tempDir({ 'x.assets.yaml': 'edited meanwhile\n' });
    const file = path.join(dir, 'x.assets.yaml');
    assert.equal(writeAtomically(file, 'fixed\n', 'as read\n'), 'changed on disk');
    assert.equal(fs.readFileSync(file, 'utf8'), 'edited meanwhile\n');
    assert.equal(writeAtomically(file, 'fixed\n', 'edited meanwhile\n'), undefined);
    assert.equal(fs.readFileSync(file, 'utf8'), 'fixed\n');
    assert.equal(writeAtomically(path.join(dir, 'gone.assets.yaml'), 'x', 'y'), 'ENOENT');
    assert.deepEqual(fs.readdirSync(dir), ['x.assets.yaml']);
  });
});
