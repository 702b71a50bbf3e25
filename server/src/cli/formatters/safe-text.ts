/**
 * Text from the input made safe for a terminal or a CI log: control characters (which could clear the screen,
 * set the window title or move the cursor: CSI and OSC sequences start with ESC, OSC ends with BEL) and bidi
 * controls (which reorder what is shown, U+202E) are printed as visible escapes. Machine formats (JSON, SARIF,
 * JUnit, GitLab) keep the exact text; their own escaping already makes it inert.
 */

const hex = (code: number, digits: number): string => code.toString(16).toUpperCase().padStart(digits, '0');

/** C0 and C1 controls and DEL, bidi embeddings, overrides, isolates and marks (U+061C, U+200E-F, U+202A-E, U+2066-9). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_KEEPING_LINES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
}

/** One line: line breaks and tabs become spaces, other unsafe characters `\xNN` or `\uNNNN`. */
export function terminalText(text: string): string {
  return text.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ').replace(UNSAFE, visible);
}

/** Several lines: `\n` is kept (and `\r\n` becomes `\n`), tabs become spaces, other unsafe characters escapes. */
export function terminalLines(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .replace(/[\t\u2028\u2029]/g, ' ')
    .replace(UNSAFE_KEEPING_LINES, visible);
}
