import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'special-category-without-article9';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const lint = (text: string) => lintWithRule(RULE, text);

interface Shape {
  basis?: string;
  vital?: string;
  categories?: string;
  identifiability?: string;
  purposes?: string;
  extraPurpose?: string;
  extraFlow?: string;
}
const agreement = (s: Shape = {}) =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n' +
  '  - { id: surgery, name: Example Surgery, org_type: gp_practice }\n' +
  '  - { id: trust, name: Example Trust, org_type: nhs_trust_acute }\n' +
  'purposes:\n' +
  `  - id: care\n    category: individual_care\n    lawful_basis: ${s.basis ?? '{ article_6: e_public_task }'}\n` +
  (s.extraPurpose ?? '') +
  (s.vital === 'none' ? '' : `population: { scope: per_case, vital_status: ${s.vital ?? 'living'} }\n`) +
  `data:\n  - { id: referral, categories: [${s.categories ?? 'nhs_number, diagnoses_problems'}], identifiability: ${s.identifiability ?? 'identifiable'} }\n` +
  `flows:\n  - { id: f1, from: surgery, to: trust, data: [referral], purposes: [${s.purposes ?? 'care'}] }\n` +
  (s.extraFlow ?? '');

describe(RULE, () => {
  it('reports a purpose with no Article 9 condition at its lawful_basis key', async () => {
    const text = agreement();
    expect(await lint(text)).toEqual([`missing ${rangeOf(text, 'lawful_basis')}`]);
  });

  it('reports a purpose with no lawful_basis at all on its first line', async () => {
    const text = agreement().replace('    lawful_basis: { article_6: e_public_task }\n', '');
    expect(await lint(text)).toEqual([`missing ${rangeOf(text, 'id: care')}`]);
  });

  it('names the flow and the special categories, and points at the flow data as related', async () => {
    const text = agreement({ categories: 'nhs_number, hiv_status, ethnicity, religion, genetic' });
    const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain('flow "f1"');
    expect(finding?.message).toContain('HIV diagnosis and treatment; ethnic origin; religion or belief; and more');
    expect(finding?.related.map((r) => `${r.range.start.line}:${r.range.start.column}`)).toEqual([rangeOf(text, 'referral]').split('-')[0]]);
  });

  it('passes when the purpose names an Article 9 condition', async () => {
    expect(await lint(agreement({ basis: '{ article_6: e_public_task, article_9: h_health_or_social_care, dpa_schedule_1: part1_para2 }' }))).toEqual([]);
  });

  it('ignores data with no special category', async () => {
    expect(await lint(agreement({ categories: 'nhs_number, name, contact_details' }))).toEqual([]);
  });

  it('ignores anonymised and aggregate data, but not pseudonymised or unstated identifiability', async () => {
    expect(await lint(agreement({ categories: 'diagnoses_problems', identifiability: 'anonymised' }))).toEqual([]);
    expect(await lint(agreement({ categories: 'diagnoses_problems', identifiability: 'aggregate' }))).toEqual([]);
    // A label does not make data with NHS numbers anonymous.
    expect(await lint(agreement({ identifiability: 'anonymised' }))).toHaveLength(1);
    expect(await lint(agreement({ identifiability: 'pseudonymised' }))).toHaveLength(1);
    const unstated = agreement().replace(', identifiability: identifiable', '');
    expect(await lint(unstated)).toHaveLength(1);
  });

  it('is quiet when every patient has died, but not for living-and-deceased or unstated populations', async () => {
    expect(await lint(agreement({ vital: 'deceased' }))).toEqual([]);
    expect(await lint(agreement({ vital: 'both' }))).toHaveLength(1);
    expect(await lint(agreement({ vital: 'none' }))).toHaveLength(1);
  });

  it('reports each purpose once, however many flows carry special data for it', async () => {
    const text = agreement({ extraFlow: '  - { id: f2, from: trust, to: surgery, data: [referral], purposes: [care] }\n' });
    expect(await lint(text)).toEqual([`missing ${rangeOf(text, 'lawful_basis')}`]);
  });

  it('reports every purpose on the flow that lacks a condition', async () => {
    const text = agreement({
      purposes: 'care, audit',
      extraPurpose: '  - id: audit\n    category: clinical_audit_local\n    lawful_basis: { article_6: e_public_task }\n',
    });
    expect(await lint(text)).toEqual([`missing ${rangeOf(text, 'lawful_basis')}`, `missing ${rangeOf(text, 'lawful_basis', 2)}`]);
  });

  it('leaves undeclared purposes to reference-unresolved', async () => {
    expect(await lint(agreement({ purposes: 'nothing-declared' }))).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
