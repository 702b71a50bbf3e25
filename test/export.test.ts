/**
 * `steward export`: the workbook is opened by LibreOffice Calc (the independent spreadsheet program) and every
 * cell it shows must equal what we wrote (our CSV export: the texts the cells are meant to show); the findings
 * sheet places findings in the workbook; DCAT-AP JSON-LD expands (jsonld, offline) to the expected triples; bad
 * output targets are refused with exit 2 and nothing half-written.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { CLI, ROOT, runCli, runCliWithObstacle, tempDir } from './helpers';
import { sheetsAsShown } from './soffice';

const EXAMPLES = path.join(ROOT, 'examples');

/** Our CSV files of an export (`<base>-<sheet>.csv`), sheet → rows. */
function csvSheets(base: string): Map<string, string[][]> {
  const dir = path.dirname(base);
  const prefix = `${path.basename(base)}-`;
  const sheets = new Map<string, string[][]>();
  for (const name of fs.readdirSync(dir).filter((n) => n.startsWith(prefix) && n.endsWith('.csv'))) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    assert.ok(text.startsWith('\ufeff'), `${name}: BOM`);
    // Outside quoted cells (whose line breaks are the list separator) every line ends with CRLF.
    assert.ok(!/(^|[^\r])\n/.test(text.replace(/"(?:[^"]|"")*"/g, '')), `${name}: CRLF`);
    sheets.set(name.slice(prefix.length, -4), parse(text, { bom: true, relax_column_count: true }) as string[][]);
  }
  return sheets;
}

function letters(column: number): string {
  return column < 26 ? String.fromCharCode(65 + column) : letters(Math.floor(column / 26) - 1) + letters(column % 26);
}

/** Cells where LibreOffice shows something else than we meant: `sheet!A1: ours ≠ shown`. */
function differences(shown: Map<string, string[][]>, expected: Map<string, string[][]>): string[] {
  const found: string[] = [];
  assert.deepEqual([...shown.keys()].sort(), [...expected.keys()].sort(), 'the same sheets');
  for (const [sheet, rows] of expected) {
    const theirs = shown.get(sheet)!;
    const height = Math.max(rows.length, theirs.length);
    for (let r = 0; r < height; r++) {
      const width = Math.max(rows[r]?.length ?? 0, theirs[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const ours = rows[r]?.[c] ?? '';
        const their = theirs[r]?.[c] ?? '';
        if (ours !== their) found.push(`${sheet}!${letters(c)}${r + 1}: ${ours} ≠ ${their}`);
      }
    }
  }
  return found;
}

function exportTo(args: string[], cwd = ROOT) {
  return runCli(['export', ...args], { cwd });
}

describe('steward export', function () {
  this.timeout(240_000);

  it('xlsx of the examples and a generated register: LibreOffice shows every cell as we wrote it', async () => {
    const out = tempDir();
    const { generate } = (await import(path.join(ROOT, 'bench', 'generate.mjs'))) as {
      generate: (o: { assets: number }) => { register: string; catalog: string };
    };
    const generated = generate({ assets: 120 });
    const data = tempDir({ 'g.assets.yaml': generated.register, 'g.catalog.yaml': generated.catalog });
    const cases = [
      { name: 'transport', input: path.join(EXAMPLES, 'transport-bureau'), code: 0 },
      { name: 'invalid', input: path.join(EXAMPLES, 'invalid'), code: 1 },
      { name: 'generated', input: data, code: 0 },
    ];
    for (const { name, input, code } of cases) {
      const xlsx = exportTo([input, '--format', 'xlsx', '--out', path.join(out, `${name}.xlsx`)]);
      assert.equal(xlsx.code, code, xlsx.stderr);
      const csv = exportTo([input, '--format', 'csv', '--out', path.join(out, `${name}.csv`)]);
      assert.equal(csv.code, code, csv.stderr);
      const expected = csvSheets(path.join(out, name));
      const shown = sheetsAsShown(path.join(out, `${name}.xlsx`));
      assert.deepEqual(differences(shown, expected), [], name);
      if (name === 'transport') {
        // Anchors against the YAML itself: a date, an amount, a boolean, a list on two lines.
        const assets = shown.get('数据资产')!;
        const header = assets[0];
        const first = assets[1];
        assert.equal(first[header.indexOf('取得方式·取得日期')], '2023-12-31');
        assert.match(first[header.indexOf('会计确认·入账成本')], /^\d{1,3}(,\d{3})*\.\d{2}$/);
        const catalog = shown.get('数据资源')!;
        assert.ok(catalog.some((row) => row[catalog[0].indexOf('个人信息·是否包含个人信息')] === '否'));
        assert.deepEqual(
          [...shown.keys()].sort(),
          ['信息项', '单位', '授权运营', '收益', '数据资产', '数据资源', '检查结果', '监督检查'].sort(),
        );
      }
      if (name === 'invalid') {
        const findings = shown.get('检查结果')!;
        assert.deepEqual(findings[0], ['规则', '严重程度', '工作表', '单元格', '文件:行:列', '说明', '依据']);
        const date = findings.find((row) => row[0] === 'DA-SCHEMA-005' && row[4].startsWith('bad-date.catalog.yaml'));
        assert.ok(date, 'the bad date is a finding');
        // The finding's cell holds the offending value in the exported sheet.
        const [, column, row] = /^([A-Z]+)(\d+)$/.exec(date[3])!;
        const sheet = shown.get(date[2])!;
        const value = sheet[Number(row) - 1][column.charCodeAt(0) - 65];
        assert.equal(value, '2024-02-30');
        assert.equal(date[1], 'error');
        assert.match(date[6], /GB\/T 7408/);
      }
    }
  });

  it('the LibreOffice check fails when a cell differs (a workbook changed behind our back)', async () => {
    const out = tempDir();
    assert.equal(
      exportTo([path.join(EXAMPLES, 'transport-bureau'), '--format', 'xlsx', '--out', path.join(out, 't.xlsx')]).code,
      0,
    );
    assert.equal(
      exportTo([path.join(EXAMPLES, 'transport-bureau'), '--format', 'csv', '--out', path.join(out, 't.csv')]).code,
      0,
    );
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, 't.xlsx'));
    const assets = workbook.getWorksheet('数据资产')!;
    const header = assets.getRow(1).values as string[];
    // The acquisition date shown day first: the same date, another text.
    const cell = assets.getRow(2).getCell(header.indexOf('取得方式·取得日期'));
    cell.style = { ...cell.style, numFmt: 'dd/mm/yyyy' };
    await workbook.xlsx.writeFile(path.join(out, 'changed.xlsx'));
    const found = differences(sheetsAsShown(path.join(out, 'changed.xlsx')), csvSheets(path.join(out, 't')));
    assert.deepEqual(found, ['数据资产!I2: 2023-12-31 ≠ 31/12/2023']);
  });

  it('dcat-jsonld: DCAT-AP 3 datasets with the EU frequency and access-right concepts, expanded offline', async () => {
    const out = tempDir();
    const target = path.join(out, 'catalog.jsonld');
    const run = exportTo([path.join(EXAMPLES, 'transport-bureau'), '--format', 'dcat-jsonld', '--out', target]);
    assert.equal(run.code, 0, run.stderr);
    const document = JSON.parse(fs.readFileSync(target, 'utf8')) as { '@context': unknown };
    assert.equal(typeof document['@context'], 'object', 'an inline context');
    const jsonld = (await import('jsonld')).default;
    // No document loader: a remote context would fail here (the tests run offline).
    const noNetwork = () => Promise.reject(new Error('no remote documents'));
    const nquads = (await jsonld.toRDF(document as never, {
      format: 'application/n-quads',
      documentLoader: noNetwork,
    })) as unknown as string;
    const dataset = '<urn:steward:113301000025391739:R-330100-JT-0001>';
    const expected = [
      `${dataset} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> .`,
      `${dataset} <http://purl.org/dc/terms/title> "公交车辆实时位置数据"@zh .`,
      `${dataset} <http://purl.org/dc/terms/identifier> "R-330100-JT-0001" .`,
      `${dataset} <http://purl.org/dc/terms/accrualPeriodicity> <http://publications.europa.eu/resource/authority/frequency/UPDATE_CONT> .`,
      `${dataset} <http://purl.org/dc/terms/issued> "2024-03-15"^^<http://www.w3.org/2001/XMLSchema#date> .`,
      `${dataset} <http://purl.org/dc/terms/accessRights> <http://publications.europa.eu/resource/authority/access-right/RESTRICTED> .`,
      `${dataset} <http://purl.org/dc/terms/relation> <urn:steward:113301000025391739:R-330100-JT-0002> .`,
      `<urn:steward:113301000025391739> <http://www.w3.org/ns/dcat#dataset> ${dataset} .`,
      `<urn:steward:113301000025391739> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Catalog> .`,
    ];
    for (const triple of expected) assert.ok(nquads.includes(triple), `missing: ${triple}`);
    assert.match(nquads, /<http:\/\/purl\.org\/dc\/terms\/description> "全市公交车辆车载北斗终端上报的实时位置/);
    assert.match(nquads, /<http:\/\/www\.w3\.org\/2004\/02\/skos\/core#prefLabel> "交通运输·城市公共交通·公交运营"@zh/);
    assert.match(nquads, /<http:\/\/xmlns\.com\/foaf\/0\.1\/name> "某市交通运输局"@zh/);
    // Every resource of the two catalog documents is a dataset of the one unit's catalog.
    const datasets = nquads.match(/<http:\/\/www\.w3\.org\/ns\/dcat#Dataset> \./g) ?? [];
    const resources = fs.readFileSync(path.join(EXAMPLES, 'transport-bureau', 'transport.catalog.yaml'), 'utf8');
    assert.equal(datasets.length, (resources.match(/^ {2}- id: /gm) ?? []).length);
  });

  it('refuses to overwrite without --force, a missing or unwritable folder: exit 2, nothing written', () => {
    const out = tempDir({ 'kept.xlsx': 'old' });
    const input = path.join(EXAMPLES, 'transport-bureau');
    const refused = exportTo([input, '--format', 'xlsx', '--out', path.join(out, 'kept.xlsx')]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /kept\.xlsx exists: not overwritten \(add --force/);
    assert.equal(fs.readFileSync(path.join(out, 'kept.xlsx'), 'utf8'), 'old');
    const forced = exportTo([input, '--format', 'xlsx', '--out', path.join(out, 'kept.xlsx'), '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(fs.readFileSync(path.join(out, 'kept.xlsx')).subarray(0, 2).toString(), 'PK');
    const missing = exportTo([input, '--format', 'csv', '--out', path.join(out, 'no', 'such', 'x.csv')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /The output folder .*no[/\\]such does not exist/);
    if (process.getuid?.() !== 0) {
      const locked = path.join(out, 'locked');
      fs.mkdirSync(locked, { mode: 0o500 });
      const unwritable = exportTo([input, '--format', 'xlsx', '--out', path.join(locked, 'x.xlsx')]);
      assert.equal(unwritable.code, 2);
      assert.match(unwritable.stderr, /not writable/);
    }
    assert.deepEqual(fs.readdirSync(out).sort(), ['kept.xlsx', ...(process.getuid?.() !== 0 ? ['locked'] : [])]);
    const usage = exportTo([input, '--out', path.join(out, 'y.xlsx')]);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /needs --format/);
  });

  it('--format csv --force, one file failing as they are put in place: every other keeps its old content', () => {
    const dir = tempDir();
    const input = path.join(EXAMPLES, 'transport-bureau');
    assert.equal(exportTo([input, '--format', 'csv', '--out', 'ledger.csv'], dir).code, 0);
    const names = fs.readdirSync(dir).sort();
    assert.ok(names.length > 2, names.join());
    const targets = names.map((name) => path.join(dir, name));
    for (const target of targets) fs.writeFileSync(target, `old ${path.basename(target)}\n`);
    const run = runCliWithObstacle(
      ['export', input, '--format', 'csv', '--out', 'ledger.csv', '--force', '--locale', 'en'],
      {
        cwd: dir,
        targets,
      },
    );
    const obstacle = targets.find((target) => fs.statSync(target).isDirectory());
    assert.ok(obstacle, 'one target became a folder');
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.equal(run.stderr, `steward: Cannot write ${obstacle}: EISDIR; nothing was left behind\n`);
    for (const target of targets.filter((target) => target !== obstacle))
      assert.equal(fs.readFileSync(target, 'utf8'), `old ${path.basename(target)}\n`);
    assert.deepEqual(fs.readdirSync(dir).sort(), names);
    assert.deepEqual(fs.readdirSync(obstacle), ['inside.txt']);
  });

  for (const format of ['xlsx', 'dcat-jsonld'])
    it(`--format ${format} without --force: a file that appears as the export is put in place is not overwritten`, () => {
      const dir = tempDir();
      const target = path.join(dir, `ledger.${format === 'xlsx' ? 'xlsx' : 'jsonld'}`);
      const run = runCliWithObstacle(
        ['export', path.join(EXAMPLES, 'transport-bureau'), '--format', format, '--out', target, '--locale', 'en'],
        { cwd: dir, targets: [target], text: 'theirs\n' },
      );
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.equal(run.stderr, `steward: ${target} exists: not overwritten (add --force to overwrite it)\n`);
      assert.equal(fs.readFileSync(target, 'utf8'), 'theirs\n');
      assert.deepEqual(fs.readdirSync(dir), [path.basename(target)], 'no temporary file left');
    });

  it('exports unreadable and broken files with their findings, found as validate finds them', () => {
    const dir = tempDir({
      'ok.catalog.yaml': fs.readFileSync(path.join(EXAMPLES, 'invalid', 'bad-date.catalog.yaml')),
      'broken.catalog.yaml': fs.readFileSync(path.join(EXAMPLES, 'invalid', 'yaml-syntax-error.catalog.yaml')),
      'binary.assets.yaml': Buffer.from([0, 1, 2, 0xff, 0xfe, 0]),
      'not-ours.txt': 'ignored',
    });
    const run = exportTo(['--format', 'csv', '--out', 'out/x.csv'], dir);
    assert.equal(run.code, 2, 'the out folder does not exist yet');
    fs.mkdirSync(path.join(dir, 'out'));
    const written = exportTo(['--format', 'csv', '--out', 'out/x.csv'], dir);
    assert.equal(written.code, 1, written.stderr);
    const findings = csvSheets(path.join(dir, 'out', 'x')).get('检查结果')!;
    const files = new Set(findings.slice(1).map((row) => row[4].split(':')[0]));
    assert.deepEqual([...files].sort(), ['binary.assets.yaml', 'broken.catalog.yaml', 'ok.catalog.yaml']);
    assert.ok(findings.some((row) => row[0] === 'DA-FILE-002' && row[4] === 'binary.assets.yaml:1:1'));
    assert.ok(findings.some((row) => row[0].startsWith('DA-YAML') && row[4].startsWith('broken.catalog.yaml:')));
  });

  it('kill -9 in the middle of writing leaves no partial workbook', async () => {
    const { generate } = (await import(path.join(ROOT, 'bench', 'generate.mjs'))) as {
      generate: (o: { assets: number }) => { register: string };
    };
    const dir = tempDir({ 'big.assets.yaml': generate({ assets: 4000 }).register });
    const target = path.join(dir, 'ledger.xlsx');
    const child = spawn(process.execPath, [CLI, 'export', 'big.assets.yaml', '--format', 'xlsx', '--out', target], {
      cwd: dir,
    });
    // Killed once the temporary workbook exists and grows: the target must not exist, then or after.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        const temporary = fs.readdirSync(dir).find((name) => name.startsWith('.ledger.xlsx.'));
        if (temporary && fs.statSync(path.join(dir, temporary)).size > 0) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
      child.on('exit', () => {
        clearInterval(poll);
        resolve();
      });
    });
    await new Promise((resolve) =>
      child.exitCode !== null || child.signalCode ? resolve(null) : child.on('exit', resolve),
    );
    assert.equal(child.signalCode, 'SIGKILL', 'killed while writing');
    assert.equal(fs.existsSync(target), false);
  });

  it('steward validate does not load exceljs; export loads it for xlsx only', () => {
    const dir = tempDir();
    const probe = path.join(dir, 'probe.js');
    fs.writeFileSync(
      probe,
      "process.on('exit', () => process.stderr.write('\\nPROBE ' + JSON.stringify(" +
        "Object.keys(require.cache).some((k) => /node_modules[\\\\/]exceljs[\\\\/]/.test(k))) + '\\n'));\n",
    );
    const main = path.join(ROOT, 'out', 'server', 'src', 'cli', 'main.js');
    const loaded = (args: string[]) => {
      const run = runCli(args, { nodeArgs: ['-r', probe], script: main });
      const line = run.stderr.split('\n').find((l) => l.startsWith('PROBE '));
      assert.ok(line, run.stderr);
      return JSON.parse(line.slice(6)) as boolean;
    };
    const input = path.join(EXAMPLES, 'transport-bureau');
    assert.equal(loaded(['validate', input]), false);
    assert.equal(loaded(['export', input, '--format', 'csv', '--out', path.join(dir, 'x.csv')]), false);
    assert.equal(loaded(['export', input, '--format', 'xlsx', '--out', path.join(dir, 'x.xlsx')]), true);
  });
});
