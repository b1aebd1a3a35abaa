import type { Agreement, Flow, Party } from '../src/generated/agreement.js';
import { defineRule, yaml } from '../src/core/rule.js';
import { carriesPatientData, isHealthOrCareBody, orgTypeOf, partyById } from '../src/core/facts.js';
import { DSPT_STATUS } from '../src/vocabulary.js';

interface Options {
  max_age_years: number;
  publication_deadline: string;
  include_statutory_recipients: boolean;
}

/** NHS patient data: it comes from a health or care organisation (not one of unstated or non-health type). */
function receivesNhsPatientData(a: Agreement, flow: Flow): boolean {
  return isHealthOrCareBody(partyById(a, flow.from)) && carriesPatientData(a, flow);
}

/** The first year (2025 for "2025-26") of the assessment being completed on `asOf`: it runs until its publication deadline. */
function assessmentYearInProgress(asOf: string, deadline: string): number {
  const year = Number(asOf.slice(0, 4));
  return asOf.slice(5) > deadline ? year : year - 1;
}

function assessmentYearLabel(start: number): string {
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
export default defineRule({
  id: 'dspt-status-insufficient',
  meta: {
    title: 'Organisations receiving patient data need a current, satisfactory DSPT assessment',
    description:
      'Reports a party that receives NHS patient data under the agreement when its Data Security and Protection Toolkit (DSPT) status is not ' +
      'recorded, does not give assurance, is Approaching Standards without an improvement plan, or is out of date.',
    rationale:
      'The Data Security and Protection Toolkit is the annual self-assessment, against the National Data Guardian\'s ten data security standards, ' +
      'by which an organisation shows it keeps patient information safe. The DSPT says that all organisations with access to NHS patient data and ' +
      'systems must use it; completing it is a condition of the NHS Standard Contract. Before sending patients\' records to an organisation, the ' +
      'sender needs to know it has published a satisfactory, current assessment.\n\n' +
      '"Standards Met" gives that assurance. "Approaching Standards" means some standards are not yet met and the organisation must publish an ' +
      'improvement plan, so dsalint asks for its reference. dsalint does not rely on the exact wording of other published statuses: an agreement ' +
      'that records the standards as not met, or no published assessment, is reported as giving no assurance.\n\n' +
      'Each assessment year runs from 1 April to 31 March, and its publication is due by a deadline after the year ends (30 June in recent ' +
      'years). An assessment stays current until the next one is due, so dsalint counts from the assessment being completed on the run date: by ' +
      'default, the previous year\'s publication is accepted. Coroners, police forces and regulators receiving individual disclosures under their ' +
      'own powers are not normally DSPT organisations, so dsalint does not ask it of them unless they are given live access to an NHS system (a ' +
      'judgement; set the `include_statutory_recipients` option to ask them too).',
    fix:
      'Look up each receiving organisation on the DSPT website and record its latest publication as `dspt: { status, year }` on the party (for ' +
      'example `{ status: standards_met, year: 2025-26 }`). For Approaching Standards, add the reference to its published improvement plan as ' +
      '`improvement_plan`. If an organisation has no satisfactory assessment, agree with it how and when it will get one before data is shared.',
    severity: 'error',
    severityReason:
      'Sharing NHS patient data with an organisation that gives no DSPT assurance goes against a national requirement; an out-of-date year or a missing improvement plan is a gap to check, so it is a warning.',
    area: 'H',
    importance: 375,
    tags: ['security', 'dspt', 'caldicott-6'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'Data Security and Protection Toolkit: overview and introductory guidance', url: 'https://www.dsptoolkit.nhs.uk/Help/3' },
      { instrument: 'DAPB0086 Data Security and Protection Toolkit (information standard)', url: 'https://standards.nhs.uk/published-standards/data-security-and-protection-toolkit' },
      { instrument: 'DSPT status labels other than Standards Met and Approaching Standards', url: 'https://www.dsptoolkit.nhs.uk/', unverified: true },
      { instrument: 'UK GDPR', provision: 'Art 5(1)(f) (integrity and confidentiality), Art 32 (security)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/32' },
    ],
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        max_age_years: {
          type: 'integer',
          minimum: 0,
          description:
            'How many assessment years behind the one being completed on the run date a published assessment may be. The default 1 accepts the previous year\'s publication, which stays current until the next one is due.',
          default: 1,
        },
        publication_deadline: {
          type: 'string',
          pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$',
          description: 'The day (MM-DD) by which each year\'s assessment must be published, in the calendar year after the assessment year starts.',
          default: '06-30',
        },
        include_statutory_recipients: {
          type: 'boolean',
          description: 'Also ask for a DSPT status from coroners, police forces and regulators that receive individual disclosures.',
          default: false,
        },
      },
    },
    defaultOptions: { max_age_years: 1, publication_deadline: '06-30', include_statutory_recipients: false } as Options,
    messages: {
      missing: {
        text: [
          '{{party}} receives patient data (flow "{{flow}}"), but its Data Security and Protection Toolkit (DSPT) status is not recorded. Look it up on ',
          'the DSPT website and add `dspt: { status, year }` to party "{{id}}".',
        ],
        request: 'Ask {{drafter}} for the Data Security and Protection Toolkit (DSPT) status of {{party}}, which receives patient data.',
      },
      'not-met': {
        text: [
          '{{party}} receives patient data (flow "{{flow}}"), but the agreement records that its DSPT assessment did not meet the standards. Organisations ',
          'with access to NHS patient data must give assurance through the DSPT: agree how it will meet the standards before data is shared.',
        ],
        request: 'Ask {{drafter}} how {{party}} will meet the Data Security and Protection Toolkit standards before it receives patient data: its assessment did not meet them.',
      },
      'not-published': {
        text: [
          '{{party}} receives patient data (flow "{{flow}}"), but the agreement records that it has no published DSPT assessment. Organisations with ',
          'access to NHS patient data must publish one: agree when it will before data is shared.',
        ],
        request: 'Ask {{drafter}} when {{party}} will publish its Data Security and Protection Toolkit assessment: it must before it receives patient data.',
      },
      'approaching-no-plan': {
        text: [
          '{{party}}\'s DSPT status is Approaching Standards, which needs a published improvement plan, but none is recorded. Add its reference as ',
          '`improvement_plan`.',
        ],
        severity: 'warning',
        request: 'Ask {{drafter}} for the improvement plan of {{party}}, whose Data Security and Protection Toolkit status is Approaching Standards.',
      },
      'no-year': {
        text: '{{party}}\'s DSPT status does not say which assessment year it is for, so nobody can tell whether it is current. Add `year` (such as {{expected}}).',
        severity: 'warning',
        request: 'Ask {{drafter}} which year the Data Security and Protection Toolkit status of {{party}} is for (it should be {{expected}}).',
      },
      'out-of-date': {
        text: [
          '{{party}}\'s DSPT assessment recorded here is for {{year}}; on {{asOf}} it should be for {{expected}} or later. Check its latest publication ',
          'on the DSPT website and update `dspt`.',
        ],
        severity: 'warning',
        request: 'Ask {{drafter}} for the current Data Security and Protection Toolkit status of {{party}}: the one given is for {{year}}.',
      },
    },
    examples: {
      valid: [{
        title: 'the recipient meets the standards for the previous year',
        agreement: yaml`
          dsalint: 1
          id: EX-001
          title: Example
          parties:
            - { id: surgery, name: Example Surgery, org_type: gp_practice }
            - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office, dspt: { status: standards_met, year: 2025-26 } }
          data:
            - { id: summary, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }
          flows:
            - { id: f1, from: surgery, to: meo, data: [summary] }
        `,
      }],
      invalid: [
        {
          title: 'no DSPT status for the recipient',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office }
            data:
              - { id: summary, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: meo, data: [summary] }
          `,
          findings: [{ messageId: 'missing', at: 'parties[1].id' }],
        },
        {
          title: 'an assessment two years old',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office, dspt: { status: standards_met, year: 2024-25 } }
            data:
              - { id: summary, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: meo, data: [summary] }
          `,
          findings: [{ messageId: 'out-of-date', at: 'parties[1].dspt.year' }],
        },
      ],
    },
  },
  check({ agreement: a, options, asOf, report }) {
    const flows = a.flows ?? [];
    const expectedStart = assessmentYearInProgress(asOf, options.publication_deadline) - options.max_age_years;
    const expected = assessmentYearLabel(expectedStart);
    (a.parties ?? []).forEach((party: Party, i) => {
      const received = flows.filter((f) => f.to === party.id && receivesNhsPatientData(a, f));
      const flow = received[0];
      if (!flow) return;
      const liveAccess = received.some((f) => f.access?.mode === 'live_system_access');
      if (orgTypeOf(party)?.dsptNotExpected && !options.include_statutory_recipients && !liveAccess) return;
      const data = { party: party.name, id: party.id, flow: flow.id, expected, asOf };
      const flowIndex = flows.indexOf(flow);
      const related = [{ at: ['flows', flowIndex, 'to'] as const, message: `${party.name} receives patient data in this flow.` }];
      const dspt = party.dspt;
      const status = dspt?.status === undefined ? undefined : DSPT_STATUS.get(dspt.status);
      if (!dspt || !status) {
        report({ messageId: 'missing', data, at: dspt ? ['parties', i, 'dspt', 'status'] : ['parties', i, 'id'], related });
        return;
      }
      if (status.assurance === 'not_met' || status.assurance === 'unpublished') {
        report({ messageId: status.assurance === 'unpublished' ? 'not-published' : 'not-met', data, at: ['parties', i, 'dspt', 'status'], related });
        return;
      }
      if (status.assurance === 'approaching' && dspt.improvement_plan === undefined) {
        report({ messageId: 'approaching-no-plan', data, at: ['parties', i, 'dspt', 'status'] });
      }
      if (dspt.year === undefined) {
        report({ messageId: 'no-year', data, at: ['parties', i, 'dspt', 'year'] });
      } else if (Number(dspt.year.slice(0, 4)) < expectedStart) {
        report({ messageId: 'out-of-date', data: { ...data, year: dspt.year }, at: ['parties', i, 'dspt', 'year'] });
      }
    });
  },
});
