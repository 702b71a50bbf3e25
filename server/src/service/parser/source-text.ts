/**
 * The text the parser and the service read: a string, or an open document kept in pieces (source.ts PieceText).
 * Its own module, so that the line index (lines.ts) and the piece table (source.ts) can both use it.
 */
export interface SourceText {
  readonly length: number;
  charCodeAt(index: number): number;
  /** As String.prototype.slice. */
  slice(start?: number, end?: number): string;
  indexOf(search: string, position?: number): number;
  lastIndexOf(search: string, position?: number): number;
  /** The whole text as one string. */
  toString(): string;
}
