/** Bad spreadsheet input as the user reads it. Pure (no `vscode` import), so the Node tests check it. */
import { SHEET_INPUT_ERROR } from '../../server/src/protocol';
import type { SheetPlace } from '../../server/src/protocol';

/**
 * The message of a SHEET_INPUT_ERROR answer, naming the sheet and cell the server gave when the message does not
 * already; undefined for any other error.
 */
export function sheetErrorText(error: unknown): string | undefined {
  const { code, message, data } = (error ?? {}) as { code?: unknown; message?: unknown; data?: unknown };
  if (code !== SHEET_INPUT_ERROR || typeof message !== 'string') return undefined;
  const where = data as SheetPlace | undefined;
  const cell = where?.sheet ? `${where.sheet}${where.cell ? `!${where.cell}` : ''}` : where?.cell;
  return cell && !message.includes(cell) ? `${message} (${cell})` : message;
}
