/**
 * Snippets for `steward.newAsset`: one asset, or a whole register holding one asset, and where to insert an asset
 * in an existing register. Pure: no `vscode` import, so the Node tests can check the templates against the service.
 *
 * The snippets hold only the contract's required fields (CONTRACT.md: a register without its optional blocks is
 * valid); enumerated values are choices in the Chinese terms stewards use. Free text starts as the project's fill-in
 * marker, so a value left unfilled is reported (DA-TODO-001) instead of passing as data; a value with a checked
 * format starts empty (or as its prefix), which the schema reports.
 */

/** The fill-in marker the quick fixes leave too (server/src/service/edit/yaml-edit.ts, PLACEHOLDER). */
export const FILL_IN = '待填写';

const SECURITY_GRADES = '一般数据,重要数据,核心数据';
const ACQUISITION_METHODS = '自主采集,生产加工,购置';
const UNIT_TYPES = '行政单位,事业单位';
/** The data branch of the asset classification code table (A08060200): structured, semi-structured, unstructured. */
const DATA_CODES = 'A08060201,A08060202,A08060203';

/** The lines of one asset item (`- id: ...`), without indentation; tab stops start at `first`. */
function assetLines(year: number, first: number): string[] {
  let stop = first;
  const next = () => stop++;
  return [
    `- id: \${${next()}:DA-${year}-0001}`,
    `  name: \${${next()}:${FILL_IN}}`,
    // Pattern-checked values get no marker: an empty value or a bare prefix is reported once, with its format.
    `  resource: R-\${${next()}}`,
    `  classificationCode: \${${next()}|${DATA_CODES}|}`,
    `  securityGrade: \${${next()}|${SECURITY_GRADES}|}`,
    '  acquisition:',
    `    method: \${${next()}|${ACQUISITION_METHODS}|}`,
    '  registration:',
    `    cardNumber: \${${next()}:${FILL_IN}}`,
  ];
}

/** One asset item, every line prefixed with `indent`. */
export function assetSnippet(year: number, indent = ''): string {
  return (
    assetLines(year, 1)
      .map((line) => indent + line)
      .join('\n') + '\n$0'
  );
}

/** A new register: header, unit and one asset. */
export function registerSnippet(year: number): string {
  const header = [
    'apiVersion: steward/v1',
    'kind: DataAssetRegister',
    'unit:',
    `  name: \${1:${FILL_IN}}`,
    '  code: ${2}',
    `  type: \${3|${UNIT_TYPES}|}`,
    `  supervisingDepartment: \${4:${FILL_IN}}`,
    'assets:',
  ];
  const asset = assetLines(year, 5).map((line) => '  ' + line);
  return [...header, ...asset].join('\n') + '\n$0';
}

/** Whether a document declares a data asset register (the `kind` line of any of its YAML documents). */
export function isRegister(text: string): boolean {
  return /^kind:[ \t]*["']?DataAssetRegister["']?[ \t]*(#.*)?$/m.test(text);
}

/** Where to put a new asset: replace `[startCharacter, endCharacter)` of `line` with `snippet`. */
export interface Insertion {
  line: number;
  startCharacter: number;
  endCharacter: number;
  snippet: string;
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const isBlank = (line: string) => line.trim() === '';
const isComment = (line: string) => line.trimStart().startsWith('#');

/**
 * Places a new asset in a register: on the cursor's line when it is a blank line between items, else after the item
 * holding the cursor, and after the last item when the cursor is outside the `assets` list. Indentation follows the
 * list's existing items; a document without an `assets` key gets one at its end.
 */
export function assetInsertion(lines: string[], cursorLine: number, year: number): Insertion {
  const keyLines = lines.map((line, i) => (/^assets:[ \t]*(#.*)?$/.test(line) ? i : -1)).filter((i) => i >= 0);
  if (keyLines.length === 0) {
    const last = lines.length - 1;
    const tail = lines[last] ?? '';
    const lead = isBlank(tail) ? '' : '\n';
    return {
      line: last,
      startCharacter: tail.length,
      endCharacter: tail.length,
      snippet: `${lead}assets:\n${assetSnippet(year, '  ')}`,
    };
  }
  const before = keyLines.filter((i) => i <= cursorLine);
  const keyLine = before.length > 0 ? before[before.length - 1] : keyLines[0];
  const end = listEnd(lines, keyLine);
  const indent = itemIndent(lines, keyLine, end);
  const item = assetSnippet(year, ' '.repeat(indent));
  const startsItem = (i: number) => indentOf(lines[i]) === indent && /^-( |$)/.test(lines[i].trimStart());
  const inList = cursorLine > keyLine && cursorLine <= end;
  if (inList && isBlank(lines[cursorLine])) {
    // A blank line between two items (or after the last one) takes the new item as it is.
    const next = lines.findIndex((line, i) => i > cursorLine && !isBlank(line) && !isComment(line));
    if (next === -1 || next > end || startsItem(next)) {
      return { line: cursorLine, startCharacter: 0, endCharacter: lines[cursorLine].length, snippet: item };
    }
  }
  // Otherwise the new item goes after the item holding the cursor (never splitting it), or after the whole list.
  let stop = end + 1;
  if (inList)
    for (let i = cursorLine + 1; i <= end; i++)
      if (startsItem(i)) {
        stop = i;
        break;
      }
  let last = stop - 1;
  while (last > keyLine && (isBlank(lines[last]) || isComment(lines[last]))) last--;
  return { line: last, startCharacter: lines[last].length, endCharacter: lines[last].length, snippet: '\n' + item };
}

/** The last line of the list under the `assets:` key at `keyLine` (the key itself when the list is empty). */
function listEnd(lines: string[], keyLine: number): number {
  let end = keyLine;
  for (let i = keyLine + 1; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line) || isComment(line)) continue;
    // The next top-level key or document marker ends the list; a `- ` at column 0 is still an item.
    if (indentOf(line) === 0 && !line.startsWith('- ') && line !== '-') break;
    end = i;
  }
  return end;
}

/** The indentation of the list's items: as the first item has it, else two spaces. */
function itemIndent(lines: string[], keyLine: number, end: number): number {
  for (let i = keyLine + 1; i <= end; i++) {
    const trimmed = lines[i].trimStart();
    if (trimmed.startsWith('- ') || trimmed === '-') return indentOf(lines[i]);
  }
  return 2;
}
