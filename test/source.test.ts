/**
 * PieceText (an open document kept in pieces) against the two things it stands in for: a plain string for every
 * read, and vscode-languageserver-textdocument's TextDocument for LSP positions and edits.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { OpenDocument } from '../server/src/lsp/document';
import { charAt, PieceText } from '../server/src/service/parser/source';
import { random } from './helpers';

/** Every read of `pieces` equals the same read of `text` (sampled where the text is long). */
function assertSame(pieces: PieceText, text: string, next: (n?: number) => number, label: string): void {
  assert.equal(pieces.length, text.length, `${label}: length`);
  const probes = [0, 1, text.length - 1, text.length, text.length + 1, -1];
  for (let i = 0; i < 12; i++) probes.push(next(text.length + 1));
  for (const at of probes) {
    assert.equal(pieces.charCodeAt(at), text.charCodeAt(at), `${label}: charCodeAt(${at})`);
    assert.equal(charAt(pieces, at), text.charAt(at), `${label}: charAt(${at})`);
    const end = at + next(40);
    assert.equal(pieces.slice(at, end), text.slice(at, end), `${label}: slice(${at}, ${end})`);
    assert.equal(pieces.slice(at), text.slice(at), `${label}: slice(${at})`);
    for (const search of ['\n', '\r\n', 'ab', 'a\nb', '\nl', 'b\nl', 'b\r\nli', '\n\n', 'line', '---', 'zz', '']) {
      assert.equal(
        pieces.indexOf(search, at),
        text.indexOf(search, at),
        `${label}: indexOf(${JSON.stringify(search)}, ${at})`,
      );
      assert.equal(
        pieces.lastIndexOf(search, at),
        text.lastIndexOf(search, at),
        `${label}: lastIndexOf(${JSON.stringify(search)}, ${at})`,
      );
    }
  }
  assert.equal(pieces.slice(-5, -1), text.slice(-5, -1), `${label}: negative slice`);
  for (const search of ['\n', 'ab', 'a\nb', '\nl', 'line', 'b\r\nli']) {
    assert.equal(pieces.indexOf(search), text.indexOf(search), `${label}: indexOf(${JSON.stringify(search)})`);
    assert.equal(
      pieces.lastIndexOf(search),
      text.lastIndexOf(search),
      `${label}: lastIndexOf(${JSON.stringify(search)})`,
    );
  }
  // Last: the whole text is kept once joined, and later reads would use it instead of the pieces.
  assert.equal(pieces.toString(), text, `${label}: text`);
}

/** LSP positions of `pieces` equal a TextDocument's of the same text. */
function assertPositions(pieces: PieceText, document: TextDocument, next: (n?: number) => number, label: string): void {
  assert.equal(pieces.lineCount, document.lineCount, `${label}: lineCount`);
  for (let i = 0; i < 12; i++) {
    const offset = next(document.getText().length + 2) - 1;
    assert.deepEqual(pieces.positionAt(offset), document.positionAt(offset), `${label}: positionAt(${offset})`);
    const position = { line: next(document.lineCount + 2) - 1, character: next(12) };
    assert.equal(
      pieces.offsetAt(position),
      document.offsetAt(position),
      `${label}: offsetAt(${JSON.stringify(position)})`,
    );
  }
}

describe('PieceText: an open document in pieces', () => {
  it('reads as the string it holds, cut at line ends, with LF, CRLF and lone CR line breaks', () => {
    const next = random(41);
    for (const size of [4, 16, 64]) {
      const text =
        Array.from({ length: 60 }, (_, i) => `line ${i} ab${['\n', '\r\n', '\r'][i % 3]}`).join('') +
        'no break at the end';
      const pieces = PieceText.from(text, size);
      assert.ok(pieces.pieceCount > 5, `${size}: cut into pieces`);
      // An edit leaves the shared pieces alone: toString is then a join of pieces, not the original string.
      const edited = pieces.edit(0, 0, '');
      assertPositions(edited, TextDocument.create('u', 'yaml', 1, text), next, `size ${size}`);
      assertSame(edited, text, next, `size ${size}`);
    }
  });

  it('equals a string and a TextDocument after 3,000 random edits, each version readable after the next', () => {
    const next = random(7);
    const inserts = ['a', 'b', '\n', '\r\n', '\r', 'ab\ncd', 'a\nb', '---\n', '中文', '\n\n\n', 'x'.repeat(40), ''];
    for (const size of [8, 32, 256]) {
      let text = 'first line\nsecond\r\nthird\rfourth\n';
      let document = TextDocument.create('u', 'yaml', 1, text);
      let pieces = PieceText.from(text, size);
      for (let step = 0; step < 1000; step++) {
        const label = `size ${size}, step ${step}`;
        const startOffset = next(text.length + 1);
        const endOffset = Math.min(text.length, startOffset + (next(3) === 0 ? next(30) : 0));
        const insert = inserts[next(inserts.length)];
        // As the server does: the change arrives as an LSP range, converted by the document before it.
        const range = { start: pieces.positionAt(startOffset), end: pieces.positionAt(endOffset) };
        const start = pieces.offsetAt(range.start);
        const end = pieces.offsetAt(range.end);
        assert.equal(start, document.offsetAt(range.start), `${label}: start`);
        assert.equal(end, document.offsetAt(range.end), `${label}: end`);
        const before = pieces;
        const beforeText = text;
        pieces = pieces.edit(start, end, insert);
        TextDocument.update(document, [{ range, text: insert }], step + 2);
        text = text.slice(0, start) + insert + text.slice(end);
        assert.equal(document.getText(), text, `${label}: the reference`);
        if (step % 10 === 0 || text.length < 200) {
          assertPositions(pieces, document, next, label);
          assertSame(pieces, text, next, label);
          assert.equal(before.toString(), beforeText, `${label}: the previous version is unchanged`);
        } else {
          assert.equal(pieces.length, text.length, `${label}: length`);
          assert.equal(pieces.lineCount, document.lineCount, `${label}: lineCount`);
        }
        if (text.length > 3000) {
          text = text.slice(0, 500);
          document = TextDocument.create('u', 'yaml', 1, text);
          pieces = PieceText.from(text, size);
        }
      }
      assertSame(pieces, text, next, `size ${size}, at the end`);
    }
  });

  it('an edit replaces the pieces it touches and shares the others', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `  - id: DA-${i}\n`).join('');
    const pieces = PieceText.from(text, 256);
    const count = pieces.pieceCount;
    assert.ok(count > 100);
    const at = text.indexOf('DA-1000') + 3;
    const edited = pieces.edit(at, at, 'x');
    assert.equal(edited.pieceCount, count);
    assert.equal(edited.slice(at - 3, at + 5), 'DA-x1000');
    // Deleting everything leaves one empty piece; inserting into it works.
    const empty = edited.edit(0, edited.length, '');
    assert.equal(empty.length, 0);
    assert.equal(empty.lineCount, 1);
    assert.deepEqual(empty.positionAt(5), { line: 0, character: 0 });
    assert.equal(empty.edit(0, 0, 'a\nb').toString(), 'a\nb');
  });
});

describe("OpenDocument: the server's open document", () => {
  it('after batches of change events (swapped ranges, whole-text changes) reads as a TextDocument does', () => {
    const next = random(19);
    const inserts = ['a', '\n', '\r\n', 'x\ny', '', '中'];
    const text = 'apiVersion: steward/v1\r\nkind: DataAssetRegister\nassets:\n  - id: DA-1\n';
    const reference = TextDocument.create('file:///a.yaml', 'yaml', 1, text);
    const open = OpenDocument.create('file:///a.yaml', 'yaml', 1, text);
    for (let version = 2; version < 400; version++) {
      const events: TextDocumentContentChangeEvent[] = [];
      let shadow = TextDocument.create('s', 'yaml', 0, reference.getText());
      for (let n = 1 + next(3); n > 0; n--) {
        let event: TextDocumentContentChangeEvent;
        if (next(50) === 0) event = { text: `whole ${version}\n` };
        else {
          const a = shadow.positionAt(next(shadow.getText().length + 1));
          const b = shadow.positionAt(next(shadow.getText().length + 1));
          event = {
            range: next(2) === 0 ? { start: a, end: b } : { start: b, end: a },
            text: inserts[next(inserts.length)],
          };
        }
        events.push(event);
        shadow = TextDocument.update(shadow, [event], 0);
      }
      TextDocument.update(reference, events, version);
      const changes = open.apply(events, version);
      const label = `version ${version}`;
      assert.equal(changes.length, events.length, label);
      assert.equal(open.version, version, label);
      assert.equal(open.getText(), reference.getText(), label);
      // Its UTF-8 size is kept through the edits, without joining the text (the size limit reads it per check).
      assert.equal(open.byteLength, Buffer.byteLength(reference.getText()), `${label}: UTF-8 size`);
      assert.equal(open.lineCount, reference.lineCount, label);
      for (let line = -1; line <= reference.lineCount; line++) {
        assert.deepEqual(open.getLineRange(line), reference.getLineRange(line), `${label}: line range ${line}`);
        assert.equal(open.getEOLCharacters(line), reference.getEOLCharacters(line), `${label}: line break ${line}`);
      }
      const range = {
        start: reference.positionAt(next(reference.getText().length + 1)),
        end: { line: reference.lineCount, character: 0 },
      };
      assert.equal(open.getText(range), reference.getText(range), `${label}: a range's text`);
      if (reference.getText().length > 2000) {
        TextDocument.update(reference, [{ text }], version);
        open.apply([{ text }], version);
      }
    }
  });
});
