import type { VitalStatus } from '../src/generated/agreement.js';
import { defineRule, yaml } from '../src/core/rule.js';
import { joinWords, lowerFirst } from '../src/core/summary.js';
import { carriesConfidentialPatientInformation, flowsFor, populationFor } from '../src/core/facts.js';
import { labelOf } from '../src/vocabulary.js';

const INCLUDES_DECEASED: ReadonlySet<VitalStatus> = new Set<VitalStatus>(['deceased', 'both']);export default defineRule({
  id: 'deceased-records-basis',
  meta: {
    title: 'Deceased patients\' records rest on confidentiality, not UK GDPR',
    description:
      'Warns when a purpose covering deceased patients gives only UK GDPR bases (Article 6 or 9) and no common-law basis, and notes when UK GDPR bases are the ' +
      'only justification for records of patients who have all died.',
    rationale:
      'UK GDPR and the Data Protection Act 2018 protect living people: they do not apply to the records of people who have died. The common-law duty of ' +
      'confidentiality does continue after death, and the national data opt-out persists after death too. So an agreement that shares deceased ' +
      'patients\' records and justifies it only with Article 6 and Article 9 bases has not shown that the sharing is lawful: what it needs is a basis that ' +
      'sets aside the duty of confidentiality, such as a legal requirement (the statutory medical examiner function, or the Access to Health Records ' +
      'Act 1990 for personal representatives and people with a claim arising from the death), a court order, or section 251 support. NHS England says ' +
      'providers are legally obliged to give medical examiners the records they need.\n\n' +
      'A flow of confidential patient information with no common-law basis is reported by `common-law-basis-missing`; this rule adds what that rule ' +
      'cannot see. When every patient has died and the only bases given are UK GDPR ones, it notes (info) that those bases do not apply; when no flow ' +
      'carries the purpose\'s data yet, it warns that the common-law basis is missing. Article 6 and 9 bases remain relevant to information about living ' +
      'people, such as relatives, in a deceased patient\'s record, so stating them alongside a common-law basis is not reported.',
    fix:
      'Add the common-law basis to the purpose (`lawful_basis.common_law`), usually `legal_requirement` for medical examiners and coroners, with the statute ' +
      'in `legislation`. Keep Article 6 and 9 bases only for information about living people in the records.',
    severity: 'warning',
    severityReason: 'A common misconception; where a flow makes it a real gap, `common-law-basis-missing` reports it as an error.',
    area: 'E',
    importance: 420,
    tags: ['lawful-basis', 'confidentiality', 'deceased', 'caldicott-6'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'Access to Health Records Act 1990', provision: 'ss3, 5', url: 'https://www.legislation.gov.uk/ukpga/1990/23/contents' },
      { instrument: 'NHS England: GP Connect medical examiners use case', url: 'https://digital.nhs.uk/services/gp-connect/gp-connect-in-your-organisation/medical-examiners-use-case' },
      { instrument: 'NHS England: understanding the national data opt-out (persists after death)', url: 'https://digital.nhs.uk/services/national-data-opt-out/understanding-the-national-data-opt-out' },
      {
        instrument: 'Access to Health Records Act 1990 as it applies to medical examiners',
        provision: 'the provision giving medical examiners a right of access',
        url: 'https://www.england.nhs.uk/establishing-medical-examiner-system-nhs/non-coronial-deaths-in-the-community/',
        unverified: true,
      },
    ],
    defaultOptions: {},
    messages: {
      'no-common-law': {
        text: [
          'The purpose "{{purpose}}" covers {{population}} but gives only UK GDPR bases ({{bases}}). UK GDPR does not apply to the records of people who have ',
          'died; the duty of confidentiality does. Add the common-law basis (`lawful_basis.common_law`), such as legal_requirement for a medical examiner.',
        ],
        request: 'Ask {{drafter}} what sets aside the duty of confidentiality for the purpose "{{purpose}}", which covers people who have died: UK GDPR does not apply to their records, but the duty of confidentiality does.',
      },
      'gdpr-not-applicable': {
        text: [
          'Every patient covered has died, so the UK GDPR bases given for the purpose "{{purpose}}" ({{bases}}) do not apply to their records. What applies is ',
          'the common-law duty of confidentiality, which continues after death: the basis that sets it aside is what makes this sharing lawful.',
        ],
        severity: 'info',
        request: 'Ask {{drafter}} what sets aside the duty of confidentiality for the purpose "{{purpose}}": everyone covered has died, so the UK GDPR bases given ({{bases}}) do not apply.',
      },
    },
    examples: {
      valid: [
        {
          title: 'a medical examiner purpose on a legal requirement',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office }
            purposes:
              - { id: me, category: medical_examiner_scrutiny, lawful_basis: { common_law: legal_requirement, legislation: [Coroners and Justice Act 2009 s19] } }
            population: { scope: per_case, vital_status: deceased }
            data:
              - { id: record, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: meo, data: [record], purposes: [me] }
          `,
        },
      ],
      invalid: [
        {
          title: 'only UK GDPR bases for deceased patients, before any flow is set up',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office }
            purposes:
              - { id: me, category: medical_examiner_scrutiny, lawful_basis: { article_6: e_public_task, article_9: h_health_or_social_care } }
            population: { scope: per_case, vital_status: deceased }
          `,
          findings: [{ messageId: 'no-common-law', at: 'purposes[0].lawful_basis.common_law' }],
        },
        {
          title: 'only UK GDPR bases, with a flow of patient information',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office }
            purposes:
              - { id: me, category: medical_examiner_scrutiny, lawful_basis: { article_6: e_public_task } }
            population: { scope: per_case, vital_status: deceased }
            data:
              - { id: record, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }
            flows:
              - { id: f1, from: surgery, to: meo, data: [record], purposes: [me] }
          `,
          findings: [{ messageId: 'gdpr-not-applicable', at: 'purposes[0].lawful_basis.article_6' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    (a.purposes ?? []).forEach((purpose, i) => {
      // Judged on the population this purpose uses: its own, else the agreement's.
      const vitalStatus = populationFor(a, purpose)?.vital_status;
      if (vitalStatus === undefined || !INCLUDES_DECEASED.has(vitalStatus)) return;
      const basis = purpose.lawful_basis;
      if (!basis || basis.common_law !== undefined) return;
      const bases = [
        ...(basis.article_6 ? [labelOf('article6', basis.article_6)] : []),
        ...(basis.article_9 ? [labelOf('article9', basis.article_9)] : []),
      ];
      if (bases.length === 0) return;
      const data = { purpose: purpose.id, bases: joinWords(bases), population: lowerFirst(labelOf('vitalStatus', vitalStatus)) };
      // A flow of confidential patient information with no common-law basis is common-law-basis-missing's to report.
      const ownedElsewhere = flowsFor(a, purpose.id).some((f) => carriesConfidentialPatientInformation(a, f));
      if (!ownedElsewhere) {
        report({ messageId: 'no-common-law', data, at: ['purposes', i, 'lawful_basis', 'common_law'] });
      } else if (vitalStatus === 'deceased') {
        report({ messageId: 'gdpr-not-applicable', data, at: ['purposes', i, 'lawful_basis', basis.article_6 ? 'article_6' : 'article_9'] });
      }
    });
  },
});
