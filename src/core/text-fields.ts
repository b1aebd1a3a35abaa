/**
 * Every piece of free text an agreement holds, for rules that read wording rather than
 * structure (outdated law, template placeholders): each string value in the YAML with its
 * path and its source text, and, for a Markdown agreement, each paragraph of the body.
 * A phrase is matched on the source text of a YAML value, so one folded over two lines is
 * still found and reported at its exact place.
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { AgreementPath } from './locate.js';
import type { Path } from './rule.js';
import type { AgreementSource } from './source.js';
import { fileOffsets, proseBlocks, sentenceHas } from './prose.js';

export interface TextField {
  /** Where the text is: a YAML path, or undefined for Markdown prose. */
  readonly path?: Path;
  /** The text as written (for YAML, the value's source including quotes and folds). */
  readonly text: string;
  /** File offsets of characters `start` (inclusive) to `end` (exclusive) of `text`. */
  offsets(start: number, end: number): [number, number];
  /** Whether a pattern occurs in the sentence around characters `start` to `end`, without them (linear over many look-ups). */
  sentenceHas(re: RegExp, start: number, end: number): boolean;
}

/** Each string value under the document's root, skipping the top-level keys given (such as `history`). */
export function yamlTextFields(document: Document, source: AgreementSource, skip: ReadonlySet<string> = new Set()): TextField[] {
  const out: TextField[] = [];
  const stack: { node: Node; path: AgreementPath }[] = document.contents ? [{ node: document.contents as Node, path: [] }] : [];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i]!;
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined || (path.length === 0 && skip.has(key)) || !pair.value) continue;
        stack.push({ node: pair.value as Node, path: [...path, key] });
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i] as Node, path: [...path, i] });
    } else if (isScalar(node) && typeof node.value === 'string' && node.range) {
      const [start, end] = node.range;
      const text = source.yamlText.slice(start, end);
      const base = source.yamlOffset + start;
      const block = { text, offsets: [] };
      // The walk follows the document, which passed the schema, so its paths are paths of the format.
      out.push({ path: path as Path, text, offsets: (s, e) => [base + s, base + e], sentenceHas: (re, s, e) => sentenceHas(block, re, s, e) });
    }
  }
  return out;
}

const allFields = new WeakMap<Document, { readonly skip: string; readonly fields: readonly TextField[] }>();

/**
 * Every piece of free text: the YAML string values (skipping the top-level keys given) and
 * the Markdown prose. Several rules read the same document's text, so it is gathered once.
 */
export function allTextFields(document: Document, source: AgreementSource, skip: ReadonlySet<string> = new Set()): readonly TextField[] {
  const key = [...skip].sort().join('\n');
  const known = allFields.get(document);
  if (known?.skip === key) return known.fields;
  const fields = [...yamlTextFields(document, source, skip), ...proseTextFields(source)];
  allFields.set(document, { skip: key, fields });
  return fields;
}

const joinedTexts = new WeakMap<readonly TextField[], string>();

/**
 * A pattern that can be ruled out on the fields' texts joined by line breaks: one that
 * finds something in a field finds it in the joined text too. Anchors and negative or
 * backward-looking assertions could see the joins, so they are not tried that way.
 */
function joinSafe(pattern: RegExp): boolean {
  const source = pattern.source.replace(/\\./g, '').replace(/\[\^/g, '[');
  return !pattern.sticky && !pattern.multiline && !/[$^]|\(\?<|\(\?!/.test(source);
}

/**
 * Each match of a global pattern in each field, in field order. Most agreements contain
 * none of the phrases a rule looks for, so the pattern is first tried once over all the
 * text together instead of field by field.
 */
export function* fieldMatches(fields: readonly TextField[], pattern: RegExp): Generator<{ field: TextField; match: RegExpExecArray }> {
  if (joinSafe(pattern)) {
    let joined = joinedTexts.get(fields);
    if (joined === undefined) joinedTexts.set(fields, (joined = fields.map((f) => f.text).join('\n')));
    pattern.lastIndex = 0;
    const found = pattern.test(joined);
    pattern.lastIndex = 0;
    if (!found) return;
  }
  for (const field of fields) for (const match of field.text.matchAll(pattern)) yield { field, match: match as RegExpExecArray };
}

/** Each paragraph and heading of a Markdown agreement's body (none for a YAML file). */
export function proseTextFields(source: AgreementSource): TextField[] {
  if (source.kind !== 'markdown' || !source.markdown) return [];
  return proseBlocks(source.markdown, source.text).map((block) => ({
    text: block.text,
    offsets: (s, e) => fileOffsets(block, s, e),
    sentenceHas: (re, s, e) => sentenceHas(block, re, s, e),
  }));
}
