/** The lines of one parse as completion reads them: their texts, their shapes, and where top-level items open. */
import type { StewardDocument } from '../parser/model';
import { ITEM_LIST_KEY } from '../parser/model';
import { indentOf, shapeOf } from '../parser/line-shape';
import type { LineShape } from '../parser/line-shape';

export interface ItemLine {
  /** The item list's key (`resources`, `assets`). */
  key: string;
  index: number;
  /** Column of the item's `-`. */
  column: number;
}

/** Line texts and shapes of one version of a file; shapes are cached with the file (a parse is immutable). */
export class DocumentLines {
  private readonly shapes = new Map<number, LineShape>();
  private items: Map<number, ItemLine> | undefined;

  constructor(private readonly file: StewardDocument) {}

  get count(): number {
    return this.file.lines.lineCount;
  }

  /** The line that holds `offset`. */
  lineOf(offset: number): number {
    return this.file.lines.positionAt(offset).line;
  }

  start(line: number): number {
    return this.file.lines.lineStart(line);
  }

  text(line: number): string {
    const start = this.start(line);
    const end = line + 1 < this.count ? this.start(line + 1) : this.file.text.length;
    return this.file.text.slice(start, end).replace(/\r?\n$|\r$/, '');
  }

  /**
   * The top-level item (resource or asset) whose `-` opens `line`, from the parse: its list key, index and the
   * column of its `-`. Lets the cursor's path be found without reading every item above it.
   */
  itemAt(line: number): ItemLine | undefined {
    if (!this.items) this.items = this.itemLines();
    return this.items.get(line);
  }

  private itemLines(): Map<number, ItemLine> {
    const items = new Map<number, ItemLine>();
    for (const document of this.file.documents) {
      if (!document.kind) continue;
      const key = ITEM_LIST_KEY[document.kind];
      document.items.forEach((item, index) => {
        const at = this.file.lines.positionAt(item.span.start);
        const text = this.text(at.line);
        const column = indentOf(text, 0, text.length);
        if (text[column] === '-') items.set(at.line, { key, index, column });
      });
    }
    return items;
  }

  shape(line: number): LineShape {
    let shape = this.shapes.get(line);
    if (!shape) {
      shape = shapeOf(this.text(line));
      this.shapes.set(line, shape);
    }
    return shape;
  }
}

// A memo per parse (immutable), gone with it: requests on one version reuse its item lines, a pass over every item.
const linesOfParse = new WeakMap<StewardDocument, DocumentLines>();

export function documentLines(file: StewardDocument): DocumentLines {
  let lines = linesOfParse.get(file);
  if (!lines) {
    lines = new DocumentLines(file);
    linesOfParse.set(file, lines);
  }
  return lines;
}
