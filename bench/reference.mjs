// The reference cases, run in a fresh child by run.mjs:
//   node bench/reference.mjs yaml|js-yaml VALIDATOR.cjs FILE
// Parses FILE, validates it with the precompiled standalone validator and prints the ajv errors as JSON.
// Exit code 0 = valid, 1 = schema errors (like `steward validate`), 2 = usage or YAML error.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const [parser, validatorPath, file] = process.argv.slice(2);
if (!parser || !validatorPath || !file) {
  console.error('usage: node bench/reference.mjs yaml|js-yaml VALIDATOR.cjs FILE');
  process.exit(2);
}

const text = readFileSync(file, 'utf8');
let data;
if (parser === 'yaml') {
  const { parseDocument } = await import('yaml');
  // parseDocument keeps every node's source range (what an editor needs); toJS() then builds plain data.
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    console.error(doc.errors.map((e) => e.message).join('\n'));
    process.exit(2);
  }
  data = doc.toJS();
} else if (parser === 'js-yaml') {
  const { load, CORE_SCHEMA } = await import('js-yaml');
  // CORE_SCHEMA has no timestamp type, so dates stay strings as in YAML 1.2; no positions are kept.
  data = load(text, { schema: CORE_SCHEMA });
} else {
  console.error(`unknown parser ${parser}`);
  process.exit(2);
}

const validate = createRequire(import.meta.url)(resolve(validatorPath));
const valid = validate(data);
process.stdout.write(JSON.stringify({ valid, errors: validate.errors ?? [] }) + '\n');
process.exitCode = valid ? 0 : 1;
