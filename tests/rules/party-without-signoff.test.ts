import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { describe as describeFindings, formatRange, lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'party-without-signoff';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const lint = (text: string) => lintWithRule(RULE, text);

interface Shape {
  head?: string;
  other?: string;
  purpose?: string;
  flow?: string;
  approvals?: string;
}

/** A surgery that has signed, and another organisation that takes part in the flow. */
const agreement = (s: Shape = {}): string =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nversion: 1.0.0\n' +
  (s.head ?? '') +
  'parties:\n' +
  '  - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }\n' +
  `  - { id: other, name: Example Carers Charity${s.other ?? ', org_type: vcse, role: controller'} }\n` +
  `purposes:\n  - { id: use, category: individual_care${s.purpose ?? ''} }\n` +
  `flows:\n  - ${s.flow ?? '{ id: f1, from: surgery, to: other, purposes: [use] }'}\n` +
  `approvals:\n${s.approvals ?? '  - { party: surgery, role: caldicott_guardian, name: Dr A, version: 1.0.0 }\n'}`;

describe(RULE, () => {
  it('reports a recipient no one has signed for, at its id, pointing at the flow, with a request for the reviewer', async () => {
    const text = agreement();
    expect(await lint(text)).toEqual([`none ${rangeOf(text, 'other')}`]);
    expect(rangeOf(text, 'other')).toBe('7:11-7:16');
    const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toBe(
      'Example Carers Charity receives data under the agreement (flow "f1"), but no one has signed the agreement for it, while the other parties\' ' +
        'approvals are recorded. Ask Example Carers Charity\'s authorised signatory or information governance lead to sign it, then add an entry under ' +
        '`approvals` with party: other, version: 1.0.0.',
    );
    expect(finding?.request).toBe(
      'Ask Example Carers Charity, which receives data under the agreement, to sign the agreement as the other parties have (its authorised signatory or information governance lead).',
    );
    expect(finding?.related.map((r) => `${r.path} ${formatRange(r.range)}`)).toEqual([`flows[0].to ${rangeOf(text, 'other', 2)}`]);
  });

  it('reports a sender too, and a party of unknown type', async () => {
    const sends = agreement({ flow: '{ id: f1, from: other, to: surgery, purposes: [use] }' });
    expect(await lint(sends)).toEqual([`none ${rangeOf(sends, 'other')}`]);
    const [finding] = (await lintText(sends, { rules: [ruleById(RULE)] })).findings;
    expect(finding?.message).toContain('shares data under the agreement (flow "f1")');
    const unknown = agreement({ other: '' });
    expect(await lint(unknown)).toEqual([`none ${rangeOf(unknown, 'other')}`]);
  });

  it('is quiet once the party has signed in any role', async () => {
    const approvals = '  - { party: surgery, role: caldicott_guardian, name: Dr A, version: 1.0.0 }\n  - { party: other, role: authorised_signatory, name: B, version: 1.0.0 }\n';
    expect(await lint(agreement({ approvals }))).toEqual([]);
  });

  it('leaves an agreement with no approvals at all, a draft, a template and one not accepted by signature to the other rules', async () => {
    expect(await lint(agreement({ approvals: '' }).replace('approvals:\n', ''))).toEqual([]);
    expect(await lint(agreement({ head: 'status: draft\n' }))).toEqual([]);
    expect(await lint(agreement({ head: 'kind: template\n' }))).toEqual([]);
    expect(await lint(agreement({ head: 'acceptance: click_through\n' }))).toEqual([]);
    const signed = agreement({ head: 'acceptance: signed\n' });
    expect(await lint(signed)).toEqual([`none ${rangeOf(signed, 'other')}`]);
  });

  it('does not ask a processor, a template blank, a group, a party in no flow, a coroner, or a recipient the law entitles to the data', async () => {
    expect(await lint(agreement({ other: ', org_type: commercial_supplier, role: processor' }))).toEqual([]);
    expect(await lint(agreement({ other: ', placeholder: true' }))).toEqual([]);
    expect(await lint(agreement({ other: ', group: { description: Every carers charity in the borough, count: 3 }' }))).toEqual([]);
    expect(await lint(agreement({ flow: '{ id: f1, from: surgery, purposes: [use] }' }))).toEqual([]);
    expect(await lint(agreement({ other: ', org_type: coroner, role: controller' }))).toEqual([]);
    expect(await lint(agreement({ purpose: ', lawful_basis: { common_law: legal_requirement }' }))).toEqual([]);
  });

  it('does not repeat what the Caldicott Guardian and DPO rules ask of the same party', async () => {
    // A public authority controller: dpo-review-missing asks for its DPO.
    const council = agreement({
      other: ', org_type: local_authority_adult_social_care, role: controller, public_authority: true',
      approvals: '  - { party: surgery, role: caldicott_guardian, name: Dr A, version: 1.0.0 }\n  - { party: surgery, role: dpo, name: C, version: 1.0.0 }\n',
    });
    const all = describeFindings((await lintText(council, { rules: [ruleById(RULE), ruleById('dpo-review-missing')] })).findings);
    expect(all).toEqual([`dpo-review-missing dpo-none ${rangeOf(council, 'other')}`]);
    // A hospice disclosing patient information: caldicott-signoff-missing asks for its Caldicott Guardian.
    const hospice = agreement({
      other: ', org_type: hospice, role: controller',
      flow: '{ id: f1, from: other, to: surgery, purposes: [use], data: [notes] }',
    }).replace('flows:', 'data:\n  - { id: notes, categories: [nhs_number, diagnoses_problems] }\nflows:');
    const found = describeFindings((await lintText(hospice, { rules: [ruleById(RULE), ruleById('caldicott-signoff-missing')] })).findings);
    expect(found).toEqual([`caldicott-signoff-missing none ${rangeOf(hospice, 'other')}`]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
