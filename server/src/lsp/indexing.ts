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
import type { CodeTable, StewardConfig } from '../service';
import { readCodeTableFile } from '../host/code-table';
import { configIn, readConfigFile } from '../host/config';
import { listWorkspaceFiles } from '../host/discover';
import { readTextFile } from '../host/read';
import type { Checks } from './checks';
import type { Publisher } from './publish';
import type { Session } from './session';
import { configFrom, MAX_DISK_FILE_BYTES, settingsFrom } from './settings';

export class Indexer {
  /** Moves with every reload: an indexing of an older one stops. */
  private generation = 0;
  canPullConfiguration = false;
  canWatchFiles = false;
  /** The code table file the service was built with (undefined: the built-in table). */
  codeTableFile: string | undefined;
  private codeTableWatch: Disposable | undefined;

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

  /** Reads settings and the workspace configuration, rebuilds the service, indexes the workspace. */
  async reload(): Promise<void> {
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
    session.known.clear();
    this.checks.cancelAll();
    this.publisher.reset();
    await this.watchCodeTable(this.codeTablePath());
    await this.index(generation);
  }

  private readConfig(): StewardConfig {
    const { session } = this;
    for (const folder of session.folders) {
      const file = configIn(folder);
      if (!file) continue;
      const read = readConfigFile(file, file);
      if (!read.ok) return EMPTY_CONFIG;
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

  private codeTablePath(): string | undefined {
    const { session } = this;
    const configured = session.config.codeTable;
    if (!configured) return undefined;
    return path.isAbsolute(configured) ? configured : path.join(session.folders[0] ?? process.cwd(), configured);
  }

  private readCodeTable(): CodeTable | undefined {
    const { session } = this;
    const file = this.codeTablePath();
    if (!file) return undefined;
    const read = readCodeTableFile(file, file);
    const locale = session.locale;
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
    return read.table;
  }

  /** Indexes every steward file of the workspace folders, reporting progress, then publishes all diagnostics. */
  private async index(generation: number): Promise<void> {
    const { session } = this;
    // Open documents first, so that requests answered while the disk is read already see them.
    for (const document of session.documents.all()) {
      if (!session.isSteward(document.uri, document.text)) continue;
      await this.checks.checkOpen(document);
      if (generation !== this.generation) return;
    }
    const files = listWorkspaceFiles(session.folders, session.fileGlobs());
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
