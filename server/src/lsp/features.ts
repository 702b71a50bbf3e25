/** Requests answered from the service: completion, hover, symbols, navigation, rename and code actions. */
import { ResponseError } from 'vscode-languageserver/node';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { toDiagnostic } from './convert';
import type { Session } from './session';

export function registerFeatures(session: Session): void {
  const { connection } = session;

  connection.onCompletion((params) =>
    session.service.complete(params.textDocument.uri, params.position, session.locale),
  );
  connection.onHover((params) => session.service.hover(params.textDocument.uri, params.position, session.locale));
  connection.onDocumentSymbol((params) =>
    session.service.documentSymbols(params.textDocument.uri, session.locale, session.outlineItems),
  );
  connection.onDefinition((params) => session.service.definition(params.textDocument.uri, params.position));
  connection.onReferences((params) =>
    session.service.references(params.textDocument.uri, params.position, params.context.includeDeclaration),
  );
  connection.onPrepareRename((params) => session.service.prepareRename(params.textDocument.uri, params.position));
  connection.onRenameRequest((params) => {
    const result = session.service.rename(params.textDocument.uri, params.position, params.newName);
    if ('error' in result) throw new ResponseError(-32803, result.error[session.locale]);
    return result;
  });

  connection.onCodeAction((params) => {
    const uri = params.textDocument.uri;
    const actions = session.service.codeActions(uri, params.range, session.locale, params.context.only);
    return actions.map(({ action, findings }): CodeAction => {
      // The client matches actions to its diagnostics by range, code and message: send them as published.
      const diagnostics: Diagnostic[] = findings.map((finding) => toDiagnostic(finding, session.locale));
      return diagnostics.length > 0 ? { ...action, diagnostics } : action;
    });
  });
}
