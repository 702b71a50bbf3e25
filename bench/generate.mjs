// Deterministic generator of a realistic data-asset register and its catalog (field names per CONTRACT.md).
// Usage: node bench/generate.mjs --assets N --out DIR [--seed S] [--violations | --findings]
// --violations: every asset breaks a few rules (about six findings each), for the output and memory stress test.
// --findings: every fourth asset is 重要数据 without protection measures, risk assessment or inspections (about one
// finding per asset over the file, what a unit sees the day a rule lands), for the language server's publishing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bumped whenever the output changes, so cached files are regenerated. */
export const GENERATOR_VERSION = 4;

const UNIT = {
  name: '某市交通运输局',
  code: '113301000025391739',
  type: '行政单位',
  supervisingDepartment: '某市人民政府',
};

const DISTRICTS = [
  '上城区',
  '拱墅区',
  '西湖区',
  '滨江区',
  '萧山区',
  '余杭区',
  '临平区',
  '钱塘区',
  '富阳区',
  '临安区',
  '桐庐县',
  '淳安县',
  '建德市',
  '全市',
];
const TOPICS = [
  ['公交车辆实时位置', '公交车辆车载终端上报的位置、速度、方向和到离站信息'],
  ['出租汽车营运轨迹', '巡游出租汽车计价器与车载终端采集的营运轨迹和订单信息'],
  ['网络预约出租汽车订单', '网约车平台按规定报送的订单、车辆和驾驶员信息'],
  ['城市道路交通流量监测', '路口与路段检测器采集的车流量、车速和占有率'],
  ['公共停车场泊位', '公共停车场泊位总数、空余泊位和收费标准'],
  ['轨道交通客流统计', '轨道交通各站点分时段进出站客流'],
  ['道路运输经营许可', '道路运输经营许可证的发放、变更和注销信息'],
  ['公路养护工程', '公路养护工程的计划、实施进度和验收信息'],
  ['重点营运车辆动态监控', '“两客一危”及重型货车的动态监控与报警信息'],
  ['共享单车停放秩序', '互联网租赁自行车的投放数量、停放点位和清运记录'],
  ['港口航道运行', '内河港口吞吐量、航道水位和船舶过闸信息'],
  ['交通工程建设项目', '交通工程建设项目的立项、招投标和质量安全监督信息'],
];
const KINDS = ['数据集', '数据库', '明细数据', '统计数据'];
const ENTITIES = [
  '某市大数据运营有限公司',
  '某市交通投资集团有限公司',
  '某市城市大脑数据科技有限公司',
  '某市数字交通运营服务有限公司',
];
const CLASSIFICATION_CODES = ['A08060201', 'A08060202', 'A08060203'];
const RIGHTS = [['数据加工使用权'], ['数据加工使用权'], ['数据加工使用权', '数据产品经营权']];

/** mulberry32: a small seeded PRNG, so the same N and seed always give the same bytes. */
function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const pad = (n, width) => String(n).padStart(width, '0');
const isoDate = (year, month, day) => `${year}-${pad(month, 2)}-${pad(day, 2)}`;

/** Everything about one asset that both files need, drawn from the PRNG in a fixed order. */
function describeAsset(random, index) {
  const seq = index + 1;
  const [topic, abstract] = random.pick(TOPICS);
  const district = random.pick(DISTRICTS);
  const kind = random.pick(KINDS);
  return {
    assetId: `DA-2024-${pad(seq, 6)}`,
    resourceId: `R-330100-JT-${pad(seq, 6)}`,
    name: `${district}${topic}${kind}（第${seq}号）`,
    resourceName: `${district}${topic}数据（第${seq}号）`,
    abstract: `${district}${abstract}，按日汇聚更新，供行业监管和公共服务使用。`,
    securityGrade: random.chance(0.85) ? '一般数据' : '重要数据',
  };
}

function assetLines(random, asset) {
  const lines = [
    `  - id: ${asset.assetId}`,
    `    name: ${asset.name}`,
    `    resource: ${asset.resourceId}`,
    `    classificationCode: ${random.pick(CLASSIFICATION_CODES)}`,
    `    securityGrade: ${asset.securityGrade}`,
    '    acquisition:',
  ];
  const method = random.pick(['自主采集', '自主采集', '生产加工', '购置']);
  lines.push(`      method: ${method}`);
  if (method === '购置') {
    lines.push(
      `      budgetReference: YS-2024-${pad(random.int(1, 99999), 5)}`,
      '      governmentProcurement: { applies: false }',
    );
  }
  lines.push('    registration:', `      cardNumber: KP-330100-2024-${pad(random.int(1, 9999999), 7)}`);

  const paidFees = [];
  let firstYear = 9999;
  if (random.chance(0.9)) {
    lines.push('    authorizations:');
    const count = random.chance(0.55) ? 2 : 1;
    for (let a = 0; a < count; a++) {
      const year = random.pick([2024, 2025]);
      firstYear = Math.min(firstYear, year);
      const month = random.int(1, 12);
      lines.push(
        `      - entity: ${random.pick(ENTITIES)}`,
        `        rights: [${random.pick(RIGHTS).join(', ')}]`,
        '        securityAssessment:',
        `          ref: AQPG-${year}-${pad(random.int(1, 9999), 4)}`,
        `          date: ${isoDate(year, month, random.int(1, 28))}`,
        '        approval:',
        `          ref: 某交资〔${year}〕${random.int(1, 300)}号`,
        `          authority: ${random.chance(0.7) ? '某市交通运输局党组会议' : '某市财政局'}`,
      );
      const paid = random.chance(0.7);
      lines.push(`        paid: ${paid}`);
      if (paid) {
        const amount = random.int(2, 200) * 5000;
        paidFees.push({ amount, year });
        lines.push(
          '        fee:',
          `          amount: ${amount}`,
          '        valuation:',
          '          method: 收益法',
          `          ref: PG-${year}-${pad(random.int(1, 999), 3)}`,
        );
      }
    }
  }
  if (firstYear !== 9999) {
    // Public data resources in authorised operation are registered (发改数据规〔2025〕26号).
    lines.push(
      '    publicDataRegistration:',
      `      code: GGSJ-330100-${firstYear}-${pad(random.int(1, 9999999), 7)}`,
      `      date: 2025-${pad(random.int(3, 12), 2)}-${pad(random.int(1, 28), 2)}`,
      '      type: 首次登记',
    );
  }
  if (asset.securityGrade !== '一般数据' && !asset.unprotected) {
    // Graded data records its protection and its inspections (clauses 9 and 10).
    lines.push(
      '    security:',
      '      protectionMeasures: [访问控制, 传输加密, 审计日志]',
      `      lastRiskAssessment: 2025-${pad(random.int(1, 12), 2)}-${pad(random.int(1, 28), 2)}`,
      '    inspections:',
      `      - { date: 2025-${pad(random.int(1, 12), 2)}-15, kind: 日常, findings: 未发现问题 }`,
    );
  }
  if (paidFees.length > 0) {
    lines.push('    revenue:');
    for (const year of [2024, 2025]) {
      // Income from use starts in the year its authorization does.
      for (const { amount: fee, year: from } of paidFees) {
        if (year < from) continue;
        lines.push(
          `      - year: ${year}`,
          '        source: 使用',
          `        amount: ${Math.round(fee * (0.5 + random.next() / 2))}`,
          '        handling: 非税收入',
        );
      }
    }
  }
  return lines;
}

function resourceLines(asset) {
  return [
    `  - id: ${asset.resourceId}`,
    `    name: ${asset.resourceName}`,
    `    abstract: ${asset.abstract}`,
    `    provider: ${UNIT.name}`,
    '    updateCycle: 每日',
    '    format: 库表',
    '    releaseDate: 2024-03-01',
    '    informationItems: [{ name: 记录编号, dataType: 字符型 }, { name: 采集时间, dataType: 日期时间型 }]',
    `    securityGrade: ${asset.securityGrade}`,
    '    secrecy: 非涉密',
    '    personalInformation:',
    '      contains: false',
    '    sharing:',
    '      type: 有条件共享',
    '      conditions: 仅向市级政务部门共享，用于交通运行管理',
    '    opening:',
    '      type: 不予开放',
  ];
}

function header(kind, title) {
  return [
    `# ${title}（基准测试生成数据，勿手工编辑）`,
    'apiVersion: steward/v1',
    `kind: ${kind}`,
    // Checked as of this date, so date-dependent rules give the same findings on any day.
    'asOf: 2025-12-31',
    'unit:',
    `  name: ${UNIT.name}`,
    // Quoted: 18 digits do not fit a double, and a plain YAML parser would turn them into an inexact number.
    `  code: '${UNIT.code}'`,
    `  type: ${UNIT.type}`,
    `  supervisingDepartment: ${UNIT.supervisingDepartment}`,
  ];
}

/**
 * The same asset, breaking rules: a classification code outside the data branch, a placeholder card number, an
 * unexpected key, a wrong enum value, revenue not handled as non-tax income. Each asset gives about six findings.
 */
function withViolations(lines, index) {
  const out = [];
  for (const line of lines) {
    if (line.startsWith('    classificationCode: ')) out.push('    classificationCode: A02010100');
    else if (line.startsWith('      cardNumber: ')) out.push('      cardNumber: 待填写');
    else if (line.startsWith('        handling: ')) out.push('        handling: 事业收入');
    else if (line.startsWith('    securityGrade: ')) out.push('    securityGrade: 机密数据');
    else out.push(line);
  }
  out.push(`    remarks${index % 7}: 生成的多余字段`);
  return out;
}

/** Returns { register, catalog } as YAML text for `assets` assets (one catalog resource each). */
export function generate({ assets, seed = 20240205, violations = false, findings = false }) {
  const random = createRandom(seed);
  const register = [...header('DataAssetRegister', '某市交通运输局数据资产登记'), 'assets:'];
  const catalog = [...header('DataResourceCatalog', '某市交通运输局数据资源目录'), 'resources:'];
  for (let i = 0; i < assets; i++) {
    const asset = describeAsset(random, i);
    // Decided by position, not drawn, so the PRNG's sequence (and every other line) is the same as without it.
    if (findings && i % 4 === 3) Object.assign(asset, { securityGrade: '重要数据', unprotected: true });
    const lines = assetLines(random, asset);
    register.push(...(violations ? withViolations(lines, i) : lines));
    catalog.push(...resourceLines(asset));
  }
  return { register: register.join('\n') + '\n', catalog: catalog.join('\n') + '\n' };
}

export function fileNames(assets) {
  return { register: `register-${assets}.assets.yaml`, catalog: `catalog-${assets}.catalog.yaml` };
}

/** Writes both files into `dir` and returns their paths. */
export function writeGenerated({ assets, out, seed, violations, findings }) {
  mkdirSync(out, { recursive: true });
  const { register, catalog } = generate({ assets, seed, violations, findings });
  const kind = violations ? 'violations' : findings ? 'findings' : undefined;
  const names = kind
    ? { register: `${kind}-${assets}.assets.yaml`, catalog: `${kind}-${assets}.catalog.yaml` }
    : fileNames(assets);
  const paths = { register: join(out, names.register), catalog: join(out, names.catalog) };
  writeFileSync(paths.register, register);
  writeFileSync(paths.catalog, catalog);
  return paths;
}

function parseArgs(argv) {
  const options = { assets: 1000, out: 'bench/.data', seed: 20240205, violations: false, findings: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--violations' || flag === '--findings') {
      options[flag.slice(2)] = true;
      continue;
    }
    const value = argv[++i];
    if (flag === '--assets') options.assets = Number(value);
    else if (flag === '--out') options.out = value;
    else if (flag === '--seed') options.seed = Number(value);
    else throw new Error(`unknown flag ${flag} (expected --assets N --out DIR [--seed S] [--violations | --findings])`);
  }
  if (!Number.isInteger(options.assets) || options.assets < 1) throw new Error('--assets must be a positive integer');
  if (!Number.isInteger(options.seed)) throw new Error('--seed must be an integer');
  return options;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const paths = writeGenerated(options);
  console.log(`${paths.register}\n${paths.catalog}`);
}
