/**
 * Word documents (.docx) through mammoth, which reads the document's XML into clean HTML:
 * headings from heading styles, numbered lists, tables. The zip is opened by our bounded
 * reader and handed to mammoth as ready parts, so mammoth never inflates anything itself.
 * Images are not read; macros (vbaProject.bin) and embedded objects are never even inflated.
 * mammoth is imported when a document is read: an external import at the top would load it
 * (about 100 ms) every time the bundled CLI starts.
 */
import type { DocBlock } from './blocks.js';
import { blocksFromHtml } from './html-blocks.js';
import { ImportError } from './errors.js';
import { readZipParts } from './zip.js';

/** The XML parts mammoth reads: the document, its relationships, styles, numbering, notes. */
const isXmlPart = (name: string): boolean => /\.(xml|rels)$/i.test(name) && !/^word\/(media|embeddings)\//i.test(name);

export async function readDocx(bytes: Uint8Array, fileName: string): Promise<DocBlock[]> {
  const parts = readZipParts(bytes, fileName, isXmlPart);
  if (!parts.has('word/document.xml')) {
    throw new ImportError(`${fileName} is not a Word document: it has no word/document.xml. If it is an older .doc file, save it as .docx first.`);
  }
  const file = {
    exists: (name: string): boolean => parts.has(name),
    read: async (name: string, encoding?: string): Promise<Uint8Array | string> => {
      const part = parts.get(name);
      if (!part) throw new Error(`missing part ${name}`);
      return encoding ? new TextDecoder(encoding).decode(part) : part;
    },
    write: (): void => undefined,
    toArrayBuffer: async (): Promise<ArrayBuffer> => new ArrayBuffer(0),
  };
  let html: string;
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.convertToHtml({ file } as unknown as Parameters<typeof mammoth.convertToHtml>[0], {
      styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"],
      // Images are not part of the agreement's words; their bytes are never read.
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      ignoreEmptyParagraphs: true,
    });
    html = result.value;
  } catch {
    throw new ImportError(`${fileName} is damaged: its Word content could not be read. Open it in Word and save it again.`);
  }
  return blocksFromHtml(html);
}
