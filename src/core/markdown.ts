/**
 * Markdown agreements: YAML front matter is the agreement, the body is the human text.
 * Loaded lazily so YAML-only runs never pay for the Markdown parser.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { formatCount } from './words.js';

export interface FrontMatter {
  readonly text: string;
  /** Offset of the first character of the YAML (after the opening fence line). */
  readonly offset: number;
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/**
 * How much Markdown body dsalint parses for the prose checks. The Markdown parser's work
 * grows faster than the text on some shapes (long lists, deep nesting, many unclosed
 * brackets or emphasis marks), so a body past any of these is left unparsed: the front
 * matter is still checked, and the `limit-reached` rule says the prose was skipped.
 */
export const PROSE_LIMITS = { characters: 256 * 1024, listItems: 2000, depth: 32, brackets: 5000, emphasis: 20_000, lines: 20_000, runOnLines: 500 } as const;

/** Why a body is too large or complex to parse safely, in words; undefined when it is fine. One linear pass. */
export function proseTooComplex(body: string): string | undefined {
  if (body.length > PROSE_LIMITS.characters) return `it is ${formatCount(body.length)} characters long (the limit is ${formatCount(PROSE_LIMITS.characters)})`;
  let listItems = 0;
  let deepest = 0;
  let brackets = 0;
  let emphasis = 0;
  let lineStart = true;
  let depth = 0;
  let markers = 0;
  // Lines without a marker that continue a list item or quote with no blank line between are
  // "lazy": the Markdown parser looks back over the whole paragraph for each one (20,000 took 15 s).
  // Every line is several tokens and tree nodes: 83,000 short paragraphs in 250 KB took 1 GB.
  let lines = 1;
  let lineBlank = true;
  let inContainer = false;
  let runOn = 0;
  let longestRunOn = 0;
  const endLine = (): void => {
    if (lineBlank) {
      inContainer = false;
      runOn = 0;
    } else if (markers > 0) {
      inContainer = true;
    } else if (inContainer) {
      longestRunOn = Math.max(longestRunOn, ++runOn);
    }
  };
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x0d && body.charCodeAt(i + 1) === 0x0a) continue;
    if (c === 0x0a || c === 0x0d) {
      lines++;
      endLine();
      lineStart = true;
      lineBlank = true;
      depth = 0;
      markers = 0;
      continue;
    }
    if (c !== 0x20 && c !== 0x09) lineBlank = false;
    if (c === 0x5b) brackets++;
    else if (c === 0x2a || c === 0x5f) emphasis++;
    if (!lineStart) continue;
    // Containers at the start of a line: indentation, `>` quotes and list markers (`-`, `*`, `+`, `1.`, `1)`).
    if (c === 0x20 || c === 0x09) {
      // Indentation before the first marker nests lists too; spaces after a marker only separate.
      if (markers === 0) depth += c === 0x09 ? 2 : 0.5;
    } else if (c === 0x3e) {
      depth++;
      markers++;
    } else if ((c === 0x2d || c === 0x2a || c === 0x2b) && isSpaceOrEnd(body, i + 1)) {
      depth++;
      markers++;
      listItems++;
    } else {
      ORDERED_MARKER.lastIndex = i;
      const match = ORDERED_MARKER.exec(body);
      if (match) {
        depth++;
        markers++;
        listItems++;
        i += match[0].length - 1;
      } else {
        lineStart = false;
      }
    }
    deepest = Math.max(deepest, depth);
  }
  endLine();
  if (lines > PROSE_LIMITS.lines) return `it has ${formatCount(lines)} lines (the limit is ${formatCount(PROSE_LIMITS.lines)})`;
  if (listItems > PROSE_LIMITS.listItems) return `it has ${formatCount(listItems)} list items (the limit is ${formatCount(PROSE_LIMITS.listItems)})`;
  if (deepest > PROSE_LIMITS.depth) return `its lists, quotes or indentation nest ${Math.floor(deepest)} levels deep (the limit is ${PROSE_LIMITS.depth})`;
  if (brackets > PROSE_LIMITS.brackets) return `it has ${formatCount(brackets)} [ brackets (the limit is ${formatCount(PROSE_LIMITS.brackets)})`;
  if (emphasis > PROSE_LIMITS.emphasis) return `it has ${formatCount(emphasis)} * and _ marks (the limit is ${formatCount(PROSE_LIMITS.emphasis)})`;
  if (longestRunOn > PROSE_LIMITS.runOnLines) {
    return `a list item or quote runs on for ${formatCount(longestRunOn)} lines without a blank line or its own marker (the limit is ${formatCount(PROSE_LIMITS.runOnLines)})`;
  }
  return undefined;
}

/** An ordered list marker (`12.` or `12)`) at `lastIndex`. */
const ORDERED_MARKER = /\d{1,9}[.)](?=[ \t\r\n]|$)/y;

function isSpaceOrEnd(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return Number.isNaN(c) || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Where the front matter's closing `---` line ends (the body starts there), or 0 when there is no front matter. */
function bodyStart(text: string): number {
  const lines = /([^\r\n]*)(\r\n|\r|\n|$)/gy;
  let first = true;
  for (let match = lines.exec(text); match && match[0] !== ''; match = lines.exec(text)) {
    const line = match[1]!;
    if (first) {
      if (line !== '---') return 0;
      first = false;
    } else if (/^---[ \t]*$/.test(line)) {
      return lines.lastIndex;
    }
  }
  return 0;
}

export interface ParsedMarkdown {
  readonly tree: Root;
  readonly frontMatter?: FrontMatter;
  /** Set when the body was too large or complex to parse: why, and where the body starts. */
  readonly proseSkipped?: { readonly reason: string; readonly offset: number };
}

export function parseMarkdown(text: string): ParsedMarkdown {
  const start = bodyStart(text);
  const tooComplex = proseTooComplex(text.slice(start));
  if (tooComplex) {
    // Parse the front matter alone; the body is not read.
    return { ...parseWhole(text.slice(0, start), text), proseSkipped: { reason: tooComplex, offset: start } };
  }
  return parseWhole(text, text);
}

function parseWhole(parsed: string, text: string): ParsedMarkdown {
  const tree = processor.parse(parsed) as Root;
  const first = tree.children[0];
  if (!first || first.type !== 'yaml' || first.position?.start.offset !== 0) return { tree };
  // The YAML starts on the line after the opening `---` fence (which may end in LF, CRLF or a lone CR).
  const lineBreak = /\r\n|\r|\n/.exec(text);
  const offset = lineBreak ? lineBreak.index + lineBreak[0].length : text.length;
  return { tree, frontMatter: { text: text.slice(offset, offset + first.value.length), offset } };
}
