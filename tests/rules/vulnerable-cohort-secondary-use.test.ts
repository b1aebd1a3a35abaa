import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'vulnerable-cohort-secondary-use';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const lint = (text: string) => lintWithRule(RULE, text);

interface Shape {
  category?: string;
  population?: string;
  categories?: string;
  identifiability?: string;
  dpia?: string;
  flows?: string;
}
const agreement = (s: Shape = {}) =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n' +
  '  - { id: surgery, name: Example Surgery, org_type: gp_practice }\n' +
  '  - { id: icb, name: Example ICB, org_type: icb }\n' +
  `purposes:\n  - { id: use, category: ${s.category ?? 'population_health_management'} }\n` +
  `population: ${s.population ?? '{ scope: all_registered, vital_status: living, vulnerable_groups: [children, adults_at_risk] }'}\n` +
  `data:\n  - { id: extract, categories: [${s.categories ?? 'nhs_number, diagnoses_problems'}], identifiability: ${s.identifiability ?? 'pseudonymised'} }\n` +
  (s.flows ?? 'flows:\n  - { id: f1, from: surgery, to: icb, data: [extract], purposes: [use] }\n') +
  (s.dpia ?? '');

describe(RULE, () => {
  it('asks for review of a secondary use of vulnerable groups\' records, at the purpose category', async () => {
    const text = agreement();
    expect(await lint(text)).toEqual([`review ${rangeOf(text, 'population_health_management')}`]);
    const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
    expect(finding?.kind).toBe('review');
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toContain('the population includes children and adults at risk');
    expect(finding?.related.map((r) => `${r.range.start.line}:${r.range.start.column}`)).toEqual([rangeOf(text, '[children').split('-')[0]]);
  });

  it('treats a children-only age range as vulnerable: boundary at 18', async () => {
    expect(await lint(agreement({ population: '{ scope: all_registered, vital_status: living, age_range: { max: 17 } }' }))).toHaveLength(1);
    expect(await lint(agreement({ population: '{ scope: all_registered, vital_status: living, age_range: { max: 18 } }' }))).toEqual([]);
    expect(await lint(agreement({ population: '{ scope: all_registered, vital_status: living, age_range: { min: 0 } }' }))).toEqual([]);
  });

  it('asks about safeguarding information even for an adult population, with its category as related', async () => {
    const text = agreement({ population: '{ scope: all_registered, vital_status: living }', categories: 'nhs_number, safeguarding' });
    const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
    expect(finding?.message).toContain('safeguarding information ("extract")');
    expect(finding?.related.map((r) => `${r.range.start.line}:${r.range.start.column}`)).toEqual([rangeOf(text, 'safeguarding').split('-')[0]]);
  });

  it('gives every reason when there are several', async () => {
    const text = agreement({ categories: 'nhs_number, safeguarding' });
    const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
    expect(finding?.related).toHaveLength(2);
  });

  it('is quiet for direct care and for per-case purposes', async () => {
    expect(await lint(agreement({ category: 'individual_care' }))).toEqual([]);
    expect(await lint(agreement({ category: 'safeguarding' }))).toEqual([]);
    expect(await lint(agreement({ category: 'safeguarding_review' }))).toEqual([]);
  });

  it('asks about research, commissioning and uncategorised purposes', async () => {
    expect(await lint(agreement({ category: 'research' }))).toHaveLength(1);
    expect(await lint(agreement({ category: 'planning_commissioning' }))).toHaveLength(1);
    const uncategorised = agreement().replace('{ id: use, category: population_health_management }', '{ id: use }');
    expect(await lint(uncategorised)).toEqual([`review ${rangeOf(uncategorised, '{ id: use }')}`]);
  });

  it('is quiet when no identifiable data flows for the purpose', async () => {
    expect(await lint(agreement({ categories: 'diagnoses_problems', identifiability: 'aggregate' }))).toEqual([]);
    expect(await lint(agreement({ identifiability: 'aggregate' }))).toHaveLength(1);
    expect(await lint(agreement({ flows: '' }))).toEqual([]);
  });

  it('counts live access as identifiable data', async () => {
    const flows = 'flows:\n  - { id: f1, from: surgery, to: icb, purposes: [use], access: { mode: live_system_access } }\n';
    expect(await lint(agreement({ flows, categories: 'diagnoses_problems', identifiability: 'aggregate' }))).toHaveLength(1);
  });

  it('is quiet once the DPIA records the vulnerable-groups indicator', async () => {
    expect(await lint(agreement({ dpia: 'dpia: { reference: D-1, high_risk_indicators: [targeting_children_or_vulnerable] }\n' }))).toEqual([]);
    expect(await lint(agreement({ dpia: 'dpia: { reference: D-1, high_risk_indicators: [data_matching] }\n' }))).toHaveLength(1);
  });

  it('is quiet for an adult population with no safeguarding data', async () => {
    expect(await lint(agreement({ population: '{ scope: all_registered, vital_status: living }' }))).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
