/**
 * Loading the workspace: settings and steward.config.yaml read, the service built from them, and every steward
 * file of the workspace folders checked (open documents first), with progress, before all diagnostics go out.
 */
import * as path from 'node:path';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
} from 'vscode-languageserver/node';
import type { Disposable } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { EMPTY_CONFIG } from '../service';
import type { CodeTable, Finding, StewardConfig } from '../service';
import { readCodeTableFile } from '../host/code-table';
import { configIn, readConfigFile } from '../host/config';
import { listWorkspaceFiles } from '../host/discover';
import { loadIgnores } from '../host/ignore';
import type { IgnoreTest } from '../host/ignore';
import { readTextFile } from '../host/read';
import type { Checks } from './checks';
import type { Publisher } from './publish';
import type { Session } from './session';
import { configFrom, MAX_DISK_FILE_BYTES, settingsFrom } from './settings';

export class Indexer {
  /** Moves with every reload: an indexing of an older one stops. */
  private generation = 0;
  private ignoreTests: Array<{ folder: string; ignored: IgnoreTest }> = [];
  canPullConfiguration = false;
  /** The folder of the configuration file read last: its `codeTable` is relative to it. */
  private configFolder: string | undefined;
  canWatchFiles = false;
  /** The code table file the service was built with (undefined: the built-in table). */
  codeTableFile: string | undefined;
  private codeTableWatch: Disposable | undefined;
  /** Reloads started that have not yet come to checking the open documents (see `checksOpenDocuments`). */
  private beforeOpenChecks = 0;
  /** Checks the open documents, for a reload that failed or stopped before it came to them. */
  checkOpenDocuments: () => void = () => {};

  constructor(
    private readonly session: Session,
    private readonly checks: Checks,
    private readonly publisher: Publisher,
  ) {}

  /** Registers for the `steward` settings, when the client pulls configuration. */
  async register(): Promise<void> {
    if (this.canPullConfiguration)
      await this.session.connection.client.register(DidChangeConfigurationNotification.type, { section: 'steward' });
  }

  /**
   * Whether a reload under way will check the open documents with the service it is building: a document opened
   * meanwhile need not be checked by the old one (the reload would stop that check and start it again from scratch,
   * which made the first diagnostics of a large file opened at start-up cost two checks' time).
   */
  get checksOpenDocuments(): boolean {
    return this.beforeOpenChecks > 0;
  }

  /**
   * Reads settings and the workspace configuration, rebuilds the service, indexes the workspace. `first` runs
   * before, with the open documents' checks already left to this reload (the registrations of start-up).
   */
  async reload(first?: () => Promise<void>): Promise<void> {
    this.beforeOpenChecks++;
    let waiting = true;
    const begin = () => {
      if (waiting) this.beforeOpenChecks--;
      waiting = false;
    };
    try {
      await first?.();
      await this.reloadNow(begin);
    } finally {
      if (waiting) {
        begin();
        // Stopped before the open documents (an error, a newer reload): unless another reload will, check them.
        if (!this.checksOpenDocuments) this.checkOpenDocuments();
      }
    }
  }

  private async reloadNow(begin: () => void): Promise<void> {
    const generation = ++this.generation;
    const { session } = this;
    let settings = session.settings;
    if (this.canPullConfiguration) {
      const read = settingsFrom(await session.connection.workspace.getConfiguration('steward'));
      for (const problem of read.problems) session.connection.console.warn(problem);
      settings = read.settings;
    }
    session.settings = settings; // the configuration's warnings are in the new settings' language
    session.configure(settings, configFrom(settings, this.readConfig()));
    session.service = session.createService({
      incremental: true,
      codeTable: this.readCodeTable(),
      config: session.config,
      configPath: (uri) => session.relativePath(uri),
    });
    const before = [...session.known];
    session.known.clear();
    this.checks.cancelAll();
    this.publisher.reset();
    await this.watchCodeTable(this.codeTablePath());
    await this.index(generation, begin);
    // Files no longer ours (a new .stewardignore, ignores or files): their diagnostics go.
    if (generation === this.generation)
      for (const uri of before) if (!session.known.has(uri)) this.publisher.clear(uri);
  }

  /** A disk file that could not be read (a FIFO, a device, over the limit...): said in the log, then left out. */
  skipped(uri: string, finding: Finding): void {
    const file = URI.parse(uri).fsPath;
    this.session.connection.console.warn(`${file}: ${finding.message[this.session.locale]} (${finding.ruleId})`);
  }

  private readConfig(): StewardConfig {
    const { session } = this;
    this.configFolder = undefined;
    for (const folder of session.folders) {
      const file = configIn(folder);
      if (!file) continue;
      const read = readConfigFile(file, file, { maxBytes: MAX_DISK_FILE_BYTES });
      if (!read.ok) {
        const reason = typeof read.reason === 'string' ? read.reason : read.reason.message[session.locale];
        session.connection.console.warn(`${file}: ${reason}`);
        return EMPTY_CONFIG;
      }
      this.configFolder = folder;
      for (const finding of read.findings) {
        session.connection.console.warn(
          `${file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}: ${finding.message[session.locale]}`,
        );
      }
      return read.config;
    }
    return EMPTY_CONFIG;
  }

  /** The code table file of the configuration, watched while it is (a change or deletion reloads). */
  private async watchCodeTable(file: string | undefined): Promise<void> {
    if (!this.canWatchFiles || file === this.codeTableFile) return;
    this.codeTableFile = file;
    const previous = this.codeTableWatch;
    this.codeTableWatch = undefined;
    previous?.dispose();
    if (!file) return;
    this.codeTableWatch = await this.session.connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: `**/${path.basename(file)}` }],
    });
  }

  /** The configured code table's path: the editor setting relative to the first folder, the configuration's to its own. */
  private codeTablePath(): string | undefined {
    const { session } = this;
    const configured = session.config.codeTable;
    if (!configured || !session.trusted) return undefined;
    const base = session.settings.codeTable ? session.folders[0] : this.configFolder;
    return path.resolve(base ?? session.folders[0] ?? process.cwd(), configured);
  }

  private readCodeTable(): CodeTable | undefined {
    const { session } = this;
    const configured = session.config.codeTable;
    if (!configured) return undefined;
    const locale = session.locale;
    if (!session.trusted) {
      session.connection.console.info(
        locale === 'zh-CN'
          ? `工作区不受信任：不读取配置的资产分类代码表 ${configured}，使用内置代码表`
          : `The workspace is not trusted: the configured code table ${configured} is not read; the built-in table is used`,
      );
      return undefined;
    }
    const fromSettings = Boolean(session.settings.codeTable);
    const file = this.codeTablePath()!;
    // The configuration's table stays in its folder up to the read itself; the user's own setting may be anywhere.
    const within = fromSettings ? undefined : this.configFolder;
    const read = readCodeTableFile(file, file, { maxBytes: MAX_DISK_FILE_BYTES, within });
    if (!read.ok) {
      const reason = typeof read.reason === 'string' ? read.reason : read.reason.message[locale];
      const message =
        locale === 'zh-CN'
          ? `无法读取资产分类代码表 ${file}：${reason}`
          : `Cannot read the code table ${file}: ${reason}`;
      void session.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
      return undefined;
    }
    for (const problem of read.problems)
      session.connection.console.warn(`${file}:${problem.line}:${problem.column}: ${problem.message[locale]}`);
    if (read.omitted > 0)
      session.connection.console.warn(
        locale === 'zh-CN'
          ? `${file}：另有 ${read.omitted} 个代码表问题未显示`
          : `${file}: ${read.omitted} more code table problems not shown`,
      );
    return read.table;
  }

  /**
   * Whether a file on disk is left out: by its workspace folder's `.stewardignore`, or by the configuration's
   * `ignores` (relative to the folder that holds the configuration), as `steward validate` leaves it out.
   */
  isIgnored(file: string): boolean {
    const owner = this.session.rootOf(URI.file(file).toString());
    return this.ignoreTests.some(({ folder, ignored }) => folder === owner && ignored(file));
  }

  private readIgnores(): void {
    const { session } = this;
    const configFolder = session.folders.find((folder) => configIn(folder));
    this.ignoreTests = session.folders.map((folder) => ({
      folder,
      ignored: loadIgnores(folder, folder === configFolder ? session.config.ignores : []),
    }));
  }

  /** Indexes every steward file of the workspace folders, reporting progress, then publishes all diagnostics. */
  private async index(generation: number, begin: () => void): Promise<void> {
    const { session } = this;
    if (generation !== this.generation) return;
    begin();
    // Open documents first, so that requests answered while the disk is read already see them.
    for (const document of session.documents.all()) {
      if (!session.isSteward(document.uri, document.text)) continue;
      await this.checks.checkOpen(document);
      if (generation !== this.generation) return;
    }
    this.readIgnores();
    const files = listWorkspaceFiles(session.folders, session.fileGlobs()).filter((file) => !this.isIgnored(file));
    const progress = await session.connection.window.createWorkDoneProgress();
    progress.begin(
      session.locale === 'zh-CN' ? '正在索引数据资产文件' : 'Indexing data asset files',
      0,
      `0/${files.length}`,
      false,
    );
    let done = 0;
    for (const file of files) {
      if (generation !== this.generation) break;
      const uri = URI.file(file).toString();
      if (!session.documents.get(uri)) {
        const read = readTextFile(file, { maxBytes: MAX_DISK_FILE_BYTES });
        // Files no editor shows keep their findings and index entries, not their trees.
        if (read.ok) await this.checks.checkDisk(uri, read.text);
        else this.skipped(uri, read.finding);
      }
      done++;
      if (done % 50 === 0) {
        progress.report(Math.round((done / files.length) * 100), `${done}/${files.length}`);
        await new Promise((resolve) => setImmediate(resolve)); // let edits and requests in between files
      }
    }
    progress.done();
    this.publisher.publishAll();
  }
}
