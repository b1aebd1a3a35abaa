import { defineRule, yaml } from '../src/core/rule.js';
import { carriesHealthInformation, isIdentifying, partyName, sharesPersonalData } from '../src/core/facts.js';
import { joinWords } from '../src/core/words.js';

export default defineRule({
  id: 'security-measures-missing',
  meta: {
    title: 'The agreement must say how the shared data is kept secure',
    description:
      'Reports an agreement that shares personal data but has no `security` section, or lists no security measures in it; and one that shares ' +
      'identifiable health data without committing to staff data protection training and a way to audit who accessed it.',
    rationale:
      'Patients\' records must be protected against being seen, changed or lost by anyone who should not have them: the integrity and ' +
      'confidentiality principle (UK GDPR Art 5(1)(f)) and the duty to take appropriate technical and organisational measures (Art 32). The ' +
      'agreement is where the organisations commit to those measures, such as role-based access, multi-factor authentication, audit of who looked ' +
      'at what, encryption and staff training. Caldicott Principle 4 asks that access is on a strict need-to-know basis, which only such controls ' +
      'can deliver.\n\n' +
      'For identifiable health data two measures are a baseline for every recipient, whatever else the agreement lists: staff trained in data ' +
      'protection for their role (the Data Security and Protection Toolkit asks every organisation with access to NHS patient data to show it), and a ' +
      'route for auditing access, so that a member of staff looking at records they have no business seeing is found and dealt with. A different ' +
      'measure, such as encryption or penetration testing, does not stand in for either.\n\nAn agreement that shares only anonymised or aggregate data is not asked.',
    fix:
      'Add a `security` section listing the measures the parties commit to under `measures` (for example `[role_based_access, mfa, audit_logging, ' +
      'encryption_in_transit, encryption_at_rest, staff_training]`), with anything else in `notes`. Where identifiable health data is shared, ask ' +
      'each recipient to confirm its staff are trained in data protection and that access is audited (audit logs, or regular access reviews), and list ' +
      '`staff_training` and `audit_logging` or `access_review`.',
    severity: 'error',
    severityReason:
      'Security measures are a core element of any agreement to share personal data; without them nothing commits the parties to protect it (error). ' +
      'A missing training or audit commitment beside other measures is a warning: the measure may exist but not be written down.',
    area: 'H',
    importance: 360,
    tags: ['security', 'integrity-confidentiality', 'caldicott-4'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(1)(f) (integrity and confidentiality)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
      { instrument: 'UK GDPR', provision: 'Art 32 (security of processing)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/32' },
      { instrument: 'NHS England: Smartcards and access controls', url: 'https://www.england.nhs.uk/long-read/smartcards-and-access-controls/' },
      { instrument: 'Data Security and Protection Toolkit', provision: 'staff training and access audit', url: 'https://www.dsptoolkit.nhs.uk/' },
      { instrument: 'ICO: A guide to data security', url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/security/a-guide-to-data-security/' },
    ],
    defaultOptions: {},
    messages: {
      missing: {
        text: [
            'The agreement shares personal data but does not say how it is kept secure. Add a `security` section listing the measures the parties commit ',
            'to under `measures`, such as role_based_access, mfa, audit_logging and encryption_in_transit.',
          ],
        request: 'Ask {{drafter}} to say how the data is kept secure (such as role-based access, two-factor sign-in, audit logs and encryption).',
      },
      empty: {
        text: [
            'The `security` section lists no measures. List the measures the parties commit to under `measures`, such as role_based_access, mfa, ',
            'audit_logging and encryption_in_transit.',
          ],
        request: 'Ask {{drafter}} to list the security measures the parties commit to (such as role-based access, two-factor sign-in, audit logs and encryption).',
      },
      'health-baseline': {
        text: [
            'Identifiable health data is shared with {{recipients}}, but the security measures do not include {{missing}}. Ask each recipient to confirm ',
            '{{asks}}, then list {{keys}} under `measures`; another measure does not stand in for these.',
          ],
        severity: 'warning',
        request: 'Ask {{drafter}} to have {{recipients}} confirm {{asks}} before receiving identifiable health data.',
      },
    },
    examples: {
      valid: [
        {
          title: 'security measures listed',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            data:
              - { id: summary, categories: [nhs_number, diagnoses_problems] }
            security:
              measures: [role_based_access, mfa, audit_logging, encryption_in_transit, staff_training]
          `,
        },
      ],
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
          findings: [{ messageId: 'missing', text: 'dsalint' }],
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
          findings: [{ messageId: 'empty', text: '[]' }],
        },
        {
          title: 'penetration testing in place of training and audit',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            data:
              - { id: summary, categories: [nhs_number, diagnoses_problems] }
            security:
              measures: [penetration_testing]
          `,
          findings: [{ messageId: 'health-baseline', text: '[penetration_testing]' }],
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
    } else {
      const measures = a.security.measures ?? [];
      const healthItems = new Set((a.data ?? []).filter((d) => isIdentifying(d) && carriesHealthInformation(d)).map((d) => d.id));
      if (healthItems.size === 0) return;
      const flows = (a.flows ?? []).filter((f) => (f.data ?? []).some((id) => healthItems.has(id)));
      const recipients = [...new Set(flows.flatMap((f) => (f.to === undefined ? [] : [f.to])))].map((id) => partyName(a, id));
      const gaps = [
        ...(measures.includes('staff_training') ? [] : [{ missing: 'staff data protection training', ask: 'its staff are trained in data protection for their role', key: 'staff_training' }]),
        ...(measures.includes('audit_logging') || measures.includes('access_review')
          ? []
          : [{ missing: 'a way to audit who accessed the data', ask: 'every access is logged and reviewed so unlawful access is found', key: 'audit_logging' }]),
      ];
      if (gaps.length === 0) return;
      report({
        messageId: 'health-baseline',
        data: {
          recipients: recipients.length > 0 ? joinWords(recipients) : 'the recipients',
          missing: joinWords(gaps.map((g) => g.missing), 'or'),
          asks: joinWords(gaps.map((g) => g.ask)),
          keys: joinWords(gaps.map((g) => g.key)),
        },
        at: ['security', 'measures'],
      });
    }
  },
});
