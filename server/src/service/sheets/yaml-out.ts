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

/** Lines per block of field ids. */
const BLOCK = 1 << 16;

/**
 * The source of each written line, compactly (the 50,000-resource bench catalog is 1.2 million lines): the lines
 * in runs of one origin each (an item's own lines follow each other), and per line an index into the field paths
 * met (0: none), in blocks that are filled and never copied.
 */
class LineSources {
  /** Each run's origin (undefined: lines of no item, such as `---`) and first line. */
  private readonly runs: Array<Origin | undefined> = [];
  private readonly runStarts: number[] = [];
  private readonly blocks: Uint16Array[] = [];
  private count = 0;
  private readonly fields: Array<string | undefined> = [undefined];
  private readonly fieldIds = new Map<string, number>();
  /** Each origin's first and last run, made on the first `lineOf`. */
  private spans?: Map<Origin, { first: number; last: number }>;

  add(origin: Origin | undefined, field: string | undefined): void {
    if (this.runs.length === 0 || this.runs[this.runs.length - 1] !== origin) {
      this.runs.push(origin);
      this.runStarts.push(this.count);
    }
    if (this.count % BLOCK === 0) this.blocks.push(new Uint16Array(BLOCK));
    this.blocks[this.blocks.length - 1][this.count++ % BLOCK] = field === undefined ? 0 : this.fieldId(field);
  }

  cellAt(line: number): string | undefined {
    if (!(line >= 0 && line < this.count)) return undefined;
    const origin = this.runs[this.runOf(line)];
    if (!origin) return undefined;
    const letter = origin.columns.get(this.fieldAt(line) ?? '');
    return letter ? `${origin.sheet}!${letter}${origin.row}` : `${origin.sheet}!${origin.row}:${origin.row}`;
  }

  lineOf(origin: Origin, field: string): number | undefined {
    const span = this.spansOf().get(origin);
    if (!span || !this.fieldIds.has(field)) return undefined;
    for (let run = span.first; run <= span.last; run++) {
      if (this.runs[run] !== origin) continue;
      const end = run + 1 < this.runs.length ? this.runStarts[run + 1] : this.count;
      for (let line = this.runStarts[run]; line < end; line++) if (this.fieldAt(line) === field) return line;
    }
    return undefined;
  }

  private fieldAt(line: number): string | undefined {
    return this.fields[this.blocks[Math.floor(line / BLOCK)][line % BLOCK]];
  }

  /** The last run starting at or before `line`. */
  private runOf(line: number): number {
    let low = 0;
    let high = this.runStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.runStarts[middle] <= line) low = middle;
      else high = middle - 1;
    }
    return low;
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
      this.runs.forEach((origin, run) => {
        if (!origin) return;
        const span = this.spans!.get(origin);
        if (span) span.last = run;
        else this.spans!.set(origin, { first: run, last: run });
      });
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
  const pads: string[] = [];
  const padOf = (indent: number) => (pads[indent] ??= ' '.repeat(indent));
  // Field paths (`sharing.type`) made once each: every item has the same, and a string made once hashes once.
  const paths = new Map<string, Map<string, string>>();
  const pathOf = (prefix: string, key: string) => {
    if (prefix === '') return key;
    let byKey = paths.get(prefix);
    if (!byKey) paths.set(prefix, (byKey = new Map<string, string>()));
    let path = byKey.get(key);
    if (path === undefined) byKey.set(key, (path = prefix + key));
    return path;
  };

  /** A list's elements below its key: objects as `- key: value` blocks under their source comment, or scalars. */
  const writeElements = (list: unknown[], indent: number, origin: Origin | undefined, field: string, top = false) => {
    const pad = padOf(indent);
    for (let index = 0; index < list.length; index++) {
      const element = list[index];
      if (isObject(element)) {
        const own = origins.get(element);
        if (own) comment(`${pad}  `, own);
        writeMap(element, indent + 4, own ?? origin, own ? '' : pathOf(field, '.'), `${pad}  - `);
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
    const pad = padOf(indent);
    for (const key of Object.keys(map)) {
      const value = map[key];
      if (value === undefined) continue;
      const start = lead ?? pad;
      lead = undefined;
      const field = pathOf(prefix, key);
      if (isObject(value)) {
        push(`${start}${key}:`, origin, field);
        writeMap(value, indent + 2, origin, pathOf(field, '.'));
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
  return { cellAt: (line) => sources.cellAt(line), lineOf: (origin, field) => sources.lineOf(origin, field) };
}
