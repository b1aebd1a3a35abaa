/**
 * PDF text through pdf.js (the legacy build, which runs in Node 20), with no worker thread,
 * no network, no font loading and no evaluated code (`isEvalSupported: false`). Lines are
 * rebuilt from the positioned text runs; a larger font makes a heading; a gap, or a line
 * that starts with a clause number, starts a new paragraph. A PDF with no text layer (a
 * scan) or one that needs a password is refused with a plain message.
 */
import { tidy, CLAUSE_START, type DocBlock } from './blocks.js';
import { ImportError } from './errors.js';

/** A 40-page agreement is the expected size; past this a PDF is not an agreement. */
export const MAX_PDF_PAGES = 400;

interface TextRun {
  readonly str: string;
  readonly transform: readonly number[];
  readonly height: number;
  readonly hasEOL?: boolean;
}

interface Line {
  text: string;
  y: number;
  size: number;
  page: number;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsLoaded: Promise<PdfJs> | undefined;

async function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoaded ??= (async () => {
    // The worker's code runs on this thread: no Worker, and no dynamic import by URL.
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsLoaded;
}

export async function readPdf(bytes: Uint8Array, fileName: string): Promise<DocBlock[]> {
  const pdfjs = await loadPdfJs();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      // pdf.js takes ownership of the buffer it is given: hand it a copy.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      disableAutoFetch: true,
      disableStream: true,
      enableXfa: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as { name?: string } | undefined)?.name;
    if (name === 'PasswordException') {
      throw new ImportError(`${fileName} is protected by a password, so its text cannot be read. Ask the sender for an unprotected copy, or the Word version.`);
    }
    throw new ImportError(`${fileName} is not a readable PDF (${name === 'InvalidPDFException' ? 'its structure is damaged' : 'it could not be opened'}). Ask the sender for the Word version.`);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new ImportError(`${fileName} has ${doc.numPages} pages; dsalint imports agreements of up to ${MAX_PDF_PAGES} pages.`);
    }
    const lines: Line[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let current: Line | undefined;
      for (const item of content.items as TextRun[]) {
        if (typeof item.str !== 'string') continue;
        const y = item.transform[5] ?? 0;
        const size = item.height || Math.abs(item.transform[3] ?? 0);
        if (current && Math.abs(current.y - y) <= Math.max(2, current.size * 0.4)) {
          current.text += item.str;
          current.size = Math.max(current.size, size);
        } else if (item.str.trim() !== '') {
          current = { text: item.str, y, size, page: p };
          lines.push(current);
        }
        if (item.hasEOL) current = undefined;
      }
      page.cleanup();
    }
    const words = lines.reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0);
    if (words < 20) {
      throw new ImportError(`${fileName} has no text layer: it looks like a scan, so its words cannot be read. Ask the sender for the Word version, or a PDF saved from it.`);
    }
    return linesToBlocks(lines);
  } finally {
    await doc.destroy();
  }
}

/** The font size most of the text is set in. */
function bodySize(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + line.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of [...weight].sort((a, b) => a[0] - b[0])) {
    if (w > bestWeight) {
      best = size;
      bestWeight = w;
    }
  }
  return best;
}

function linesToBlocks(lines: readonly Line[]): DocBlock[] {
  const body = bodySize(lines);
  const headingSizes = [...new Set(lines.filter((l) => l.size >= body * 1.15).map((l) => Math.round(l.size * 2) / 2))].sort((a, b) => b - a);
  const blocks: DocBlock[] = [];
  let paragraph: string[] = [];
  let previous: Line | undefined;
  const flush = (): void => {
    if (paragraph.length) blocks.push({ type: 'paragraph', text: tidy(paragraph.join(' ')) });
    paragraph = [];
  };
  for (const line of lines) {
    const text = tidy(line.text);
    if (!text) continue;
    const rounded = Math.round(line.size * 2) / 2;
    if (line.size >= body * 1.15 && text.length <= 120) {
      flush();
      const last = blocks[blocks.length - 1];
      const level = Math.min(6, headingSizes.indexOf(rounded) + 1);
      // A heading set over two lines is one heading.
      if (last?.type === 'heading' && last.level === level && previous && previous.page === line.page && previous.y - line.y <= line.size * 1.6) {
        blocks[blocks.length - 1] = { ...last, text: `${last.text} ${text}` };
      } else {
        blocks.push({ type: 'heading', level, text });
      }
      previous = line;
      continue;
    }
    const gap = previous && previous.page === line.page ? previous.y - line.y : 0;
    if (paragraph.length && (gap > line.size * 1.7 || CLAUSE_START.test(text) || previous?.page !== line.page && /[.:;]$/.test(paragraph[paragraph.length - 1]!))) flush();
    paragraph.push(text);
    previous = line;
  }
  flush();
  return blocks;
}
