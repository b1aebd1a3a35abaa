import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatRange, lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'identifiable-where-deidentified-suffices';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const agreement = (item: string, purpose = '{ id: p1, category: invoice_validation }') =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n  - { id: surgery, name: Example Surgery }\n  - { id: icb, name: Example ICB }\n' +
  `purposes:\n  - ${purpose}\nflows:\n  - { id: f1, from: surgery, to: icb, data: [d1], purposes: [p1] }\ndata:\n  - { id: d1, ${item} }\n`;

const lint = (text: string) => lintWithRule(RULE, text);
const findings = async (text: string) => (await lintText(text, { rules: [ruleById(RULE)] })).findings;

describe(RULE, () => {
  it('reports direct identifiers at the first one, as a warning that needs review, with the purpose as related', async () => {
    const text = agreement('categories: [appointments_activity, nhs_number, date_of_birth], identifiability: identifiable');
    expect(await lint(text)).toEqual([`identifiable ${rangeOf(text, 'nhs_number')}`]);
    const [f] = await findings(text);
    expect(f?.severity).toBe('warning');
    expect(f?.kind).toBe('review');
    expect(f?.message).toBe(
      'Data item "d1" carries direct identifiers (NHS number, date of birth) for invoice validation ("p1"), which national policy expects to use de-identified data ' +
        'unless there is no alternative. Pseudonymise it or remove the direct identifiers; if identifiable data really is needed, say why in its justification.',
    );
    expect(f?.related.map((r) => formatRange(r.range))).toEqual([rangeOf(text, 'invoice_validation')]);
  });

  it('treats unstated identifiability as identifiable', async () => {
    const text = agreement('categories: [contact_details]');
    expect(await lint(text)).toEqual([`identifiable ${rangeOf(text, 'contact_details')}`]);
  });

  it('covers each purpose expected to use de-identified data', async () => {
    for (const category of ['planning_commissioning', 'invoice_validation', 'service_evaluation', 'risk_stratification_commissioning']) {
      const text = agreement('categories: [nhs_number]', `{ id: p1, category: ${category} }`);
      expect(await lint(text)).toEqual([`identifiable ${rangeOf(text, 'nhs_number')}`]);
    }
  });

  it('is quiet for other purposes, de-identified data, data without identifiers, or a justification', async () => {
    expect(await lint(agreement('categories: [nhs_number]', '{ id: p1, category: individual_care }'))).toEqual([]);
    expect(await lint(agreement('categories: [nhs_number]', '{ id: p1, category: research }'))).toEqual([]);
    expect(await lint(agreement('categories: [nhs_number], identifiability: pseudonymised'))).toEqual([]);
    expect(await lint(agreement('categories: [appointments_activity], identifiability: identifiable'))).toEqual([]);
    expect(await lint(agreement('categories: [nhs_number], justification: The NHS number is needed to match invoices to registered patients.'))).toEqual([]);
  });

  it('is quiet when section 251 support or explicit consent settles that identifiable data is needed', async () => {
    const s251 = '{ id: p1, category: invoice_validation, lawful_basis: { common_law: s251_support } }';
    expect(await lint(agreement('categories: [nhs_number]', s251))).toEqual([]);
    const consent = '{ id: p1, category: invoice_validation, lawful_basis: { common_law: explicit_consent } }';
    expect(await lint(agreement('categories: [nhs_number]', consent))).toEqual([]);
    const implied = '{ id: p1, category: invoice_validation, lawful_basis: { common_law: legal_requirement } }';
    expect(await lint(agreement('categories: [nhs_number]', implied))).toHaveLength(1);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
