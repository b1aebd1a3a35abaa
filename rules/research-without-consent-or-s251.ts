import type { CommonLaw, PurposeCategory } from '../src/generated/agreement.js';
import { defineRule, yaml, type Path } from '../src/core/rule.js';
import { labelOf } from '../src/vocabulary.js';
import { carriesConfidentialPatientInformation, flowsForIndexed, partyName, purposeName } from '../src/core/facts.js';
import { joinWords, lowerFirst } from '../src/core/summary.js';

const RESEARCH: PurposeCategory = 'research';
/** The only common-law bases for identifiable research data. */
const RESEARCH_BASES: ReadonlySet<CommonLaw> = new Set<CommonLaw>(['explicit_consent', 's251_support']);
export default defineRule({
  id: 'research-without-consent-or-s251',
  meta: {
    title: 'Identifiable research data needs explicit consent or section 251 support',
    description:
      'Reports a research purpose for which confidential patient information is disclosed on a common-law basis other than explicit consent or section 251 support.',
    rationale:
      'Researchers may receive identifiable patient information only with the patients\' explicit consent, or with support under section 251 of the NHS Act 2006 and ' +
      'regulation 5 of the Control of Patient Information Regulations 2002, given on the advice of the Confidentiality Advisory Group when consent is impracticable and ' +
      'anonymised data will not do. Implied consent, "public interest" or "not confidential" do not cover identifiable research data. ' +
      'Anonymised or aggregate data is not confidential patient information and is not reported. Section 251 sets aside only the duty of confidentiality: UK GDPR still applies in full. ' +
      'A research purpose with no common-law basis at all is reported by common-law-basis-missing.',
    fix:
      'Obtain explicit consent (`common_law: explicit_consent`) or section 251 support (`common_law: s251_support` with the CAG reference in `lawful_basis.s251`), ' +
      'or share only anonymised data for the research.',
    severity: 'error',
    severityReason: 'Identifiable research use without consent or s251 support is a breach of confidence.',
    area: 'C',
    importance: 230,
    tags: ['lawful-basis', 'confidentiality', 'research'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'NHS Act 2006', provision: 's251; Health Service (Control of Patient Information) Regulations 2002 reg 5', url: 'https://www.hra.nhs.uk/about-the-hra/our-committees/section-251/' },
      {
        instrument: 'NHS England',
        provision: 'National data opt-out guidance for researchers: section 251',
        url: 'https://digital.nhs.uk/services/data-access-request-service-dars/how-the-national-data-opt-out-affects-data-released-by-nhs-digital/national-data-opt-out-guidance-for-researchers/4-section-251-and-the-application-of-national-data-opt-outs',
      },
    ],
    defaultOptions: {},
    messages: {
      'no-consent-or-s251': {
        text: [
          'Purpose {{purpose}} uses confidential patient information ({{flows}}) for research on the basis of {{basis}}. Identifiable research data needs the patients\' explicit consent ',
          'or section 251 support from the Confidentiality Advisory Group; otherwise share only anonymised data.',
        ],
        request: 'Ask {{drafter}} to use only anonymised data for the research purpose {{purpose}}, or to show the patients\' explicit consent or section 251 support from the Confidentiality Advisory Group: {{basis}} is not enough.',
      },
    },
    examples: {
      valid: [
        {
          title: 'research with section 251 support',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: uni, name: Example University }
            flows:
              - { id: f1, from: surgery, to: uni, data: [cohort], purposes: [study] }
            purposes:
              - { id: study, category: research, lawful_basis: { common_law: s251_support, s251: { reference: 23/CAG/0101 } } }
            data:
              - { id: cohort, categories: [nhs_number, diagnoses_problems] }
          `,
        },
      ],
      invalid: [
        {
          title: 'research on implied consent',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: uni, name: Example University }
            flows:
              - { id: f1, from: surgery, to: uni, data: [cohort], purposes: [study] }
            purposes:
              - { id: study, category: research, lawful_basis: { common_law: implied_consent } }
            data:
              - { id: cohort, categories: [nhs_number, diagnoses_problems] }
          `,
          findings: [{ messageId: 'no-consent-or-s251', at: 'purposes[0].lawful_basis.common_law' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    (a.purposes ?? []).forEach((purpose, i) => {
      const basis = purpose.lawful_basis?.common_law;
      if (purpose.category !== RESEARCH || basis === undefined || RESEARCH_BASES.has(basis)) return;
      const flows = flowsForIndexed(a, purpose.id).filter(({ flow }) => carriesConfidentialPatientInformation(a, flow));
      if (flows.length === 0) return;
      report({
        messageId: 'no-consent-or-s251',
        data: { purpose: purposeName(purpose), basis: lowerFirst(labelOf('commonLaw', basis)), flows: joinWords(flows.map(({ flow: f }) => `flow "${f.id}" to ${partyName(a, f.to)}`)) },
        at: ['purposes', i, 'lawful_basis', 'common_law'],
        related: flows.map(({ flow: f, index }) => ({ at: ['flows', index, 'id'] satisfies Path, message: `Flow "${f.id}" discloses confidential patient information for it.` })),
      });
    });
  },
});
