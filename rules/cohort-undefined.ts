import type { PopulationScope } from '../src/generated/agreement.js';
import { defineRule, extendPath, yaml } from '../src/core/rule.js';
import { isOverarchingProtocol, populations, sharesPersonalData } from '../src/core/facts.js';

const DEFINED_COHORT: PopulationScope = 'defined_cohort';
export default defineRule({
  id: 'cohort-undefined',
  meta: {
    title: 'The agreement must say whose records are shared',
    description:
      'Reports an agreement with no `population` section, a population with no `scope`, a defined cohort with no inclusion criteria, or a population that does not ' +
      'say whether the patients are living or deceased.',
    rationale:
      'Data minimisation and purpose limitation apply to whose records are shared as much as to which fields. An agreement that does not say which ' +
      'patients it covers cannot show that it is limited to what the purpose needs, and nobody can apply the national data opt-out or Type 1 objections ' +
      'to a population that is not defined. The ICO data sharing code expects an agreement to be clear about what data is shared.\n\n' +
      'Whether the patients are living or deceased decides which law applies: UK GDPR covers the living, while for the dead only the duty of ' +
      'confidentiality and the Access to Health Records Act 1990 do. Several other checks depend on it, so it must be stated.\n\n' +
      'An agreement whose data is all anonymised or aggregate (and that opens no live access) is not asked.',
    fix:
      'Add a `population` section with `scope` (`per_case`, `defined_cohort` or `all_registered`), `inclusion_criteria` for a defined cohort (who is in it, ' +
      'in words a patient would follow), and `vital_status` (`living`, `deceased` or `both`).',
    severity: 'error',
    severityReason: 'Without a defined population the agreement cannot show minimisation or that opt-outs are applied.',
    area: 'E',
    importance: 380,
    tags: ['population', 'minimisation', 'purpose-limitation', 'caldicott-3'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(1)(b)-(c)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
      { instrument: 'ICO Data Sharing Code of Practice', url: 'https://ico.org.uk/for-organisations/data-sharing-a-code-of-practice/navigating-the-data-sharing-code/' },
    ],
    defaultOptions: {},
    messages: {
      'no-population': {
        text: 'The agreement does not say whose records are shared. Add a `population` section with `scope`, `vital_status` and, for a defined cohort, `inclusion_criteria`.',
        request: 'Ask {{drafter}} to say whose records are shared: one named person per request, a defined group of patients, or everyone, and whether living or deceased.',
      },
      'no-scope': {
        text: 'The population has no `scope`: say whether records are shared one person at a time (per_case), for a defined cohort, or for every registered patient.',
        request: 'Ask {{drafter}} to say whose records are shared: one named person per request, a defined group of patients, or every registered patient.',
      },
      'no-criteria': {
        text: 'The population is a defined cohort, but no `inclusion_criteria` say who is in it. List the criteria, such as "patients aged 65 and over with diabetes".',
        request: 'Ask {{drafter}} to say who is in the group of patients whose records are shared (such as "patients aged 65 and over with diabetes").',
      },
      'no-vital-status': {
        text: 'The population does not say whether the patients are living or deceased (`vital_status`). This decides which law applies: UK GDPR covers only the living.',
        request: 'Ask {{drafter}} to say whether the patients whose records are shared are living, deceased or both.',
      },
    },
    examples: {
      valid: [
        {
          title: 'a defined cohort with criteria',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            population:
              scope: defined_cohort
              inclusion_criteria: [Patients aged 65 and over with a diabetes diagnosis]
              vital_status: living
          `,
        },
      ],
      invalid: [
        {
          title: 'no population at all',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            purposes:
              - { id: care, category: individual_care }
          `,
          findings: [{ messageId: 'no-population', at: 'population' }],
        },
        {
          title: 'a defined cohort with no criteria and no vital status',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            population:
              scope: defined_cohort
          `,
          findings: [
            { messageId: 'no-vital-status', at: 'population.vital_status' },
            { messageId: 'no-criteria', at: 'population.inclusion_criteria' },
          ],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    // A protocol sets standards for sharing; whose records are shared is for the agreements under it.
    if (!sharesPersonalData(a) || isOverarchingProtocol(a)) return;
    const purposes = a.purposes ?? [];
    // Every purpose may state its own population instead of one for the whole agreement.
    if (!a.population && (purposes.length === 0 || purposes.some((p) => p.population === undefined))) {
      report({ messageId: 'no-population', at: ['population'] });
    }
    for (const { population, path } of populations(a)) {
      if (population.scope === undefined) report({ messageId: 'no-scope', at: extendPath(path, 'scope') });
      if (population.scope === DEFINED_COHORT && (population.inclusion_criteria ?? []).length === 0) {
        report({ messageId: 'no-criteria', at: extendPath(path, 'inclusion_criteria'), related: [{ at: extendPath(path, 'scope'), message: 'The population is a defined cohort here.' }] });
      }
      if (population.vital_status === undefined) report({ messageId: 'no-vital-status', at: extendPath(path, 'vital_status') });
    }
  },
});
