import type { OrgType } from '../src/generated/agreement.js';
import { defineRule, yaml } from '../src/core/rule.js';
import { allOnExplicitConsent, categoryIndex, dataById, flowPurposes, indexOfData, isIdentifying, isSecondary, partyById, partyName } from '../src/core/facts.js';

const LICENSED_CENTRE: OrgType = 'fertility_clinic';
export default defineRule({
  id: 'hfea-fertility-information',
  meta: {
    title: 'Fertility treatment information needs the patient\'s consent to be disclosed',
    description:
      'Reports identifiable HFEA-licensed fertility treatment information sent by a licensed fertility clinic without explicit consent, and warns when the same ' +
      'information is shared by anyone else for a purpose beyond the patient\'s care without explicit consent.',
    rationale:
      'Information about licensed fertility treatment, and about donors and children born from it, is restricted by the Human Fertilisation and ' +
      'Embryology Act 1990. A licensed centre may not disclose it without the consent of each person who can be identified from it (s33A and s33B), ' +
      'apart from narrow exceptions. The HFEA says that passing identifying information from licensed centres to any person or organisation, for ' +
      'whatever purpose, without the specific consent of the patients concerned would breach the Act. Consent must generally be to disclosure to a ' +
      'particular person, which is why clinics ask patients whether they may tell their GP.\n\n' +
      'Whether those restrictions still follow the information once it is held in a GP or hospital record is unsettled: dsalint found no source that ' +
      'settles it. So a flow from a licensed clinic without consent is an error, and the same information shared by any other organisation for a ' +
      'purpose beyond the patient\'s care without consent is a warning: handle it as restricted until your Caldicott Guardian or legal adviser decides.',
    fix:
      'Share fertility treatment information only with the explicit consent of the people it identifies, to this recipient (`common_law: explicit_consent`), ' +
      'or leave it out (or anonymise it) for purposes beyond care. If a statutory exception in s33A truly applies, record which and waive the finding with the reason.',
    severity: 'error',
    severityReason:
      'A licensed centre disclosing without consent breaches the HFE Act 1990. Elsewhere it is a warning, because whether the Act still applies to the copy is unsettled.',
    area: 'D',
    importance: 260,
    tags: ['restricted-data', 'special-category', 'consent'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'Human Fertilisation and Embryology Act 1990', provision: 's33A (restrictions on disclosure)', url: 'https://www.legislation.gov.uk/ukpga/1990/37/section/33A' },
      { instrument: 'Human Fertilisation and Embryology Act 1990', provision: 's33B (consent to disclosure)', url: 'https://www.legislation.gov.uk/ukpga/1990/37/section/33B' },
      { instrument: 'HFEA: disclosure of patient information', url: 'http://www.hfea.gov.uk/3208.html' },
    ],
    defaultOptions: {},
    messages: {
      'from-clinic': {
        text: [
          'Flow "{{flow}}" sends "{{data}}" (licensed fertility treatment information) from {{sender}}, a licensed fertility clinic, to {{recipient}} without ',
          'explicit consent. The Human Fertilisation and Embryology Act 1990 (s33A) forbids a licensed centre to disclose it without the consent of the people ',
          'it identifies. Record their explicit consent to disclosure to {{recipient}}, or leave the data out.',
        ],
        request: 'Ask {{drafter}} to leave fertility treatment information ("{{data}}") out of what {{sender}} sends to {{recipient}}, unless the people it identifies have given explicit consent: the law forbids a licensed clinic to disclose it otherwise.',
      },
      secondary: {
        text: [
          'Flow "{{flow}}" shares "{{data}}" (fertility treatment information) for a purpose beyond the patient\'s care without explicit consent. Whether ',
          'the HFE Act\'s disclosure restrictions still apply once this information is in a GP or hospital record is unsettled, so treat it as restricted: ',
          'leave it out, anonymise it, or rely on explicit consent.',
        ],
        severity: 'warning',
        request: 'Ask {{drafter}} to leave fertility treatment information ("{{data}}") out, anonymise it, or rely on explicit consent: it is shared for a purpose beyond the patient\'s care.',
      },
    },
    examples: {
      valid: [
        {
          title: 'a clinic shares with explicit consent',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: sender, name: Example Sender, org_type: fertility_clinic }
              - { id: icb, name: Example ICB, org_type: icb }
            purposes:
              - { id: use, category: individual_care, lawful_basis: { article_6: e_public_task, common_law: explicit_consent } }
            data:
              - { id: ivf, categories: [nhs_number, fertility_treatment], identifiability: identifiable }
            flows:
              - { id: f1, from: sender, to: icb, data: [ivf], purposes: [use] }
          `,
        },
        {
          title: 'a practice refers a patient for care',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: sender, name: Example Sender, org_type: gp_practice }
              - { id: icb, name: Example ICB, org_type: icb }
            purposes:
              - { id: use, category: individual_care, lawful_basis: { article_6: e_public_task, common_law: implied_consent } }
            data:
              - { id: ivf, categories: [nhs_number, fertility_treatment], identifiability: identifiable }
            flows:
              - { id: f1, from: sender, to: icb, data: [ivf], purposes: [use] }
          `,
        },
      ],
      invalid: [
        {
          title: 'a clinic sends treatment details without consent',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: sender, name: Example Sender, org_type: fertility_clinic }
              - { id: icb, name: Example ICB, org_type: icb }
            purposes:
              - { id: use, category: individual_care, lawful_basis: { article_6: e_public_task, common_law: implied_consent } }
            data:
              - { id: ivf, categories: [nhs_number, fertility_treatment], identifiability: identifiable }
            flows:
              - { id: f1, from: sender, to: icb, data: [ivf], purposes: [use] }
          `,
          findings: [{ messageId: 'from-clinic', at: 'flows[0].data[0]' }],
        },
        {
          title: 'a practice extract for commissioning includes fertility treatment',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: sender, name: Example Sender, org_type: gp_practice }
              - { id: icb, name: Example ICB, org_type: icb }
            purposes:
              - { id: use, category: planning_commissioning, lawful_basis: { article_6: e_public_task, common_law: s251_support } }
            data:
              - { id: ivf, categories: [nhs_number, fertility_treatment], identifiability: identifiable }
            flows:
              - { id: f1, from: sender, to: icb, data: [ivf], purposes: [use] }
          `,
          findings: [{ messageId: 'secondary', at: 'flows[0].data[0]' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    (a.flows ?? []).forEach((flow, f) => {
      const purposes = flowPurposes(a, flow);
      if (allOnExplicitConsent(purposes)) return;
      const fromClinic = partyById(a, flow.from)?.org_type === LICENSED_CENTRE;
      if (!fromClinic && !purposes.some(isSecondary)) return;
      (flow.data ?? []).forEach((dataId, k) => {
        const item = dataById(a, dataId);
        if (!item || !isIdentifying(item)) return;
        const c = categoryIndex(item, (term) => term.restricted === 'hfea_s33a');
        if (c < 0) return;
        report({
          messageId: fromClinic ? 'from-clinic' : 'secondary',
          data: { flow: flow.id, data: item.id, sender: partyName(a, flow.from), recipient: partyName(a, flow.to) },
          at: ['flows', f, 'data', k],
          related: [{ at: ['data', indexOfData(a, item.id), 'categories', c], message: `"${item.id}" includes fertility treatment information here.` }],
        });
      });
    });
  },
});
