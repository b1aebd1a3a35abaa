/**
 * The JSON Schema of `.dsalint.yaml`, built from the rule registry so that every rule's
 * options schema appears in it. Written to schema/config.schema.json for editors; the
 * loader (config.ts) checks the same things with messages of its own. The rules block is
 * used at the top level and in each override, so it is defined once under `$defs`.
 */
import type { AnyRule } from './rule.js';
import { schemaUrl } from './schema-url.js';

export const CONFIG_SCHEMA_ID = schemaUrl('config.schema.json');

export function buildConfigSchema(rules: readonly AnyRule[]): Record<string, unknown> {
  const severity = { $ref: '#/$defs/severity' };
  const ruleProperties: Record<string, unknown> = {};
  for (const rule of rules) {
    const entry: Record<string, unknown> = {
      type: 'object',
      description: rule.meta.title,
      properties: {
        severity,
        ...(rule.meta.optionsSchema ? { options: rule.meta.optionsSchema } : {}),
      },
      additionalProperties: false,
    };
    ruleProperties[rule.id] = { description: rule.meta.title, anyOf: [severity, entry] };
  }
  const rulesSchema = { $ref: '#/$defs/rules' };
  const glob = { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Globs, relative to this config file\'s folder.' };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: CONFIG_SCHEMA_ID,
    title: 'dsalint configuration',
    description: 'Configuration for dsalint, in .dsalint.yaml.',
    type: 'object',
    properties: {
      root: { type: 'boolean', description: 'Stop here: configs in the folders above are not added to this one.' },
      extends: {
        description: 'What to start from: a preset (recommended, the default, or strict, which adds the advisory rules), a config file path (./base.dsalint.yaml) or an npm package; or a list of these.',
        anyOf: [
          { type: 'string', minLength: 1, examples: ['recommended', 'strict'] },
          { type: 'array', items: { type: 'string', minLength: 1, examples: ['recommended', 'strict'] } },
        ],
      },
      as_of: { type: 'string', format: 'date', description: 'The date date-based rules judge by (YYYY-MM-DD). Defaults to today; --as-of overrides it.' },
      max_file_size: {
        description: 'The largest agreement file dsalint reads, in bytes or with a unit (5MiB). Default 5MiB.',
        anyOf: [{ type: 'integer', minimum: 1 }, { type: 'string', pattern: '^\\d+(\\.\\d+)?\\s*(B|KiB|MiB|KB|MB)?$' }],
      },
      ignore: { ...glob, description: 'Files and folders not to lint.' },
      rules: rulesSchema,
      overrides: {
        type: 'array',
        description: 'Rule settings for some files only; later entries win.',
        items: {
          type: 'object',
          properties: { files: glob, rules: rulesSchema },
          required: ['files', 'rules'],
          additionalProperties: false,
        },
      },
      waivers: {
        type: 'array',
        description: 'Risks accepted on the record. A waived finding is still reported, as suppressed, with its justification.',
        items: {
          type: 'object',
          properties: {
            rule: { type: 'string', description: 'The rule waived.' },
            files: { ...glob, description: 'The agreements it applies to.' },
            at: { type: 'string', description: 'Only findings at or under this agreement path, such as flows[0].access.' },
            reason: { type: 'string', description: 'Why the risk is accepted.' },
            approved_by: { type: 'string', description: 'Who accepted it (name and role).' },
            expires: { type: 'string', format: 'date', description: 'When the waiver lapses (YYYY-MM-DD).' },
          },
          required: ['rule', 'files'],
          additionalProperties: false,
        },
      },
      waiver_policy: {
        type: 'object',
        description: 'How waivers may be used in these agreements.',
        properties: {
          inline: { type: 'string', enum: ['allow', 'forbid'], description: 'forbid: dsalint-disable-next-line comments suppress nothing; only waivers in this file do. Default allow.' },
          inline_errors_need_approval: {
            type: 'boolean',
            description: 'An inline waiver of an error suppresses it only when it names an approver and an expiry ("; approved by: <name>; expires: YYYY-MM-DD"). Default true.',
          },
          never_waive: { type: 'array', items: { type: 'string', enum: rules.map((r) => r.id) }, uniqueItems: true, description: 'Rules whose findings no waiver can suppress.' },
        },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
    $defs: {
      severity: { type: 'string', enum: ['off', 'error', 'warning', 'warn', 'info'], description: 'The rule\'s severity (warn is the same as warning), or off.' },
      rules: { type: 'object', description: 'Per-rule severity or options.', properties: ruleProperties, additionalProperties: false },
    },
  };
}
