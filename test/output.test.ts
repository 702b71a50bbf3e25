/**
 * Issue 16 (output, memory, the CLI surface): reports written in pieces equal the whole, the per-file cap, GitLab's
 * Code Quality format, several outputs in one run written atomically, the progress line's decisions, terminal-safe
 * text in every human output, and the crash cases of large inputs (an item of 300,000 findings, a megabyte value
 * quoted by hundreds of findings).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding, Severity } from '../server/src/service/types';
import { capFindings, formatChunks, formatResults } from '../server/src/cli/formatters';
import type { FileResult, FormatContext } from '../server/src/cli/formatters/types';
import { buildJsonReport } from '../server/src/cli/formatters/json';
import { buildSarifLog } from '../server/src/cli/formatters/sarif';
import { escapeData } from '../server/src/cli/formatters/github';
import { terminalLines, terminalText } from '../server/src/cli/formatters/safe-text';
import { createProgress, PROGRESS_DELAY_MS, wantsProgress } from '../server/src/cli/progress';
import { fillTemplate, MAX_QUOTED } from '../server/src/service/i18n/template';
import { flatten } from '../server/src/service/validate';
import { createStewardService } from '../server/src/service';
import { spawnSync } from 'node:child_process';
import { CLI, jsonReport, MINIMAL_REGISTER, registerOf, runCli, tempDir } from './helpers';

function finding(ruleId: string, severity: Severity, line: number, message = `message ${ruleId}`): Finding {
  return {
    ruleId,
    severity,
    message: { 'zh-CN': `问题 ${message}`, en: message },
    range: { start: { line, character: 2 }, end: { line, character: 8 } },
    path: `/assets/${line}`,
  };
}

function manyFindings(count: number): Finding[] {
  const severities: Severity[] = ['error', 'warning', 'info'];
  return Array.from({ length: count }, (_, i) => finding(`DA-TEST-00${i % 3}`, severities[i % 3], i));
}

const CONTEXT: FormatContext = {
  locale: 'en',
  color: false,
  rules: [],
  toolName: 'steward',
  toolVersion: '0.1.0',
  cwd: '/work/project',
  quiet: false,
};

const RESULTS: FileResult[] = [
  { path: 'b.assets.yaml', findings: manyFindings(7) },
  { path: 'a.catalog.yaml', findings: [] },
  { path: 'c.assets.yaml', skipped: true, findings: [finding('DA-PARSE-001', 'error', 0)] },
];

describe('output: streamed reports', () => {
  it('writes JSON and SARIF in pieces, byte for byte the whole report', () => {
    for (const results of [RESULTS, capFindings(RESULTS, 4), []]) {
      const json = [...formatChunks('json', results, CONTEXT)];
      assert.equal(json.join(''), JSON.stringify(buildJsonReport(results, CONTEXT), null, 2) + '\n');
      const sarif = [...formatChunks('sarif', results, CONTEXT)];
      assert.equal(sarif.join(''), JSON.stringify(buildSarifLog(results, CONTEXT), null, 2) + '\n');
      if (results.length > 0) assert.ok(json.length > 5 && sarif.length > 5, 'more than one piece');
    }
  });

  it('never holds one piece per report: past the head, a file of 20,000 findings comes a finding a piece', () => {
    const big: FileResult[] = [{ path: 'big.assets.yaml', findings: manyFindings(20_000) }];
    for (const format of ['stylish', 'json', 'sarif', 'junit', 'github', 'gitlab'] as const) {
      const pieces = [...formatChunks(format, big, CONTEXT)].slice(1);
      assert.ok(pieces.length >= 19_999, `${format}: ${pieces.length} pieces`);
      const longest = Math.max(...pieces.map((piece) => piece.length));
      assert.ok(longest < 2_000, `${format}: longest piece ${longest}`);
    }
  });
});

describe('output: --max-findings-per-file', () => {
  const capped = capFindings(RESULTS, 4);
  const context = { ...CONTEXT, findingsLimit: 4 };

  it('keeps the first findings by position, counts the others, and leaves small files alone', () => {
    assert.equal(capped[0].findings.length, 4);
    assert.deepEqual(
      capped[0].findings.map((f) => f.range.start.line),
      [0, 1, 2, 3],
    );
    assert.equal(capped[0].omitted, 3);
    assert.deepEqual(capped[0].counts, { error: 3, warning: 2, info: 2 });
    assert.equal(capped[1], RESULTS[1]);
    assert.equal(capFindings(RESULTS, 0)[0].findings.length, 7, '0: no limit');
  });

  it('says so in every format, and every summary still counts all findings', () => {
    const json = JSON.parse(formatResults('json', capped, context)) as ReturnType<typeof buildJsonReport>;
    assert.equal(json.files[1].omitted, 3);
    assert.equal(json.files[1].findings.length, 4);
    assert.deepEqual([json.summary.errors, json.summary.warnings, json.summary.infos], [4, 2, 2]);
    const stylish = formatResults('stylish', capped, context);
    assert.match(stylish, /… 3 more findings in this file not shown \(--max-findings-per-file 4\)/);
    assert.match(stylish, /✖ 8 problems \(4 errors, 2 warnings, 2 info\)/);
    const sarif = buildSarifLog(capped, context);
    const notes = sarif.runs[0].invocations[0].toolExecutionNotifications ?? [];
    assert.equal(notes.length, 1);
    assert.match(notes[0].message.text, /^b\.assets\.yaml: … 3 more findings/);
    assert.equal(sarif.runs[0].results.length, 5);
    const junit = formatResults('junit', capped, context);
    assert.match(junit, /<testsuite name="b.assets.yaml" tests="5" failures="3" errors="0" skipped="1"/);
    assert.match(junit, /<skipped message="… 3 more findings in this file not shown/);
    assert.match(formatResults('github', capped, context), /^::notice file=b\.assets\.yaml::… 3 more findings/m);
    const gitlab = JSON.parse(formatResults('gitlab', capped, context)) as Array<{ check_name: string }>;
    assert.equal(gitlab.filter((issue) => issue.check_name === 'steward/max-findings-per-file').length, 1);
  });

  it('caps the CLI report by default at 1,000 per file; the exit code and the counts reflect every finding', () => {
    // 1,100 assets, each with an unknown field: 1,100 errors.
    const register = registerOf(1100, (asset) => asset + '    remarkz: x\n');
    const dir = tempDir({ 'big.assets.yaml': register.replace('ZC-2024-0001\n', 'ZC-2024-0001\n    remarkz: x\n') });
    const run = runCli(['validate', '--format', 'json', 'big.assets.yaml'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    const report = jsonReport(run);
    assert.equal(report.summary.errors, 1100);
    assert.equal(report.files[0].findings.length, 1000);
    assert.equal((report.files[0] as { omitted?: number }).omitted, 100);
    const all = jsonReport(
      runCli(['validate', '-f', 'json', '--max-findings-per-file', '0', 'big.assets.yaml'], { cwd: dir }),
    );
    assert.equal(all.files[0].findings.length, 1100);
  });
});

describe('output: GitLab Code Quality', () => {
  it("writes GitLab's issue fields, its severity scale and a fingerprint unique in the report", () => {
    const twice: FileResult[] = [
      {
        path: 'x.assets.yaml',
        findings: [finding('DA-A-001', 'error', 1, 'same'), finding('DA-A-001', 'error', 1, 'same')],
      },
      { path: 'y.assets.yaml', findings: [finding('DA-B-001', 'warning', 2), finding('DA-C-001', 'info', 3)] },
    ];
    const issues = JSON.parse(formatResults('gitlab', twice, CONTEXT)) as Array<Record<string, unknown>>;
    assert.equal(issues.length, 4);
    assert.deepEqual(Object.keys(issues[0]), ['description', 'check_name', 'fingerprint', 'severity', 'location']);
    assert.deepEqual(
      issues.map((issue) => issue.severity),
      ['major', 'major', 'minor', 'info'],
    );
    assert.deepEqual(issues[2].location, { path: 'y.assets.yaml', lines: { begin: 3 } });
    assert.equal(new Set(issues.map((issue) => issue.fingerprint)).size, 4);
    assert.equal(formatResults('gitlab', [], CONTEXT), '[]\n');
  });
});

describe('output: several outputs, written atomically', () => {
  it('writes --format sarif:FILE and stylish to standard output in one run', () => {
    const dir = tempDir({ 'bad.assets.yaml': MINIMAL_REGISTER.replace('一般数据', '机密数据') });
    const run = runCli(['validate', '-f', 'sarif:reports/out.sarif', '-f', 'stylish', '-f', 'gitlab:gl.json', '.'], {
      cwd: dir,
    });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /bad\.assets\.yaml\n/);
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'reports', 'out.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.length > 0);
    assert.ok(JSON.parse(fs.readFileSync(path.join(dir, 'gl.json'), 'utf8')).length > 0);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'reports')), ['out.sarif'], 'no temporary file left');
  });

  it('refuses two formats on standard output, and an unknown format', () => {
    const dir = tempDir({ 'a.assets.yaml': MINIMAL_REGISTER });
    const two = runCli(['validate', '-f', 'json', '-f', 'stylish', '.'], { cwd: dir });
    assert.equal(two.code, 2);
    assert.match(two.stderr, /Only one format can go to standard output \(json, stylish\)/);
    assert.equal(runCli(['validate', '-f', 'xml:out.xml', '.'], { cwd: dir }).code, 2);
  });

  it('leaves neither a half-written file nor a temporary file when the report cannot be written', () => {
    const dir = tempDir({ 'a.assets.yaml': MINIMAL_REGISTER, 'taken/keep.txt': 'x' });
    const run = runCli(['validate', '-f', 'json:taken', '.'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Cannot write the output file taken: E/);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.assets.yaml', 'taken']);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'taken')), ['keep.txt']);
  });
});

describe('output: progress line', () => {
  it('is wanted only on a terminal that can redraw a line, outside CI', () => {
    assert.equal(wantsProgress({ isTTY: true }, { TERM: 'xterm' }), true);
    assert.equal(wantsProgress({ isTTY: false }, { TERM: 'xterm' }), false);
    assert.equal(wantsProgress({}, {}), false);
    assert.equal(wantsProgress({ isTTY: true }, { TERM: 'dumb' }), false);
    assert.equal(wantsProgress({ isTTY: true }, { CI: 'true' }), false);
  });

  it('says nothing for a short run, counts files after the delay, and erases itself', () => {
    let clock = 0;
    const written: string[] = [];
    const stderr = { write: (text: string) => void written.push(text) };
    const progress = createProgress(3, { wanted: true, stderr, locale: 'en', now: () => clock });
    progress.tick();
    assert.deepEqual(written, [], 'nothing before the delay');
    clock = PROGRESS_DELAY_MS + 1;
    progress.tick();
    progress.tick();
    progress.finish();
    assert.deepEqual(written, ['\r\u001b[Kchecked 2 of 3 files', '\r\u001b[Kchecked 3 of 3 files', '\r\u001b[K']);
    const quiet: string[] = [];
    const off = createProgress(3, { wanted: false, stderr: { write: (t) => void quiet.push(t) }, locale: 'en' });
    clock = 10 * PROGRESS_DELAY_MS;
    off.tick();
    off.finish();
    assert.deepEqual(quiet, []);
  });
});

describe('output: progress on a pseudo-terminal', () => {
  it('draws the progress line on the terminal, erases it, and keeps it out of the report', () => {
    const dir = tempDir({
      'a.assets.yaml': MINIMAL_REGISTER,
      'b.assets.yaml': MINIMAL_REGISTER.replace('DA-2024-0001', 'DA-2024-0002'),
      'c.assets.yaml': MINIMAL_REGISTER.replace('DA-2024-0001', 'DA-2024-0003'),
    });
    // util-linux `script` gives the CLI a terminal on stdin, stdout and stderr; stdout is redirected to a file.
    const command = `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} validate -f json --jobs 1 . > report.json`;
    const env = { ...process.env, LANG: 'en_US.UTF-8', TERM: 'xterm', CI: '', STEWARD_PROGRESS_DELAY_MS: '0' };
    const run = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd: dir,
      encoding: 'utf8',
      env,
      timeout: 60_000,
    });
    assert.equal(run.error, undefined, `script: ${run.error}`);
    assert.match(run.stdout, /\r\u001b\[Kchecked 3 of 3 files/);
    assert.ok(run.stdout.endsWith('\r\u001b[K'), JSON.stringify(run.stdout.slice(-40)));
    const report = fs.readFileSync(path.join(dir, 'report.json'), 'utf8');
    assert.doesNotMatch(report, /checked|\u001b/);
    assert.equal(JSON.parse(report).summary.files, 3);
    const inCi = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...env, CI: 'true' },
      timeout: 60_000,
    });
    assert.doesNotMatch(inCi.stdout, /checked/);
  });
});

describe('output: terminal-safe text', () => {
  const HOSTILE = 'a\u001b[2J\u001b]0;pwned\u0007b\u202Ec';

  it('shows control and bidi characters as escapes in human text', () => {
    assert.equal(terminalText(HOSTILE), 'a\\x1B[2J\\x1B]0;pwned\\x07b\\u202Ec');
    assert.equal(terminalLines('x\r\ny\u2066'), 'x\ny\\u2066');
  });

  it('percent-encodes ESC, BEL and bidi controls in GitHub workflow commands', () => {
    assert.equal(escapeData(HOSTILE), 'a%1B[2J%1B]0;pwned%07b%E2%80%AEc');
    const output = formatResults(
      'github',
      [{ path: 'x\u001b.yaml', findings: [finding('DA-X', 'error', 1, HOSTILE)] }],
      CONTEXT,
    );
    assert.doesNotMatch(output, /[\u0000-\u0009\u000b-\u001f\u202e]/);
  });

  it('keeps the exact text in JSON, escaped by JSON', () => {
    const results: FileResult[] = [{ path: 'x.yaml', findings: [finding('DA-X', 'error', 1, HOSTILE)] }];
    const text = formatResults('json', results, CONTEXT);
    assert.doesNotMatch(text, /\u001b|\u0007/);
    assert.equal(JSON.parse(text).files[0].findings[0].message, HOSTILE);
  });

  it('neutralises a hostile configuration and code table on standard error and in `codes search`', () => {
    const dir = tempDir({
      'steward.config.yaml': 'rules:\n  "DA-\u001b]0;title\u0007X": off\n',
      'codes.csv': 'code,name\nA08060201,数据\u001b[2J\u202E名称\n',
    });
    const config = runCli(['validate', '.'], { cwd: dir });
    assert.doesNotMatch(config.stderr, /\u001b|\u0007/, config.stderr);
    assert.match(config.stderr, /\\x1B\]0;title\\x07/);
    const search = runCli(['codes', 'search', 'A0806', '--code-table', 'codes.csv', '--config', 'none.yaml'], {
      cwd: dir,
    });
    const all = search.stdout + search.stderr;
    assert.doesNotMatch(all, /\u001b|\u202e/, all);
  });
});

describe('output: large inputs that crashed', () => {
  it('quotes at most a short prefix of a value in a message', () => {
    const filled = fillTemplate('Unknown code "{code}"', { code: 'x'.repeat(2_000_000) });
    assert.equal(filled.length, 'Unknown code ""'.length + MAX_QUOTED + 1);
    assert.ok(filled.endsWith('…"'));
    assert.equal(fillTemplate('{v}', { v: 'a'.repeat(MAX_QUOTED - 1) + '😀' }), 'a'.repeat(MAX_QUOTED - 1) + '…');
  });

  it('gathers an item of 300,000 findings without spreading them into arguments', () => {
    const item = manyFindings(300_000);
    const all = flatten({ file: [], documents: [{ own: [], items: [item] }] } as unknown as Parameters<
      typeof flatten
    >[0]);
    assert.equal(all.length, 300_000);
  });

  it('reports each of 3,000 unknown keys of one asset at its own key', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `    extra${i}: 1\n`).join('');
    const text = MINIMAL_REGISTER + keys;
    const findings = createStewardService()
      .validate('many-keys.assets.yaml', text)
      .findings.filter((f) => f.ruleId === 'DA-SCHEMA-002');
    assert.equal(findings.length, 3000);
    const lines = text.split('\n');
    for (const f of findings)
      assert.ok(lines[f.range.start.line].startsWith(`    ${f.path?.split('/').pop()}:`), JSON.stringify(f.range));
  });

  it('writes every format for a 2 MB value quoted by 405 findings', () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    const assets = Array.from(
      { length: 405 },
      (_, i) =>
        `  - id: DA-2024-${String(i).padStart(4, '0')}\n    name: 测试\n    classificationCode: ${i === 0 ? `&v ${big}` : '*v'}\n`,
    );
    const dir = tempDir({
      'big.assets.yaml': MINIMAL_REGISTER.slice(0, MINIMAL_REGISTER.indexOf('  - id')) + assets.join(''),
    });
    for (const format of ['stylish', 'json']) {
      const run = runCli(['validate', '-f', format, 'big.assets.yaml'], { cwd: dir });
      assert.equal(run.code, 1, run.stderr);
      assert.ok(run.stdout.length < 2_000_000, `${format}: ${run.stdout.length} characters`);
    }
  });
});
