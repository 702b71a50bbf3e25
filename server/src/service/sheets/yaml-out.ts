/**
 * The YAML `steward import` writes, in the style of examples/: block style, two-space indentation, keys in the
 * schema's order, a comment above each item naming the sheet and row it came from, strings quoted where YAML would
 * read them as something else (0012, yes, 2024-03-01 in a text field, `#`, `: `). It also records, for each line
 * holding a value, the cell the value came from, so that findings can name it. Pure.
 */

/** Where an item (or a child entry, or a document's unit) came from: its row, and each field's column letter. */
export interface Origin {
  sheet: string;
  /** 1-based row number. */
  row: number;
  /** Field path (dotted, relative to the object) → column letter. */
  columns: ReadonlyMap<string, string>;
}

/** Where each line of a written file came from. */
export interface YamlSources {
  /** The source cell of a 0-based line (`Sheet1!F23`, or `Sheet1!23:23` for the row), if any. */
  cellAt(line: number): string | undefined;
  /** The 0-based line of a field's value in the object that came from `origin`, if written. */
  lineOf(origin: Origin, field: string): number | undefined;
}

const RESERVED = /^(?:~|null|true|false|yes|no|on|off|y|n)$/i;
const NUMBER_LIKE =
  /^[-+]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d+)(?:[eE][-+]?\d+)?$|^0[xob]|^[-+]?\.(?:inf|nan)$|^\d+(?::\d+)+$/i;
const DATE_LIKE = /^\d{4}-\d\d?-\d\d?(?:$|[Tt ])/;

/** A string as a YAML scalar: plain where YAML reads it back as the same string, else double-quoted. */
export function yamlString(value: string, dateField = false): string {
  const plain =
    value !== '' &&
    value === value.trim() &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) &&
    !/[\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(value) &&
    !/:(?:\s|$)|\s#/.test(value) &&
    !RESERVED.test(value) &&
    !NUMBER_LIKE.test(value) &&
    (dateField ? /^\d{4}-\d\d-\d\d$/.test(value) || !DATE_LIKE.test(value) : !DATE_LIKE.test(value));
  return plain ? value : JSON.stringify(value);
}

function scalar(value: unknown, dateField: boolean): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (typeof value === 'boolean') return String(value);
  return yamlString(String(value), dateField);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface YamlDocument {
  /** Comment lines (without `# `) above the document. */
  comments: string[];
  data: Record<string, unknown>;
  /** Comments placed after a key of the document (`unit` → 单位信息待填写 …). */
  keyComments?: Record<string, string>;
}

/**
 * The source of each written line, compactly (the 50,000-resource bench catalog is 1.2 million lines): per line,
 * an index into the origins met (-1: none) and one into the field paths met (0: none).
 */
class LineSources {
  private origin = new Int32Array(1024);
  private field = new Uint16Array(1024);
  private count = 0;
  private readonly origins: Origin[] = [];
  private readonly fields: Array<string | undefined> = [undefined];
  private readonly fieldIds = new Map<string, number>();
  /** Each origin's first and last line, made on the first `lineOf`. */
  private spans?: Map<Origin, { first: number; last: number }>;

  add(origin: Origin | undefined, field: string | undefined): void {
    if (this.count === this.origin.length) this.grow();
    this.origin[this.count] = origin ? this.originId(origin) : -1;
    this.field[this.count++] = field === undefined ? 0 : this.fieldId(field);
  }

  cellAt(line: number): string | undefined {
    if (!(line >= 0 && line < this.count) || this.origin[line] < 0) return undefined;
    const origin = this.origins[this.origin[line]];
    const letter = origin.columns.get(this.fields[this.field[line]] ?? '');
    return letter ? `${origin.sheet}!${letter}${origin.row}` : `${origin.sheet}!${origin.row}:${origin.row}`;
  }

  lineOf(origin: Origin, field: string): number | undefined {
    const id = this.fieldIds.get(field);
    const span = this.spansOf().get(origin);
    if (id === undefined || !span) return undefined;
    for (let line = span.first; line <= span.last; line++)
      if (this.field[line] === id && this.origins[this.origin[line]] === origin) return line;
    return undefined;
  }

  /** Lets the room kept for more lines go. */
  trim(): void {
    this.origin = this.origin.slice(0, this.count);
    this.field = this.field.slice(0, this.count);
  }

  private grow(): void {
    const size = Math.max(1024, this.count * 2);
    const origins = new Int32Array(size);
    origins.set(this.origin);
    this.origin = origins;
    const fields = new Uint16Array(size);
    fields.set(this.field);
    this.field = fields;
  }

  /** An origin's lines mostly follow each other: a new entry when it is not the previous line's. */
  private originId(origin: Origin): number {
    if (this.origins.at(-1) !== origin) this.origins.push(origin);
    return this.origins.length - 1;
  }

  /** More field paths than a Uint16 holds cannot come from a sheet's columns; any beyond go unrecorded. */
  private fieldId(field: string): number {
    let id = this.fieldIds.get(field);
    if (id === undefined && this.fields.length < 0xffff) {
      id = this.fields.push(field) - 1;
      this.fieldIds.set(field, id);
    }
    return id ?? 0;
  }

  private spansOf(): Map<Origin, { first: number; last: number }> {
    if (!this.spans) {
      this.spans = new Map();
      for (let line = 0; line < this.count; line++) {
        if (this.origin[line] < 0) continue;
        const origin = this.origins[this.origin[line]];
        const span = this.spans.get(origin);
        if (span) span.last = line;
        else this.spans.set(origin, { first: line, last: line });
      }
    }
    return this.spans;
  }
}

/**
 * Writes the documents of one file (separated by `---`), giving the text to `write` in pieces (an item each, in
 * order: a large file's text need not be held whole), and returns the source cell of each line. With `release`,
 * each element of a document's top-level lists (its resources or assets) is let go once written: the documents
 * are spent, and a large file's items and its text are not held at once.
 */
export function writeYaml(
  documents: readonly YamlDocument[],
  origins: WeakMap<object, Origin>,
  dateFields: ReadonlySet<string>,
  write: (piece: string) => void,
  release = false,
): YamlSources {
  const lines: string[] = [];
  const sources = new LineSources();
  const push = (text: string, origin?: Origin, field?: string) => {
    lines.push(text);
    sources.add(origin, field);
  };
  const endPiece = () => {
    lines.push('');
    write(lines.join('\n'));
    lines.length = 0;
  };
  const comment = (pad: string, origin: Origin) => push(`${pad}# 来源：${origin.sheet}!第 ${origin.row} 行`);

  /** A list's elements below its key: objects as `- key: value` blocks under their source comment, or scalars. */
  const writeElements = (list: unknown[], indent: number, origin: Origin | undefined, field: string, top = false) => {
    const pad = ' '.repeat(indent);
    for (let index = 0; index < list.length; index++) {
      const element = list[index];
      if (isObject(element)) {
        const own = origins.get(element);
        if (own) comment(`${pad}  `, own);
        writeMap(element, indent + 4, own ?? origin, own ? '' : `${field}.`, `${pad}  - `);
        if (top) {
          endPiece();
          if (release) list[index] = undefined;
        }
      } else push(`${pad}  - ${scalar(element, false)}`, origin, field);
    }
  };

  /** One map's entries; `first` replaces the indentation of the first line (`- ` of a list element). */
  const writeMap = (map: Record<string, unknown>, indent: number, origin?: Origin, prefix = '', first?: string) => {
    let lead: string | undefined = first;
    const pad = ' '.repeat(indent);
    for (const [key, value] of Object.entries(map)) {
      if (value === undefined) continue;
      const start = lead ?? pad;
      lead = undefined;
      const field = prefix + key;
      if (isObject(value)) {
        push(`${start}${key}:`, origin, field);
        writeMap(value, indent + 2, origin, `${field}.`);
      } else if (Array.isArray(value)) {
        push(`${start}${key}:`, origin, field);
        writeElements(value, indent, origin, field);
      } else {
        push(`${start}${key}: ${scalar(value, dateFields.has(key))}`, origin, field);
      }
    }
  };

  documents.forEach((document, index) => {
    if (index > 0) push('---');
    for (const line of document.comments) push(line === '' ? '#' : `# ${line}`);
    const top = origins.get(document.data);
    for (const [key, value] of Object.entries(document.data)) {
      if (value === undefined) continue;
      const note = document.keyComments?.[key] ? `  # ${document.keyComments[key]}` : '';
      if (isObject(value)) {
        const own = origins.get(value) ?? top;
        push(`${key}:${note}`, own, own === top ? key : undefined);
        writeMap(value, 2, own, own === top ? `${key}.` : '');
      } else if (Array.isArray(value)) {
        push(`${key}:${note}`);
        writeElements(value, 0, undefined, key, true);
      } else push(`${key}: ${scalar(value, dateFields.has(key))}${note}`, top, key);
    }
  });
  endPiece();
  sources.trim();
  return { cellAt: (line) => sources.cellAt(line), lineOf: (origin, field) => sources.lineOf(origin, field) };
}
