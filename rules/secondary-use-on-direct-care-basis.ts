import { defineRule, yaml, type Path } from '../src/core/rule.js';
import { commonLawBasisOf, isSecondary, purposeName } from '../src/core/facts.js';

/** The HSCA 2012 s251B duty to share (inserted by the 2015 Act), however it is written. */
const DUTY_TO_SHARE = /\b(?:s(?:ection)?\.?\s*)?251\s?B\b|\bduty to share\b/i;
export default defineRule({
  id: 'secondary-use-on-direct-care-basis',
  meta: {
    title: 'Purposes beyond care cannot borrow the direct-care basis',
    description:
      'Reports a purpose other than individual care whose common-law basis is implied consent, or whose legislation or explanation cites the ' +
      'Health and Social Care Act 2012 s251B duty to share.',
    rationale:
      'Implied consent is available only for sharing within a patient\'s care, by the care team, that the patient would reasonably expect. ' +
      'The s251B duty to share (Health and Social Care Act 2012, inserted by the Health and Social Care (Safety and Quality) Act 2015) is limited to disclosures that are likely to ' +
      'facilitate the individual\'s care and are in their interests, and does not apply if they object. Safeguarding reviews, medical examiner scrutiny, planning, research and ' +
      'the other purposes beyond individual care need their own basis: explicit consent, a legal requirement, section 251 support, or an overriding public interest decided case by case. ' +
      'Borrowing the care basis leaves the secondary use with no basis at all.\n\n' +
      'Purposes with no category are not judged here; vague-purpose asks for one.',
    fix: 'Record the common-law basis that really applies to this purpose in `lawful_basis.common_law`, and cite the law that permits it in `lawful_basis.legislation`.',
    severity: 'error',
    severityReason: 'The secondary use is left without a common-law basis, a breach of confidence.',
    area: 'B',
    importance: 235,
    tags: ['lawful-basis', 'confidentiality', 'caldicott-6'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'NHS England Transformation Directorate', provision: 'Consent and confidential patient information', url: 'https://transform.england.nhs.uk/information-governance/guidance/consent-and-confidential-patient-information/' },
      { instrument: 'Health and Social Care Act 2012', provision: 's251B (duty to share), explanatory notes to the 2015 Act s3', url: 'http://www.legislation.gov.uk/ukpga/2015/28/notes/division/4/3' },
      {
        instrument: 'NHS England digital regulations guidance',
        provision: 'Common law duty of confidentiality',
        url: 'https://digitalregulations.innovation.nhs.uk/regulations-and-guidance-for-developers/all-developers-guidance/common-law-duty-of-confidentiality/',
      },
    ],
    defaultOptions: {},
    messages: {
      'implied-consent': {
        text: [
          'Purpose {{purpose}} is not individual care, but relies on implied consent. Implied consent covers only sharing for a patient\'s own care that they would reasonably expect: ',
          'record the basis that applies to this purpose, such as explicit consent, a legal requirement or section 251 support.',
        ],
        request: 'Ask {{drafter}} to give a basis for {{purpose}} other than implied consent, such as explicit consent, a legal requirement or section 251 support: implied consent covers only a patient\'s own care.',
      },
      'duty-to-share': {
        text: [
          'Purpose {{purpose}} is not individual care, but cites the duty to share ("{{citation}}"). The Health and Social Care Act 2012 s251B duty applies only to sharing that ',
          'helps the patient\'s own care: cite the law that permits this use instead.',
        ],
        request: 'Ask {{drafter}} to cite the law that permits {{purpose}}: the duty to share ("{{citation}}") covers only sharing for the patient\'s own care.',
      },
    },
    examples: {
      valid: [
        {
          title: 'a safeguarding review on a legal requirement',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            purposes:
              - id: sar
                category: safeguarding_review
                lawful_basis: { common_law: legal_requirement, legislation: [Care Act 2014 s45] }
          `,
        },
      ],
      invalid: [
        {
          title: 'planning on implied consent and the duty to share',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            purposes:
              - id: planning
                category: planning_commissioning
                lawful_basis:
                  common_law: implied_consent
                  legislation: [Health and Social Care Act 2012 s251B]
          `,
          findings: [
            { messageId: 'implied-consent', at: 'purposes[0].lawful_basis.common_law' },
            { messageId: 'duty-to-share', at: 'purposes[0].lawful_basis.legislation[0]' },
          ],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    (a.purposes ?? []).forEach((purpose, i) => {
      if (purpose.category === undefined || !isSecondary(purpose)) return;
      const basis: Path = ['purposes', i, 'lawful_basis'];
      if (commonLawBasisOf(purpose)?.directCareOnly) {
        report({ messageId: 'implied-consent', data: { purpose: purposeName(purpose) }, at: [...basis, 'common_law'] });
      }
      const legislation = purpose.lawful_basis?.legislation ?? [];
      const k = legislation.findIndex((text) => DUTY_TO_SHARE.test(text));
      const explanation = purpose.lawful_basis?.explanation;
      const citation = k >= 0 ? legislation[k] : explanation !== undefined && DUTY_TO_SHARE.test(explanation) ? DUTY_TO_SHARE.exec(explanation)?.[0] : undefined;
      if (citation === undefined) return;
      report({
        messageId: 'duty-to-share',
        data: { purpose: purposeName(purpose), citation },
        at: k >= 0 ? [...basis, 'legislation', k] : [...basis, 'explanation'],
      });
    });
  },
});
