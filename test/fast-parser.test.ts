/**
 * The fast parser (parser/fast.ts) against the reference, the `yaml` package: on every input the file's trees
 * and YAML findings must be identical whichever parser ran, and the fast parser must take the files stewards
 * actually write (or it would be a slow path in disguise).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseStewardFile } from '../server/src/service/parser/parse';
import { parseFast } from '../server/src/service/parser/fast';
import { splitDocuments } from '../server/src/service/parser/split';
import type { StewardDocument } from '../server/src/service/parser/model';
import { random, ROOT } from './helpers';

/** A file's parse as comparable text: every document's root and items, and the YAML findings. */
function shape(file: StewardDocument): string {
  const replacer = (_key: string, value: unknown) => {
    if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
    return value;
  };
  const documents = file.documents.map((d) => ({
    root: d.root,
    kind: d.kind,
    items: d.items.map((i) => [i.span, i.broken, i.node]),
    headBroken: d.headBroken,
  }));
  return JSON.stringify({ documents, findings: file.parseFindings }, replacer);
}

function assertSameParse(text: string, label: string): void {
  const fast = shape(parseStewardFile('file:///t.yaml', text));
  const reference = shape(parseStewardFile('file:///t.yaml', text, { fast: false }));
  if (fast === reference) return;
  let at = 0;
  while (fast[at] === reference[at]) at++;
  assert.fail(
    `${label}: parsers differ at ${at}\n fast: …${fast.slice(Math.max(0, at - 120), at + 120)}\n yaml: …${reference.slice(Math.max(0, at - 120), at + 120)}\n input: ${JSON.stringify(text.slice(0, 400))}`,
  );
}

function exampleFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) out.push(full);
    }
  };
  walk(path.join(ROOT, 'examples'));
  return out.sort();
}

/** Chunks of a file as the splitter cuts them, with the shape each is parsed as. */
function chunks(text: string): Array<{ from: number; to: number; shape: 'document' | 'item' }> {
  const out: Array<{ from: number; to: number; shape: 'document' | 'item' }> = [];
  for (const document of splitDocuments(text)) {
    if (!document.items) {
      out.push({ from: document.span.start, to: document.span.end, shape: 'document' });
      continue;
    }
    out.push({ from: document.items.head.start, to: document.items.head.end, shape: 'document' });
    for (const item of document.items.items) out.push({ from: item.start, to: item.end, shape: 'item' });
  }
  return out;
}

const SNIPPETS = [
  'a: 1\nb:\n',
  'a:\n  b: 1\n  # in\nc: 2  # t\n',
  'a:\n- x\n- y\nb: [ ]\nc: {}\nd: ""\n',
  'a: [x, "y", \'z\']  # c\n',
  'a: -1\nb: +5\nc: 0o17\nd: 1_000\ne: .inf\nf: -.Inf\ng: .NaN\nh: 12.\ni: Null\nj: TRUE\nk: 1.5e+3\nl: 007\nm: 0x\n',
  'a: 2024-01-01\nb: 9007199254740993\nc: -9007199254740993\nd: 1e400\n',
  '"q k": 1\n\'s\': 2\n',
  'b:  # c\nd: 1\n',
  'b:   \nd: 1\n',
  'a: |\n  l1\n\n  l2\n\nb: >-\n  f\n  g\nc: |-\n  x\n',
  'a: x#y\n',
  'a: x # y\n',
  "a: it's\n",
  "a: 'it''s'\n",
  'a: "x: y"\n',
  'a: [1, 2.5, true, null, ~]\n',
  'a: {x: 1, y: [a, b], z: {q: r}}\n',
  'a:\n  - b: 1\n    c:\n    - d\n  -\n  - # c\n    e: f\n',
  '1: a\n2.0: b\nnull: c\ntrue: d\n',
  'a: b: c\n',
  'a: x\n  y\n',
  'a:\n  x\n',
  'a: |+\n  x\n',
  'a: |2\n  x\n',
  'a: &x 1\nb: *x\n',
  'a: !!str 1\n',
  '? a\n: b\n',
  'a: "x\\ty"\n',
  'a: - x\n',
  'a: [a, ]\n',
  'a: [a: 1]\n',
  'a: {b}\n',
  'a: {b: }\n',
  'a: -x\nb: - \n',
  'a:\n- x\n -y\n',
  'a: 1\na: 2\n',
  'a:b: 1\n',
  'a : 1\n',
  'a: ?x\n',
  'a: :x\n',
  'a: x:\n',
  'a: x:y\n',
  'k: [a, [b, c], {d: e}]\n',
  'k: { "q": \'v\' }\n',
  'k: [ "a" , b ]\n',
  '- a\n',
  '---\na: 1\n',
  '--- # c\na: 1\n',
  '---\na: 1\n...\n',
  'a: 1\n---\nb: 2\n',
  'a: >\n  x\n   y\n',
  'a: >\n  x\n\n  y\n',
  'a: |\n    x\n  y\n',
  'a: |\n\n  x\n',
  'a: |\n   \n  x\n',
  'a:    \n  - 1\n',
  'a: "\n  b"\n',
  "a: 'x\n  y'\n",
  'a: [x,\n  y]\n',
  'a: 0o8\n',
  'a: +.inf\n',
  'a: .5e3\n',
  'a: 1e\n',
  'a: 0b101\n',
  'a: 1:2\n',
  'a: x,y\n',
  'a: x]\n',
  'a: %x\n',
  'a: @x\n',
  'a: `x\n',
  'x\n',
  '',
  '# only\n',
  'a: 1 # c\n# d\n  # e\nb: 2\n',
  'a:\n  b: 1\n    # deeper\n\n',
  'a: 1\tb\n',
  'a:\r\n  b: 1\r\n',
  'a: x\ry\n',
  '__proto__: 1\nconstructor: 2\n',
];

/** A snippet as an item of a register, indented under `assets:`. */
function asItem(snippet: string): string {
  const lines = snippet.split('\n');
  const body = lines.map((line, i) => (line === '' ? line : (i === 0 ? '  - ' : '    ') + line)).join('\n');
  return `apiVersion: steward/v1\nkind: DataAssetRegister\nassets:\n${body}`;
}

describe('fast parser: same trees and findings as the yaml package', () => {
  it('on every snippet, as a document, as an item and with CRLF line breaks', () => {
    for (const snippet of SNIPPETS) {
      assertSameParse(snippet, `document ${JSON.stringify(snippet)}`);
      assertSameParse(asItem(snippet), `item ${JSON.stringify(snippet)}`);
      assertSameParse(snippet.replace(/\n/g, '\r\n'), `CRLF ${JSON.stringify(snippet)}`);
    }
  });

  it('on every example file', () => {
    const files = exampleFiles();
    assert.ok(files.length > 30);
    for (const file of files) assertSameParse(fs.readFileSync(file, 'utf8'), path.relative(ROOT, file));
  });

  it('on 1,500 random edits of the examples (insertions, deletions, moved and re-indented lines)', function () {
    this.timeout(120_000);
    const texts = exampleFiles().map((file) => fs.readFileSync(file, 'utf8'));
    const pieces = [
      ':',
      ' ',
      '-',
      '#',
      "'",
      '"',
      '[',
      ']',
      '{',
      '}',
      '|',
      '>',
      '\n',
      '  ',
      'a',
      '1',
      '&',
      '*',
      '!',
      '?',
      ',',
      '-1',
      '0x1F',
      '~',
      'null',
      'true',
      '1.5',
      '\r\n',
      '- ',
      'a: b',
      '  - x\n',
      '|-\n  t\n',
      'k:\n',
      '\\',
      ': ',
      ' #',
      '\t',
    ];
    const next = random(20240205);
    for (let n = 0; n < 1500; n++) {
      let text = texts[Math.floor(next() * texts.length)];
      const edits = 1 + Math.floor(next() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(next() * text.length);
        const kind = next();
        if (kind < 0.4) text = text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at);
        else if (kind < 0.7) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
        else {
          const lines = text.split('\n');
          const i = Math.floor(next() * lines.length);
          if (next() < 0.5) lines.splice(i, 0, lines[Math.floor(next() * lines.length)]);
          else lines[i] = ' '.repeat(Math.floor(next() * 3)) + lines[i];
          text = lines.join('\n');
        }
      }
      assertSameParse(text, `random edit #${n}`);
    }
  });
});

describe('fast parser: takes what stewards write', () => {
  it('parses every chunk of the clean example unit itself (no fallback to the yaml package)', () => {
    const dir = path.join(ROOT, 'examples', 'transport-bureau');
    let taken = 0;
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      for (const chunk of chunks(text)) {
        const node = parseFast(text, chunk.from, chunk.to, chunk.shape);
        assert.notEqual(
          node,
          undefined,
          `${name}: the fast parser declined ${JSON.stringify(text.slice(chunk.from, chunk.from + 200))}`,
        );
        taken++;
      }
    }
    assert.ok(taken >= 15, `only ${taken} chunks`);
  });

  it('declines what it does not handle, so the yaml package parses it', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      '? a\n: b\n',
      'a: "x\\ty"\n',
      'a: x\n  y\n',
      'a: 1\na: 2\n',
      'a: b: c\n',
      'a:\tb\n',
      'a: |2\n  x\n',
    ]) {
      assert.equal(parseFast(text, 0, text.length, 'document'), undefined, JSON.stringify(text));
    }
  });

  it('gives absolute offsets inside a larger text, and the element of an item chunk', () => {
    const text = 'head: 1\n  - id: X\n    tags: [a, "b"]\n    n: 2\ntail\n';
    const from = text.indexOf('  - id');
    const to = text.indexOf('tail');
    const node = parseFast(text, from, to, 'item');
    assert.ok(node && node.type === 'map');
    assert.deepEqual(
      node.entries.map((e) => [
        e.key,
        text.slice(e.keySpan.start, e.keySpan.end),
        text.slice(e.value.span.start, e.value.span.end),
      ]),
      [
        ['id', 'id', 'X'],
        ['tags', 'tags', '[a, "b"]'],
        ['n', 'n', '2'],
      ],
    );
    assert.deepEqual(
      { start: node.span.start, end: node.span.end },
      { start: text.indexOf('id: X'), end: text.indexOf('2\ntail') + 1 },
    );
  });
});
