import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, ROOT } from './helpers';

describe('docs: the rules reference is generated from the rules\' metadata', () => {
  for (const [file, locale] of [['rules.md', 'en'], ['rules.zh-CN.md', 'zh-CN']]) {
    it(`docs/${file} is up to date (run npm run docs)`, () => {
      const generated = runCli(['rules', '--format', 'markdown', '--locale', locale]).stdout;
      const committed = fs.readFileSync(path.join(ROOT, 'docs', file), 'utf8');
      assert.equal(committed, generated);
    });
  }

  it('lists every rule with the clause it cites', () => {
    const rules = JSON.parse(runCli(['rules', '--format', 'json']).stdout) as { id: string }[];
    const text = fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
    for (const rule of rules) assert.ok(text.includes(`[${rule.id}]`), rule.id);
  });
});
