/**
 * Markdown agreements: YAML front matter is the agreement, the body is the human text.
 * Loaded lazily so YAML-only runs never pay for the Markdown parser.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';

export interface FrontMatter {
  readonly text: string;
  /** Offset of the first character of the YAML (after the opening fence line). */
  readonly offset: number;
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

export function parseMarkdown(text: string): { tree: Root; frontMatter?: FrontMatter } {
  const tree = processor.parse(text) as Root;
  const first = tree.children[0];
  if (!first || first.type !== 'yaml' || first.position?.start.offset !== 0) return { tree };
  // The YAML starts on the line after the opening `---` fence (which may end in LF, CRLF or a lone CR).
  const lineBreak = /\r\n|\r|\n/.exec(text);
  const offset = lineBreak ? lineBreak.index + lineBreak[0].length : text.length;
  return { tree, frontMatter: { text: text.slice(offset, offset + first.value.length), offset } };
}
