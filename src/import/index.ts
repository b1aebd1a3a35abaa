/**
 * `dsalint import`: a Word, PDF, OpenDocument, text or Markdown document as a `.dsa.md`
 * agreement whose body is the document's text and whose front matter is a draft read from
 * it. Readers are loaded only for the format in hand. Nothing in the document is run, no
 * network is used, and the bytes are never written back.
 */
import { blocksFromPlainText, blocksToMarkdown, type DocBlock } from './blocks.js';
import { draftFromBlocks, draftFrontMatter } from './draft.js';
import { ImportError } from './errors.js';

export { ImportError } from './errors.js';

export const IMPORT_EXTENSIONS = ['.docx', '.pdf', '.odt', '.txt', '.md'] as const;

/** Largest document read: a 40-page agreement as a PDF with images is a few megabytes. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

type Kind = 'docx' | 'pdf' | 'odt' | 'txt' | 'md';

/** What the bytes are, from their first bytes; the extension only says what was expected. */
function sniff(bytes: Uint8Array): 'zip' | 'pdf' | 'ole' | 'text' | 'binary' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  if (new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  return bytes.subarray(0, 8192).includes(0) ? 'binary' : 'text';
}

function kindOf(fileName: string): Kind {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'docx' || ext === 'pdf' || ext === 'odt' || ext === 'txt' || ext === 'md') return ext;
  if (ext === 'markdown') return 'md';
  if (ext === 'doc') throw new ImportError(`${fileName} is an old-style Word (.doc) file, which dsalint cannot read. Open it in Word and save it as .docx.`);
  throw new ImportError(`dsalint can import .docx, .pdf, .odt, .txt and .md documents; ${fileName} is none of these.`);
}

function expect(fileName: string, kind: Kind, found: ReturnType<typeof sniff>): void {
  const wanted = kind === 'docx' || kind === 'odt' ? 'zip' : kind === 'pdf' ? 'pdf' : 'text';
  if (found === wanted) return;
  const actually = { zip: 'a Word or OpenDocument file', pdf: 'a PDF', ole: 'an old-style Office (.doc) file', text: 'plain text', binary: 'a binary file' }[found];
  throw new ImportError(`${fileName} does not hold what its name says: it is ${actually}. Rename it with the right extension, or save it again.`);
}

function decodeText(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Text saved by Windows programs is often Windows-1252; it is a superset of Latin-1 for letters.
    const text = new TextDecoder('windows-1252').decode(bytes);
    if (/[\u0080-\u009f]/.test(text)) throw new ImportError(`${fileName} is not UTF-8 text. Save it as UTF-8 and try again.`);
    return text;
  }
}

/** The blocks of a Markdown document, for drafting: its body is kept as written. */
async function markdownBlocks(text: string): Promise<DocBlock[]> {
  const { parseMarkdown } = await import('../core/markdown.js');
  const { toString } = await import('mdast-util-to-string');
  const { tree } = parseMarkdown(text);
  const blocks: DocBlock[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading') blocks.push({ type: 'heading', level: node.depth, text: toString(node) });
    else if (node.type === 'paragraph') blocks.push({ type: 'paragraph', text: toString(node) });
    else if (node.type === 'list') {
      let n = node.start ?? 1;
      for (const item of node.children) blocks.push({ type: 'paragraph', text: `${node.ordered ? `${n++}.` : '•'} ${toString(item)}` });
    } else if (node.type === 'table') {
      blocks.push({ type: 'table', rows: node.children.map((row) => row.children.map((cell) => toString(cell))) });
    }
  }
  return blocks;
}

export interface Imported {
  /** The whole `.dsa.md`: drafted front matter, then the document's text. */
  readonly text: string;
  readonly blocks: readonly DocBlock[];
}

/** Import a document already read into memory. Throws ImportError with a message for people. */
export async function importDocument(bytes: Uint8Array, fileName: string): Promise<Imported> {
  const kind = kindOf(fileName);
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportError(`${fileName} is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB; no agreement is that large.`);
  if (bytes.length === 0) throw new ImportError(`${fileName} is empty.`);
  expect(fileName, kind, sniff(bytes));
  let blocks: DocBlock[];
  let body: string | undefined;
  switch (kind) {
    case 'docx':
      blocks = await (await import('./docx.js')).readDocx(bytes, fileName);
      break;
    case 'odt':
      blocks = await (await import('./odt.js')).readOdt(bytes, fileName);
      break;
    case 'pdf':
      blocks = await (await import('./pdf.js')).readPdf(bytes, fileName);
      break;
    case 'txt':
      blocks = blocksFromPlainText(decodeText(bytes, fileName));
      break;
    case 'md': {
      const text = decodeText(bytes, fileName).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
      if (/^---\n/.test(text)) throw new ImportError(`${fileName} already has front matter: it is an agreement already. Lint it with dsalint lint ${fileName}.`);
      body = text.endsWith('\n') ? text : `${text}\n`;
      blocks = await markdownBlocks(text);
      break;
    }
  }
  if (!blocks.some((b) => b.type !== 'heading' || b.text.length > 0)) throw new ImportError(`${fileName} has no text to import.`);
  const front = draftFrontMatter(draftFromBlocks(blocks), fileName);
  return { text: `${front}\n${body ?? blocksToMarkdown(blocks)}`, blocks };
}

/** Where `dsalint import FILE` writes by default: FILE with its extension replaced by .dsa.md. */
export function importTarget(fileName: string): string {
  return `${fileName.replace(/\.[^./\\]+$/, '')}.dsa.md`;
}
