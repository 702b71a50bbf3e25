/**
 * `steward export` makes its rows from the check's own parse (the service's `update` with `visitItems`), and takes a
 * file's rows back to read it again when the check could not hand its items over one at a time. Its sheets must
 * hold exactly the rows the layout gives for the whole parse of each file, and each finding must point at the row
 * of the item it is about.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  cellOf,
  columnsInOrder,
  createStewardService,
  documentRows,
  exportTables,
  plainDocuments,
  streamDocuments,
} from '../server/src/service';
import type { Finding } from '../server/src/service';
import { ROOT, runCli, tempDir } from './helpers';

type Generate = (o: { assets: number; violations?: boolean }) => { register: string; catalog: string };

async function generated(assets: number, violations = false): Promise<{ register: string; catalog: string }> {
  const { generate } = (await import(path.join(ROOT, 'bench', 'generate.mjs'))) as { generate: Generate };
  return generate({ assets, violations });
}

/** A register's text split after its head and at each item: [head, items]. */
function parts(register: string): { head: string; items: string[] } {
  const [head, ...items] = register.split(/^(?= {2}- id: )/m);
  return { head, items };
}

/** Files the check takes item by item, and files it cannot (an alias across items, a flow list, no list). */
async function layouts(): Promise<Record<string, string>> {
  const { register, catalog } = await generated(12);
  const { head, items } = parts(register);
  const anchored = items[2].replace('    securityGrade: 一般数据', '    securityGrade: &grade 一般数据');
  const aliased = items[7].replace(/ {4}securityGrade: \S+/, '    securityGrade: *grade');
  return {
    'plain.assets.yaml': register,
    'plain.catalog.yaml': catalog,
    'several.assets.yaml': `${head}${items.slice(0, 4).join('')}---\n${head.replace(/某市/g, '某县')}${items
      .slice(4, 9)
      .join('')}---\nnot: ours\n---\n${head}`,
    'alias.assets.yaml': head + [...items.slice(0, 2), anchored, ...items.slice(3, 7), aliased].join(''),
    'flow.assets.yaml': `${head.trimEnd()} [{id: DA-2024-900001, name: 流式, resource: R-1}, {id: DA-2024-900002}]\n`,
    'tail.assets.yaml': `${head}${items.slice(0, 3).join('')}remarks: 列表之后的键\n`,
    'empty.assets.yaml': '',
  };
}

/** The 来源文件 cell of a document. */
function sourceName(file: string, index: number): string {
  return index === 0 ? file : `${file}#${index + 1}`;
}

/** Sheet → rows (as texts) of the whole parse of each file, by the layout: what the export must write. */
function expectedSheets(files: Record<string, string>): Map<string, string[][]> {
  const tables = exportTables();
  const sheets = new Map<string, string[][]>();
  const service = createStewardService();
  for (const [file, text] of Object.entries(files)) {
    for (const document of plainDocuments(service.parse(file, text))) {
      const rows = documentRows(document.kind, document.data, sourceName(file, document.index));
      tables.forEach(({ table, kind, part }) => {
        if (kind !== undefined && kind !== document.kind) return;
        const own = part === 'documents' ? [rows.documents] : part === 'items' ? rows.items : rows.children[part];
        const columns = columnsInOrder(table);
        const texts = own.map((row) => row.map((value, c) => cellOf(columns[c], value).text));
        if (texts.length > 0) sheets.set(table.sheet, [...(sheets.get(table.sheet) ?? []), ...texts]);
      });
    }
  }
  return sheets;
}

/** Our CSV files of an export (`<base>-<sheet>.csv`), sheet → rows with the header row first. */
function csvSheets(base: string): Map<string, string[][]> {
  const dir = path.dirname(base);
  const prefix = `${path.basename(base)}-`;
  const sheets = new Map<string, string[][]>();
  for (const name of fs.readdirSync(dir).filter((n) => n.startsWith(prefix) && n.endsWith('.csv'))) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    sheets.set(name.slice(prefix.length, -4), parse(text, { bom: true, relax_column_count: true }) as string[][]);
  }
  return sheets;
}

const sorted = (rows: string[][]) => rows.map((row) => JSON.stringify(row)).sort();

describe('steward export: rows from the check’s parse', function () {
  this.timeout(120_000);

  it('the check hands over every item of every steward document, in order, as plain data', async () => {
    const files = await layouts();
    for (const file of ['plain.assets.yaml', 'plain.catalog.yaml', 'several.assets.yaml', 'tail.assets.yaml']) {
      const text = files[file];
      const handed: unknown[] = [];
      createStewardService().update(file, text, {
        retain: false,
        visitItems: {
          item: (document, value) => handed.push([document.index, document.kind, value]),
          restart: () => assert.fail(`${file}: restarted`),
        },
      });
      const expected = [...streamDocuments(file, text)].flatMap((document) =>
        [...document.items].map((item) => [document.index, document.kind, item]),
      );
      assert.ok(expected.length > 0, file);
      assert.deepEqual(handed, expected, file);
    }
    // An alias to another item's anchor: the items before it, then a restart and every item of the whole parse.
    const events: string[] = [];
    createStewardService().update('alias.assets.yaml', files['alias.assets.yaml'], {
      retain: false,
      visitItems: { item: (_, __, index) => events.push(String(index)), restart: () => events.push('restart') },
    });
    assert.deepEqual(events, ['0', '1', '2', '3', '4', '5', '6', 'restart', '0', '1', '2', '3', '4', '5', '6', '7']);
  });

  it('writes each file’s rows once, as the whole parse lays them out, whether or not the check took it item by item', async () => {
    const files = await layouts();
    const dir = tempDir(files);
    const out = tempDir();
    const run = runCli(['export', dir, '--format', 'csv', '--out', path.join(out, 'x.csv')], { cwd: dir });
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    const written = csvSheets(path.join(out, 'x'));
    const expected = expectedSheets(files);
    assert.deepEqual([...written.keys()].filter((sheet) => sheet !== '检查结果').sort(), [...expected.keys()].sort());
    for (const [sheet, rows] of expected) assert.deepEqual(sorted(written.get(sheet)!.slice(1)), sorted(rows), sheet);
  });

  it('places each finding about an item in that item’s row, in a file of several documents', async () => {
    const { register } = await generated(30, true);
    const { head, items } = parts(register);
    const text = `${head}${items.slice(0, 14).join('')}---\n${head}${items.slice(14).join('')}`;
    const dir = tempDir({ 'two.assets.yaml': text });
    const out = tempDir();
    const run = runCli(['export', dir, '--format', 'csv', '--out', path.join(out, 'x.csv')], { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    const sheets = csvSheets(path.join(out, 'x'));
    const placed = new Map(sheets.get('检查结果')!.map((row) => [`${row[0]} ${row[4]}`, row]));
    const service = createStewardService({ reportForeignDocuments: true });
    service.update('two.assets.yaml', text);
    const documents = plainDocuments(service.parse('two.assets.yaml', text));
    const starts = [0, text.split('\n').indexOf('---') + 1];
    const inItems = (finding: Finding) => /^\/assets\/\d+\//.test(finding.path ?? '');
    const findings = service.findings('two.assets.yaml').filter(inItems);
    assert.ok(findings.length > 20 && findings.some((f) => /^\/assets\/\d+\/revenue\/\d+/.test(f.path!)));
    for (const finding of findings) {
      const { line, character } = finding.range.start;
      const row = placed.get(`${finding.ruleId} two.assets.yaml:${line + 1}:${character + 1}`)!;
      const [sheet, cell] = [row[2], row[3]];
      const d = line >= starts[1] ? 1 : 0;
      const item = Number(/^\/assets\/(\d+)/.exec(finding.path!)![1]);
      const id = (documents[d].data as { assets: Array<{ id: string }> }).assets[item].id;
      const rows = sheets.get(sheet)!;
      const target = rows[Number(/\d+$/.exec(cell)![0]) - 1];
      // The id is an items sheet's first column, and a child sheet's (its parent key).
      assert.equal(target[0], id, `${finding.ruleId} ${finding.path} → ${sheet}!${cell}`);
      assert.equal(target.at(-1), sourceName('two.assets.yaml', d), `${finding.ruleId} ${finding.path}`);
    }
  });
});
