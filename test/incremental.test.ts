/**
 * Editing a parsed file: the line index and the parse of an edited text are derived from the previous ones
 * (parse.ts reparseEdit, lines.ts edited). Whatever the edit, the result must equal a fresh parse.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex } from '../server/src/service/parser/lines';
import { changedWindow, mergeChanges, parseStewardFile, settleFile } from '../server/src/service/parser/parse';
import type { TextChange } from '../server/src/service/parser/parse';
import { createStewardService } from '../server/src/service/index';
import { PieceText } from '../server/src/service/parser/source';
import { MINIMAL_REGISTER, random, registerOf, ROOT } from './helpers';

function lineStarts(index: LineIndex): number[] {
  const out: number[] = [];
  for (let line = 0; line < index.lineCount; line++) out.push(index.lineStart(line));
  return out;
}

describe('line index: positions', () => {
  it('answers any sequence of questions as a line-by-line count does (near, far, backwards, past the end)', () => {
    const next = random(5);
    const text =
      Array.from(
        { length: 400 },
        (_, i) => 'x'.repeat(i % 7) + (i % 3 === 0 ? '\r\n' : i % 5 === 0 ? '\r' : '\n'),
      ).join('') + 'end';
    const index = new LineIndex(text);
    const expected = (offset: number) => {
      let clamped = Math.max(0, Math.min(offset, text.length));
      // Between the CR and the LF of a line break is the line's end (as LSP's own TextDocument answers).
      if (clamped > 0 && text[clamped] === '\n' && text[clamped - 1] === '\r') clamped--;
      // Line breaks ending before the offset; a CR followed by an LF breaks the line at the LF.
      let line = 0;
      let start = 0;
      for (let i = 0; i < clamped; i++) {
        const c = text[i];
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
          line++;
          start = i + 1;
        }
      }
      return { line, character: clamped - start };
    };
    let offset = 0;
    for (let step = 0; step < 3000; step++) {
      const move = next(4);
      offset =
        move === 0
          ? next(text.length + 10) - 5
          : move === 1
            ? offset + next(40)
            : move === 2
              ? offset - next(40)
              : offset + next(3);
      assert.deepEqual(index.positionAt(offset), expected(offset), `offset ${offset} at step ${step}`);
    }
  });
});

describe('incremental: the line index of an edited text', () => {
  it('equals a fresh index after 2,000 random edits with LF, CRLF and lone CR line breaks', () => {
    const next = random(11);
    const pieces = ['a', '\n', '\r\n', '\r', 'xy', '\n\n', ' ', '中'];
    let text = 'a: 1\r\nb:\n  - c\rd: 2\n';
    let index = new LineIndex(text);
    for (let step = 0; step < 2000; step++) {
      const at = next(text.length + 1);
      const removed = next(4);
      const inserted = next(3) === 0 ? '' : pieces[next(pieces.length)];
      const after = text.slice(0, at) + inserted + text.slice(Math.min(text.length, at + removed));
      const window = changedWindow(text, after);
      if (window) index = index.edited(after, window.start, window.oldEnd, window.newEnd);
      text = after;
      assert.deepEqual(lineStarts(index), lineStarts(new LineIndex(text)), `step ${step}: ${JSON.stringify(text)}`);
      if (text.length > 400) {
        text = text.slice(0, 200);
        index = new LineIndex(text);
      }
    }
  });

  it('equals a fresh index when edits add and remove hundreds of lines at once (the starts grow, move, shrink)', () => {
    let text = 'a: 1\nb: 2\nc: 3\n';
    let index = new LineIndex(text);
    const edit = (start: number, end: number, insert: string) => {
      const after = text.slice(0, start) + insert + text.slice(end);
      index = index.edited(after, start, end, start + insert.length);
      text = after;
      assert.deepEqual(lineStarts(index), lineStarts(new LineIndex(text)), JSON.stringify(text.slice(0, 40)));
    };
    edit(5, 5, 'x\n'.repeat(300)); // past the spare room: a larger array
    edit(5, 5, '\n'); // within the spare room
    edit(5, 5 + 2 * 250, ''); // fewer lines: later starts move up
    edit(0, 0, 'y\r\n'.repeat(40) + 'z\r'); // CRLF and a lone CR
    edit(text.length - 3, text.length, 'w');
    assert.equal(index.lineCount, new LineIndex(text).lineCount);
  });

  it('changedWindow finds the smallest window', () => {
    assert.equal(changedWindow('abc', 'abc'), undefined);
    assert.deepEqual(changedWindow('abcdef', 'abXdef'), { start: 2, oldEnd: 3, newEnd: 3 });
    assert.deepEqual(changedWindow('abcdef', 'abcXdef'), { start: 3, oldEnd: 3, newEnd: 4 });
    assert.deepEqual(changedWindow('abcdef', 'abef'), { start: 2, oldEnd: 4, newEnd: 2 });
    const long = 'x'.repeat(200_000);
    assert.deepEqual(changedWindow(long + 'a' + long, long + 'bb' + long), {
      start: 200_000,
      oldEnd: 200_001,
      newEnd: 200_002,
    });
  });
});

describe('incremental: the parse of an edited text', () => {
  it('keeps the trees of items the edit did not touch, the same objects, moved in place', () => {
    const text = registerOf(20);
    const before = parseStewardFile('x', text);
    const items = before.documents[0].items.map((i) => i.node);
    const at = text.indexOf('\n', text.indexOf('name:', text.indexOf('DA-2024-0010')));
    const after = parseStewardFile('x', text.slice(0, at) + '\n    note: 新' + text.slice(at), { previous: before });
    const now = after.documents[0].items.map((i) => i.node);
    assert.equal(now.length, 20);
    for (let i = 0; i < 20; i++) {
      if (i === 9) assert.notEqual(now[i], items[i], 'the edited item is parsed again');
      else assert.equal(now[i], items[i], `item ${i} is reused`);
    }
    // Items after the edit have their move pending until read; settled, the trees are a fresh parse's.
    assert.ok(after.documents[0].items.slice(10, 19).every((item) => item.pending === '\n    note: 新'.length));
    const fresh = parseStewardFile('x', after.text);
    assert.deepEqual(
      settleFile(after).documents.map((d) => d.root),
      fresh.documents.map((d) => d.root),
    );
  });

  it('gives what a fresh parse gives after 400 random edits (typing, new lines, deletions, new items, errors)', function () {
    this.timeout(120_000);
    const next = random(3);
    const catalogTail =
      '\n---\napiVersion: steward/v1\nkind: DataResourceCatalog\nresources:\n  - id: R-1\n    name: 资源\n';
    // Waiver comments too: an edit that leaves them alone keeps them; one that touches them re-reads them.
    const withWaivers = (t: string) =>
      t
        .replace('    securityGrade:', '    # steward-disable-next-line DA-SEC-002 -- 测试\n    securityGrade:')
        .replace(/(DA-2024-0005\n)/, '$1    # steward-disable-line DA-UNKNOWN-1 -- x\n');
    let text = withWaivers(registerOf(12)) + catalogTail;
    const incremental = createStewardService({ incremental: true, today: '2026-11-26' });
    incremental.update('x', text);
    const pieces = [
      'x',
      ' ',
      '\n',
      ':',
      '-',
      '#',
      '\n    note: 备注',
      '\n  - id: DA-NEW\n    name: 新',
      '[',
      '"',
      '\t',
      '\r\n',
      '中文',
    ];
    for (let step = 0; step < 400; step++) {
      const at = next(text.length);
      const kind = next(10);
      if (kind < 6) text = text.slice(0, at) + pieces[next(pieces.length)] + text.slice(at);
      else if (kind < 9) text = text.slice(0, at) + text.slice(at + 1 + next(6));
      else text = text.slice(0, at) + text.slice(at).replace(/\n/, '\n\n');
      const fresh = createStewardService({ today: '2026-11-26' });
      const a = incremental.validate('x', text);
      const b = fresh.validate('x', text);
      const label = `step ${step}`;
      assert.deepEqual(a.findings, b.findings, label);
      assert.deepEqual(
        incremental.document('x')!.documents.map((d) => [d.span, d.root, d.items.map((i) => [i.span, i.broken])]),
        b.document.documents.map((d) => [d.span, d.root, d.items.map((i) => [i.span, i.broken])]),
        label,
      );
      assert.deepEqual(lineStarts(a.document.lines), lineStarts(b.document.lines), label);
      if (text.length > 6000) {
        text = withWaivers(registerOf(12)) + catalogTail;
        incremental.update('x', text);
      }
    }
  });
});

describe("incremental: edits the caller describes (an editor's change events)", () => {
  /** A random edit of `text`: [start, end) replaced by an insertion. */
  const randomEdit = (next: (n?: number) => number, text: string, pieces: string[]) => {
    const start = next(text.length + 1);
    const end = Math.min(text.length, start + (next(3) === 0 ? next(8) : 0));
    return { start, end, insert: next(4) === 0 ? '' : pieces[next(pieces.length)] };
  };

  it('mergeChanges: several edits in a row add up to one change that holds between the first and last text', () => {
    const next = random(17);
    for (let trial = 0; trial < 3000; trial++) {
      const first = 'abcdefghij\nklmnopqrst\n'.repeat(1 + next(3));
      let text = first;
      let merged: TextChange | undefined;
      for (let edits = 1 + next(4); edits > 0; edits--) {
        const { start, end, insert } = randomEdit(next, text, ['X', 'YZ', '\n', '']);
        merged = mergeChanges(merged, { start, oldEnd: end, newEnd: start + insert.length });
        text = text.slice(0, start) + insert + text.slice(end);
      }
      const { start, oldEnd, newEnd } = merged!;
      assert.ok(
        start <= oldEnd && start <= newEnd && oldEnd <= first.length && newEnd <= text.length,
        `trial ${trial}`,
      );
      assert.equal(first.slice(0, start), text.slice(0, start), `trial ${trial}: before the change`);
      assert.equal(first.slice(oldEnd), text.slice(newEnd), `trial ${trial}: after the change`);
    }
  });

  it('a service told what changed gives what a fresh parse gives after 300 batches of random edits', function () {
    this.timeout(120_000);
    const next = random(23);
    const original =
      registerOf(10) +
      '\n---\napiVersion: steward/v1\nkind: DataResourceCatalog\nresources:\n  - id: R-1\n    name: 资源\n';
    let text = original;
    const editor = createStewardService({ incremental: true, today: '2026-11-26' });
    editor.update('x', text);
    const pieces = [
      'x',
      ' ',
      '\n',
      ':',
      '-',
      '#',
      '\n    note: 备注',
      '\n  - id: DA-NEW\n    name: 新',
      '[',
      '中文',
      '\r\n',
      '&a ',
      '*a',
    ];
    for (let step = 0; step < 300; step++) {
      // As between two checks of a file: one to three change events, merged.
      let change: TextChange | undefined;
      for (let edits = 1 + next(3); edits > 0; edits--) {
        const { start, end, insert } = randomEdit(next, text, pieces);
        change = mergeChanges(change, { start, oldEnd: end, newEnd: start + insert.length });
        text = text.slice(0, start) + insert + text.slice(end);
      }
      const fresh = createStewardService({ today: '2026-11-26' });
      editor.update('x', text, { change });
      const label = `step ${step}`;
      assert.deepEqual(editor.findings('x'), fresh.validate('x', text).findings, label);
      assert.deepEqual(
        editor.document('x')!.documents.map((d) => d.root),
        fresh.parse('x', text).documents.map((d) => d.root),
        label,
      );
      if (text.length > 5000) {
        text = original;
        editor.update('x', text);
      }
    }
  });
  it('a YAML error in one item does not stop edits elsewhere from being derived; it moves with them', () => {
    const text = registerOf(6).replace(/(DA-2024-0003[\s\S]*?securityGrade: )一般数据/, '$1[一般数据');
    const editor = createStewardService({ incremental: true, today: '2026-11-26' });
    editor.update('x', text);
    const before = editor.findings('x').filter((f) => f.ruleId.startsWith('DA-YAML'));
    assert.ok(before.length > 0, 'the broken item draws a YAML finding');
    let now = text;
    for (const [id, insert] of [
      ['DA-2024-0001', '\n    note: 新的一行'],
      ['DA-2024-0005', 'x'],
      ['DA-2024-0002', ''],
    ] as const) {
      const at = now.indexOf(`name:`, now.indexOf(id)) + 'name: '.length;
      const end = insert === '' ? at + 1 : at;
      now = now.slice(0, at) + insert + now.slice(end);
      const { document } = editor.update('x', now, { change: { start: at, oldEnd: end, newEnd: at + insert.length } });
      assert.ok(document.edit, `the edit in ${id} is derived`);
      assert.deepEqual(
        editor.findings('x'),
        createStewardService({ today: '2026-11-26' }).validate('x', now).findings,
        `after the edit in ${id}`,
      );
    }
    const after = editor.findings('x').filter((f) => f.ruleId.startsWith('DA-YAML'));
    assert.equal(after[0].range.start.line, before[0].range.start.line + 1, 'the YAML finding moved down a line');
  });

  it("edits across items, at an item's first character and after the last item are derived too", () => {
    const editor = createStewardService({ incremental: true, today: '2026-11-26' });
    let text = registerOf(5);
    editor.update('x', text);
    const step = (start: number, end: number, insert: string, label: string) => {
      text = text.slice(0, start) + insert + text.slice(end);
      const { document } = editor.update('x', text, { change: { start, oldEnd: end, newEnd: start + insert.length } });
      assert.ok(document.edit, `${label}: derived`);
      assert.deepEqual(
        editor.findings('x'),
        createStewardService({ today: '2026-11-26' }).validate('x', text).findings,
        `${label}: findings`,
      );
      assert.deepEqual(
        editor.document('x')!.documents.map((d) => d.root),
        createStewardService()
          .parse('x', text)
          .documents.map((d) => d.root),
        `${label}: trees`,
      );
    };
    // A new asset typed at the end of the file, one character at a time.
    for (const c of '  - id: DA-2024-0100\n    name: 新资产\n')
      step(text.length, text.length, c, `appending ${JSON.stringify(c)}`);
    assert.equal(editor.document('x')!.documents[0].items.length, 6);
    // A whole asset deleted (its lines, from its dash to the next asset's).
    const third = text.indexOf('  - id: DA-2024-0003');
    step(third, text.indexOf('  - id: DA-2024-0004'), '', 'an asset deleted');
    assert.equal(editor.document('x')!.documents[0].items.length, 5);
    // Two assets pasted before another one, at its first character.
    const pasted = text
      .slice(text.indexOf('  - id: DA-2024-0001'), text.indexOf('  - id: DA-2024-0002'))
      .replace(/DA-2024-0001/g, 'DA-2024-0200');
    const at = text.indexOf('  - id: DA-2024-0004');
    step(at, at, pasted + pasted.replace(/0200/g, '0201'), 'two assets pasted');
    assert.equal(editor.document('x')!.documents[0].items.length, 7);
    // A selection from one asset's name into the next asset's fields, deleted.
    const from = text.indexOf('name:', text.indexOf('DA-2024-0200'));
    step(from, text.indexOf('classificationCode:', text.indexOf('DA-2024-0201')), '', 'a deletion across two assets');
    assert.equal(editor.document('x')!.documents[0].items.length, 6);
  });

  it("an edit of an anchor that another item's alias reads is seen through the alias", () => {
    const item = MINIMAL_REGISTER.slice(MINIMAL_REGISTER.indexOf('  - id'));
    const text =
      MINIMAL_REGISTER.replace('name: 公交运行监测数据集', 'name: &n 公交运行监测数据集') +
      item.replace('DA-2024-0001', 'DA-2024-0002').replace('name: 公交运行监测数据集', 'name: *n');
    const editor = createStewardService({ incremental: true, today: '2026-11-26' });
    editor.update('x', text);
    const at = text.indexOf('&n 公交') + 3;
    const edited = text.slice(0, at) + '新' + text.slice(at);
    editor.update('x', edited, { change: { start: at, oldEnd: at, newEnd: at + 1 } });
    const second = editor.document('x')!.documents[0].items[1].node as {
      entries: Array<{ key: string; value: { value: unknown } }>;
    };
    assert.equal(second.entries.find((e) => e.key === 'name')!.value.value, '新公交运行监测数据集');
    assert.deepEqual(
      editor.document('x')!.documents.map((d) => d.root),
      createStewardService()
        .parse('x', edited)
        .documents.map((d) => d.root),
    );
  });

  it('an open document in pieces, edited: requests at a position answer as a fresh service does, moving only the trees they read', function () {
    this.timeout(120_000);
    const next = random(29);
    const original = registerOf(40);
    let text = original;
    let pieces = PieceText.from(text, 512);
    const editor = createStewardService({ incremental: true, today: '2026-11-26' });
    editor.update('x', pieces);
    const inserts = ['x', ' ', '\n', '中文', '\n    note: 备注', ''];
    for (let step = 0; step < 120; step++) {
      let change: TextChange | undefined;
      for (let edits = 1 + next(2); edits > 0; edits--) {
        const start = next(text.length + 1);
        const end = Math.min(text.length, start + (next(4) === 0 ? next(6) : 0));
        const insert = inserts[next(inserts.length)];
        change = mergeChanges(change, { start, oldEnd: end, newEnd: start + insert.length });
        pieces = pieces.edit(start, end, insert);
        text = text.slice(0, start) + insert + text.slice(end);
      }
      editor.update('x', pieces, { change });
      editor.findings('x');
      const fresh = createStewardService({ incremental: true, today: '2026-11-26' });
      fresh.update('x', text);
      const freshFindings = fresh.findings('x');
      for (let probe = 0; probe < 4; probe++) {
        const position = fresh.document('x')!.lines.positionAt(next(text.length + 1));
        const label = `step ${step}, ${JSON.stringify(position)}`;
        assert.deepEqual(editor.hover('x', position, 'en'), fresh.hover('x', position, 'en'), `${label}: hover`);
        assert.deepEqual(editor.definition('x', position), fresh.definition('x', position), `${label}: definition`);
        assert.deepEqual(
          editor.complete('x', position, 'en'),
          fresh.complete('x', position, 'en'),
          `${label}: completion`,
        );
        const range = { start: position, end: position };
        assert.deepEqual(
          editor.codeActions('x', range, 'en'),
          fresh.codeActions('x', range, 'en'),
          `${label}: code actions`,
        );
      }
      assert.deepEqual(editor.findings('x'), freshFindings, `step ${step}: findings`);
      if (text.length > 20_000) {
        text = original;
        pieces = PieceText.from(text, 512);
        editor.update('x', pieces);
      }
    }
    // An edit at the top, a request at the bottom: the trees in between keep their move pending.
    text = original;
    editor.update('x', PieceText.from(text, 512));
    const at = text.indexOf('DA-2024-0002') + 3;
    editor.update('x', PieceText.from(text, 512).edit(at, at, 'x'), {
      change: { start: at, oldEnd: at, newEnd: at + 1 },
    });
    const parsed = editor.document('x')!;
    assert.ok(
      parsed.documents[0].items.every((item) => item.pending === undefined),
      'document() settles every tree',
    );
    // The items the next edit does not touch are the same objects in its parse (moved in place; see above).
    const items = parsed.documents[0].items;
    editor.update('x', PieceText.from(text, 512), { change: { start: at, oldEnd: at + 1, newEnd: at } });
    editor.hover('x', { line: original.split('\n').length - 3, character: 6 }, 'en');
    assert.ok(
      items.slice(5, 30).every((item) => item.pending === -1),
      'a hover at the bottom leaves the trees above it pending',
    );
  });
});

describe("incremental: edits in a document's head", () => {
  const next = random(37);
  /** An editor's service and a fresh one agree on `text` after the edit; returns whether the parse was derived. */
  const agree = (
    editor: ReturnType<typeof createStewardService>,
    text: string,
    change: TextChange,
    label: string,
  ): boolean => {
    const { document } = editor.update('x.assets.yaml', text, { change });
    const fresh = createStewardService({ today: '2026-11-26' });
    assert.deepEqual(
      editor.findings('x.assets.yaml'),
      fresh.validate('x.assets.yaml', text).findings,
      `${label}: findings`,
    );
    assert.deepEqual(
      editor.document('x.assets.yaml')!.documents.map((d) => [d.root, d.kind, d.isSteward, d.headBroken]),
      fresh.parse('x.assets.yaml', text).documents.map((d) => [d.root, d.kind, d.isSteward, d.headBroken]),
      `${label}: trees`,
    );
    return document.edit !== undefined;
  };

  it('typing in the head re-parses the head only, and gives what a fresh check gives, whatever is typed', function () {
    this.timeout(120_000);
    const original = registerOf(6) + 'asOf: 2026-01-01\n';
    const headEnd = original.indexOf('  - id');
    const inserts = [
      'x',
      ' ',
      '\n',
      ':',
      '#',
      '---\n',
      '...\n',
      'resources:\n',
      'assets:\n',
      '  type: 事业单位\n',
      'kind: DataResourceCatalog\n',
      'asOf: 2020-01-01\n',
      '%YAML 1.2\n',
      '\t',
      '[',
      '"',
      '普通',
    ];
    let derived = 0;
    let text = original;
    const editor = createStewardService({ incremental: true, today: '2026-11-26' });
    editor.update('x.assets.yaml', text);
    for (let step = 0; step < 400; step++) {
      const limit = text.indexOf('  - id');
      const start = next((limit < 0 ? headEnd : limit) + 1);
      const end = Math.min(text.length, start + (next(3) === 0 ? next(5) : 0));
      const insert = next(4) === 0 ? '' : inserts[next(inserts.length)];
      text = text.slice(0, start) + insert + text.slice(end);
      if (agree(editor, text, { start, oldEnd: end, newEnd: start + insert.length }, `step ${step}`)) derived++;
      if (step % 20 === 19) {
        text = original;
        editor.update('x.assets.yaml', text);
      }
    }
    assert.ok(derived > 50, `most head edits are derived from the previous parse (${derived} of 400)`);
  });

  it('a change of unit type or of the date checks every item again; a change of kind parses the file again', () => {
    // A revenue line whose finding depends on the unit type (DA-REV: 行政单位 income is 非税收入).
    const revenue =
      '    revenue:\n      - year: 2024\n        source: 使用\n        amount: 120000\n        handling: 事业收入\n';
    const base = registerOf(4) + 'asOf: 2026-01-01\n';
    const text = base.replace('      cardNumber: ZC-2024-0001\n', (line) => line + revenue);
    assert.notEqual(text, base);
    const editor = createStewardService({ incremental: true, today: '2026-11-26' });
    editor.update('x.assets.yaml', text);
    const at = text.indexOf('name: 某市交通运输局') + 'name: '.length;
    assert.ok(
      agree(editor, text.slice(0, at) + '新' + text.slice(at), { start: at, oldEnd: at, newEnd: at + 1 }, 'unit name'),
      'a unit name edit is derived',
    );
    let now = text.slice(0, at) + '新' + text.slice(at);
    const type = now.indexOf('type: 行政单位') + 'type: '.length;
    assert.ok(
      editor.findings('x.assets.yaml').some((f) => f.ruleId === 'DA-REV-001'),
      'the revenue line draws DA-REV-001 under 行政单位',
    );
    const edited = now.slice(0, type) + '事业' + now.slice(type + 2);
    agree(editor, edited, { start: type, oldEnd: type + 2, newEnd: type + 2 }, 'unit type');
    assert.ok(!editor.findings('x.assets.yaml').some((f) => f.ruleId === 'DA-REV-001'), 'and not under 事业单位');
    now = edited;
    // A key the tail also has (asOf) is a duplicate key.
    const unitLine = now.indexOf('unit:');
    const duplicate = now.slice(0, unitLine) + 'asOf: 2020-01-01\n' + now.slice(unitLine);
    agree(
      editor,
      duplicate,
      { start: unitLine, oldEnd: unitLine, newEnd: unitLine + 'asOf: 2020-01-01\n'.length },
      'duplicate key',
    );
    assert.ok(
      editor.findings('x.assets.yaml').some((f) => f.ruleId === 'DA-YAML-002' || /duplicate/i.test(f.message.en)),
      'reported as a duplicate key',
    );
    agree(
      editor,
      now,
      { start: unitLine, oldEnd: unitLine + 'asOf: 2020-01-01\n'.length, newEnd: unitLine },
      'duplicate key removed',
    );
    const kind = now.indexOf('DataAssetRegister');
    const other = now.slice(0, kind) + 'DataResourceCatalog' + now.slice(kind + 'DataAssetRegister'.length);
    assert.equal(
      agree(
        editor,
        other,
        { start: kind, oldEnd: kind + 'DataAssetRegister'.length, newEnd: kind + 'DataResourceCatalog'.length },
        'kind',
      ),
      false,
      'a change of kind is not derived',
    );
  });
});

describe('incremental: a workspace as the editor drives it', () => {
  it('files indexed from disk, then opened and edited, give what a fresh service gives (both files)', function () {
    this.timeout(120_000);
    const dir = path.join(ROOT, 'examples', 'transport-bureau');
    const files = fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => path.join(dir, name));
    const texts = new Map(files.map((file) => [file, fs.readFileSync(file, 'utf8')]));
    const editor = createStewardService({ incremental: true, today: '2026-11-26' });
    for (const file of files) editor.update(file, texts.get(file)!, { retain: false });
    for (const file of files) editor.findings(file); // the index's lookups are built
    // Opened in the editor with the same text as on disk: a full parse whose summary equals the disk's.
    for (const file of files) editor.update(file, texts.get(file)!);
    const next = random(5);
    const pieces = ['x', ' ', '\n', '一般数据', '核心数据', '-9', 'R-330100-JT-0001', '\n    note: 备注'];
    for (let step = 0; step < 150; step++) {
      const file = files[next(files.length)];
      let text = texts.get(file)!;
      if (step % 25 === 0) editor.update(file, text); // opened (again): a full parse after the disk's
      // Every other edit lands inside an item (after the first `  - id:`), where edits are patched in.
      const firstItem = text.indexOf('  - id:') + 8;
      const at = step % 2 === 0 ? firstItem + next(text.length - firstItem) : next(text.length);
      text =
        next(3) === 0
          ? text.slice(0, at) + text.slice(at + 1 + next(4))
          : text.slice(0, at) + pieces[next(pieces.length)] + text.slice(at);
      texts.set(file, text);
      editor.update(file, text);
      const fresh = createStewardService({ today: '2026-11-26' });
      for (const other of files) fresh.update(other, texts.get(other)!);
      for (const other of files)
        assert.deepEqual(editor.findings(other), fresh.findings(other), `step ${step}, ${path.basename(other)}`);
    }
  });
});
