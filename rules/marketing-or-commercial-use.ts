import { defineRule, yaml } from '../src/core/rule.js';
import { carriesPatientData, flowsForIndexed, partyName, purposeCategoryOf, purposeName } from '../src/core/facts.js';
import { joinWords } from '../src/core/summary.js';
export default defineRule({
  id: 'marketing-or-commercial-use',
  meta: {
    title: 'No marketing, commercial or insurance use of patient data without explicit consent',
    description: 'Reports a marketing, commercial or insurance purpose for which identifiable or pseudonymised patient data flows, unless its common-law basis is explicit consent.',
    rationale:
      'Patients give information to their clinicians for their care. Using it for marketing, selling it, or passing it to insurers is incompatible with that purpose ' +
      '(UK GDPR Art 5(1)(b)) and far outside what patients expect; NHS privacy notices tell patients their data is not shared with insurance companies or used for marketing ' +
      'without their specific agreement. People also have an absolute right to object to direct marketing. Anonymised data is not reported.',
    fix:
      'Share only anonymised or aggregate data for this purpose, or obtain each patient\'s explicit, specific consent and record `common_law: explicit_consent` ' +
      '(with `article_6: a_consent`). Otherwise remove the purpose.',
    severity: 'error',
    severityReason: 'Collected for care and used for marketing or insurance is incompatible further processing and a breach of confidence.',
    area: 'B',
    importance: 250,
    tags: ['purpose-limitation', 'confidentiality', 'commercial'],
    presets: ['recommended', 'strict'],
    citations: [
      {
        instrument: 'UK GDPR',
        provision: 'Art 5(1)(b) (purpose limitation)',
        url: 'https://cy.ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/a-guide-to-the-data-protection-principles/purpose-limitation/',
      },
      { instrument: 'UK GDPR', provision: 'Art 21(2) and (3) (right to object to direct marketing)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/21', unverified: true },
      { instrument: 'NHS: Your NHS data matters (how patient data is and is not used)', url: 'https://www.nhs.uk/your-nhs-data-matters/' },
    ],
    defaultOptions: {},
    messages: {
      commercial: {
        text: [
          'Purpose {{purpose}} uses identifiable patient data ({{flows}}) without explicit consent. Patients do not expect their records to be used for marketing, ',
          'commercial or insurance purposes: share only anonymised data, or obtain each patient\'s explicit consent and record common_law: explicit_consent.',
        ],
        request: 'Ask {{drafter}} to share only anonymised data for {{purpose}}, or to obtain each patient\'s explicit consent: patients do not expect their records to be used for marketing, commercial or insurance purposes.',
      },
    },
    examples: {
      valid: [
        {
          title: 'anonymised counts for a commercial partner',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery }
              - { id: vendor, name: Example Health Ltd }
            flows:
              - { id: f1, from: surgery, to: vendor, data: [contacts], purposes: [offers] }
            purposes:
              - { id: offers, category: commercial }
            data:
              - { id: contacts, categories: [appointments_activity], identifiability: aggregate }
          `,
        },
      ],
      invalid: [
        {
          title: 'patient contact details for marketing',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery }
              - { id: vendor, name: Example Health Ltd }
            flows:
              - { id: f1, from: surgery, to: vendor, data: [contacts], purposes: [offers] }
            purposes:
              - { id: offers, category: marketing }
            data:
              - { id: contacts, categories: [name, contact_details], identifiability: identifiable }
          `,
          findings: [{ messageId: 'commercial', at: 'purposes[0].category' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    (a.purposes ?? []).forEach((purpose, i) => {
      if (!purposeCategoryOf(purpose)?.commercial || purpose.lawful_basis?.common_law === 'explicit_consent') return;
      const flows = flowsForIndexed(a, purpose.id).filter(({ flow }) => carriesPatientData(a, flow));
      if (flows.length === 0) return;
      report({
        messageId: 'commercial',
        data: { purpose: purposeName(purpose), flows: joinWords(flows.map(({ flow: f }) => `flow "${f.id}" to ${partyName(a, f.to)}`)) },
        at: ['purposes', i, 'category'],
        related: flows.map(({ flow: f, index }) => ({ at: ['flows', index, 'purposes', (f.purposes ?? []).indexOf(purpose.id)], message: `Flow "${f.id}" carries patient data for it.` })),
      });
    });
  },
});
