// Peer case: Stoplight Spectral's CLI, given the project's JSON Schema through a one-rule ruleset.
// The ruleset is written (by run.mjs, before any timing) from the schema file itself, because Spectral does not
// resolve a `$ref` to a schema file inside `functionOptions` (it silently validates nothing); the schema is
// therefore inlined. The rule applies Spectral's core `schema` function to the document root:
//
//   rules:
//     steward-register-schema:
//       severity: error
//       message: '{{error}}'
//       given: $
//       then: { function: schema, functionOptions: { dialect: draft2020-12, allErrors: true, schema: <inlined> } }
//
// The CLI is then run as: spectral lint FILE --ruleset RULESET.json --format json --quiet
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The CLI's entry point (its `bin`), or undefined when @stoplight/spectral-cli is not installed. */
export function spectralCli() {
  try {
    const packageJson = require.resolve('@stoplight/spectral-cli/package.json');
    const { bin, version } = JSON.parse(readFileSync(packageJson, 'utf8'));
    return { path: join(dirname(packageJson), typeof bin === 'string' ? bin : bin.spectral), version };
  } catch {
    return undefined;
  }
}

/** The ruleset object for one schema: one rule, Spectral's `schema` function on the whole document. */
export function rulesetFor(schema, ruleName) {
  return {
    rules: {
      [ruleName]: {
        description: `The document must be valid against ${schema.title ?? 'the schema'}`,
        message: '{{error}}',
        severity: 'error',
        given: '$',
        then: {
          function: 'schema',
          // The same dialect and allErrors as the references' validator.
          functionOptions: { dialect: 'draft2020-12', allErrors: true, schema },
        },
      },
    },
  };
}

/** Writes the ruleset for the schema at `schemaPath` to `out` (JSON) and returns `out`. */
export function writeRuleset(schemaPath, out, ruleName) {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(rulesetFor(schema, ruleName), null, 1) + '\n');
  return out;
}

/** Command-line arguments (after `node`) that lint `file` with `ruleset`, printing the results as JSON. */
export function spectralArgs(cli, ruleset, file) {
  return [cli, 'lint', file, '--ruleset', ruleset, '--format', 'json', '--quiet'];
}

/** Spectral's JSON output: an array of results (`[]` when clean). Throws when the output is not that. */
export function parseSpectralOutput(stdout) {
  const results = JSON.parse(stdout);
  if (!Array.isArray(results)) throw new Error('Spectral output is not a JSON array');
  return results;
}
