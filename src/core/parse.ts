/**
 * YAML parsing with the hazards kept as data: syntax errors, extra documents, unresolved
 * tags and alias expansion are all reported by document rules, never thrown.
 */
import { parseAllDocuments, parseDocument, visit, isScalar, type Document, type YAMLError, type YAMLWarning, type Pair } from 'yaml';

/** More aliases than this in one agreement is treated as an attack on the parser. */
export const MAX_ALIASES = 20;

export interface DuplicateKey {
  readonly key: string;
  readonly first: [number, number];
  readonly duplicate: [number, number];
}

export interface ParsedYaml {
  readonly document: Document;
  /** Offsets (into the YAML text) of documents after the first. */
  readonly extraDocuments: readonly [number, number][];
  readonly errors: readonly YAMLError[];
  readonly warnings: readonly YAMLWarning[];
  readonly duplicateKeys: readonly DuplicateKey[];
  readonly aliases: readonly [number, number][];
  /** The YAML as plain data; undefined when there are syntax errors or too many aliases. */
  readonly data: unknown;
  /** Converting to data failed for a reason other than syntax. */
  readonly conversionError?: string;
}

export function parseYaml(yamlText: string): ParsedYaml {
  const options = { uniqueKeys: false, prettyErrors: false, strict: true, merge: false } as const;
  const all = parseAllDocuments(yamlText, options);
  const documents = Array.isArray(all) ? all : [];
  // An empty stream still gets one empty document, so rules always have one.
  const document = documents[0] ?? parseDocument('', options);
  const extraDocuments = documents.slice(1).map((d) => [d.range[0], Math.max(d.range[0] + 3, d.range[1])] as [number, number]);

  const duplicateKeys: DuplicateKey[] = [];
  const aliases: [number, number][] = [];
  visit(document, {
    Map(_, map) {
      const seen = new Map<string, Pair<unknown, unknown>>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const first = seen.get(key);
        if (first && isScalar(first.key) && first.key.range && pair.key.range) {
          duplicateKeys.push({ key, first: [first.key.range[0], first.key.range[1]], duplicate: [pair.key.range[0], pair.key.range[1]] });
        } else {
          seen.set(key, pair);
        }
      }
    },
    Alias(_, alias) {
      if (alias.range) aliases.push([alias.range[0], alias.range[1]]);
    },
  });

  const errors = document.errors;
  let data: unknown;
  let conversionError: string | undefined;
  if (errors.length === 0 && aliases.length <= MAX_ALIASES) {
    try {
      data = document.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      conversionError = error instanceof Error ? error.message : String(error);
    }
  }
  return { document, extraDocuments, errors, warnings: document.warnings, duplicateKeys, aliases, data, conversionError };
}
