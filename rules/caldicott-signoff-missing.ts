import { defineRule, yaml } from '../src/core/rule.js';
import { approvalsBy, approvesCurrentVersion, caldicottDisclosureIndex, latestApproval, versionHint } from '../src/core/facts.js';

export default defineRule({
  id: 'caldicott-signoff-missing',
  meta: {
    title: 'A health or care organisation that discloses confidential patient information needs its Caldicott Guardian\'s approval',
    description:
      'Reports a controller that discloses confidential patient information under the agreement when no approval by its Caldicott Guardian is recorded for the agreement\'s current version.',
    rationale:
      'A Caldicott Guardian is the senior person in a health or care organisation who makes sure confidential information about patients is used ' +
      'ethically and lawfully. Deciding whether to share patient records with another organisation is the centre of that role. The National Data ' +
      'Guardian\'s statutory guidance (2021) expects public bodies in health and adult social care, and organisations contracted to deliver those ' +
      'services, to have a Caldicott Guardian, and they must have regard to it.\n\n' +
      'If the disclosing organisation\'s Caldicott Guardian has not approved the agreement, nobody accountable for confidentiality has decided that ' +
      'this sharing is justified, necessary and limited to what is needed. An approval of an earlier version does not cover what has changed since.\n\n' +
      'dsalint asks this of each health or care organisation (by its `org_type`: GP practices, trusts, hospices, dental practices, pharmacies and ' +
      'the like) that sends identifiable or pseudonymised health or care information as a controller (a flow\'s `from`). A party with no ' +
      'organisation type, or one that is not a health or care body (a council, a government department, a housing provider), is not asked; nor are ' +
      'organisations that only receive data, processing agreements or templates. Whether approvals still hold after a material change recorded in ' +
      '`history` is judged by `amendment-without-fresh-signoff`.',
    fix:
      'Ask the disclosing organisation\'s Caldicott Guardian to review this version of the agreement. Record their sign-off under `approvals` with ' +
      '`party` (the organisation\'s id), `role: caldicott_guardian`, their name, the date, and `version` equal to the agreement\'s `version`. A Caldicott ' +
      'Guardian shared with other organisations (for example across a primary care network) can sign for this party.',
    severity: 'error',
    severityReason: 'Without it, the accountable decision on confidentiality that NDG guidance expects for sharing patient information is missing.',
    area: 'G',
    importance: 215,
    tags: ['governance', 'sign-off', 'accountability'],
    presets: ['recommended', 'strict'],
    citations: [
      {
        instrument: 'National Data Guardian: guidance about the appointment of Caldicott Guardians, their role and responsibilities (2021)',
        provision: 'issued under the Health and Social Care (National Data Guardian) Act 2018',
        url: 'https://www.ukcgc.uk/ndg-guidance-faqs',
      },
      { instrument: 'The Caldicott Principles (December 2020)', url: 'https://www.gov.uk/government/news/why-caldicott-principles-and-caldicott-guardians-are-still-relevant-in-2020' },
      { instrument: 'UK GDPR', provision: 'Art 5(2) (accountability)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
    ],
    defaultOptions: {},
    messages: {
      none: {
        text: [
          '{{party}} discloses confidential patient information (flow "{{flow}}"), but no approval by its Caldicott Guardian is recorded. Ask its Caldicott ',
          'Guardian to review the agreement, then add an entry under `approvals` with party: {{id}}, role: caldicott_guardian{{versionHint}}.',
        ],
        request: 'Ask for the Caldicott Guardian of {{party}} to review and sign off the agreement before {{party}} discloses confidential patient information under it.',
      },
      'other-version': {
        text: [
          '{{party}} discloses confidential patient information (flow "{{flow}}"), but its Caldicott Guardian approved version {{approved}}, not the current ',
          'version {{version}}. Ask them to review this version and record their approval with version: {{version}}.',
        ],
        request: 'Ask for the Caldicott Guardian of {{party}} to review and sign off version {{version}}: they approved version {{approved}}.',
      },
      unversioned: {
        text: [
          '{{party}} discloses confidential patient information (flow "{{flow}}"), but its Caldicott Guardian\'s approval does not say which version it ',
          'covers; the current version is {{version}}. Add version: {{version}} to the approval if that is the version they approved, or ask them to review it.',
        ],
        request: 'Ask {{drafter}} to confirm that the Caldicott Guardian of {{party}} approved version {{version}}, the version you were sent.',
      },
    },
    examples: {
      valid: [
        {
          title: 'the disclosing practice\'s Caldicott Guardian approved the current version',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.1.0
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office, role: controller }
            data:
              - { id: summary, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: meo, data: [summary] }
            approvals:
              - { party: surgery, role: caldicott_guardian, name: Dr A Example, date: 2026-03-20, version: 1.1.0 }
          `,
        },
      ],
      invalid: [
        {
          title: 'no Caldicott Guardian approval at all',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.1.0
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office, role: controller }
            data:
              - { id: summary, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: meo, data: [summary] }
          `,
          findings: [{ messageId: 'none', at: 'parties[0].id' }],
        },
        {
          title: 'approval of an earlier version only',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.1.0
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office, role: controller }
            data:
              - { id: summary, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: meo, data: [summary] }
            approvals:
              - { party: surgery, role: caldicott_guardian, name: Dr A Example, date: 2026-03-20, version: 1.0.0 }
          `,
          findings: [{ messageId: 'other-version', at: 'parties[0].id' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    const flows = a.flows ?? [];
    (a.parties ?? []).forEach((party, i) => {
      const flowIndex = caldicottDisclosureIndex(a, party);
      if (flowIndex < 0) return;
      const found = approvalsBy(a, party.id, 'caldicott_guardian');
      if (found.some(({ approval }) => approvesCurrentVersion(a, approval))) return;
      // An approval of other content (by digest) is reported, at the approval, by amendment-without-fresh-signoff.
      if (found.some(({ approval }) => approval.digest !== undefined)) return;
      const flow = flows[flowIndex]!;
      const data = { party: party.name, id: party.id, flow: flow.id, version: a.version ?? '', versionHint: versionHint(a) };
      const discloses = { at: ['flows', flowIndex, 'from'], message: `${party.name} discloses confidential patient information in this flow.` } as const;
      const last = latestApproval(found);
      if (!last) {
        report({ messageId: 'none', data, at: ['parties', i, 'id'], related: [discloses] });
      } else if (last.approval.version !== undefined) {
        report({
          messageId: 'other-version',
          data: { ...data, approved: last.approval.version },
          at: ['parties', i, 'id'],
          related: [discloses, { at: ['approvals', last.index, 'version'], message: `The Caldicott Guardian approved version ${last.approval.version} here.` }],
        });
      } else {
        report({
          messageId: 'unversioned',
          data,
          at: ['parties', i, 'id'],
          related: [discloses, { at: ['approvals', last.index], message: 'This approval does not say which version it covers.' }],
        });
      }
    });
  },
});
