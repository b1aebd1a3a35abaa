import { defineRule, yaml, type Path } from '../src/core/rule.js';
import { lowerFirst } from '../src/core/summary.js';
import { coversOnlyDeceased, dataCategoriesOf, flowData, indexOfPurpose, isIdentifying, isSpecialCategory, purposeById } from '../src/core/facts.js';export default defineRule({
  id: 'special-category-without-article9',
  meta: {
    title: 'Special category data needs an Article 9 condition',
    description:
      'Reports a purpose that has no UK GDPR Article 9 condition when a flow carries identifiable or pseudonymised special category data (health, ethnicity, religion, genetics) for it.',
    rationale:
      'Health information is "special category" data. UK GDPR Article 9(1) forbids processing it unless one of the conditions in Article 9(2) applies, ' +
      'and that condition is needed as well as the Article 6 lawful basis, not instead of it. For NHS sharing it is usually 9(2)(h) (health or social ' +
      'care), 9(2)(i) (public health), 9(2)(j) (research) or 9(2)(g) (substantial public interest, such as safeguarding). An agreement that shares ' +
      'diagnoses, medications or consultation notes without naming one has not shown that the sharing is lawful.\n\n' +
      'dsalint does not ask this of anonymised or aggregate data (it is not personal data), or when every patient covered has died: UK GDPR does not ' +
      'apply to the records of the dead, although the duty of confidentiality still does (see `deceased-records-basis`).',
    fix:
      'Add `lawful_basis.article_9` to the purpose, such as `h_health_or_social_care` for care, and the DPA 2018 Schedule 1 condition that goes with it ' +
      '(`dpa_schedule_1`). If the data can be anonymised for this purpose, say so with `identifiability: anonymised`.',
    severity: 'error',
    severityReason: 'Without an Article 9 condition, processing special category data is prohibited by Art 9(1).',
    area: 'D',
    importance: 220,
    tags: ['special-category', 'lawful-basis', 'caldicott-6'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 9(1)-(2)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/9' },
      {
        instrument: 'ICO: What are the rules on special category data?',
        url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/special-category-data/what-are-the-rules-on-special-category-data',
      },
    ],
    defaultOptions: {},
    messages: {
      missing: {
        text: [
          'The purpose "{{purpose}}" has no Article 9 condition, but flow "{{flow}}" carries special category data for it ({{categories}}). ',
          'Add `lawful_basis.article_9` (for care, usually h_health_or_social_care) and its DPA 2018 Schedule 1 condition.',
        ],
        request: 'Ask {{drafter}} to state the UK GDPR Article 9 condition (for care, usually health or social care) and its Data Protection Act 2018 condition for the purpose "{{purpose}}", which uses health data ({{categories}}).',
      },
    },
    examples: {
      valid: [
        {
          title: 'an Article 9 condition for health data',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: trust, name: Example Hospitals NHS Trust, org_type: nhs_trust_acute }
            purposes:
              - id: care
                category: individual_care
                lawful_basis: { article_6: e_public_task, article_9: h_health_or_social_care, dpa_schedule_1: part1_para2 }
            population: { scope: per_case, vital_status: living }
            data:
              - { id: referral, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: trust, data: [referral], purposes: [care] }
          `,
        },
      ],
      invalid: [
        {
          title: 'health data shared with only an Article 6 basis',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: trust, name: Example Hospitals NHS Trust, org_type: nhs_trust_acute }
            purposes:
              - id: care
                category: individual_care
                lawful_basis: { article_6: e_public_task }
            population: { scope: per_case, vital_status: living }
            data:
              - { id: referral, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: trust, data: [referral], purposes: [care] }
          `,
          findings: [{ messageId: 'missing', at: 'purposes[0].lawful_basis.article_9' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    const reported = new Set<string>();
    (a.flows ?? []).forEach((flow, f) => {
      const special = flowData(a, flow).filter((d) => isIdentifying(d) && isSpecialCategory(d));
      if (special.length === 0) return;
      const labels = [...new Set(special.flatMap((d) => dataCategoriesOf(d).filter((c) => c.special).map((c) => lowerFirst(c.label))))];
      for (const purposeId of flow.purposes ?? []) {
        const purpose = purposeById(a, purposeId);
        // UK GDPR does not apply to the deceased.
        if (!purpose || purpose.lawful_basis?.article_9 !== undefined || reported.has(purposeId) || coversOnlyDeceased(a, [purpose])) continue;
        reported.add(purposeId);
        const p = indexOfPurpose(a, purposeId);
        const dataIndex = (flow.data ?? []).indexOf(special[0]!.id);
        const at: Path = ['purposes', p, 'lawful_basis', 'article_9'];
        report({
          messageId: 'missing',
          data: { purpose: purposeId, flow: flow.id, categories: labels.slice(0, 3).join('; ') + (labels.length > 3 ? '; and more' : '') },
          at,
          related: [{ at: ['flows', f, 'data', dataIndex], message: `Flow "${flow.id}" carries special category data ("${special[0]!.id}") here.` }],
        });
      }
    });
  },
});
