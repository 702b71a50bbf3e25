/** Requests answered from the service: completion, hover, symbols, navigation, rename and code actions. */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { toDiagnostic } from './convert';
import type { Faults } from './faults';
import type { Session } from './session';

export function registerFeatures(session: Session, faults: Faults): void {
  const connection = guardedHandlers(session, faults);

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

/**
 * The connection's request registrations, each handler wrapped: an exception (a bug) is logged with its stack and
 * answered with a JSON-RPC internal error in the user's words, never with the exception's own text.
 */
function guardedHandlers(session: Session, faults: Faults) {
  const { connection } = session;
  const guard =
    <P extends { textDocument: { uri: string } }, R>(method: string, handler: (params: P) => R) =>
    (params: P): R => {
      try {
        return handler(params);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        faults.internalError(params.textDocument.uri, error);
        throw new ResponseError(ErrorCodes.InternalError, faults.requestFailed(method));
      }
    };
  type On<P, R> = (handler: (params: P) => R) => unknown;
  const wrap =
    <P extends { textDocument: { uri: string } }, R>(method: string, on: On<P, R>) =>
    (handler: (params: P) => R) =>
      on(guard(method, handler));
  return {
    onCompletion: wrap('textDocument/completion', connection.onCompletion.bind(connection)),
    onHover: wrap('textDocument/hover', connection.onHover.bind(connection)),
    onDocumentSymbol: wrap('textDocument/documentSymbol', connection.onDocumentSymbol.bind(connection)),
    onDefinition: wrap('textDocument/definition', connection.onDefinition.bind(connection)),
    onReferences: wrap('textDocument/references', connection.onReferences.bind(connection)),
    onPrepareRename: wrap('textDocument/prepareRename', connection.onPrepareRename.bind(connection)),
    onRenameRequest: wrap('textDocument/rename', connection.onRenameRequest.bind(connection)),
    onCodeAction: wrap('textDocument/codeAction', connection.onCodeAction.bind(connection)),
  };
}
