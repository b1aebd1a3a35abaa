/**
 * A document read from Word, PDF, ODT or text, as the few kinds of block a data sharing
 * agreement is made of: headings, paragraphs (clauses) and tables. Every reader produces
 * these; the Markdown body and the drafted front matter are both built from them.
 */

export type DocBlock =
  | { readonly type: 'heading'; readonly level: number; readonly text: string }
  | { readonly type: 'paragraph'; readonly text: string }
  | { readonly type: 'table'; readonly rows: readonly (readonly string[])[] };

/** Collapse runs of spaces (including non-breaking ones) and trim, keeping the words. */
export function tidy(text: string): string {
  return text.replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ').trim();
}

/** Characters that would turn plain words into Markdown markup anywhere in a line. */
const INLINE_MARKUP = /[\\`*_<>[\]]/g;

/** Escape a paragraph's text so that Markdown reads it back as the same words. */
function escapeInline(text: string): string {
  let out = text.replace(INLINE_MARKUP, (c) => `\\${c}`);
  // A line that starts like a heading, quote, bullet or rule would change the block's kind.
  out = out.replace(/^(#{1,6}(?=\s|$)|[-+=](?=\s|$)|[-+*=]{3,})/, (m) => `\\${m}`);
  return out;
}

function escapeCell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|');
}

/** The blocks as a Markdown body: `#` headings, one paragraph per clause, GFM tables. */
export function blocksToMarkdown(blocks: readonly DocBlock[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.type === 'heading') {
      out.push(`${'#'.repeat(Math.min(6, Math.max(1, block.level)))} ${escapeInline(block.text)}`);
    } else if (block.type === 'paragraph') {
      out.push(escapeInline(block.text));
    } else if (block.rows.length > 0) {
      const width = Math.max(...block.rows.map((r) => r.length));
      const row = (cells: readonly string[]): string => `| ${Array.from({ length: width }, (_, i) => escapeCell(cells[i] ?? '')).join(' | ')} |`;
      const [head, ...rest] = block.rows;
      out.push([row(head!), `|${' --- |'.repeat(width)}`, ...rest.map(row)].join('\n'));
    }
  }
  return out.length ? `${out.join('\n\n')}\n` : '';
}

/** Plain text (one block per line, table cells separated by ` | `): what the drafting reads. */
export function blockText(block: DocBlock): string {
  return block.type === 'table' ? block.rows.map((r) => r.join(' | ')).join('\n') : block.text;
}

/** Text read from a plain-text file: blank lines separate paragraphs; numbered or capitalised short lines are headings. */
export function blocksFromPlainText(text: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const lines = chunk.split('\n').map(tidy).filter(Boolean);
    if (lines.length === 0) continue;
    // A line of its own starting a clause number begins a new paragraph, even without a blank line.
    let current: string[] = [];
    const flush = (): void => {
      if (current.length) blocks.push(paragraphOrHeading(current.join(' ')));
      current = [];
    };
    for (const line of lines) {
      if (current.length && CLAUSE_START.test(line)) flush();
      current.push(line);
    }
    flush();
  }
  return blocks;
}

/** A clause number at the start of a line: "3.", "3.2", "3.2.1", "(a)", "12)". */
export const CLAUSE_START = /^(?:\d{1,3}(?:\.\d{1,3}){0,4}\.?|\(?[a-z]\)|\(?[ivx]{1,5}\))\s+\S/i;

/** A short line with no full stop at the end that is numbered as a section ("4. Retention") or all capitals reads as a heading. */
function paragraphOrHeading(text: string): DocBlock {
  const short = text.length <= 80 && !/[.;:,]$/.test(text);
  if (short && /^\d{1,2}\.?\s+\p{Lu}/u.test(text) && !/^\d{1,2}\.\d/.test(text)) return { type: 'heading', level: 2, text };
  if (short && text.length >= 4 && /\p{Lu}/u.test(text) && text === text.toUpperCase()) return { type: 'heading', level: 2, text };
  return { type: 'paragraph', text };
}
