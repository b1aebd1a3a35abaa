/**
 * The one place where offsets become line/column positions, and agreement paths become
 * ranges. Rules never compute positions: they name a path (or, for text rules, offsets),
 * and the engine asks this module where that is.
 *
 * Offsets are UTF-16 indices into the file text (BOM removed). Lines end at LF, CRLF or a
 * lone CR. Columns are 1-based UTF-16 code units, so a tab is one column and a character
 * outside the BMP is two, exactly as SARIF's `utf16CodeUnits` column kind counts them.
 */
import { location } from 'vfile-location';
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { Agreement } from '../generated/agreement.js';
import type { Position, Range } from './types.js';

export type PathSegment = string | number;
export type AgreementPath = readonly PathSegment[];

type PreviousDepth = [never, 0, 1, 2, 3, 4, 5, 6, 7];
type PathIn<T, Depth extends number> = [Depth] extends [never]
  ? never
  : T extends readonly (infer Item)[]
    ? readonly [number] | readonly [number, ...PathIn<Item, PreviousDepth[Depth]>]
    : T extends object
      ? { [K in keyof T & string]-?: readonly [K] | readonly [K, ...PathIn<NonNullable<T[K]>, PreviousDepth[Depth]>] }[keyof T & string]
      : never;

/**
 * A path into the agreement, checked against the agreement format (src/generated/agreement.ts):
 * `['flows', i, 'access', 'mode']` compiles, a misspelt key does not. `[]` is the whole agreement.
 */
export type Path = readonly [] | PathIn<Agreement, 8>;

/** A checked path with more segments (an index or key computed at run time) added; only the base is checked. */
export function extendPath(base: Path, ...segments: readonly PathSegment[]): Path {
  return [...base, ...segments] as readonly PathSegment[] as Path;
}


export class Locator {
  private readonly index: ReturnType<typeof location>;

  constructor(readonly text: string) {
    this.index = location(text);
  }

  position(offset: number): Position {
    const clamped = Math.min(Math.max(0, offset), this.text.length);
    const point = this.index.toPoint(clamped);
    if (!point) return { line: 1, column: 1 };
    return { line: point.line, column: point.column };
  }

  range(startOffset: number, endOffset: number): Range {
    const start = Math.min(Math.max(0, startOffset), this.text.length);
    const end = Math.min(Math.max(start, endOffset), this.text.length);
    return { start: this.position(start), end: this.position(end), startOffset: start, endOffset: end };
  }
}

/** Format a path the way messages and JSON output show it: `flows[0].access.mode`. */
export function formatPath(path: AgreementPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** Parse `flows[0].access.mode` (or an ajv JSON pointer) back into segments. */
export function parsePath(text: string): PathSegment[] {
  if (text === '' || text === '/') return [];
  if (text.startsWith('/')) {
    return text
      .slice(1)
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  }
  const segments: PathSegment[] = [];
  for (const match of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}

export type RangePart = 'value' | 'key' | 'pair';

export interface ResolvedPath {
  /** The deepest node found along the path. */
  readonly node: Node | null;
  /** The map entry holding `node`, when it is a map value. */
  readonly pair?: Pair<unknown, unknown>;
  /** The segments that exist. */
  readonly found: AgreementPath;
  /** True when the full path does not exist (the finding is about something missing). */
  readonly missing: boolean;
}

function keyMatches(pair: Pair<unknown, unknown>, segment: PathSegment): boolean {
  // Only a plain key can be a path segment. A mapping or list used as a key (`? [a]`) is never
  // turned into text here: nested ones grow exponentially when written out.
  if (!isScalar(pair.key)) return false;
  const value = pair.key.value;
  return value === segment || String(value) === String(segment);
}

export function resolvePath(document: Document, path: AgreementPath): ResolvedPath {
  let node = document.contents as Node | null;
  let pair: Pair<unknown, unknown> | undefined;
  const found: PathSegment[] = [];
  for (const segment of path) {
    if (isMap(node)) {
      const next = node.items.find((item) => keyMatches(item, segment));
      if (!next) return { node, pair, found, missing: true };
      pair = next;
      node = (next.value as Node | null) ?? null;
      found.push(segment);
      if (node === null) return { node, pair, found, missing: found.length < path.length };
    } else if (isSeq(node) && typeof segment === 'number') {
      const next = node.items[segment] as Node | undefined;
      if (next === undefined) return { node, pair, found, missing: true };
      pair = undefined;
      node = next;
      found.push(segment);
    } else {
      return { node, pair, found, missing: true };
    }
  }
  return { node, pair, found, missing: false };
}

function nodeSpan(node: Node | null | undefined): [number, number] | undefined {
  const range = node?.range;
  if (!range) return undefined;
  return [range[0], range[1]];
}

/**
 * Ranges for paths in one parsed agreement. Offsets from the YAML parser are relative to
 * the YAML text, which in a Markdown file starts after the front-matter fence.
 */
export class AgreementLocator {
  constructor(
    private readonly document: Document,
    private readonly yamlText: string,
    private readonly yamlOffset: number,
    readonly locator: Locator,
  ) {}

  /** A range from offsets into the whole file. */
  rangeOfOffsets(start: number, end: number): Range {
    return this.locator.range(start, end);
  }

  /** A range from offsets into the YAML text. */
  rangeOfYamlOffsets(start: number, end: number): Range {
    return this.locator.range(start + this.yamlOffset, end + this.yamlOffset);
  }

  rangeOfPath(path: AgreementPath, part: RangePart = 'value'): Range {
    const [start, end] = this.spanOfPath(path, part);
    return this.rangeOfYamlOffsets(start, end);
  }

  /**
   * A missing key is reported at its nearest existing parent's key; a missing top-level
   * section at the document's first key, so a location is always a real place in the file.
   */
  private spanOfPath(path: AgreementPath, part: RangePart): [number, number] {
    const resolved = resolvePath(this.document, path);
    const { node, pair, missing } = resolved;
    const keySpan = pair && isScalar(pair.key) ? nodeSpan(pair.key) : undefined;
    const valueSpan = nodeSpan(node);
    if (missing || part === 'key') {
      if (keySpan) return keySpan;
      if (resolved.found.length === 0) return this.firstKeySpan() ?? valueSpan ?? [0, 0];
      if (valueSpan) return this.firstLineOf(valueSpan);
      return [0, 0];
    }
    if (part === 'pair' && keySpan) return [keySpan[0], valueSpan && valueSpan[1] > keySpan[1] ? valueSpan[1] : keySpan[1]];
    // An empty value (`key:` with nothing after it) has no width: point at its key.
    if (!valueSpan || valueSpan[1] <= valueSpan[0]) return keySpan ?? valueSpan ?? [0, 0];
    return valueSpan;
  }

  private firstKeySpan(): [number, number] | undefined {
    const root = this.document.contents;
    if (isMap(root)) {
      const first = root.items[0];
      if (first && isPair(first) && isScalar(first.key)) return nodeSpan(first.key);
    }
    const span = nodeSpan(root as Node | null);
    return span ? this.firstLineOf(span) : undefined;
  }

  /** A sequence item can span many lines; a missing key inside it points at its first line. */
  private firstLineOf(span: [number, number]): [number, number] {
    const newline = this.yamlText.slice(span[0], span[1]).search(/\r|\n/);
    return newline < 0 ? span : [span[0], span[0] + newline];
  }
}
