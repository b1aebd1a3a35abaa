import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatRange, lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'marketing-or-commercial-use';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const agreement = (purpose: string, item: string, flow = '{ id: f1, from: surgery, to: firm, data: [d1], purposes: [p1] }') =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n  - { id: surgery, name: Example Surgery }\n  - { id: firm, name: Example Insurance Ltd }\n' +
  `purposes:\n  - ${purpose}\ndata:\n  - { id: d1, ${item} }\nflows:\n  - ${flow}\n`;

const lint = (text: string) => lintWithRule(RULE, text);
const findings = async (text: string) => (await lintText(text, { rules: [ruleById(RULE)] })).findings;

describe(RULE, () => {
  it.each(['marketing', 'commercial', 'insurance'])('reports identifiable data for %s at the category, with the flow as related', async (category) => {
    const text = agreement(`{ id: p1, category: ${category} }`, 'categories: [name, diagnoses_problems]');
    expect(await lint(text)).toEqual([`commercial ${rangeOf(text, category)}`]);
    const [f] = await findings(text);
    expect(f?.severity).toBe('error');
    expect(f?.related.map((r) => formatRange(r.range))).toEqual([rangeOf(text, 'p1', 2)]);
  });

  it('names the flows and recipients', async () => {
    const [f] = await findings(agreement('{ id: p1, category: insurance }', 'categories: [name], identifiability: pseudonymised'));
    expect(f?.message).toBe(
      'Purpose insurance ("p1") uses identifiable patient data (flow "f1" to Example Insurance Ltd) without explicit consent. Patients do not expect their records to be used ' +
        'for marketing, commercial or insurance purposes: share only anonymised data, or obtain each patient\'s explicit consent and record common_law: explicit_consent.',
    );
  });

  it('reports live access even with no data listed', async () => {
    const text = agreement('{ id: p1, category: marketing }', 'categories: [name]', '{ id: f1, from: surgery, to: firm, purposes: [p1], access: { mode: live_system_access } }');
    expect(await lint(text)).toEqual([`commercial ${rangeOf(text, 'marketing')}`]);
  });

  it('is not fooled by an anonymised label on names', async () => {
    const text = agreement('{ id: p1, category: marketing }', 'categories: [name], identifiability: anonymised');
    expect(await lint(text)).toEqual([`commercial ${rangeOf(text, 'marketing')}`]);
  });

  it('is quiet with explicit consent, for anonymised or aggregate data, with no flow, or for other purposes', async () => {
    expect(await lint(agreement('{ id: p1, category: marketing, lawful_basis: { common_law: explicit_consent } }', 'categories: [name]'))).toEqual([]);
    expect(await lint(agreement('{ id: p1, category: marketing }', 'categories: [appointments_activity], identifiability: anonymised'))).toEqual([]);
    expect(await lint(agreement('{ id: p1, category: commercial }', 'categories: [appointments_activity], identifiability: aggregate'))).toEqual([]);
    expect(await lint(agreement('{ id: p1, category: marketing }', 'categories: [name]', '{ id: f1, from: surgery, to: firm, data: [d1] }'))).toEqual([]);
    expect(await lint(agreement('{ id: p1, category: research }', 'categories: [name]'))).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
