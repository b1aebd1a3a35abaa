import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'free-text-or-third-party-unprotected';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const agreement = (item: string, rest = 'flows:\n  - { id: f1, from: surgery, to: sg, data: [notes] }\n') =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n  - { id: surgery, name: Example Surgery }\n  - { id: sg, name: Safeguarding Team }\n' +
  `data:\n  - { id: notes, ${item} }\n${rest}`;

const lint = (text: string) => lintWithRule(RULE, text);
const findings = async (text: string) => (await lintText(text, { rules: [ruleById(RULE)] })).findings;

describe(RULE, () => {
  it('reports free-text categories at the first such category, as a warning', async () => {
    const text = agreement('categories: [nhs_number, consultation_free_text, correspondence_documents]');
    expect(await lint(text)).toEqual([`unprotected ${rangeOf(text, 'consultation_free_text')}`]);
    const [f] = await findings(text);
    expect(f?.severity).toBe('warning');
    expect(f?.message).toBe(
      'Data item "notes" includes free text and information about other people and is shared with Safeguarding Team, with no protection recorded. ' +
        'Add to its protections how this is dealt with before sharing: third_party_redaction, free_text_excluded or clinician_review.',
    );
  });

  it('reports third-party categories that are not free text', async () => {
    const text = agreement('categories: [diagnoses_problems, next_of_kin_carer]');
    expect(await lint(text)).toEqual([`unprotected ${rangeOf(text, 'next_of_kin_carer')}`]);
    expect((await findings(text))[0]?.message).toContain('includes information about other people and is shared');
  });

  it('reports free_text: true at that flag when no category is free text', async () => {
    const text = agreement('categories: [diagnoses_problems], free_text: true');
    expect(await lint(text)).toEqual([`unprotected ${rangeOf(text, 'true')}`]);
    expect((await findings(text))[0]?.message).toContain('includes free text and is shared');
  });

  it('accepts each protection on the item', async () => {
    for (const protection of ['third_party_redaction', 'free_text_excluded', 'clinician_review']) {
      expect(await lint(agreement(`categories: [recent_consultations], protections: [${protection}]`))).toEqual([]);
    }
  });

  it('does not count a sensitive-code filter as protection', async () => {
    const text = agreement('categories: [recent_consultations], protections: [sensitive_code_filter]');
    expect(await lint(text)).toEqual([`unprotected ${rangeOf(text, 'recent_consultations')}`]);
  });

  it('accepts third-party redaction in the security measures', async () => {
    const text = agreement('categories: [recent_consultations]', 'flows:\n  - { id: f1, from: surgery, to: sg, data: [notes] }\nsecurity:\n  measures: [third_party_redaction]\n');
    expect(await lint(text)).toEqual([]);
  });

  it('ignores items no flow shares, anonymised or aggregate items, and items with neither free text nor third parties', async () => {
    expect(await lint(agreement('categories: [recent_consultations]', ''))).toEqual([]);
    expect(await lint(agreement('categories: [recent_consultations], identifiability: anonymised'))).toEqual([]);
    expect(await lint(agreement('categories: [recent_consultations], identifiability: aggregate'))).toEqual([]);
    expect(await lint(agreement('categories: [nhs_number, diagnoses_problems]'))).toEqual([]);
  });

  it('reports pseudonymised items', async () => {
    const text = agreement('categories: [recent_consultations], identifiability: pseudonymised');
    expect(await lint(text)).toEqual([`unprotected ${rangeOf(text, 'recent_consultations')}`]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
