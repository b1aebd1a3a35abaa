/**
 * OpenDocument text (.odt): content.xml from the bounded zip reader, walked with xmldom.
 * Headings (`text:h`), paragraphs, numbered lists (numbered as clauses: 3, 3.1) and tables.
 * The walk keeps its own stack, so deep nesting cannot exhaust the call stack.
 */
import { tidy, type DocBlock } from './blocks.js';
import { ImportError } from './errors.js';
import { readZipParts } from './zip.js';

const TEXT_NS = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const TABLE_NS = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';

interface XmlNode {
  readonly nodeType: number;
  readonly nodeValue: string | null;
  readonly localName?: string | null;
  readonly namespaceURI?: string | null;
  readonly childNodes: ArrayLike<XmlNode>;
  getAttributeNS?(ns: string, name: string): string | null;
}

/** The words of an element: text, `text:s` spaces, tabs and line breaks as spaces. */
function wordsOf(root: XmlNode): string {
  let out = '';
  const stack: XmlNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      continue;
    }
    if (node.namespaceURI === TEXT_NS) {
      if (node.localName === 's') {
        out += ' '.repeat(Math.min(8, Number(node.getAttributeNS?.(TEXT_NS, 'c') ?? 1) || 1));
        continue;
      }
      if (node.localName === 'tab' || node.localName === 'line-break') {
        out += ' ';
        continue;
      }
      // Notes and tracked deletions are not the clause's own words.
      if (node.localName === 'note' || node.localName === 'tracked-changes') continue;
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return tidy(out);
}

/** The XML parser is imported when a document is read, not every time the bundled CLI starts. */
export async function readOdt(bytes: Uint8Array, fileName: string): Promise<DocBlock[]> {
  const { DOMParser } = await import('@xmldom/xmldom');
  const parts = readZipParts(bytes, fileName, (name) => name === 'content.xml' || name === 'mimetype');
  const content = parts.get('content.xml');
  const mimetype = parts.get('mimetype');
  if (!content || (mimetype && !new TextDecoder().decode(mimetype).startsWith('application/vnd.oasis.opendocument.text'))) {
    throw new ImportError(`${fileName} is not an OpenDocument text file (it has no text content). Save it as .odt or .docx and try again.`);
  }
  let failed = false;
  const doc = new DOMParser({
    errorHandler: {
      warning: () => undefined,
      error: () => {
        failed = true;
      },
      fatalError: () => {
        failed = true;
      },
    },
  }).parseFromString(new TextDecoder().decode(content), 'application/xml') as unknown as XmlNode;
  if (failed) throw new ImportError(`${fileName} is damaged: its text (content.xml) is not well-formed XML. Open it and save it again.`);

  const blocks: DocBlock[] = [];
  // Depth-first, in document order; list items carry their clause number down.
  const stack: { node: XmlNode; label?: string; counters: number[] }[] = [{ node: doc, counters: [] }];
  while (stack.length) {
    const { node, label, counters } = stack.pop()!;
    if (node.nodeType !== 1 && node.nodeType !== 9) continue;
    const ns = node.namespaceURI;
    const name = node.localName;
    if (ns === TEXT_NS && name === 'h') {
      const text = wordsOf(node);
      if (text) blocks.push({ type: 'heading', level: Math.min(6, Number(node.getAttributeNS?.(TEXT_NS, 'outline-level') ?? 1) || 1), text });
      continue;
    }
    if (ns === TEXT_NS && name === 'p') {
      const text = wordsOf(node);
      if (text) blocks.push({ type: 'paragraph', text: label ? `${label} ${text}` : text });
      continue;
    }
    if (ns === TABLE_NS && name === 'table') {
      const rows: string[][] = [];
      for (const row of descendants(node, TABLE_NS, 'table-row')) {
        const cells = descendants(row, TABLE_NS, 'table-cell').map(wordsOf);
        if (cells.some(Boolean)) rows.push(cells);
      }
      if (rows.length) blocks.push({ type: 'table', rows });
      continue;
    }
    const children: { node: XmlNode; label?: string; counters: number[] }[] = [];
    if (ns === TEXT_NS && name === 'list') {
      // Each item gets the next number at this depth; only its first paragraph shows it.
      let n = 0;
      for (let i = 0; i < node.childNodes.length; i++) {
        const item = node.childNodes[i]!;
        if (item.localName !== 'list-item') continue;
        const numbers = [...counters, ++n];
        let first = true;
        for (let j = 0; j < item.childNodes.length; j++) {
          const child = item.childNodes[j]!;
          const isParagraph = child.localName === 'p' || child.localName === 'h';
          children.push({ node: child, counters: numbers, ...(first && isParagraph ? { label: numbers.length === 1 ? `${numbers[0]}.` : numbers.join('.') } : {}) });
          if (isParagraph) first = false;
        }
      }
    } else {
      for (let i = 0; i < node.childNodes.length; i++) children.push({ node: node.childNodes[i]!, counters });
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return blocks;
}

/** Elements named `ns:name` under `root`, not looking inside nested ones of the same name. */
function descendants(root: XmlNode, ns: string, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  const stack: XmlNode[] = [];
  for (let i = root.childNodes.length - 1; i >= 0; i--) stack.push(root.childNodes[i]!);
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType !== 1) continue;
    if (node.namespaceURI === ns && node.localName === name) {
      found.push(node);
      continue;
    }
    if (node.namespaceURI === TABLE_NS && node.localName === 'table') continue;
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return found;
}
