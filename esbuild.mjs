// Bundles the `steward` CLI (and, later, the language server and the VS Code extension) with esbuild.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

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

await esbuild.build({
  ...common,
  entryPoints: ['server/src/main-server.ts'],
  outfile: 'dist/server.js',
  banner: { js: importMetaUrl },
});

await esbuild.build({
  entryPoints: ['server/src/cli/main.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: 'dist/steward.js',
  // Some dependencies ship ESM that reads import.meta.url; give the CommonJS bundle a real one.
  banner: { js: "#!/usr/bin/env node\nconst __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { STEWARD_VERSION: JSON.stringify(pkg.version), 'import.meta.url': '__importMetaUrl' },
  sourcemap: 'linked',
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});
