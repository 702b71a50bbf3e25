/**
 * The real ajv-cli (node_modules/.bin/ajv) against the schemas and examples, run the way schemas/README.md says:
 * the README's shell commands are executed as written (with `npx x` pointing at node_modules/.bin/x and output
 * files in a temporary directory), and the pitfalls it describes are reproduced.
 */
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';

function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

const ROOT = findRoot(__dirname);
const AJV = path.join(ROOT, 'node_modules', '.bin', 'ajv');
const YAML_CLI = path.join(ROOT, 'node_modules', '.bin', 'yaml');
const CATALOG_SCHEMA = 'schemas/data-resource-catalog.schema.json';
const REGISTER_SCHEMA = 'schemas/data-asset-register.schema.json';
/** The options schemas/README.md documents for `ajv validate`. */
const VALIDATE_OPTIONS = [
  '--spec=draft2020',
  '--strict=true',
  '--allow-union-types',
  '--all-errors',
  '-c',
  'ajv-formats',
];

function ajv(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(AJV, args, { cwd: ROOT, encoding: 'utf8' });
}

function output(result: SpawnSyncReturns<string>): string {
  return `${result.stdout}${result.stderr}`;
}

/** The shell commands of the README's ```sh blocks, continuation lines joined. */
function readmeCommands(): string[] {
  const readme = readFileSync(path.join(ROOT, 'schemas', 'README.md'), 'utf8');
  const commands: string[] = [];
  for (const block of readme.matchAll(/```sh\n([\s\S]*?)```/g)) {
    commands.push(
      ...block[1]
        .replace(/\\\n\s*/g, '')
        .split('\n')
        .filter((line) => line.trim() !== ''),
    );
  }
  return commands;
}

/** Points `npx` at the installed binaries and the README's output files at `dir`. */
function localise(command: string, dir: string): string {
  return command
    .replace(/\bnpx ajv\b/g, JSON.stringify(AJV))
    .replace(/\bnpx yaml\b/g, JSON.stringify(YAML_CLI))
    .replace(/\/tmp\/steward-json/g, dir)
    .replace(/(?<![\w/.-])transport\.assets\.json\b/g, path.join(dir, 'transport.assets.json'));
}

/** JSON of a single-document YAML file, read with the YAML 1.2 core schema. */
function yamlToJson(file: string, dir: string): string {
  const [document, ...rest] = parseAllDocuments(readFileSync(path.join(ROOT, file), 'utf8'));
  assert.equal(rest.length, 0, file);
  assert.deepEqual(document.errors, [], file);
  const target = path.join(dir, path.basename(file).replace(/\.ya?ml$/, '.json'));
  writeFileSync(target, JSON.stringify(document.toJS()));
  return target;
}

describe('ajv-cli', function () {
  this.timeout(60000);
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'steward-ajv-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the README commands as written: the schemas compile and the examples are valid', () => {
    const commands = readmeCommands();
    assert.ok(
      commands.some((c) => c.startsWith('npx ajv compile')),
      'README shows a compile command',
    );
    assert.equal(
      commands.filter((c) => c.startsWith('npx ajv validate')).length,
      2,
      'README shows two validate commands',
    );
    for (const command of commands) {
      const result = spawnSync('sh', ['-c', localise(command, dir)], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(result.status, 0, `${command}\n${output(result)}`);
      assert.doesNotMatch(result.stderr, /strict mode|error/i, command);
    }
    const validated = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
    assert.deepEqual(validated, ['transport.assets.json', 'transport.catalog.0.json', 'transport.catalog.1.json']);
  });

  for (const schema of [CATALOG_SCHEMA, REGISTER_SCHEMA]) {
    it(`compiles ${schema} in strict mode with union types allowed, and not without them`, () => {
      const compiled = ajv([
        'compile',
        '--spec=draft2020',
        '--strict=true',
        '--allow-union-types',
        '-c',
        'ajv-formats',
        '-s',
        schema,
      ]);
      assert.equal(compiled.status, 0, output(compiled));
      assert.match(compiled.stdout, /is valid/);
      const refused = ajv(['compile', '--spec=draft2020', '--strict=true', '-c', 'ajv-formats', '-s', schema]);
      assert.notEqual(refused.status, 0);
      assert.match(output(refused), /allowUnionTypes/);
    });
  }

  const INVALID: Array<[string, string, string]> = [
    ['missing-required.catalog.yaml', CATALOG_SCHEMA, '/resources/0'],
    ['unexpected-property.catalog.yaml', CATALOG_SCHEMA, '/resources/0'],
    ['wrong-enum.catalog.yaml', CATALOG_SCHEMA, '/resources/0/securityGrade'],
    ['wrong-type.catalog.yaml', CATALOG_SCHEMA, '/resources/0/personalInformation/contains'],
    ['bad-date.catalog.yaml', CATALOG_SCHEMA, '/resources/0/releaseDate'],
    ['bad-id-pattern.catalog.yaml', CATALOG_SCHEMA, '/resources/0/id'],
    ['no-sharing-without-basis.catalog.yaml', CATALOG_SCHEMA, '/resources/0/sharing'],
    ['personal-info-without-basis.catalog.yaml', CATALOG_SCHEMA, '/resources/0/personalInformation'],
    ['purchase-without-budget.assets.yaml', REGISTER_SCHEMA, '/assets/0/acquisition'],
    ['paid-without-fee.assets.yaml', REGISTER_SCHEMA, '/assets/0/authorizations/0'],
    ['guarantee.assets.yaml', REGISTER_SCHEMA, '/assets/0/guarantee'],
    ['disposal-without-approval.assets.yaml', REGISTER_SCHEMA, '/assets/0/disposal'],
  ];

  describe('the invalid examples, converted to JSON and validated in one run per schema', () => {
    /** ajv's errors per JSON file, from one `ajv validate` over all files of a schema (`--errors=line`). */
    const reported = new Map<string, Array<{ instancePath: string; keyword: string }> | 'valid'>();
    let scratch: string;

    before(() => {
      scratch = mkdtempSync(path.join(os.tmpdir(), 'steward-ajv-invalid-'));
      for (const schema of [CATALOG_SCHEMA, REGISTER_SCHEMA]) {
        const files = INVALID.filter(([, s]) => s === schema).map(([file]) =>
          yamlToJson(`examples/invalid/${file}`, scratch),
        );
        const result = ajv([
          'validate',
          ...VALIDATE_OPTIONS,
          '--errors=line',
          '-s',
          schema,
          ...files.flatMap((f) => ['-d', f]),
        ]);
        assert.equal(result.status, 1, output(result));
        const lines = output(result)
          .split('\n')
          .filter((line) => line.trim() !== '');
        for (let i = 0; i < lines.length; i++) {
          const [file, verdict] = lines[i].split(' ');
          if (verdict === 'valid') reported.set(path.basename(file), 'valid');
          else if (verdict === 'invalid') reported.set(path.basename(file), JSON.parse(lines[++i]));
        }
      }
    });

    after(() => {
      rmSync(scratch, { recursive: true, force: true });
    });

    for (const [file, , instancePath] of INVALID) {
      it(`rejects examples/invalid/${file} at ${instancePath} only`, () => {
        const errors = reported.get(file.replace(/\.yaml$/, '.json'));
        assert.ok(Array.isArray(errors), `${file}: ${String(errors)}`);
        assert.deepEqual(
          [...new Set(errors.filter((e) => e.keyword !== 'if').map((e) => e.instancePath))],
          [instancePath],
        );
      });
    }
  });

  describe('the pitfalls of reading YAML directly (js-yaml 3, YAML 1.1), as the README describes', () => {
    it('unquoted dates become Date objects and fail with "must be string"', () => {
      const result = ajv([
        'validate',
        ...VALIDATE_OPTIONS,
        '--errors=json',
        '-s',
        REGISTER_SCHEMA,
        '-d',
        'examples/transport-bureau/transport.assets.yaml',
      ]);
      assert.equal(result.status, 1, output(result));
      const errors = JSON.parse(result.stderr.slice(result.stderr.indexOf('['))) as Array<{
        instancePath: string;
        message: string;
        schemaPath: string;
      }>;
      assert.ok(errors.length > 10);
      for (const error of errors) {
        assert.equal(error.message, 'must be string');
        assert.equal(error.schemaPath, '#/$defs/Date/type');
      }
      assert.ok(errors.some((e) => e.instancePath === '/assets/0/acquisition/date'));
    });

    it('a multi-document file cannot be read at all', () => {
      const result = ajv([
        'validate',
        ...VALIDATE_OPTIONS,
        '-s',
        CATALOG_SCHEMA,
        '-d',
        'examples/transport-bureau/transport.catalog.yaml',
      ]);
      assert.equal(result.status, 2, output(result));
      assert.match(result.stderr, /Invalid or unexpected token/);
    });

    it('a single-document file with quoted dates validates directly', () => {
      const text = readFileSync(path.join(ROOT, 'examples/transport-bureau/transport.assets.yaml'), 'utf8');
      const quoted = text.replace(/(?<=: |\[|, )(\d{4}-\d{2}-\d{2})\b/g, '"$1"');
      assert.notEqual(quoted, text);
      const file = path.join(dir, 'quoted.assets.yaml');
      writeFileSync(file, quoted);
      const result = ajv(['validate', ...VALIDATE_OPTIONS, '-s', REGISTER_SCHEMA, '-d', file]);
      assert.equal(result.status, 0, output(result));
      assert.match(result.stdout, /valid/);
    });
  });
});
