// Build helper shared by esbuild.mjs and client/esbuild.mjs: the schema validators compiled ahead of time.
// server/src/service/schema/standalone.ts is bundled and run here; its output (ajv's standalone code) replaces
// server/src/service/schema/precompiled.ts in a bundle, so the CLI and the server never compile schemas.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const NAMES = ['catalogHead', 'catalogItem', 'registerHead', 'registerItem'];

async function standaloneSource(root) {
  const dir = mkdtempSync(join(tmpdir(), 'steward-build-'));
  try {
    const outfile = join(dir, 'standalone.cjs');
    await esbuild.build({
      entryPoints: [join(root, 'server/src/service/schema/standalone.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'warning',
      absWorkingDir: root,
    });
    const source = createRequire(import.meta.url)(outfile).precompiledSource();
    const exported = NAMES.map((name) => `${name}: module.exports.${name}`).join(', ');
    return `${source}\nmodule.exports.PRECOMPILED = { ${exported} };\n`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An esbuild plugin that loads precompiled.ts as the standalone validators. */
export async function precompiledValidators(root) {
  const target = resolve(root, 'server/src/service/schema/precompiled.ts');
  const contents = await standaloneSource(root);
  return {
    name: 'precompiled-validators',
    setup(build) {
      build.onLoad({ filter: /[\\/]schema[\\/]precompiled\.ts$/ }, (args) => {
        if (resolve(args.path) !== target) return undefined;
        return { contents, loader: 'js', resolveDir: resolve(root, 'server/src/service/schema') };
      });
    },
  };
}
