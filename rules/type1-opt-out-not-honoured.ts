import type { CommonLaw, OptOutHandling, OrgType } from '../src/generated/agreement.js';
import { defineRule, extendPath, yaml } from '../src/core/rule.js';
import { lowerFirst } from '../src/core/summary.js';
import { carriesPatientData, flowPurposes, indexOfPurpose, partyById, partyName, populationFor, populationPathFor, purposeCategoryOf } from '../src/core/facts.js';
import { labelOf } from '../src/vocabulary.js';

const GP_PRACTICE: OrgType = 'gp_practice';
const APPLIED: OptOutHandling = 'applied';
/**
 * Bases that override or supersede a patient's Type 1 objection: a statute or court order, or
 * the patient's own explicit consent to this specific use (a later, specific decision).
 */
const OVERRIDING: ReadonlySet<CommonLaw> = new Set<CommonLaw>(['legal_requirement', 'court_order', 'explicit_consent']);
export default defineRule({
  id: 'type1-opt-out-not-honoured',
  meta: {
    title: 'Honour Type 1 objections when GP data leaves the practice for other purposes',
    description:
      'Warns when a GP practice discloses identifiable or pseudonymised data for a purpose a Type 1 objection covers and the agreement does not say Type 1 ' +
      'objections are applied, unless the basis is a legal requirement, a court order or the patient\'s explicit consent.',
    rationale:
      'A Type 1 objection is recorded by the patient\'s GP practice. It asks that identifiable information about the patient not be extracted from ' +
      'their GP record and passed to any other organisation for purposes other than their direct care. It is separate from the national data opt-out: ' +
      'only the practice holds it, so only the practice can apply it before data leaves.\n\n' +
      'Sharing the records of patients who objected, for research, planning, commissioning or risk stratification, goes against a choice they have ' +
      'recorded and their reasonable expectations. A statutory requirement or a court order can override the objection, and a patient who gives explicit consent to a particular use (such as joining a study) has made a later, specific decision about that use. National policy on Type 1 ' +
      'objections for some mandated collections has changed over time and has not been confirmed here, so this is a warning: check the current position ' +
      'for the collection concerned.\n\n' +
      'Which purposes a Type 1 objection covers comes from the purpose category. Anonymised or aggregate data is not asked about.',
    fix:
      'Set `population.type1_objections: applied` and exclude patients with a Type 1 objection before the data leaves the practice. If a legal requirement ' +
      'or court order overrides the objection, record that as the purpose\'s `common_law` basis.',
    severity: 'warning',
    severityReason: 'Type 1 objections are the patient\'s recorded wish, but their status for some national collections has shifted.',
    area: 'E',
    importance: 320,
    tags: ['population', 'opt-out', 'confidentiality', 'caldicott-8'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'NHS England: Understanding the national data opt-out (and type 1 opt-outs)', url: 'https://digital.nhs.uk/services/national-data-opt-out/understanding-the-national-data-opt-out' },
    ],
    defaultOptions: {},
    messages: {
      'not-applied': {
        text: [
          'Flow "{{flow}}" takes identifiable or pseudonymised data out of {{practice}} for the purpose "{{purpose}}", which a Type 1 objection covers, but ',
          'the agreement {{state}}. Set `population.type1_objections: applied` and exclude patients who objected, unless a legal requirement or court order overrides the objection or the patients gave explicit consent to this use.',
        ],
        request: 'Ask {{drafter}} to leave out the records of patients who have told {{practice}} they object (a Type 1 opt-out) before sharing for the purpose "{{purpose}}", unless the law requires the sharing or the patients consented.',
      },
    },
    examples: {
      valid: [
        {
          title: 'Type 1 objections applied',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: uni, name: Example University, org_type: university_or_researcher }
            purposes:
              - { id: study, category: research, lawful_basis: { common_law: s251_support } }
            population: { scope: defined_cohort, inclusion_criteria: [Adults with asthma], vital_status: living, type1_objections: applied }
            data:
              - { id: extract, categories: [nhs_number, diagnoses_problems], identifiability: pseudonymised }
            flows:
              - { id: f1, from: surgery, to: uni, data: [extract], purposes: [study] }
          `,
        },
        {
          title: 'a court order overrides the objection',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: uni, name: Example University, org_type: university_or_researcher }
            purposes:
              - { id: study, category: research, lawful_basis: { common_law: court_order } }
            population: { scope: defined_cohort, inclusion_criteria: [Adults with asthma], vital_status: living }
            data:
              - { id: extract, categories: [nhs_number, diagnoses_problems], identifiability: pseudonymised }
            flows:
              - { id: f1, from: surgery, to: uni, data: [extract], purposes: [study] }
          `,
        },
        {
          title: 'the patients gave explicit consent to this study',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: uni, name: Example University, org_type: university_or_researcher }
            purposes:
              - { id: study, category: research, lawful_basis: { common_law: explicit_consent } }
            population: { scope: defined_cohort, inclusion_criteria: [Adults with asthma], vital_status: living }
            data:
              - { id: extract, categories: [nhs_number, diagnoses_problems], identifiability: pseudonymised }
            flows:
              - { id: f1, from: surgery, to: uni, data: [extract], purposes: [study] }
          `,
        },
      ],
      invalid: [
        {
          title: 'research extract with Type 1 objections unstated',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: uni, name: Example University, org_type: university_or_researcher }
            purposes:
              - { id: study, category: research, lawful_basis: { common_law: s251_support } }
            population: { scope: defined_cohort, inclusion_criteria: [Adults with asthma], vital_status: living }
            data:
              - { id: extract, categories: [nhs_number, diagnoses_problems], identifiability: pseudonymised }
            flows:
              - { id: f1, from: surgery, to: uni, data: [extract], purposes: [study] }
          `,
          findings: [{ messageId: 'not-applied', at: 'population.type1_objections' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    if (a.jurisdiction !== undefined && a.jurisdiction !== 'england') return;
    const reported = new Set<string>();
    (a.flows ?? []).forEach((flow, f) => {
      if (partyById(a, flow.from)?.org_type !== GP_PRACTICE || !carriesPatientData(a, flow)) return;
      for (const purpose of flowPurposes(a, flow)) {
        if (reported.has(purpose.id) || purposeCategoryOf(purpose)?.type1 !== 'yes') continue;
        const basis = purpose.lawful_basis?.common_law;
        if (basis !== undefined && OVERRIDING.has(basis)) continue;
        // Judged on the population this purpose uses: its own, else the agreement's.
        const handling = populationFor(a, purpose)?.type1_objections;
        if (handling === APPLIED) continue;
        const state = handling === undefined ? 'does not say Type 1 objections are applied' : `records Type 1 objections as "${lowerFirst(labelOf('optOutHandling', handling))}"`;
        reported.add(purpose.id);
        report({
          messageId: 'not-applied',
          data: { flow: flow.id, practice: partyName(a, flow.from), purpose: purpose.id, state },
          at: extendPath(populationPathFor(a, purpose), 'type1_objections'),
          related: [
            { at: ['flows', f, 'from'], message: `Data leaves ${partyName(a, flow.from)} here.` },
            { at: ['purposes', indexOfPurpose(a, purpose.id), 'category'], message: `"${purpose.id}" is a purpose a Type 1 objection covers.` },
          ],
        });
      }
    });
  },
});
