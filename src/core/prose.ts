/**
 * The body of a Markdown agreement as plain text, for the rules that read the prose against
 * the structured part (prose-widens-scope, prose-undeclared-party).
 *
 * Each paragraph or heading becomes one string with its inline markup removed (code spans
 * kept), and a map from every character back to its offset in the file. A phrase is matched
 * on the string, so `**full access** to the clinical system` still reads as one phrase, and
 * reported at the file offsets the map gives, so the finding lands on the exact words even
 * when emphasis, escapes or character references sit inside them. Code blocks, HTML blocks
 * and the front matter are not prose and are left out.
 */
import type { Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

export interface ProseBlock {
  /** The paragraph's or heading's text, inline markup removed. */
  readonly text: string;
  /** For each UTF-16 unit of `text`, its offset in the file. */
  readonly offsets: readonly number[];
}

/** How far ahead a decoded character (from `&amp;` or `\*`) may sit from where it was expected. */
const ALIGN_LOOKAHEAD = 12;

/**
 * Offsets in the file for each character of a text node's value. The value equals the source
 * unless it decoded escapes or character references; then each character is found in order
 * in the source, and one the source spells differently (an entity) maps to where it starts.
 */
function align(value: string, file: string, start: number, end: number): number[] {
  const slice = file.slice(start, end);
  if (slice === value) return Array.from({ length: value.length }, (_, i) => start + i);
  const out: number[] = [];
  let j = 0;
  for (const ch of value) {
    for (let unit = 0; unit < ch.length; unit++) {
      const k = slice.indexOf(ch[unit]!, j);
      if (k >= 0 && k - j <= ALIGN_LOOKAHEAD) {
        out.push(start + k);
        j = k + 1;
      } else {
        out.push(start + Math.min(j, Math.max(0, slice.length - 1)));
      }
    }
  }
  return out;
}

/** Several rules read the same body: build its blocks once per parsed tree. */
const blocksByTree = new WeakMap<Root, ProseBlock[]>();

/** Every paragraph and heading of the Markdown body, as text with file offsets. */
export function proseBlocks(tree: Root, file: string): ProseBlock[] {
  const cached = blocksByTree.get(tree);
  if (cached) return cached;
  const blocks: ProseBlock[] = [];
  visit(tree, (node) => {
    // A table cell is prose too: signatories, parties and retention periods often sit in tables.
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return undefined;
    let text = '';
    const offsets: number[] = [];
    visit(node, (inline) => {
      const position = inline.position;
      if (!position) return;
      const start = position.start.offset ?? 0;
      if (inline.type === 'text' || inline.type === 'inlineCode') {
        text += inline.value;
        // A loop, not push(...spread): a long paragraph would overflow the argument stack.
        for (const offset of align(inline.value, file, start, position.end.offset ?? start)) offsets.push(offset);
      } else if (inline.type === 'break' || inline.type === 'image' || inline.type === 'imageReference' || inline.type === 'html') {
        // A line break or an inline image separates words; it is not part of any phrase.
        text += ' ';
        offsets.push(start);
      }
    });
    if (text.trim() !== '') blocks.push({ text, offsets });
    return SKIP;
  });
  blocksByTree.set(tree, blocks);
  return blocks;
}

/** File offsets for the characters `start` (inclusive) to `end` (exclusive) of a block. */
export function fileOffsets(block: ProseBlock, start: number, end: number): [number, number] {
  const first = block.offsets[start] ?? 0;
  const last = block.offsets[Math.max(start, end - 1)] ?? first;
  return [first, Math.max(first, last) + 1];
}

/** A plain phrase (as a user writes it in options) as a case-insensitive pattern: any spacing, whole words. */
export function phrasePattern(phrase: string): RegExp {
  const words = phrase.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const body = words.join('\\s+');
  const open = /^\w/.test(phrase.trim()) ? '\\b' : '';
  const close = /\w$/.test(phrase.trim()) ? '\\b' : '';
  return new RegExp(`${open}${body}${close}`, 'giu');
}

/**
 * Sentence ends: a full stop, question or exclamation mark, semicolon or colon before a space
 * or the end. A full stop inside a clause number ("clause 4.2 says") is not followed by a space.
 */
const SENTENCE_END = /[.!?;:](?=\s|$)/g;

/** Each block's sentence ends, found once, so that looking up the sentence of many matches stays linear. */
const endsByBlock = new WeakMap<ProseBlock, number[]>();

function sentenceEnds(block: ProseBlock): number[] {
  let ends = endsByBlock.get(block);
  if (!ends) {
    ends = [];
    for (const m of block.text.matchAll(SENTENCE_END)) ends.push(m.index ?? 0);
    endsByBlock.set(block, ends);
  }
  return ends;
}

/** Where the sentence around characters `start` to `end` of a block begins and ends. */
export function sentenceBounds(block: ProseBlock, start: number, end: number): { from: number; to: number } {
  const ends = sentenceEnds(block);
  const i = firstFrom(ends, start);
  const from = i > 0 ? ends[i - 1]! + 1 : 0;
  const j = firstFrom(ends, end);
  return { from, to: Math.max(end, j < ends.length ? ends[j]! : block.text.length) };
}

/** Where a pattern matches in a block (start and end of each match, in order), found once per block. */
const matchesByBlock = new WeakMap<ProseBlock, Map<RegExp, { starts: number[]; ends: number[] }>>();

function matchesIn(block: ProseBlock, re: RegExp): { starts: number[]; ends: number[] } {
  let byPattern = matchesByBlock.get(block);
  if (!byPattern) matchesByBlock.set(block, (byPattern = new Map()));
  let found = byPattern.get(re);
  if (!found) {
    found = { starts: [], ends: [] };
    for (const m of block.text.matchAll(re.global ? re : new RegExp(re.source, `${re.flags}g`))) {
      found.starts.push(m.index ?? 0);
      found.ends.push((m.index ?? 0) + m[0].length);
    }
    byPattern.set(re, found);
  }
  return found;
}

/** Index of the first number in an ascending list at or after `at` (list.length when none). */
function firstFrom(list: readonly number[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether `re` matches wholly inside characters `from` to `to` of a block. The block's matches
 * are found once, so that many look-ups in one long paragraph stay linear.
 */
function matchesWithin(block: ProseBlock, re: RegExp, from: number, to: number): boolean {
  const { starts, ends } = matchesIn(block, re);
  const first = firstFrom(starts, from);
  return first < starts.length && ends[first]! <= to;
}

/** How far either side of left-out words a match across them is looked for ("no" before them, "longer" after). */
const ACROSS_WINDOW = 100;

/**
 * Whether `re` matches in the sentence around characters `start` to `end`, those characters
 * left out (read as one space): "the DPA 1998, since replaced", "are not joint controllers".
 */
export function sentenceHas(block: ProseBlock, re: RegExp, start: number, end: number): boolean {
  const { from, to } = sentenceBounds(block, start, end);
  if (matchesWithin(block, re, from, start) || matchesWithin(block, re, end, to)) return true;
  const across = `${block.text.slice(Math.max(from, start - ACROSS_WINDOW), start)} ${block.text.slice(end, Math.min(to, end + ACROSS_WINDOW))}`;
  return new RegExp(re.source, re.flags.replace(/[gy]/g, '')).test(across);
}

const NEGATION_BEFORE = /\b(?:not|never|no|nor|neither|none|cannot)\b|n['’]t\b/gi;
const NEGATION_AFTER = /\b(?:prohibited|forbidden|excluded|not\s+(?:be\s+)?(?:permitted|allowed|authori[sz]ed))\b/gi;

/**
 * Whether the sentence denies the phrase: "will not be used for any other purpose", "never
 * shared with insurers", "use for any other purpose is prohibited". A plain reading, not a
 * parse: a negation anywhere earlier in the sentence counts.
 */
export function isNegated(block: ProseBlock, start: number, end: number): boolean {
  const { from, to } = sentenceBounds(block, start, end);
  return matchesWithin(block, NEGATION_BEFORE, from, start) || matchesWithin(block, NEGATION_AFTER, end, to);
}

/** A place in the body a reviewer can find: a clause number, or the heading it sits under. */
export interface Clause {
  /** "clause 4.1", or undefined when the text has no number there. */
  readonly number?: string;
  /** The heading the place is under, such as "4. Retention". */
  readonly heading?: string;
}

interface ClauseMark {
  readonly offset: number;
  readonly clause: Clause;
}

const CLAUSE_LINE = /^[ \t]{0,3}(?:(#{1,6})[ \t]+(.*)|(?:clause[ \t]+|section[ \t]+)?(\d{1,3}(?:\.\d{1,3}){1,4}|\d{1,3}(?=\.|\\\.|\)))(?:\.|\\\.|\))?[ \t]+\S)/gim;

const marksByText = new Map<string, ClauseMark[]>();

/** Every line that starts a clause or is a heading, in order, each with the heading above it: one pass over the file. */
function clauseMarks(file: string): ClauseMark[] {
  const cached = marksByText.get(file);
  if (cached) return cached;
  const marks: ClauseMark[] = [];
  let heading: string | undefined;
  for (const m of file.matchAll(CLAUSE_LINE)) {
    if (m[1]) {
      heading = m[2]!.replace(/\s*#*\s*$/, '').replace(/\\(.)/g, '$1').trim();
      marks.push({ offset: m.index ?? 0, clause: { heading } });
    } else {
      marks.push({ offset: m.index ?? 0, clause: { number: m[3]!, ...(heading ? { heading } : {}) } });
    }
  }
  // One file's marks at a time: a run lints files one after another.
  marksByText.clear();
  marksByText.set(file, marks);
  return marks;
}

/**
 * The clause that holds a file offset: the nearest clause number at the start of a line at or
 * before it (within the same section), and the heading above it. Lines are read from the file
 * text, so it works whatever Markdown made of the numbers (a list item, a paragraph).
 */
export function clauseAt(file: string, offset: number): Clause {
  const marks = clauseMarks(file);
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid]!.offset <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? marks[lo - 1]!.clause : {};
}
