import type { CommonLaw } from '../src/generated/agreement.js';
import { defineRule, yaml, type Path } from '../src/core/rule.js';
import { DATA_CATEGORY } from '../src/vocabulary.js';
import { flowPurposes, flowsCarrying, indexOfPurpose, purposeCategoryOf, purposeName } from '../src/core/facts.js';
import { joinWords, lowerFirst } from '../src/core/summary.js';

/**
 * Bases under which someone has already accepted that identifiable data is needed: CAG
 * advises on s251 support only when anonymised data will not do, and a patient who gave
 * explicit consent agreed to be identified.
 */
const NECESSITY_SETTLED: ReadonlySet<CommonLaw> = new Set<CommonLaw>(['s251_support', 'explicit_consent']);
export default defineRule({
  id: 'identifiable-where-deidentified-suffices',
  meta: {
    title: 'Use de-identified data for planning, invoice validation and evaluation',
    description:
      'Reports an identifiable data item with direct identifiers (NHS number, name, date of birth, address, contact details) shared for a purpose that national policy ' +
      'expects to use de-identified data, when no justification is given.',
    rationale:
      'Caldicott Principle 2: use confidential information only when it is necessary. Planning and commissioning, invoice validation, service evaluation and ' +
      'risk stratification for commissioning can almost always be done with pseudonymised or aggregate data; the national data opt-out policy says that ' +
      '"unless there is no alternative, data flows for payments and invoice validation should not use identifiable data". Pseudonymised data is still personal data, ' +
      'so this reduces risk without removing the need for a lawful basis.\n\n' +
      'Purposes with section 251 support or explicit consent are not reported: the Confidentiality Advisory Group supports identifiable use only when anonymised data will not do, ' +
      'and a patient who consented agreed to be identified.',
    fix:
      'Pseudonymise the item (`identifiability: pseudonymised`) or remove the direct identifiers. If identifiable data really is needed, explain why in the item\'s `justification`.',
    severity: 'warning',
    severityReason: 'A judgement for the Caldicott Guardian: national policy expects de-identified data, but there can be no alternative. Advisory, so it is in the strict preset only.',
    kind: 'review',
    area: 'A',
    importance: 445,
    tags: ['minimisation', 'caldicott-2', 'de-identification'],
    presets: ['strict'],
    citations: [
      { instrument: 'Caldicott Principle', provision: '2 (use confidential information only when necessary)', url: 'https://www.gov.uk/government/news/why-caldicott-principles-and-caldicott-guardians-are-still-relevant-in-2020' },
      {
        instrument: 'National data opt-out operational policy guidance',
        provision: 'Section 7.1 (payments and invoice validation)',
        url: 'https://digital.nhs.uk/services/national-data-opt-out/operational-policy-guidance-document/policy-considerations-for-specific-organisations-or-purposes',
      },
    ],
    defaultOptions: {},
    messages: {
      identifiable: {
        text: [
          'Data item "{{item}}" carries direct identifiers ({{identifiers}}) for {{purposes}}, which national policy expects to use de-identified data unless there is no alternative. ',
          'Pseudonymise it or remove the direct identifiers; if identifiable data really is needed, say why in its justification.',
        ],
        request: 'Ask {{drafter}} to pseudonymise "{{item}}" or remove {{identifiers}} for {{purposes}}, or to say why identifiable data is needed.',
      },
    },
    examples: {
      valid: [
        {
          title: 'pseudonymised activity data for planning',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery }
              - { id: icb, name: Example ICB }
            purposes:
              - { id: planning, category: planning_commissioning }
            flows:
              - { id: f1, from: surgery, to: icb, data: [activity], purposes: [planning] }
            data:
              - { id: activity, categories: [nhs_number, appointments_activity], identifiability: pseudonymised }
          `,
        },
      ],
      invalid: [
        {
          title: 'NHS numbers and names for planning, with no reason',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery }
              - { id: icb, name: Example ICB }
            purposes:
              - { id: planning, category: planning_commissioning }
            flows:
              - { id: f1, from: surgery, to: icb, data: [activity], purposes: [planning] }
            data:
              - { id: activity, categories: [appointments_activity, nhs_number, name], identifiability: identifiable }
          `,
          findings: [{ messageId: 'identifiable', at: 'data[0].categories[1]' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    (a.data ?? []).forEach((item, index) => {
      if (item.justification || (item.identifiability !== undefined && item.identifiability !== 'identifiable')) return;
      const identifiers = (item.categories ?? []).flatMap((category, c) => {
        const term = DATA_CATEGORY.get(category);
        return term?.identifier ? [{ term, c }] : [];
      });
      const first = identifiers[0];
      if (!first) return;
      const purposes = [...new Set(flowsCarrying(a, item.id).flatMap((f) => flowPurposes(a, f)))].filter(
        (p) => purposeCategoryOf(p)?.deidentifiedExpected && !(p.lawful_basis?.common_law && NECESSITY_SETTLED.has(p.lawful_basis.common_law)),
      );
      if (purposes.length === 0) return;
      report({
        messageId: 'identifiable',
        data: { item: item.id, identifiers: identifiers.map(({ term }) => lowerFirst(term.label)).join(', '), purposes: joinWords(purposes.map(purposeName)) },
        at: ['data', index, 'categories', first.c],
        related: purposes.map((p) => ({ at: ['purposes', indexOfPurpose(a, p.id), 'category'] satisfies Path, message: 'This kind of purpose normally uses de-identified data.' })),
      });
    });
  },
});
