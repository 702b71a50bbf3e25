// Bundles the `steward` CLI and the language server with esbuild (the extension: client/esbuild.mjs).
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { precompiledValidators } from './build/validators.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Some dependencies ship ESM that reads import.meta.url; give the CommonJS bundle a real one.
  define: { STEWARD_VERSION: JSON.stringify(pkg.version), 'import.meta.url': '__importMetaUrl' },
  sourcemap: 'linked',
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
};
const importMetaUrl = "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;";

// The schema validators are compiled here, once, into the bundles (build/validators.mjs).
common.plugins = [await precompiledValidators(fileURLToPath(new URL('.', import.meta.url)))];

// The language server's report (steward.report: the report's code and ECharts, some 1.4 MB) is a bundle of its own
// beside the server's, required on the first report: in the server's bundle it would be compiled at every start.
const reportBeside = {
  name: 'report-beside',
  setup(build) {
    build.onResolve({ filter: /^\.\/report-build$/ }, () => ({ path: './report.js', external: true }));
  },
};
await esbuild.build({
  ...common,
  plugins: [...common.plugins, reportBeside],
  entryPoints: ['server/src/main-server.ts'],
  outfile: 'dist/server.js',
  banner: { js: importMetaUrl },
});
await esbuild.build({
  ...common,
  entryPoints: ['server/src/lsp/report-build.ts'],
  outfile: 'dist/report.js',
  banner: { js: importMetaUrl },
});

// `steward import` and `steward export` (exceljs, csv-parse, csv-stringify) are a bundle of their own beside the
// CLI's, required only when one of them runs: in the CLI's bundle they would double the code every command's
// start-up compiles (about 90 ms more for `steward validate`). `steward report` is another (the same libraries,
// ECharts and the report's HTML): in sheets.js it made every import and export compile and hold 3 MB more code.
await esbuild.build({
  ...common,
  entryPoints: ['server/src/cli/sheets-commands.ts'],
  outfile: 'dist/sheets.js',
  banner: { js: importMetaUrl },
});
await esbuild.build({
  ...common,
  entryPoints: ['server/src/cli/report-command.ts'],
  outfile: 'dist/report-cli.js',
  banner: { js: importMetaUrl },
});
const sheetsBeside = {
  name: 'sheets-beside',
  setup(build) {
    build.onResolve({ filter: /^\.\/sheets-commands$/ }, () => ({ path: './sheets.js', external: true }));
    build.onResolve({ filter: /^\.\/report-command$/ }, () => ({ path: './report-cli.js', external: true }));
  },
};

await esbuild.build({
  ...common,
  plugins: [...common.plugins, sheetsBeside],
  entryPoints: ['server/src/cli/main.ts'],
  outfile: 'dist/steward.js',
  banner: { js: `#!/usr/bin/env node\n${importMetaUrl}` },
});
// esbuild escapes non-ASCII characters in strings but not in regular expressions or comments; one left anywhere
// makes Node hold the whole source as UTF-16, twice its size (4 MB more for sheets.js, as long as it runs).
// `\uXXXX` means the same character in both places.
for (const file of ['dist/server.js', 'dist/report.js', 'dist/sheets.js', 'dist/report-cli.js', 'dist/steward.js']) {
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
}
// dist/steward.js is then the loader (server/src/cli/steward.ts) with the CLI's bundle in a string, run from V8's
// code cache after the first run (compile-cache.ts): parsing the 2 MB bundle cost some 35 ms of every command.
// One file still: the CLI copied alone needs nothing beside it. The bundle's map stays steward.js.map.
const cli = readFileSync('dist/steward.js', 'utf8').replace(/^#!.*\n/, '');
const loader = await esbuild.build({
  ...common,
  plugins: [],
  sourcemap: false,
  write: false,
  entryPoints: ['server/src/cli/steward.ts'],
  outfile: 'dist/steward.js',
  define: { STEWARD_CLI_HASH: JSON.stringify(createHash('sha256').update(cli).digest('hex').slice(0, 20)) },
  banner: { js: '#!/usr/bin/env node' },
});
const [loaderText] = loader.outputFiles.map((file) => file.text);
if (loaderText.split('STEWARD_CLI_SOURCE').length !== 2)
  throw new Error('esbuild.mjs: the loader must name STEWARD_CLI_SOURCE once');
writeFileSync(
  'dist/steward.js',
  loaderText.replace('STEWARD_CLI_SOURCE', () => JSON.stringify(cli)),
);
// npm links the package's bin before `prepare` builds it, so the file must make itself executable.
chmodSync('dist/steward.js', 0o755);
