import { defineRule, yaml } from '../src/core/rule.js';
import type { Agreement, Flow } from '../src/generated/agreement.js';
import { caldicottDisclosureIndex, flowPurposes, isProcessor, needsDpoReview, orgTypeOf, versionHint } from '../src/core/facts.js';

/** Every purpose of the flow rests on a legal requirement to disclose: the recipient is entitled to the data, signature or not. */
function compelled(a: Agreement, flow: Flow): boolean {
  const purposes = flowPurposes(a, flow);
  return purposes.length > 0 && purposes.every((p) => p.lawful_basis?.common_law === 'legal_requirement');
}

export default defineRule({
  id: 'party-without-signoff',
  meta: {
    title: 'Every party that shares or receives data signs the agreement',
    description:
      'Reports a party that sends or receives data in a flow but for which no one has signed the agreement, when the other parties\' ' +
      'approvals are recorded. Parties whose Caldicott Guardian or Data Protection Officer must sign are left to those rules.',
    rationale:
      'A data sharing agreement is made between the parties sending and receiving the data; the ICO\'s data sharing code says it helps all the ' +
      'parties be clear about their roles and responsibilities, and it is how each of them demonstrates accountability. An organisation that ' +
      'receives or sends data under the agreement but never signed it has not accepted the agreement\'s purposes, limits, security or retention ' +
      'terms, so nothing in the agreement binds it. An expert reviewer compares the party list with the signatures and asks for the missing one.\n\n' +
      'dsalint reports this only when the agreement records some approvals (so the approvals are the sign-off record and one party is missing ' +
      'from it), and only for parties no other sign-off rule already asks about: a party disclosing confidential patient information needs its ' +
      'Caldicott Guardian (`caldicott-signoff-missing`), and a public authority controller its Data Protection Officer (`dpo-review-missing`). ' +
      'Processors are bound by their Art 28 contract rather than by signing the sharing agreement, so they are not asked; nor is a court (a ' +
      'coroner), or a recipient of data the law requires to be disclosed to it (every purpose of the flow rests on `legal_requirement`). Drafts, templates, overarching protocols (each signatory under its own governance), data releases, ' +
      'template blanks, groups of parties, and agreements accepted other than by signature (click-through, deemed by contract, per referral) are ' +
      'not asked either. An approval naming a party that is not in the party list is reported by `reference-unresolved`.',
    fix:
      'Ask the party\'s authorised signatory (or its information governance lead) to sign the agreement, then add an entry under `approvals` with ' +
      'its `party` id, `role`, name, date and `version`. If the organisation does not in fact take part, remove it from the flows and the parties.',
    severity: 'warning',
    severityReason:
      'An unsigned party is a gap in the evidence of accountability a reviewer or auditor expects to see closed; it does not by itself make the sharing unlawful.',
    area: 'G',
    importance: 430,
    tags: ['governance', 'sign-off', 'accountability'],
    presets: ['recommended', 'strict'],
    citations: [
      {
        instrument: 'ICO Data Sharing Code of Practice',
        provision: 'Data sharing agreements: a data sharing agreement between the parties sending and receiving data helps all the parties be clear about their roles',
        url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/data-sharing-a-code-of-practice/data-sharing-agreements/',
      },
      { instrument: 'UK GDPR', provision: 'Art 5(2) (accountability)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
    ],
    defaultOptions: {},
    messages: {
      none: {
        text: [
          '{{party}} {{takesPart}} (flow "{{flow}}"), but no one has signed the agreement for it, while the other parties\' approvals are recorded. ',
          'Ask {{party}}\'s authorised signatory or information governance lead to sign it, then add an entry under `approvals` with party: {{id}}{{versionHint}}.',
        ],
        request: 'Ask {{party}}, which {{takesPart}}, to sign the agreement as the other parties have (its authorised signatory or information governance lead).',
      },
    },
    examples: {
      valid: [
        {
          title: 'the charity that receives referrals has signed',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.0.0
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }
              - { id: charity, name: Example Carers Charity, org_type: vcse, role: controller }
            flows:
              - { id: f1, from: surgery, to: charity }
            approvals:
              - { party: surgery, role: caldicott_guardian, name: Dr A, version: 1.0.0 }
              - { party: charity, role: authorised_signatory, name: B Example, version: 1.0.0 }
          `,
        },
      ],
      invalid: [
        {
          title: 'the surgery signed, the charity that receives referrals did not',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.0.0
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }
              - { id: charity, name: Example Carers Charity, org_type: vcse, role: controller }
            flows:
              - { id: f1, from: surgery, to: charity }
            approvals:
              - { party: surgery, role: caldicott_guardian, name: Dr A, version: 1.0.0 }
          `,
          findings: [{ messageId: 'none', at: 'parties[1].id' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    const approvals = a.approvals ?? [];
    // With no approvals at all, the sign-off rules already ask each accountable officer; one party missing from a list is the finding here.
    // Templates, protocols and data releases are not asked (src/core/kinds.ts).
    if (approvals.length === 0 || a.status === 'draft') return;
    if (a.acceptance !== undefined && a.acceptance !== 'signed') return;
    const flows = a.flows ?? [];
    (a.parties ?? []).forEach((party, i) => {
      if (party.placeholder === true || party.group !== undefined || isProcessor(party)) return;
      if (approvals.some((approval) => approval.party === party.id)) return;
      // Those rules already ask this party's Caldicott Guardian or DPO to sign.
      if (needsDpoReview(party) || caldicottDisclosureIndex(a, party) >= 0) return;
      // A court (a coroner) or a recipient the law entitles to the data (a statutory notice) requires it; it does not accept terms by signing.
      if (orgTypeOf(party)?.judicial) return;
      const index = flows.findIndex((f) => (f.from === party.id || f.to === party.id) && !(f.to === party.id && compelled(a, f)));
      if (index < 0) return;
      const flow = flows[index]!;
      const sends = flow.from === party.id;
      report({
        messageId: 'none',
        data: { party: party.name, id: party.id, flow: flow.id, takesPart: sends ? 'shares data under the agreement' : 'receives data under the agreement', versionHint: versionHint(a) },
        at: ['parties', i, 'id'],
        related: [{ at: ['flows', index, sends ? 'from' : 'to'], message: `${party.name} ${sends ? 'sends' : 'receives'} data in this flow.` }],
      });
    });
  },
});
