/** Shared by the extension-host tests: the example workspace, waiting on diagnostics, editing and settings. */
import * as vscode from 'vscode';
import { currentTest, screenshotFailure } from './failure-screen';

export const EXTENSION_ID = 'data-asset-steward.data-asset-steward';

/** How long a test waits for the language server to react (startup and indexing included). */
export const WAIT_MS = 30_000;

/** The workspace the runner opened: a copy of examples/. */
export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open; the runner opens a copy of examples/');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Activates the extension under test (it activates by itself on the workspace; this also waits for it). */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  const api = (await extension.activate()) as { activationMs: number; ready: Promise<void> };
  await api.ready;
  return extension;
}

export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return String(typeof code === 'object' ? code.value : code);
}

function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(
    diagnostics.map((d) => [
      ruleIdOf(d),
      d.range.start.line + 1,
      d.range.start.character + 1,
      d.severity,
      d.message.slice(0, 80),
    ]),
  );
}

/**
 * The diagnostics of `uri` once `accept` holds for them: checked now and on every diagnostics change, failing
 * after `timeoutMs` with what was last seen.
 */
export function diagnosticsWhen(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      finish();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(
        new Error(
          `${what}: not seen within ${timeoutMs} ms for ${vscode.workspace.asRelativePath(uri)}; last diagnostics: ${describe(vscode.languages.getDiagnostics(uri))}`,
        ),
      );
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

/** Diagnostics other than DA-REF-002 (the one-problem example catalogs define resources no asset uses). */
export function withoutUnusedResourceNotes(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((d) => ruleIdOf(d) !== 'DA-REF-002');
}

/** Opens a workspace file in an editor, runs `body`, then reverts and closes it so the next test sees the file. */
export async function withEditor<T>(segments: string[], body: (editor: vscode.TextEditor) => Promise<T>): Promise<T> {
  const test = currentTest();
  const document = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  const editor = await vscode.window.showTextDocument(document);
  try {
    return await body(editor);
  } catch (error) {
    // The failure's screenshot while the editor still shows it: the cleanup below reverts and closes it.
    await screenshotFailure(test);
    throw error;
  } finally {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  }
}

/** Line index of the `occurrence`-th line (0-based) that contains `text`. */
export function lineOf(document: vscode.TextDocument, text: string, occurrence = 0): number {
  let seen = 0;
  for (let line = 0; line < document.lineCount; line++) {
    if (document.lineAt(line).text.includes(text) && seen++ === occurrence) return line;
  }
  throw new Error(
    `${vscode.workspace.asRelativePath(document.uri)} has no line #${occurrence + 1} containing ${JSON.stringify(text)}`,
  );
}

/** Replaces the whole of one line's text (not its line break), as typing would. */
export async function replaceLine(editor: vscode.TextEditor, line: number, text: string): Promise<void> {
  const range = editor.document.lineAt(line).range;
  const applied = await editor.edit((builder) => builder.replace(range, text));
  if (!applied) throw new Error(`the edit of line ${line + 1} was not applied`);
}

/** Deletes one whole line, line break included. */
export async function deleteLine(editor: vscode.TextEditor, line: number): Promise<void> {
  const applied = await editor.edit((builder) => builder.delete(editor.document.lineAt(line).rangeIncludingLineBreak));
  if (!applied) throw new Error(`the deletion of line ${line + 1} was not applied`);
}

/** Sets a `steward.*` user setting (undefined removes it), as the Settings editor would. */
export async function setStewardSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('steward').update(key, value, vscode.ConfigurationTarget.Global);
}
