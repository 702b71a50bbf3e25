/**
 * The package as a steward's own repository gets it: packed with `npm pack`, installed from the tarball with no
 * registry (`--offline`) into a project outside this repository, locally and globally, and the CLI's single file
 * copied alone. Each must give the same findings as the repository's own build, and `steward lsp --stdio` must
 * answer an initialize handshake.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, ROOT, jsonReport, runCli } from './helpers';
import type { JsonReport } from './helpers';
import { LspClient, uriOf } from './lsp-client';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function npm(args: string[], cwd: string): string {
  // The machine's npm settings stand, but nothing may reach a registry: every install here is --offline.
  const run = spawnSync(NPM, [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(run.status, 0, `npm ${args.join(' ')} failed in ${cwd}:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

/** Rule ids and lines by file: what must be the same wherever the CLI runs. */
function outline(report: JsonReport): Record<string, string[]> {
  return Object.fromEntries(
    report.files.map((f) => [f.path, f.findings.map((x) => `${x.line}:${x.column} ${x.ruleId}`)]),
  );
}

describe('the package: npm pack, installed offline outside the repository', function () {
  this.timeout(180_000);
  let work: string;
  let tarball: string;
  let expected: Record<string, string[]>;

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-package-'));
    // --ignore-scripts: pack the bundles this test run built (prepare would build them again, the same way).
    const name = npm(['pack', '--ignore-scripts', '--pack-destination', work, ROOT], work).trim().split('\n').pop()!;
    tarball = path.join(work, name);
    const repoRun = runCli(['validate', 'examples', '--format', 'json']);
    assert.equal(repoRun.code, 1, repoRun.stderr);
    expected = outline(jsonReport(repoRun));
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('holds the bundles, schemas and docs, and depends on nothing', () => {
    const listing = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    for (const file of [
      'package/dist/steward.js',
      'package/dist/sheets.js',
      'package/dist/report-cli.js',
      'package/dist/server.js',
      'package/dist/report.js',
      'package/schemas/data-asset-register.schema.json',
      'package/README.md',
      'package/LICENSE',
    ]) {
      assert.ok(listing.includes(file), `${file} is not in the tarball: ${listing.join(', ')}`);
    }
    assert.deepEqual(
      listing.filter((f) => /^package\/(server|test|client|node_modules|bench)\//.test(f)),
      [],
    );
    const manifest = JSON.parse(
      spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }).stdout,
    );
    assert.deepEqual(
      manifest.dependencies ?? {},
      {},
      'the bundles carry their dependencies; an install must need no registry',
    );
  });

  it("npm install --save-dev <tarball> in a unit's repository: steward validate gives the repository's findings", () => {
    const unit = path.join(work, 'unit-repo');
    fs.mkdirSync(unit);
    fs.writeFileSync(path.join(unit, 'package.json'), JSON.stringify({ name: 'unit-data-assets', private: true }));
    npm(['install', '--offline', '--save-dev', tarball], unit);
    fs.cpSync(path.join(ROOT, 'examples'), path.join(unit, 'examples'), { recursive: true });
    const bin = path.join(unit, 'node_modules', '.bin', 'steward');
    const run = runCli(['validate', 'examples', '--format', 'json'], { cwd: unit, script: bin });
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(outline(jsonReport(run)), expected);
    const manifest = JSON.parse(fs.readFileSync(path.join(unit, 'package.json'), 'utf8'));
    assert.match(manifest.devDependencies['data-asset-steward'], /^file:.*\.tgz$/);
  });

  it('npm install -g <tarball>: the steward command on PATH', () => {
    const prefix = path.join(work, 'global');
    npm(['install', '--offline', '--global', '--prefix', prefix, tarball], work);
    const bin = path.join(prefix, 'bin', 'steward');
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    const folder = path.join(work, 'global-run');
    fs.cpSync(path.join(ROOT, 'examples'), path.join(folder, 'examples'), { recursive: true });
    const run = spawnSync(bin, ['validate', 'examples', '--format', 'json'], {
      cwd: folder,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(outline(JSON.parse(run.stdout)), expected);
  });

  it("node steward.js: the CLI's one file, copied alone, needs nothing beside it", () => {
    const alone = path.join(work, 'alone');
    fs.mkdirSync(alone);
    fs.copyFileSync(CLI, path.join(alone, 'steward.js'));
    fs.cpSync(path.join(ROOT, 'examples'), path.join(alone, 'examples'), { recursive: true });
    const run = runCli(['validate', 'examples', '--format', 'json'], {
      cwd: alone,
      script: path.join(alone, 'steward.js'),
    });
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(outline(jsonReport(run)), expected);
  });

  it('steward lsp --stdio from the installed package answers initialize and checks a file', async () => {
    const unit = path.join(work, 'unit-repo');
    const client = new LspClient([path.join(unit, 'node_modules', '.bin', 'steward'), 'lsp', '--stdio']);
    try {
      const result = (await client.initialize(path.join(unit, 'examples'))) as {
        serverInfo?: { name: string };
        capabilities: object;
      };
      assert.equal(result.serverInfo?.name, 'steward');
      assert.ok('hoverProvider' in result.capabilities);
      const file = path.join(unit, 'examples', 'invalid', 'wrong-enum.catalog.yaml');
      const uri = uriOf(file);
      client.open(uri, fs.readFileSync(file, 'utf8'));
      const published = await client.diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
      // As `steward validate examples` reports the file: its own finding and the cross-file one of the folder.
      assert.deepEqual(
        published.diagnostics.map((d) => d.code),
        ['DA-REF-002', 'DA-SCHEMA-003'],
      );
    } finally {
      await client.close();
    }
  });
});
