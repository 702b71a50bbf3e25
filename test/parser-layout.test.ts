/**
 * Layouts the splitter once misread (issue 16): each case is checked against what YAML makes of the text, through
 * the whole service (findings) and the parser (trees); and the scans that replaced backtracking regular
 * expressions, on the shapes that made those quadratic (their time is shown by bench/pathological.mjs).
 */
import * as assert from 'node:assert/strict';
import { createStewardService } from '../server/src/service/index';
import type { Finding } from '../server/src/service/index';
import { parseStewardFile } from '../server/src/service/parser/parse';
import { isTrivia } from '../server/src/service/parser/documents';
import { KEY, trimLineBreaks } from '../server/src/service/parser/line-shape';
import { toPlainValue } from '../server/src/service/parser/convert';
import { appendAll } from '../server/src/service/append';
import { MINIMAL_REGISTER, registerOf } from './helpers';

const URI = 'file:///t/units.assets.yaml';

function findings(text: string): Finding[] {
  return createStewardService().validate(URI, text).findings;
}

function ids(text: string): string[] {
  return findings(text).map((f) => `${f.ruleId}@${f.range.start.line + 1}`);
}

/** MINIMAL_REGISTER with a head error the schema reports (a month 13), to show the head was checked. */
const BAD_HEAD = MINIMAL_REGISTER.replace('kind: DataAssetRegister\n', 'kind: DataAssetRegister\nasOf: 2024-13-45\n');

describe('parser: layouts YAML reads differently from the plain block form', () => {
  it('a %YAML directive before --- is part of the document, not a document of its own', () => {
    assert.deepEqual(ids('%YAML 1.2\n---\n' + MINIMAL_REGISTER), []);
    assert.deepEqual(ids('%YAML 1.2\n%TAG !e! tag:example.com,2000:\n# c\n---\n' + BAD_HEAD), ['DA-SCHEMA-005@7']);
  });

  it('a document end marker (...) ends the document: no false finding, and the head is still checked', () => {
    assert.deepEqual(ids(MINIMAL_REGISTER + '...\n'), []);
    assert.deepEqual(ids(BAD_HEAD + '...\n# trailing comment\n'), ['DA-SCHEMA-005@3']);
    // After `...` a new document may start without `---`; its items are checked as its own.
    const file = parseStewardFile(URI, MINIMAL_REGISTER + '...\n' + registerOf(2));
    assert.deepEqual(
      file.documents.map((d) => [d.kind, d.items.length]),
      [
        ['DataAssetRegister', 1],
        ['DataAssetRegister', 2],
      ],
    );
    assert.deepEqual(file.parseFindings, []);
  });

  it('a flow mapping at column 0 after the item list is a YAML error, its keys are not merged into the root', () => {
    const text = MINIMAL_REGISTER + '{apiVersion: x, foo: 1}\n';
    const found = findings(text);
    assert.ok(
      found.some((f) => f.ruleId === 'DA-YAML-001' && f.range.start.line === 17),
      JSON.stringify(found),
    );
    assert.ok(!found.some((f) => f.ruleId === 'DA-YAML-002' || f.ruleId === 'DA-SCHEMA-002'), JSON.stringify(found));
    const root = parseStewardFile(URI, text).documents[0].root;
    assert.ok(root && root.type === 'map' && !root.entries.some((e) => e.key === 'foo'));
  });

  it('a line of ideographic spaces (U+3000) after the list is content, reported as YAML reads it', () => {
    const found = findings(MINIMAL_REGISTER + '\u3000\n' + '\n'.repeat(5));
    assert.deepEqual(
      found.map((f) => `${f.ruleId}@${f.range.start.line + 1}:${f.range.start.character + 1}`),
      ['DA-YAML-001@18:1'],
    );
  });

  it('a byte-order mark before --- after a document end (joined files) starts the next document', () => {
    const second = MINIMAL_REGISTER.replace('DA-2024-0001', 'DA-2024-0002');
    assert.deepEqual(ids(MINIMAL_REGISTER + '...\n\ufeff---\n' + second), []);
  });

  it('a byte-order mark opening a line inside a document is named first, with no false top-level error', () => {
    const inItem = MINIMAL_REGISTER.replace('    name: ', '\ufeff    name: ');
    const found = findings(inItem).filter((f) => f.ruleId.startsWith('DA-YAML'));
    // YAML reads the mark as content at column 0 (ending the list): its own errors follow; the mark comes first.
    assert.equal(found[0].range.start.line, 9);
    assert.match(found[0].message.en, /byte-order mark \(U\+FEFF, invisible\) opens this line/);
    assert.ok(!found.some((f) => f.ruleId === 'DA-YAML-004'), JSON.stringify(found));
    const inHead = findings(MINIMAL_REGISTER.replace('unit:', '\ufeffunit:'));
    assert.ok(inHead.some((f) => f.ruleId === 'DA-YAML-001' && /U\+FEFF/.test(f.message.en)));
  });

  it('a NUL byte is a YAML error wherever it is (here past the first 8 KiB), not part of a value', () => {
    const text = registerOf(40).replace(
      /name: 公交运行监测数据集\n(?![^]*name: 公交运行监测数据集\n)/,
      'name: 公交\u0000数据集\n',
    );
    const nul = text.indexOf('\u0000');
    assert.ok(Buffer.byteLength(text.slice(0, nul)) > 8192);
    const found = findings(text).filter((f) => f.ruleId === 'DA-YAML-001');
    assert.equal(found.length, 1, JSON.stringify(found));
    const line = text.slice(0, nul).split('\n').length;
    assert.deepEqual([found[0].range.start.line + 1, found[0].range.start.character], [line, 12]);
    assert.match(found[0].message.en, /control character \(U\+0000\)/);
    assert.match(found[0].message['zh-CN'], /控制字符 U\+0000/);
  });
});

describe('parser: cases the fuzzing found (test/fuzz.test.ts, npm run fuzz)', () => {
  it('a byte-order mark opening the file before --- or %YAML is skipped as YAML skips it', () => {
    // It was blanked to a space, which turned `---` into a plain scalar: 46 false errors on this register.
    assert.deepEqual(ids('\ufeff---\n' + MINIMAL_REGISTER), []);
    assert.deepEqual(ids('\ufeff%YAML 1.2\n---\n' + MINIMAL_REGISTER), []);
    assert.deepEqual(ids('\ufeff# c\n' + MINIMAL_REGISTER), []);
    const file = parseStewardFile(URI, '\ufeff---\n' + MINIMAL_REGISTER);
    assert.equal(file.documents.length, 1);
    assert.equal(file.documents[0].kind, 'DataAssetRegister');
  });

  it('a position between the CR and the LF of a line break is the line end (a range inside the document)', () => {
    const text = MINIMAL_REGISTER.replace('    name: 公交运行监测数据集\n', '    name: { \r\nclass:');
    const lines = text.split(/\r\n|\r|\n/);
    for (const f of findings(text))
      for (const p of [f.range.start, f.range.end])
        assert.ok(p.character <= lines[p.line].length, `${f.ruleId} ${JSON.stringify(f.range)}`);
  });

  it('a carriage return without a line feed is one clear error, where YAML readers would disagree', () => {
    // The splitter took it for a line break, the `yaml` package does not: ten errors followed from the mismatch.
    const found = findings(MINIMAL_REGISTER.replace('    name: ', '    \rname: '));
    assert.deepEqual(
      found.map((f) => `${f.ruleId}@${f.range.start.line + 1}`),
      ['DA-YAML-001@10'],
    );
    assert.match(found[0].message.en, /carriage return \(CR\) without a line feed/);
  });
});

describe('parser and rules: crashes the fuzzing found (npm run fuzz)', () => {
  it('a 150,000-character unit code is one length finding, not one per character (which overflowed the stack)', () => {
    const text = MINIMAL_REGISTER.replace('code: 113301000025391739', `code: ${'x'.repeat(150_000)}1`);
    const found = findings(text).filter((f) => f.ruleId === 'DA-UNIT-001');
    assert.ok(found.length >= 1 && found.length <= 19, `${found.length} DA-UNIT-001 findings`);
  });

  it('appendAll takes more items than a spread into push() can (one YAML error per character of a long line)', () => {
    const target = [0];
    appendAll(target, new Array<number>(500_000).fill(1));
    assert.equal(target.length, 500_001);
  });

  it('nesting one level past the limit: the fast parser declines where the yaml path reports TOO_DEEP', () => {
    for (const depth of [63, 64, 65]) {
      const text = 'k:\n' + Array.from({ length: depth }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n') + ' v\n';
      const fast = parseStewardFile(URI, text);
      const reference = parseStewardFile(URI, text, { fast: false });
      assert.deepEqual(fast.parseFindings, reference.parseFindings, `depth ${depth}`);
      assert.deepEqual(fast.documents[0].root, reference.documents[0].root, `depth ${depth}`);
    }
  });
});

describe('parser: a YAML error that cuts an item short (found by npm run fuzz)', () => {
  it('the item is broken: no rule reads its cut tree, so no quick fix duplicates what follows the error', () => {
    // `securityGrade` two columns left of its siblings: YAML's recovery ends the item there; `registration`
    // below it was read as missing, and DA-REG-001's fix inserted a second one.
    const found = findings(MINIMAL_REGISTER.replace('    securityGrade: 一般数据', '  securityGrade: 一般数据'));
    assert.ok(
      found.length > 0 && found.every((f) => f.ruleId === 'DA-YAML-001'),
      JSON.stringify(found.map((f) => f.ruleId)),
    );
    assert.ok(!found.some((f) => f.fix));
  });
});

describe('parser: messages that say what is wrong and what to do', () => {
  const head = 'apiVersion: steward/v1\nkind: DataAssetRegister\n';
  const message = (text: string, ruleId: string) => {
    const found = findings(head + text).find((f) => f.ruleId === ruleId);
    assert.ok(found, `no ${ruleId} for ${JSON.stringify(text)}`);
    return found.message;
  };

  it('a billion laughs: how large, that nothing in it was checked, and what to write instead', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 6; i++)
      levels.push(
        `${'abcdef'[i]}: &${'abcdef'[i]} [${Array(10)
          .fill(`*${'abcdef'[i - 1]}`)
          .join(', ')}]`,
      );
    const text = message(levels.join('\n') + '\n', 'DA-YAML-005');
    assert.match(text.en, /more than 10,000 nodes/);
    assert.match(text.en, /write the content out, or nest fewer aliases/);
    assert.match(text['zh-CN'], /请直接写出内容/);
  });

  it('an alias inside what its own anchor marks is a cycle, not a size problem', () => {
    const text = message('x: &loop [a, *loop]\n', 'DA-YAML-005');
    assert.match(text.en, /Alias \*loop sits inside the content its anchor &loop marks \(a cycle\)/);
  });

  it('a custom tag is named as unknown, with what to do; a standard tag names the mismatch', () => {
    const custom = message('x: !money 12\n', 'DA-YAML-001');
    assert.match(custom.en, /Unknown tag !money: this tool's format uses no custom tags; delete the tag/);
    assert.match(custom['zh-CN'], /未知的标签 !money/);
    const standard = message('x: !!int twelve\n', 'DA-YAML-001');
    assert.match(standard.en, /does not fit its tag !!int: delete the tag, or correct the value/);
  });
});

describe('parser: scans in place of backtracking regular expressions (results on the pathological shapes)', () => {
  it('isTrivia: blank and comment lines only; a U+3000 line is content, a long run of blank lines is not', () => {
    const blanks = '#\n' + ' \n'.repeat(50_000);
    assert.equal(isTrivia(blanks, { start: 0, end: blanks.length }), true);
    const wide = '\u3000\n' + '\n'.repeat(50_000);
    assert.equal(isTrivia(wide, { start: 0, end: wide.length }), false);
    const trivia = '  # a\n\t\n\ufeff\n';
    assert.equal(isTrivia(trivia, { start: 0, end: trivia.length }), true);
    const content = '  # a\n x # b\n';
    assert.equal(isTrivia(content, { start: 0, end: content.length }), false);
  });

  it('KEY: the first colon followed by a blank or the end, the blanks before it left out of the key', () => {
    assert.equal(KEY.exec('a' + ' '.repeat(50_000) + 'b'), null);
    const found = KEY.exec('ab:c d \t: v: w');
    assert.deepEqual(found && [found[0], found[1]], ['ab:c d \t:', 'ab:c d']);
    const quoted = KEY.exec(`'it''s' : v`);
    assert.deepEqual(quoted && [quoted[0], quoted[1]], [`'it''s' :`, `'it''s'`]);
    assert.equal(KEY.exec('#a: b'), null);
    const end = KEY.exec('key:');
    assert.deepEqual(end && [end[0], end[1]], ['key:', 'key']);
  });

  it('trimLineBreaks: every break at the end, none inside', () => {
    assert.equal(trimLineBreaks('a\rb' + '\r\n'.repeat(10_000)), 'a\rb');
    assert.equal(trimLineBreaks('\r'.repeat(10_000) + 'x'), '\r'.repeat(10_000) + 'x');
  });

  it('a duplicate key written with a long run of blanks before its colon is still named', () => {
    const text = `${head()}    x:\n      k${' '.repeat(900)}: 1\n      k${' '.repeat(900)}: 2\n`;
    const found = findings(text).filter((f) => f.ruleId === 'DA-YAML-002');
    assert.equal(found.length, 1);
    assert.match(found[0].message.en, /"k"/);
  });

  it('the parse of a pathological file is the same tree as YAML gives', () => {
    const text = MINIMAL_REGISTER + '# c\n' + '\n'.repeat(1000) + 'x-note: 1\n';
    const root = parseStewardFile(URI, text).documents[0].root;
    assert.equal((toPlainValue(root!) as Record<string, unknown>)['x-note'], 1);
  });
});

function head(): string {
  return MINIMAL_REGISTER;
}
