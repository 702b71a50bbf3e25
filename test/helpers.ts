/** Test helpers: run the bundled CLI for real, in a temporary folder. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'steward.js');
/** A real, large code table no one on the team wrote (provenance: test/fixtures/reference/README.md). */
export const REFERENCE_CODES_CSV = path.join(ROOT, 'test', 'fixtures', 'reference', 'asset-category-codes.csv');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI (or `script`, another copy of it) with node. */
export function runCli(
  args: string[],
  options: {
    cwd?: string;
    input?: string | Buffer;
    env?: NodeJS.ProcessEnv;
    nodeArgs?: string[];
    script?: string;
  } = {},
): CliRun {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), options.script ?? CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    env: {
      ...process.env,
      LC_ALL: '',
      LC_MESSAGES: '',
      LANG: 'en_US.UTF-8',
      NO_COLOR: '1',
      FORCE_COLOR: '',
      ...options.env,
    },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the CLI with test/commit-obstacle.ts preloaded: as the command starts putting `targets` in place, another
 * of them becomes a folder holding a file (or, with `text`, a file with that text written by someone else).
 */
export function runCliWithObstacle(args: string[], options: { cwd: string; targets: string[]; text?: string }): CliRun {
  return runCli(args, {
    cwd: options.cwd,
    nodeArgs: ['-r', path.join(__dirname, 'commit-obstacle.js')],
    env: {
      STEWARD_TEST_TARGETS: options.targets.join('\n'),
      ...(options.text === undefined ? {} : { STEWARD_TEST_OBSTACLE_TEXT: options.text }),
    },
  });
}

/** The folders tempDir made, removed when the test process ends (mocha's `exit` ends it with process.exit). */
const madeDirs: string[] = [];
process.on('exit', () => {
  for (const dir of madeDirs) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-test-'));
  madeDirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

/** The CONTRACT's register example with only required blocks: must be valid. */
export const MINIMAL_REGISTER = `apiVersion: steward/v1
kind: DataAssetRegister
unit:
  name: 某市交通运输局
  code: 113301000025391739
  type: 行政单位
  supervisingDepartment: 某市人民政府
assets:
  - id: DA-2024-0001
    name: 公交运行监测数据集
    resource: R-330100-JT-0001
    classificationCode: A08060201
    securityGrade: 一般数据
    acquisition:
      method: 自主采集
    registration:
      cardNumber: ZC-2024-0001
`;

/**
 * MINIMAL_REGISTER with `count` assets: its own, then copies of it numbered DA-2024-0002, …; `each` may rewrite
 * the text of copy `n` (2 … count).
 */
export function registerOf(count: number, each: (asset: string, n: number) => string = (asset) => asset): string {
  const item = MINIMAL_REGISTER.slice(MINIMAL_REGISTER.indexOf('  - id'));
  const parts = [MINIMAL_REGISTER];
  for (let n = 2; n <= count; n++)
    parts.push(each(item.replace('DA-2024-0001', `DA-2024-${String(n).padStart(4, '0')}`), n));
  return parts.join('');
}

/** The CONTRACT's catalog example exactly: valid (no errors), though recommended fields draw warnings and notes. */
export const CONTRACT_CATALOG = `apiVersion: steward/v1
kind: DataResourceCatalog
unit:
  name: 某市交通运输局
  code: 113301000025391739
  type: 行政单位
  supervisingDepartment: 某市人民政府
resources:
  - id: R-330100-JT-0001
    name: 公交车辆实时位置数据
    abstract: 全市公交车辆的实时定位数据
    provider: 某市交通运输局
    updateCycle: 实时
    securityGrade: 一般数据
    secrecy: 非涉密
    personalInformation:
      contains: false
    sharing:
      type: 有条件共享
    opening:
      type: 不予开放
`;

/** A catalog with one resource that no rule has anything to say about. */
export const MINIMAL_CATALOG = CONTRACT_CATALOG.replace(
  '    sharing:\n      type: 有条件共享\n',
  '    sharing:\n      type: 有条件共享\n      conditions: 仅向市级政务部门共享，用于交通管理\n',
).replace(
  '    updateCycle: 实时\n',
  '    updateCycle: 实时\n    format: 库表\n    releaseDate: 2024-03-01\n    informationItems:\n      - { name: 车辆编号, dataType: 字符型 }\n',
);

export interface JsonReport {
  schemaVersion: number;
  summary: { files: number; errors: number; warnings: number; infos: number };
  files: {
    path: string;
    findings: {
      ruleId: string;
      severity: string;
      message: string;
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
      clause?: string;
      path?: string;
    }[];
  }[];
}

export function jsonReport(run: CliRun): JsonReport {
  try {
    return JSON.parse(run.stdout) as JsonReport;
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
}

/**
 * Deterministic pseudo-random numbers (a linear congruential generator), so a failing random test can be replayed:
 * `next()` is in [0, 1), `next(n)` an integer in [0, n).
 */
export function random(seed: number): (n?: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return n === undefined ? state / 0x7fffffff : state % n;
  };
}
