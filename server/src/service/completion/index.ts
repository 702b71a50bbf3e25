/**
 * Completion: keys of the mapping at the cursor (with snippets for whole blocks), enumerated values,
 * classification codes, catalog resource ids, and rule ids inside waiver comments. Here: the request's
 * dispatch, by the kind of cursor the text shows (block-cursor.ts, flow-cursor.ts) to what is offered there.
 */
import type { CompletionList } from 'vscode-languageserver-types';
import type { DocumentKind } from '../parser/model';
import { documentAt } from '../position';
import { candidateKinds, isClassificationCode } from '../hover';
import { analyze } from './block-cursor';
import { rootEntries } from './containers';
import { DocumentLines } from './document-lines';
import { completeEntry } from './entries';
import type { Builder, CompletionContext } from './items';
import { completeFlowKey } from './keys';
import { completeValue } from './values';
import { completeComment } from './waivers';

export type { CompletionContext } from './items';

export function complete(context: CompletionContext): CompletionList {
  const { file } = context;
  const list: CompletionList = { isIncomplete: false, items: [] };
  if (!Number.isInteger(context.offset) || context.offset < 0 || context.offset > file.text.length) return list;
  const lines = new DocumentLines(file);
  const cursor = analyze(lines, context.offset);
  if (cursor.type === 'none') return list;
  const line = lines.lineOf(context.offset);
  const builder: Builder = {
    context,
    lines,
    kinds: cursor.type === 'comment' ? [] : kindsAt(context, lines, line),
    items: list.items,
  };
  switch (cursor.type) {
    case 'comment':
      completeComment(builder, cursor);
      break;
    case 'entry':
      completeEntry(builder, cursor);
      break;
    case 'flowKey':
      completeFlowKey(builder, cursor);
      break;
    case 'value':
      completeValue(builder, cursor);
      // The code list comes from a search of the table: ask again as the user types.
      if (builder.kinds.length === 1 && isClassificationCode(builder.kinds[0], cursor.path)) list.isIncomplete = true;
      break;
  }
  return list;
}

/** The kinds of document the cursor may be in: the parse's, else the `kind:` written, else by the file's name. */
function kindsAt(context: CompletionContext, lines: DocumentLines, cursorLine: number): DocumentKind[] {
  const fromTree = documentAt(context.file, context.offset)?.kind;
  if (fromTree) return [fromTree];
  const written = rootEntries(lines, cursorLine).get('kind');
  if (written === 'DataResourceCatalog' || written === 'DataAssetRegister') return [written];
  return candidateKinds(undefined, context.file.uri);
}
