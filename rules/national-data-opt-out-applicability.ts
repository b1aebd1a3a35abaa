import type { Agreement, CommonLaw, OptOutHandling, Purpose } from '../src/generated/agreement.js';
import { defineRule, extendPath, yaml, type Path } from '../src/core/rule.js';
import { lowerFirst } from '../src/core/summary.js';
import { carriesConfidentialPatientInformation, commonLawBasisHolds, commonLawBasisOf, flowsFor, isSecondary, populationFor, populationPathFor, purposeCategoryOf } from '../src/core/facts.js';
import { labelOf } from '../src/vocabulary.js';

const APPLIED: OptOutHandling = 'applied';
const CAG_EXEMPT: OptOutHandling = 'cag_exempt';
const S251_SUPPORT: CommonLaw = 's251_support';

/**
 * The opt-out may apply to the purpose: confidential patient information leaves a health or care
 * organisation for a use beyond individual care whose category the opt-out can cover, and neither the
 * common-law basis nor a CAG exemption takes it out. An unknown basis counts, to be safe.
 */
function mayApply(a: Agreement, purpose: Purpose): boolean {
  if (!isSecondary(purpose) || purposeCategoryOf(purpose)?.ndoo === 'no') return false;
  if (purpose.lawful_basis?.s251?.ndoo_exempt === true) return false;
  // A basis other rules reject (implied consent beyond care, "not confidential" on identifiable health data) exempts nothing.
  if (commonLawBasisHolds(a, purpose) && commonLawBasisOf(purpose)?.ndooExempt) return false;
  return flowsFor(a, purpose.id).some((f) => carriesConfidentialPatientInformation(a, f));
}export default defineRule({
  id: 'national-data-opt-out-applicability',
  meta: {
    title: 'Apply the national data opt-out where it applies, and only there',
    description:
      'Reports confidential patient information used beyond individual care under section 251 support when the national data opt-out is not applied (and CAG ' +
      'has not exempted it); warns when the opt-out may apply and the agreement does not say how it is handled; notes when it is applied although no purpose needs it.',
    rationale:
      'Patients in England can opt out of their confidential patient information being used for research and planning. Health and adult social care ' +
      'organisations must comply with the national data opt-out policy. It applies when confidential patient information is used for purposes beyond ' +
      'individual care, and in particular to disclosures with section 251 support, where applying it is a standard condition of the approval unless ' +
      'the Confidentiality Advisory Group exempts the use. The opt-out persists after death.\n\n' +
      'It does not apply to individual care, to explicit consent, to anonymised data, to disclosures required by law or a court, to overriding public ' +
      'interest, to communicable disease and public health risks (COPI regulation 3), or to some named uses such as ONS statistics and national disease ' +
      'registration. Applying it where it does not apply is also a harm: it silently removes patients from care, safeguarding or statutory processes ' +
      'they should be in.\n\n' +
      'The rule reads each purpose\'s category (whether the opt-out can apply to it), its common-law basis (whether that basis is exempt) and whether a ' +
      'flow carries confidential patient information from a health or care organisation. A basis that cannot be relied on as stated exempts nothing: ' +
      'implied consent for a purpose beyond individual care, or "not confidential" for identifiable health information, so dsalint never advises ' +
      '`not_applicable` on the strength of a basis its other rules reject. It only runs for agreements under the law of England.',
    fix:
      'For a section 251 use, set `population.national_data_opt_out: applied` and remove opted-out patients before sharing, or, if CAG exempted the use, ' +
      'record `s251.ndoo_exempt: true` from the approval letter. Where the opt-out may apply, state how it is handled. Where no purpose needs it, set ' +
      '`national_data_opt_out: not_applicable`.',
    severity: 'error',
    severityReason:
      'Compliance with the national data opt-out policy is mandatory for health and adult social care organisations in England. An unstated position is a ' +
      'warning; applying it needlessly is info.',
    area: 'E',
    importance: 315,
    tags: ['population', 'opt-out', 'confidentiality', 'caldicott-8'],
    presets: ['recommended', 'strict'],
    citations: [
      {
        instrument: 'NHS England: National data opt-out operational policy guidance',
        provision: 'When does a national data opt-out apply?',
        url: 'https://digital.nhs.uk/services/national-data-opt-out/operational-policy-guidance-document/when-does-a-national-data-opt-out-apply',
      },
      {
        instrument: 'NHS England: National data opt-out operational policy guidance',
        provision: 'When does a national data opt-out not apply?',
        url: 'https://digital.nhs.uk/services/national-data-opt-out/operational-policy-guidance-document/when-does-a-national-data-opt-out-not-apply?key=',
      },
      { instrument: 'NHS: where opt-outs do not apply', url: 'https://www.nhs.uk/your-nhs-data-matters/manage-your-choice/where-opt-outs-dont-apply/' },
    ],
    defaultOptions: {},
    messages: {
      'not-applied': {
        text: [
          'The purpose "{{purpose}}" uses confidential patient information beyond individual care with section 251 support, so the national data opt-out ',
          'applies, but {{state}}. Set `national_data_opt_out: applied` and remove opted-out patients before sharing, or record the CAG exemption as `s251.ndoo_exempt: true`.',
        ],
        request: 'Ask {{drafter}} to remove patients who have registered a national data opt-out before sharing for the purpose "{{purpose}}", or to show that the Confidentiality Advisory Group exempted it.',
      },
      'exemption-not-recorded': {
        text: [
          'The population says CAG exempted this sharing from the national data opt-out, but the section 251 support for the purpose "{{purpose}}" does not ',
          'record it. Add `s251.ndoo_exempt: true` from the approval letter, or apply the opt-out.',
        ],
        request: 'Ask {{drafter}} for the Confidentiality Advisory Group\'s letter exempting the purpose "{{purpose}}" from the national data opt-out, or to apply the opt-out.',
      },
      unstated: {
        text: [
          'The purpose "{{purpose}}" uses confidential patient information beyond individual care on no basis that exempts it from the national data ',
          'opt-out, and the agreement does not say how the opt-out is handled. State `national_data_opt_out` (applied, not_applicable or cag_exempt).',
        ],
        severity: 'warning',
        request: 'Ask {{drafter}} to say how the national data opt-out is applied to the purpose "{{purpose}}", which uses confidential patient information beyond individual care.',
      },
      'not-applicable-on-rejected-basis': {
        text: [
          'The population says the national data opt-out does not apply, but the purpose "{{purpose}}" uses confidential patient information beyond ',
          'individual care and its basis ({{basis}}) cannot be relied on for it. Ask which basis really sets aside the duty of confidentiality; unless ',
          'it is one the opt-out does not cover (such as a legal requirement), apply the opt-out.',
        ],
        severity: 'warning',
        request: 'Ask {{drafter}} which basis sets aside the duty of confidentiality for the purpose "{{purpose}}" ({{basis}} cannot be relied on), and whether the national data opt-out then applies.',
      },
      needless: {
        text: [
          'The national data opt-out is applied, but it does not apply to any purpose here: each is individual care, exempt by its category or basis, or uses ',
          'no confidential patient information. Applying it needlessly removes patients from sharing they should be in; use `not_applicable` unless a purpose needs it.',
        ],
        severity: 'info',
        request: 'Ask {{drafter}} why the national data opt-out is applied: no purpose here needs it, and applying it leaves out patients who should be included.',
      },
    },
    examples: {
      valid: [
        {
          title: 'section 251 support with the opt-out applied',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: icb, name: Example ICB, org_type: icb }
            purposes:
              - { id: use, category: risk_stratification_commissioning, lawful_basis: { common_law: s251_support, s251: { reference: 21/CAG/0001 } } }
            population: { scope: all_registered, vital_status: living, national_data_opt_out: applied }
            data:
              - { id: extract, categories: [nhs_number, diagnoses_problems], identifiability: pseudonymised }
            flows:
              - { id: f1, from: surgery, to: icb, data: [extract], purposes: [use] }
          `,
        },
        {
          title: 'a legal requirement, where the opt-out does not apply',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: icb, name: Example ICB, org_type: icb }
            purposes:
              - { id: use, category: national_clinical_audit, lawful_basis: { common_law: legal_requirement } }
            population: { scope: all_registered, vital_status: living, national_data_opt_out: not_applicable }
            data:
              - { id: extract, categories: [nhs_number, diagnoses_problems], identifiability: pseudonymised }
            flows:
              - { id: f1, from: surgery, to: icb, data: [extract], purposes: [use] }
          `,
        },
      ],
      invalid: [
        {
          title: 'section 251 support, opt-out not applied',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: icb, name: Example ICB, org_type: icb }
            purposes:
              - { id: use, category: risk_stratification_commissioning, lawful_basis: { common_law: s251_support, s251: { reference: 21/CAG/0001 } } }
            population: { scope: all_registered, vital_status: living, national_data_opt_out: not_applied }
            data:
              - { id: extract, categories: [nhs_number, diagnoses_problems], identifiability: pseudonymised }
            flows:
              - { id: f1, from: surgery, to: icb, data: [extract], purposes: [use] }
          `,
          findings: [{ messageId: 'not-applied', at: 'population.national_data_opt_out' }],
        },
        {
          title: 'the opt-out applied to individual care',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: icb, name: Example ICB, org_type: icb }
            purposes:
              - { id: use, category: individual_care, lawful_basis: { common_law: implied_consent } }
            population: { scope: all_registered, vital_status: living, national_data_opt_out: applied }
            data:
              - { id: extract, categories: [nhs_number, diagnoses_problems], identifiability: pseudonymised }
            flows:
              - { id: f1, from: surgery, to: icb, data: [extract], purposes: [use] }
          `,
          findings: [{ messageId: 'needless', at: 'population.national_data_opt_out' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    if (a.jurisdiction !== undefined && a.jurisdiction !== 'england') return;
    const optOut = a.population?.national_data_opt_out;
    const at = ['population', 'national_data_opt_out'] as const;
    const purposes = a.purposes ?? [];
    purposes.forEach((purpose, i) => {
      if (!mayApply(a, purpose)) return;
      // Judged on the population this purpose uses: its own, else the agreement's.
      const optOut = populationFor(a, purpose)?.national_data_opt_out;
      const at = extendPath(populationPathFor(a, purpose), 'national_data_opt_out');
      const basis = commonLawBasisOf(purpose);
      const related = [{ at: ['purposes', i, 'lawful_basis', 'common_law'] satisfies Path, message: `The common-law basis for "${purpose.id}" is given here.` }];
      if (basis?.value === S251_SUPPORT) {
        if (optOut === APPLIED) return;
        const state = optOut === undefined ? 'the agreement does not say it is applied' : `the population records it as "${lowerFirst(labelOf('optOutHandling', optOut))}"`;
        report({ messageId: optOut === CAG_EXEMPT ? 'exemption-not-recorded' : 'not-applied', data: { purpose: purpose.id, state }, at, related });
      } else if (optOut === undefined) {
        report({ messageId: 'unstated', data: { purpose: purpose.id }, at });
      } else if (optOut === 'not_applicable' && basis !== undefined && !commonLawBasisHolds(a, purpose)) {
        // "Does not apply" resting on a basis other rules reject (implied consent beyond care, "not confidential" for identifiable health data).
        report({ messageId: 'not-applicable-on-rejected-basis', data: { purpose: purpose.id, basis: lowerFirst(basis.label) }, at, related });
      }
    });
    const usingAgreementPopulation = purposes.filter((p) => p.population === undefined);
    if (optOut === APPLIED && usingAgreementPopulation.length > 0 && (a.flows ?? []).length > 0 && !usingAgreementPopulation.some((p) => mayApply(a, p))) {
      report({ messageId: 'needless', at });
    }
  },
});
