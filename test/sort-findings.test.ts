/**
 * The order findings are shown in: sortFindings merges a list that is mostly in order instead of sorting it
 * (service/validate.ts), and must give exactly what a stable sort by position, then rule, gives, ties included.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Finding } from '../server/src/service';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseStewardFile } from '../server/src/service/parser/parse';
import { flatten, sortFindings, validateFileParts } from '../server/src/service/validate';
import { RULES } from '../server/src/service/rules';
import { builtinCodeTable } from '../server/src/service/codes/table';
import { registerOf, ROOT } from './helpers';

/** The order as plainly written: a stable sort by line, character, then rule id. */
function stableSorted(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

let serial = 0;
/** Few lines, characters and rules, so that ties are common; each finding its own object, told apart by `data`. */
const finding = fc
  .record({ line: fc.nat(12), character: fc.nat(3), rule: fc.constantFrom('DA-A-001', 'DA-B-002') })
  .map(({ line, character, rule }): Finding => ({
    ruleId: rule,
    severity: 'error',
    message: { 'zh-CN': '', en: '' },
    range: { start: { line, character }, end: { line, character } },
    data: { serial: serial++ },
  }));

describe('sortFindings: the order of a stable sort, without sorting what is in order', () => {
  it('any list', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 60 }), (list) => {
        const expected = stableSorted(list);
        assert.deepEqual(sortFindings([...list]), expected);
      }),
      { numRuns: 500 },
    );
  });

  it('a list in order with a few appended (a file’s findings and then the cross-file ones): merged, ties after', () => {
    fc.assert(
      fc.property(
        fc.array(finding, { minLength: 20, maxLength: 80 }),
        fc.array(finding, { maxLength: 5 }),
        (head, tail) => {
          const list = [...stableSorted(head), ...tail];
          const sorted = sortFindings([...list]);
          assert.deepEqual(sorted, stableSorted(list));
          // Ties keep the list's order: every appended finding that ties with one before it comes after it.
          for (const late of tail)
            for (const early of head) {
              const tie =
                late.range.start.line === early.range.start.line &&
                late.range.start.character === early.range.start.character &&
                late.ruleId === early.ruleId;
              if (tie) assert.ok(sorted.indexOf(early) < sorted.indexOf(late));
            }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('flatten: a file’s findings, merged from its parts, are those parts stably sorted (examples and a register)', () => {
    const files: Array<{ name: string; text: string }> = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.ya?ml$/.test(entry.name)) files.push({ name: full, text: fs.readFileSync(full, 'utf8') });
      }
    };
    walk(path.join(ROOT, 'examples'));
    // Every third asset 重要数据 without its records: findings all through the file, several per item.
    files.push({
      name: 'many.assets.yaml',
      text: registerOf(300, (a, n) => (n % 3 ? a : a.replace('一般数据', '重要数据'))),
    });
    const options = { rules: RULES, codeTable: builtinCodeTable(), reportForeignDocuments: true, today: '2026-01-01' };
    let merged = 0;
    for (const { name, text } of files) {
      const parts = validateFileParts(parseStewardFile(name, text), options);
      const all = [...parts.file];
      for (const document of parts.documents) {
        all.push(...document.own);
        for (const item of document.items) all.push(...item);
      }
      assert.deepEqual(flatten(parts), stableSorted(all), name);
      if (parts.documents.some((d) => d.own.length > 0) && all.length > 5) merged++;
    }
    assert.ok(merged > 0, 'some file has document findings to merge into its items’');
  });
});
