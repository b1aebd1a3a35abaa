/**
 * Validates agreement data against the JSON Schema and turns ajv's errors into one
 * plain-English problem per real mistake, each pointing at the offending path.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { closest, distance } from 'fastest-levenshtein';
import type { AgreementPath, PathSegment } from '../core/locate.js';
import { formatPath, parsePath } from '../core/locate.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020, formats: string[]) => void;

export interface SchemaProblem {
  readonly messageId: 'missing' | 'unknown-key' | 'bad-value' | 'wrong-type' | 'bad-format' | 'empty' | 'not-a-mapping' | 'duplicate-item';
  readonly path: AgreementPath;
  /** Point at the key rather than the value (unknown keys, and parents of missing keys). */
  readonly part: 'key' | 'value';
  readonly message: string;
}

/** Build an ajv instance that knows our annotations. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true, allowUnionTypes: true });
  addFormats(ajv, ['date', 'uri', 'email', 'duration']);
  ajv.addKeyword({ keyword: 'x-hint', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'enumDescriptions', schemaType: 'array' });
  return ajv;
}

export class SchemaValidator {
  private readonly validateFn: ValidateFunction;

  constructor(schema: Record<string, unknown>, ajv: Ajv2020 = createAjv()) {
    this.validateFn = ajv.compile(schema);
  }

  validate(data: unknown): SchemaProblem[] {
    if (data === null || data === undefined) {
      return [{ messageId: 'empty', path: [], part: 'key', message: 'The agreement is empty. It needs at least `dsalint: 1`, `id` and `title`; run `dsalint init` for a starter agreement.' }];
    }
    if (typeof data !== 'object' || Array.isArray(data)) {
      return [{
        messageId: 'not-a-mapping',
        path: [],
        part: 'value',
        message: `An agreement must be a mapping of keys to values starting with \`dsalint: 1\`, but this file holds ${describeType(data)}.`,
      }];
    }
    if (this.validateFn(data)) return [];
    return explainErrors(this.validateFn.errors ?? [], data);
  }
}

function describeType(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return Number.isInteger(value) ? 'a whole number' : 'a number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'a mapping of keys to values';
    default:
      return typeof value;
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
  null: 'empty',
};

function valueAt(data: unknown, path: AgreementPath): unknown {
  let node: unknown = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PathSegment, unknown>)[segment];
  }
  return node;
}

function show(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  return JSON.stringify(value) ?? String(value);
}

function code(path: AgreementPath): string {
  const text = formatPath(path);
  return text === '' ? 'the agreement' : `\`${text}\``;
}

/** A close match among candidates, for "did you mean". */
export function suggest(value: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = value.toLowerCase().replace(/[\s-]+/g, '_');
  const exact = candidates.find((c) => c.toLowerCase() === lower);
  if (exact) return exact;
  const best = closest(lower, candidates as string[]);
  const limit = Math.max(2, Math.floor(best.length / 3));
  const d = distance(lower, best);
  // A short id that differs in every character ("c" for "a") is no suggestion at all.
  if (d <= limit && d < Math.min(lower.length, best.length)) return best;
  // `gp_surgery` → `gp_practice` is too far by edit distance; a shared leading word helps.
  const prefix = lower.split('_')[0] ?? '';
  const byPrefix = prefix.length >= 3 ? candidates.filter((c) => c.startsWith(prefix)) : [];
  return byPrefix.length === 1 ? byPrefix[0] : undefined;
}

function listAllowed(values: readonly unknown[]): string {
  const shown = values.slice(0, 12).map((v) => `\`${String(v)}\``);
  return values.length > 12 ? `${shown.join(', ')} and ${values.length - 12} more (see \`dsalint schema\`)` : shown.join(', ');
}

interface VerboseError extends ErrorObject {
  parentSchema?: Record<string, unknown>;
}

export function explainErrors(errors: readonly ErrorObject[], data: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  // A value of the wrong type also fails its pattern, enum and so on: report the type only.
  const wrongTypePaths = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));

  for (const raw of errors) {
    const error = raw as VerboseError;
    const path = parsePath(error.instancePath);
    if (error.keyword !== 'type' && wrongTypePaths.has(error.instancePath)) continue;
    const hint = typeof error.parentSchema?.['x-hint'] === 'string' ? (error.parentSchema['x-hint'] as string) : undefined;
    const actual = valueAt(data, path);
    let problem: SchemaProblem | undefined;

    switch (error.keyword) {
      case 'required': {
        const missing = String(error.params['missingProperty']);
        const properties = (error.parentSchema?.['properties'] ?? {}) as Record<string, { description?: string }>;
        const description = properties[missing]?.description;
        problem = {
          messageId: 'missing',
          path,
          part: 'key',
          message: `${code(path) === 'the agreement' ? 'The agreement' : code(path)} is missing \`${missing}\`${description ? `: ${lowerFirst(description)}` : '.'}`,
        };
        break;
      }
      case 'additionalProperties': {
        const key = String(error.params['additionalProperty']);
        const allowed = Object.keys((error.parentSchema?.['properties'] ?? {}) as Record<string, unknown>);
        const guess = suggest(key, allowed);
        const where = path.length === 0 ? 'at the top level' : `in ${code(path)}`;
        problem = {
          messageId: 'unknown-key',
          path: [...path, key],
          part: 'key',
          message: `Unknown key \`${key}\` ${where}.${guess ? ` Did you mean \`${guess}\`?` : ` Allowed keys: ${listAllowed(allowed)}.`}`,
        };
        break;
      }
      case 'enum': {
        const allowed = (error.params['allowedValues'] ?? []) as unknown[];
        const guess = typeof actual === 'string' ? suggest(actual, allowed.map(String)) : undefined;
        problem = {
          messageId: 'bad-value',
          path,
          part: 'value',
          message: `${code(path)} is ${show(actual)}, which is not an allowed value.${guess ? ` Did you mean \`${guess}\`?` : ` Use one of ${listAllowed(allowed)}.`}`,
        };
        break;
      }
      case 'const':
        problem = { messageId: 'bad-value', path, part: 'value', message: `${code(path)} must be ${show(error.params['allowedValue'])}, not ${show(actual)}.` };
        break;
      case 'type': {
        const expected = String(error.params['type']).split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ');
        const quoteTip = expected === 'text' && (typeof actual === 'number' || typeof actual === 'boolean') ? ` Put it in quotes: "${String(actual)}".` : '';
        problem = {
          messageId: 'wrong-type',
          path,
          part: 'value',
          message: `${code(path)} must be ${expected}, but it is ${describeType(actual)}.${quoteTip}`,
        };
        break;
      }
      case 'pattern':
      case 'format':
        problem = {
          messageId: 'bad-format',
          path,
          part: 'value',
          message: `${code(path)} must be ${hint ?? `in the format ${String(error.params['format'] ?? error.params['pattern'])}`}; it is ${show(actual)}.`,
        };
        break;
      case 'minLength':
        problem = { messageId: 'bad-value', path, part: 'value', message: `${code(path)} must not be empty.` };
        break;
      case 'minItems':
        problem = { messageId: 'bad-value', path, part: 'value', message: `${code(path)} must list at least ${String(error.params['limit'])} item(s).` };
        break;
      case 'uniqueItems': {
        // ajv names both copies; point at the later one, the repeat.
        const j = Math.max(Number(error.params['i']), Number(error.params['j']));
        problem = { messageId: 'duplicate-item', path: [...path, j], part: 'value', message: `${code(path)} lists ${show((actual as unknown[])[j])} more than once.` };
        break;
      }
      case 'minimum':
      case 'maximum':
        problem = {
          messageId: 'bad-value',
          path,
          part: 'value',
          message: `${code(path)} must be at ${error.keyword === 'minimum' ? 'least' : 'most'} ${String(error.params['limit'])}; it is ${show(actual)}.`,
        };
        break;
      default:
        problem = { messageId: 'bad-value', path, part: 'value', message: `${code(path)} ${error.message ?? 'is not valid'}.` };
    }
    const key = `${problem.messageId}\u0000${formatPath(problem.path)}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function lowerFirst(text: string): string {
  // Keep acronyms such as "ODS" or "ISO"; lower-case an ordinary first word.
  return /^[A-Z](?![A-Z0-9])/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
