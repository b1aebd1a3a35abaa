/**
 * Validates agreement data against the JSON Schema and turns ajv's errors into one
 * plain-English problem per real mistake, each pointing at the offending path.
 */
import type { ErrorObject } from 'ajv';
import { suggest } from '../core/suggest.js';
import { lowerFirst } from '../core/words.js';
import type { AgreementPath, PathSegment } from '../core/locate.js';
import { formatPath, parsePath } from '../core/locate.js';

export interface SchemaProblem {
  readonly messageId: 'missing' | 'unknown-key' | 'bad-value' | 'wrong-type' | 'bad-format' | 'empty' | 'not-a-mapping' | 'duplicate-item';
  readonly path: AgreementPath;
  /** Point at the key rather than the value (unknown keys, and parents of missing keys). */
  readonly part: 'key' | 'value';
  readonly message: string;
}


/** A compiled validator: ajv's own, or the standalone one generated at build time. */
export type CompiledValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

export class SchemaValidator {
  private readonly validateFn: CompiledValidator;

  /** `compiled` is the generated standalone validator (or, in tests, ajv's compile of `schema`). */
  constructor(private readonly schema: Record<string, unknown>, compiled: CompiledValidator) {
    this.validateFn = compiled;
  }

  /**
   * `suggestAtMost`: how many problems get a "did you mean" or the list of allowed values (an
   * edit distance against every allowed value is the costly part). The engine passes its
   * findings cap: past it problems are only counted, so a file of 100,000 unknown keys is not
   * compared 100,000 times.
   */
  validate(data: unknown, suggestAtMost = Number.POSITIVE_INFINITY): SchemaProblem[] {
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
    return explainErrors(this.validateFn.errors ?? [], data, this.schema, suggestAtMost);
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

function listAllowed(values: readonly unknown[]): string {
  const shown = values.slice(0, 12).map((v) => `\`${String(v)}\``);
  return values.length > 12 ? `${shown.join(', ')} and ${values.length - 12} more (see \`dsalint schema\`)` : shown.join(', ');
}

/** The schema object holding the failed keyword, found from the error's schemaPath. */
function parentSchemaOf(schema: Record<string, unknown>, schemaPath: string): Record<string, unknown> | undefined {
  const segments = schemaPath.replace(/^#\//, '').split('/').slice(0, -1);
  let node: unknown = schema;
  for (const raw of segments) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}

export function explainErrors(errors: readonly ErrorObject[], data: unknown, schema: Record<string, unknown>, suggestAtMost = Number.POSITIVE_INFINITY): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  // A value of the wrong type also fails its pattern, enum and so on: report the type only.
  const wrongTypePaths = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  // Many errors share a failed keyword (100,000 unknown keys at the top level): find its schema once.
  const parentSchemas = new Map<string, Record<string, unknown> | undefined>();
  const parentSchema = (schemaPath: string): Record<string, unknown> | undefined => {
    if (!parentSchemas.has(schemaPath)) parentSchemas.set(schemaPath, parentSchemaOf(schema, schemaPath));
    return parentSchemas.get(schemaPath);
  };
  const helping = (): boolean => problems.length < suggestAtMost;

  for (const raw of errors) {
    const error = { ...raw, parentSchema: parentSchema(raw.schemaPath) };
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
        const allowed = helping() ? Object.keys((error.parentSchema?.['properties'] ?? {}) as Record<string, unknown>) : [];
        const guess = helping() ? suggest(key, allowed) : undefined;
        const where = path.length === 0 ? 'at the top level' : `in ${code(path)}`;
        const help = guess ? ` Did you mean \`${guess}\`?` : helping() ? ` Allowed keys: ${listAllowed(allowed)}.` : '';
        problem = {
          messageId: 'unknown-key',
          path: [...path, key],
          part: 'key',
          message: /\s/.test(key.trim())
            ? // Prose as a key is almost always a value with a comma, split inside `{ ... }`.
              `Unknown key \`${key}\` ${where}: this looks like part of a value. A value that contains a comma inside \`{ }\` or \`[ ]\` must be in quotes.`
            : `Unknown key \`${key}\` ${where}.${help}`,
        };
        break;
      }
      case 'enum': {
        const allowed = (error.params['allowedValues'] ?? []) as unknown[];
        const guess = typeof actual === 'string' && helping() ? suggest(actual, allowed.map(String)) : undefined;
        const help = guess ? ` Did you mean \`${guess}\`?` : helping() ? ` Use one of ${listAllowed(allowed)}.` : '';
        problem = {
          messageId: 'bad-value',
          path,
          part: 'value',
          message: `${code(path)} is ${show(actual)}, which is not an allowed value.${help}`,
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
