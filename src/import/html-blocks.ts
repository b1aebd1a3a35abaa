/**
 * The HTML that mammoth writes for a Word document, read back as blocks. Mammoth's output
 * is a small, well-formed subset (headings, paragraphs, lists, tables, inline emphasis and
 * links), so a linear tag scan is enough; nothing in it is run or fetched.
 */
import { tidy, type DocBlock } from './blocks.js';

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>|([^<]+)/g;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

interface ListLevel {
  readonly ordered: boolean;
  count: number;
}

export function blocksFromHtml(html: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  const lists: ListLevel[] = [];
  let text = '';
  let heading = 0;
  /** The number of the list item whose text is being collected, written before it. */
  let itemLabel: string | undefined;
  let table: string[][] | undefined;
  let tableDepth = 0;
  let row: string[] | undefined;
  let cell: string | undefined;

  const flushText = (): void => {
    const words = tidy(text);
    text = '';
    if (!words) return;
    if (table && cell !== undefined) {
      cell = cell ? `${cell} ${words}` : words;
      return;
    }
    if (heading) blocks.push({ type: 'heading', level: heading, text: words });
    else blocks.push({ type: 'paragraph', text: itemLabel ? `${itemLabel} ${words}` : words });
    itemLabel = undefined;
  };

  for (const m of html.matchAll(TOKEN)) {
    if (m[4] !== undefined) {
      text += decode(m[4]);
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    switch (tag) {
      case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6':
        flushText();
        heading = closing ? 0 : Number(tag[1]);
        break;
      case 'p':
        if (table) text += ' ';
        else flushText();
        break;
      case 'br':
        text += ' ';
        break;
      case 'ol': case 'ul':
        if (table) break;
        flushText();
        if (closing) lists.pop();
        else lists.push({ ordered: tag === 'ol', count: 0 });
        break;
      case 'li': {
        if (table) break;
        flushText();
        if (closing) break;
        const level = lists[lists.length - 1];
        if (!level) break;
        level.count++;
        // Nested numbered lists are numbered as clauses are: 3, 3.1, 3.1.2.
        itemLabel = level.ordered ? `${lists.filter((l) => l.ordered).map((l) => l.count).join('.')}${lists.length === 1 ? '.' : ''}` : '•';
        break;
      }
      case 'table':
        if (closing) {
          if (--tableDepth === 0 && table) {
            if (table.length) blocks.push({ type: 'table', rows: table });
            table = undefined;
          }
        } else if (tableDepth++ === 0) {
          flushText();
          table = [];
        }
        break;
      case 'tr':
        if (tableDepth !== 1 || !table) break;
        if (closing) {
          if (row && row.some((c) => c)) table.push(row);
          row = undefined;
        } else row = [];
        break;
      case 'td': case 'th':
        if (tableDepth !== 1 || !row) {
          text += ' ';
          break;
        }
        if (closing) {
          flushText();
          row.push(cell ?? '');
          cell = undefined;
        } else {
          cell = '';
        }
        break;
      default:
        break;
    }
  }
  flushText();
  return blocks;
}
