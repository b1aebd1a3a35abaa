import { defineRule, yaml } from '../src/core/rule.js';
import { useClassesNamed, useClassOf } from '../src/core/facts.js';
import { joinWords } from '../src/core/words.js';
import { labelOf } from '../src/vocabulary.js';

export default defineRule({
  id: 'purpose-category-contradicts-description',
  meta: {
    title: 'A purpose\'s category must match what its description says',
    description:
      'Reports, for review, a purpose whose description names a different kind of use (direct care, research, planning, law enforcement, commercial ' +
      'use) from its category, and never the kind its category is.',
    rationale:
      'Many rules judge a purpose by its category: whether it is direct care (implied consent, no opt-out), research (consent or section 251, the ' +
      'opt-out applies) or something else. A category that says "individual care" on a purpose described as planning or research lets the ' +
      'sharing pass checks it should fail. dsalint reads the description\'s words for the kinds of use it names; when they name another kind and ' +
      'never the category\'s own, the category and the description disagree. Words can mislead, so this is for a reviewer to decide.',
    fix:
      'Ask what the data is actually used for. If the description is right, change the category (and the basis to fit); if the category is right, ' +
      'reword the description. If it is both, split it into two purposes.',
    severity: 'warning',
    severityReason: 'A mismatch can hide a secondary use behind a direct-care label, but reading intent from words needs human judgement.',
    kind: 'review',
    area: 'B',
    importance: 505,
    tags: ['purpose-limitation', 'transparency'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(1)(b) (purposes specified and explicit)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
      { instrument: 'ICO: Purpose limitation', url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/a-guide-to-the-data-protection-principles/purpose-limitation/' },
    ],
    defaultOptions: {},
    messages: {
      contradicts: {
        text: [
            'Purpose "{{purpose}}" is categorised as {{category}}, but its description speaks of {{named}}. Ask which it is, then correct the category ',
            '(and its basis) or the description, or split it into two purposes.',
          ],
        request: 'Ask {{drafter}} whether "{{purpose}}" is {{category}} or {{named}}, as its description says, and to correct it (and its basis) or split it into two purposes.',
      },
    },
    examples: {
      valid: [
        {
          title: 'care described as care',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            purposes:
              - { id: scr, category: individual_care, description: Viewing medicines and allergies to treat patients safely. }
          `,
        },
      ],
      invalid: [
        {
          title: 'planning labelled as individual care',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            purposes:
              - { id: phm, category: individual_care, description: Commissioning and service planning across the ICB. }
          `,
          findings: [{ messageId: 'contradicts', text: 'individual_care' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    (a.purposes ?? []).forEach((purpose, i) => {
      const own = useClassOf(purpose);
      const named = useClassesNamed(purpose.description);
      if (!own || named.length === 0 || named.includes(own)) return;
      report({
        messageId: 'contradicts',
        data: { purpose: purpose.id, category: labelOf('purposeCategory', purpose.category).toLowerCase(), named: joinWords(named) },
        at: ['purposes', i, 'category'],
        related: [{ at: ['purposes', i, 'description'], message: 'The description is here.' }],
      });
    });
  },
});
