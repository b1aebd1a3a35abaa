/**
 * Every rule's metadata is complete and coherent: it is the single source of the rule's
 * docs, SARIF descriptor and `dsalint explain`, so a gap here is a gap for users.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { RULES } from '../rules/index.js';
import { AREAS, IMPORTANCE_BANDS, TAGS, byImportance, messageSpec } from '../src/core/rule.js';

const rulesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'rules');
const CORE = new Set(['yaml-syntax', 'yaml-duplicate-key', 'yaml-custom-tag', 'yaml-alias', 'schema', 'reference-unresolved', 'duplicate-id', 'waiver-invalid']);

describe('the rule registry', () => {
  it('registers every rule file exactly once, each file named after its rule', () => {
    const files = readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, '')).sort();
    expect(RULES.map((r) => r.id).sort()).toEqual(files);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it('lists rules by importance, then id, so reports and the rules table share one order', () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULES].sort(byImportance).map((r) => r.id));
  });

  it('has a domain catalogue of at least 35 rules besides the format rules', () => {
    expect(RULES.filter((r) => !CORE.has(r.id)).length).toBeGreaterThanOrEqual(35);
  });
});

// `npm run test:rule -- <id>` sets DSALINT_RULE to check one rule's metadata.
const ONLY = process.env['DSALINT_RULE'];

describe.each(RULES.filter((r) => !ONLY || r.id === ONLY).map((r) => [r.id, r] as const))('%s metadata', (id, rule) => {
  const { meta } = rule;

  it('has a kebab-case id and the texts its docs need', () => {
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const text of [meta.title, meta.description, meta.rationale, meta.fix, meta.severityReason]) expect(text.trim().length).toBeGreaterThan(10);
    expect(meta.tags.length).toBeGreaterThan(0);
  });

  it('cites at least one source, each with a public https link', () => {
    expect(meta.citations.length).toBeGreaterThan(0);
    for (const citation of meta.citations) {
      expect(citation.instrument.length).toBeGreaterThan(2);
      expect(citation.url ?? '').toMatch(/^https?:\/\//);
    }
  });

  it('is in strict whenever it is in recommended', () => {
    expect(meta.presets.length).toBeGreaterThan(0);
    if (meta.presets.includes('recommended')) expect(meta.presets).toContain('strict');
  });

  it('documents every option, with a default equal to defaultOptions', () => {
    const properties = (meta.optionsSchema?.['properties'] ?? {}) as Record<string, { description?: string; default?: unknown }>;
    expect(Object.keys(properties).sort()).toEqual(Object.keys(meta.defaultOptions as object).sort());
    for (const [name, schema] of Object.entries(properties)) {
      expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(schema.description ?? '').not.toBe('');
      expect(schema.default).toEqual((meta.defaultOptions as Record<string, unknown>)[name]);
    }
  });

  it('has non-empty messages, and examples whose expected findings name real messages', () => {
    const ids = Object.keys(meta.messages);
    for (const messageId of ids) expect(messageSpec(rule, messageId).text.length).toBeGreaterThan(5);
    for (const example of meta.examples.invalid) for (const f of example.findings) expect(ids).toContain(f.messageId);
  });

  it('has no blank left from the new-rule template', () => {
    const source = readFileSync(join(rulesDir, `${id}.ts`), 'utf8');
    expect(source.split('\n').filter((line) => line.includes('TODO'))).toEqual([]);
  });

  it('has a catalogue area, an importance inside a declared band, and declared tags', () => {
    expect(Object.keys(AREAS)).toContain(meta.area);
    expect(Number.isInteger(meta.importance)).toBe(true);
    expect(IMPORTANCE_BANDS.some((band) => meta.importance >= band.from && meta.importance <= band.to)).toBe(true);
    for (const tag of meta.tags) expect(Object.keys(TAGS)).toContain(tag);
  });
});
