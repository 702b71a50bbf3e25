// Bundles the `steward` CLI (and, later, the language server and the VS Code extension) with esbuild.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

await esbuild.build({
  entryPoints: ['server/src/cli/main.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: 'dist/steward.js',
  banner: { js: '#!/usr/bin/env node' },
  define: { STEWARD_VERSION: JSON.stringify(pkg.version) },
  sourcemap: 'linked',
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});
