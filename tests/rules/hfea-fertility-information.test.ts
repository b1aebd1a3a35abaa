import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'hfea-fertility-information';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const lint = (text: string) => lintWithRule(RULE, text);

interface Shape {
  sender?: string;
  category?: string;
  commonLaw?: string;
  identifiability?: string;
  categories?: string;
}
const agreement = (s: Shape = {}) =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n' +
  `  - { id: sender, name: Example Sender, org_type: ${s.sender ?? 'fertility_clinic'} }\n` +
  '  - { id: receiver, name: Example Receiver, org_type: gp_practice }\n' +
  `purposes:\n  - { id: use, category: ${s.category ?? 'individual_care'}, lawful_basis: { common_law: ${s.commonLaw ?? 'implied_consent'} } }\n` +
  `data:\n  - { id: ivf, categories: [${s.categories ?? 'nhs_number, fertility_treatment'}], identifiability: ${s.identifiability ?? 'identifiable'} }\n` +
  'flows:\n  - { id: f1, from: sender, to: receiver, data: [ivf], purposes: [use] }\n';

describe(RULE, () => {
  it('reports a licensed clinic disclosing without explicit consent, even for care', async () => {
    const text = agreement();
    expect(await lint(text)).toEqual([`from-clinic ${rangeOf(text, 'ivf', 2)}`]);
    const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain('to Example Receiver');
  });

  it('accepts a clinic disclosing with explicit consent', async () => {
    expect(await lint(agreement({ commonLaw: 'explicit_consent' }))).toEqual([]);
  });

  it('warns, saying the law is unsettled, when anyone else shares it beyond care without consent', async () => {
    const text = agreement({ sender: 'gp_practice', category: 'research', commonLaw: 's251_support' });
    expect(await lint(text)).toEqual([`secondary ${rangeOf(text, 'ivf', 2)}`]);
    const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toContain('unsettled');
  });

  it('is quiet when anyone else shares it for care, or beyond care with consent', async () => {
    expect(await lint(agreement({ sender: 'gp_practice' }))).toEqual([]);
    expect(await lint(agreement({ sender: 'gp_practice', category: 'research', commonLaw: 'explicit_consent' }))).toEqual([]);
  });

  it('treats a safeguarding purpose as beyond care', async () => {
    expect(await lint(agreement({ sender: 'gp_practice', category: 'safeguarding', commonLaw: 'overriding_public_interest' }))).toHaveLength(1);
  });

  it('ignores anonymised data and other categories', async () => {
    expect(await lint(agreement({ categories: 'fertility_treatment', identifiability: 'anonymised' }))).toEqual([]);
    expect(await lint(agreement({ categories: 'nhs_number, contraception_pregnancy' }))).toEqual([]);
    // "Anonymised" data that keeps the NHS number is still identifiable.
    expect(await lint(agreement({ identifiability: 'anonymised' }))).toHaveLength(1);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
