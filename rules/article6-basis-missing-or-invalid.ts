import type { Agreement, Purpose } from '../src/generated/agreement.js';
import { defineRule, yaml, type Path } from '../src/core/rule.js';
import { ARTICLE_6_BASIS, DUAA_COMMENCEMENT } from '../src/vocabulary.js';
import {
  carriesPatientData,
  coversOnlyDeceased,
  flowsFor,
  indexOfParty,
  isIdentifying,
  isPostDuaa,
  isPublicAuthority,
  partyById,
  partyName,
  purposeName,
  relyingParties,
} from '../src/core/facts.js';
import { formatDate, joinWords } from '../src/core/summary.js';

/** Personal data is shared for the purpose: a flow for it carries patient data, or an identifiable item names it. */
function hasPersonalData(a: Agreement, p: Purpose): boolean {
  return flowsFor(a, p.id).some((f) => carriesPatientData(a, f)) || (a.data ?? []).some((d) => (d.purposes ?? []).includes(p.id) && isIdentifying(d));
}

/** The agreement is positively judged under the law before the DUAA changes (declared, or by its effective date). */
function knownPreDuaa(a: Agreement): boolean {
  return (a.legal_framework !== undefined || a.dates?.effective_from !== undefined) && !isPostDuaa(a);
}
export default defineRule({
  id: 'article6-basis-missing-or-invalid',
  meta: {
    title: 'Every purpose using living patients\' data needs a valid Article 6 basis',
    description:
      'Reports a purpose for which personal data of living patients is shared with no UK GDPR Article 6 lawful basis, legitimate interests (Art 6(1)(f) or (ea)) relied on ' +
      'by a public authority, or Art 6(1)(ea) used under the law before 5 February 2026.',
    rationale:
      'Processing personal data is lawful only on one of the Article 6(1) bases, identified and documented before the processing starts. ' +
      'GP practices, NHS trusts, ICBs and local authorities are public authorities: the last subparagraph of Art 6(1) stops them relying on legitimate interests ' +
      'for processing in performance of their tasks, and since the Data (Use and Access) Act 2025 s70 that covers the new "recognised legitimate interests" basis (ea) as well as (f). ' +
      'Their care and statutory processing normally rests on Art 6(1)(e) public task or (c) legal obligation. ' +
      'Art 6(1)(ea) exists only from 5 February 2026, so an agreement judged under the earlier law cannot use it.\n\n' +
      'UK GDPR does not apply to the records of people who have died, so an agreement whose population is deceased patients only is not reported ' +
      '(the duty of confidentiality still applies: see common-law-basis-missing). The relying party is the purpose\'s owner, or, when no owner is named, the parties that disclose for it.',
    fix:
      'Record the basis in `lawful_basis.article_6`: for NHS bodies and GP practices usually `e_public_task`, or `c_legal_obligation` where a statute requires the disclosure. ' +
      'A public authority relying on legitimate interests should use the basis for its task instead.',
    severity: 'error',
    severityReason: 'Processing without a valid Art 6 basis is unlawful.',
    area: 'C',
    importance: 205,
    tags: ['lawful-basis', 'caldicott-6'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 6(1)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/6' },
      { instrument: 'Data (Use and Access) Act 2025', provision: 's70 (Art 6(1)(ea)), in force 5 February 2026', url: 'https://www.legislation.gov.uk/ukpga/2025/18/section/70' },
      { instrument: 'ICO: Lawful basis for processing', url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/' },
    ],
    defaultOptions: {},
    messages: {
      missing: {
        text: [
          'Purpose {{purpose}} has no UK GDPR Article 6 lawful basis, but personal data of living patients is shared for it. Record it in lawful_basis.article_6 ',
          '(for NHS bodies and GP practices usually e_public_task).',
        ],
        request: 'Ask {{drafter}} to state the UK GDPR Article 6 lawful basis for {{purpose}} (for NHS bodies and GP practices, usually the public task).',
      },
      'public-authority': {
        text: [
          'Purpose {{purpose}} relies on {{basis}}, but {{parties}} {{verb}} a public authority, which cannot rely on legitimate interests for processing in performance of its tasks. ',
          'Use the basis for the task, usually e_public_task or c_legal_obligation.',
        ],
        request: 'Ask {{drafter}} to replace legitimate interests as the lawful basis for {{purpose}}: {{parties}} {{verb}} a public authority and must rely on its public task or a legal obligation.',
      },
      'ea-before-duaa': {
        text: [
          'Purpose {{purpose}} relies on Art 6(1)(ea) recognised legitimate interests, which exists only from {{commencement}}, but the agreement is judged under the law before then. ',
          'Choose a basis that existed then, or set legal_framework: uk_gdpr_post_duaa_2026 if the sharing is assessed under the amended law.',
        ],
        request: 'Ask {{drafter}} to give a lawful basis for {{purpose}} that applied at the time: "recognised legitimate interests" exists only from {{commencement}}.',
      },
    },
    examples: {
      valid: [{
        title: 'direct care on public task',
        agreement: yaml`
          dsalint: 1
          id: EX-001
          title: Example
          parties:
            - { id: surgery, name: Example Surgery, org_type: gp_practice }
            - { id: trust, name: Example Trust, org_type: nhs_trust_acute }
          population: { scope: defined_cohort, inclusion_criteria: [Patients referred to the trust], vital_status: living }
          data:
            - { id: referral, categories: [nhs_number, diagnoses_problems] }
          flows:
            - { id: f1, from: surgery, to: trust, data: [referral], purposes: [care] }
          purposes:
            - { id: care, category: individual_care, lawful_basis: { article_6: e_public_task } }
        `,
      }],
      invalid: [
        {
          title: 'a GP practice relying on legitimate interests',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: trust, name: Example Trust, org_type: nhs_trust_acute }
            population: { scope: defined_cohort, inclusion_criteria: [Patients referred to the trust], vital_status: living }
            data:
              - { id: referral, categories: [nhs_number, diagnoses_problems] }
            flows:
              - { id: f1, from: surgery, to: trust, data: [referral], purposes: [care] }
            purposes:
              - { id: care, category: individual_care, owner: surgery, lawful_basis: { article_6: f_legitimate_interests } }
          `,
          findings: [{ messageId: 'public-authority', at: 'purposes[0].lawful_basis.article_6' }],
        },
        {
          title: 'no Article 6 basis',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: trust, name: Example Trust, org_type: nhs_trust_acute }
            population: { scope: defined_cohort, inclusion_criteria: [Patients referred to the trust], vital_status: living }
            data:
              - { id: referral, categories: [nhs_number, diagnoses_problems] }
            flows:
              - { id: f1, from: surgery, to: trust, data: [referral], purposes: [care] }
            purposes:
              - { id: care, category: individual_care }
          `,
          findings: [{ messageId: 'missing', at: 'purposes[0].lawful_basis.article_6' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    (a.purposes ?? []).forEach((purpose, i) => {
      // UK GDPR does not apply to the deceased (deceased-records-basis covers what does).
      if (coversOnlyDeceased(a, [purpose]) || !hasPersonalData(a, purpose)) return;
      const at: Path = ['purposes', i, 'lawful_basis', 'article_6'];
      const value = purpose.lawful_basis?.article_6;
      if (value === undefined) {
        report({ messageId: 'missing', data: { purpose: purposeName(purpose) }, at });
        return;
      }
      const basis = ARTICLE_6_BASIS.get(value);
      if (basis?.inForceFrom !== undefined && knownPreDuaa(a)) {
        report({ messageId: 'ea-before-duaa', data: { purpose: purposeName(purpose), commencement: formatDate(basis.inForceFrom ?? DUAA_COMMENCEMENT) }, at });
      }
      if (!basis?.notForPublicAuthorityTasks) return;
      const relying = relyingParties(a, purpose);
      const authorities = relying.filter((id) => isPublicAuthority(partyById(a, id)));
      if (authorities.length === 0) return;
      report({
        messageId: 'public-authority',
        data: { purpose: purposeName(purpose), basis: basis.label, parties: joinWords(authorities.map((id) => partyName(a, id))), verb: authorities.length === 1 ? 'is' : 'are' },
        at,
        related: authorities.flatMap((id) => {
          const p = indexOfParty(a, id);
          const party = a.parties?.[p];
          if (!party) return [];
          const key = party.public_authority !== undefined ? 'public_authority' : party.org_type !== undefined ? 'org_type' : 'id';
          return [{ at: ['parties', p, key] satisfies Path, message: `${party.name} is a public authority.` }];
        }),
      });
    });
  },
});
