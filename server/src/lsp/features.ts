/** Requests answered from the service: code actions, symbols, navigation, rename (completion and hover too). */
import { ResponseError } from 'vscode-languageserver/node';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import type { ServerState } from '../server';
import { toDiagnostic } from './convert';

export function registerFeatures(state: ServerState): void {
  const { connection } = state;

  connection.onCompletion((params) => state.service.complete(params.textDocument.uri, params.position, state.locale));
  connection.onHover((params) => state.service.hover(params.textDocument.uri, params.position, state.locale));
  connection.onDocumentSymbol((params) => state.service.documentSymbols(params.textDocument.uri, state.locale, state.outlineItems));
  connection.onDefinition((params) => state.service.definition(params.textDocument.uri, params.position));
  connection.onReferences((params) => state.service.references(params.textDocument.uri, params.position, params.context.includeDeclaration));
  connection.onPrepareRename((params) => state.service.prepareRename(params.textDocument.uri, params.position));
  connection.onRenameRequest((params) => {
    const result = state.service.rename(params.textDocument.uri, params.position, params.newName);
    if ('error' in result) throw new ResponseError(-32803, result.error[state.locale]);
    return result;
  });

  connection.onCodeAction((params) => {
    const uri = params.textDocument.uri;
    const actions = state.service.codeActions(uri, params.range, state.locale, params.context.only);
    return actions.map(({ action, findings }): CodeAction => {
      // The client matches actions to its diagnostics by range, code and message: send them as published.
      const diagnostics: Diagnostic[] = findings.map((finding) => toDiagnostic(finding, state.locale));
      return diagnostics.length > 0 ? { ...action, diagnostics } : action;
    });
  });
}
