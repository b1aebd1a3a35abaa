/**
 * The config JSON Schema (schema/config.schema.json, for editors) accepts what the loader
 * accepts and rejects misspelt rules and bad options, at the top level and in overrides,
 * with the per-rule block written once.
 */
import { describe, expect, it } from 'vitest';
import { buildConfigSchema } from '../src/core/config-schema.js';
import { createAjv } from '../src/schema/ajv.js';
import { RULES } from '../rules/index.js';

const schema = buildConfigSchema(RULES);
const validate = createAjv().compile(schema);

describe('the config schema', () => {
  it('accepts severities and options for real rules, at the top level and in an override', () => {
    const config = {
      extends: 'strict',
      rules: { 'vague-purpose': 'off', 'breach-notification-window': { severity: 'warning', options: { max_hours: 48 } } },
      overrides: [{ files: ['agreements/research/**'], rules: { 'whole-system-access': 'info' } }],
    };
    expect(validate(config)).toBe(true);
  });

  it('rejects an unknown rule, an unknown severity and a bad option, wherever they are', () => {
    expect(validate({ rules: { 'no-such-rule': 'off' } })).toBe(false);
    expect(validate({ overrides: [{ files: ['x'], rules: { 'vague-purpose': 'loud' } }] })).toBe(false);
    expect(validate({ rules: { 'breach-notification-window': { options: { max_hours: 'soon' } } } })).toBe(false);
  });

  it('defines the rules block once and refers to it', () => {
    const text = JSON.stringify(schema);
    expect(text.split('"vague-purpose":').length - 1).toBe(1);
    expect((schema['properties'] as Record<string, unknown>)['rules']).toEqual({ $ref: '#/$defs/rules' });
  });
});
