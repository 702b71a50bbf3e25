/**
 * The `yaml` package, loaded on first use. The fast parser (fast.ts) reads most files without it; loading it
 * costs every CLI run and server start a few milliseconds, spent only when a chunk needs the full parser.
 */
let lib: typeof import('yaml') | undefined;

export function yamlLib(): typeof import('yaml') {
  lib ??= require('yaml') as typeof import('yaml');
  return lib;
}
