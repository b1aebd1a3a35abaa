import type { CommonLaw } from '../src/generated/agreement.js';
import { defineRule, yaml } from '../src/core/rule.js';
import { categoryIndex, dataById, flowPurposes, indexOfData, isIdentifying } from '../src/core/facts.js';

/** Common-law bases that match a Gender Recognition Act 2004 s22(4) exemption: agreement (b) and a court order (d). */
const EXEMPT_BASES: ReadonlySet<CommonLaw> = new Set<CommonLaw>(['explicit_consent', 'court_order']);
export default defineRule({
  id: 'gender-recognition-protected-information',
  meta: {
    title: 'Gender history is protected information under the Gender Recognition Act 2004',
    description:
      'Reports a flow that shares identifiable gender history (a previous gender, or a gender recognition application) unless every purpose it serves rests on ' +
      'the patient\'s explicit consent or a court order.',
    rationale:
      'For a person who has applied for a gender recognition certificate, information about the application and about their gender before it was ' +
      'recognised is "protected information". Anyone who learns it in an official capacity, which includes NHS and council staff, commits a criminal ' +
      'offence if they disclose it (Gender Recognition Act 2004 s22), unless an exemption applies. A trans patient\'s previous gender leaking into an ' +
      'extract or a shared record can cause them serious harm, which is why NHS records guidance says a new record is created after a successful ' +
      'application.\n\n' +
      'The exemptions include: the person cannot be identified from the information; the person has agreed to the disclosure; a court or tribunal ' +
      'ordered it, or it is for court proceedings; and preventing or investigating crime (s22(4)). The Gender Recognition (Disclosure of Information) ' +
      '(England, Wales and Northern Ireland) (No. 2) Order 2005 (SI 2005/916, which replaced SI 2005/635) adds, in article 5, disclosure to a health ' +
      'professional for medical purposes where the person disclosing reasonably believes the patient has consented or cannot consent.\n\n' +
      'dsalint accepts anonymised or aggregate data, and flows whose every purpose rests on explicit consent or a court order. It cannot see the other ' +
      'exemptions (for example that a patient lacks capacity to consent, for the medical exemption): when one truly applies, record it and waive the ' +
      'finding with the reason. The catalogue\'s earlier trigger required a health-professional recipient and a medical purpose as well as consent; the ' +
      'Act\'s consent exemption does not, so consent alone is accepted here.',
    fix:
      'Take gender history out of the data shared (exclude those codes, and any previous names, before sending), or share it only with the patient\'s ' +
      'explicit consent to this disclosure (`common_law: explicit_consent`), or record the court order. If another exemption applies, record which one and ' +
      'waive this finding with the reason.',
    severity: 'error',
    severityReason: 'Disclosure without an exemption is a criminal offence (Gender Recognition Act 2004 s22(1)).',
    area: 'D',
    importance: 255,
    tags: ['restricted-data', 'special-category', 'caldicott-6'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'Gender Recognition Act 2004', provision: 's22', url: 'https://www.legislation.gov.uk/ukpga/2004/7/section/22' },
      {
        instrument: 'Gender Recognition (Disclosure of Information) (England, Wales and Northern Ireland) (No. 2) Order 2005 (SI 2005/916, replacing SI 2005/635)',
        provision: 'art 5 (disclosure for medical purposes)',
        url: 'https://www.legislation.gov.uk/uksi/2005/916',
      },
      {
        instrument: 'NHS England Records Management Code of Practice',
        provision: 'Appendix III (transgender records)',
        url: 'https://digital.nhs.uk/data-and-information/information-governance/guidance/records-management-code-of-practice/appendix-iii-how-to-deal-with-specific-types-of-records',
      },
    ],
    defaultOptions: {},
    messages: {
      disclosed: {
        text: [
          'Flow "{{flow}}" shares "{{data}}", which includes gender history. For anyone who has applied for a gender recognition certificate this is protected ',
          'information, and disclosing it is a criminal offence (Gender Recognition Act 2004 s22) unless an exemption applies. Exclude it, rely on the patient\'s ',
          'explicit consent, or record the exemption used.',
        ],
        request: 'Ask {{drafter}} to leave gender history out of "{{data}}", or to say which exemption in the Gender Recognition Act 2004 permits disclosing it: disclosing it without one is a criminal offence.',
      },
    },
    examples: {
      valid: [
        {
          title: 'shared with the patient\'s explicit consent',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: clinic, name: Example Gender Identity Clinic, org_type: nhs_trust_mental_health }
            purposes:
              - id: care
                category: individual_care
                lawful_basis: { article_6: e_public_task, article_9: h_health_or_social_care, dpa_schedule_1: part1_para2, common_law: explicit_consent }
            data:
              - { id: history, categories: [nhs_number, gender_history], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: clinic, data: [history], purposes: [care] }
          `,
        },
        {
          title: 'anonymised data',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: clinic, name: Example Gender Identity Clinic, org_type: nhs_trust_mental_health }
            purposes:
              - id: care
                category: individual_care
                lawful_basis: { article_6: e_public_task, article_9: h_health_or_social_care, dpa_schedule_1: part1_para2, common_law: implied_consent }
            data:
              - { id: history, categories: [gender_history], identifiability: anonymised }
            flows:
              - { id: f1, from: surgery, to: clinic, data: [history], purposes: [care] }
          `,
        },
      ],
      invalid: [
        {
          title: 'gender history in a referral on implied consent',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: clinic, name: Example Gender Identity Clinic, org_type: nhs_trust_mental_health }
            purposes:
              - id: care
                category: individual_care
                lawful_basis: { article_6: e_public_task, article_9: h_health_or_social_care, dpa_schedule_1: part1_para2, common_law: implied_consent }
            data:
              - { id: history, categories: [nhs_number, gender_history], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: clinic, data: [history], purposes: [care] }
          `,
          findings: [{ messageId: 'disclosed', at: 'flows[0].data[0]' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    (a.flows ?? []).forEach((flow, f) => {
      const purposes = flowPurposes(a, flow);
      const exempt = purposes.length > 0 && purposes.every((p) => p.lawful_basis?.common_law !== undefined && EXEMPT_BASES.has(p.lawful_basis.common_law));
      if (exempt) return;
      (flow.data ?? []).forEach((dataId, k) => {
        const item = dataById(a, dataId);
        if (!item || !isIdentifying(item)) return;
        const c = categoryIndex(item, (term) => term.restricted === 'gra_s22');
        if (c < 0) return;
        report({
          messageId: 'disclosed',
          data: { flow: flow.id, data: item.id },
          at: ['flows', f, 'data', k],
          related: [{ at: ['data', indexOfData(a, item.id), 'categories', c], message: `"${item.id}" includes gender history here.` }],
        });
      });
    });
  },
});
