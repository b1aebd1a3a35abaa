import { defineRule, yaml } from '../src/core/rule.js';
import { labelOf } from '../src/vocabulary.js';

/** The frameworks no agreement can still be assessed against, with the day each stopped applying. */
const SUPERSEDED: Readonly<Record<string, string>> = {
  dpa_1998: '25 May 2018',
  eu_gdpr_dpa_2018: '31 December 2020',
};

export default defineRule({
  id: 'legal-framework-superseded',
  meta: {
    title: 'An agreement in force must be assessed against the law that applies now',
    description:
      'Reports an agreement marked active (or with no status) that says it was written under the Data Protection Act 1998, or under the EU GDPR ' +
      'before it became UK GDPR.',
    rationale:
      'Many information sharing agreements still in use were written under the Data Protection Act 1998, which was repealed on 25 May 2018, or ' +
      'under the EU GDPR, which stopped applying in the UK at the end of 2020 when UK GDPR took its place. Their legal bases (Schedule 2 and 3 ' +
      'conditions, or EU law references), their rights sections and their transfer terms no longer match the law the parties are bound by: ' +
      'UK GDPR, the Data Protection Act 2018, and since 5 February 2026 the changes made by the Data (Use and Access) Act 2025. An agreement ' +
      'that has not been reassessed cannot show that the sharing it governs is lawful today (UK GDPR Art 5(2), accountability).',
    fix:
      'Review the agreement against UK GDPR and the Data Protection Act 2018: record each purpose\'s Article 6 basis (and Article 9 condition with ' +
      'its Schedule 1 condition for health data), update rights, breach and transfer terms, set `legal_framework` to the law it is now assessed ' +
      'against, record fresh sign-off, and set a new review date. If the sharing has stopped, set `status: expired` or `withdrawn`.',
    severity: 'warning',
    severityReason:
      'The sharing may still be lawful, but nobody has shown it against the law that applies; a reviewer would ask for the agreement to be brought up to date.',
    area: 'L',
    importance: 405,
    tags: ['lifecycle', 'lawful-basis', 'accountability'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'Data Protection Act 2018', provision: 'Sch 19 para 44 (repeal of the Data Protection Act 1998)', url: 'https://www.legislation.gov.uk/ukpga/2018/12/schedule/19/paragraph/44' },
      {
        instrument: 'The Data Protection, Privacy and Electronic Communications (Amendments etc) (EU Exit) Regulations 2019',
        provision: 'UK GDPR from the end of the transition period',
        url: 'https://www.legislation.gov.uk/uksi/2019/419/contents',
      },
      { instrument: 'UK GDPR', provision: 'Art 5(2) (accountability)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
    ],
    defaultOptions: {},
    messages: {
      superseded: {
        text: [
          'This agreement was assessed against {{framework}}, which stopped applying on {{ended}}, yet it is still {{state}}. Review it against UK GDPR ',
          'and the Data Protection Act 2018, record the bases that apply now, update `legal_framework` and record fresh sign-off.',
        ],
        request: 'Ask {{drafter}} to review the agreement against UK GDPR and the Data Protection Act 2018, and to have it signed again: it was written under {{framework}}, which stopped applying on {{ended}}.',
      },
    },
    examples: {
      valid: [
        {
          title: 'an old protocol that has been withdrawn',
          agreement: yaml`
            dsalint: 1
            id: EX-2014
            title: Community safety protocol
            status: withdrawn
            legal_framework: dpa_1998
          `,
        },
      ],
      invalid: [
        {
          title: 'a DPA 1998 protocol still marked active',
          agreement: yaml`
            dsalint: 1
            id: EX-2014
            title: Community safety protocol
            status: active
            legal_framework: dpa_1998
          `,
          findings: [{ messageId: 'superseded', at: 'legal_framework' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    const framework = a.legal_framework;
    const ended = framework === undefined ? undefined : SUPERSEDED[framework];
    if (framework === undefined || ended === undefined) return;
    if (a.status !== undefined && a.status !== 'active' && a.status !== 'suspended') return;
    report({
      messageId: 'superseded',
      data: { framework: labelOf('legalFramework', framework), ended, state: a.status === undefined ? 'presented as an agreement' : `marked ${a.status}` },
      at: ['legal_framework'],
    });
  },
});
