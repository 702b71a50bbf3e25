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

export interface WrittenYaml {
  text: string;
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

/** Writes the documents of one file (separated by `---`), recording the source cells. */
export function writeYaml(
  documents: readonly YamlDocument[],
  origins: WeakMap<object, Origin>,
  dateFields: ReadonlySet<string>,
): WrittenYaml {
  const lines: string[] = [];
  const lineOrigin: Array<Origin | undefined> = [];
  const lineField: Array<string | undefined> = [];
  const push = (text: string, origin?: Origin, field?: string) => {
    lines.push(text);
    lineOrigin.push(origin);
    lineField.push(field);
  };
  const comment = (pad: string, origin: Origin) => push(`${pad}# 来源：${origin.sheet}!第 ${origin.row} 行`);

  /** A list's elements below its key: objects as `- key: value` blocks under their source comment, or scalars. */
  const writeElements = (list: readonly unknown[], indent: number, origin: Origin | undefined, field: string) => {
    const pad = ' '.repeat(indent);
    for (const element of list) {
      if (isObject(element)) {
        const own = origins.get(element);
        if (own) comment(`${pad}  `, own);
        writeMap(element, indent + 4, own ?? origin, own ? '' : `${field}.`, `${pad}  - `);
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
        writeElements(value, 0, undefined, key);
      } else push(`${key}: ${scalar(value, dateFields.has(key))}${note}`, top, key);
    }
  });
  const text = lines.join('\n') + '\n';
  return {
    text,
    cellAt(line) {
      const origin = lineOrigin[line];
      if (!origin) return undefined;
      const letter = origin.columns.get(lineField[line] ?? '');
      return letter ? `${origin.sheet}!${letter}${origin.row}` : `${origin.sheet}!${origin.row}:${origin.row}`;
    },
    lineOf(origin, field) {
      for (let i = 0; i < lineOrigin.length; i++) if (lineOrigin[i] === origin && lineField[i] === field) return i;
      return undefined;
    },
  };
}
