import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'sexual-health-heightened-sensitivity';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const lint = (text: string) => lintWithRule(RULE, text);

interface Shape {
  recipient?: string;
  category?: string;
  commonLaw?: string;
  categories?: string;
  identifiability?: string;
  justification?: string;
  legislation?: string;
}
const agreement = (s: Shape = {}) =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n' +
  '  - { id: clinic, name: Example Sexual Health Service, org_type: sexual_health_service }\n' +
  `  - { id: other, name: Other, org_type: ${s.recipient ?? 'icb'} }\n` +
  `purposes:\n  - { id: use, category: ${s.category ?? 'planning_commissioning'}, lawful_basis: { common_law: ${s.commonLaw ?? 's251_support'}${
    s.legislation ? `, legislation: [${s.legislation}]` : ''
  } } }\n` +
  `data:\n  - { id: sti, categories: [${s.categories ?? 'nhs_number, sexual_health_sti'}], identifiability: ${s.identifiability ?? 'identifiable'}${
    s.justification ? `, justification: ${s.justification}` : ''
  } }\n` +
  'flows:\n  - { id: f1, from: clinic, to: other, data: [sti], purposes: [use] }\n';

describe(RULE, () => {
  describe('heightened sensitivity', () => {
    it('warns about STI data for a purpose beyond care, at the flow reference', async () => {
      const text = agreement();
      expect(await lint(text)).toEqual([`secondary-use ${rangeOf(text, 'sti', 3)}`]);
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(finding?.severity).toBe('warning');
      expect(finding?.message).toContain('which includes sexually transmitted infection diagnoses and tests,');
    });

    it('covers HIV status too, naming both when both are shared', async () => {
      const [finding] = (await lintText(agreement({ categories: 'sexual_health_sti, hiv_status' }), { rules: [ruleById(RULE)] })).findings;
      expect(finding?.message).toContain('sexually transmitted infection diagnoses and tests and HIV diagnosis and treatment');
    });

    it('is quiet for direct care to a recipient bound by confidentiality', async () => {
      expect(await lint(agreement({ category: 'individual_care', commonLaw: 'implied_consent', recipient: 'gp_practice' }))).toEqual([]);
    });

    it('warns for direct care when the recipient is not bound by confidentiality', async () => {
      const text = agreement({ category: 'individual_care', commonLaw: 'implied_consent', recipient: 'vcse' });
      expect((await lint(text)).map((f) => f.split(' ')[0])).toEqual(['recipient-not-bound']);
    });

    it('is quiet with explicit consent, or with a justification on the data item', async () => {
      expect(await lint(agreement({ commonLaw: 'explicit_consent' }))).toEqual([]);
      expect(await lint(agreement({ justification: 'Needed to plan STI testing services' }))).toEqual([]);
    });

    it('ignores anonymised data and other categories', async () => {
      expect(await lint(agreement({ categories: 'sexual_health_sti', identifiability: 'aggregate' }))).toEqual([]);
      expect(await lint(agreement({ identifiability: 'aggregate' }))).toHaveLength(1);
      expect(await lint(agreement({ categories: 'nhs_number, mental_health' }))).toEqual([]);
    });
  });

  describe('revoked law', () => {
    it.each([
      'NHS Trusts and Primary Care Trusts (Sexually Transmitted Diseases) Directions 2000',
      'National Health Service (Venereal Diseases) Regulations 1974',
      'the STD Directions',
    ])('notes "%s" cited as law, at the citation', async (citation) => {
      const text = agreement({ category: 'individual_care', commonLaw: 'implied_consent', recipient: 'gp_practice', legislation: `${citation}` });
      expect(await lint(text)).toEqual([`revoked-law ${rangeOf(text, citation)}`]);
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(finding?.severity).toBe('info');
      expect(finding?.message).toContain('12 October 2023');
    });

    it('does not note the revocation itself, or other law', async () => {
      const revocation = 'NHS Trusts and Primary Care Trusts (Sexually Transmitted Diseases) (Revocation) Directions 2023';
      expect(await lint(agreement({ category: 'individual_care', commonLaw: 'implied_consent', recipient: 'gp_practice', legislation: revocation }))).toEqual([]);
      expect(
        await lint(agreement({ category: 'individual_care', commonLaw: 'implied_consent', recipient: 'gp_practice', legislation: 'Health and Social Care Act 2012 s251B' })),
      ).toEqual([]);
    });
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
