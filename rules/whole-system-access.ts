import type { Access } from '../src/generated/agreement.js';
import { defineRule, extendPath, yaml, type Path } from '../src/core/rule.js';
import {
  accessScopeWords,
  coversAllPatients,
  flowPurposes,
  indexOfParty,
  inherits,
  isDirectCare,
  isSecondary,
  isStandingLiveAccess,
  isWholeSystem,
  orgTypeOf,
  partyById,
  partyName,
  populationFor,
  populationPathFor,
  purposeName,
  sharesAllFields,
  wholeRecordEntries,
} from '../src/core/facts.js';
import { joinWords } from '../src/core/summary.js';

/** The controls that make standing, broad access acceptable for direct care (the shared care record pattern). */
const CONTROLS = ['role_based_access', 'audit_logging', 'legitimate_relationship'] as const satisfies readonly (keyof Access)[];
const CONTROL_WORDS: Record<(typeof CONTROLS)[number], string> = {
  role_based_access: 'role-based access',
  audit_logging: 'audit logging',
  legitimate_relationship: 'legitimate-relationship checks',
};
export default defineRule({
  id: 'whole-system-access',
  meta: {
    title: 'No whole-system access to the clinical record',
    description:
      'Reports a flow that combines at least two of: the whole record, every patient, and standing live access to the clinical system; ' +
      'or standing live access for a purpose beyond care by an organisation that does not provide direct care.',
    rationale:
      'Medical examiner and safeguarding teams have asked GP practices for access to "the whole of their clinical system and all patient records". ' +
      'Asked by Lincolnshire LMC, the ICO advised that this whole-system approach breaches the data minimisation principle for special category data ' +
      '(UK GDPR Art 5(1)(c)): "You should only share the absolute minimum amount of personal information that is necessary for the other organisation to fulfil their task." ' +
      'A Smartcard or portal that stays open to every record lets staff look at any patient, at any time, for any reason; ' +
      'medical examiners and safeguarding teams work on one named person at a time.\n\n' +
      'A shared care record used for direct care by the patient\'s own care providers is different: the national information governance framework for shared care records ' +
      'accepts broad, standing access for care when it is limited by role, every access is audited and staff must have a legitimate relationship with the patient. ' +
      'Such a flow is not reported when all three controls are declared, and is a warning when any is missing ' +
      '(for live access, missing role-based access or audit logging is reported by live-access-without-controls, so only the legitimate-relationship check is reported here).',
    fix:
      'Replace standing access with per-request disclosure of the relevant records of the named patient, or access that opens for one case with an end date or window. ' +
      'List the data items each purpose needs rather than the whole record, and set `population.scope: per_case` where the purpose concerns one person at a time. ' +
      'For a shared care record used only for direct care, set `role_based_access`, `audit_logging` and `legitimate_relationship` to true under the flow\'s `access` ' +
      '(or list them in `security.measures`) once they are in place.',
    severity: 'error',
    severityReason: 'It is the pattern the ICO advised breaches data minimisation; a direct-care shared record lacking its controls is a warning.',
    area: 'A',
    importance: 200,
    tags: ['minimisation', 'access-scope', 'caldicott-3', 'caldicott-4'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(1)(c) (data minimisation)', url: 'https://ico.org.uk/for-organisations/guide-to-data-protection/guide-to-the-general-data-protection-regulation-gdpr/principles/data-minimisation/' },
      { instrument: 'Caldicott Principles', provision: '3 and 4 (minimum necessary; strict need-to-know)', url: 'https://www.gov.uk/government/news/why-caldicott-principles-and-caldicott-guardians-are-still-relevant-in-2020' },
      {
        instrument: 'NHS England Transformation Directorate',
        provision: 'Information governance framework for integrated health and care: shared care records',
        url: 'https://transform.england.nhs.uk/information-governance/guidance/summary-of-information-governance-framework-shared-care-records/',
      },
    ],
    defaultOptions: {},
    messages: {
      'whole-system': {
        text: [
          'Flow "{{flow}}" gives {{recipient}} {{scope}}, for {{purposes}}. The ICO has advised that whole-system access like this breaches data minimisation: ',
          'share only what {{recipient}} needs for each case, such as the relevant records of the named patient disclosed per request.',
        ],
        request: 'Ask {{drafter}} to limit {{recipient}}\'s access to the relevant records of each patient it needs, disclosed per request, instead of {{scope}}.',
      },
      'standing-access': {
        text: [
          'Flow "{{flow}}" gives {{recipient}} standing live access to the source system for {{purposes}}, but {{recipient}} {{notDirectCare}}. ',
          'Access that stays open exposes every patient\'s record at any time: disclose per request instead, or open access for one case at a time with an end date or window.',
        ],
        request: 'Ask {{drafter}} to replace {{recipient}}\'s standing access to the clinical system for {{purposes}} with disclosure of the relevant records of each patient on request, or with access that opens for one case at a time and then ends.',
      },
      'shared-record-controls': {
        text: [
          'Flow "{{flow}}" gives {{recipient}} {{scope}} for direct care without {{missing}}. Broad access for care is acceptable only when it is limited by role, audited and ',
          'needs a legitimate relationship with the patient: set {{keys}} to true under the flow\'s access once in place, or narrow the access.',
        ],
        severity: 'warning',
        request: 'Ask {{drafter}} to confirm that {{recipient}}\'s access to the shared record is limited by role, that every access is audited and that staff may look only at patients they care for (the agreement does not mention {{missing}}), or to narrow the access.',
      },
    },
    examples: {
      valid: [
        {
          title: 'a shared care record for direct care, with role-based access, audit and legitimate-relationship checks',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: trust, name: Example Hospitals NHS Trust, org_type: nhs_trust_acute }
            purposes:
              - { id: care, category: individual_care }
            population: { scope: all_registered, vital_status: living }
            flows:
              - id: shared-record
                from: surgery
                to: trust
                purposes: [care]
                access: { mode: live_system_access, duration: standing, role_based_access: true, audit_logging: true, legitimate_relationship: true }
          `,
        },
        {
          title: 'per-request disclosure to a medical examiner',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office }
            purposes:
              - { id: me-scrutiny, category: medical_examiner_scrutiny }
            population: { scope: per_case, vital_status: deceased }
            data:
              - { id: summary, categories: [diagnoses_problems, recent_consultations] }
            flows:
              - { id: f1, from: surgery, to: meo, data: [summary], purposes: [me-scrutiny], access: { mode: per_request, trigger: per_case } }
          `,
        },
      ],
      invalid: [
        {
          title: 'standing Smartcard access for the medical examiner to every record',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office }
            purposes:
              - { id: me-scrutiny, category: medical_examiner_scrutiny }
            population: { scope: all_registered, vital_status: both }
            flows:
              - id: smartcard
                from: surgery
                to: meo
                purposes: [me-scrutiny]
                access: { mode: live_system_access, duration: standing }
          `,
          findings: [{ messageId: 'whole-system', at: 'flows[0].access.mode' }],
        },
        {
          title: 'a shared care record without legitimate-relationship checks',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: trust, name: Example Hospitals NHS Trust, org_type: nhs_trust_acute }
            purposes:
              - { id: care, category: individual_care }
            population: { scope: all_registered, vital_status: living }
            flows:
              - id: shared-record
                from: surgery
                to: trust
                purposes: [care]
                access: { mode: live_system_access, duration: standing, role_based_access: true, audit_logging: true }
          `,
          findings: [{ messageId: 'shared-record-controls', at: 'flows[0].access.mode' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    const measures = new Set<string>(a.security?.measures ?? []);
    (a.flows ?? []).forEach((flow, i) => {
      const purposes = flowPurposes(a, flow);
      // The population the flow's purposes use: each purpose's own, else the agreement's.
      const everyone = purposes.find((p) => coversAllPatients(a, populationFor(a, p)));
      const allPatients = purposes.length > 0 ? everyone !== undefined : coversAllPatients(a);
      const populationPath = populationPathFor(a, everyone);
      const allFields = sharesAllFields(a, flow);
      const standing = isStandingLiveAccess(flow);
      const recipient = partyById(a, flow.to);
      const recipientType = orgTypeOf(recipient);
      const directCareRecipient = recipientType?.directCare ?? false;
      const breadth = { allFields, allPatients, standing };
      const wide = isWholeSystem(breadth);
      const standingForSecondary = standing && !directCareRecipient && purposes.some(isSecondary);
      if (!wide && !standingForSecondary) return;

      const at: Path = flow.access?.mode !== undefined ? ['flows', i, 'access', 'mode'] : ['flows', i, 'id'];
      const who = partyName(a, flow.to);
      const scope = accessScopeWords(breadth, populationFor(a, everyone)?.scope === 'all_registered');
      const related = [
        ...(allPatients ? [{ at: extendPath(populationPath, 'scope') as Path, message: 'The population covers every patient.' }] : []),
        ...(allFields ? wholeRecordEntries(a, flow).map((path) => ({ at: path, message: 'This data item is the whole record.' })) : []),
      ];

      if (purposes.length > 0 && purposes.every(isDirectCare) && directCareRecipient) {
        // For live access, role-based access and audit logging are live-access-without-controls' findings.
        // Security taken from a protocol that is not available may list the controls: not known to be missing.
        if (inherits(a, 'security') && a.security === undefined) return;
        const owned = flow.access?.mode === 'live_system_access' ? CONTROLS.filter((c) => c === 'legitimate_relationship') : CONTROLS;
        const missing = owned.filter((c) => !(flow.access?.[c] ?? measures.has(c)));
        if (missing.length === 0) return;
        report({
          messageId: 'shared-record-controls',
          data: { flow: flow.id, recipient: who, scope, missing: joinWords(missing.map((c) => CONTROL_WORDS[c]), 'or'), keys: joinWords([...missing]) },
          at,
          related,
        });
        return;
      }

      const purposesText = purposes.length ? joinWords(purposes.map(purposeName)) : 'no stated purpose';
      if (wide) {
        report({ messageId: 'whole-system', data: { flow: flow.id, recipient: who, scope, purposes: purposesText }, at, related });
        return;
      }
      const p = flow.to === undefined ? -1 : indexOfParty(a, flow.to);
      report({
        messageId: 'standing-access',
        data: {
          flow: flow.id,
          recipient: who,
          purposes: joinWords(purposes.filter(isSecondary).map(purposeName)),
          notDirectCare: recipientType ? `does not provide direct care (its organisation type is "${recipientType.label}")` : 'is not declared as a direct-care provider (its org_type is not set)',
        },
        at,
        related: recipientType && p >= 0 ? [{ at: ['parties', p, 'org_type'], message: `${who}'s organisation type is declared here.` }] : [],
      });
    });
  },
});
