import type { AccessDuration, Population, PurposeCategory, VitalStatus } from '../src/generated/agreement.js';
import { defineRule, extendPath, yaml } from '../src/core/rule.js';
import { lowerFirst } from '../src/core/summary.js';
import { labelOf } from '../src/vocabulary.js';
import { compareDurations, durationInWords, indexOfPurpose, isStandingLiveAccess, parseDuration, populationFor, populationPathFor } from '../src/core/facts.js';

const ME_SCRUTINY: PurposeCategory = 'medical_examiner_scrutiny';
const DECEASED: VitalStatus = 'deceased';
const STANDING: AccessDuration = 'standing';
const ONE_OFF: AccessDuration = 'one_off';

interface Options {
  readonly max_window: string;
}
export default defineRule({
  id: 'medical-examiner-scope',
  meta: {
    title: 'Medical examiner access must be to deceased patients, read-only and time-limited',
    description:
      'Reports medical examiner scrutiny that covers living patients, live system access for it that is not read-only, and access for it with no time limit or ' +
      'a window longer than the allowed maximum (28 days by default).',
    rationale:
      'Since 9 September 2024 medical examiners review every death in England and Wales that is not investigated by a coroner. Their review is of a ' +
      'death: a proportionate look at the records relevant to what the person died of, carried out in the days before the death is registered. They ' +
      'have no function in relation to living patients.\n\n' +
      'NHS England\'s GP Connect medical examiner use case gives read-only access to the deceased patient\'s record within 28 days after death. Access ' +
      'that can change the record, that has no end, or that lasts much longer than the scrutiny needs, goes beyond the function and exposes the ' +
      'practice\'s records for no purpose. The 28-day limit is an option (`max_window`) because local arrangements may differ; a longer window should be ' +
      'a recorded local decision.\n\n' +
      'Whether the population is wider than one death at a time is reported by `population-exceeds-purpose`, and standing live access to a clinical ' +
      'system by `whole-system-access`, so they are not repeated here.',
    fix:
      'Set `population.vital_status: deceased`. Make any live or GP Connect access read-only (`read_only: true`). Give each access a time limit of no more ' +
      'than the allowed window, such as `window: P28D`, or an `end` date; use `duration: time_limited` or `one_off`, not `standing`.',
    severity: 'error',
    severityReason: 'Access beyond the medical examiner function has no lawful purpose and breaches data minimisation.',
    area: 'E',
    importance: 310,
    tags: ['population', 'access-scope', 'medical-examiner', 'minimisation', 'caldicott-4'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'NHS England: non-coronial deaths in the community', url: 'https://www.england.nhs.uk/establishing-medical-examiner-system-nhs/non-coronial-deaths-in-the-community/' },
      { instrument: 'National medical examiner\'s guidance for England and Wales', url: 'https://england.nhs.uk/long-read/national-medical-examiners-guidance-for-england-and-wales' },
      { instrument: 'NHS England: GP Connect medical examiners use case', url: 'https://digital.nhs.uk/services/gp-connect/gp-connect-in-your-organisation/medical-examiners-use-case' },
      { instrument: 'Coroners and Justice Act 2009 and the 2024 medical examiner regulations', provision: 'ss18A-21; SI 2024/492 and SI 2024/494', url: 'http://legislation.gov.uk/uksi/2024/494/made' },
      { instrument: 'UK GDPR', provision: 'Art 5(1)(c) (data minimisation)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
    ],
    optionsSchema: {
      type: 'object',
      properties: {
        max_window: {
          type: 'string',
          pattern: '^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$',
          description: 'The longest access window allowed for medical examiner scrutiny, as an ISO 8601 duration. GP Connect\'s use case allows 28 days after death.',
          default: 'P28D',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { max_window: 'P28D' } as Options,
    messages: {
      'not-deceased': {
        text: [
          'The purpose "{{purpose}}" is medical examiner scrutiny, but the population covers {{vitalStatus}}. Medical examiners scrutinise deaths; set ',
          '`vital_status: deceased`, and share living patients\' records under a separate agreement if another purpose needs them.',
        ],
        request: 'Ask {{drafter}} to limit the purpose "{{purpose}}" to the records of people who have died: it covers {{vitalStatus}}.',
      },
      'not-read-only': {
        text: [
          'Flow "{{flow}}" gives the medical examiner live access to the system without saying it is read-only. Medical examiners review records; they ',
          'must not be able to change them. Set `read_only: true`, or use a per-request disclosure.',
        ],
        request: 'Ask {{drafter}} to make the medical examiner\'s access read-only, or to disclose records per request: medical examiners review records and must not be able to change them.',
      },
      'no-time-limit': {
        text: [
          'Flow "{{flow}}" gives access for medical examiner scrutiny with no time limit. Limit each access to the scrutiny of one death, with a `window` ',
          'of no more than {{max_window}} (such as {{maxWindowValue}}) or an `end` date.',
        ],
        request: 'Ask {{drafter}} to limit each access by the medical examiner to the scrutiny of one death, for no more than {{max_window}}.',
      },
      'window-too-long': {
        text: [
          'Flow "{{flow}}" allows access for {{window}} per case, longer than the {{max_window}} allowed for medical examiner scrutiny. Shorten the `window`, ',
          'or, if a longer window is a recorded local decision, raise the `max_window` option.',
        ],
        request: 'Ask {{drafter}} to shorten the medical examiner\'s access for each death ({{window}}), or to say why it needs longer than {{max_window}}.',
      },
    },
    examples: {
      valid: [
        {
          title: 'per-request disclosure of a deceased patient\'s record within 28 days',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office }
            purposes:
              - { id: me, category: medical_examiner_scrutiny, lawful_basis: { common_law: legal_requirement } }
            population: { scope: per_case, vital_status: deceased }
            data:
              - { id: record, categories: [nhs_number, diagnoses_problems, death_details], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: meo, data: [record], purposes: [me], access: { mode: per_request, trigger: per_case, window: P28D } }
          `,
        },
        {
          title: 'a longer window allowed locally',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office }
            purposes:
              - { id: me, category: medical_examiner_scrutiny, lawful_basis: { common_law: legal_requirement } }
            population: { scope: per_case, vital_status: deceased }
            data:
              - { id: record, categories: [nhs_number, diagnoses_problems, death_details], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: meo, data: [record], purposes: [me], access: { mode: live_system_access, trigger: per_case, window: P6W, read_only: true } }
          `,
          options: { max_window: 'P6W' },
        },
      ],
      invalid: [
        {
          title: 'living patients, editable live access, no time limit',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office }
            purposes:
              - { id: me, category: medical_examiner_scrutiny, lawful_basis: { common_law: legal_requirement } }
            population: { scope: per_case, vital_status: both }
            data:
              - { id: record, categories: [nhs_number, diagnoses_problems, death_details], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: meo, data: [record], purposes: [me], access: { mode: live_system_access, trigger: per_case } }
          `,
          findings: [
            { messageId: 'not-deceased', at: 'population.vital_status' },
            { messageId: 'no-time-limit', at: 'flows[0].access.window' },
            { messageId: 'not-read-only', at: 'flows[0].access.read_only' },
          ],
        },
        {
          title: 'a window longer than 28 days',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office }
            purposes:
              - { id: me, category: medical_examiner_scrutiny, lawful_basis: { common_law: legal_requirement } }
            population: { scope: per_case, vital_status: deceased }
            data:
              - { id: record, categories: [nhs_number, diagnoses_problems, death_details], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: meo, data: [record], purposes: [me], access: { mode: per_request, trigger: per_case, window: P3M } }
          `,
          findings: [{ messageId: 'window-too-long', at: 'flows[0].access.window' }],
        },
      ],
    },
  },
  check({ agreement: a, options, report }) {
    const purposes = (a.purposes ?? []).filter((p) => p.category === ME_SCRUTINY);
    if (purposes.length === 0) return;
    // Judged on the population each medical examiner purpose uses, once per population.
    const judged = new Set<Population>();
    for (const purpose of purposes) {
      const population = populationFor(a, purpose);
      const vitalStatus = population?.vital_status;
      if (!population || judged.has(population)) continue;
      judged.add(population);
      if (vitalStatus === undefined || vitalStatus === DECEASED) continue;
      report({
        messageId: 'not-deceased',
        data: { purpose: purpose.id, vitalStatus: lowerFirst(labelOf('vitalStatus', vitalStatus)) },
        at: extendPath(populationPathFor(a, purpose), 'vital_status'),
        related: [{ at: ['purposes', indexOfPurpose(a, purpose.id), 'category'], message: `"${purpose.id}" is medical examiner scrutiny.` }],
      });
    }
    const max = parseDuration(options.max_window) ?? parseDuration('P28D')!;
    const ids = new Set(purposes.map((p) => p.id));
    (a.flows ?? []).forEach((flow, f) => {
      if (!(flow.purposes ?? []).some((id) => ids.has(id))) return;
      const access = flow.access;
      if (access?.mode === 'live_system_access' && access.read_only !== true) {
        report({ messageId: 'not-read-only', data: { flow: flow.id }, at: ['flows', f, 'access', 'read_only'] });
      }
      if (isStandingLiveAccess(flow)) return; // whole-system-access owns standing live access
      const limits = { flow: flow.id, max_window: durationInWords(max), maxWindowValue: options.max_window };
      if (access?.duration === STANDING) {
        report({ messageId: 'no-time-limit', data: limits, at: ['flows', f, 'access', 'duration'] });
        return;
      }
      const window = parseDuration(access?.window);
      if (window && compareDurations(window, max) > 0) {
        report({ messageId: 'window-too-long', data: { ...limits, window: durationInWords(window) }, at: ['flows', f, 'access', 'window'] });
      } else if (!window && access?.end === undefined && access?.duration !== ONE_OFF) {
        report({ messageId: 'no-time-limit', data: limits, at: ['flows', f, 'access', 'window'] });
      }
    });
  },
});
