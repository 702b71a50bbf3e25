import * as assert from 'node:assert/strict';
import { createStewardService } from '../server/src/service';
import { isFolded } from '../server/src/service/parser/parse';
import { random, registerOf } from './helpers';

// An editor's open file lets go of its clean items' trees once they are checked (service/parser/folded.ts, issue 19)
// and parses an item again when a request reads it.

/** A register whose third asset is 重要数据 without protection (findings with fixes) and whose fifth is broken. */
function register(): string {
  return registerOf(8, (asset, n) =>
    n === 3 ? asset.replace('一般数据', '重要数据') : n === 5 ? asset.replace('    name:', '    name: [') : asset,
  );
}

describe('folded items (an open file without its clean trees)', () => {
  it('an editor keeps no tree of a clean item once it is checked, in the item and in the list alike', () => {
    const editor = createStewardService({ incremental: true, today: '2026-11-26' });
    const { document } = editor.update('x.assets.yaml', register());
    const items = document.documents[0].items;
    assert.equal(items.length, 8);
    assert.deepEqual(
      items.map((item) => isFolded(item.node)),
      [true, true, true, true, false, true, true, true],
      'every clean item folded; the broken one keeps its tree',
    );
    const root = document.documents[0].root;
    const list = root?.type === 'map' ? root.entries.find((entry) => entry.key === 'assets')?.value : undefined;
    assert.ok(list?.type === 'seq');
    assert.ok(
      list.items.every((node, i) => node === items[i].node),
      'the list holds the folded items',
    );
    // An edit folds the item it parsed again.
    const text = register();
    const at = text.indexOf('DA-2024-0002') + 3;
    const edited = editor.update('x.assets.yaml', text.slice(0, at) + 'x' + text.slice(at), {
      change: { start: at, oldEnd: at, newEnd: at + 1 },
    });
    assert.ok(isFolded(edited.document.documents[0].items[1].node));
  });

  it('requests read folded items as whole trees: the same answers as from the unfolded parse, after edits too', () => {
    const next = random(19);
    const editor = createStewardService({ incremental: true, today: '2026-11-26' });
    const whole = createStewardService({ incremental: true, today: '2026-11-26' });
    let text = register();
    editor.update('x.assets.yaml', text);
    for (let step = 0; step < 12; step++) {
      // A line typed into an item above others: the folded items below move without being read.
      const at = text.indexOf('\n', text.indexOf(`DA-2024-000${1 + next(8)}`)) + 1;
      const line = `    description: 第${step}次\n`;
      text = text.slice(0, at) + line + text.slice(at);
      editor.update('x.assets.yaml', text, { change: { start: at, oldEnd: at, newEnd: at + line.length } });
      whole.update('x.assets.yaml', text);
      // `document` unfolds every tree: the reference.
      const lines = whole.document('x.assets.yaml')!.lines;
      for (let probe = 0; probe < 25; probe++) {
        const position = lines.positionAt(next(text.length + 1));
        const label = `step ${step}, ${JSON.stringify(position)}`;
        assert.deepEqual(editor.hover('x.assets.yaml', position, 'en'), whole.hover('x.assets.yaml', position, 'en'));
        assert.deepEqual(
          editor.definition('x.assets.yaml', position),
          whole.definition('x.assets.yaml', position),
          label,
        );
        assert.deepEqual(
          editor.complete('x.assets.yaml', position, 'en'),
          whole.complete('x.assets.yaml', position, 'en'),
          label,
        );
        const range = { start: position, end: position };
        assert.deepEqual(
          editor.codeActions('x.assets.yaml', range, 'en'),
          whole.codeActions('x.assets.yaml', range, 'en'),
          label,
        );
      }
      assert.deepEqual(editor.documentSymbols('x.assets.yaml', 'en'), whole.documentSymbols('x.assets.yaml', 'en'));
      assert.deepEqual(editor.findings('x.assets.yaml'), whole.findings('x.assets.yaml'), `step ${step}: findings`);
    }
    // The parse as a whole, unfolded, is a fresh parse's equal.
    assert.deepEqual(
      editor.document('x.assets.yaml')!.documents.map((d) => d.root),
      createStewardService()
        .parse('x.assets.yaml', text)
        .documents.map((d) => d.root),
    );
  });
});
