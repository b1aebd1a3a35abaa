import { defineRule, yaml } from '../src/core/rule.js';
import { joinWords, lowerFirst } from '../src/core/summary.js';
import {
  allOnExplicitConsent,
  categoryIndex,
  dataById,
  dataCategoriesOf,
  flowPurposes,
  indexOfData,
  isIdentifying,
  isSecondary,
  owesDutyOfConfidentiality,
  partyById,
  partyName,
} from '../src/core/facts.js';

/** The revoked STI instruments: the 1974 Regulations and the 1991/2000 Directions made under them. */
const REVOKED_STI_LAW = /venereal\s+diseases?|sexually\s+transmitted\s+diseases?\)?\s+directions|\bSTDs?\)?\s+directions/i;
/** Citing the revocation itself is correct. */
const REVOCATION = /revo(c|k)/i;
export default defineRule({
  id: 'sexual-health-heightened-sensitivity',
  meta: {
    title: 'HIV and sexual health information needs particular care',
    description:
      'Warns when identifiable HIV or sexually transmitted infection information is shared for a purpose beyond the patient\'s care, or with a recipient not bound ' +
      'by a duty of confidentiality, without explicit consent or a justification on the data item. Notes legislation cited from the revoked STI Directions.',
    rationale:
      'HIV and sexual health information is some of the most sensitive in a health record: disclosure can lead to stigma, discrimination and harm in ' +
      'relationships, and fear of disclosure keeps people away from testing and treatment. For many years it had its own statutory protection in the ' +
      'NHS (Venereal Diseases) Regulations 1974 and the NHS Trusts and Primary Care Trusts (Sexually Transmitted Diseases) Directions 2000.\n\n' +
      'Those Directions were revoked from 12 October 2023. NHS England\'s guidance published then says there is now no HIV- or STI-specific legislation: ' +
      'this information is protected like other health information, by UK GDPR and the common-law duty of confidentiality, but the guidance still asks ' +
      'for particular care in sharing it. So this is a warning, not an error: sharing it beyond care, or with people not bound by confidentiality, should ' +
      'rest on explicit consent or on a recorded reason why it is needed.\n\n' +
      'An agreement that still cites the 1974 Regulations or the 2000 Directions as its legal basis relies on law that no longer applies; dsalint notes ' +
      'that separately (info).',
    fix:
      'Leave HIV and STI information out of flows that do not need it; if it is needed, say why in the data item\'s `justification`, or rely on explicit ' +
      'consent (`common_law: explicit_consent`). Remove citations of the revoked Regulations or Directions from `lawful_basis.legislation`.',
    severity: 'warning',
    severityReason: 'There is no longer a condition-specific statute, so this is NHS England guidance on heightened care rather than a legal bar.',
    area: 'D',
    importance: 410,
    tags: ['special-category', 'heightened-sensitivity', 'minimisation', 'caldicott-3'],
    presets: ['recommended', 'strict'],
    citations: [
      {
        instrument: 'NHS Trusts and Primary Care Trusts (Sexually Transmitted Diseases) (Revocation) Directions 2023',
        url: 'https://www.gov.uk/government/publications/nhs-trusts-and-primary-care-trusts-sexually-transmitted-diseases-revocation-directions-2023',
      },
      {
        instrument: 'NHS England: HIV and sexually transmitted infections (STIs) information governance guidance (October 2023)',
        url: 'https://transform.england.nhs.uk/information-governance/guidance/hiv-and-sexually-transmitted-infections-stis',
      },
      { instrument: 'The Caldicott Principles (December 2020)', provision: 'Principle 3 (use the minimum necessary)', url: 'https://www.gov.uk/government/news/why-caldicott-principles-and-caldicott-guardians-are-still-relevant-in-2020' },
    ],
    defaultOptions: {},
    messages: {
      'secondary-use': {
        text: [
          'Flow "{{flow}}" shares "{{data}}", which includes {{categories}}, for a purpose beyond the patient\'s care, without explicit consent or a recorded reason. ',
          'NHS England guidance asks for particular care with this information: leave it out, rely on explicit consent, or add a `justification` to "{{data}}" saying why it is needed.',
        ],
        request: 'Ask {{drafter}} to leave {{categories}} out of "{{data}}", rely on explicit consent, or say why it is needed: it is shared for a purpose beyond the patient\'s care.',
      },
      'recipient-not-bound': {
        text: [
          'Flow "{{flow}}" shares "{{data}}", which includes {{categories}}, with {{recipient}}, whose staff are not normally bound by a duty of confidentiality, ',
          'without explicit consent or a recorded reason. Leave it out, rely on explicit consent, or add a `justification` to "{{data}}" saying why it is needed.',
        ],
        request: 'Ask {{drafter}} to leave {{categories}} out of what {{recipient}} receives, rely on explicit consent, or say why it is needed: its staff are not normally bound by a duty of confidentiality.',
      },
      'revoked-law': {
        text: [
          '"{{citation}}" is cited as law for the purpose "{{purpose}}", but it no longer applies: the NHS sexually transmitted diseases Directions were revoked ',
          'from 12 October 2023, and NHS England guidance says there is now no HIV- or STI-specific legislation. Remove it and rely on the bases that apply to all health information.',
        ],
        severity: 'info',
        request: 'Ask {{drafter}} to stop citing "{{citation}}" for the purpose "{{purpose}}": it was revoked in 2023.',
      },
    },
    examples: {
      valid: [
        {
          title: 'HIV status for direct care',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: clinic, name: Example Sexual Health Service, org_type: sexual_health_service }
              - { id: icb, name: Example ICB, org_type: icb }
            purposes:
              - { id: use, category: individual_care, lawful_basis: { article_6: e_public_task, common_law: s251_support } }
            data:
              - { id: hiv, categories: [nhs_number, hiv_status], identifiability: pseudonymised }
            flows:
              - { id: f1, from: clinic, to: icb, data: [hiv], purposes: [use] }
          `,
        },
        {
          title: 'shared for commissioning with a recorded reason',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: clinic, name: Example Sexual Health Service, org_type: sexual_health_service }
              - { id: icb, name: Example ICB, org_type: icb }
            purposes:
              - { id: use, category: planning_commissioning, lawful_basis: { article_6: e_public_task, common_law: s251_support } }
            data:
              - { id: hiv, categories: [nhs_number, hiv_status], identifiability: pseudonymised, justification: Needed to plan HIV pre-exposure prophylaxis services across the area }
            flows:
              - { id: f1, from: clinic, to: icb, data: [hiv], purposes: [use] }
          `,
        },
      ],
      invalid: [
        {
          title: 'HIV status in a commissioning extract with no reason given',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: clinic, name: Example Sexual Health Service, org_type: sexual_health_service }
              - { id: icb, name: Example ICB, org_type: icb }
            purposes:
              - { id: use, category: planning_commissioning, lawful_basis: { article_6: e_public_task, common_law: s251_support } }
            data:
              - { id: hiv, categories: [nhs_number, hiv_status], identifiability: pseudonymised }
            flows:
              - { id: f1, from: clinic, to: icb, data: [hiv], purposes: [use] }
          `,
          findings: [{ messageId: 'secondary-use', at: 'flows[0].data[0]' }],
        },
        {
          title: 'the revoked STI Directions cited as law',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: clinic, name: Example Sexual Health Service, org_type: sexual_health_service }
              - { id: icb, name: Example ICB, org_type: icb }
            purposes:
              - { id: use, category: individual_care, lawful_basis: { article_6: e_public_task, common_law: s251_support, legislation: [NHS Trusts and Primary Care Trusts (Sexually Transmitted Diseases) Directions 2000] } }
            data:
              - { id: hiv, categories: [nhs_number, hiv_status], identifiability: pseudonymised }
            flows:
              - { id: f1, from: clinic, to: icb, data: [hiv], purposes: [use] }
          `,
          findings: [{ messageId: 'revoked-law', at: 'purposes[0].lawful_basis.legislation[0]' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    (a.flows ?? []).forEach((flow, f) => {
      const purposes = flowPurposes(a, flow);
      if (allOnExplicitConsent(purposes)) return;
      const recipient = partyById(a, flow.to);
      const messageId = purposes.some(isSecondary) ? 'secondary-use' : owesDutyOfConfidentiality(recipient) === false ? 'recipient-not-bound' : undefined;
      if (!messageId) return;
      (flow.data ?? []).forEach((dataId, k) => {
        const item = dataById(a, dataId);
        if (!item || !isIdentifying(item) || item.justification !== undefined) return;
        const sensitive = dataCategoriesOf(item).filter((c) => c.sexualHealth);
        if (sensitive.length === 0) return;
        const c = categoryIndex(item, (term) => term.sexualHealth);
        report({
          messageId,
          data: { flow: flow.id, data: item.id, categories: joinWords(sensitive.map((s) => lowerFirst(s.label))), recipient: partyName(a, flow.to) },
          at: ['flows', f, 'data', k],
          related: [{ at: ['data', indexOfData(a, item.id), 'categories', c], message: `"${item.id}" includes this information here.` }],
        });
      });
    });
    (a.purposes ?? []).forEach((purpose, i) => {
      (purpose.lawful_basis?.legislation ?? []).forEach((citation, j) => {
        if (!REVOKED_STI_LAW.test(citation) || REVOCATION.test(citation)) return;
        report({ messageId: 'revoked-law', data: { citation, purpose: purpose.id }, at: ['purposes', i, 'lawful_basis', 'legislation', j] });
      });
    });
  },
});
