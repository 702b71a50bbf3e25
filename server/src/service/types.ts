/** Plain data types shared by every layer. Positions are 0-based, columns in UTF-16 code units (as LSP). */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Offsets into the document text, [start, end). The parser layer owns the offset -> Position mapping. */
export interface Span {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'info';

export type Locale = 'zh-CN' | 'en';

/** A message in both languages; outputs pick one by locale. */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

/** A replacement of the text in `span` (offsets of the file text): what fixes are built from. */
export interface SpanEdit {
  span: Span;
  newText: string;
}

/** A replacement of the text in `range` (LSP's TextEdit). */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A fix a rule offers: minimal edits that keep the user's comments, indentation, quoting and key order. */
export interface Fix {
  title: LocalizedText;
  edits: TextEdit[];
}

/** Another place a finding concerns (the other definitions of a duplicated id): LSP relatedInformation. */
export interface RelatedLocation {
  /** The file, as the service knows it (a URI in the server, the path shown in the CLI). */
  uri: string;
  range: Range;
  message: LocalizedText;
}

/** One problem found in a document: the same shape for parse errors, schema errors and rule findings. */
export interface Finding {
  /** Stable id, e.g. `DA-SCHEMA-003` or `DA-CODE-002`. */
  ruleId: string;
  severity: Severity;
  message: LocalizedText;
  range: Range;
  /** The clause the finding enforces, e.g. `财资〔2024〕1号 (4)`, or the standard (`GB 32100-2015`). */
  clause?: string;
  /** JSON pointer of the offending instance location, when there is one. */
  path?: string;
  /** Data a quick fix or a formatter may use; never formatted text. */
  data?: Record<string, unknown>;
  /** The fix the rule offers, if any. */
  fix?: Fix;
  /** Other places the finding concerns, if any. */
  related?: RelatedLocation[];
}
