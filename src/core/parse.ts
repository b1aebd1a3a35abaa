/**
 * YAML parsing with the hazards kept as data: syntax errors, extra documents, unresolved
 * tags and alias expansion are all reported by document rules, never thrown.
 */
import { CST, Composer, Parser, parseDocument, isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type YAMLError, type YAMLWarning, type Pair } from 'yaml';

/** More aliases than this in one agreement is treated as an attack on the parser. */
export const MAX_ALIASES = 20;

/** Syntax errors and warnings kept from one parse; the rest are only counted (`problemsDropped`). */
export const MAX_YAML_PROBLEMS = 10_000;

/** Deeper `[` / `{` nesting than this is refused before parsing: no agreement needs it, and the parser's work grows with it. */
export const MAX_FLOW_DEPTH = 64;

/**
 * More lines than this is refused before parsing: no agreement is this long, and the parser's
 * memory grows with the lines of a broken file (5 MiB of unclosed quotes took 3 GB).
 */
export const MAX_YAML_LINES = 200_000;

/** Where the line past MAX_YAML_LINES starts, found in one pass, or undefined. */
function pastLineLimit(text: string): [number, number] | undefined {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (++lines > MAX_YAML_LINES) return [i + 1, Math.min(i + 2, text.length)];
  }
  return undefined;
}

/**
 * Where flow nesting first goes deeper than the limit, found in one linear pass (brackets in
 * quotes and comments are counted too, which only makes the bound stricter).
 */
function firstTooDeep(text: string): [number, number] | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_FLOW_DEPTH) return [i, i + 1];
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return undefined;
}

/** A span with both ends inside a text of `length` characters (an empty span at the end is allowed). */
function clampSpan(span: readonly [number, number], length: number): [number, number] {
  const start = Math.min(Math.max(0, span[0]), length);
  return [start, Math.min(Math.max(start, span[1]), length)];
}

/** Where a document starts: its `---` marker, or at most its first three characters on its first line. */
function documentMarker(text: string, start: number): [number, number] {
  const [from] = clampSpan([start, start], text.length);
  let to = from;
  while (to < Math.min(from + 3, text.length) && text[to] !== '\n' && text[to] !== '\r') to++;
  return [from, to];
}

export interface DuplicateKey {
  readonly key: string;
  readonly first: [number, number];
  readonly duplicate: [number, number];
}

export interface ParsedYaml {
  readonly document: Document;
  /** Offsets (into the YAML text) of the start of each document after the first: its `---`, or its first characters. */
  readonly extraDocuments: readonly [number, number][];
  readonly errors: readonly YAMLError[];
  readonly warnings: readonly YAMLWarning[];
  readonly duplicateKeys: readonly DuplicateKey[];
  readonly aliases: readonly [number, number][];
  /** The YAML as plain data; undefined when there are syntax errors or too many aliases. */
  readonly data: unknown;
  /** Converting to data failed for a reason other than syntax. */
  readonly conversionError?: string;
  /** Offsets where nesting went past MAX_FLOW_DEPTH (the file was not parsed), or where the parser ran out of stack. */
  readonly tooDeep?: [number, number];
  /** Where the line past MAX_YAML_LINES starts, when the file was refused for its length (not parsed). */
  readonly tooLong?: [number, number];
  /** The first list or mapping used as a mapping key (`? [a, b]`): the YAML is then not converted to data. */
  readonly complexKey?: [number, number];
  /** Syntax errors and warnings past MAX_YAML_PROBLEMS, counted but not kept. */
  readonly problemsDropped: number;
  /** Comments holding a `dsalint-disable` directive, with their offsets into the YAML text, in order. */
  readonly directiveComments: readonly YamlComment[];
}

export interface YamlComment {
  readonly offset: number;
  readonly source: string;
}

/**
 * The comments in a token stream that carry a waiver directive. The tokens nest as deep as
 * the YAML does, so the walk keeps its own stack rather than recursing.
 */
function directiveComments(tokens: readonly object[]): YamlComment[] {
  const comments: YamlComment[] = [];
  // The parser's tokens form a tree (no token is shared or points back), so no visited set:
  // on 50,000 waiver comments that set cost more than the walk itself.
  const stack: object[] = [...tokens];
  while (stack.length > 0) {
    const value = stack.pop()!;
    if (Array.isArray(value)) {
      for (const child of value as unknown[]) if (child !== null && typeof child === 'object') stack.push(child);
      continue;
    }
    const token = value as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === 'comment') {
      if (typeof token.offset === 'number' && typeof token.source === 'string' && token.source.includes('dsalint-disable')) comments.push({ offset: token.offset, source: token.source });
      continue;
    }
    for (const key in value) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return comments.sort((a, b) => a.offset - b.offset);
}

export function parseYaml(yamlText: string): ParsedYaml {
  // logLevel error: the parser's warnings are findings here, never lines on the terminal.
  const options = { uniqueKeys: false, prettyErrors: false, strict: true, merge: false, logLevel: 'error' } as const;
  const long = pastLineLimit(yamlText);
  const deep = long ? undefined : firstTooDeep(yamlText);
  if (deep || long) {
    return {
      document: parseDocument('', options),
      extraDocuments: [],
      errors: [],
      warnings: [],
      duplicateKeys: [],
      aliases: [],
      data: undefined,
      ...(deep ? { tooDeep: deep } : {}),
      ...(long ? { tooLong: long } : {}),
      directiveComments: [],
      problemsDropped: 0,
    };
  }
  // One pass of the parser: its tokens feed both the composer (as parseAllDocuments does)
  // and the search for waiver comments, so the YAML is never parsed twice.
  // The parser makes an Error object per problem: without stack traces they cost a tenth as much.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let tokens: CST.Token[];
  let documents: Document.Parsed[];
  let problemsDropped = 0;
  try {
    // A hostile file can hold millions of syntax errors; record the first few thousand and count the rest.
    let problems = 0;
    tokens = [];
    for (const token of new Parser().parse(yamlText)) {
      // A stray character between documents is an error token of its own, which the composer
      // turns into an error without telling onError: 160,000 lines of `]]]]]` made 800,000.
      if (token.type === 'error' && ++problems > MAX_YAML_PROBLEMS) problemsDropped++;
      else tokens.push(token);
    }
    const composer = new Composer(options);
    // `onError` is the composer's own (private in yaml's types) sink for every other problem it finds.
    const sink = composer as unknown as { onError: (...args: unknown[]) => void };
    const record = sink.onError;
    sink.onError = (...args) => {
      if (++problems <= MAX_YAML_PROBLEMS) record(...args);
      else problemsDropped++;
    };
    documents = [...composer.compose(tokens)];
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const comments = yamlText.includes('dsalint-disable') ? directiveComments(tokens) : [];
  // An empty stream still gets one empty document, so rules always have one.
  const document = documents[0] ?? parseDocument('', options);
  const extraDocuments = documents.slice(1).map((d) => documentMarker(yamlText, d.range[0]));

  const duplicateKeys: DuplicateKey[] = [];
  const aliases: [number, number][] = [];
  let complexKey: [number, number] | undefined;
  // A plain walk: yaml's generic `visit` builds a frozen path array for every node, which
  // dominated lint time on large corpora. Nesting is bounded by MAX_FLOW_DEPTH and the
  // parser's own limits, so recursion depth is safe.
  const walk = (node: unknown): void => {
    if (isAlias(node)) {
      if (node.range) aliases.push([node.range[0], node.range[1]]);
    } else if (isMap(node)) {
      const seen = new Map<string, Pair<unknown, unknown>>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const key = String(pair.key.value);
          const first = seen.get(key);
          if (first && isScalar(first.key) && first.key.range && pair.key.range) {
            duplicateKeys.push({ key, first: [first.key.range[0], first.key.range[1]], duplicate: [pair.key.range[0], pair.key.range[1]] });
          } else {
            seen.set(key, pair);
          }
        } else {
          const span = (pair.key as Node | null)?.range;
          if (span && !complexKey) complexKey = [span[0], span[1]];
          walk(pair.key);
        }
        walk(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(isPair(item) ? (item as Pair<unknown, unknown>).value : item);
    }
  };
  walk(document.contents as Node | null);

  // The parser sometimes places an error at the end of the input plus one (an unclosed `[` or
  // quote on the last line, a short extra document): clamp every position into the text.
  for (const problem of [...document.errors, ...document.warnings]) problem.pos = clampSpan(problem.pos, yamlText.length);

  // The parser reports running out of stack as an ordinary error; say it plainly instead.
  const stackError = document.errors.find((e) => /call stack/i.test(e.message));
  const errors = stackError ? document.errors.filter((e) => e !== stackError) : document.errors;
  let data: unknown;
  let conversionError: string | undefined;
  // A list or mapping used as a key becomes text when converted, and nested ones grow exponentially.
  if (errors.length === 0 && aliases.length <= MAX_ALIASES && !complexKey) {
    try {
      data = document.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      conversionError = error instanceof Error ? error.message : String(error);
    }
  }
  if (stackError) {
    return { document, extraDocuments, errors, warnings: document.warnings, duplicateKeys, aliases, data: undefined, tooDeep: [stackError.pos[0], stackError.pos[1]], directiveComments: comments, problemsDropped };
  }
  return { document, extraDocuments, errors, warnings: document.warnings, duplicateKeys, aliases, data, conversionError, directiveComments: comments, problemsDropped, ...(complexKey ? { complexKey } : {}) };
}
