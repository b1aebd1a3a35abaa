/**
 * Inline waivers: `# dsalint-disable-next-line <rule>[, <rule>] -- <reason>` in YAML, or
 * `<!-- dsalint-disable-next-line <rule> -- <reason> -->` in a Markdown body. A waiver
 * covers findings that start on the next line holding content. The reason may end with
 * `; approved by: <name and role>; expires: YYYY-MM-DD`, which a waiver of an error needs
 * by default (`waiver_policy` in the config).
 */
import type { YamlComment } from './parse.js';
import type { Root } from 'mdast';

export interface InlineWaiver {
  readonly rules: readonly string[];
  readonly reason?: string;
  readonly approvedBy?: string;
  /** YYYY-MM-DD. */
  readonly expires?: string;
  /** Offsets of the comment in the file text. */
  readonly offsets: readonly [number, number];
  /** Offset of the first character of the line the waiver covers, or -1 when none follows. */
  readonly coversLineAt: number;
}

const DIRECTIVE = /dsalint-disable-next-line\b(.*)$/s;

const APPROVED_BY = /;\s*approved[ _-]by\s*:\s*([^;]*)/i;
const EXPIRES = /;\s*expires\s*:\s*([^;\s]*)/i;

type Directive = { rules: string[]; reason?: string; approvedBy?: string; expires?: string };

function parseDirective(body: string): Directive | undefined {
  const match = DIRECTIVE.exec(body);
  if (!match) return undefined;
  const rest = (match[1] ?? '').replace(/-->\s*$/, '');
  const split = rest.indexOf('--');
  const rulesPart = split >= 0 ? rest.slice(0, split) : rest;
  const text = split >= 0 ? rest.slice(split + 2).trim() : '';
  const rules = rulesPart.split(/[\s,]+/).filter(Boolean);
  const approvedBy = APPROVED_BY.exec(text)?.[1]?.trim();
  const expires = EXPIRES.exec(text)?.[1]?.trim();
  const firstField = [APPROVED_BY.exec(text)?.index, EXPIRES.exec(text)?.index].filter((i): i is number => i !== undefined).sort((a, b) => a - b)[0];
  const reason = (firstField === undefined ? text : text.slice(0, firstField)).trim();
  return { rules, ...(reason ? { reason } : {}), ...(approvedBy ? { approvedBy } : {}), ...(expires ? { expires } : {}) };
}

/**
 * The start of the next line after `offset` that holds something other than space or a
 * comment. `known` remembers the answer for every line already skipped, so a run of many
 * waiver comments is walked once, not once per comment.
 */
function nextContentLine(text: string, offset: number, known: Map<number, number>): number {
  let lineStart = nextLineStart(text, offset);
  const skipped: number[] = [];
  let found = -1;
  while (lineStart >= 0 && lineStart < text.length) {
    const remembered = known.get(lineStart);
    if (remembered !== undefined) {
      found = remembered;
      break;
    }
    const end = lineEnd(text, lineStart);
    const line = text.slice(lineStart, end).trim();
    if (line !== '' && !line.startsWith('#') && !line.startsWith('<!--')) {
      found = lineStart;
      break;
    }
    skipped.push(lineStart);
    lineStart = nextLineStart(text, end);
  }
  for (const start of skipped) known.set(start, found);
  return found;
}

/** A line break at or after `lastIndex`; searched in place, never on a copy of the rest of the text. */
const LINE_BREAK = /\r\n|\r|\n/g;

function lineEnd(text: string, from: number): number {
  LINE_BREAK.lastIndex = from;
  const match = LINE_BREAK.exec(text);
  return match ? match.index : text.length;
}

function nextLineStart(text: string, from: number): number {
  LINE_BREAK.lastIndex = from;
  const match = LINE_BREAK.exec(text);
  return match ? match.index + match[0].length : -1;
}

/** `comments` are the YAML's directive comments, found by the parse (offsets into the YAML text). */
export function findInlineWaivers(text: string, comments: readonly YamlComment[], yamlOffset: number, markdown?: Root): InlineWaiver[] {
  const waivers: InlineWaiver[] = [];
  const known = new Map<number, number>();
  for (const comment of comments) {
    const directive = parseDirective(comment.source.replace(/^#/, ''));
    if (!directive) continue;
    const start = comment.offset + yamlOffset;
    waivers.push({ ...directive, offsets: [start, start + comment.source.length], coversLineAt: nextContentLine(text, start, known) });
  }
  if (markdown && text.includes('dsalint-disable')) {
    for (const node of markdown.children) {
      if (node.type !== 'html') continue;
      const directive = parseDirective(node.value.replace(/^<!--/, ''));
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (!directive || start === undefined || end === undefined) continue;
      waivers.push({ ...directive, offsets: [start, end], coversLineAt: nextContentLine(text, start, known) });
    }
  }
  return waivers;
}
