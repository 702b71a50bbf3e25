/** Bad input or output of `steward import` / `steward export`: a clear message, naming the place when there is one. */
export class SheetInputError extends Error {
  constructor(
    message: string,
    readonly where?: { file: string; sheet?: string; cell?: string; line?: number; column?: number },
  ) {
    super(message);
  }
}
