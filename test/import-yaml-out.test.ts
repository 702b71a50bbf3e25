/**
 * The YAML writer of `steward import` (service/sheets/yaml-out.ts) on its own: the text given in pieces of an item
 * each (so that a large file's text need not be held twice), the items let go as they are written, and the source
 * cell of every line kept compactly, also past the first 65,536 lines.
 */
import * as assert from 'node:assert/strict';
import { writeYaml } from '../server/src/service/sheets/yaml-out';
import type { Origin, YamlDocument } from '../server/src/service/sheets/yaml-out';

const DATE_FIELDS = new Set(['releaseDate']);

/** A catalog of `count` resources from the sheet 数据资源 (rows 2…), each with one information item from 信息项. */
function catalog(count: number): { documents: YamlDocument[]; origins: WeakMap<object, Origin>; rows: Origin[] } {
  const origins = new WeakMap<object, Origin>();
  const itemColumns = new Map([
    ['id', 'A'],
    ['name', 'B'],
    ['sharing.type', 'C'],
  ]);
  const rows: Origin[] = [];
  const resources = Array.from({ length: count }, (_, index) => {
    const entry = { name: '记录编号', dataType: '字符型' };
    origins.set(entry, { sheet: '信息项', row: index + 2, columns: new Map([['name', 'B']]) });
    const resource = {
      id: `R-${String(index + 1).padStart(6, '0')}`,
      name: `数据资源${index + 1}`,
      sharing: { type: '有条件共享' },
      informationItems: [entry],
    };
    const origin: Origin = { sheet: '数据资源', row: index + 2, columns: itemColumns };
    origins.set(resource, origin);
    rows.push(origin);
    return resource;
  });
  const data = { apiVersion: 'steward/v1', kind: 'DataResourceCatalog', resources };
  return { documents: [{ comments: ['导入'], data }], origins, rows };
}

describe('steward import: the YAML writer', () => {
  it('gives the text in pieces, one per item, the head with the first', () => {
    const { documents, origins } = catalog(3);
    const pieces: string[] = [];
    writeYaml(documents, origins, DATE_FIELDS, (piece) => pieces.push(piece));
    assert.equal(pieces.length, 4); // three items, then what follows the last (nothing)
    assert.ok(pieces[0].startsWith('# 导入\napiVersion: steward/v1\n'));
    assert.ok(
      pieces[0].endsWith(
        '  - id: R-000001\n    name: 数据资源1\n    sharing:\n      type: 有条件共享\n' +
          '    informationItems:\n      # 来源：信息项!第 2 行\n      - name: 记录编号\n        dataType: 字符型\n',
      ),
    );
    assert.ok(pieces[1].startsWith('  # 来源：数据资源!第 3 行\n  - id: R-000002\n'));
    assert.equal(pieces[3], '');
  });

  it('lets each item go once written when asked to (the documents are spent), and only then', () => {
    const kept = catalog(3);
    writeYaml(kept.documents, kept.origins, DATE_FIELDS, () => {});
    assert.equal((kept.documents[0].data.resources as unknown[]).filter(Boolean).length, 3);
    const spent = catalog(3);
    const seen: unknown[][] = [];
    const resources = spent.documents[0].data.resources as unknown[];
    writeYaml(spent.documents, spent.origins, DATE_FIELDS, () => seen.push([...resources]), true);
    // Each piece is given before its item goes: the previous items are gone by then.
    assert.deepEqual(
      seen.map((list) => list.filter(Boolean).length),
      [3, 2, 1, 0],
    );
  });

  it('names the source cell of every line and finds each field, past 65,536 lines', () => {
    const { documents, origins, rows } = catalog(12_000); // 9 lines per resource: 108,004 lines
    const pieces: string[] = [];
    const sources = writeYaml(documents, origins, DATE_FIELDS, (piece) => pieces.push(piece));
    const lines = pieces.join('').split('\n');
    assert.equal(lines.length - 1, 4 + 12_000 * 9);
    for (const index of [0, 7_281, 11_999]) {
      const idLine = sources.lineOf(rows[index], 'id')!;
      assert.equal(lines[idLine], `  - id: R-${String(index + 1).padStart(6, '0')}`);
      assert.equal(sources.cellAt(idLine), `数据资源!A${index + 2}`);
      const typeLine = sources.lineOf(rows[index], 'sharing.type')!;
      assert.equal(lines[typeLine], '      type: 有条件共享');
      assert.equal(sources.cellAt(typeLine), `数据资源!C${index + 2}`);
      // The source comment is no value's line; the information item's line is its own row's.
      assert.equal(sources.cellAt(idLine - 1), undefined);
      assert.equal(sources.cellAt(idLine + 6), `信息项!B${index + 2}`);
    }
    assert.ok(sources.lineOf(rows[11_999], 'id')! > 65_536);
    assert.equal(sources.lineOf(rows[5], 'abstract'), undefined);
    assert.equal(sources.cellAt(lines.length + 10), undefined);
    assert.equal(sources.cellAt(0), undefined);
  });
});
