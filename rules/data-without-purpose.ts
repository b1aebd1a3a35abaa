import { defineRule, yaml } from '../src/core/rule.js';
export default defineRule({
  id: 'data-without-purpose',
  meta: {
    title: 'Every data item names its purposes and says why it is needed',
    description: 'Reports a data item that lists no purposes, or gives no justification for why it is needed.',
    rationale:
      'Caldicott Principle 1 asks that every use of confidential information is justified, and Principle 3 that only the minimum necessary is used. ' +
      'The ICO\'s data minimisation checklist expects organisations to "only collect personal data we actually need for our specified purposes". ' +
      'A data item with no purpose, or no reason given, cannot be shown to be necessary, and is often one that should not be shared at all.',
    fix:
      'List in the item\'s `purposes` the purposes (by id) it is needed for, and say in `justification` why each purpose needs it. ' +
      'Remove the item if no purpose needs it.',
    severity: 'warning',
    severityReason: 'An unjustified item is a minimisation gap, but may be only a documentation omission.',
    area: 'A',
    importance: 510,
    tags: ['minimisation', 'caldicott-1', 'caldicott-3'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'Caldicott Principles', provision: '1 and 3', url: 'https://www.gov.uk/government/news/why-caldicott-principles-and-caldicott-guardians-are-still-relevant-in-2020' },
      { instrument: 'UK GDPR', provision: 'Art 5(1)(c) (data minimisation)', url: 'https://ico.org.uk/for-organisations/guide-to-data-protection/guide-to-the-general-data-protection-regulation-gdpr/principles/data-minimisation/' },
    ],
    defaultOptions: {},
    messages: {
      'no-purposes': {
        text: 'Data item "{{item}}" does not say which purposes it is needed for. List them (by id) in its purposes, or remove the item if no purpose needs it.',
        request: 'Ask {{drafter}} which purposes need "{{item}}"; if none does, ask for it to be removed.',
      },
      'no-justification': {
        text: 'Data item "{{item}}" does not say why it is needed. Explain in its justification why each of its purposes needs this data.',
        request: 'Ask {{drafter}} why each purpose needs "{{item}}".',
      },
    },
    examples: {
      valid: [
        {
          title: 'an item with its purpose and a reason',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            purposes:
              - { id: me-scrutiny, category: medical_examiner_scrutiny }
            data:
              - id: summary
                categories: [diagnoses_problems]
                purposes: [me-scrutiny]
                justification: The medical examiner needs the final diagnoses to confirm the cause of death.
          `,
        },
      ],
      invalid: [
        {
          title: 'an item with an empty purpose list and no reason',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            purposes:
              - { id: me-scrutiny, category: medical_examiner_scrutiny }
            data:
              - id: summary
                categories: [diagnoses_problems]
                purposes: []
          `,
          findings: [
            { messageId: 'no-justification', at: 'data[0].justification' },
            { messageId: 'no-purposes', at: 'data[0].purposes' },
          ],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    (a.data ?? []).forEach((item, i) => {
      if ((item.purposes ?? []).length === 0) report({ messageId: 'no-purposes', data: { item: item.id }, at: ['data', i, 'purposes'] });
      if (item.justification === undefined || item.justification.trim() === '') report({ messageId: 'no-justification', data: { item: item.id }, at: ['data', i, 'justification'] });
    });
  },
});
