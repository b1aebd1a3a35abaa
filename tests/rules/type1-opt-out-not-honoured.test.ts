import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'type1-opt-out-not-honoured';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const lint = (text: string) => lintWithRule(RULE, text);

interface Shape {
  sender?: string;
  category?: string;
  commonLaw?: string;
  type1?: string;
  identifiability?: string;
  jurisdiction?: string;
  flows?: string;
}
const agreement = (s: Shape = {}) =>
  'dsalint: 1\nid: EX-001\ntitle: Example\n' +
  (s.jurisdiction ? `jurisdiction: ${s.jurisdiction}\n` : '') +
  'parties:\n' +
  `  - { id: sender, name: Example Surgery, org_type: ${s.sender ?? 'gp_practice'} }\n` +
  '  - { id: uni, name: Example University, org_type: university_or_researcher }\n' +
  `purposes:\n  - { id: use, category: ${s.category ?? 'research'}${s.commonLaw ? `, lawful_basis: { common_law: ${s.commonLaw} }` : ''} }\n` +
  `population: { scope: all_registered, vital_status: living${s.type1 ? `, type1_objections: ${s.type1}` : ''} }\n` +
  `data:\n  - { id: extract, categories: [nhs_number, diagnoses_problems], identifiability: ${s.identifiability ?? 'pseudonymised'} }\n` +
  (s.flows ?? 'flows:\n  - { id: f1, from: sender, to: uni, data: [extract], purposes: [use] }\n');

describe(RULE, () => {
  it('warns at the population key when Type 1 handling is unstated, with the flow and purpose as related', async () => {
    const text = agreement();
    expect(await lint(text)).toEqual([`not-applied ${rangeOf(text, 'population')}`]);
    const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
    expect(finding?.severity).toBe('warning');
    expect(finding?.related).toHaveLength(2);
    expect(finding?.message).toContain('out of Example Surgery for the purpose "use"');
  });

  it.each(['not_applied', 'not_applicable', 'cag_exempt'])('warns at the stated value "%s"', async (type1) => {
    const text = agreement({ type1 });
    expect(await lint(text)).toEqual([`not-applied ${rangeOf(text, type1)}`]);
  });

  it('passes when Type 1 objections are applied', async () => {
    expect(await lint(agreement({ type1: 'applied' }))).toEqual([]);
  });

  it('accepts a legal requirement, a court order or explicit consent, not other bases', async () => {
    expect(await lint(agreement({ commonLaw: 'legal_requirement' }))).toEqual([]);
    expect(await lint(agreement({ commonLaw: 'court_order' }))).toEqual([]);
    // Consent to this specific use is a later, specific decision by the patient.
    expect(await lint(agreement({ commonLaw: 'explicit_consent' }))).toEqual([]);
    expect(await lint(agreement({ commonLaw: 's251_support' }))).toHaveLength(1);
    expect(await lint(agreement({ commonLaw: 'overriding_public_interest' }))).toHaveLength(1);
  });

  it('only asks about purposes a Type 1 objection covers', async () => {
    expect(await lint(agreement({ category: 'individual_care' }))).toEqual([]);
    expect(await lint(agreement({ category: 'medical_examiner_scrutiny' }))).toEqual([]);
    expect(await lint(agreement({ category: 'public_health' }))).toEqual([]);
    expect(await lint(agreement({ category: 'planning_commissioning' }))).toHaveLength(1);
  });

  it('only asks about identifiable data leaving a GP practice', async () => {
    const aggregate = (flows?: string) => agreement({ identifiability: 'aggregate', ...(flows ? { flows } : {}) }).replace('[nhs_number, diagnoses_problems]', '[diagnoses_problems]');
    expect(await lint(aggregate())).toEqual([]);
    // An aggregate label on data that carries NHS numbers does not count.
    expect(await lint(agreement({ identifiability: 'aggregate' }))).toHaveLength(1);
    expect(await lint(agreement({ sender: 'nhs_trust_acute' }))).toEqual([]);
    const live = 'flows:\n  - { id: f1, from: sender, to: uni, purposes: [use], access: { mode: live_system_access } }\n';
    expect(await lint(aggregate(live))).toHaveLength(1);
  });

  it('reports each purpose once however many flows carry it', async () => {
    const flows = 'flows:\n  - { id: f1, from: sender, to: uni, data: [extract], purposes: [use] }\n  - { id: f2, from: sender, to: uni, data: [extract], purposes: [use] }\n';
    expect(await lint(agreement({ flows }))).toHaveLength(1);
  });

  it('runs only for England', async () => {
    expect(await lint(agreement({ jurisdiction: 'scotland' }))).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
