import { defineRule, yaml, type Path } from '../src/core/rule.js';
import { carriesConfidentialPatientInformation, indexOfPurpose, partyName, purposeName } from '../src/core/facts.js';
import { joinWords } from '../src/core/summary.js';
export default defineRule({
  id: 'common-law-basis-missing',
  meta: {
    title: 'Confidential patient information needs a common-law basis',
    description: 'Reports a purpose for which confidential patient information is disclosed when the purpose records no basis under the common-law duty of confidentiality.',
    rationale:
      'The duty of confidentiality is separate from UK GDPR: a disclosure can have a perfect Article 6 and Article 9 basis and still be a breach of confidence. ' +
      'Identifiable health information given in confidence may be disclosed only with consent (implied, for a patient\'s own care; explicit otherwise), ' +
      'because the law requires it, with section 251 support, or where an overriding public interest is decided case by case. ' +
      'The duty continues after death, so this applies to records of deceased patients too (Caldicott Principle 6: comply with the law).',
    fix:
      'Record in the purpose\'s `lawful_basis.common_law` what sets the duty aside for this purpose (for example `implied_consent` for individual care, `legal_requirement` ' +
      'for the statutory medical examiner function, `explicit_consent` or `s251_support`), and cite the law in `lawful_basis.legislation`.',
    severity: 'error',
    severityReason: 'Disclosing confidential patient information without a common-law basis is a breach of confidence, whatever the UK GDPR position.',
    area: 'C',
    importance: 210,
    tags: ['lawful-basis', 'confidentiality', 'caldicott-6'],
    presets: ['recommended', 'strict'],
    citations: [
      {
        instrument: 'NHS England digital regulations guidance',
        provision: 'Common law duty of confidentiality',
        url: 'https://digitalregulations.innovation.nhs.uk/regulations-and-guidance-for-developers/all-developers-guidance/common-law-duty-of-confidentiality/',
      },
      { instrument: 'Caldicott Principle', provision: '6 (comply with the law)', url: 'https://www.gov.uk/government/news/why-caldicott-principles-and-caldicott-guardians-are-still-relevant-in-2020' },
    ],
    defaultOptions: {},
    messages: {
      missing: {
        text: [
          'Purpose {{purpose}} has no common-law basis, but confidential patient information is disclosed for it ({{flows}}). The duty of confidentiality is separate from UK GDPR ',
          'and continues after death: record in lawful_basis.common_law what sets it aside for this purpose.',
        ],
        request: 'Ask {{drafter}} to state what sets aside the duty of confidentiality for {{purpose}} (such as consent, a legal requirement or section 251 support): confidential patient information is disclosed for it ({{flows}}).',
      },
    },
    examples: {
      valid: [
        {
          title: 'medical examiner scrutiny on a legal requirement',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: Medical Examiner Office }
            data:
              - { id: summary, categories: [nhs_number, diagnoses_problems] }
            flows:
              - { id: f1, from: surgery, to: meo, data: [summary], purposes: [me-scrutiny] }
            purposes:
              - { id: me-scrutiny, category: medical_examiner_scrutiny, lawful_basis: { common_law: legal_requirement } }
          `,
        },
      ],
      invalid: [
        {
          title: 'no common-law basis',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: Medical Examiner Office }
            data:
              - { id: summary, categories: [nhs_number, diagnoses_problems] }
            flows:
              - { id: f1, from: surgery, to: meo, data: [summary], purposes: [me-scrutiny] }
            purposes:
              - { id: me-scrutiny, category: medical_examiner_scrutiny, lawful_basis: { article_6: e_public_task } }
          `,
          findings: [{ messageId: 'missing', at: 'purposes[0].lawful_basis.common_law' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    const flowsByPurpose = new Map<number, number[]>();
    (a.flows ?? []).forEach((flow, f) => {
      if (!carriesConfidentialPatientInformation(a, flow)) return;
      for (const id of new Set(flow.purposes ?? [])) {
        const i = indexOfPurpose(a, id);
        if (i < 0 || a.purposes?.[i]?.lawful_basis?.common_law !== undefined) continue;
        flowsByPurpose.set(i, [...(flowsByPurpose.get(i) ?? []), f]);
      }
    });
    for (const [i, flowIndexes] of flowsByPurpose) {
      const flows = flowIndexes.map((f) => a.flows![f]!);
      report({
        messageId: 'missing',
        data: { purpose: purposeName(a.purposes![i]!), flows: joinWords(flows.map((f) => `flow "${f.id}" to ${partyName(a, f.to)}`)) },
        at: ['purposes', i, 'lawful_basis', 'common_law'],
        related: flowIndexes.map((f) => ({ at: ['flows', f, 'id'] satisfies Path, message: `Flow "${a.flows![f]!.id}" discloses confidential patient information for it.` })),
      });
    }
  },
});
