/** The lines of one parse as completion reads them: their texts, their shapes, and where top-level items open. */
import type { ItemChunk, StewardDocument } from '../parser/model';
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

/** Line texts and shapes of one version of a file, for one request (shapes are read again and again). */
export class DocumentLines {
  private readonly shapes = new Map<number, LineShape>();

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
    const start = this.start(line);
    const end = line + 1 < this.count ? this.start(line + 1) : Infinity;
    let found: { key: string; index: number } | undefined;
    for (const document of this.file.documents) {
      if (!document.kind) continue;
      const index = lastStartingBefore(document.items, end);
      if (index >= 0 && document.items[index].span.start >= start) found = { key: ITEM_LIST_KEY[document.kind], index };
    }
    if (!found) return undefined;
    const text = this.text(line);
    const column = indentOf(text, 0, text.length);
    return text[column] === '-' ? { ...found, column } : undefined;
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

/** The index of the last item that starts before `offset` (items are in text order), or -1. */
function lastStartingBefore(items: readonly ItemChunk[], offset: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (items[mid].span.start < offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}
