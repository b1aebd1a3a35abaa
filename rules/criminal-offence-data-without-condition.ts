import { defineRule, yaml } from '../src/core/rule.js';
import { coversOnlyDeceased, isCriminalOffenceData, isIdentifying, purposeData, purposeName } from '../src/core/facts.js';

/** Text that names a DPA 2018 Schedule 1 condition, or the official authority Art 10 accepts instead. */
const NAMES_CONDITION = /\b(?:sch(?:edule)?\.?\s*1|para(?:graph)?s?\.?\s*\d+|official\s+authority)\b/i;

export default defineRule({
  id: 'criminal-offence-data-without-condition',
  meta: {
    title: 'Criminal offence data needs a Schedule 1 condition or official authority',
    description:
      'Reports a purpose that uses criminal offence data (allegations, proceedings or convictions) without an Article 10 basis, and one whose Article 10 ' +
      'basis names neither a DPA 2018 Schedule 1 condition nor the official authority it relies on.',
    rationale:
      'Information about criminal allegations, proceedings or convictions has its own rule: UK GDPR Art 10 allows it to be processed only under the ' +
      'control of official authority, or when UK law authorises it, which DPA 2018 s10(5) says means meeting a condition in Part 1, 2 or 3 of ' +
      'Schedule 1 (for example para 10, preventing or detecting unlawful acts, or para 18, safeguarding of children and individuals at risk). An ' +
      'Article 6 basis and an Article 9 condition do not cover it. Many of the Schedule 1 conditions also need an appropriate policy document.\n\n' +
      'The rule reads data categorised `criminal_offence_data` and the purposes that use it (through flows, or the item\'s own purposes), and ' +
      'expects `lawful_basis.article_10` to name the Schedule 1 condition (its paragraph) or the official authority relied on. Data about people ' +
      'who have all died is outside UK GDPR and is not asked.',
    fix:
      'Ask the party disclosing the data which Schedule 1 condition it relies on (or which law gives it official authority), and record it in ' +
      '`lawful_basis.article_10`, such as "DPA 2018 Sch 1 para 18 (safeguarding of children and individuals at risk)", with the appropriate policy ' +
      'document where the condition needs one. If no condition fits, leave the criminal offence data out.',
    severity: 'error',
    severityReason: 'Without a Schedule 1 condition or official authority, processing criminal offence data is unlawful (UK GDPR Art 10).',
    area: 'D',
    importance: 250,
    tags: ['lawful-basis', 'criminal-offence-data'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 10 (criminal convictions and offences)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/10' },
      { instrument: 'Data Protection Act 2018', provision: 's10(5) and Schedule 1', url: 'https://www.legislation.gov.uk/ukpga/2018/12/section/10' },
      {
        instrument: 'ICO: Criminal offence data',
        provision: 'What are the conditions for processing?',
        url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/criminal-offence-data/what-are-the-conditions-for-processing',
      },
    ],
    defaultOptions: {},
    messages: {
      missing: {
        text: [
            'The purpose {{purpose}} uses criminal offence data ("{{item}}") but records no Article 10 basis. Ask which DPA 2018 Schedule 1 condition ',
            '(or which law giving official authority) the disclosing party relies on, and record it in `lawful_basis.article_10`.',
          ],
        request: 'Ask {{drafter}} which Data Protection Act 2018 condition (or which law giving official authority) allows {{purpose}} to use criminal offence data ("{{item}}").',
      },
      'no-condition': {
        text: [
            'The Article 10 basis for the purpose {{purpose}} ("{{basis}}") names neither a DPA 2018 Schedule 1 condition nor the official authority ',
            'relied on. Ask for the paragraph of Schedule 1 (such as para 10 or para 18), or the law giving official authority, and add it.',
          ],
        severity: 'warning',
        request: 'Ask {{drafter}} for the paragraph of Data Protection Act 2018 Schedule 1 (or the law giving official authority) that allows criminal offence data to be used for {{purpose}}: "{{basis}}" names neither.',
      },
    },
    examples: {
      valid: [
        {
          title: 'a Schedule 1 condition named',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            purposes:
              - { id: mappa, category: safeguarding, lawful_basis: { article_10: DPA 2018 Sch 1 para 18 } }
            data:
              - { id: record, categories: [nhs_number, criminal_offence_data], purposes: [mappa] }
          `,
        },
      ],
      invalid: [
        {
          title: 'criminal offence data with no Article 10 basis',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            purposes:
              - { id: mappa, category: safeguarding }
            data:
              - { id: record, categories: [nhs_number, criminal_offence_data], purposes: [mappa] }
          `,
          findings: [{ messageId: 'missing', text: 'mappa' }],
        },
        {
          title: 'an Article 10 basis that names no condition',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            purposes:
              - { id: mappa, category: safeguarding, lawful_basis: { article_10: UK GDPR Article 10 } }
            data:
              - { id: record, categories: [nhs_number, criminal_offence_data], purposes: [mappa] }
          `,
          findings: [{ messageId: 'no-condition', text: 'UK GDPR Article 10' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    if (coversOnlyDeceased(a)) return;
    (a.purposes ?? []).forEach((purpose, i) => {
      const found = purposeData(a, purpose).find(({ item }) => isIdentifying(item) && isCriminalOffenceData(item));
      if (!found) return;
      const basis = purpose.lawful_basis?.article_10;
      const related = [{ at: ['data', found.index, 'categories'] as const, message: `"${found.item.id}" includes criminal offence data.` }];
      if (basis === undefined) {
        report({ messageId: 'missing', data: { purpose: purposeName(purpose), item: found.item.id }, at: purpose.lawful_basis ? ['purposes', i, 'lawful_basis'] : ['purposes', i, 'id'], related });
      } else if (!NAMES_CONDITION.test(basis)) {
        report({ messageId: 'no-condition', data: { purpose: purposeName(purpose), basis }, at: ['purposes', i, 'lawful_basis', 'article_10'], related });
      }
    });
  },
});
