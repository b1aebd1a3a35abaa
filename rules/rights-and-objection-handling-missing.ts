import { defineRule, yaml } from '../src/core/rule.js';
import { carriesConfidentialPatientInformation, commonLawBasisOf, flowPurposes, indexOfPurpose, isSecondary, sharesPersonalData } from '../src/core/facts.js';
import { labelOf } from '../src/vocabulary.js';
import { lowerFirst } from '../src/core/words.js';
export default defineRule({
  id: 'rights-and-objection-handling-missing',
  meta: {
    title: 'Patients need a way to exercise their rights and to object',
    description:
      'Reports an agreement that shares personal data without a contact for patients\' rights requests, or that uses confidential patient information ' +
      'beyond individual care without saying how a patient\'s objection is recorded and respected.',
    rationale:
      'Patients have rights over their information: to see it, to have it corrected and, in many cases, to object to its use (UK GDPR Arts 12 to 22). ' +
      'When several organisations share data, patients need to know where to go; the ICO Data Sharing Code asks for policies and procedures that let ' +
      'people exercise their rights easily, and a single point of contact is good practice (patients can still go to any controller).\n\n' +
      'When confidential patient information is used for something other than the patient\'s own care, the patient\'s objection often matters: ' +
      'consent can be refused or withdrawn, the national data opt-out and Type 1 objections may apply, and the right to object applies to ' +
      'processing for a public task. The agreement should say how an objection is recorded and respected. Where the disclosure rests on a legal ' +
      'requirement or a court order, an objection does not by itself stop it, so dsalint does not ask for an objection process for that purpose.',
    fix:
      'Under `transparency`, add `rights_contact` (where patients send access, correction and objection requests) and, ideally, `rights_handled_by` ' +
      '(the party that handles them). Where data is used beyond individual care, add `objection_process`: how an objection is recorded, passed ' +
      'between the parties and applied before data is shared.',
    severity: 'warning',
    severityReason: 'A missing process is a governance gap rather than proof of an unlawful disclosure.',
    area: 'J',
    importance: 505,
    tags: ['transparency', 'rights', 'caldicott-8'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Arts 12 to 22 (rights of the data subject)', url: 'https://www.legislation.gov.uk/eur/2016/679/chapter/III' },
      { instrument: 'UK GDPR', provision: 'Art 21 (right to object)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/21', unverified: true },
      { instrument: 'ICO Data Sharing Code of Practice', provision: 'Individual rights', url: 'https://ico.org.uk/for-organisations/data-sharing-a-code-of-practice/navigating-the-data-sharing-code/' },
    ],
    defaultOptions: {},
    messages: {
      'no-rights-contact': {
        text: [
          'The agreement does not say where patients send requests to see, correct or object to the use of their information. Add ',
          '`transparency.rights_contact`.',
        ],
        request: 'Ask {{drafter}} to say where patients send requests to see or correct their information, or to object to its use.',
      },
      'no-objection-process': {
        text: [
          'Confidential patient information is used for the purpose "{{purpose}}"{{category}}, which goes beyond individual care, but the agreement does not say how a patient\'s ',
          'objection is recorded and respected. Add `transparency.objection_process`.',
        ],
        request: 'Ask {{drafter}} how a patient\'s objection to the use of their information for "{{purpose}}" is recorded and respected.',
      },
    },
    examples: {
      valid: [
        {
          title: 'a research extract with a rights contact and an objection process',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: uni, name: Example University, org_type: university_or_researcher }
            purposes:
              - { id: study, category: research, lawful_basis: { common_law: s251_support } }
            data:
              - { id: extract, categories: [nhs_number, diagnoses_problems], identifiability: pseudonymised }
            flows:
              - { id: f1, from: surgery, to: uni, data: [extract], purposes: [study] }
            transparency:
              rights_contact: dpo@example-surgery.nhs.uk
              objection_process: National data opt-outs and Type 1 objections are applied before each extract.
          `,
        },
      ],
      invalid: [
        {
          title: 'a research extract with no objection process',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice }
              - { id: uni, name: Example University, org_type: university_or_researcher }
            purposes:
              - { id: study, category: research, lawful_basis: { common_law: s251_support } }
            data:
              - { id: extract, categories: [nhs_number, diagnoses_problems], identifiability: pseudonymised }
            flows:
              - { id: f1, from: surgery, to: uni, data: [extract], purposes: [study] }
            transparency:
              rights_contact: dpo@example-surgery.nhs.uk
          `,
          findings: [{ messageId: 'no-objection-process', at: 'transparency.objection_process' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    if (!sharesPersonalData(a)) return;
    if (a.transparency?.rights_contact === undefined) report({ messageId: 'no-rights-contact', at: ['transparency', 'rights_contact'] });
    if (a.transparency?.objection_process !== undefined) return;
    for (const flow of a.flows ?? []) {
      if (!carriesConfidentialPatientInformation(a, flow)) continue;
      const purpose = flowPurposes(a, flow).find((p) => isSecondary(p) && !commonLawBasisOf(p)?.requiredByLaw);
      if (!purpose) continue;
      report({
        messageId: 'no-objection-process',
        data: { purpose: purpose.id, category: purpose.category ? ` (${lowerFirst(labelOf('purposeCategory', purpose.category))})` : '' },
        at: ['transparency', 'objection_process'],
        related: [{ at: ['purposes', indexOfPurpose(a, purpose.id), 'id'], message: 'This purpose goes beyond individual care.' }],
      });
      return;
    }
  },
});
