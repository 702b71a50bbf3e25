/**
 * The VS Code extension without VS Code: its manifest, translations, templates and pure helpers, the built .vsix,
 * and the bundled server spoken to over node IPC as the extension starts it.
 */
import * as assert from 'node:assert/strict';
import { fork, spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { createStewardService } from '../server/src/service';
import { PLACEHOLDER } from '../server/src/service/edit/yaml-edit';
import {
  DEFAULT_FILES,
  DEFAULT_MAX_DIAGNOSTICS,
  DEFAULT_MAX_FILE_KB,
  DEFAULT_OUTLINE_ITEMS,
} from '../server/src/lsp/settings';
import { assetInsertion, assetSnippet, FILL_IN, isRegister, registerSnippet } from '../client/src/templates';
import {
  coveredByManifest,
  HINT_SCHEMA_FILES,
  hintSchemaKind,
  redHatShowsSyntaxErrors,
  SYNTAX_RULE_IDS,
  withoutSyntaxErrors,
} from '../client/src/coexistence';
import { countsSentence, resolveLocale, statusText } from '../client/src/presentation';
import { ROOT, tempDir } from './helpers';

const CLIENT = path.join(ROOT, 'client');
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const manifest = readJson(path.join(CLIENT, 'package.json'));
const nls: Record<string, string> = readJson(path.join(CLIENT, 'package.nls.json'));
const nlsZh: Record<string, string> = readJson(path.join(CLIENT, 'package.nls.zh-cn.json'));
const bundleZh: Record<string, string> = readJson(path.join(CLIENT, 'l10n', 'bundle.l10n.zh-cn.json'));
const CJK = /[\u4e00-\u9fff]/;

const sources = () =>
  fs
    .readdirSync(path.join(CLIENT, 'src'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: f, text: fs.readFileSync(path.join(CLIENT, 'src', f), 'utf8') }));

/** The lowest version a `^x.y.z`, `~x.y.z` or `x.y.z` range accepts. */
function minVersion(range: string): [number, number, number] {
  const match = /^[\^~]?(\d+)\.(\d+)\.(\d+)$/.exec(range.trim());
  assert.ok(match, `unsupported version range ${range}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}
const compare = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Every `%key%` reference in the manifest. */
function nlsKeys(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    const match = /^%(.+)%$/.exec(value);
    if (match) out.push(match[1]);
  } else if (Array.isArray(value)) {
    for (const item of value) nlsKeys(item, out);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) nlsKeys(item, out);
  }
  return out;
}

/** The first argument of every `l10n.t(...)` call; a call whose argument is not a plain string literal fails. */
function l10nStrings(): Array<{ file: string; text: string }> {
  const found: Array<{ file: string; text: string }> = [];
  for (const { file, text } of sources()) {
    for (const call of text.matchAll(/l10n\.t\(\s*/g)) {
      const start = call.index + call[0].length;
      const quote = text[start];
      assert.ok(
        quote === "'" || quote === '"',
        `${file}: l10n.t must be called with a string literal (at ${text.slice(start, start + 30)})`,
      );
      let i = start + 1;
      let value = '';
      while (text[i] !== quote) {
        assert.ok(i < text.length && text[i] !== '\n', `${file}: unterminated l10n.t string`);
        if (text[i] === '\\') {
          value += text[i + 1] === 'n' ? '\n' : text[i + 1];
          i += 2;
        } else value += text[i++];
      }
      found.push({ file, text: value });
    }
  }
  return found;
}

/** Rejects when `promise` has not settled within `ms` (a message that never comes fails the test, not the run). */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\d+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

/** Snippet text with every tab stop replaced by its default (a choice by its first option). */
function fillSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '');
}

describe('VS Code extension: manifest (client/package.json)', () => {
  it('is the data-asset-steward extension, bundled into dist/extension.js', () => {
    assert.equal(manifest.name, 'data-asset-steward');
    assert.equal(manifest.publisher, 'data-asset-steward');
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.l10n, './l10n');
    assert.equal(manifest.dependencies, undefined, 'everything is bundled: the .vsix has no node_modules');
  });

  it('activates on YAML documents and on workspaces holding catalogs or registers', () => {
    assert.deepEqual([...manifest.activationEvents].sort(), [
      'onLanguage:yaml',
      'workspaceContains:**/*.assets.yaml',
      'workspaceContains:**/*.assets.yml',
      'workspaceContains:**/*.catalog.yaml',
      'workspaceContains:**/*.catalog.yml',
    ]);
  });

  it('targets VS Code 1.100 or older, and @types/vscode and vscode-languageclient match it', () => {
    const engine = minVersion(manifest.engines.vscode);
    assert.ok(compare(engine, [1, 100, 0]) <= 0, `engines.vscode ${manifest.engines.vscode} is newer than ^1.100.0`);
    const rootManifest = readJson(path.join(ROOT, 'package.json'));
    const declared = minVersion(rootManifest.devDependencies['@types/vscode']);
    const installed = readJson(path.join(ROOT, 'node_modules', '@types', 'vscode', 'package.json')).version;
    // vsce refuses a package whose @types/vscode is newer than its engine; an older one would hide newer API.
    assert.deepEqual(declared.slice(0, 2), engine.slice(0, 2));
    assert.deepEqual(minVersion(installed).slice(0, 2), engine.slice(0, 2));
    const languageClient = readJson(path.join(ROOT, 'node_modules', 'vscode-languageclient', 'package.json'));
    assert.ok(
      compare(minVersion(languageClient.engines.vscode), engine) <= 0,
      `vscode-languageclient needs ${languageClient.engines.vscode}`,
    );
  });

  it('has every %key% in both languages, the same keys in both files, and no unused key', () => {
    const used = new Set(nlsKeys(manifest));
    assert.deepEqual(Object.keys(nlsZh).sort(), Object.keys(nls).sort());
    for (const key of used) {
      assert.ok(nls[key], `package.nls.json lacks ${key}`);
      assert.ok(nlsZh[key], `package.nls.zh-cn.json lacks ${key}`);
      assert.match(nlsZh[key], CJK, `the zh-cn text of ${key} is not Chinese`);
    }
    assert.deepEqual(
      Object.keys(nls).filter((key) => !used.has(key)),
      [],
    );
  });

  it('contributes exactly the commands the extension registers, each with a title and category in both languages', () => {
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    const registered = sources()
      .flatMap(({ text }) => [...text.matchAll(/registerCommand\(\s*'([^']+)'/g)].map((m) => m[1]))
      .sort();
    assert.deepEqual(contributed, registered);
    for (const id of [
      'steward.validateWorkspace',
      'steward.newAsset',
      'steward.explainRule',
      'steward.openRulesReference',
    ])
      assert.ok(contributed.includes(id), id);
    for (const command of manifest.contributes.commands) {
      for (const field of ['title', 'category']) {
        const key = /^%(.+)%$/.exec(command[field])?.[1];
        assert.ok(key, `${command.command}.${field} is not localized`);
        assert.notEqual(nls[key], nlsZh[key], `${command.command}.${field} is not translated`);
      }
    }
  });

  it('has the steward.* settings, each described in both languages, with defaults the server also uses', () => {
    const properties: Record<string, Record<string, unknown>> = manifest.contributes.configuration.properties;
    assert.deepEqual(Object.keys(properties).sort(), [
      'steward.codeTable',
      'steward.diagnostics.maxPerFile',
      'steward.files',
      'steward.locale',
      'steward.outline.maxItems',
      'steward.rules',
      'steward.trace.server',
      'steward.unitType',
      'steward.validation.maxFileSize',
      'steward.yamlSyntaxErrors',
    ]);
    for (const [name, property] of Object.entries(properties)) {
      const description = (property.markdownDescription ?? property.description) as string;
      const key = /^%(.+)%$/.exec(description ?? '')?.[1];
      assert.ok(key && nls[key] && nlsZh[key], `${name} has no description in both languages`);
      const enumeration = (property.enum ??
        (property.additionalProperties as { enum?: unknown[] } | undefined)?.enum) as unknown[] | undefined;
      const enumDescriptions = (property.enumDescriptions ??
        (property.additionalProperties as { enumDescriptions?: unknown[] } | undefined)?.enumDescriptions) as
        string[] | undefined;
      if (enumeration) assert.equal(enumDescriptions?.length, enumeration.length, `${name}: one description per value`);
    }
    assert.deepEqual(properties['steward.files'].default, DEFAULT_FILES);
    assert.equal(properties['steward.validation.maxFileSize'].default, DEFAULT_MAX_FILE_KB);
    assert.equal(properties['steward.outline.maxItems'].default, DEFAULT_OUTLINE_ITEMS);
    assert.equal(properties['steward.diagnostics.maxPerFile'].default, DEFAULT_MAX_DIAGNOSTICS);
    assert.deepEqual(properties['steward.locale'].enum, ['auto', 'zh-CN', 'en']);
    assert.deepEqual(properties['steward.unitType'].enum, ['', '行政单位', '事业单位']);
    assert.deepEqual((properties['steward.rules'].additionalProperties as { enum: string[] }).enum, [
      'off',
      'info',
      'warning',
      'error',
    ]);
    // The LanguageClient's id is `steward`, so it reads `steward.trace.server` itself.
    assert.match(
      fs.readFileSync(path.join(CLIENT, 'src', 'extension.ts'), 'utf8'),
      /new LanguageClient\(\s*'steward',/,
    );
  });

  it('rule ids accepted by the steward.rules setting are the rules the service knows', () => {
    const pattern = new RegExp(
      (manifest.contributes.configuration.properties['steward.rules'].propertyNames as { pattern: string }).pattern,
    );
    const ids = createStewardService()
      .rules()
      .map((rule) => rule.id);
    assert.ok(ids.length > 20);
    for (const id of ids) assert.match(id, pattern);
  });

  it("gives Red Hat's YAML extension the hints schemas for the default file names", () => {
    const byUrl = Object.fromEntries(
      manifest.contributes.yamlValidation.map((v: { url: string; fileMatch: string[] }) => [v.url, v.fileMatch]),
    );
    assert.deepEqual(byUrl, {
      [`./dist/schemas/${HINT_SCHEMA_FILES.catalog}`]: ['*.catalog.yaml', '*.catalog.yml'],
      [`./dist/schemas/${HINT_SCHEMA_FILES.register}`]: ['*.assets.yaml', '*.assets.yml'],
    });
  });
});

describe('VS Code extension: translations (client/l10n)', () => {
  const strings = l10nStrings();

  it('finds the user-visible strings of the source', () => {
    assert.ok(strings.length >= 15, `only ${strings.length} l10n.t calls found`);
    assert.ok(strings.some((s) => s.text === 'Show Problems'));
  });

  it('has a Chinese translation with the same placeholders for every string, and no stale entry', () => {
    const texts = new Set(strings.map((s) => s.text));
    for (const { file, text } of strings) {
      const zh = bundleZh[text];
      assert.ok(zh, `${file}: "${text}" has no zh-cn translation`);
      assert.match(zh, CJK, `"${text}" is not translated`);
      assert.equal(placeholders(zh), placeholders(text), `"${text}": placeholders differ`);
    }
    assert.deepEqual(
      Object.keys(bundleZh).filter((key) => !texts.has(key)),
      [],
    );
  });
});

describe('VS Code extension: new asset templates', () => {
  const year = 2026;

  it('uses the same fill-in marker as the quick fixes', () => {
    assert.equal(FILL_IN, PLACEHOLDER);
  });

  it('a new register left as it is reports exactly the values still to fill in', () => {
    const text = fillSnippet(registerSnippet(year));
    const lines = text.split('\n');
    const findings = createStewardService({ today: '2026-06-01' }).validate(
      'file:///ws/new.assets.yaml',
      text,
    ).findings;
    const at = (ruleId: string) =>
      findings.filter((f) => f.ruleId === ruleId).map((f) => lines[f.range.start.line].trim());
    assert.deepEqual(at('DA-TODO-001'), [
      'name: 待填写',
      'supervisingDepartment: 待填写',
      'name: 待填写',
      'cardNumber: 待填写',
    ]);
    assert.deepEqual(at('DA-SCHEMA-004'), ['code:']);
    assert.deepEqual(at('DA-SCHEMA-005'), ['resource: R-']);
    assert.deepEqual(
      findings.map((f) => f.ruleId).filter((id) => !['DA-TODO-001', 'DA-SCHEMA-004', 'DA-SCHEMA-005'].includes(id)),
      [],
    );
  });

  it('a new register filled in next to its catalog has no findings: the template holds every required field', () => {
    const catalog = fs.readFileSync(path.join(ROOT, 'examples', 'transport-bureau', 'transport.catalog.yaml'), 'utf8');
    const text = fillSnippet(registerSnippet(year))
      .replace('code:', 'code: 113301000025391739')
      .replace('resource: R-', 'resource: R-330100-JT-0001')
      .replace('supervisingDepartment: 待填写', 'supervisingDepartment: 某市人民政府')
      .replace(/name: 待填写/, 'name: 某市交通运输局')
      .replace(/name: 待填写/, 'name: 公交线路客流数据集')
      .replace('cardNumber: 待填写', 'cardNumber: ZCKP-330100-2026-0001');
    const service = createStewardService({ today: '2026-06-01' });
    service.update('file:///ws/transport.catalog.yaml', catalog);
    const findings = service.validate('file:///ws/new.assets.yaml', text).findings;
    assert.deepEqual(
      findings.map((f) => `${f.ruleId} ${f.message.en}`),
      [],
    );
  });

  const register = [
    'apiVersion: steward/v1', //        0
    'kind: DataAssetRegister', //       1
    'unit:', //                         2
    '  name: 某局', //                   3
    'assets:', //                       4
    '  - id: DA-2024-0001', //          5
    '    name: 甲', //                   6
    '    acquisition:', //              7
    '      method: 自主采集', //           8
    '', //                              9
    '  - id: DA-2024-0002', //          10
    '    name: 乙', //                   11
    '# end', //                         12
    'x-note: 备注', //                    13
  ];
  const cases: Array<
    [
      title: string,
      lines: string[],
      cursor: number,
      line: number,
      start: number,
      end: number,
      indent: string,
      newline: boolean,
    ]
  > = [
    ['a blank line between items takes the item', register, 9, 9, 0, 0, '  ', false],
    ['inside an item: after that item, never splitting it', register, 6, 8, 18, 18, '  ', true],
    ['on the last item: after the list, before the comment and the next key', register, 11, 11, 11, 11, '  ', true],
    ['in the header: after the last item', register, 2, 11, 11, 11, '  ', true],
    [
      'items at column 0 keep column 0',
      ['kind: DataAssetRegister', 'assets:', '- id: DA-1', '  name: 甲'],
      3,
      3,
      9,
      9,
      '',
      true,
    ],
    [
      'an empty list gets items indented by two',
      ['kind: DataAssetRegister', 'assets:', '', 'x-a: 1'],
      0,
      1,
      7,
      7,
      '  ',
      true,
    ],
  ];
  for (const [title, lines, cursor, line, start, end, indent, newline] of cases) {
    it(`inserts an asset: ${title}`, () => {
      const place = assetInsertion(lines, cursor, year);
      assert.deepEqual([place.line, place.startCharacter, place.endCharacter], [line, start, end]);
      assert.equal(place.snippet, (newline ? '\n' : '') + assetSnippet(year, indent));
    });
  }

  it('inserting an asset keeps the register valid YAML with one more asset', () => {
    for (const cursor of [2, 6, 9, 11]) {
      const place = assetInsertion(register, cursor, year);
      const lines = [...register];
      lines[place.line] =
        lines[place.line].slice(0, place.startCharacter) +
        fillSnippet(place.snippet) +
        lines[place.line].slice(place.endCharacter);
      const [document] = parseAllDocuments(lines.join('\n'));
      assert.deepEqual(document.errors, [], `cursor on line ${cursor}`);
      const assets = (document.toJS() as { assets: Array<{ id: string; name: string }> }).assets;
      assert.deepEqual(
        assets.map((a) => a.id),
        cursor === 6
          ? ['DA-2024-0001', `DA-${year}-0001`, 'DA-2024-0002']
          : cursor === 9
            ? ['DA-2024-0001', `DA-${year}-0001`, 'DA-2024-0002']
            : ['DA-2024-0001', 'DA-2024-0002', `DA-${year}-0001`],
      );
      assert.equal(assets[0].name, '甲');
    }
  });

  it('a register without an assets key gets one at its end', () => {
    const lines = ['apiVersion: steward/v1', 'kind: DataAssetRegister', 'unit:', '  name: 某局'];
    const place = assetInsertion(lines, 1, year);
    assert.deepEqual([place.line, place.startCharacter], [3, 10]);
    assert.equal(place.snippet, '\nassets:\n' + assetSnippet(year, '  '));
  });

  it('tells registers from catalogs', () => {
    assert.equal(isRegister('apiVersion: steward/v1\nkind: DataAssetRegister\n'), true);
    assert.equal(isRegister('apiVersion: steward/v1\nkind: "DataAssetRegister"  # 登记\n'), true);
    assert.equal(isRegister('apiVersion: steward/v1\nkind: DataResourceCatalog\n'), false);
    assert.equal(isRegister('note: kind: DataAssetRegister\n'), false);
  });
});

describe('VS Code extension: Red Hat YAML coexistence and presentation', () => {
  it('hides only the three YAML parse errors that Red Hat reports too', () => {
    const diagnostics = ['DA-YAML-001', 'DA-YAML-002', 'DA-YAML-003', 'DA-YAML-004', 'DA-SCHEMA-001', undefined].map(
      (code) => ({ code }),
    );
    assert.deepEqual(
      withoutSyntaxErrors(diagnostics).map((d) => d.code),
      ['DA-YAML-004', 'DA-SCHEMA-001', undefined],
    );
    assert.deepEqual(
      withoutSyntaxErrors([{ code: { value: 'DA-YAML-001' } }, { code: { value: 'DA-REF-001' } }]).map(
        (d) => d.code.value,
      ),
      ['DA-REF-001'],
    );
  });

  it('leaves syntax errors to Red Hat only when it validates the document', () => {
    const base = { setting: 'auto' as const, redHatInstalled: true, yamlValidate: true, languageId: 'yaml' };
    assert.equal(redHatShowsSyntaxErrors(base), true);
    assert.equal(redHatShowsSyntaxErrors({ ...base, setting: undefined }), true);
    assert.equal(redHatShowsSyntaxErrors({ ...base, setting: 'show' }), false);
    assert.equal(redHatShowsSyntaxErrors({ ...base, redHatInstalled: false }), false);
    assert.equal(redHatShowsSyntaxErrors({ ...base, yamlValidate: false }), false);
    assert.equal(redHatShowsSyntaxErrors({ ...base, languageId: undefined }), false);
  });

  it('picks the hints schema by the declared kind, else by the file name', () => {
    assert.equal(hintSchemaKind('/w/a.yaml', 'apiVersion: steward/v1\nkind: DataAssetRegister\n'), 'register');
    assert.equal(hintSchemaKind('/w/a.catalog.yaml', 'apiVersion: steward/v1\nkind: DataAssetRegister\n'), 'register');
    assert.equal(hintSchemaKind('/w/a.yml', "apiVersion: 'steward/v1'\nkind: DataResourceCatalog\n"), 'catalog');
    assert.equal(hintSchemaKind('/w/new.assets.yml', ''), 'register');
    assert.equal(hintSchemaKind('/w/a.yaml', 'kind: DataAssetRegister\n'), undefined, 'not a steward document');
    assert.equal(hintSchemaKind('/w/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\n'), undefined);
    assert.equal(coveredByManifest('/w/x.Catalog.YAML'), true);
    assert.equal(coveredByManifest('/w/x.yaml'), false);
  });

  it("shows server text in the configured language, else in VS Code's", () => {
    assert.equal(resolveLocale('auto', 'zh-cn'), 'zh-CN');
    assert.equal(resolveLocale(undefined, 'zh-tw'), 'zh-CN');
    assert.equal(resolveLocale('auto', 'en'), 'en');
    assert.equal(resolveLocale('en', 'zh-cn'), 'en');
    assert.equal(resolveLocale('zh-CN', 'de'), 'zh-CN');
  });

  it('status bar: a check mark for a clean file, else the counts', () => {
    assert.equal(statusText({ errors: 0, warnings: 0 }), '$(check) Steward');
    assert.equal(statusText({ errors: 2, warnings: 1 }), '$(error) 2 $(warning) 1');
    assert.equal(statusText({ errors: 0, warnings: 3 }), '$(error) 0 $(warning) 3');
    // A file checked only on save says so in the item, not only in its tooltip.
    assert.equal(statusText({ errors: 1, warnings: 0, mode: 'save-only' }), '$(error) 1 $(warning) 0 $(history)');
    assert.equal(statusText({ errors: 0, warnings: 0, mode: 'full' }), '$(check) Steward');
    // In words too (issue 19), from the Chinese bundle where the display language is Chinese.
    assert.equal(
      statusText({ errors: 0, warnings: 2, mode: 'save-only' }, bundleZh['checked on save']),
      '$(error) 0 $(warning) 2 $(history) 保存时检查',
    );
    assert.equal(statusText({ errors: 0, warnings: 0, mode: 'full' }, 'checked on save'), '$(check) Steward');
  });

  it('status bar hover: "1 error", "2 errors" in English; the Chinese bundle has one form (1 个错误)', () => {
    // As vscode.l10n.t does it: the bundle's text for the message (else the message itself), then {0}, {1}… filled in.
    const translator = (bundle: Record<string, string>) => ({
      t: (message: string, ...args: Array<string | number | boolean>) =>
        (bundle[message] ?? message).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])),
    });
    const en = translator({});
    const zh = translator(bundleZh);
    assert.equal(
      countsSentence({ errors: 1, warnings: 0, infos: 1 }, en),
      'Data Asset Steward: 1 error, 0 warnings, 1 info in this file.',
    );
    assert.equal(
      countsSentence({ errors: 2, warnings: 1, infos: 0 }, en),
      'Data Asset Steward: 2 errors, 1 warning, 0 infos in this file.',
    );
    assert.equal(
      countsSentence({ errors: 0, warnings: 12, infos: 3 }, en),
      'Data Asset Steward: 0 errors, 12 warnings, 3 infos in this file.',
    );
    assert.equal(
      countsSentence({ errors: 1, warnings: 1, infos: 1 }, zh),
      '数据资产管家：此文件有 1 个错误、1 个警告、1 个提示。',
    );
    assert.equal(
      countsSentence({ errors: 2, warnings: 0, infos: 5 }, zh),
      '数据资产管家：此文件有 2 个错误、0 个警告、5 个提示。',
    );
  });
});

/** Names and uncompressed sizes of a zip's entries, from its central directory. */
function zipEntries(buffer: Buffer): Map<string, { size: number; read: () => Buffer }> {
  let eocd = buffer.length - 22;
  while (eocd >= 0 && buffer.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'not a zip file');
  const entries = new Map<string, { size: number; read: () => Buffer }>();
  let offset = buffer.readUInt32LE(eocd + 16);
  for (let i = buffer.readUInt16LE(eocd + 10); i > 0; i--) {
    assert.equal(buffer.readUInt32LE(offset), 0x02014b50);
    const method = buffer.readUInt16LE(offset + 10);
    const compressed = buffer.readUInt32LE(offset + 20);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const local = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    const read = () => {
      const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
      const data = buffer.subarray(start, start + compressed);
      return method === 8 ? zlib.inflateRawSync(data) : data;
    };
    entries.set(name, { size, read });
    offset += 46 + nameLength + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
  return entries;
}

/** Schema keywords that constrain a value (any of them in a hints schema could make Red Hat report a problem). */
const ASSERTIONS = new Set([
  'type',
  'required',
  'additionalProperties',
  'propertyNames',
  'minProperties',
  'maxProperties',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'contains',
  'if',
  'then',
  'else',
  'not',
  'enum',
  'const',
  'allOf',
  'anyOf',
  'oneOf',
  'dependencies',
]);

/** Keywords used as schema keywords (not as property names) anywhere in `schema`. */
function keywords(schema: unknown, out = new Set<string>()): Set<string> {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return out;
  for (const [key, value] of Object.entries(schema)) {
    out.add(key);
    if (key === 'properties' || key === 'patternProperties' || key === 'definitions' || key === '$defs') {
      for (const sub of Object.values(value as object)) keywords(sub, out);
    } else if (key === 'items') keywords(value, out);
  }
  return out;
}

/** Property paths (`a.b.c`, `[]` for items) reachable in a schema, following local references. */
function propertyPaths(
  schema: Record<string, unknown>,
  definitions: string,
  node: unknown = schema,
  prefix = '',
  depth = 0,
  out = new Set<string>(),
): Set<string> {
  if (!node || typeof node !== 'object' || depth > 12) return out;
  const n = node as Record<string, unknown>;
  if (typeof n.$ref === 'string') {
    const name = n.$ref.slice(`#/${definitions}/`.length);
    propertyPaths(schema, definitions, (schema[definitions] as Record<string, unknown>)[name], prefix, depth + 1, out);
  }
  for (const [key, sub] of Object.entries((n.properties as Record<string, unknown>) ?? {})) {
    const forbidden =
      sub === false ||
      (typeof sub === 'object' && sub !== null && JSON.stringify((sub as { not?: unknown }).not) === '{}');
    if (forbidden) continue;
    out.add(prefix + key);
    propertyPaths(schema, definitions, sub, `${prefix}${key}.`, depth + 1, out);
  }
  if (n.items) propertyPaths(schema, definitions, n.items, `${prefix}[].`, depth + 1, out);
  return out;
}

describe('VS Code extension: the packaged .vsix (npm run package:vsix)', function () {
  this.timeout(180_000);
  const vsix = path.join(ROOT, 'dist', 'data-asset-steward.vsix');
  let entries: Map<string, { size: number; read: () => Buffer }>;
  let seconds = 0;

  before(() => {
    fs.rmSync(vsix, { force: true });
    const started = Date.now();
    const run = spawnSync('npm', ['run', 'package:vsix'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 170_000,
    });
    seconds = (Date.now() - started) / 1000;
    assert.equal(run.status, 0, `npm run package:vsix failed:\n${run.stdout}\n${run.stderr}`);
    entries = zipEntries(fs.readFileSync(vsix));
  });

  it('builds in under a minute, offline, into a .vsix under 2 MB', () => {
    assert.ok(seconds < 60, `took ${seconds} s`);
    assert.ok(fs.statSync(vsix).size < 2 * 1024 * 1024, `${fs.statSync(vsix).size} bytes`);
  });

  it('holds the extension, the server, the schemas, the rules reference and the translations, and nothing else', () => {
    const files = [...entries.keys()]
      .filter((name) => name.startsWith('extension/'))
      .map((name) => name.slice('extension/'.length))
      .sort();
    assert.deepEqual(
      files,
      [
        'LICENSE.txt',
        'changelog.md',
        'dist/docs/rules.md',
        'dist/docs/rules.zh-CN.md',
        'dist/extension.js',
        `dist/schemas/${HINT_SCHEMA_FILES.register}`,
        'dist/schemas/data-asset-register.schema.json',
        `dist/schemas/${HINT_SCHEMA_FILES.catalog}`,
        'dist/schemas/data-resource-catalog.schema.json',
        'dist/report.js',
        'dist/server.js',
        'l10n/bundle.l10n.zh-cn.json',
        'package.json',
        'package.nls.json',
        'package.nls.zh-cn.json',
        'readme.md',
      ].sort(),
    );
    const packaged = JSON.parse(entries.get('extension/package.json')!.read().toString('utf8'));
    assert.equal(packaged.main, './dist/extension.js');
    assert.equal(packaged.engines.vscode, manifest.engines.vscode);
    const extension = entries.get('extension/dist/extension.js')!.read().toString('utf8');
    assert.match(extension, /require\("vscode"\)/, 'vscode stays external');
  });

  for (const kind of ['catalog', 'register'] as const) {
    const source = kind === 'catalog' ? 'data-resource-catalog.schema.json' : 'data-asset-register.schema.json';

    it(`the ${kind} hints schema offers every field of the schema and asserts nothing`, () => {
      const hints = JSON.parse(
        entries.get(`extension/dist/schemas/${HINT_SCHEMA_FILES[kind]}`)!.read().toString('utf8'),
      );
      const full = readJson(path.join(ROOT, 'schemas', source));
      assert.equal(hints.$schema, 'http://json-schema.org/draft-07/schema#');
      assert.deepEqual(
        [...keywords(hints)].filter((k) => ASSERTIONS.has(k)),
        [],
      );
      assert.deepEqual([...propertyPaths(full, '$defs')].sort(), [...propertyPaths(hints, 'definitions')].sort());
      assert.equal(propertyPaths(hints, 'definitions').has(kind === 'register' ? '[].guarantee' : 'never'), false);
      const grade = hints.definitions.SecurityGrade;
      assert.deepEqual(grade.examples, full.$defs.SecurityGrade.enum, 'enumerated values are still offered');
      assert.ok(grade.markdownDescription.includes('\n\n'), 'hovers keep the Chinese and English lines apart');
    });
  }

  it('no example, valid or invalid, fails a hints schema: Red Hat reports no schema problem of its own', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validators = {
      catalog: ajv.compile(
        JSON.parse(entries.get(`extension/dist/schemas/${HINT_SCHEMA_FILES.catalog}`)!.read().toString('utf8')),
      ),
      register: ajv.compile(
        JSON.parse(entries.get(`extension/dist/schemas/${HINT_SCHEMA_FILES.register}`)!.read().toString('utf8')),
      ),
    };
    let checked = 0;
    for (const folder of ['transport-bureau', 'invalid']) {
      for (const name of fs.readdirSync(path.join(ROOT, 'examples', folder))) {
        const kind = name.includes('.catalog.') ? 'catalog' : name.includes('.assets.') ? 'register' : undefined;
        if (!kind) continue;
        for (const document of parseAllDocuments(fs.readFileSync(path.join(ROOT, 'examples', folder, name), 'utf8'))) {
          if (document.errors.length > 0) continue; // a YAML error is not a schema problem
          const validate: ValidateFunction = validators[kind];
          assert.equal(validate(document.toJS()), true, `${folder}/${name}: ${JSON.stringify(validate.errors)}`);
          checked++;
        }
      }
    }
    assert.ok(checked >= 15, `only ${checked} documents checked`);
  });

  describe("with Red Hat's YAML language server", () => {
    let redHat: RedHatYamlServer;
    const folder = path.join(ROOT, 'examples');

    before(async () => {
      redHat = new RedHatYamlServer();
      // What Red Hat's extension does with a `yamlValidation` entry: relative url -> extension file, `/` + pattern.
      const associations = manifest.contributes.yamlValidation.map((v: { fileMatch: string[]; url: string }) => ({
        fileMatch: v.fileMatch.map((pattern) => `/${pattern}`),
        uri: URI.file(path.join(CLIENT, v.url)).toString(),
      }));
      await within(redHat.start(folder, associations), 20_000, 'Red Hat YAML server start');
    });

    after(async () => {
      await redHat?.stop();
    });

    it('reports nothing for our documents except the YAML parse errors, which our client then hides', async () => {
      const files = fs
        .readdirSync(path.join(folder, 'invalid'))
        .map((name) => path.join(folder, 'invalid', name))
        .concat(
          fs
            .readdirSync(path.join(folder, 'transport-bureau'))
            .map((name) => path.join(folder, 'transport-bureau', name)),
        )
        .filter((file) => /\.(catalog|assets)\.ya?ml$/.test(file));
      const service = createStewardService();
      const theirFiles: string[] = [];
      const ourFiles: string[] = [];
      for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        const theirs = await redHat.open(file, text);
        const hidden = service
          .validate(URI.file(file).toString(), text)
          .findings.filter((f) => SYNTAX_RULE_IDS.has(f.ruleId));
        if (theirs.length > 0) theirFiles.push(path.basename(file));
        if (hidden.length > 0) ourFiles.push(path.basename(file));
        // Red Hat speaks only where the YAML itself is broken, on lines where we report DA-YAML-001..003.
        for (const diagnostic of theirs) {
          assert.ok(
            hidden.some((f) => f.range.start.line === diagnostic.range.start.line),
            `${path.basename(file)}: Red Hat's "${diagnostic.message}" on line ${diagnostic.range.start.line + 1} has no DA-YAML finding of ours there`,
          );
        }
      }
      assert.ok(files.length >= 25, `${files.length} files`);
      assert.deepEqual(theirFiles, ourFiles);
      assert.ok(theirFiles.length >= 3, theirFiles.join(', '));
    });

    it('offers the enumerated values and the fields as completions, and bilingual hovers', async () => {
      const file = path.join(folder, 'completion-probe.catalog.yaml');
      const text =
        'apiVersion: steward/v1\nkind: DataResourceCatalog\nresources:\n  - id: R-1\n    securityGrade: \n    \n';
      assert.deepEqual(await redHat.open(file, text), []);
      const uri = URI.file(file).toString();
      type Completions = { items: Array<{ label: string }> } | Array<{ label: string }>;
      const labels = async (line: number, character: number) => {
        const result = await within(
          redHat.connection.sendRequest('textDocument/completion', {
            textDocument: { uri },
            position: { line, character },
          }) as Promise<Completions>,
          10_000,
          'completion',
        );
        return (Array.isArray(result) ? result : result.items).map((item) => item.label);
      };
      const values = await labels(4, 19);
      for (const grade of ['核心数据', '重要数据', '一般数据'])
        assert.ok(values.includes(grade), `${grade} not offered: ${values.join(', ')}`);
      const fields = await labels(5, 4);
      for (const field of ['name', 'sharing', 'opening', 'personalInformation'])
        assert.ok(fields.includes(field), `${field} not offered: ${fields.join(', ')}`);
      const hover = await within(
        redHat.connection.sendRequest('textDocument/hover', {
          textDocument: { uri },
          position: { line: 4, character: 6 },
        }) as Promise<{ contents: { value: string } } | null>,
        10_000,
        'hover',
      );
      assert.ok(
        hover && CJK.test(hover.contents.value) && /Data grade/.test(hover.contents.value),
        JSON.stringify(hover),
      );
    });
  });

  it('the bundled server speaks LSP over node IPC, as the extension starts it, with the custom requests', async () => {
    const folder = tempDir({ 'a.catalog.yaml': 'apiVersion: steward/v1\nkind: DataResourceCatalog\nunit: 1\n' });
    const server = new IpcServer(path.join(CLIENT, 'dist', 'server.js'));
    try {
      const uri = URI.file(path.join(folder, 'a.catalog.yaml')).toString();
      const diagnostics = server.diagnosticsOf(uri);
      const status = server.statusOf(uri);
      await within(server.initialize(folder), 20_000, 'initialize result');
      const published = await within(diagnostics, 20_000, 'diagnostics');
      assert.ok(
        published.some((d) => d.code === 'DA-SCHEMA-001'),
        JSON.stringify(published),
      );
      const counts = await within(status, 20_000, 'steward/status');
      assert.equal(counts.errors, published.filter((d) => d.severity === 1).length);
      void server.connection.sendNotification('textDocument/didOpen', {
        textDocument: {
          uri,
          languageId: 'yaml',
          version: 1,
          text: fs.readFileSync(path.join(folder, 'a.catalog.yaml'), 'utf8'),
        },
      });
      const state = (await server.connection.sendRequest('steward/fileState', { uri })) as {
        errors: number;
        mode: string;
      };
      assert.equal(state.errors, counts.errors);
      assert.equal(state.mode, 'full');
      const summary = (await server.connection.sendRequest('steward/validateWorkspace')) as {
        files: number;
        errors: number;
      };
      assert.equal(summary.files, 1);
      assert.equal(summary.errors, counts.errors);
      const rules = (await server.connection.sendRequest('steward/rules')) as Array<{
        id: string;
        help: { en: string; 'zh-CN': string };
      }>;
      const auth = rules.find((rule) => rule.id === 'DA-AUTH-001');
      assert.ok(auth && auth.help.en.includes('DA-AUTH-001') && CJK.test(auth.help['zh-CN']));
    } finally {
      await server.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

/**
 * Red Hat's YAML language server (the real `yaml-language-server` package) given our `yamlValidation` contribution
 * the way Red Hat's extension passes it on: a `json/schemaAssociations` notification, patterns prefixed with `/`.
 */
class RedHatYamlServer {
  readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  private readonly waiters = new Map<string, (diagnostics: Diagnostic[]) => void>();

  constructor() {
    const bin = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
    this.process = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    const settings = { validate: true, hover: true, completion: true, schemaStore: { enable: false } };
    this.connection.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) =>
      p.items.map((item) => (item.section === 'yaml' ? settings : null)),
    );
    this.connection.onNotification(
      'textDocument/publishDiagnostics',
      (p: { uri: string; diagnostics: Diagnostic[] }) => {
        const waiter = this.waiters.get(p.uri);
        this.waiters.delete(p.uri);
        waiter?.(p.diagnostics);
      },
    );
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('telemetry/event', () => undefined);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  async start(folder: string, associations: Array<{ fileMatch: string[]; uri: string }>): Promise<void> {
    const uri = URI.file(folder).toString();
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'ws' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
          publishDiagnostics: {},
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    await this.connection.sendNotification('json/schemaAssociations', associations);
  }

  open(file: string, text: string): Promise<Diagnostic[]> {
    const uri = URI.file(file).toString();
    const published = new Promise<Diagnostic[]>((resolve) => this.waiters.set(uri, resolve));
    void this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
    return within(published, 20_000, `Red Hat diagnostics for ${path.basename(file)}`);
  }

  async stop(): Promise<void> {
    try {
      await within(this.connection.sendRequest('shutdown'), 5_000, 'answer to shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

/** The server started as VS Code's LanguageClient starts it with TransportKind.ipc: forked, `--node-ipc`. */
class IpcServer {
  readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  private readonly diagnostics = new Map<string, (d: Diagnostic[]) => void>();
  private readonly statuses = new Map<string, (s: { errors: number; warnings: number; infos: number }) => void>();

  constructor(module: string) {
    this.process = fork(module, ['--node-ipc', `--clientProcessId=${process.pid}`], { silent: true });
    this.connection = createProtocolConnection(new IPCMessageReader(this.process), new IPCMessageWriter(this.process));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) =>
      this.diagnostics.get(p.uri)?.(p.diagnostics),
    );
    this.connection.onNotification(
      'steward/status',
      (p: { uri: string; errors: number; warnings: number; infos: number }) => this.statuses.get(p.uri)?.(p),
    );
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  diagnosticsOf(uri: string): Promise<Diagnostic[]> {
    return new Promise((resolve) => this.diagnostics.set(uri, resolve));
  }

  statusOf(uri: string): Promise<{ errors: number; warnings: number; infos: number }> {
    return new Promise((resolve) => this.statuses.set(uri, resolve));
  }

  async initialize(folder: string): Promise<void> {
    const uri = URI.file(folder).toString();
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'ws' }],
      locale: 'zh-cn',
      capabilities: { workspace: { configuration: true, workspaceFolders: true }, window: { workDoneProgress: true } },
    });
    await this.connection.sendNotification('initialized', {});
  }

  async close(): Promise<void> {
    try {
      await Promise.race([
        this.connection.sendRequest('shutdown'),
        new Promise((resolve) => setTimeout(resolve, 2000)),
      ]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}
