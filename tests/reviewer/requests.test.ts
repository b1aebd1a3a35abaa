/**
 * Every finding a domain rule makes reaches a reviewer who never writes YAML (an LMC's GP with
 * a Word document) as a request they can send: "Ask the ICB to ...". These checks keep each
 * message's `request` present, filled only from the message's own data, and free of YAML.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../rules/index.js';
import { messageSpec } from '../../src/core/rule.js';
import { lint } from '../../src/api.js';

/** Rules about the file or the tool, not the agreement: their findings keep the technical message. */
const TECHNICAL_RULES: Record<string, string> = {
  'yaml-syntax': 'the YAML cannot be read; whoever edits the file fixes it, there is nothing to ask about the sharing',
  'yaml-alias': 'a YAML writing device, invisible in the agreement as read',
  'yaml-custom-tag': 'a YAML writing device, invisible in the agreement as read',
  'yaml-duplicate-key': 'a YAML editing slip; the schema and domain findings say what it means for the sharing',
  schema: "the message is the validator's, about the file's format; the verdict says the agreement could not be checked",
  'limit-reached': "about dsalint's own limits, not the agreement",
  'waiver-invalid': "about the agreement authors' waivers of dsalint findings, not the sharing",
};

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);
const quoted = (text: string): Set<string> => new Set([...text.matchAll(/"\{\{\s*(\w+)\s*\}\}"/g)].map((m) => m[1]!));

const messages = RULES.flatMap((rule) => Object.keys(rule.meta.messages).map((id) => ({ rule: rule.id, id, spec: messageSpec(rule, id) })));

describe('reviewer requests', () => {
  it('every exempt rule exists', () => {
    for (const id of Object.keys(TECHNICAL_RULES)) expect(RULES.some((r) => r.id === id), id).toBe(true);
  });

  it('every message of every domain rule has a request', () => {
    const missing = messages.filter((m) => !(m.rule in TECHNICAL_RULES) && !m.spec.request).map((m) => `${m.rule}:${m.id}`);
    expect(missing).toEqual([]);
  });

  it("a request uses only its message's placeholders, and {{drafter}}", () => {
    const wrong = messages.flatMap(({ rule, id, spec }) => {
      if (!spec.request) return [];
      const own = new Set([...placeholders(spec.text), 'drafter']);
      return placeholders(spec.request).filter((p) => !own.has(p)).map((p) => `${rule}:${id} {{${p}}}`);
    });
    expect(wrong).toEqual([]);
  });

  it('a placeholder is quoted in the request exactly when the message quotes it (values such as ids come bare)', () => {
    const wrong = messages.flatMap(({ rule, id, spec }) => {
      if (!spec.request) return [];
      const inText = quoted(spec.text);
      const inRequest = quoted(spec.request);
      return placeholders(spec.request)
        .filter((p) => p !== 'drafter' && inText.has(p) !== inRequest.has(p))
        .map((p) => `${rule}:${id} {{${p}}}`);
    });
    expect(wrong).toEqual([]);
  });

  it('a request is a plain-English request, never YAML', () => {
    const wrong = messages.flatMap(({ rule, id, spec }) => {
      const r = spec.request;
      if (!r) return [];
      const problems = [
        !r.startsWith('Ask ') && 'does not start with "Ask"',
        r.includes('`') && 'has a code span',
        /\b[a-z0-9]+_[a-z0-9_]+\b/.test(r.replace(/\{\{\w+\}\}/g, '')) && 'names a YAML key or value',
        /\[\d+\]|\b\w+\.\w+\b(?<!\d\.\d)/.test(r.replace(/\{\{\w+\}\}/g, '').replace(/\d+\.\d+/g, '')) && 'names a YAML path',
        /dsalint/i.test(r) && 'names the tool',
        !/[.?]$/.test(r) && 'is not a sentence',
      ].filter(Boolean);
      return problems.map((p) => `${rule}:${id} ${p}`);
    });
    expect(wrong).toEqual([]);
  });

  it('every finding on the examples carries a filled-in request', async () => {
    const run = await lint([fileURLToPath(new URL('../../examples/', import.meta.url))], { asOf: '2026-11-01', jobs: 1 });
    const findings = run.files.flatMap((f) => f.findings);
    expect(findings.length).toBeGreaterThan(50);
    const wrong = findings
      .filter((f) => !(f.ruleId in TECHNICAL_RULES))
      .filter((f) => !f.request || f.request.includes('{{') || !f.request.startsWith('Ask '))
      .map((f) => `${f.ruleId}:${f.messageId} ${f.request ?? '(none)'}`);
    expect(wrong).toEqual([]);
  });
});
