/** The registry of every rule id: one metadata shape, chosen names, one rule per file, layering, working examples. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REGISTRY, findRule } from '../server/src/service/rules/registry';
import { registryExamplesTest } from './rule-tester';
import { ROOT } from './helpers';
import { ruleCitation } from '../server/src/service/rules/report';

const SERVICE = path.join(ROOT, 'server', 'src', 'service');
const RULES_DIR = path.join(SERVICE, 'rules');
/** Folders of the built-in ids' metadata: the layers that report them may import these (and nothing else of rules/). */
const BUILT_IN_FOLDERS = ['file', 'yaml', 'document', 'schema', 'waiver', 'config'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The modules a file imports, resolved to paths relative to server/src/service (`rules/rule`, `tree/read`, ...). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)\b[^;]*?from '(\.[^']+)'/gms)].map((m) =>
    path
      .relative(SERVICE, path.resolve(path.dirname(file), m[1]))
      .split(path.sep)
      .join('/'),
  );
}

describe('rules registry', () => {
  it('every id has one metadata shape: name, clause, severity, fixable, messages and docs in both languages', () => {
    for (const meta of REGISTRY) {
      assert.match(meta.id, /^DA-[A-Z]+-\d{3}$/);
      assert.match(meta.name, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${meta.id}: a kebab-case name`);
      assert.ok(meta.name.length <= 40, `${meta.id}: ${meta.name} is longer than 40 characters`);
      assert.ok(ruleCitation(meta).trim().length > 0, meta.id);
      assert.ok(['error', 'warning', 'info'].includes(meta.severity), meta.id);
      assert.equal(typeof meta.fixable, 'boolean', meta.id);
      assert.ok(Object.keys(meta.messages).length > 0, `${meta.id} has messages`);
      for (const [key, text] of [
        ...Object.entries(meta.messages),
        ['description', meta.docs.description],
        ['rationale', meta.docs.rationale],
      ] as const) {
        assert.ok(text['zh-CN'].trim() && text.en.trim(), `${meta.id} ${key}: both languages`);
        assert.match(text['zh-CN'], /[\u4e00-\u9fff]/, `${meta.id} ${key}: the zh-CN text is Chinese`);
        assert.notEqual(text['zh-CN'], text.en, `${meta.id} ${key}`);
      }
      assert.ok(
        meta.docs.example.trim() && meta.docs.fixedExample.trim(),
        `${meta.id}: an example and a fixed example`,
      );
    }
  });

  it('ids and names are unique; a rule is found by its id (any case) or its name', () => {
    assert.equal(new Set(REGISTRY.map((meta) => meta.id)).size, REGISTRY.length);
    assert.equal(new Set(REGISTRY.map((meta) => meta.name)).size, REGISTRY.length);
    for (const meta of REGISTRY) {
      assert.equal(findRule(meta.id), meta);
      assert.equal(findRule(meta.id.toLowerCase()), meta);
      assert.equal(findRule(meta.name), meta);
    }
    assert.equal(findRule('no-such-rule'), undefined);
  });

  it('one rule per file, in a family folder, the file named after the rule', () => {
    const ruleFiles = sourceFiles(RULES_DIR).filter(
      (file) => path.dirname(file) !== RULES_DIR && path.basename(file) !== 'common.ts',
    );
    const named = new Map(REGISTRY.map((meta) => [meta.name, meta]));
    for (const file of ruleFiles) {
      const ids = [...fs.readFileSync(file, 'utf8').matchAll(/^ {2,4}id: '(DA-[A-Z]+-\d{3})',$/gm)].map((m) => m[1]);
      assert.equal(ids.length, 1, `${path.relative(ROOT, file)} defines one rule (${ids.join(', ')})`);
      assert.equal(
        named.get(path.basename(file, '.ts'))?.id,
        ids[0],
        `${path.relative(ROOT, file)} is named after its rule`,
      );
    }
    assert.equal(ruleFiles.length, REGISTRY.length, 'every rule has its file');
  });

  it("no rule file imports another: a rule imports the model, its family's common.ts and modules below rules/", () => {
    for (const file of sourceFiles(RULES_DIR)) {
      const own = path.relative(SERVICE, file).split(path.sep).join('/');
      if (own === 'rules/registry.ts' || own === 'rules/index.ts') continue;
      const family = path.dirname(own);
      for (const target of importsOf(file)) {
        if (!target.startsWith('rules/')) continue;
        const allowed =
          ['rules/rule', 'rules/examples', 'rules/sources'].includes(target) ||
          (own === 'rules/report.ts' && target === 'rules/rule') ||
          (target === `${family}/common` && !own.endsWith('/common.ts'));
        assert.ok(allowed, `${own} imports ${target}`);
      }
    }
  });

  it("outside rules/, the service imports the model, the registry and the built-in ids' metadata; tree/ and edit/ nothing of rules/", () => {
    for (const file of sourceFiles(SERVICE)) {
      const own = path.relative(SERVICE, file).split(path.sep).join('/');
      if (own.startsWith('rules/')) continue;
      for (const target of importsOf(file).filter((t) => t.startsWith('rules/'))) {
        assert.ok(!own.startsWith('tree/') && !own.startsWith('edit/'), `${own} imports ${target}`);
        const builtIn = BUILT_IN_FOLDERS.includes(target.split('/')[1]) && target.split('/').length === 3;
        assert.ok(
          ['rules/rule', 'rules/report', 'rules/registry', 'rules/index', 'rules/sources'].includes(target) || builtIn,
          `${own} imports ${target}`,
        );
      }
    }
  });

  it('no module-level mutable state in rules: no top-level let, no top-level Map, Set or WeakMap', () => {
    for (const file of sourceFiles(RULES_DIR)) {
      const text = fs.readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /^let /m, path.relative(ROOT, file));
      assert.doesNotMatch(text, /^(export )?const \w+(: [^=]+)? = new (Weak)?(Map|Set)\b/m, path.relative(ROOT, file));
    }
  });

  registryExamplesTest();
});
