import { defineRule, yaml } from '../src/core/rule.js';
import { sharesPersonalData } from '../src/core/facts.js';
export default defineRule({
  id: 'security-measures-missing',
  meta: {
    title: 'The agreement must say how the shared data is kept secure',
    description: 'Reports an agreement that shares personal data but has no `security` section, or lists no security measures in it.',
    rationale:
      'Patients\' records must be protected against being seen, changed or lost by anyone who should not have them: the integrity and ' +
      'confidentiality principle (UK GDPR Art 5(1)(f)) and the duty to take appropriate technical and organisational measures (Art 32). The ' +
      'agreement is where the organisations commit to those measures, such as role-based access, multi-factor authentication, audit of who looked ' +
      'at what, encryption and staff training. Caldicott Principle 4 asks that access is on a strict need-to-know basis, which only such controls ' +
      'can deliver.\n\nAn agreement that shares only anonymised or aggregate data is not asked.',
    fix:
      'Add a `security` section listing the measures the parties commit to under `measures` (for example `[role_based_access, mfa, audit_logging, ' +
      'encryption_in_transit, encryption_at_rest, staff_training]`), with anything else in `notes`.',
    severity: 'error',
    severityReason: 'Security measures are a core element of any agreement to share personal data; without them nothing commits the parties to protect it.',
    area: 'H',
    importance: 360,
    tags: ['security', 'integrity-confidentiality', 'caldicott-4'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(1)(f) (integrity and confidentiality)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
      { instrument: 'UK GDPR', provision: 'Art 32 (security of processing)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/32' },
      { instrument: 'NHS England: Smartcards and access controls', url: 'https://www.england.nhs.uk/long-read/smartcards-and-access-controls/' },
    ],
    defaultOptions: {},
    messages: {
      missing: [
        'The agreement shares personal data but does not say how it is kept secure. Add a `security` section listing the measures the parties commit ',
        'to under `measures`, such as role_based_access, mfa, audit_logging and encryption_in_transit.',
      ],
      empty: [
        'The `security` section lists no measures. List the measures the parties commit to under `measures`, such as role_based_access, mfa, ',
        'audit_logging and encryption_in_transit.',
      ],
    },
    examples: {
      valid: [{
        title: 'security measures listed',
        agreement: yaml`
          dsalint: 1
          id: EX-001
          title: Example
          data:
            - { id: summary, categories: [nhs_number, diagnoses_problems] }
          security:
            measures: [role_based_access, mfa, audit_logging, encryption_in_transit]
        `,
      }],
      invalid: [
        {
          title: 'no security section',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            data:
              - { id: summary, categories: [nhs_number, diagnoses_problems] }
          `,
          findings: [{ messageId: 'missing', at: 'security' }],
        },
        {
          title: 'an empty list of measures',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            data:
              - { id: summary, categories: [nhs_number, diagnoses_problems] }
            security:
              measures: []
          `,
          findings: [{ messageId: 'empty', at: 'security.measures' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    if (!sharesPersonalData(a)) return;
    if (!a.security) {
      report({ messageId: 'missing', at: ['security'] });
    } else if ((a.security.measures ?? []).length === 0) {
      report({ messageId: 'empty', at: ['security', 'measures'] });
    }
  },
});
