/**
 * Our JSON Schemas in Red Hat's YAML language server: the real `yaml-language-server` package, spawned over
 * stdio and driven by a JSON-RPC client, as VS Code's YAML extension drives it. The schemas are associated
 * through the `yaml.schemas` setting (relative paths as schemas/README.md shows, and file URIs) or through a
 * `# yaml-language-server: $schema=...` modeline; we check diagnostics, their lines, and hovers.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type {
  CompletionList,
  Diagnostic,
  Hover,
  MarkupContent,
  ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { ROOT, tempDir } from './helpers';

const YAML_SERVER = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const CATALOG_SCHEMA = path.join(ROOT, 'schemas', 'data-resource-catalog.schema.json');
const REGISTER_SCHEMA = path.join(ROOT, 'schemas', 'data-asset-register.schema.json');
const EXAMPLES = path.join(ROOT, 'examples');
const TRANSPORT_CATALOG = path.join(EXAMPLES, 'transport-bureau', 'transport.catalog.yaml');
const TRANSPORT_REGISTER = path.join(EXAMPLES, 'transport-bureau', 'transport.assets.yaml');
/** A failure bound for one answer from the server, not a wait: we always wait for the notification itself. */
const ANSWER_TIMEOUT_MS = 10_000;

/** The `yaml.schemas` setting exactly as schemas/README.md documents it (paths relative to the workspace). */
const README_SCHEMAS = {
  'schemas/data-resource-catalog.schema.json': ['**/*.catalog.yaml', '**/*.catalog.yml'],
  'schemas/data-asset-register.schema.json': ['**/*.assets.yaml', '**/*.assets.yml'],
};
const URI_SCHEMAS = {
  [URI.file(CATALOG_SCHEMA).toString()]: '**/*.catalog.yaml',
  [URI.file(REGISTER_SCHEMA).toString()]: '**/*.assets.yaml',
};

/** A client for the YAML server that answers its settings requests the way VS Code would. */
class RedHatYamlClient {
  readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  /** Resolves once the server has asked for the `yaml` settings and been answered. */
  readonly configured: Promise<void>;
  private readonly waiters = new Map<string, (diagnostics: Diagnostic[]) => void>();
  private stderr = '';

  constructor(yamlSettings: Record<string, unknown>) {
    this.process = spawn(process.execPath, [YAML_SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    let markConfigured: () => void = () => undefined;
    this.configured = new Promise((resolve) => {
      markConfigured = resolve;
    });
    // The server asks for the sections yaml, http, [yaml] and editor; only yaml has settings here.
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      const answer = params.items.map((item) => (item.section === 'yaml' ? yamlSettings : null));
      if (params.items.some((item) => item.section === 'yaml')) markConfigured();
      return answer;
    });
    this.connection.onNotification(
      'textDocument/publishDiagnostics',
      (params: { uri: string; diagnostics: Diagnostic[] }) => {
        const waiter = this.waiters.get(params.uri);
        this.waiters.delete(params.uri);
        waiter?.(params.diagnostics);
      },
    );
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('telemetry/event', () => undefined);
    this.connection.listen();
  }

  /** Initializes with `folder` as the workspace and waits until the server holds our settings. */
  async start(folder: string): Promise<void> {
    const uri = URI.file(folder).toString();
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: path.basename(folder) }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: {} },
      },
    });
    await this.connection.sendNotification('initialized', {});
    // Our answer is written before anything we send next, and the server applies it before reading on.
    await this.within(this.configured, 'the server never asked for the yaml settings');
  }

  /** Opens a document and resolves with the first diagnostics the server publishes for it. */
  open(file: string, text: string): Promise<Diagnostic[]> {
    const uri = URI.file(file).toString();
    assert.ok(!this.waiters.has(uri), `${uri} is already being opened`);
    const published = new Promise<Diagnostic[]>((resolve) => this.waiters.set(uri, resolve));
    void this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
    return this.within(published, `no diagnostics for ${uri}`);
  }

  /** The hover text at the start of the first non-comment line containing `key` (the document must be open). */
  async hover(file: string, text: string, key: string): Promise<string> {
    const at = locate(text, key);
    const hover = await this.within(
      this.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: URI.file(file).toString() },
        position: { line: at.line, character: at.character },
      }) as Promise<Hover | null>,
      `no hover for ${key}`,
    );
    assert.ok(hover, `no hover on ${key}`);
    return (hover.contents as MarkupContent).value;
  }

  async stop(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      const exited = new Promise((resolve) => this.process.once('exit', resolve));
      try {
        await this.within(this.connection.sendRequest('shutdown'), 'no answer to shutdown');
        await this.connection.sendNotification('exit');
        await this.within(exited, 'the server did not exit');
      } catch {
        this.process.kill();
      }
    }
    this.connection.dispose();
  }

  private within<T>(promise: Promise<T>, failure: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${failure} within ${ANSWER_TIMEOUT_MS} ms\n${this.stderr}`)),
        ANSWER_TIMEOUT_MS,
      );
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}

/** 0-based position of `needle` on the first line that contains it and is not a comment. */
function locate(text: string, needle: string, fromLine = 0): { line: number; character: number } {
  const lines = text.split('\n');
  for (let line = fromLine; line < lines.length; line++) {
    if (lines[line].trimStart().startsWith('#')) continue;
    const character = lines[line].indexOf(needle);
    if (character >= 0) return { line, character };
  }
  throw new Error(`"${needle}" not found`);
}

/** [line, character, message], 0-based like LSP, for comparing diagnostics. */
function summary(diagnostics: Diagnostic[]): [number, number, string][] {
  return diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.message]);
}

/** Replaces `from` with `to` on the first non-comment line at or after `fromLine` that contains it. */
function edit(text: string, from: string, to: string, fromLine = 0): string {
  return editAt(text, from, to, fromLine).text;
}

/** Like `edit`, and also says where the value of the edited `key: value` line starts (0-based). */
function editAt(
  text: string,
  from: string,
  to: string,
  fromLine = 0,
): { text: string; line: number; character: number } {
  const lines = text.split('\n');
  const at = locate(text, from, fromLine);
  lines[at.line] = lines[at.line].replace(from, to);
  return { text: lines.join('\n'), line: at.line, character: lines[at.line].indexOf(': ') + 2 };
}

/** The line after the `---` that starts the catalog's second document. */
function secondDocument(text: string): number {
  const line = text.split('\n').indexOf('---');
  assert.ok(line > 0, 'the transport catalog has a second document');
  return line + 1;
}

/** An invalid example, the text its diagnostic starts at, and the message the Red Hat server gives. */
interface InvalidCase {
  file: string;
  at: string;
  message: string;
}

const INVALID_EXAMPLES: InvalidCase[] = [
  {
    file: 'wrong-enum.catalog.yaml',
    at: '普通数据',
    message: 'Value is not accepted. Valid values: "核心数据", "重要数据", "一般数据".',
  },
  {
    file: 'unexpected-property.catalog.yaml',
    at: 'relatedResoures',
    message: 'Property relatedResoures is not allowed.',
  },
  // A missing property is reported at the start of the object that lacks it.
  { file: 'missing-required.catalog.yaml', at: 'id: R-330100-JT-9105', message: 'Missing property "secrecy".' },
  // if/then: method 购置 requires budgetReference.
  { file: 'purchase-without-budget.assets.yaml', at: 'acquisition:', message: 'Missing property "budgetReference".' },
  // `guarantee: { not: {} }`: reported on the value under the key.
  { file: 'guarantee.assets.yaml', at: 'creditor:', message: 'Matches a schema that is not allowed.' },
  { file: 'wrong-type.catalog.yaml', at: '否', message: 'Incorrect type. Expected "boolean".' },
  {
    file: 'bad-id-pattern.catalog.yaml',
    at: 'r-330100-jt-9112',
    message: 'String does not match the pattern of "^R-[A-Z0-9-]+$".',
  },
  { file: 'code-2010-edition.assets.yaml', at: '2010000', message: 'Incorrect type. Expected "string".' },
  { file: 'no-sharing-without-basis.catalog.yaml', at: 'sharing:', message: 'Missing property "basis".' },
  {
    file: 'personal-info-without-basis.catalog.yaml',
    at: 'personalInformation:',
    message: 'Missing property "legalBasis".',
  },
  { file: 'paid-without-fee.assets.yaml', at: 'entity: ', message: 'Missing property "fee".' },
  { file: 'disposal-without-approval.assets.yaml', at: 'disposal:', message: 'Missing property "approval".' },
];

async function expectInvalidExamples(client: RedHatYamlClient): Promise<void> {
  await Promise.all(
    INVALID_EXAMPLES.map(async (example) => {
      const file = path.join(EXAMPLES, 'invalid', example.file);
      const text = fs.readFileSync(file, 'utf8');
      const at = locate(text, example.at);
      const diagnostics = await client.open(file, text);
      assert.deepEqual(summary(diagnostics), [[at.line, at.character, example.message]], example.file);
      assert.equal(diagnostics[0].severity, 1, `${example.file}: shown as an error`);
    }),
  );
}

async function expectValidUnit(client: RedHatYamlClient): Promise<void> {
  const [catalog, register] = await Promise.all(
    [TRANSPORT_CATALOG, TRANSPORT_REGISTER].map((file) => client.open(file, fs.readFileSync(file, 'utf8'))),
  );
  assert.deepEqual(catalog, [], 'transport.catalog.yaml');
  assert.deepEqual(register, [], 'transport.assets.yaml');
}

describe('Red Hat YAML language server: our schemas through yaml.schemas', function () {
  this.timeout(30_000);
  let client: RedHatYamlClient;
  before(async () => {
    client = new RedHatYamlClient({
      validate: true,
      hover: true,
      schemaStore: { enable: false },
      schemas: README_SCHEMAS,
    });
    await client.start(ROOT);
  });
  after(async () => client?.stop());

  it('finds no problem in the transport bureau unit (a two-document catalog and a register)', async () => {
    await expectValidUnit(client);
    // Not silence for want of a schema: hover on a key of each file comes from our schemas.
    assert.match(
      await client.hover(TRANSPORT_CATALOG, fs.readFileSync(TRANSPORT_CATALOG, 'utf8'), 'updateCycle'),
      /更新周期/,
    );
    assert.match(
      await client.hover(TRANSPORT_REGISTER, fs.readFileSync(TRANSPORT_REGISTER, 'utf8'), 'classificationCode'),
      /资产分类代码/,
    );
  });

  it('reports each invalid example at the line of the error', async () => {
    await expectInvalidExamples(client);
  });

  it('validates the second document of a multi-document catalog too', async () => {
    const text = fs.readFileSync(TRANSPORT_CATALOG, 'utf8');
    const second = secondDocument(text);
    const broken = edit(text, 'securityGrade: 重要数据', 'securityGrade: 普通数据', second);
    const at = locate(broken, '普通数据', second);
    const diagnostics = await client.open(
      path.join(path.dirname(TRANSPORT_CATALOG), 'second-document-edited.catalog.yaml'),
      broken,
    );
    assert.deepEqual(summary(diagnostics), [
      [at.line, at.character, 'Value is not accepted. Valid values: "核心数据", "重要数据", "一般数据".'],
    ]);
  });

  it('applies each keyword the schemas use (one edit of the valid register each)', async () => {
    const register = fs.readFileSync(TRANSPORT_REGISTER, 'utf8');
    const cases: { from: string; to: string; message: string | null }[] = [
      {
        from: 'code: 113301000025391739',
        to: 'code: true',
        message: 'Incorrect type. Expected one of string, integer.',
      },
      { from: 'code: 113301000025391739', to: 'code: 11330100002539173X', message: null }, // the string side of the union
      {
        from: 'kind: DataAssetRegister',
        to: 'kind: DataResourceCatalog',
        message: 'Value must be "DataAssetRegister".',
      },
      { from: 'asOf: 2024-12-31', to: 'asOf: 2024-13-01', message: 'String is not a RFC3339 date.' },
      { from: 'asOf: 2024-12-31', to: 'asOf: 20241231', message: 'Incorrect type. Expected "string".' },
      // format "date" is checked by shape only: February 30th passes (ajv-formats and steward reject it).
      { from: 'asOf: 2024-12-31', to: 'asOf: 2024-02-30', message: null },
      { from: 'quantity: 1', to: 'quantity: 0', message: 'Value is below the minimum of 1.' },
      { from: 'years: [2024]', to: 'years: [2024, 2024]', message: 'Array has duplicate items.' },
      { from: 'name: 公交运行监测数据集', to: 'name: " "', message: 'String does not match the pattern of "\\S".' },
      {
        from: 'protectionMeasures: [传输加密, 访问控制与审计日志, 接口调用限流]',
        to: 'protectionMeasures: []',
        message: 'Array has too few items. Expected 1 or more.',
      },
      { from: 'name: 公交运行监测数据集', to: 'name: 公交运行监测数据集\n    x-note: 自定义扩展字段', message: null }, // patternProperties ^x-
    ];
    await Promise.all(
      cases.map(async (c, index) => {
        const edited = editAt(register, c.from, c.to);
        const diagnostics = await client.open(
          path.join(path.dirname(TRANSPORT_REGISTER), `keyword-${index}.assets.yaml`),
          edited.text,
        );
        // Each problem is reported on the value of the edited line.
        assert.deepEqual(
          summary(diagnostics),
          c.message === null ? [] : [[edited.line, edited.character, c.message]],
          c.to,
        );
      }),
    );
  });

  it('shows our Chinese title and Chinese and English description on hover', async () => {
    const schema = JSON.parse(fs.readFileSync(CATALOG_SCHEMA, 'utf8')) as {
      $defs: Record<string, { properties: Record<string, { title: string; description: string }> }>;
    };
    const securityGrade = schema.$defs.Resource.properties.securityGrade;
    const text = fs.readFileSync(TRANSPORT_CATALOG, 'utf8');
    // The server may escape Markdown punctuation (1.19 did): compare without the escapes.
    const hover = (await client.hover(TRANSPORT_CATALOG, text, 'securityGrade')).replace(
      /\\([\\`*_{}[\]()#+\-.!|])/g,
      '$1',
    );
    assert.ok(hover.startsWith(`#### ${securityGrade.title}\n`), hover);
    const [zh, en, basis] = securityGrade.description.split('\n');
    assert.match(zh, /[\u4e00-\u9fff]/);
    assert.match(en, /^Data grade/);
    for (const line of [zh, en, basis]) assert.ok(hover.includes(line), `hover lacks "${line}":\n${hover}`);
    // Also in the second document of the file.
    const second = secondDocument(text);
    const at = locate(text, 'securityGrade', second);
    const again = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: URI.file(TRANSPORT_CATALOG).toString() },
      position: at,
    })) as Hover;
    assert.match((again.contents as MarkupContent).value, new RegExp(`^#### ${securityGrade.title}`));
  });
  it('completes keys and enum values from our schema, with our descriptions', async () => {
    const schema = JSON.parse(fs.readFileSync(CATALOG_SCHEMA, 'utf8')) as {
      $defs: Record<string, { properties: Record<string, { description: string }>; enum: string[] }>;
    };
    const original = fs.readFileSync(path.join(EXAMPLES, 'invalid', 'missing-required.catalog.yaml'), 'utf8');
    // The resource lacks `secrecy`: type its first letters on a line of their own inside it.
    const grade = locate(original, 'securityGrade: ');
    const lines = original.split('\n');
    lines.splice(grade.line + 1, 0, '    sec');
    const text = lines.join('\n');
    const file = path.join(EXAMPLES, 'invalid', 'completion.catalog.yaml');
    await client.open(file, text);
    const complete = (line: number, character: number): Promise<CompletionList> =>
      client.connection.sendRequest('textDocument/completion', {
        textDocument: { uri: URI.file(file).toString() },
        position: { line, character },
      }) as Promise<CompletionList>;
    const keys = await complete(grade.line + 1, '    sec'.length);
    const secrecy = keys.items.find((item) => item.label === 'secrecy');
    assert.ok(secrecy, keys.items.map((item) => item.label).join(', '));
    assert.equal(secrecy.documentation, schema.$defs.Resource.properties.secrecy.description);
    const values = await complete(grade.line, grade.character + 'securityGrade: '.length);
    assert.deepEqual(values.items.map((item) => item.label).sort(), [...schema.$defs.SecurityGrade.enum].sort());
  });
});

describe('Red Hat YAML language server: yaml.schemas keyed by file URI', function () {
  this.timeout(30_000);
  let client: RedHatYamlClient;
  before(async () => {
    client = new RedHatYamlClient({ validate: true, schemaStore: { enable: false }, schemas: URI_SCHEMAS });
    await client.start(ROOT);
  });
  after(async () => client?.stop());

  it('gives the same results', async () => {
    await expectValidUnit(client);
    await expectInvalidExamples(client);
  });
});

describe('Red Hat YAML language server: our schemas through a modeline', function () {
  this.timeout(30_000);
  const modeline = (schema: string): string => `# yaml-language-server: $schema=../../schemas/${schema}`;
  let client: RedHatYamlClient;
  let workspace: string;
  before(async () => {
    // A workspace laid out like ours: schemas/ and examples/<folder>/, so the README's modeline path fits.
    workspace = tempDir({
      'schemas/data-resource-catalog.schema.json': fs.readFileSync(CATALOG_SCHEMA),
      'schemas/data-asset-register.schema.json': fs.readFileSync(REGISTER_SCHEMA),
    });
    client = new RedHatYamlClient({ validate: true, hover: true, schemaStore: { enable: false } });
    await client.start(workspace);
  });
  after(async () => {
    await client?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  /** Writes `text` under examples/modeline/ in the temp workspace and opens it. */
  function openCopy(name: string, text: string): Promise<Diagnostic[]> {
    const file = path.join(workspace, 'examples', 'modeline', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return client.open(file, text);
  }

  it('applies the schema a modeline names, and nothing applies without it', async () => {
    const original = fs.readFileSync(path.join(EXAMPLES, 'invalid', 'purchase-without-budget.assets.yaml'), 'utf8');
    const withModeline = `${modeline('data-asset-register.schema.json')}\n${original}`;
    const at = locate(withModeline, 'acquisition:');
    // Names that no glob would match: only the modeline associates the schema.
    const [named, unnamed] = await Promise.all([
      openCopy('purchase.yaml', withModeline),
      openCopy('purchase-plain.yaml', original),
    ]);
    assert.deepEqual(summary(named), [[at.line, at.character, 'Missing property "budgetReference".']]);
    assert.deepEqual(unnamed, []);
  });

  it('hovers with the schema a modeline names', async () => {
    const text = `${modeline('data-asset-register.schema.json')}\n${fs.readFileSync(TRANSPORT_REGISTER, 'utf8')}`;
    assert.deepEqual(await openCopy('transport.yaml', text), []);
    assert.match(
      await client.hover(path.join(workspace, 'examples', 'modeline', 'transport.yaml'), text, 'securityGrade'),
      /^#### 数据分级\n/,
    );
  });

  it('covers only the document it heads: a multi-document file needs one per document', async () => {
    const text = fs.readFileSync(TRANSPORT_CATALOG, 'utf8');
    const broken = edit(
      edit(text, 'securityGrade: 一般数据', 'securityGrade: 普通数据'),
      'securityGrade: 重要数据',
      'securityGrade: 普通数据',
      secondDocument(text),
    );
    const line = modeline('data-resource-catalog.schema.json');
    const once = `${line}\n${broken}`;
    const twice = once.replace('\n---\n', `\n---\n${line}\n`);
    const [first, both] = await Promise.all([openCopy('once.yaml', once), openCopy('twice.yaml', twice)]);
    const message = 'Value is not accepted. Valid values: "核心数据", "重要数据", "一般数据".';
    const errorsAt = (source: string): [number, number, string][] => {
      const firstError = locate(source, '普通数据');
      const secondError = locate(source, '普通数据', secondDocument(source));
      return [
        [firstError.line, firstError.character, message],
        [secondError.line, secondError.character, message],
      ];
    };
    assert.deepEqual(summary(first), errorsAt(once).slice(0, 1));
    assert.deepEqual(summary(both), errorsAt(twice));
  });
});
