import type { DataCategory, DpiaHighRiskIndicator, Purpose } from '../src/generated/agreement.js';
import { defineRule, extendPath, yaml, type Path } from '../src/core/rule.js';
import { joinWords, lowerFirst } from '../src/core/summary.js';
import { carriesPatientData, flowData, flowsFor, indexOfData, isIdentifying, isPerCasePurpose, isSecondary, populationFor, populationPathFor } from '../src/core/facts.js';
import { labelOf } from '../src/vocabulary.js';

const SAFEGUARDING: DataCategory = 'safeguarding';
const DPIA_INDICATOR: DpiaHighRiskIndicator = 'targeting_children_or_vulnerable';
const ADULT_AGE = 18;
export default defineRule({
  id: 'vulnerable-cohort-secondary-use',
  meta: {
    title: 'Secondary use of vulnerable people\'s records needs a Caldicott Guardian\'s judgement',
    description:
      'Asks for review when identifiable or pseudonymised records of children or other vulnerable groups, or safeguarding information, are used for a purpose ' +
      'beyond individual care, and the DPIA does not record that it considered this.',
    rationale:
      'Children, adults at risk, people who lack capacity and people in detention are less able to understand how their records are used, to object, ' +
      'or to exercise their rights, and they can be harmed more by a disclosure. Safeguarding entries also describe other people and allegations. The ' +
      'ICO lists processing that targets children or other vulnerable individuals among the kinds likely to be high risk, needing a data protection ' +
      'impact assessment, and the Caldicott Principles ask that every use be justified, necessary and the minimum needed.\n\n' +
      'Whether a particular planning, research or analytics use of these records is justified is a judgement, not a rule dsalint can apply, so this ' +
      'finding "needs review" by the Caldicott Guardian rather than passing or failing. Per-case purposes (safeguarding an individual, safeguarding ' +
      'reviews, medical examiners, coroners, courts) are not asked here: they concern one identified person and are judged by their own rules. Once ' +
      'the DPIA records the "targeting children or vulnerable people" indicator, the judgement is taken to have been made and recorded.',
    fix:
      'Ask the Caldicott Guardian to decide whether this use of vulnerable people\'s records is necessary and proportionate, and whether de-identified ' +
      'data would do. Record the assessment in the DPIA (add `targeting_children_or_vulnerable` to `dpia.high_risk_indicators`), or narrow the population ' +
      'or the data.',
    severity: 'warning',
    severityReason: 'A judgement for the Caldicott Guardian: the use may well be justified, but someone accountable must decide and record it.',
    kind: 'review',
    area: 'E',
    importance: 415,
    tags: ['population', 'vulnerable-groups', 'dpia', 'caldicott-1', 'caldicott-2'],
    presets: ['recommended', 'strict'],
    citations: [
      {
        instrument: 'ICO: Examples of processing likely to result in high risk',
        provision: 'targeting of children or other vulnerable individuals',
        url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/data-protection-impact-assessments-dpias/examples-of-processing-likely-to-result-in-high-risk',
      },
      { instrument: 'UK GDPR', provision: 'Art 35 (data protection impact assessment)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/35' },
      { instrument: 'The Caldicott Principles (December 2020)', provision: 'Principles 1 to 3', url: 'https://www.gov.uk/government/news/why-caldicott-principles-and-caldicott-guardians-are-still-relevant-in-2020' },
    ],
    defaultOptions: {},
    messages: {
      review: {
        text: [
          'The purpose "{{purpose}}" uses identifiable or pseudonymised records beyond individual care, and {{reason}}. A Caldicott Guardian should decide ',
          'whether this is necessary and proportionate, and whether de-identified data would do; record the decision in the DPIA, or narrow the population or data.',
        ],
        request: 'Ask for a Caldicott Guardian to decide, and record, whether identifiable records are necessary for "{{purpose}}" or whether de-identified data would do ({{reason}}).',
      },
    },
    examples: {
      valid: [
        {
          title: 'an adult population with no vulnerable groups',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: icb, name: Example ICB, org_type: icb }
            purposes:
              - { id: planning, category: planning_commissioning }
            population: { scope: all_registered, vital_status: living }
            data:
              - { id: extract, categories: [nhs_number, diagnoses_problems], identifiability: pseudonymised }
            flows:
              - { id: f1, from: surgery, to: icb, data: [extract], purposes: [planning] }
          `,
        },
        {
          title: 'the DPIA records the vulnerable-groups indicator',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: icb, name: Example ICB, org_type: icb }
            purposes:
              - { id: planning, category: planning_commissioning }
            population: { scope: all_registered, vital_status: living, vulnerable_groups: [children] }
            data:
              - { id: extract, categories: [nhs_number, diagnoses_problems], identifiability: pseudonymised }
            flows:
              - { id: f1, from: surgery, to: icb, data: [extract], purposes: [planning] }
            dpia: { reference: DPIA-1, high_risk_indicators: [targeting_children_or_vulnerable] }
          `,
        },
      ],
      invalid: [
        {
          title: 'children\'s records used for commissioning',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: icb, name: Example ICB, org_type: icb }
            purposes:
              - { id: planning, category: planning_commissioning }
            population: { scope: all_registered, vital_status: living, vulnerable_groups: [children] }
            data:
              - { id: extract, categories: [nhs_number, diagnoses_problems], identifiability: pseudonymised }
            flows:
              - { id: f1, from: surgery, to: icb, data: [extract], purposes: [planning] }
          `,
          findings: [{ messageId: 'review', at: 'purposes[0].category' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    if ((a.dpia?.high_risk_indicators ?? []).includes(DPIA_INDICATOR)) return;
    /** Why the population a purpose uses (its own, else the agreement's) is vulnerable. */
    const cohortReasons = (purpose: Purpose): { text: string; at: Path; note: string }[] => {
      const population = populationFor(a, purpose);
      const path = populationPathFor(a, purpose);
      const out: { text: string; at: Path; note: string }[] = [];
      const groups = population?.vulnerable_groups ?? [];
      if (groups.length > 0) {
        out.push({
          text: `the population includes ${joinWords(groups.map((g) => lowerFirst(labelOf('vulnerableGroup', g))))}`,
          at: extendPath(path, 'vulnerable_groups'),
          note: 'The vulnerable groups are listed here.',
        });
      }
      const maxAge = population?.age_range?.max;
      if (maxAge !== undefined && maxAge < ADULT_AGE) {
        out.push({ text: `the population is children only (ages up to ${maxAge})`, at: extendPath(path, 'age_range', 'max'), note: 'The age range is set here.' });
      }
      return out;
    };
    (a.purposes ?? []).forEach((purpose, i) => {
      if (!isSecondary(purpose) || isPerCasePurpose(purpose)) return;
      const flows = flowsFor(a, purpose.id).filter((f) => carriesPatientData(a, f));
      if (flows.length === 0) return;
      const reasons = cohortReasons(purpose);
      const safeguarding = flows.flatMap((f) => flowData(a, f)).find((d) => isIdentifying(d) && (d.categories ?? ([] as DataCategory[])).includes(SAFEGUARDING));
      if (safeguarding) {
        reasons.push({
          text: `the data includes safeguarding information ("${safeguarding.id}")`,
          at: ['data', indexOfData(a, safeguarding.id), 'categories', (safeguarding.categories ?? ([] as DataCategory[])).indexOf(SAFEGUARDING)],
          note: 'Safeguarding information is included here.',
        });
      }
      if (reasons.length === 0) return;
      report({
        messageId: 'review',
        data: { purpose: purpose.id, reason: reasons.map((r) => r.text).join('; and ') },
        at: ['purposes', i, 'category'],
        related: reasons.map((r) => ({ at: r.at, message: r.note })),
      });
    });
  },
});
