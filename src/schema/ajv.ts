/**
 * The ajv compiler, configured for our schemas. Used at build time (`npm run generate`
 * writes standalone validators) and by tests; the CLI itself never compiles a schema.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020, formats: string[]) => void;

export type AjvCodeOptions = NonNullable<ConstructorParameters<typeof Ajv2020>[0]>['code'];

/** An ajv instance that knows our annotations (`code` for generating standalone validators). */
export function createAjv(code?: AjvCodeOptions): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, ...(code ? { code } : {}) });
  addFormats(ajv, ['date', 'uri', 'email', 'duration', 'regex']);
  ajv.addKeyword({ keyword: 'x-hint', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'enumDescriptions', schemaType: 'array' });
  return ajv;
}
