import { defineRule, yaml } from '../src/core/rule.js';
import { categoryIndex, flowPurposes, flowsCarrying, isDirectCare, liveAccessUnlisted, partyName, purposeName } from '../src/core/facts.js';
import { joinWords } from '../src/core/summary.js';
export default defineRule({
  id: 'all-fields-scope',
  meta: {
    title: 'Share named data items, not the whole record',
    description:
      'Reports a data item that is the whole record (category full_record), or live access to a system with no data listed, shared for any purpose. ' +
      'An error for purposes beyond individual care, a warning for direct care.',
    rationale:
      'UK GDPR Art 5(1)(c) and Caldicott Principle 3 require the minimum necessary information: each item shared must be justified against the purpose. ' +
      'A data item that is "the whole record", or live access to the clinical system without saying what may be seen, puts every consultation, letter, ' +
      'third-party entry and sensitive code in front of the recipient, whatever the purpose needs.\n\n' +
      'For direct care some breadth can be justified (a clinician treating a patient may need their history), so that case is a warning; ' +
      'for every other purpose (safeguarding, medical examiner scrutiny, planning, research) it is an error.',
    fix:
      'Replace `full_record` with the categories each purpose actually needs (for example `diagnoses_problems`, `medications`, `recent_consultations`), ' +
      'and limit how far back they go with `history_window`. For live access, list the data the recipient may see in the flow\'s `data`.',
    severity: 'error',
    severityReason: 'Sharing the whole record for a purpose beyond care breaches data minimisation by construction; for direct care it is a warning because some breadth can be justified.',
    area: 'A',
    importance: 300,
    tags: ['minimisation', 'caldicott-3'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(1)(c) (data minimisation)', url: 'https://ico.org.uk/for-organisations/guide-to-data-protection/guide-to-the-general-data-protection-regulation-gdpr/principles/data-minimisation/' },
      { instrument: 'Caldicott Principle', provision: '3 (use the minimum necessary)', url: 'https://www.gov.uk/government/news/why-caldicott-principles-and-caldicott-guardians-are-still-relevant-in-2020' },
    ],
    defaultOptions: {},
    messages: {
      'whole-record': {
        text: [
          'Data item "{{item}}" is the whole record, shared with {{recipients}} for {{purposes}}. The whole record is never the minimum necessary for a purpose beyond individual care: ',
          'replace full_record with the categories of data each purpose needs.',
        ],
        request: 'Ask {{drafter}} to replace the whole record with the data {{purposes}} needs, when sharing with {{recipients}}.',
      },
      'whole-record-direct-care': {
        text: [
          'Data item "{{item}}" is the whole record, shared with {{recipients}} for {{purposes}}. Even for direct care, list the categories of data the care team needs ',
          'instead of full_record, and limit how far back they go.',
        ],
        severity: 'warning',
        request: 'Ask {{drafter}} to list the data the care team at {{recipients}} needs, and how far back it goes, instead of the whole record.',
      },
      'live-access-unlisted': {
        text: [
          'Flow "{{flow}}" gives {{recipient}} live access to the source system for {{purposes}} without listing the data it may see, so it can see the whole record. ',
          'List in the flow\'s data only the items this purpose needs.',
        ],
        request: 'Ask {{drafter}} to list the data {{recipient}} may see for {{purposes}}: as written, its live access shows the whole record.',
      },
      'live-access-unlisted-direct-care': {
        text: [
          'Flow "{{flow}}" gives {{recipient}} live access to the source system for {{purposes}} without listing the data it may see, so it can see the whole record. ',
          'Even for direct care, list in the flow\'s data the items the care team needs.',
        ],
        severity: 'warning',
        request: 'Ask {{drafter}} to list the data the care team at {{recipient}} may see: as written, its live access shows the whole record.',
      },
    },
    examples: {
      valid: [
        {
          title: 'named categories for a medical examiner',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office }
            purposes:
              - { id: me-scrutiny, category: medical_examiner_scrutiny }
            data:
              - { id: summary, categories: [nhs_number, diagnoses_problems, recent_consultations], purposes: [me-scrutiny] }
            flows:
              - { id: f1, from: surgery, to: meo, data: [summary], purposes: [me-scrutiny] }
          `,
        },
      ],
      invalid: [
        {
          title: 'the whole record for medical examiner scrutiny',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office }
            purposes:
              - { id: me-scrutiny, category: medical_examiner_scrutiny }
            data:
              - { id: everything, categories: [full_record], purposes: [me-scrutiny] }
            flows:
              - { id: f1, from: surgery, to: meo, data: [everything], purposes: [me-scrutiny] }
          `,
          findings: [{ messageId: 'whole-record', at: 'data[0].categories[0]' }],
        },
        {
          title: 'live access with no data listed, for direct care',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: trust, name: Example Hospitals NHS Trust, org_type: nhs_trust_acute }
            purposes:
              - { id: care, category: individual_care }
            flows:
              - { id: f1, from: surgery, to: trust, purposes: [care], access: { mode: live_system_access, duration: one_off } }
          `,
          findings: [{ messageId: 'live-access-unlisted-direct-care', at: 'flows[0].access.mode' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    const purposesText = (purposes: ReturnType<typeof flowPurposes>): string => (purposes.length ? joinWords(purposes.map(purposeName)) : 'no stated purpose');
    const directCareOnly = (purposes: ReturnType<typeof flowPurposes>): boolean => purposes.length > 0 && purposes.every(isDirectCare);

    // Whole-record data items: reported once each, at the category, with every flow that carries it.
    (a.data ?? []).forEach((item, index) => {
      const c = categoryIndex(item, (category) => category.wholeRecord);
      if (c < 0) return;
      const flows = flowsCarrying(a, item.id);
      if (flows.length === 0) return;
      const purposes = [...new Set(flows.flatMap((f) => flowPurposes(a, f)))];
      const recipients = [...new Set(flows.map((f) => partyName(a, f.to)))];
      report({
        messageId: directCareOnly(purposes) ? 'whole-record-direct-care' : 'whole-record',
        data: { item: item.id, recipients: joinWords(recipients), purposes: purposesText(purposes) },
        at: ['data', index, 'categories', c],
        related: (a.flows ?? []).flatMap((f, i) => {
          const d = (f.data ?? []).indexOf(item.id);
          return d < 0 ? [] : [{ at: ['flows', i, 'data', d], message: `Flow "${f.id}" shares it with ${partyName(a, f.to)}.` }];
        }),
      });
    });

    (a.flows ?? []).forEach((flow, i) => {
      if (!liveAccessUnlisted(flow)) return;
      const purposes = flowPurposes(a, flow);
      report({
        messageId: directCareOnly(purposes) ? 'live-access-unlisted-direct-care' : 'live-access-unlisted',
        data: { flow: flow.id, recipient: partyName(a, flow.to), purposes: purposesText(purposes) },
        at: ['flows', i, 'access', 'mode'],
      });
    });
  },
});
