import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, ROOT } from './helpers';
import { REGISTRY } from '../server/src/service/rules/registry';
import { ruleCitation } from '../server/src/service/rules/report';

describe("docs: the rules reference is generated from the rules' metadata", () => {
  for (const [file, locale] of [
    ['rules.md', 'en'],
    ['rules.zh-CN.md', 'zh-CN'],
  ]) {
    it(`docs/${file} is up to date (run npm run docs)`, () => {
      const generated = runCli(['rules', '--format', 'markdown', '--locale', locale]).stdout;
      const committed = fs.readFileSync(path.join(ROOT, 'docs', file), 'utf8');
      assert.equal(committed, generated);
    });
  }

  it('docs/sources.md is up to date (run npm run docs)', () => {
    const generated = runCli(['rules', '--format', 'sources']).stdout;
    const committed = fs.readFileSync(path.join(ROOT, 'docs', 'sources.md'), 'utf8');
    assert.equal(committed, generated);
  });

  it('every rule of steward rules --format json has a source, and each of its sources is a row of docs/sources.md', () => {
    const rules = JSON.parse(runCli(['rules', '--format', 'json']).stdout) as Array<{
      id: string;
      clause: string;
      source: string;
      sources: Array<{ source: string; article?: string; title: { 'zh-CN': string; en: string }; status: object }>;
    }>;
    const text = fs.readFileSync(path.join(ROOT, 'docs', 'sources.md'), 'utf8');
    const rows = new Set([...text.matchAll(/^\| `([a-z0-9.-]+)` \|/gm)].map((m) => m[1]));
    assert.ok(rows.size >= 20, 'the table lists the sources');
    for (const rule of rules) {
      assert.ok(rule.sources.length > 0, rule.id);
      assert.equal(rule.source, rule.sources[0].source, rule.id);
      for (const ref of rule.sources) {
        assert.ok(rows.has(ref.source), `${rule.id}: ${ref.source} is in docs/sources.md`);
        assert.ok(ref.title['zh-CN'] && ref.title.en && ref.status, `${rule.id}: ${ref.source} has a title and status`);
      }
      const row = text.split('\n').find((line) => line.startsWith(`| \`${rule.source}\` |`))!;
      assert.match(row, new RegExp(`\\b${rule.id}\\b`), `${rule.id} is listed beside ${rule.source}`);
    }
  });

  it('every citation in the schemas (依据 Basis lines) names a source of docs/sources.md', () => {
    const text = fs.readFileSync(path.join(ROOT, 'docs', 'sources.md'), 'utf8');
    const cites = [...text.matchAll(/^- `[a-z0-9.-]+` \((.+?)\): /gm)].map((m) => m[1]);
    for (const file of fs.readdirSync(path.join(ROOT, 'schemas')).filter((name) => name.endsWith('.schema.json'))) {
      const schema = fs.readFileSync(path.join(ROOT, 'schemas', file), 'utf8');
      for (const [, basis] of schema.matchAll(/依据 Basis: ([^"]*)"/g)) {
        for (const part of basis.split('; ')) {
          assert.ok(
            cites.some((cite) => part.startsWith(cite)),
            `${file}: "${part}" starts with the citation of a listed source`,
          );
        }
      }
    }
  });

  it('lists every rule with the clause it cites', () => {
    const rules = JSON.parse(runCli(['rules', '--format', 'json']).stdout) as { id: string }[];
    const text = fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
    for (const rule of rules) assert.ok(text.includes(`[${rule.id}]`), rule.id);
  });
});

describe('cli: steward rules and explain, from the registry', () => {
  it('steward rules --format json lists every id, built-in ones included, with its name, fixable and docs in both languages', () => {
    type Docs = {
      description: string;
      rationale: string;
      example: string;
      fixedExample: string;
      exampleSyntax: string;
    };
    const rules = JSON.parse(runCli(['rules', '--format', 'json']).stdout) as Array<{
      id: string;
      name: string;
      clause: string;
      severity: string;
      fixable: boolean;
      docs: Record<'zh-CN' | 'en', Docs>;
    }>;
    assert.deepEqual(
      rules.map((r) => r.id),
      REGISTRY.map((meta) => meta.id),
    );
    for (const rule of rules) {
      const meta = REGISTRY.find((m) => m.id === rule.id)!;
      assert.deepEqual(
        [rule.name, rule.clause, rule.severity, rule.fixable],
        [meta.name, ruleCitation(meta), meta.severity, meta.fixable],
      );
      for (const locale of ['zh-CN', 'en'] as const) {
        assert.deepEqual(rule.docs[locale], {
          description: meta.docs.description[locale],
          rationale: meta.docs.rationale[locale],
          example: meta.docs.example,
          fixedExample: meta.docs.fixedExample,
          exampleSyntax: meta.docs.exampleSyntax ?? 'yaml',
        });
      }
    }
  });

  it("docs/rules.md shows every rule's name, and every section has the same parts", () => {
    for (const [file, parts] of [
      ['rules.md', ['Basis: ', '### Why', '### Example (problem)', '### Use instead']],
      ['rules.zh-CN.md', ['依据：', '### 为什么', '### 示例（有问题）', '### 改为']],
    ] as const) {
      const text = fs.readFileSync(path.join(ROOT, 'docs', file), 'utf8');
      const sections = text.split(/^<a id="/m).slice(1);
      assert.equal(sections.length, REGISTRY.length, file);
      sections.forEach((section, i) => {
        const meta = REGISTRY[i];
        assert.ok(section.startsWith(`${meta.id.toLowerCase()}"></a><a id="${meta.name}"></a>`), `${file}: ${meta.id}`);
        assert.ok(
          text.includes(`| [${meta.id}](#${meta.id.toLowerCase()}) | \`${meta.name}\` |`),
          `${file}: ${meta.id} in the table with its name`,
        );
        let at = 0;
        for (const part of parts) {
          const found = section.indexOf(part, at);
          assert.ok(found > at, `${file} ${meta.id}: ${part}`);
          at = found;
        }
      });
    }
  });

  it('steward explain takes the id or the name', () => {
    const byId = runCli(['explain', 'DA-AUTH-001']);
    assert.equal(byId.code, 0);
    assert.equal(runCli(['explain', 'authorization-needs-security-assessment']).stdout, byId.stdout);
    assert.equal(runCli(['explain', 'yaml-syntax']).stdout, runCli(['explain', 'DA-YAML-001']).stdout);
    assert.equal(runCli(['explain', 'Authorization-Needs-Security-Assessment']).code, 2);
  });
});
