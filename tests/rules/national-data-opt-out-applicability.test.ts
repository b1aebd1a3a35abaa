import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'national-data-opt-out-applicability';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const lint = (text: string) => lintWithRule(RULE, text);

interface Shape {
  purpose?: string;
  optOut?: string;
  sender?: string;
  identifiability?: string;
  categories?: string;
  jurisdiction?: string;
  population?: boolean;
  flows?: string;
}
const S251 = '{ id: use, category: risk_stratification_commissioning, lawful_basis: { common_law: s251_support, s251: { reference: 21/CAG/0001 } } }';
const agreement = (s: Shape = {}) =>
  'dsalint: 1\nid: EX-001\ntitle: Example\n' +
  (s.jurisdiction ? `jurisdiction: ${s.jurisdiction}\n` : '') +
  'parties:\n' +
  `  - { id: sender, name: Example Sender, org_type: ${s.sender ?? 'gp_practice'} }\n` +
  '  - { id: icb, name: Example ICB, org_type: icb }\n' +
  `purposes:\n  - ${s.purpose ?? S251}\n` +
  (s.population === false ? '' : `population: { scope: all_registered, vital_status: living${s.optOut ? `, national_data_opt_out: ${s.optOut}` : ''} }\n`) +
  `data:\n  - { id: extract, categories: [${s.categories ?? 'nhs_number, diagnoses_problems'}], identifiability: ${s.identifiability ?? 'pseudonymised'} }\n` +
  (s.flows ?? 'flows:\n  - { id: f1, from: sender, to: icb, data: [extract], purposes: [use] }\n');

describe(RULE, () => {
  describe('section 251 support', () => {
    it.each(['not_applied', 'not_applicable'])('reports "%s" at the stated value', async (optOut) => {
      const text = agreement({ optOut });
      expect(await lint(text)).toEqual([`not-applied ${rangeOf(text, optOut, 1)}`]);
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(finding?.severity).toBe('error');
      expect(finding?.related.map((r) => `${r.range.start.line}:${r.range.start.column}`)).toEqual([rangeOf(text, 's251_support').split('-')[0]]);
    });

    it('reports an unstated opt-out at the population key, or the first key when there is no population', async () => {
      const text = agreement();
      expect(await lint(text)).toEqual([`not-applied ${rangeOf(text, 'population')}`]);
      const none = agreement({ population: false });
      expect(await lint(none)).toEqual([`not-applied ${rangeOf(none, 'dsalint')}`]);
    });

    it('asks for the exemption to be recorded when the population claims one', async () => {
      const text = agreement({ optOut: 'cag_exempt' });
      expect(await lint(text)).toEqual([`exemption-not-recorded ${rangeOf(text, 'cag_exempt')}`]);
    });

    it('passes when the opt-out is applied, or CAG exempted the use', async () => {
      expect(await lint(agreement({ optOut: 'applied' }))).toEqual([]);
      const exempt = S251.replace('reference: 21/CAG/0001', 'reference: 21/CAG/0001, ndoo_exempt: true');
      expect(await lint(agreement({ purpose: exempt, optOut: 'cag_exempt' }))).toEqual([]);
      expect(await lint(agreement({ purpose: exempt }))).toEqual([]);
    });

    it('applies to categories where the opt-out depends on the basis, but not to those it never covers', async () => {
      const audit = S251.replace('risk_stratification_commissioning', 'national_clinical_audit');
      expect(await lint(agreement({ purpose: audit, optOut: 'not_applied' }))).toHaveLength(1);
      const registration = S251.replace('risk_stratification_commissioning', 'disease_registration');
      expect(await lint(agreement({ purpose: registration, optOut: 'not_applied' }))).toEqual([]);
    });

    it('is quiet for anonymised data, a non-health sender, and outside England', async () => {
      expect(await lint(agreement({ identifiability: 'anonymised', categories: 'diagnoses_problems' }))).toEqual([]);
      expect(await lint(agreement({ sender: 'police' }))).toEqual([]);
      expect(await lint(agreement({ jurisdiction: 'wales' }))).toEqual([]);
      expect(await lint(agreement({ jurisdiction: 'england' }))).toHaveLength(1);
    });

    it('is quiet when no flow carries the purpose', async () => {
      expect(await lint(agreement({ flows: '' }))).toEqual([]);
    });
  });

  describe('unstated handling', () => {
    const noBasis = '{ id: use, category: planning_commissioning }';

    it('warns at the population key when no basis exempts the opt-out and handling is unstated', async () => {
      const text = agreement({ purpose: noBasis });
      expect(await lint(text)).toEqual([`unstated ${rangeOf(text, 'population')}`]);
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(finding?.severity).toBe('warning');
    });

    it('is quiet once handling is stated, or the basis exempts the opt-out', async () => {
      expect(await lint(agreement({ purpose: noBasis, optOut: 'not_applicable' }))).toEqual([]);
      expect(await lint(agreement({ purpose: '{ id: use, category: planning_commissioning, lawful_basis: { common_law: explicit_consent } }' }))).toEqual([]);
      expect(await lint(agreement({ purpose: '{ id: use, category: public_health, lawful_basis: { common_law: copi_reg3_public_health } }' }))).toEqual([]);
    });

    it('is quiet for direct care', async () => {
      expect(await lint(agreement({ purpose: '{ id: use, category: individual_care }' }))).toEqual([]);
    });
  });

  describe('applied needlessly', () => {
    it('notes an applied opt-out when every purpose is direct care or exempt', async () => {
      const text = agreement({ purpose: '{ id: use, category: individual_care, lawful_basis: { common_law: implied_consent } }', optOut: 'applied' });
      expect(await lint(text)).toEqual([`needless ${rangeOf(text, 'applied', 1)}`]);
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(finding?.severity).toBe('info');
      const legal = agreement({ purpose: '{ id: use, category: research, lawful_basis: { common_law: legal_requirement } }', optOut: 'applied' });
      expect(await lint(legal)).toHaveLength(1);
    });

    it('does not note it when some purpose may need it', async () => {
      expect(await lint(agreement({ optOut: 'applied' }))).toEqual([]);
      expect(await lint(agreement({ purpose: '{ id: use, category: research }', optOut: 'applied' }))).toEqual([]);
    });

    it('does not advise not_applicable on the strength of a basis other rules reject', async () => {
      // Implied consent cannot cover planning, and identifiable health data is confidential: neither exempts the opt-out.
      const implied = agreement({ purpose: '{ id: use, category: planning_commissioning, lawful_basis: { common_law: implied_consent } }', optOut: 'applied' });
      expect(await lint(implied)).toEqual([]);
      const notConfidential = agreement({
        purpose: '{ id: use, category: planning_commissioning, lawful_basis: { common_law: not_confidential } }',
        optOut: 'applied',
        identifiability: 'identifiable',
      });
      expect(await lint(notConfidential)).toEqual([]);
      const unstated = agreement({ purpose: '{ id: use, category: planning_commissioning, lawful_basis: { common_law: not_confidential } }', identifiability: 'identifiable' });
      expect(await lint(unstated)).toEqual([`unstated ${rangeOf(unstated, 'population')}`]);
    });

    it('questions "does not apply" resting on a rejected basis', async () => {
      const text = agreement({ purpose: '{ id: use, category: planning_commissioning, lawful_basis: { common_law: implied_consent } }', optOut: 'not_applicable' });
      expect(await lint(text)).toEqual([`not-applicable-on-rejected-basis ${rangeOf(text, 'not_applicable')}`]);
      const legal = agreement({ purpose: '{ id: use, category: planning_commissioning, lawful_basis: { common_law: legal_requirement } }', optOut: 'not_applicable' });
      expect(await lint(legal)).toEqual([]);
    });

    it('still accepts not_confidential for anonymised data', async () => {
      const text = agreement({
        purpose: '{ id: use, category: planning_commissioning, lawful_basis: { common_law: not_confidential } }',
        optOut: 'applied',
        identifiability: 'anonymised',
        categories: 'diagnoses_problems',
      });
      expect(await lint(text)).toEqual([`needless ${rangeOf(text, 'applied', 1)}`]);
    });

    it('is not fooled by an anonymised label on data that carries NHS numbers', async () => {
      const planning = '{ id: use, category: planning_commissioning, lawful_basis: { common_law: not_confidential } }';
      const s251 = agreement({ identifiability: 'anonymised', optOut: 'not_applicable' });
      expect(await lint(s251)).toEqual([`not-applied ${rangeOf(s251, 'not_applicable', 1)}`]);
      const labelled = agreement({ purpose: planning, optOut: 'not_applicable', identifiability: 'anonymised' });
      expect(await lint(labelled)).toEqual([`not-applicable-on-rejected-basis ${rangeOf(labelled, 'not_applicable')}`]);
      expect(await lint(agreement({ purpose: planning, optOut: 'applied', identifiability: 'anonymised' }))).toEqual([]);
    });

    it('does not note it before any flow is set up', async () => {
      expect(await lint(agreement({ purpose: '{ id: use, category: individual_care }', optOut: 'applied', flows: '' }))).toEqual([]);
    });
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
