import { defineRule, yaml } from '../src/core/rule.js';
import { confidentialItemFor, directIdentifiers, purposeName, REPLACED_BY_PSEUDONYM } from '../src/core/facts.js';
import { joinWords, lowerFirst } from '../src/core/words.js';
import { labelOf } from '../src/vocabulary.js';


export default defineRule({
  id: 'label-contradicts-content',
  meta: {
    title: 'Labels must agree with what the data contains',
    description:
      'Reports data labelled anonymised or aggregate that carries direct identifiers, data labelled pseudonymised that carries the identifiers a ' +
      'pseudonym replaces, and a purpose that calls identifiable health information "not confidential".',
    rationale:
      'Several rules relax when data is anonymised, aggregate or not confidential: no opt-out, no common-law basis, no security baseline. A label ' +
      'cannot buy that relaxation; the content decides, and every other rule judges anonymised or aggregate data that carries a direct identifier as ' +
      'personal data, as this rule does, so the label takes no finding away. Data is anonymous only when no one can be identified from it by any means reasonably likely ' +
      'to be used: a record carrying an NHS number, a name, an address or full postcode, contact details or a date of birth identifies the person, ' +
      'so it is personal data whatever the label says. Pseudonymised data is still personal data, and a pseudonymised extract replaces the direct ' +
      'identifiers with a pseudonym, the key staying with the sender; one that still carries the NHS number or name is simply identifiable.\n\n' +
      'Information about a patient\'s health given to their clinicians is confidential, and the common-law duty of confidentiality applies to it ' +
      'whatever the agreement calls it. `not_confidential` is true only for anonymised information, or information that was never given in ' +
      'confidence; for identifiable health information the agreement needs a real basis (consent, section 251 support, a legal requirement, ' +
      'or the overriding public interest).',
    fix:
      'Ask the sender to remove the direct identifiers (or replace them with a pseudonym, keeping the key) so the data matches its label, or change ' +
      'the label to what the data is and meet the rules for personal data. For identifiable health information, replace `not_confidential` with the ' +
      'basis that actually sets aside the duty of confidentiality.',
    severity: 'error',
    severityReason: 'A wrong label hides personal, confidential data from every check that would otherwise protect it.',
    area: 'C',
    importance: 230,
    tags: ['de-identification', 'confidentiality', 'minimisation'],
    presets: ['recommended', 'strict'],
    citations: [
      {
        instrument: 'ICO: Anonymisation guidance',
        provision: 'How do we ensure anonymisation is effective?',
        url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/anonymisation/how-do-we-ensure-anonymisation-is-effective/',
      },
      { instrument: 'UK GDPR', provision: 'Art 4(1) (personal data) and Art 4(5) (pseudonymisation)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/4' },
      { instrument: 'Data Protection Act 2018', provision: 's171 (re-identification of de-identified personal data)', url: 'https://www.legislation.gov.uk/ukpga/2018/12/section/171' },
      {
        instrument: 'NHS England: National data opt-out operational policy guidance',
        provision: 'confidential patient information',
        url: 'https://digital.nhs.uk/services/national-data-opt-out/operational-policy-guidance-document/when-does-a-national-data-opt-out-apply',
      },
    ],
    defaultOptions: {},
    messages: {
      'identifiers-in-anonymous': {
        text: [
            'Data item "{{item}}" is labelled {{label}}, but its categories include {{identifiers}}, which identify people directly, so it is personal ',
            'data whatever the label. Ask the sender to remove the identifiers (or share counts only), or label it identifiable and meet the rules for personal data.',
          ],
        request: 'Ask {{drafter}} to remove {{identifiers}} from "{{item}}" (or share counts only), or to treat it as the identifiable personal data it is: it is described as {{label}}.',
      },
      'identifiers-in-pseudonymised': {
        text: [
            'Data item "{{item}}" is labelled pseudonymised, but its categories include {{identifiers}}, which a pseudonym replaces. As described it is ',
            'identifiable: ask the sender to replace them with a pseudonym and keep the key, or label it identifiable.',
          ],
        request: 'Ask {{drafter}} to replace {{identifiers}} in "{{item}}" with a pseudonym, or to treat it as the identifiable data it is: it is described as pseudonymised.',
      },
      'not-confidential': {
        text: [
            'The purpose {{purpose}} rests on "not confidential", but data item "{{item}}" is identifiable health information given in confidence, so the ',
            'duty of confidentiality applies to it. Ask which basis sets the duty aside (explicit consent, section 251 support, a legal requirement or ',
            'the overriding public interest) and record it in `common_law`, or share anonymised data instead.',
          ],
        request: 'Ask {{drafter}} what sets aside the duty of confidentiality for {{purpose}} (explicit consent, section 251 support, a legal requirement or the overriding public interest): "{{item}}" is identifiable health information given in confidence, not "not confidential".',
      },
    },
    examples: {
      valid: [
        {
          title: 'anonymised data without identifiers',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            data:
              - { id: counts, categories: [diagnoses_problems, demographics_admin], identifiability: anonymised }
          `,
        },
      ],
      invalid: [
        {
          title: 'anonymised data with an NHS number and postcode',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            data:
              - { id: extract, categories: [nhs_number, address_postcode, diagnoses_problems], identifiability: anonymised }
          `,
          findings: [{ messageId: 'identifiers-in-anonymous', text: 'nhs_number' }],
        },
        {
          title: 'identifiable health data called not confidential',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            purposes:
              - { id: planning, category: planning_commissioning, lawful_basis: { common_law: not_confidential } }
            data:
              - { id: extract, categories: [nhs_number, diagnoses_problems], identifiability: identifiable, purposes: [planning] }
          `,
          findings: [{ messageId: 'not-confidential', text: 'not_confidential' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    (a.data ?? []).forEach((item, i) => {
      const identifiability = item.identifiability;
      if (identifiability === 'anonymised' || identifiability === 'aggregate') {
        const found = directIdentifiers(item);
        if (found.length === 0) return;
        report({
          messageId: 'identifiers-in-anonymous',
          data: { item: item.id, label: lowerFirst(labelOf('identifiability', identifiability)), identifiers: joinWords(found.map((f) => lowerFirst(f.label))) },
          at: ['data', i, 'categories', found[0]!.index],
          related: [{ at: ['data', i, 'identifiability'], message: `Labelled ${identifiability} here.` }],
        });
      } else if (identifiability === 'pseudonymised') {
        const found = directIdentifiers(item).filter((f) => REPLACED_BY_PSEUDONYM.has(f.value));
        if (found.length === 0) return;
        report({
          messageId: 'identifiers-in-pseudonymised',
          data: { item: item.id, identifiers: joinWords(found.map((f) => lowerFirst(f.label))) },
          at: ['data', i, 'categories', found[0]!.index],
          related: [{ at: ['data', i, 'identifiability'], message: 'Labelled pseudonymised here.' }],
        });
      }
    });
    (a.purposes ?? []).forEach((purpose, i) => {
      if (purpose.lawful_basis?.common_law !== 'not_confidential') return;
      const found = confidentialItemFor(a, purpose);
      if (!found) return;
      report({
        messageId: 'not-confidential',
        data: { purpose: purposeName(purpose), item: found.item.id },
        at: ['purposes', i, 'lawful_basis', 'common_law'],
        related: [{ at: ['data', found.index, 'categories'], message: `What "${found.item.id}" contains is listed here.` }],
      });
    });
  },
});
