/**
 * `steward import`: fixtures in several realistic layouts (made by LibreOffice from committed text files at test
 * time), encodings, our own workbook layout rebuilt file by file, and the bad inputs of issue 17, each a clear
 * error (exit 2) with nothing written.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseAllDocuments } from 'yaml';
import { CLI, ROOT, runCli, runCliWithObstacle, tempDir } from './helpers';
import { convert } from './soffice';
import { documentRows, headersOf, workbookLayout, documentsLayout } from '../server/src/service/sheets/layout';
import type { SheetDocumentKind, TableLayout } from '../server/src/service/sheets/layout';
import { cleanText, parseDateText, serialDate } from '../server/src/service/sheets/values';
import { errorCellsAsText } from '../server/src/host/xlsx-rows';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'sheets');
const UNIT = ['--unit-name', '某市交通运输局', '--unit-code', '113301000025391739', '--unit-type', '行政单位'];

function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

/** The documents as plain data; an integer beyond 2^53 (a credit code written bare) as its digits. */
function plainDocuments(text: string): unknown[] {
  const exact = (value: unknown): unknown => {
    if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    if (Array.isArray(value)) return value.map(exact);
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, exact(v)]));
    return value;
  };
  return parseAllDocuments(text, { intAsBigInt: true }).map((d) => exact(d.toJS()));
}

/** Every workbook the LibreOffice fixtures make, converted once (each conversion costs seconds). */
let made: Record<string, string> = {};

describe('steward import', function () {
  this.timeout(180_000);

  before(() => {
    const dir = tempDir();
    const csvDir = tempDir({ 'asset-cards.csv': fixture('asset-cards.csv') });
    made = {};
    for (const name of ['provincial-catalog.fods', 'formula-errors.fods']) {
      made[name] = convert(path.join(FIXTURES, name), 'xlsx', dir)[0];
    }
    made['asset-cards.csv'] = convert(path.join(csvDir, 'asset-cards.csv'), 'xlsx', dir, 'CSV:44,34,76,1')[0];
  });

  describe('fixtures made by LibreOffice import to the expected YAML', () => {
    for (const [name, expected] of [
      ['provincial-catalog.fods', 'provincial-catalog.expected.yaml'],
      ['asset-cards.csv', 'asset-cards.expected.yaml'],
    ]) {
      it(`${name} (as xlsx) → ${expected}`, () => {
        const out = tempDir();
        const run = runCli(['import', made[name], '--out', out, ...UNIT]);
        assert.ok(run.code === 0 || run.code === 1, run.stderr);
        const [file] = listFiles(out);
        const text = fs.readFileSync(path.join(out, file), 'utf8').split('\n').slice(2).join('\n');
        assert.equal(text, fixture(expected));
      });
    }

    it('the provincial catalog: header below a merged title, NBSP trimmed, dates, text with leading zeros, a formula by its value', () => {
      const out = tempDir();
      runCli(['import', made['provincial-catalog.fods'], '--out', out, ...UNIT]);
      const text = fs.readFileSync(path.join(out, 'provincial-catalog.catalog.yaml'), 'utf8');
      assert.match(text, /header in row 3/);
      assert.match(text, /# 来源：资源清单!第 4 行\n {2}- id: R-330100-JT-0001\n {4}name: 公交车辆实时位置数据\n/);
      assert.match(text, /name: 公交线路与站点数据\n/);
      assert.match(text, /providerCode: "000330100"/);
      assert.match(text, /releaseDate: 2024-03-15/);
      assert.match(text, /type: 无条件共享/);
    });

    it('a value it cannot map is kept verbatim and reported with its cell', () => {
      const out = tempDir();
      const run = runCli(['import', made['provincial-catalog.fods'], '--out', out, ...UNIT, '--locale', 'en']);
      assert.equal(run.code, 1);
      assert.match(fs.readFileSync(path.join(out, 'provincial-catalog.catalog.yaml'), 'utf8'), /updateCycle: 每两天/);
      assert.match(run.stdout, /\(资源清单!G6\): error .*每两天.*DA-SCHEMA-003/);
    });

    it('--print-map lists each column with its field, and writes nothing', () => {
      const out = tempDir();
      const run = runCli(['import', made['provincial-catalog.fods'], '--out', out, '--print-map', '--locale', 'en']);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /header in row 3/);
      assert.match(run.stdout, /^B {3}信息资源代码 → id（资源标识）$/m);
      assert.match(run.stdout, /^P {3}备注 → unmapped$/m);
      assert.deepEqual(listFiles(out), []);
    });

    it("a mapping file maps a unit's own headers and gives the unit", () => {
      const dir = tempDir({
        'own.csv':
          '目录名称,编码,提供单位,共享,开放,涉密,个人信息,分级,类\n路网数据,R-1,某局,无条件,不开放,非涉密,否,一般,交通\n',
        'map.yaml':
          "kind: catalog\ncolumns:\n  目录名称: name\n  编码: id\n  共享: sharing.type\n  开放: 开放属性·开放类型\n  涉密: secrecy\n  个人信息: personalInformation.contains\n  分级: securityGrade\n  类: classification.class\nunit:\n  name: 某局\n  code: '113301000025391739'\n  type: 行政单位\n",
      });
      const run = runCli(['import', 'own.csv', '--map', 'map.yaml', '--out', 'out', '--locale', 'en'], { cwd: dir });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const text = fs.readFileSync(path.join(dir, 'out', 'own.catalog.yaml'), 'utf8');
      assert.match(text, /- id: R-1\n {4}name: 路网数据\n/);
      assert.match(text, /sharing:\n {6}type: 无条件共享\n {4}opening:\n {6}type: 不予开放/);
      assert.match(text, /unit:\n {2}name: 某局\n/);
    });

    it('a mapping file naming no field is refused, naming the column', () => {
      const dir = tempDir({
        'own.csv': '目录名称,编码\nx,R-1\n',
        'map.yaml': 'kind: catalog\ncolumns:\n  目录名称: nmae\n',
      });
      const run = runCli(['import', 'own.csv', '--map', 'map.yaml', '--out', 'out', '--locale', 'en'], { cwd: dir });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /map\.yaml: "nmae" \(for column 目录名称\) is not a field of this kind of document/);
    });

    it('formula errors are findings naming their cells and error codes (exit 1), the codes kept as the values', () => {
      const out = tempDir();
      const run = runCli(['import', made['formula-errors.fods'], '--out', out, '--locale', 'en']);
      assert.equal(run.code, 1);
      assert.match(
        run.stdout,
        /:11:1 \(Sheet1!B2\): error The cell holds the error #REF! \(a reference to a deleted cell or sheet\): kept as the value, not dropped; correct the formula in the sheet, save, and import again {2}DA-IMPORT-001\n/,
      );
      assert.match(
        run.stdout,
        /:21:1 \(Sheet1!C3\): error The cell holds the error #DIV\/0! \(a division by zero\): kept/,
      );
      const text = fs.readFileSync(path.join(out, 'formula-errors.catalog.yaml'), 'utf8');
      assert.match(text, /\n {2}- id: "#REF!"\n/);
      assert.match(text, /\n {4}provider: "#DIV\/0!"\n/);
      assert.doesNotMatch(run.stdout + text, /=1\/0|=#REF!/);
      const zh = runCli(['import', made['formula-errors.fods'], '--out', tempDir(), '--locale', 'zh-CN']);
      assert.match(
        zh.stdout,
        /\(Sheet1!C3\): error 单元格的值是错误值 #DIV\/0!（除数为零）：已原样保留为该字段的值，未丢弃/,
      );
    });

    it('an error cell without a formula, and a formula never computed, each named with its cell', async () => {
      const zip = await JSZip.loadAsync(fs.readFileSync(made['formula-errors.fods']));
      const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
      zip.file(
        'xl/worksheets/sheet1.xml',
        `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
          `<row r="1">${text('A1', '信息资源名称')}${text('B1', '信息资源代码')}${text('C1', '提供单位')}</row>` +
          `<row r="2">${text('A2', '站点数据')}<c r="B2"><f>A1*2</f></c><c r='C2' t='e'><v>#N/A</v></c></row>` +
          `<row r="3">${text('A3', '线路数据')}${text('B3', 'R-3')}<c r="C3" t="e"><f>VLOOKUP(A3,Z:Z,1,0)</f><v>#N/A</v></c></row>` +
          `</sheetData></worksheet>`,
      );
      const dir = tempDir({ 'a.xlsx': await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) });
      const run = runCli(['import', 'a.xlsx', '--out', 'out', '--locale', 'en'], { cwd: dir });
      assert.equal(run.code, 1, run.stderr);
      assert.match(
        run.stdout,
        /\(Sheet1!B2\): error The formula =A1\*2 has no saved result: its text is kept as the value, not dropped; recalculate and save the sheet, then import again/,
      );
      assert.match(
        run.stdout,
        /\(Sheet1!C2\): error The cell holds the error #N\/A \(a lookup function found no value\)/,
      );
      assert.match(run.stdout, /\(Sheet1!C3\): error The cell holds the error #N\/A /);
      const yaml = fs.readFileSync(path.join(dir, 'out', 'a.catalog.yaml'), 'utf8');
      assert.match(yaml, /- id: =A1\*2\n/);
      assert.equal(yaml.match(/provider: "#N\/A"\n/g)?.length, 2);
    });

    it('a CSV field holding an error value a spreadsheet saved is reported with its cell', () => {
      const dir = tempDir({
        'e.csv': '资源名称,资源标识,提供方\n站点数据,R-1,#DIV/0!\n线路数据,R-2,#DIV/0 (not an error)\n',
      });
      const run = runCli(['import', 'e.csv', '--out', 'out', '--locale', 'en'], { cwd: dir });
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stdout, /\(e!C2\): error The cell holds the error #DIV\/0! \(a division by zero\)/);
      assert.equal(run.stdout.match(/DA-IMPORT-001/g)?.length, 1);
      assert.match(fs.readFileSync(path.join(dir, 'out', 'e.catalog.yaml'), 'utf8'), /provider: "#DIV\/0!"\n/);
    });

    it('error cells are found wherever the chunks of a sheet split its XML', async () => {
      const xml =
        `<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="0" t="e"><f>1/0</f><v>#DIV/0!</v></c>` +
        `<c r='C2' t = 'e'><v>#N/A</v></c><c r="D2" t="str"><f>"e"</f><v>e</v></c></row>`;
      const expected = xml.replace(/ t="e"| t = 'e'/g, ' t="str"');
      const through = async (chunks: string[]) => {
        const errors = new Set<string>();
        const pieces: string[] = [];
        for await (const piece of errorCellsAsText(Readable.from(chunks), errors)) pieces.push(piece);
        return { text: pieces.join(''), errors: [...errors] };
      };
      for (let first = 0; first <= xml.length; first++)
        for (let second = first; second <= xml.length; second += 7) {
          const got = await through([xml.slice(0, first), xml.slice(first, second), xml.slice(second)]);
          assert.deepEqual(got, { text: expected, errors: ['B2', 'C2'] }, `cut at ${first} and ${second}`);
        }
    });

    it("without the unit's fields a marked placeholder that DA-TODO-001 reports", () => {
      const out = tempDir();
      const run = runCli(['import', made['asset-cards.csv'], '--out', out, '--locale', 'en']);
      const text = fs.readFileSync(path.join(out, 'asset-cards.assets.yaml'), 'utf8');
      assert.match(text, /unit: {2}# 表格中没有单位信息.*\n {2}name: 待填写\n {2}code: 待填写\n {2}type: 待填写\n/);
      assert.match(run.stdout, /DA-TODO-001/);
    });
  });

  describe('values', () => {
    it('zero-width spaces and BOMs are dropped at the ends, NBSP and ideographic spaces inside become spaces', () => {
      assert.equal(cleanText('\u200b\ufeff公交\u00a0线路\u3000数据\u200b'), '公交 线路 数据');
    });

    it('dates: serial numbers (with the 1900 leap-year bug), 年月日, slashes, dots; impossible dates stay as written', () => {
      assert.equal(serialDate(45352), '2024-03-01');
      assert.equal(serialDate(59), '1900-02-28');
      assert.equal(serialDate(61), '1900-03-01');
      assert.equal(parseDateText('2024年3月1日'), '2024-03-01');
      assert.equal(parseDateText('2024/3/1'), '2024-03-01');
      assert.equal(parseDateText('2024.3.1'), '2024-03-01');
      assert.equal(parseDateText('2024-3-1 0:00:00'), '2024-03-01');
      assert.equal(parseDateText('2023-02-29'), undefined);
    });
  });

  describe('CSV encodings', () => {
    const expected = (dir: string) => {
      const text = fs.readFileSync(path.join(dir, 'out', 'c.catalog.yaml'), 'utf8');
      assert.match(text, /name: 公交车辆实时位置数据\n/);
      assert.match(text, /releaseDate: 2024-03-15\n/);
      assert.match(text, /sharing:\n {6}type: 无条件共享/);
    };
    const utf8 = fixture('catalog-utf16.txt');
    for (const [name, bytes] of [
      ['GB18030 (committed as such)', fs.readFileSync(path.join(FIXTURES, 'catalog-gb18030.csv'))],
      ['UTF-8 without BOM', Buffer.from(utf8)],
      ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(utf8)])],
      ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8, 'utf16le')])],
      ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf8, 'utf16le').swap16()])],
    ] as const) {
      it(name, () => {
        const dir = tempDir({ 'c.csv': bytes });
        const run = runCli(['import', 'c.csv', '--out', 'out', ...UNIT], { cwd: dir });
        assert.ok(run.code === 0 || run.code === 1, run.stderr);
        expected(dir);
      });
    }

    it('--encoding overrides the detection', () => {
      const dir = tempDir({ 'c.csv': fs.readFileSync(path.join(FIXTURES, 'catalog-gb18030.csv')) });
      const wrong = runCli(['import', 'c.csv', '--out', 'out', '--encoding', 'utf-8', '--locale', 'en'], { cwd: dir });
      assert.equal(wrong.code, 2);
      assert.match(wrong.stderr, /c\.csv:1: this line is not utf-8/);
      const right = runCli(['import', 'c.csv', '--out', 'out', '--encoding', 'gbk', ...UNIT], { cwd: dir });
      assert.ok(right.code === 0 || right.code === 1, right.stderr);
      expected(dir);
    });

    it('mixed encodings: an error naming the line, nothing written', () => {
      const gbLine = fs
        .readFileSync(path.join(FIXTURES, 'catalog-gb18030.csv'))
        .subarray(fs.readFileSync(path.join(FIXTURES, 'catalog-gb18030.csv')).indexOf(10) + 1);
      // More UTF-8 lines than the detection looks at (64 KB), then a GB18030 line.
      const rows = utf8.split('\n').slice(1, 3).join('\n') + '\n';
      const lines = [utf8, ...Array.from({ length: 400 }, () => rows)].join('');
      const dir = tempDir({ 'c.csv': Buffer.concat([Buffer.from(lines), gbLine]) });
      const run = runCli(['import', 'c.csv', '--out', 'out', '--locale', 'en'], { cwd: dir });
      assert.equal(run.code, 2);
      const line = lines.split('\n').length;
      assert.match(
        run.stderr,
        new RegExp(`c\\.csv:${line}: this line is not utf-8 \\(the lines before it are\\): the file mixes encodings`),
      );
      assert.deepEqual(listFiles(path.join(dir, 'out')), []);
    });
  });

  describe('our own workbook layout', () => {
    it('rebuilds every document of the examples, grouped by 来源文件, with the same data', async () => {
      const dir = tempDir();
      // Written as `steward export` writes (exceljs's streaming writer): the sheets before the workbook part.
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: path.join(dir, 'book.xlsx'),
        useSharedStrings: true,
      });
      const sheets = new Map<string, ExcelJS.Worksheet>();
      const sheetFor = (table: TableLayout) => {
        let sheet = sheets.get(table.sheet);
        if (!sheet) {
          sheet = workbook.addWorksheet(table.sheet);
          sheet.addRow(headersOf(table));
          sheets.set(table.sheet, sheet);
        }
        return sheet;
      };
      const cellsOf = (table: TableLayout, row: readonly unknown[]) =>
        row.map((value, index) => {
          const column = table.columns[index - (table.parentKey ? 1 : 0)];
          if (column?.type === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00Z`);
          if (column?.type === 'boolean' && typeof value === 'boolean') return value ? '是' : '否';
          return Array.isArray(value) ? value.join('\n') : value;
        });
      const originals = new Map<string, unknown[]>();
      for (const [file, kind] of [
        ['transport.catalog.yaml', 'DataResourceCatalog'],
        ['transport.assets.yaml', 'DataAssetRegister'],
      ] as Array<[string, SheetDocumentKind]>) {
        const docs = plainDocuments(fs.readFileSync(path.join(ROOT, 'examples', 'transport-bureau', file), 'utf8'));
        originals.set(`sub/${file}`, docs);
        docs.forEach((data, index) => {
          const source = `sub/${file}${index > 0 ? `#${index + 1}` : ''}`;
          const rows = documentRows(kind, data, source);
          const layout = workbookLayout(kind);
          sheetFor(documentsLayout()).addRow(cellsOf(documentsLayout(), rows.documents));
          for (const row of rows.items) sheetFor(layout.items).addRow(cellsOf(layout.items, row));
          layout.children.forEach((child, i) => {
            for (const row of rows.children[i]) sheetFor(child).addRow(cellsOf(child, row));
          });
        });
      }
      for (const sheet of sheets.values()) sheet.commit();
      await workbook.commit();
      const run = runCli(['import', 'book.xlsx', '--out', 'out', '--locale', 'en'], { cwd: dir });
      assert.notEqual(run.code, 2, run.stderr);
      assert.deepEqual(listFiles(path.join(dir, 'out')).sort(), [
        'sub/transport.assets.yaml',
        'sub/transport.catalog.yaml',
      ]);
      for (const [file, docs] of originals) {
        const text = fs.readFileSync(path.join(dir, 'out', file), 'utf8');
        const back = plainDocuments(text);
        assert.deepEqual(back, docs, file);
      }
    });

    it('refuses a 来源文件 that leads out of --out', async () => {
      const dir = tempDir();
      const workbook = new ExcelJS.Workbook();
      const layout = workbookLayout('DataResourceCatalog');
      const sheet = workbook.addWorksheet(layout.items.sheet);
      sheet.addRow(headersOf(layout.items));
      const row: unknown[] = headersOf(layout.items).map(() => undefined);
      row[0] = 'R-1';
      row[row.length - 1] = '../evil.catalog.yaml';
      sheet.addRow(row);
      await workbook.xlsx.writeFile(path.join(dir, 'book.xlsx'));
      const run = runCli(['import', 'book.xlsx', '--out', 'out', '--locale', 'en'], { cwd: dir });
      assert.equal(run.code, 2);
      assert.match(
        run.stderr,
        /数据资源!AA2: The source file "\.\.\/evil\.catalog\.yaml" is not a relative path inside the output folder/,
      );
      assert.equal(fs.existsSync(path.join(dir, 'evil.catalog.yaml')), false);
    });
  });

  describe('writing', () => {
    it('--dry-run writes nothing and shows the YAML; an existing file is not overwritten without --force', () => {
      const dir = tempDir({ 'c.csv': fixture('catalog-utf16.txt') });
      const dry = runCli(['import', 'c.csv', '--out', 'out', '--dry-run', ...UNIT], { cwd: dir });
      assert.match(dry.stdout, /# ==> out\/c\.catalog\.yaml <==\n# 由 steward import/);
      assert.equal(fs.existsSync(path.join(dir, 'out')), false);
      fs.mkdirSync(path.join(dir, 'out'));
      fs.writeFileSync(path.join(dir, 'out', 'c.catalog.yaml'), 'mine\n');
      const refused = runCli(['import', 'c.csv', '--out', 'out', '--locale', 'en', ...UNIT], { cwd: dir });
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /not overwritten \(add --force to overwrite\): out\/c\.catalog\.yaml/);
      assert.equal(fs.readFileSync(path.join(dir, 'out', 'c.catalog.yaml'), 'utf8'), 'mine\n');
      const forced = runCli(['import', 'c.csv', '--out', 'out', '--force', ...UNIT], { cwd: dir });
      assert.notEqual(forced.code, 2, forced.stderr);
      assert.match(fs.readFileSync(path.join(dir, 'out', 'c.catalog.yaml'), 'utf8'), /公交车辆实时位置数据/);
      assert.deepEqual(listFiles(path.join(dir, 'out')), ['c.catalog.yaml']);
    });
  });

  describe('interrupted or failing: no temporary file, nothing half-written', () => {
    it('Ctrl-C while the output is written and checked: exit 130, its temporary file removed', async () => {
      const rows = ['资源名称,资源标识,资源摘要'];
      for (let r = 0; r < 30_000; r++) rows.push(`名称${r},R-${r},摘要${r}`);
      const dir = tempDir({ 'c.csv': rows.join('\n') + '\n' });
      const out = path.join(dir, 'out');
      fs.mkdirSync(out);
      const child = spawn(process.execPath, [CLI, 'import', 'c.csv', '--out', 'out', '--locale', 'en', ...UNIT], {
        cwd: dir,
      });
      // The temporary file appears once the sheet is read; checking 30,000 items takes a while after that.
      let seen = '';
      const watcher = fs.watch(out, (_event, name) => {
        if (!name?.endsWith('.tmp') || seen) return;
        seen = name;
        child.kill('SIGINT');
      });
      let stderr = '';
      child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
      const code = await new Promise((resolve) => child.on('close', resolve));
      watcher.close();
      assert.match(seen, /^\.c\.catalog\.yaml\.\d+\.tmp$/);
      assert.equal(code, 130, stderr);
      assert.match(stderr, /steward: interrupted; nothing written\n/);
      assert.deepEqual(listFiles(out), []);
    });

    /** A workbook of the transport bureau's catalog and register (two files), and their targets under out/. */
    const twoFiles = () => {
      const dir = tempDir();
      const example = path.join(ROOT, 'examples', 'transport-bureau');
      const made = runCli(['export', example, '--format', 'xlsx', '--out', 'book.xlsx'], { cwd: dir });
      assert.equal(made.code, 0, made.stderr);
      fs.mkdirSync(path.join(dir, 'out'));
      const targets = ['transport.assets.yaml', 'transport.catalog.yaml'].map((name) => path.join(dir, 'out', name));
      return { dir, targets };
    };
    const named = (file: string, code: string) =>
      new RegExp(`^steward: out/${path.basename(file).replace(/\./g, '\\.')}: cannot write it \\(${code}\\)\n$`);

    it('--force, one file failing as they are put in place: the other keeps its old content, nothing left', () => {
      const { dir, targets } = twoFiles();
      for (const target of targets) fs.writeFileSync(target, `old ${path.basename(target)}\n`);
      const run = runCliWithObstacle(['import', 'book.xlsx', '--out', 'out', '--force', '--locale', 'en'], {
        cwd: dir,
        targets,
      });
      const obstacle = targets.find((target) => fs.statSync(target).isDirectory());
      assert.ok(obstacle, 'one target became a folder');
      const other = targets.find((target) => target !== obstacle)!;
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.match(run.stderr, named(obstacle, 'EISDIR'));
      assert.equal(fs.readFileSync(other, 'utf8'), `old ${path.basename(other)}\n`);
      const left = [path.basename(other), path.join(path.basename(obstacle), 'inside.txt')];
      assert.deepEqual(listFiles(path.join(dir, 'out')).sort(), left.sort());
    });

    it('without --force, a file another program writes meanwhile is kept, and the other is not written', () => {
      const { dir, targets } = twoFiles();
      const run = runCliWithObstacle(['import', 'book.xlsx', '--out', 'out', '--locale', 'en'], {
        cwd: dir,
        targets,
        text: 'theirs\n',
      });
      const obstacle = targets.find((target) => fs.existsSync(target));
      assert.ok(obstacle, 'another program wrote one of the targets');
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.ok(
        run.stderr.includes(
          `Already there, not overwritten (add --force to overwrite): ${path.relative(dir, obstacle)}`,
        ),
        run.stderr,
      );
      assert.equal(fs.readFileSync(obstacle, 'utf8'), 'theirs\n');
      assert.deepEqual(listFiles(path.join(dir, 'out')), [path.basename(obstacle)]);
    });

    it('a folder where the output file would go: exit 2, named, nothing written', () => {
      const dir = tempDir({ 'c.csv': '资源名称,资源标识\n站点数据,R-1\n' });
      fs.mkdirSync(path.join(dir, 'out', 'c.catalog.yaml'), { recursive: true });
      const run = runCli(['import', 'c.csv', '--out', 'out', '--force', '--locale', 'en'], { cwd: dir });
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.match(run.stderr, /^steward: out\/c\.catalog\.yaml: a folder is there; cannot write the file\n$/);
      assert.deepEqual(fs.readdirSync(path.join(dir, 'out')), ['c.catalog.yaml']);
    });
  });

  describe('bad input: exit 2, a clear error, nothing written', () => {
    const refused = (files: Record<string, string | Buffer>, input: string, pattern: RegExp, extra: string[] = []) => {
      const dir = tempDir(files);
      const run = runCli(['import', input, '--out', 'out', '--locale', 'en', ...extra], { cwd: dir });
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.match(run.stderr, pattern);
      assert.deepEqual(listFiles(path.join(dir, 'out')), []);
      return run;
    };

    it('a corrupt xlsx', () => {
      refused({ 'a.xlsx': 'this is not a workbook' }, 'a.xlsx', /a\.xlsx: not an xlsx file .*corrupt/);
    });

    it('a truncated xlsx', () => {
      const bytes = fs.readFileSync(made['provincial-catalog.fods']);
      refused(
        { 'a.xlsx': bytes.subarray(0, Math.floor(bytes.length / 2)) },
        'a.xlsx',
        /a\.xlsx: the file is truncated/,
      );
    });

    it('a corrupt sheet inside a whole zip names the sheet', async () => {
      const zip = await JSZip.loadAsync(fs.readFileSync(made['provincial-catalog.fods']));
      zip.file(
        'xl/worksheets/sheet1.xml',
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></c></sheetData></worksheet>',
      );
      const bytes = await zip.generateAsync({ type: 'nodebuffer' });
      refused(
        { 'a.xlsx': bytes },
        'a.xlsx',
        /a\.xlsx, sheet \S+ after row \d+: cannot read the workbook; the file is corrupt or truncated/,
      );
    });

    it('a zip bomb: a sheet inflating far beyond its packed size is refused before inflating', async () => {
      const zip = await JSZip.loadAsync(fs.readFileSync(made['provincial-catalog.fods']));
      // 64 MB of the same row, packed to well under 1 MB.
      const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
      const body = Buffer.alloc(64 * 1024 * 1024, row);
      zip.file('xl/worksheets/sheet1.xml', body, { compression: 'DEFLATE', compressionOptions: { level: 9 } });
      const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      assert.ok(bytes.length < 1024 * 1024);
      refused(
        { 'a.xlsx': bytes },
        'a.xlsx',
        /a\.xlsx: xl\/worksheets\/sheet1\.xml inflates to 67108864 bytes, \d+ times its packed size .*a zip bomb/,
      );
    });

    it('a password-protected workbook (an OLE compound file)', () => {
      const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
      refused(
        { 'a.xlsx': ole },
        'a.xlsx',
        /a\.xlsx: an encrypted \(password-protected\) workbook or an old \.xls file/,
      );
    });

    it('an empty sheet', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('空表');
      const dir = tempDir();
      await workbook.xlsx.writeFile(path.join(dir, 'a.xlsx'));
      refused(
        { 'a.xlsx': fs.readFileSync(path.join(dir, 'a.xlsx')) },
        'a.xlsx',
        /a\.xlsx \(空表\): The sheet is empty/,
      );
    });

    it('no recognisable header', () => {
      refused(
        { 'a.csv': '甲,乙,丙\n1,2,3\n' },
        'a.csv',
        /a\.csv \(a\): No recognisable header row in the first 30 rows/,
      );
    });

    it('duplicate header names, naming the columns', () => {
      refused(
        { 'a.csv': '信息资源名称,信息资源代码,提供单位,信息资源名称\nx,R-1,y,z\n' },
        'a.csv',
        /a\.csv a!1:1: Duplicate headers: columns A, D \(信息资源名称\)/,
      );
      refused(
        { 'a.csv': '资源名称,信息资源代码,信息资源名称\nx,R-1,z\n' },
        'a.csv',
        /a\.csv a!1:1: Duplicate headers: columns A, C \(资源名称\) have the same header or map to the same field/,
      );
    });

    it('1,048,576 rows: refused above the item limit, naming the row where reading stopped', async () => {
      const rows: string[] = [
        '<row r="1"><c r="A1" t="inlineStr"><is><t>资源名称</t></is></c><c r="B1" t="inlineStr"><is><t>资源标识</t></is></c></row>',
      ];
      for (let r = 2; r <= 1_048_576; r++)
        rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>x</t></is></c></row>`);
      const zip = await JSZip.loadAsync(fs.readFileSync(made['formula-errors.fods']));
      zip.file(
        'xl/worksheets/sheet1.xml',
        `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`,
      );
      const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      refused(
        { 'a.xlsx': bytes },
        'a.xlsx',
        /a\.xlsx Sheet1!100002:100002: More than 100000 items \(the limit per file\); reading stopped at row 100002/,
      );
    });

    it('a 100 MB CSV streams: refused at the item limit with bounded memory', () => {
      const dir = tempDir();
      const file = path.join(dir, 'big.csv');
      const fd = fs.openSync(file, 'w');
      fs.writeSync(fd, '资源名称,资源标识,资源摘要\n');
      const filler = '摘'.repeat(160);
      const block: string[] = [];
      let size = 0;
      for (let r = 0; size < 100 * 1024 * 1024; r++) {
        block.push(`名称${r},R-${r},${filler}\n`);
        if (block.length === 10_000) {
          const text = block.join('');
          size += Buffer.byteLength(text);
          fs.writeSync(fd, text);
          block.length = 0;
        }
      }
      fs.closeSync(fd);
      const probe = path.join(dir, 'probe.js');
      fs.writeFileSync(
        probe,
        "process.on('exit', () => process.stderr.write('\\nRSS ' + process.resourceUsage().maxRSS + '\\n'));\n",
      );
      const run = runCli(['import', 'big.csv', '--out', 'out', '--locale', 'en'], {
        cwd: dir,
        nodeArgs: ['-r', probe],
      });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /big\.csv big!100002:100002: More than 100000 items/);
      const rssMb = Number(/RSS (\d+)/.exec(run.stderr)![1]) / 1024;
      // The file is 100 MB (200 MB as a JS string): read whole it would not fit in this.
      assert.ok(rssMb < 300, `peak RSS ${rssMb} MB`);
      assert.deepEqual(listFiles(path.join(dir, 'out')), []);
    });
  });
});
