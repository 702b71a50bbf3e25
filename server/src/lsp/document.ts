/**
 * An open document as the server keeps it: its text in pieces (PieceText), so that a keystroke in a large file
 * replaces one piece instead of building the whole text again (what vscode-languageserver-textdocument does:
 * a new string of the whole file per change, and as much garbage). Implements that package's TextDocument
 * interface, so TextDocuments manages it as it would its own.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { PieceText } from '../service';
import type { TextChange } from '../service';

export class OpenDocument implements TextDocument {
  /** The text's size in UTF-8, kept through edits (measuring a large text joins it: a copy of the whole file). */
  byteLength: number;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    public text: PieceText,
    byteLength?: number,
  ) {
    this.byteLength = byteLength ?? Buffer.byteLength(text.toString());
  }

  static create(uri: string, languageId: string, version: number, content: string): OpenDocument {
    return new OpenDocument(uri, languageId, version, PieceText.from(content), Buffer.byteLength(content));
  }

  get lineCount(): number {
    return this.text.lineCount;
  }

  /** The whole text, joined (avoid on paths taken per keystroke), or a range of it. */
  getText(range?: Range): string {
    if (!range) return this.text.toString();
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  /** The line's range without its line break, as TextDocument gives it. */
  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const last = Math.min(line, this.lineCount - 1);
    const { start, end } = this.text.lineSpan(last);
    return { start: { line: last, character: 0 }, end: { line: last, character: end - start } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lineCount) return '';
    const { end, next } = this.text.lineSpan(line);
    return this.text.slice(end, next);
  }

  positionAt(offset: number): Position {
    return this.text.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.text.offsetAt(position);
  }

  /**
   * Applies change events in order, as TextDocument.update does; returns the change each event made (undefined:
   * the whole text was replaced), in the offsets of the text just before it.
   */
  apply(events: TextDocumentContentChangeEvent[], version: number): Array<TextChange | undefined> {
    const changes: Array<TextChange | undefined> = [];
    for (const event of events) {
      if ('range' in event) {
        const { start, end } = event.range;
        // A range may come with its ends swapped.
        const [from, to] =
          end.line < start.line || (end.line === start.line && end.character < start.character)
            ? [end, start]
            : [start, end];
        const startOffset = this.text.offsetAt(from);
        const endOffset = this.text.offsetAt(to);
        // Exact unless an edit splits a surrogate pair (no editor sends one): each half then counts 3 bytes.
        this.byteLength += Buffer.byteLength(event.text) - Buffer.byteLength(this.text.slice(startOffset, endOffset));
        this.text = this.text.edit(startOffset, endOffset, event.text);
        changes.push({ start: startOffset, oldEnd: endOffset, newEnd: startOffset + event.text.length });
      } else {
        this.text = PieceText.from(event.text);
        this.byteLength = Buffer.byteLength(event.text);
        changes.push(undefined);
      }
    }
    this.version = version;
    return changes;
  }
}
