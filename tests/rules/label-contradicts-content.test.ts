import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintWithRule } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'label-contradicts-content';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const HEAD = 'dsalint: 1\nid: EX-001\ntitle: Example\n';
const lint = (text: string) => lintWithRule(RULE, text);
const item = (categories: string, identifiability: string, extra = '') => `${HEAD}data:\n  - { id: d, categories: [${categories}], identifiability: ${identifiability}${extra} }\n`;

describe(RULE, () => {
  it('reports anonymised or aggregate data that carries direct identifiers, at the first identifier', async () => {
    let text = item('diagnoses_problems, nhs_number, name', 'anonymised');
    expect(await lint(text)).toEqual([`identifiers-in-anonymous ${rangeOf(text, 'nhs_number')}`]);
    text = item('date_of_birth, address_postcode, death_details', 'aggregate');
    expect(await lint(text)).toEqual([`identifiers-in-anonymous ${rangeOf(text, 'date_of_birth')}`]);
  });

  it('reports pseudonymised data that keeps the identifiers a pseudonym replaces, but not a date of birth', async () => {
    const text = item('date_of_birth, diagnoses_problems, name', 'pseudonymised');
    expect(await lint(text)).toEqual([`identifiers-in-pseudonymised ${rangeOf(text, 'name')}`]);
    expect(await lint(item('date_of_birth, diagnoses_problems', 'pseudonymised'))).toEqual([]);
  });

  it('is quiet for identifiable data with identifiers and anonymised data without them', async () => {
    expect(await lint(item('nhs_number, diagnoses_problems', 'identifiable'))).toEqual([]);
    expect(await lint(item('diagnoses_problems, demographics_admin', 'anonymised'))).toEqual([]);
  });

  describe('not confidential', () => {
    const purpose = (basis: string) => `${HEAD}purposes:\n  - { id: p, category: planning_commissioning, lawful_basis: { common_law: ${basis} } }\n`;
    it('reports identifiable health data used for the purpose, through a flow or the item\'s own purposes', async () => {
      let text = `${purpose('not_confidential')}data:\n  - { id: d, categories: [nhs_number, diagnoses_problems], identifiability: identifiable, purposes: [p] }\n`;
      expect(await lint(text)).toEqual([`not-confidential ${rangeOf(text, 'not_confidential')}`]);
      text =
        `${purpose('not_confidential')}data:\n  - { id: d, categories: [nhs_number, medications] }\n` +
        'flows:\n  - { id: f, from: a, to: b, data: [d], purposes: [p] }\n';
      expect(await lint(text)).toEqual([`not-confidential ${rangeOf(text, 'not_confidential')}`]);
    });

    it('accepts it for anonymised data, pseudonymised data, and data with no health information', async () => {
      for (const [categories, identifiability] of [
        ['diagnoses_problems', 'anonymised'],
        ['diagnoses_problems', 'pseudonymised'],
        ['name, contact_details', 'identifiable'],
      ]) {
        const text = `${purpose('not_confidential')}data:\n  - { id: d, categories: [${categories}], identifiability: ${identifiability}, purposes: [p] }\n`;
        expect(await lint(text)).toEqual([]);
      }
    });

    it('is quiet for other bases', async () => {
      const text = `${purpose('s251_support')}data:\n  - { id: d, categories: [nhs_number, diagnoses_problems], purposes: [p] }\n`;
      expect(await lint(text)).toEqual([]);
    });
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
