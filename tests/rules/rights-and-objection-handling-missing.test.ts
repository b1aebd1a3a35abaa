import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'rights-and-objection-handling-missing';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const CONTACT = 'transparency:\n  rights_contact: dpo@example.nhs.uk\n';

const agreement = (opts: { purpose?: string; sender?: string; data?: string; transparency?: string } = {}): string =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n' +
  `  - { id: surgery, name: Example Surgery, org_type: ${opts.sender ?? 'gp_practice'} }\n` +
  '  - { id: uni, name: Example University, org_type: university_or_researcher }\n' +
  `purposes:\n  - { id: study, ${opts.purpose ?? 'category: research, lawful_basis: { common_law: s251_support }'} }\n` +
  `data:\n  - { id: extract, categories: [nhs_number, diagnoses_problems]${opts.data ?? ''} }\n` +
  'flows:\n  - { id: f1, from: surgery, to: uni, data: [extract], purposes: [study] }\n' +
  (opts.transparency ?? CONTACT);
const lint = (text: string) => lintWithRule(RULE, text);

describe(RULE, () => {
  it('reports a secondary use of confidential patient information with no objection process, at the transparency key', async () => {
    const text = agreement();
    expect(await lint(text)).toEqual([`no-objection-process ${rangeOf(text, 'transparency')}`]);
    const outcome = await lintText(text, { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.message).toBe(
      'Confidential patient information is used for the purpose "study" (research), which goes beyond individual care, but the agreement does not ' +
        'say how a patient\'s objection is recorded and respected. Add `transparency.objection_process`.',
    );
    expect(outcome.findings[0]?.related.map((r) => r.path)).toEqual(['purposes[0].id']);
  });

  it('is quiet with an objection process', async () => {
    expect(await lint(agreement({ transparency: `${CONTACT}  objection_process: Opt-outs are applied before each extract.\n` }))).toEqual([]);
  });

  it('does not ask for an objection process for individual care', async () => {
    expect(await lint(agreement({ purpose: 'category: individual_care' }))).toEqual([]);
  });

  it('asks for one for an uncategorised purpose, to be safe', async () => {
    const text = agreement({ purpose: 'description: Analysis' });
    expect(await lint(text)).toEqual([`no-objection-process ${rangeOf(text, 'transparency')}`]);
  });

  it('does not ask for one where a legal requirement or court order is the basis', async () => {
    for (const basis of ['legal_requirement', 'court_order']) {
      expect(await lint(agreement({ purpose: `category: coroner, lawful_basis: { common_law: ${basis} }` }))).toEqual([]);
    }
  });

  it('asks for one where the basis is consent or the public interest', async () => {
    for (const basis of ['explicit_consent', 'overriding_public_interest']) {
      const text = agreement({ purpose: `category: safeguarding_review, lawful_basis: { common_law: ${basis} }` });
      expect(await lint(text)).toEqual([`no-objection-process ${rangeOf(text, 'transparency')}`]);
    }
  });

  it('does not ask for one when the data is not confidential patient information', async () => {
    expect(await lint(agreement({ data: ', identifiability: anonymised' }).replace('[nhs_number, diagnoses_problems]', '[diagnoses_problems]'))).toEqual([]);
    expect(await lint(agreement({ data: ', identifiability: anonymised' }))).not.toEqual([]);
    expect(await lint(agreement({ sender: 'police' }))).toEqual([]);
  });

  it('reports no rights contact at the first key when there is no transparency section, and the objection process too', async () => {
    const text = agreement({ transparency: '' });
    expect(await lint(text)).toEqual(['no-objection-process 1:1-1:8', 'no-rights-contact 1:1-1:8']);
  });

  it('reports no rights contact at the transparency key', async () => {
    const text = agreement({ purpose: 'category: individual_care', transparency: 'transparency:\n  rights_handled_by: surgery\n' });
    expect(await lint(text)).toEqual([`no-rights-contact ${rangeOf(text, 'transparency')}`]);
  });

  it('does not ask for a rights contact when only aggregate data is shared', async () => {
    const aggregate = agreement({ purpose: 'category: individual_care', data: ', identifiability: aggregate', transparency: '' });
    expect(await lint(aggregate.replace('[nhs_number, diagnoses_problems]', '[diagnoses_problems]'))).toEqual([]);
    expect(await lint(aggregate)).not.toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});

describe('rights-and-objection-handling-missing wording', () => {
  it('keeps acronyms in purpose labels ("(ONS)", not "(ons)")', async () => {
    const text =
      'dsalint: 1\nid: EX-1\ntitle: Example\nparties:\n  - { id: gp, name: GP, org_type: gp_practice }\n  - { id: ons, name: ONS, org_type: regulator }\n' +
      'purposes:\n  - { id: stats, category: official_statistics, lawful_basis: { common_law: s251_support } }\n' +
      'data:\n  - { id: d, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }\n' +
      'flows:\n  - { id: f, from: gp, to: ons, data: [d], purposes: [stats] }\ntransparency: { rights_contact: dpo@example.nhs.uk }\n';
    const outcome = await lintText(text, { rules: [ruleById('rights-and-objection-handling-missing')] });
    expect(outcome.findings.map((f) => f.message).join('\n')).toContain('(official statistics (ONS))');
  });
});
