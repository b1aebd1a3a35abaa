import type { Party, SignoffRole } from '../src/generated/agreement.js';
import { defineRule, yaml } from '../src/core/rule.js';
import { approvalsBy, approvesCurrentVersion, latestApproval, isController, needsDpoReview, orgTypeOf, versionHint } from '../src/core/facts.js';

export default defineRule({
  id: 'dpo-review-missing',
  meta: {
    title: 'Public authority controllers need their Data Protection Officer\'s review',
    description:
      'Reports a controller that is a public authority with no approval by its Data Protection Officer (DPO) for the agreement\'s current version, ' +
      'and, as information, an NHS trust or integrated care board with no approval by its Senior Information Risk Owner (SIRO).',
    rationale:
      'Every public authority must have a Data Protection Officer (UK GDPR Art 37), and that includes GP practices providing NHS services. The DPO\'s job ' +
      'is to advise on data protection and on the data protection impact assessment (Art 39), so an agreement to share patient data that the DPO has ' +
      'not reviewed has skipped the independent check the law puts in place. The DPO can be shared between practices; the approval just names the ' +
      'party they act for. A coroner is the exception: Art 37(1)(a) does not require a court acting in its judicial capacity to have a DPO, so ' +
      'dsalint does not ask for one.\n\n' +
      'NHS trusts and integrated care boards also have a Senior Information Risk Owner, a board-level owner of information risk and one of the key ' +
      'roles in the Data Security and Protection Toolkit. Their sign-off is good practice rather than a legal requirement, so dsalint only mentions it ' +
      '(severity info). An approval of an earlier version does not cover what has changed since; whether approvals still hold after a change recorded ' +
      'in `history` is judged by `amendment-without-fresh-signoff`.',
    fix:
      'Ask the organisation\'s DPO to review this version of the agreement and record it under `approvals` with `party`, `role: dpo`, their name, the ' +
      'date and `version` equal to the agreement\'s `version`. For an NHS trust or ICB, add the SIRO\'s approval (`role: siro`) the same way.',
    severity: 'warning',
    severityReason:
      'A missing DPO review is a governance gap an auditor would expect to see closed, not proof that the sharing is unlawful; SIRO sign-off is good practice, so it is info.',
    area: 'G',
    importance: 425,
    tags: ['governance', 'sign-off', 'accountability'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 37(1)(a) (public authorities must designate a DPO)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/37' },
      { instrument: 'UK GDPR', provision: 'Art 39(1) (tasks of the DPO, including advice on DPIAs)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/39' },
      {
        instrument: 'ICO: Accountability Framework, leadership and oversight',
        provision: 'Whether to appoint a DPO ("some organisations legally require a DPO")',
        url: 'https://ico.org.uk/for-organisations/accountability-framework/leadership-and-oversight/',
      },
      { instrument: 'NHS Digital: DSPT key roles and DPO guide (2018)', provision: 'SIRO as a key role', url: 'https://www.dsptoolkit.nhs.uk/', unverified: true },
    ],
    defaultOptions: {},
    messages: {
      'dpo-none': {
        text: [
          '{{party}} is a public authority, but no review by its Data Protection Officer is recorded. Ask its DPO to review the agreement, then add an ',
          'entry under `approvals` with party: {{id}}, role: dpo{{versionHint}}.',
        ],
        request: 'Ask for the Data Protection Officer of {{party}} to review the agreement before it is signed.',
      },
      'dpo-other-version': {
        text: [
          'The Data Protection Officer approval for {{party}} {{approved}}, but the current version is {{version}}. Ask the DPO to review this version ',
          'and record their approval with version: {{version}}.',
        ],
        request: 'Ask for the Data Protection Officer of {{party}} to review version {{version}}.',
      },
      'siro-none': {
        text: [
          '{{party}} is an NHS trust or integrated care board, and no approval by its Senior Information Risk Owner (SIRO) is recorded. Consider adding ',
          'the SIRO\'s sign-off under `approvals` with party: {{id}}, role: siro{{versionHint}}.',
        ],
        severity: 'info',
        request: 'Ask whether the Senior Information Risk Owner of {{party}} has signed off the agreement.',
      },
      'siro-other-version': {
        text: 'The Senior Information Risk Owner (SIRO) approval for {{party}} {{approved}}, but the current version is {{version}}. Consider asking the SIRO to approve this version.',
        severity: 'info',
        request: 'Ask whether the Senior Information Risk Owner of {{party}} has signed off version {{version}}.',
      },
    },
    examples: {
      valid: [
        {
          title: 'the practice DPO reviewed the current version',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 2.0.0
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }
            approvals:
              - { party: surgery, role: dpo, name: B Example, date: 2026-03-18, version: 2.0.0 }
          `,
        },
      ],
      invalid: [
        {
          title: 'no DPO review',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 2.0.0
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }
          `,
          findings: [{ messageId: 'dpo-none', at: 'parties[0].id' }],
        },
        {
          title: 'the DPO reviewed an earlier version',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 2.0.0
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }
            approvals:
              - { party: surgery, role: dpo, name: B Example, date: 2025-03-18, version: 1.0.0 }
          `,
          findings: [{ messageId: 'dpo-other-version', at: 'parties[0].id' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    const check = (party: Party, i: number, role: SignoffRole, none: 'dpo-none' | 'siro-none', other: 'dpo-other-version' | 'siro-other-version', label: string): void => {
      const found = approvalsBy(a, party.id, role);
      if (found.some(({ approval }) => approvesCurrentVersion(a, approval))) return;
      // An approval of other content (by digest) is reported, at the approval, by amendment-without-fresh-signoff.
      if (found.some(({ approval }) => approval.digest !== undefined)) return;
      const data = { party: party.name, id: party.id, version: a.version ?? '', versionHint: versionHint(a) };
      const last = latestApproval(found);
      if (!last) {
        report({ messageId: none, data, at: ['parties', i, 'id'] });
        return;
      }
      const approved = last.approval.version === undefined ? 'does not say which version it covers' : `is for version ${last.approval.version}`;
      report({
        messageId: other,
        data: { ...data, approved },
        at: ['parties', i, 'id'],
        related: [{ at: last.approval.version === undefined ? ['approvals', last.index] : ['approvals', last.index, 'version'], message: `The ${label} approval is here.` }],
      });
    };
    (a.parties ?? []).forEach((party, i) => {
      if (!isController(party)) return;
      if (needsDpoReview(party)) check(party, i, 'dpo', 'dpo-none', 'dpo-other-version', 'DPO');
      if (orgTypeOf(party)?.siroExpected) check(party, i, 'siro', 'siro-none', 'siro-other-version', 'SIRO');
    });
  },
});
