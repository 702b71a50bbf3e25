/** Bad spreadsheet input (unreadable, corrupt, encrypted, too large, no header …): the CLI's exit code 2. */
export class SheetInputError extends Error {
  constructor(
    message: string,
    readonly where?: { file: string; sheet?: string; cell?: string; line?: number; column?: number },
  ) {
    super(message);
  }
}
