import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createStewardService } from '../server/src/service';
import { MINIMAL_REGISTER, MINIMAL_CATALOG, ROOT, random } from './helpers';

/**
 * A file no editor shows (`update` with `retain: false`: the CLI, files indexed from disk) is parsed item by
 * item, each item's tree checked, indexed and dropped. It must give what the whole parse gives: the same
 * findings, the same index entries, the same cross-file findings.
 */
function compare(files: Array<[string, string]>, label: string): void {
  const streamed = createStewardService({ reportForeignDocuments: true, today: '2026-11-27' });
  const whole = createStewardService({ reportForeignDocuments: true, today: '2026-11-27' });
  // An editor's file checked from scratch: item by item too, in steps of one item, keeping the trees.
  const kept = createStewardService({ reportForeignDocuments: true, today: '2026-11-27', incremental: true });
  for (const [uri, text] of files) {
    streamed.update(uri, text, { retain: false });
    whole.update(uri, text);
    const steps = kept.updateSteps(uri, text, { itemsPerStep: 1 });
    let pauses = 0;
    while (!steps.next().done) pauses++;
    assert.ok(pauses >= 1, `${label}: ${uri} checked in steps`);
  }
  for (const [uri, text] of files) {
    assert.deepEqual(streamed.findings(uri), whole.findings(uri), `${label}: findings of ${uri}`);
    assert.deepEqual(streamed.index.get(uri), whole.index.get(uri), `${label}: index entry of ${uri}`);
    assert.deepEqual(kept.findings(uri), whole.findings(uri), `${label}: findings of ${uri}, trees kept`);
    assert.deepEqual(kept.index.get(uri), whole.index.get(uri), `${label}: index entry of ${uri}, trees kept`);
    // The kept parse is what later edits start from: it must be a whole parse's equal.
    const parse = kept.document(uri)!;
    const reference = whole.parse(uri, text);
    assert.deepEqual(
      parse.documents.map((d) => d.root),
      reference.documents.map((d) => d.root),
      `${label}: trees of ${uri}`,
    );
    const flags = (d: typeof parse) =>
      d.documents.map((doc) => [
        doc.headBroken,
        doc.items.map((item) => [item.span, item.text, item.broken, Boolean(item.clean), item.deferred]),
      ]);
    assert.deepEqual(flags(parse), flags(reference), `${label}: items of ${uri}`);
    assert.deepEqual(parse.parseFindings, reference.parseFindings, `${label}: YAML findings of ${uri}`);
    const byOffset = (d: typeof parse) =>
      [...(d.problems ?? [])].sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
    assert.deepEqual(byOffset(parse), byOffset(reference), `${label}: YAML problems of ${uri}`);
    assert.deepEqual(parse.layouts, reference.layouts, `${label}: layout of ${uri}`);
  }
}

const ITEM = MINIMAL_REGISTER.slice(MINIMAL_REGISTER.indexOf('  - id'));
const HEAD = MINIMAL_REGISTER.slice(0, MINIMAL_REGISTER.indexOf('  - id'));

function register(count: number): string {
  let text = HEAD;
  for (let i = 1; i <= count; i++) {
    text += ITEM.replace('DA-2024-0001', `DA-2024-${String(i).padStart(4, '0')}`).replace(
      '一般数据',
      i % 5 === 0 ? '秘密数据' : '一般数据',
    );
  }
  return text;
}

describe('validate: files no editor shows are checked item by item', () => {
  it('gives the findings and index entries of the whole parse on every example, cross-file rules included', () => {
    const files: Array<[string, string]> = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.ya?ml$/.test(entry.name)) files.push([path.relative(ROOT, full), fs.readFileSync(full, 'utf8')]);
      }
    };
    walk(path.join(ROOT, 'examples'));
    assert.ok(files.length > 30);
    compare(files, 'examples');
    // One by one too: each example alone in its workspace.
    for (const file of files) compare([file], file[0]);
  });

  it('keeps no item tree: the returned parse holds none', () => {
    const service = createStewardService({ today: '2026-11-27' });
    const { document } = service.update('r.assets.yaml', register(20), { retain: false });
    const items = document.documents[0].items;
    assert.equal(items.length, 20);
    assert.ok(items.every((item) => item.node === null && item.deferred === true));
    assert.equal(service.index.get('r.assets.yaml')!.assets.length, 20);
  });

  it('the same on layouts that need care: aliases across items, broken items, keys after the list, empty items', () => {
    const cases: Record<string, string> = {
      'alias to an anchor in another item (whole parse)': register(3)
        .replace('name: 公交运行监测数据集', 'name: &n 公交运行监测数据集')
        .replace(/(DA-2024-0003'?\n(?:.*\n)*?\s+name: )[^\n]*/, '$1*n'),
      'a syntax error inside one item': register(4).replace(
        /(DA-2024-0002[\s\S]*?securityGrade: )一般数据/,
        '$1[一般数据',
      ),
      'a tab inside one item': register(3).replace(/(DA-2024-0002[\s\S]*?)\n {4}name:/, '$1\n\tname:'),
      'a duplicate key inside an item': register(3).replace(/(DA-2024-0003'?\n)/, '$1    id: DA-2024-0003\n'),
      'keys after the list (asOf and unit in the tail)':
        register(3).replace(/^unit:/m, 'x-unit:') + 'asOf: 2020-01-01\n',
      'an empty item and a trailing dash': register(2) + '  -\n  - \n',
      'a comment-only tail and blank lines': register(2) + '\n# end of register\n\n',
      'CRLF line ends': register(3).replace(/\n/g, '\r\n'),
      'a byte-order mark': '\ufeff' + register(2),
      'two documents, the second a catalog': register(2) + '---\n' + MINIMAL_CATALOG,
      'no items at all': HEAD + '\n',
      'an unknown kind over broken items (their YAML problems still reported)': register(3)
        .replace('kind: DataAssetRegister', 'kind: Other')
        .replace(/(DA-2024-0002[\s\S]*?securityGrade: )一般数据/, '$1[一般数据'),
      'kind only in the tail': register(3).replace('kind: DataAssetRegister\n', '') + 'kind: DataAssetRegister\n',
      'more than a hundred YAML problems':
        HEAD +
        Array.from({ length: 120 }, (_, i) => `  - id: DA-2024-${String(i).padStart(4, '0')}\n    name: [x\n`).join(''),
    };
    for (const [label, text] of Object.entries(cases)) compare([['r.assets.yaml', text]], label);
  });

  it('the same after random edits of a register (300 edits, each checked both ways)', () => {
    const next = random(2026);
    const pieces = ['x', '\n', '  ', '- ', ': ', '#', '[', '"', '一般数据', '\t', '---\n', '&a ', '*a'];
    let text = register(12);
    for (let step = 0; step < 300; step++) {
      const at = next(text.length + 1);
      const choice = next(3);
      if (choice === 0) text = text.slice(0, at) + pieces[next(pieces.length)] + text.slice(at);
      else if (choice === 1) text = text.slice(0, at) + text.slice(at + 1 + next(12));
      else {
        const lines = text.split('\n');
        const line = next(lines.length);
        lines.splice(line, 0, lines[next(lines.length)]);
        text = lines.join('\n');
      }
      if (step % 50 === 49) text = register(12);
      compare(
        [
          ['r.assets.yaml', text],
          ['c.catalog.yaml', MINIMAL_CATALOG],
        ],
        `step ${step}`,
      );
    }
  });
});
