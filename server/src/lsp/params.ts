/**
 * The shapes of the params the server reads, checked before any handler runs (transport.ts): a position is two
 * integers from 0 to 2^31 − 1 (LSP's uinteger), a uri a string, and so on. A position past the end of a line or of
 * the document is valid LSP (it stops at the line's or the text's end, as vscode-languageserver-textdocument does);
 * a fractional, negative or non-numeric one is not, and would corrupt the server's copy of the document.
 */

/** A problem with the value at `at`, in words, or undefined. */
type Check = (value: unknown, at: string) => string | undefined;

const MAX_UINTEGER = 2 ** 31 - 1;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const shown = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

const string: Check = (value, at) =>
  typeof value === 'string' ? undefined : `${at} must be a string, not ${shown(value)}`;
const boolean: Check = (value, at) =>
  typeof value === 'boolean' ? undefined : `${at} must be true or false, not ${shown(value)}`;
const integer: Check = (value, at) =>
  Number.isInteger(value) ? undefined : `${at} must be an integer, not ${shown(value)}`;
const uinteger: Check = (value, at) =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_UINTEGER
    ? undefined
    : `${at} must be an integer from 0 to ${MAX_UINTEGER}, not ${shown(value)}`;
const anything: Check = () => undefined;

const optional =
  (check: Check): Check =>
  (value, at) =>
    value === undefined ? undefined : check(value, at);
const nullable =
  (check: Check): Check =>
  (value, at) =>
    value === null ? undefined : check(value, at);

function object(fields: Record<string, Check>): Check {
  return (value, at) => {
    if (!isObject(value)) return `${at} must be an object, not ${shown(value)}`;
    for (const [key, check] of Object.entries(fields)) {
      const problem = check(value[key], `${at}.${key}`);
      if (problem) return problem;
    }
    return undefined;
  };
}

function array(check: Check): Check {
  return (value, at) => {
    if (!Array.isArray(value)) return `${at} must be an array, not ${shown(value)}`;
    for (let i = 0; i < value.length; i++) {
      const problem = check(value[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };
}

const oneOf =
  (values: readonly unknown[]): Check =>
  (value, at) =>
    values.includes(value) ? undefined : `${at} must be one of ${values.join(', ')}, not ${shown(value)}`;

const position = object({ line: uinteger, character: uinteger });
const range = object({ start: position, end: position });
const textDocument = object({ uri: string });
const atPosition = object({ textDocument, position });
const requestId: Check = (value, at) =>
  typeof value === 'string' || Number.isInteger(value) ? undefined : `${at} must be an integer or a string`;

/** A content change: a range and its new text, or the whole new text. */
const contentChange: Check = (value, at) =>
  isObject(value) && value.range !== undefined
    ? object({ range, rangeLength: optional(uinteger), text: string })(value, at)
    : object({ text: string })(value, at);

const PARAMS = new Map<string, Check>(
  Object.entries({
    initialize: object({
      processId: optional(nullable(integer)),
      rootUri: optional(nullable(string)),
      workspaceFolders: optional(nullable(array(object({ uri: string, name: string })))),
      locale: optional(string),
      capabilities: object({}),
    }),
    'textDocument/didOpen': object({
      textDocument: object({ uri: string, languageId: string, version: integer, text: string }),
    }),
    'textDocument/didChange': object({
      textDocument: object({ uri: string, version: integer }),
      contentChanges: array(contentChange),
    }),
    'textDocument/didSave': object({ textDocument, text: optional(string) }),
    'textDocument/didClose': object({ textDocument }),
    'textDocument/completion': object({
      textDocument,
      position,
      context: optional(object({ triggerKind: integer, triggerCharacter: optional(string) })),
    }),
    'textDocument/hover': atPosition,
    'textDocument/definition': atPosition,
    'textDocument/prepareRename': atPosition,
    'textDocument/references': object({ textDocument, position, context: object({ includeDeclaration: boolean }) }),
    'textDocument/rename': object({ textDocument, position, newName: string }),
    'textDocument/documentSymbol': object({ textDocument }),
    'textDocument/codeAction': object({
      textDocument,
      range,
      context: object({
        diagnostics: array(object({ range, message: string })),
        only: optional(array(string)),
        triggerKind: optional(integer),
      }),
    }),
    'workspace/didChangeWatchedFiles': object({ changes: array(object({ uri: string, type: oneOf([1, 2, 3]) })) }),
    'workspace/didChangeConfiguration': object({ settings: anything }),
    'steward/fileState': object({ uri: string }),
    '$/cancelRequest': object({ id: requestId }),
  }),
);

/** What is wrong with a message's params, or undefined (methods not listed are not checked). */
export function problemIn(method: string, params: unknown): string | undefined {
  return PARAMS.get(method)?.(params, 'params');
}
