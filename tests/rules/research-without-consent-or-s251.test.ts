import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatRange, lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'research-without-consent-or-s251';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const agreement = (basis: string | undefined, item = 'categories: [nhs_number, diagnoses_problems]', category = 'research') =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n  - { id: surgery, name: Example Surgery, org_type: gp_practice }\n  - { id: uni, name: Example University }\n' +
  `purposes:\n  - { id: study, category: ${category}${basis ? `, lawful_basis: { common_law: ${basis} }` : ''} }\n` +
  `data:\n  - { id: d1, ${item} }\nflows:\n  - { id: f1, from: surgery, to: uni, data: [d1], purposes: [study] }\n`;

const lint = (text: string) => lintWithRule(RULE, text);
const findings = async (text: string) => (await lintText(text, { rules: [ruleById(RULE)] })).findings;

describe(RULE, () => {
  it.each(['implied_consent', 'overriding_public_interest', 'legal_requirement', 'not_confidential'])('reports research on %s at the basis', async (basis) => {
    const text = agreement(basis);
    expect(await lint(text)).toEqual([`no-consent-or-s251 ${rangeOf(text, basis)}`]);
  });

  it('says which basis and flow, as an error, with the flow as related', async () => {
    const text = agreement('overriding_public_interest');
    const [f] = await findings(text);
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe(
      'Purpose research ("study") uses confidential patient information (flow "f1" to Example University) for research on the basis of overriding public interest ' +
        '(decided case by case). Identifiable research data needs the patients\' explicit consent or section 251 support from the Confidentiality Advisory Group; ' +
        'otherwise share only anonymised data.',
    );
    expect(f?.related.map((r) => formatRange(r.range))).toEqual([rangeOf(text, 'f1')]);
  });

  it('accepts explicit consent and section 251 support', async () => {
    expect(await lint(agreement('explicit_consent'))).toEqual([]);
    expect(await lint(agreement('s251_support'))).toEqual([]);
  });

  it('leaves a missing basis to common-law-basis-missing, and ignores anonymised data and other purposes', async () => {
    expect(await lint(agreement(undefined))).toEqual([]);
    expect(await lint(agreement('not_confidential', 'categories: [diagnoses_problems], identifiability: anonymised'))).toEqual([]);
    expect(await lint(agreement('not_confidential', 'categories: [diagnoses_problems], identifiability: aggregate'))).toEqual([]);
    expect(await lint(agreement('implied_consent', undefined, 'national_clinical_audit'))).toEqual([]);
  });

  it('reports pseudonymised data', async () => {
    const text = agreement('not_confidential', 'categories: [diagnoses_problems], identifiability: pseudonymised');
    expect(await lint(text)).toEqual([`no-consent-or-s251 ${rangeOf(text, 'not_confidential')}`]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
