import { defineRule, extendPath, yaml } from '../src/core/rule.js';
import { labelOf } from '../src/vocabulary.js';
import { flowsFor, isPerCasePurpose, populations, purposeName } from '../src/core/facts.js';
import { joinWords, lowerFirst } from '../src/core/summary.js';

export default defineRule({
  id: 'population-exceeds-purpose',
  meta: {
    title: 'Per-case purposes must cover one person per request, not a whole list',
    description:
      'Reports an agreement whose flows serve a per-case purpose (safeguarding, medical examiner scrutiny, coroner, court, police or regulator requests) ' +
      'while its population is a cohort or every registered patient.',
    rationale:
      'Safeguarding enquiries and medical examiner scrutiny concern identified individuals: a child or adult at risk, or a person whose death is being reviewed. ' +
      'They never need the practice list. When the agreement\'s population is "every registered patient" or a cohort, the per-case team is authorised to see ' +
      'records of people it has no case about, which is disproportionate by construction (UK GDPR Art 5(1)(c); Caldicott Principle 4, strict need-to-know). ' +
      'This is half of the whole-system access the ICO advised against.',
    fix:
      'Set `population.scope: per_case` and describe who is covered, such as "the child named in each safeguarding request". ' +
      'If the agreement also covers sharing for other purposes across a cohort, move the per-case sharing into an agreement of its own.',
    severity: 'error',
    severityReason: 'A per-case function given a population-wide cohort is disproportionate by construction.',
    area: 'A',
    importance: 305,
    tags: ['minimisation', 'population', 'caldicott-4'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(1)(c) (data minimisation)', url: 'https://ico.org.uk/for-organisations/guide-to-data-protection/guide-to-the-general-data-protection-regulation-gdpr/principles/data-minimisation/' },
      { instrument: 'Caldicott Principle', provision: '4 (strict need-to-know)', url: 'https://www.gov.uk/government/news/why-caldicott-principles-and-caldicott-guardians-are-still-relevant-in-2020' },
      {
        instrument: 'HM Government: Information sharing advice for safeguarding practitioners (2024)',
        provision: 'Seven golden rules: share only the information the recipient needs',
        url: 'https://www.gov.uk/government/publications/safeguarding-practitioners-information-sharing-advice',
        unverified: true,
      },
      { instrument: 'NHS England', provision: 'Medical examiners: non-coronial deaths in the community', url: 'https://www.england.nhs.uk/establishing-medical-examiner-system-nhs/non-coronial-deaths-in-the-community/' },
    ],
    defaultOptions: {},
    messages: {
      'not-per-case': {
        text: [
          'The population is {{scope}}, but {{purposes}} {{verb}} one identified person at a time. Set population.scope to per_case (one named person per request), ',
          'or move the per-case sharing into an agreement of its own.',
        ],
        request: 'Ask {{drafter}} to limit sharing for {{purposes}} to the named person in each request, instead of {{scope}}.',
      },
    },
    examples: {
      valid: [{
        title: 'safeguarding, one child per request',
        agreement: yaml`
          dsalint: 1
          id: EX-001
          title: Example
          parties:
            - { id: surgery, name: Example Surgery }
            - { id: sg, name: Safeguarding Team }
          purposes:
            - { id: child-protection, category: safeguarding }
          population: { scope: per_case, vital_status: living }
          flows:
            - { id: f1, from: surgery, to: sg, purposes: [child-protection] }
        `,
      }],
      invalid: [
        {
          title: 'safeguarding across every registered patient',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery }
              - { id: sg, name: Safeguarding Team }
            purposes:
              - { id: child-protection, category: safeguarding }
            population: { scope: all_registered, vital_status: living }
            flows:
              - { id: f1, from: surgery, to: sg, purposes: [child-protection] }
          `,
          findings: [{ messageId: 'not-per-case', at: 'population.scope' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    // Each population is judged against the purposes that use it: a purpose with its own
    // per-case population sits beside a direct-care purpose for every registered patient.
    for (const { population, path, purposes } of populations(a)) {
      // A population with no scope is cohort-undefined's finding.
      if (population.scope === undefined || population.scope === 'per_case') continue;
      const perCase = purposes.flatMap((p) => (isPerCasePurpose(p) && flowsFor(a, p.id).length > 0 ? [{ p, i: (a.purposes ?? []).indexOf(p) }] : []));
      if (perCase.length === 0) continue;
      const data = { purposes: joinWords(perCase.map(({ p }) => purposeName(p))), verb: perCase.length === 1 ? 'concerns' : 'concern' };
      report({
        messageId: 'not-per-case',
        data: { ...data, scope: lowerFirst(labelOf('populationScope', population.scope)) },
        at: extendPath(path, 'scope'),
        related: perCase.map(({ p, i }) => ({ at: ['purposes', i, p.category ? 'category' : 'id'], message: 'This purpose concerns one person at a time.' })),
      });
    }
  },
});
