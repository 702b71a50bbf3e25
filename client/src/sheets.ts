/**
 * "Import spreadsheet…" and "Export…": the pickers here, the work in the language server (`workspace/executeCommand`
 * steward.importSheet / steward.exportSheet, the CLI's own code), its `$/progress` shown as a notification, and the
 * result opened. Each command also takes its choices as an argument (other extensions, keybindings and tests call
 * it so); what is missing is asked with the pickers.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExecuteCommandRequest, WorkDoneProgress } from 'vscode-languageclient/node';
import { EXPORT_SHEET_COMMAND, IMPORT_SHEET_COMMAND } from '../../server/src/protocol';
import { sheetErrorText } from './sheet-errors';
import type {
  ExportSheetAnswer,
  ExportSheetArguments,
  ImportSheetAnswer,
  ImportSheetArguments,
} from '../../server/src/protocol';

export type ExportFormat = ExportSheetArguments['format'];

/** What `steward.importSpreadsheet` may be given instead of asking. */
export interface ImportChoices {
  file?: vscode.Uri;
  outDir?: vscode.Uri;
  kind?: 'catalog' | 'register';
  force?: boolean;
  /** The unit the documents belong to when the spreadsheet names none; asked when not given. */
  unit?: ImportSheetArguments['unit'];
}

/** What `steward.exportSpreadsheet` may be given instead of asking. */
export interface ExportChoices {
  paths?: vscode.Uri[];
  format?: ExportFormat;
  out?: vscode.Uri;
}

const EXTENSIONS: Record<ExportFormat, string> = { xlsx: 'xlsx', csv: 'csv', 'dcat-jsonld': 'jsonld' };

export function registerSheetCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('steward.importSpreadsheet', (choices?: ImportChoices | vscode.Uri) =>
      importSpreadsheet(client, choices instanceof vscode.Uri ? { file: choices } : (choices ?? {})),
    ),
    vscode.commands.registerCommand('steward.exportSpreadsheet', (choices?: ExportChoices | vscode.Uri) =>
      exportSpreadsheet(client, choices instanceof vscode.Uri ? { paths: [choices] } : (choices ?? {})),
    ),
  );
}

function firstFolder(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** Runs a sheet command in the server, its work-done progress shown in a notification titled `title`. */
async function runInServer<T>(client: LanguageClient, command: string, argument: object, title: string): Promise<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, async (progress) => {
    const token = `steward-sheet-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const listening = client.onProgress(WorkDoneProgress.type, token, (value) => {
      if (value.kind !== 'end') progress.report({ message: value.message });
    });
    try {
      return (await client.sendRequest(ExecuteCommandRequest.type, {
        command,
        arguments: [argument],
        workDoneToken: token,
      })) as T;
    } finally {
      listening.dispose();
    }
  });
}

/** Tells the user why the command failed (not awaited: the message stays until it is closed). */
function showFailure(error: unknown): void {
  const text = sheetErrorText(error) ?? (error instanceof Error ? error.message : String(error));
  void vscode.window.showErrorMessage(text);
}

/** Imports a spreadsheet; answers what the server did (undefined when cancelled or failed: the user was told). */
async function importSpreadsheet(
  client: LanguageClient,
  choices: ImportChoices,
): Promise<ImportSheetAnswer | undefined> {
  const file =
    choices.file ??
    (
      await vscode.window.showOpenDialog({
        title: vscode.l10n.t('Import a spreadsheet'),
        canSelectMany: false,
        defaultUri: firstFolder(),
        filters: { [vscode.l10n.t('Spreadsheets')]: ['xlsx', 'csv'] },
        openLabel: vscode.l10n.t('Import'),
      })
    )?.[0];
  if (!file) return undefined;
  const outDir =
    choices.outDir ??
    (
      await vscode.window.showOpenDialog({
        title: vscode.l10n.t('Folder for the YAML files'),
        canSelectFiles: false,
        canSelectFolders: true,
        canSelectMany: false,
        defaultUri: firstFolder() ?? vscode.Uri.joinPath(file, '..'),
        openLabel: vscode.l10n.t('Write Here'),
      })
    )?.[0];
  if (!outDir) return undefined;
  const unit = choices.unit ?? (await askUnit(outDir));
  if (!unit) return undefined;
  const argument: ImportSheetArguments = { file: file.fsPath, outDir: outDir.fsPath, unit };
  if (choices.kind) argument.kind = choices.kind;
  if (choices.force) argument.force = true;
  let answer: ImportSheetAnswer;
  try {
    const title = vscode.l10n.t('Importing {0}…', vscode.workspace.asRelativePath(file));
    answer = await runInServer<ImportSheetAnswer>(client, IMPORT_SHEET_COMMAND, argument, title);
  } catch (error) {
    showFailure(error);
    return undefined;
  }
  const first = answer.written[0];
  if (!first) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The spreadsheet held no items to import.'));
    return answer;
  }
  // The first file written, open: its findings are in the Problems panel (the server checks it as any file).
  await vscode.window.showTextDocument(vscode.Uri.file(first));
  const errors = answer.findings.filter((f) => f.finding.severity === 'error').length;
  const message = vscode.l10n.t(
    'Imported {0} items into {1} files; {2} findings ({3} errors).',
    answer.items,
    answer.written.length,
    answer.findings.length,
    errors,
  );
  if (answer.findings.length > 0) await vscode.commands.executeCommand('workbench.actions.view.problems');
  // Not awaited: a message stays until the user closes it, and the command is done.
  void (errors > 0 ? vscode.window.showWarningMessage(message) : vscode.window.showInformationMessage(message));
  return answer;
}

/** A catalog's or register's file name: a folder holding one gives the import its unit (the server reads it). */
const STEWARD_FILE = /\.(catalog|assets)\.ya?ml$/;
/** A unified social credit code's form (GB 32100-2015); the server checks its check character. */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/**
 * The unit of the imported documents, for when the spreadsheet names none. Not asked when `outDir` already holds a
 * catalog or register: the server takes the unit from it. Each answer may be left empty (the spreadsheet names it,
 * or it is filled in later where the YAML says 待填写); undefined when the user cancels.
 */
async function askUnit(outDir: vscode.Uri): Promise<NonNullable<ImportChoices['unit']> | undefined> {
  const entries = await vscode.workspace.fs.readDirectory(outDir).then(
    (found) => found,
    () => [] as Array<[string, vscode.FileType]>,
  );
  if (entries.some(([name, type]) => type === vscode.FileType.File && STEWARD_FILE.test(name))) return {};
  const prompt = vscode.l10n.t('Used when the spreadsheet names no unit; leave empty to fill it in later (待填写).');
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Unit name (单位名称)'),
    prompt,
    ignoreFocusOut: true,
  });
  if (name === undefined) return undefined;
  const code = await vscode.window.showInputBox({
    title: vscode.l10n.t('Unified social credit code (统一社会信用代码)'),
    prompt,
    ignoreFocusOut: true,
    validateInput: (value) =>
      value.trim() === '' || CREDIT_CODE.test(value.trim())
        ? undefined
        : vscode.l10n.t('18 characters: digits and capital letters other than I, O, Z, S and V'),
  });
  if (code === undefined) return undefined;
  const types: Array<vscode.QuickPickItem & { value?: string }> = [
    { label: '行政单位', description: vscode.l10n.t('Administrative unit'), value: '行政单位' },
    { label: '事业单位', description: vscode.l10n.t('Public institution'), value: '事业单位' },
    { label: vscode.l10n.t('Leave empty'), description: prompt },
  ];
  const type = await vscode.window.showQuickPick(types, {
    title: vscode.l10n.t('Unit type (单位类型)'),
    ignoreFocusOut: true,
  });
  if (type === undefined) return undefined;
  const unit: NonNullable<ImportChoices['unit']> = {};
  if (name.trim()) unit.name = name.trim();
  if (code.trim()) unit.code = code.trim();
  if (type.value) unit.type = type.value;
  return unit;
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const items: Array<vscode.QuickPickItem & { format: ExportFormat }> = [
    {
      label: vscode.l10n.t('Excel workbook (.xlsx)'),
      detail: vscode.l10n.t('The asset ledger and the catalog table, one sheet each, with a findings sheet'),
      format: 'xlsx',
    },
    {
      label: vscode.l10n.t('CSV (.csv)'),
      detail: vscode.l10n.t('One UTF-8 file per sheet, named after the file you choose'),
      format: 'csv',
    },
    {
      label: vscode.l10n.t('DCAT JSON-LD (.jsonld)'),
      detail: vscode.l10n.t('The catalog as DCAT-AP 3, for open-data portals'),
      format: 'dcat-jsonld',
    },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export as') });
  return picked?.format;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Exports; answers what the server wrote (undefined when cancelled or failed: the user was told). */
async function exportSpreadsheet(
  client: LanguageClient,
  choices: ExportChoices,
): Promise<ExportSheetAnswer | undefined> {
  const paths = choices.paths ?? vscode.workspace.workspaceFolders?.map((folder) => folder.uri) ?? [];
  if (paths.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder holding catalogs or registers to export.'));
    return undefined;
  }
  const format = choices.format ?? (await pickFormat());
  if (!format) return undefined;
  const name = format === 'dcat-jsonld' ? 'catalog' : 'ledger';
  const out =
    choices.out ??
    (await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export to'),
      defaultUri: vscode.Uri.joinPath(paths[0], `${name}.${EXTENSIONS[format]}`),
      filters: { [format.toUpperCase()]: [EXTENSIONS[format]] },
      saveLabel: vscode.l10n.t('Export'),
    }));
  if (!out) return undefined;
  // The save dialog asked before replacing a file; an argument given by a caller is not replaced.
  const argument: ExportSheetArguments = { paths: paths.map((uri) => uri.fsPath), format, out: out.fsPath };
  if (!choices.out && (await exists(out))) argument.force = true;
  let answer: ExportSheetAnswer;
  try {
    const title = vscode.l10n.t('Exporting to {0}…', vscode.workspace.asRelativePath(out));
    answer = await runInServer<ExportSheetAnswer>(client, EXPORT_SHEET_COMMAND, argument, title);
  } catch (error) {
    showFailure(error);
    return undefined;
  }
  const written = answer.written.map((file) => vscode.Uri.file(file));
  if (format === 'dcat-jsonld' && written[0]) await vscode.window.showTextDocument(written[0]);
  else if (written[0] && vscode.workspace.getWorkspaceFolder(written[0]))
    await vscode.commands.executeCommand('revealInExplorer', written[0]);
  const openFolder = vscode.l10n.t('Open Folder');
  const shown = written.map((uri) => vscode.workspace.asRelativePath(uri)).join(', ');
  // Not awaited: the command is done; the button, if pressed later, shows the folder.
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Exported {0} items to {1}.', answer.items, shown), openFolder)
    .then((choice) => {
      if (choice === openFolder && written[0]) void vscode.commands.executeCommand('revealFileInOS', written[0]);
    });
  return answer;
}
