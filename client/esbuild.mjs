// Builds the VS Code extension into client/dist: the extension and the language server bundled by esbuild, the
// schemas (as they are, plus completion-only "hints" versions for Red Hat's YAML extension) and the rules
// reference. `node client/esbuild.mjs [--production]` from any directory; --production minifies and drops maps.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hintSchema } from './build/hint-schema.mjs';
import { precompiledValidators } from '../build/validators.mjs';

const client = dirname(fileURLToPath(import.meta.url));
const root = join(client, '..');
const dist = join(client, 'dist');
const production = process.argv.includes('--production');

/** The server's entry point: the module that calls startServer() (server/src/lsp/server.ts only exports it). */
const SERVER_ENTRY = join(root, 'server', 'src', 'main-server.ts');
const SCHEMAS = {
  'data-resource-catalog.schema.json': 'data-resource-catalog.hints.schema.json',
  'data-asset-register.schema.json': 'data-asset-register.hints.schema.json',
};
const DOCS = ['rules.md', 'rules.zh-CN.md'];

function fail(message) {
  console.error(`client/esbuild.mjs: ${message}`);
  process.exit(1);
}

for (const file of [SERVER_ENTRY, join(client, 'src', 'extension.ts')]) {
  if (!existsSync(file)) fail(`${relative(root, file)} does not exist; it is the entry point of a bundle.`);
}
for (const file of [
  ...Object.keys(SCHEMAS).map((s) => join(root, 'schemas', s)),
  ...DOCS.map((d) => join(root, 'docs', d)),
]) {
  if (!existsSync(file)) fail(`${relative(root, file)} does not exist; the extension ships it.`);
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'schemas'), { recursive: true });
mkdirSync(join(dist, 'docs'), { recursive: true });

const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
  // The schema validators, compiled at build time into the server bundle.
  plugins: [await precompiledValidators(root)],
};

await esbuild.build({
  ...common,
  entryPoints: [join(client, 'src', 'extension.ts')],
  outfile: join(dist, 'extension.js'),
  external: ['vscode'],
});

// The server's report (steward.report: the report's code and ECharts) is a bundle of its own, dist/report.js,
// required on the first report (as in the root build, esbuild.mjs).
const serverBundle = {
  // As the root build: some dependencies ship ESM that reads import.meta.url; give the CommonJS bundle a real one.
  define: { STEWARD_VERSION: JSON.stringify(version), 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};
const reportBeside = {
  name: 'report-beside',
  setup(build) {
    build.onResolve({ filter: /^\.\/report-build$/ }, () => ({ path: './report.js', external: true }));
  },
};
await esbuild.build({
  ...common,
  ...serverBundle,
  plugins: [...common.plugins, reportBeside],
  entryPoints: [SERVER_ENTRY],
  outfile: join(dist, 'server.js'),
});
await esbuild.build({
  ...common,
  ...serverBundle,
  entryPoints: [join(root, 'server', 'src', 'lsp', 'report-build.ts')],
  outfile: join(dist, 'report.js'),
});

for (const [source, hints] of Object.entries(SCHEMAS)) {
  const text = readFileSync(join(root, 'schemas', source), 'utf8');
  writeFileSync(join(dist, 'schemas', source), text);
  writeFileSync(
    join(dist, 'schemas', hints),
    JSON.stringify(hintSchema(JSON.parse(text)), null, production ? 0 : 2) + '\n',
  );
}
for (const doc of DOCS) copyFileSync(join(root, 'docs', doc), join(dist, 'docs', doc));
