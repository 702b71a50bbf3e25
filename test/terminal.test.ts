/**
 * What a person at a terminal sees: `steward validate` laid out for the terminal's width and `steward explain`
 * rendered, on a real pseudo-terminal (util-linux `script`, as a shell would run it) and piped.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { CLI, ROOT, runCli } from './helpers';
import { displayWidth } from '../server/src/cli/formatters/width';

const ANSI = /\u001b\[[0-9;]*m/g;
/** One escape sequence (not global: `test` and `match` keep no state between calls). */
const ESCAPE = /\u001b\[[0-9;]*m/;

/** Runs the CLI on a pseudo-terminal of `columns` columns; its output as the terminal got it (CR LF -> LF). */
function onTerminal(
  args: string[],
  columns: number,
  env: NodeJS.ProcessEnv = {},
): { code: number | null; output: string } {
  const command = `stty cols ${columns} rows 50; exec ${JSON.stringify(process.execPath)} ${[CLI, ...args].map((a) => JSON.stringify(a)).join(' ')}`;
  const run = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: ROOT,
    encoding: 'utf8',
    // A terminal emulator sets TERM; CI may not have it.
    env: {
      ...process.env,
      LC_ALL: '',
      LC_MESSAGES: '',
      LANG: 'en_US.UTF-8',
      NO_COLOR: '',
      FORCE_COLOR: '',
      COLUMNS: '',
      TERM: 'xterm-256color',
      // Node reads CI as a terminal without colours (unless it names a known CI service); a user's terminal has none.
      CI: '',
      ...env,
    },
    timeout: 60_000,
  });
  assert.equal(run.error, undefined, `script: ${run.error}`);
  return { code: run.status, output: run.stdout.replace(/\r\n/g, '\n') };
}

/** Lines wider than `width`, leaving out those that are one unbreakable run after their indentation. */
function overlong(text: string, width: number): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(ANSI, ''))
    .filter((line) => displayWidth(line) > width && /\s\S+\s/.test(line.trim()));
}

describe('terminal: steward validate fits the terminal', () => {
  for (const columns of [80, 120]) {
    it(`on a ${columns}-column terminal no line is wider, in either language`, () => {
      for (const locale of ['en', 'zh-CN']) {
        const { code, output } = onTerminal(['validate', 'examples', '--locale', locale], columns);
        assert.equal(code, 1, output.slice(0, 500));
        assert.match(output, /\u001b\[31m/, 'colours on a terminal');
        assert.deepEqual(overlong(output, columns), []);
        // Rule ids stand on the location's line, never alone on a wrapped row.
        for (const line of output
          .replace(ANSI, '')
          .split('\n')
          .filter((l) => /DA-[A-Z]+-\d{3}$/.test(l)))
          assert.match(line, /^\s+\d+:\d+\s+\S+\s+DA-/);
      }
    });
  }

  it('piped, it wraps at COLUMNS, else at 100', () => {
    const at100 = runCli(['validate', 'examples', '--locale', 'zh-CN']).stdout;
    assert.deepEqual(overlong(at100, 100), []);
    assert.ok(
      at100.split('\n').some((line) => displayWidth(line) > 90),
      'the width is used',
    );
    const at72 = runCli(['validate', 'examples'], { env: { COLUMNS: '72' } }).stdout;
    assert.deepEqual(overlong(at72, 72), []);
  });
});

describe('terminal: colours follow NO_COLOR and FORCE_COLOR', () => {
  const colours = (env: NodeJS.ProcessEnv) =>
    ESCAPE.test(
      runCli(['validate', 'examples/invalid/wrong-enum.catalog.yaml'], { env: { NO_COLOR: '', ...env } }).stdout,
    );
  it('piped: off, unless FORCE_COLOR asks with a value other than 0 or false', () => {
    assert.equal(colours({}), false);
    assert.equal(colours({ FORCE_COLOR: '1' }), true);
    assert.equal(colours({ FORCE_COLOR: 'true' }), true);
    assert.equal(colours({ FORCE_COLOR: '0' }), false);
    assert.equal(colours({ FORCE_COLOR: 'false' }), false);
    assert.equal(colours({ FORCE_COLOR: '1', NO_COLOR: '1' }), false);
  });
  it('piped: FORCE_COLOR 2 and 3 (256 colours, true colour) turn them on, other words off, as Node reads it', () => {
    assert.equal(colours({ FORCE_COLOR: '2' }), true);
    assert.equal(colours({ FORCE_COLOR: '3' }), true);
    assert.equal(colours({ FORCE_COLOR: 'no' }), false);
    assert.equal(colours({ FORCE_COLOR: '0', TERM: 'xterm-256color' }), false);
  });
  it('--color and --no-color win over the environment', () => {
    const run = (args: string[], env: NodeJS.ProcessEnv) =>
      ESCAPE.test(runCli(['validate', 'examples/invalid/wrong-enum.catalog.yaml', ...args], { env }).stdout);
    assert.equal(run(['--color'], { NO_COLOR: '1' }), true);
    assert.equal(run(['--no-color'], { FORCE_COLOR: '1', NO_COLOR: '' }), false);
  });
  it('on a terminal without colours (TERM=dumb): off, as Node decides for its own output', () => {
    const args = ['validate', 'examples/invalid/wrong-enum.catalog.yaml'];
    assert.doesNotMatch(onTerminal(args, 100, { TERM: 'dumb' }).output, ESCAPE);
    assert.doesNotMatch(onTerminal(['explain', 'DA-AUTH-001'], 100, { TERM: 'dumb' }).output, ESCAPE);
    assert.match(onTerminal(args, 100, { TERM: 'dumb', FORCE_COLOR: '1' }).output, ESCAPE);
  });
  it('on a terminal: on, unless NO_COLOR or FORCE_COLOR=0', () => {
    const args = ['validate', 'examples/invalid/wrong-enum.catalog.yaml'];
    assert.match(onTerminal(args, 100).output, ESCAPE);
    assert.doesNotMatch(onTerminal(args, 100, { NO_COLOR: '1' }).output, ESCAPE);
    assert.doesNotMatch(onTerminal(args, 100, { FORCE_COLOR: '0' }).output, ESCAPE);
  });
});

describe('terminal: steward explain', () => {
  it("piped, prints the rule's Markdown as docs/rules.md holds it", () => {
    const run = runCli(['explain', 'DA-AUTH-001']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^## DA-AUTH-001: /);
    assert.match(run.stdout, /\n```yaml\n/);
    assert.equal(runCli(['explain', 'DA-AUTH-001', '--format', 'markdown']).stdout, run.stdout);
  });

  it('on a terminal, renders it: headings emphasised, code indented, prose wrapped, no Markdown marks', () => {
    for (const locale of ['en', 'zh-CN']) {
      const { code, output } = onTerminal(['explain', 'DA-AUTH-001', '--locale', locale], 80);
      assert.equal(code, 0, output);
      const plain = output.replace(ANSI, '');
      assert.doesNotMatch(plain, /^#+ |```/m);
      assert.match(output, /\u001b\[1m\u001b\[4mDA-AUTH-001/);
      assert.match(plain, /^ {4}authorizations:$/m);
      assert.match(plain, /^ {6}- entity: 某市大数据运营有限公司$/m);
      assert.deepEqual(
        overlong(
          plain
            .split('\n')
            .filter((line) => !line.startsWith('    '))
            .join('\n'),
          80,
        ),
        [],
      );
    }
  });

  it('on a terminal with --format markdown, or piped with --format text', () => {
    assert.equal(
      onTerminal(['explain', 'DA-AUTH-001', '--format', 'markdown'], 80).output,
      runCli(['explain', 'DA-AUTH-001']).stdout,
    );
    const text = runCli(['explain', 'DA-AUTH-001', '--format', 'text']).stdout;
    assert.doesNotMatch(text, ESCAPE);
    assert.match(text, /^DA-AUTH-001: .*\n(.*\n){0,3}═+\n/);
    assert.match(text, /^Why\n───\n/m);
    assert.equal(runCli(['explain', 'DA-AUTH-001', '--format', 'html']).code, 2);
  });
});
