import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'gender-recognition-protected-information';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const lint = (text: string) => lintWithRule(RULE, text);

interface Shape {
  commonLaw?: string;
  second?: string;
  categories?: string;
  identifiability?: string;
  purposes?: string;
  recipient?: string;
}
const agreement = (s: Shape = {}) =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n' +
  '  - { id: surgery, name: Example Surgery, org_type: gp_practice }\n' +
  `  - { id: other, name: Other, org_type: ${s.recipient ?? 'nhs_trust_acute'} }\n` +
  'purposes:\n' +
  `  - { id: care, category: individual_care, lawful_basis: { common_law: ${s.commonLaw ?? 'implied_consent'} } }\n` +
  `  - { id: second, category: research, lawful_basis: { common_law: ${s.second ?? 'explicit_consent'} } }\n` +
  'data:\n' +
  '  - { id: summary, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }\n' +
  `  - { id: history, categories: [${s.categories ?? 'nhs_number, gender_history'}], identifiability: ${s.identifiability ?? 'identifiable'} }\n` +
  `flows:\n  - { id: f1, from: surgery, to: other, data: [summary, history], purposes: [${s.purposes ?? 'care'}] }\n`;

describe(RULE, () => {
  it('reports gender history in a flow at the flow\'s reference to the data item', async () => {
    const text = agreement();
    expect(await lint(text)).toEqual([`disclosed ${rangeOf(text, 'history', 3)}`]);
    const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain('Gender Recognition Act 2004 s22');
    expect(finding?.related.map((r) => `${r.range.start.line}:${r.range.start.column}`)).toEqual([rangeOf(text, 'gender_history').split('-')[0]]);
  });

  it('accepts explicit consent or a court order for every purpose, whoever the recipient is', async () => {
    expect(await lint(agreement({ commonLaw: 'explicit_consent' }))).toEqual([]);
    expect(await lint(agreement({ commonLaw: 'court_order' }))).toEqual([]);
    expect(await lint(agreement({ commonLaw: 'explicit_consent', recipient: 'police' }))).toEqual([]);
  });

  it('does not treat implied consent, a legal requirement or overriding public interest as an exemption', async () => {
    for (const commonLaw of ['implied_consent', 'legal_requirement', 'overriding_public_interest', 's251_support']) {
      expect(await lint(agreement({ commonLaw }))).toHaveLength(1);
    }
  });

  it('needs the exemption for every purpose on the flow', async () => {
    expect(await lint(agreement({ commonLaw: 'explicit_consent', purposes: 'care, second' }))).toEqual([]);
    expect(await lint(agreement({ commonLaw: 'explicit_consent', second: 's251_support', purposes: 'care, second' }))).toHaveLength(1);
  });

  it('reports a flow with no purposes, since no exemption can be seen', async () => {
    expect(await lint(agreement({ purposes: '' }))).toHaveLength(1);
  });

  it('ignores anonymised and aggregate data but not pseudonymised', async () => {
    expect(await lint(agreement({ categories: 'gender_history', identifiability: 'anonymised' }))).toEqual([]);
    expect(await lint(agreement({ categories: 'gender_history', identifiability: 'aggregate' }))).toEqual([]);
    expect(await lint(agreement({ identifiability: 'pseudonymised' }))).toHaveLength(1);
    // A label does not take data with NHS numbers out of the check.
    expect(await lint(agreement({ identifiability: 'anonymised' }))).toHaveLength(1);
  });

  it('is about gender history only, not current gender identity', async () => {
    expect(await lint(agreement({ categories: 'nhs_number, gender_identity' }))).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
