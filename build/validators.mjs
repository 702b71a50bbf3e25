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
    const source = linearErrors(createRequire(import.meta.url)(outfile).precompiledSource());
    const exported = NAMES.map((name) => `${name}: module.exports.${name}`).join(', ');
    return `${source}\nmodule.exports.PRECOMPILED = { ${exported} };\n`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * ajv's code gathers the errors of a `$ref`'d schema with `vErrors = vErrors.concat(ref.errors)`, which copies
 * every error so far at each list element: an item with 100,000 bad elements took minutes. Appending in place is
 * linear (the callee's array is fresh on each call, and only its caller reads it).
 */
function linearErrors(source) {
  const pattern = /vErrors\.concat\(([\w$.]+)\)/g;
  const count = source.match(pattern)?.length ?? 0;
  if (count === 0)
    throw new Error('build/validators.mjs: ajv no longer gathers errors with concat; check linearErrors');
  const helper =
    'function appendErrors(to, from) { for (let i = 0; i < from.length; i++) to.push(from[i]); return to; }\n';
  return helper + source.replace(pattern, 'appendErrors(vErrors, $1)');
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
