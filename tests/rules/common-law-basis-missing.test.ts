import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatRange, lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'common-law-basis-missing';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const agreement = (purpose: string, item = 'categories: [nhs_number, diagnoses_problems]', senderType = 'gp_practice', flows = '  - { id: f1, from: src, to: meo, data: [d1], purposes: [p1] }\n') =>
  `dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n  - { id: src, name: Example Surgery${senderType ? `, org_type: ${senderType}` : ''} }\n` +
  '  - { id: meo, name: Medical Examiner Office }\npopulation: { scope: per_case, vital_status: deceased }\n' +
  `purposes:\n  - ${purpose}\ndata:\n  - { id: d1, ${item} }\nflows:\n${flows}`;

const lint = (text: string) => lintWithRule(RULE, text);
const findings = async (text: string) => (await lintText(text, { rules: [ruleById(RULE)] })).findings;

describe(RULE, () => {
  it('reports a purpose with no common-law basis, for deceased patients too, as an error', async () => {
    const text = agreement('{ id: p1, category: medical_examiner_scrutiny }');
    expect(await lint(text)).toEqual([`missing ${rangeOf(text, '{ id: p1, category: medical_examiner_scrutiny }')}`]);
    const [f] = await findings(text);
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe(
      'Purpose medical examiner scrutiny of a death ("p1") has no common-law basis, but confidential patient information is disclosed for it (flow "f1" to Medical Examiner Office). ' +
        'The duty of confidentiality is separate from UK GDPR and continues after death: record in lawful_basis.common_law what sets it aside for this purpose.',
    );
    expect(f?.related.map((r) => formatRange(r.range))).toEqual([rangeOf(text, 'f1')]);
  });

  it('reports at lawful_basis when it gives only UK GDPR bases', async () => {
    const text = agreement('{ id: p1, category: medical_examiner_scrutiny, lawful_basis: { article_6: e_public_task } }');
    expect(await lint(text)).toEqual([`missing ${rangeOf(text, 'lawful_basis')}`]);
  });

  it('reports each purpose once, naming every flow', async () => {
    const text = agreement(
      '{ id: p1, category: medical_examiner_scrutiny }',
      undefined,
      undefined,
      '  - { id: f1, from: src, to: meo, data: [d1], purposes: [p1] }\n  - { id: f2, from: src, to: meo, data: [d1], purposes: [p1, p1] }\n',
    );
    expect(await lint(text)).toHaveLength(1);
    const [f] = await findings(text);
    expect(f?.message).toContain('(flow "f1" to Medical Examiner Office and flow "f2" to Medical Examiner Office)');
    expect(f?.related).toHaveLength(2);
  });

  it('never counts a sender whose organisation type is not stated as a health or care organisation', async () => {
    expect(await lint(agreement('{ id: p1, category: medical_examiner_scrutiny }', undefined, ''))).toEqual([]);
    expect(await lint(agreement('{ id: p1, category: medical_examiner_scrutiny }', undefined, 'hospice'))).toHaveLength(1);
  });

  it('is quiet with a common-law basis, for anonymised data, for non-health data, or from a sender outside health and care', async () => {
    expect(await lint(agreement('{ id: p1, category: medical_examiner_scrutiny, lawful_basis: { common_law: legal_requirement } }'))).toEqual([]);
    expect(await lint(agreement('{ id: p1, category: medical_examiner_scrutiny }', 'categories: [diagnoses_problems], identifiability: anonymised'))).toEqual([]);
    expect(await lint(agreement('{ id: p1, category: medical_examiner_scrutiny }', 'categories: [name, address_postcode]'))).toEqual([]);
    expect(await lint(agreement('{ id: p1, category: law_enforcement }', undefined, 'police'))).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
