/**
 * Markdown for a terminal: what `steward explain` prints on a TTY. The rule docs are Markdown (docs/rules.md is
 * the same text); read raw in a terminal, `##` and code fences get in the way. marked's lexer reads the Markdown;
 * this renders its tokens as wrapped text: headings emphasised (bold, or underlined without colour), code blocks
 * indented and never wrapped, lists with hanging indents, links with their address.
 */
import type { Token, Tokens } from 'marked';
import { displayWidth } from './formatters/width';
import { wrapText } from './formatters/wrap';

export interface TerminalStyle {
  /** Columns to wrap prose at. */
  width: number;
  color: boolean;
}

const sgr = (open: string, close: string) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const BOLD = sgr('1', '22');
const CODE = sgr('36', '39');

/** Inline tokens as plain text: emphasis and code marks dropped, a link followed by its address. */
function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  return tokens
    .map((token) => {
      switch (token.type) {
        case 'link': {
          const text = inlineText((token as Tokens.Link).tokens);
          const href = (token as Tokens.Link).href;
          return text === href ? href : `${text} (${href})`;
        }
        case 'br':
          return ' ';
        case 'html':
          return '';
        case 'codespan':
          return decodeEntities((token as Tokens.Codespan).text);
        case 'strong':
        case 'em':
        case 'del':
          return inlineText((token as Tokens.Strong).tokens);
        case 'text':
        case 'escape':
          return 'tokens' in token && token.tokens
            ? inlineText(token.tokens)
            : decodeEntities((token as Tokens.Text).text);
        default:
          return 'text' in token ? String(token.text) : '';
      }
    })
    .join('')
    .replace(/\s*\n\s*/g, ' ');
}

/** marked escapes &, <, >, " and ' in text it lexes; a terminal shows the characters. */
function decodeEntities(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? _,
  );
}

/** Wrapped lines, the first after `first` and the rest after `rest` (same width). */
function hanging(text: string, width: number, first: string, rest: string): string[] {
  return wrapText(text, Math.max(20, width - displayWidth(first))).map((line, i) => (i === 0 ? first : rest) + line);
}

function block(token: Token, style: TerminalStyle, indent: string): string[] {
  const { width, color } = style;
  switch (token.type) {
    case 'heading': {
      const heading = token as Tokens.Heading;
      const lines = hanging(inlineText(heading.tokens), width, indent, indent);
      if (color) return lines.map((line) => BOLD(heading.depth <= 2 ? sgr('4', '24')(line) : line));
      if (heading.depth > 3) return lines;
      const rule = (heading.depth <= 2 ? '═' : '─').repeat(
        Math.max(...lines.map((line) => displayWidth(line) - indent.length)),
      );
      return [...lines, indent + rule];
    }
    case 'paragraph':
      return hanging(inlineText((token as Tokens.Paragraph).tokens), width, indent, indent);
    case 'code': {
      // Code is shown as written: wrapping YAML would change its meaning.
      const lines = (token as Tokens.Code).text.split('\n').map((line) => `${indent}    ${line}`);
      return color ? lines.map((line) => CODE(line)) : lines;
    }
    case 'list': {
      const list = token as Tokens.List;
      const out: string[] = [];
      list.items.forEach((item, i) => {
        const marker = list.ordered ? `${Number(list.start || 1) + i}. ` : '• ';
        const body = item.tokens.flatMap((child) =>
          child.type === 'text'
            ? hanging(inlineText((child as Tokens.Text).tokens ?? [child]), width, '', '')
            : block(child, style, ''),
        );
        body.forEach((line, j) => out.push(`${indent}${j === 0 ? marker : ' '.repeat(marker.length)}${line}`));
      });
      return out;
    }
    case 'blockquote':
      return (token as Tokens.Blockquote).tokens
        .flatMap((child) => block(child, { width: width - 2, color }, ''))
        .map((line) => `${indent}│ ${line}`);
    case 'table': {
      const table = token as Tokens.Table;
      const rows = [
        table.header.map((cell) => inlineText(cell.tokens)),
        ...table.rows.map((row) => row.map((cell) => inlineText(cell.tokens))),
      ];
      const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => displayWidth(row[column] ?? ''))));
      const line = (row: string[]) =>
        indent +
        row
          .map((cell, column) => cell + ' '.repeat(widths[column] - displayWidth(cell)))
          .join('  ')
          .trimEnd();
      return [line(rows[0]), indent + widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
    }
    case 'hr':
      return [indent + '─'.repeat(Math.min(width, 40))];
    case 'html':
    case 'space':
    case 'def':
      return [];
    default:
      return 'text' in token ? hanging(decodeEntities(String(token.text)), width, indent, indent) : [];
  }
}

/** The Markdown as terminal text: a heading directly above its text, other blocks a blank line apart. */
export function renderMarkdown(markdown: string, style: TerminalStyle): string {
  let out = '';
  let afterHeading = true;
  // Loaded here, not at start-up: only `explain` on a terminal needs it, and every `steward validate` would pay.
  const { lexer } = require('marked') as typeof import('marked');
  for (const token of lexer(markdown)) {
    const lines = block(token, style, '');
    if (lines.length === 0) continue;
    out += (out === '' ? '' : afterHeading ? '\n' : '\n\n') + lines.join('\n');
    afterHeading = token.type === 'heading';
  }
  return out + '\n';
}
