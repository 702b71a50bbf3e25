/**
 * The HTML report (service/report/html.ts, charts.ts): escaped text, self-contained charts by ECharts, and the file
 * as headless Chromium shows it — no console error, no request leaving file://, every chart drawn with its marks,
 * every table's figures in place, A4 pages when printed. Screenshots are saved under .e2e-artifacts/ (git-ignored)
 * and their paths printed.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { buildReport } from '../server/src/host/report';
import { cellText, cellType, reportHtml, reportSections } from '../server/src/service';
import type { DataAssetReport, Distributions, Locale } from '../server/src/service';
import { CLI, MINIMAL_REGISTER, ROOT, tempDir } from './helpers';
import { FIXTURE_UNITS, multiUnitFolder } from './report-fixture';

const ARTIFACTS = path.join(ROOT, '.e2e-artifacts');
const HOSTILE = '<script>alert(1)</script>';

/** Chromium as the editor tests find it (test/e2e/check-tools.mjs): $CHROMIUM_PATH, else chromium on PATH. */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name);
    }
  }
  throw new Error('Chromium is needed by the HTML report test; install it with: bash scripts/install-editors.sh');
}

function registerOfUnit(name: string): string {
  return MINIMAL_REGISTER.replace('  name: 某市交通运输局', `  name: ${JSON.stringify(name)}`);
}

function reportOf(folder: string, locale: Locale = 'zh-CN'): DataAssetReport {
  return buildReport({ paths: [folder], locale, cwd: folder });
}

/** The `<svg>…</svg>` elements of a page. */
function svgsOf(html: string): string[] {
  return html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
}

/** The marks a chart of `d` must draw: a sector per grade, a bar per code and per year. */
function expectedMarks(d: Distributions): Record<string, number> {
  return {
    grade: d.byGrade.filter((row) => row.assets > 0).length,
    code: d.byCode.filter((row) => row.assets > 0).length,
    revenue: d.revenueByYear.length,
    authorizations: d.authorizationsByYear.filter((row) => row.assets > 0).length,
  };
}

describe('report html: the file', function () {
  this.timeout(60_000);

  it('escapes a unit name from the documents wherever it is shown (no script from a register)', () => {
    const folder = tempDir({ 'r.assets.yaml': registerOfUnit(HOSTILE) });
    const report = reportOf(folder);
    assert.equal(report.units[0].unit.name, HOSTILE);
    const html = reportHtml(report, 'zh-CN');
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /alert\(1\)<\/script>/);
    // The heading of the unit's part, the contents and the roll-up's row of the unit.
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;';
    assert.ok(html.split(escaped).length - 1 >= 3, 'the name is shown escaped in the part, contents and roll-up');
    assert.ok(html.includes(`<h2>${escaped}</h2>`));
  });

  it("escapes quotes and ampersands, and the charts' labels are ECharts' escaped text", () => {
    const folder = tempDir({ 'r.assets.yaml': registerOfUnit(`甲"乙'丙 & <b>`) });
    const html = reportHtml(reportOf(folder), 'zh-CN');
    assert.ok(html.includes('<h2>甲&quot;乙&#39;丙 &amp; &lt;b&gt;</h2>'));
    assert.doesNotMatch(html, /<b>/);
  });

  it('is self-contained: no script, no external reference in the page or the chart SVGs', () => {
    const html = reportHtml(reportOf(multiUnitFolder()), 'zh-CN');
    assert.doesNotMatch(html, /<script|<link|<iframe|<img|<object|<embed|@import|url\(/i);
    const svgs = svgsOf(html);
    assert.ok(svgs.length >= 8, `${svgs.length} charts`);
    for (const svg of svgs) {
      assert.doesNotMatch(svg, /href|url\(|<image|<foreignObject|@import|<script/i, svg.slice(0, 200));
      // The only URLs are the XML namespaces' names, which are not fetched.
      const urls = svg.match(/https?:\/\/[^"' )]+/g) ?? [];
      assert.deepEqual([...new Set(urls)].sort(), ['http://www.w3.org/1999/xlink', 'http://www.w3.org/2000/svg']);
    }
    // The anchors are the contents' links to the parts of the page.
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) assert.match(href, /^#[a-z0-9-]+$/);
  });

  it('draws four charts per part, says so where a chart has no data, and A4 print rules', () => {
    const report = reportOf(multiUnitFolder());
    const html = reportHtml(report, 'zh-CN');
    const parts = ['rollup', ...report.units.map((_, i) => `u${i + 1}`)];
    const distributions = [report.rollUp.distributions, ...report.units.map((unit) => unit.distributions)];
    parts.forEach((part, i) => {
      for (const [chart, marks] of Object.entries(expectedMarks(distributions[i]))) {
        const id = `${part}-chart-${chart}`;
        const figure = new RegExp(`<figure class="chart( empty)?" id="${id}">`).exec(html);
        assert.ok(figure, `${id} is in the page`);
        assert.equal(figure[1] === ' empty', marks === 0, `${id}: drawn only when it has data (${marks} marks)`);
      }
    });
    // The unit whose name is HTML has no authorization and no revenue: those charts say so.
    const bare = report.units.findIndex((unit) => unit.unit.name === FIXTURE_UNITS[1].name);
    assert.match(
      html,
      new RegExp(`id="u${bare + 1}-chart-revenue"><figcaption>[^<]*</figcaption><p>无数据，未绘制此图。`),
    );
    assert.match(html, /@page \{ size: A4;/);
    assert.match(html, /section\.part \{ break-before: page;/);
    assert.match(
      html,
      /font-family: Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, WenQuanYi Zen Hei/,
    );
  });

  it('is in English with locale en, in Chinese by default', () => {
    const folder = multiUnitFolder();
    const en = reportHtml(reportOf(folder, 'en'), 'en');
    assert.match(en, /<html lang="en">/);
    assert.match(en, /<h1>Data asset report 2025<\/h1>/);
    assert.match(en, /<figcaption>Assets by security grade<\/figcaption>/);
    const zh = reportHtml(reportOf(folder), 'zh-CN');
    assert.match(zh, /<html lang="zh-CN">/);
    assert.match(zh, /<h1>2025 年度数据资产报告<\/h1>/);
    assert.match(zh, /财资〔2024〕1号 第（十一）条/);
  });

  it("ECharts is in neither the CLI's nor the server's bundle, and neither validate nor the server module loads it", () => {
    // The server's report is dist/report.js, required on the first report (esbuild.mjs).
    for (const bundle of [CLI, path.join(ROOT, 'dist', 'server.js')])
      assert.doesNotMatch(fs.readFileSync(bundle, 'utf8'), /echarts|zrender/, bundle);
    assert.match(fs.readFileSync(path.join(ROOT, 'dist', 'report.js'), 'utf8'), /node_modules\/echarts\//);
    const probe = (script: string) => {
      const run = spawnSync(
        process.execPath,
        [
          '-e',
          `${script}; console.log(JSON.stringify(Object.keys(require.cache).filter((k) => /node_modules[\\\\/](echarts|zrender)[\\\\/]/.test(k)).length))`,
        ],
        { cwd: tempDir({ 'r.assets.yaml': MINIMAL_REGISTER }), encoding: 'utf8' },
      );
      assert.equal(run.status, 0, run.stderr);
      return Number(run.stdout.trim().split('\n').at(-1));
    };
    const out = path.join(ROOT, 'out', 'server', 'src');
    const io =
      '{ cwd: process.cwd(), env: process.env, stdout: { write() {} }, stderr: { write() {} }, readStdin: async () => ({ ok: false }) }';
    assert.equal(
      probe(`require(${JSON.stringify(path.join(out, 'cli', 'run.js'))}).run(['validate', 'r.assets.yaml'], ${io})`),
      0,
    );
    assert.equal(probe(`require(${JSON.stringify(path.join(out, 'lsp', 'server.js'))})`), 0);
    // …and drawing a chart does.
    const html = path.join(out, 'service', 'index.js');
    const report = path.join(out, 'host', 'report.js');
    assert.ok(
      probe(
        `require(${JSON.stringify(html)}).reportHtml(require(${JSON.stringify(report)}).buildReport({ paths: ['.'], locale: 'en' }), 'en')`,
      ) > 0,
    );
  });
});

describe('report html in headless Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;

  before(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
  });
  after(async () => browser?.close());

  /** Opens the report's file; checks console, requests, charts and tables; saves a screenshot and a PDF. */
  async function check(report: DataAssetReport, name: string): Promise<void> {
    const dir = tempDir();
    const file = path.join(dir, `${name}.html`);
    fs.writeFileSync(file, reportHtml(report, 'zh-CN'));
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    // Only the file itself may be read: any other request (http, https, another file) fails and is reported.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      requests.push(url);
      return url === pathToFileURL(file).href ? route.continue() : route.abort();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    assert.deepEqual(problems, []);
    assert.deepEqual(requests, [pathToFileURL(file).href]);

    // Every chart that has data is an SVG on screen with its marks; the others say they have none.
    const charts = await page.$$eval('figure.chart', (figures) =>
      figures.map((figure) => {
        const svg = figure.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        const style = svg ? svg.ownerDocument.defaultView!.getComputedStyle(svg) : undefined;
        return {
          id: figure.id,
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          visible: style ? style.visibility === 'visible' && style.display !== 'none' : false,
          marks: svg ? svg.querySelectorAll('path[ecmeta_ssr_type="chart"]').length : 0,
          empty: figure.classList.contains('empty'),
          text: figure.textContent ?? '',
        };
      }),
    );
    const parts = ['rollup', ...report.units.map((_, i) => `u${i + 1}`)];
    const distributions = [report.rollUp.distributions, ...report.units.map((unit) => unit.distributions)];
    const expected = parts.flatMap((part, i) =>
      Object.entries(expectedMarks(distributions[i])).map(([chart, marks]) => ({
        id: `${part}-chart-${chart}`,
        marks,
      })),
    );
    assert.deepEqual(
      charts.map((chart) => chart.id),
      expected.map((chart) => chart.id),
    );
    for (const [i, chart] of charts.entries()) {
      const { marks } = expected[i];
      if (marks === 0) {
        assert.ok(chart.empty && chart.text.includes('无数据'), `${chart.id} says it has no data`);
        continue;
      }
      assert.ok(chart.visible && chart.width > 100 && chart.height > 50, `${chart.id}: ${JSON.stringify(chart)}`);
      assert.equal(chart.marks, marks, `${chart.id}: marks`);
    }

    // Every table's cells, as the report's tables give them, in the page's table of the same id.
    for (const section of reportSections(report, 'zh-CN')) {
      const heading = await page.$eval(`#${section.id} > h2`, (h) => h.textContent);
      assert.equal(heading, section.title);
      for (const table of section.tables) {
        const cells = await page.$$eval(`#${table.id} tbody tr`, (rows) =>
          rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')),
        );
        const want = table.rows.map((row, r) => row.map((cell, c) => cellText(cell, cellType(table, r, c))));
        assert.deepEqual(cells, want, table.id);
        const numeric = await page.$$eval(`#${table.id} td.num`, (tds) =>
          tds.map((td) => td.ownerDocument.defaultView!.getComputedStyle(td).textAlign),
        );
        assert.ok(
          numeric.every((align) => align === 'right'),
          `${table.id}: figures right-aligned`,
        );
      }
    }

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const screenshot = path.join(ARTIFACTS, `report-html-${name}.png`);
    await page.screenshot({ path: screenshot, fullPage: true });
    // Printed on A4, each unit's part starts a page: at least a page for the title and roll-up, and one per unit.
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 1 + report.units.length, `${pages} pages`);
    const pdfFile = path.join(ARTIFACTS, `report-html-${name}.pdf`);
    fs.writeFileSync(pdfFile, pdf);
    console.log(`      screenshot: ${screenshot} (PDF: ${pdfFile}, ${pages} A4 pages)`);
    await page.close();
  }

  it('the report of examples/: no console error, no request but the file, charts and tables shown', async () => {
    const report = buildReport({ paths: ['examples'], locale: 'zh-CN', cwd: ROOT });
    assert.ok(report.units.length >= 2);
    await check(report, 'examples');
  });

  it('a generated report of three units, one named with HTML: shown as text, nothing run or fetched', async () => {
    const report = reportOf(multiUnitFolder());
    assert.equal(report.units.length, FIXTURE_UNITS.length);
    await check(report, 'units');
  });
});
