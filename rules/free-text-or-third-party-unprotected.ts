import type { DataProtection } from '../src/generated/agreement.js';
import { defineRule, yaml } from '../src/core/rule.js';
import { categoryIndex, flowsCarrying, hasFreeText, isIdentifying, partyName } from '../src/core/facts.js';
import { joinWords } from '../src/core/summary.js';

/** Protections that deal with free text and information about other people before it leaves. */
const PROTECTIONS: ReadonlySet<DataProtection> = new Set<DataProtection>(['third_party_redaction', 'free_text_excluded', 'clinician_review']);
export default defineRule({
  id: 'free-text-or-third-party-unprotected',
  meta: {
    title: 'Free text and third-party information need a protection before sharing',
    description:
      'Reports a shared, identifiable data item that contains free text or information about other people when neither the item nor the security measures ' +
      'record a protection: third-party redaction, free text excluded, or clinician review.',
    rationale:
      'Consultation notes, letters and safeguarding entries routinely mention other people (a partner, a child, a carer, an alleged abuser) and matters ' +
      'unrelated to the purpose. They are the main source of excessive and incidental disclosure. Practices already hide third-party information ' +
      'from patients\' own online record access; the same care is needed before sharing with another organisation (UK GDPR Art 5(1)(c) and (f)). ' +
      'It is a warning, not an error, because the protection may exist without being written down.',
    fix:
      'Add the protection applied to the data item\'s `protections`: `third_party_redaction` (information about other people is removed), ' +
      '`free_text_excluded`, or `clinician_review` (a clinician checks what is sent). Redaction applied to everything shared can instead be listed in `security.measures`.',
    severity: 'warning',
    severityReason: 'Not unlawful in itself, but the main source of excessive disclosure; the protection may exist and simply not be recorded.',
    area: 'A',
    importance: 400,
    tags: ['minimisation', 'third-party', 'caldicott-3'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(1)(c) and (f)', url: 'https://ico.org.uk/for-organisations/guide-to-data-protection/guide-to-the-general-data-protection-regulation-gdpr/principles/data-minimisation/' },
      {
        instrument: 'NHS England',
        provision: 'Access to patient records: responses to commonly asked questions (third-party information)',
        url: 'https://digital.nhs.uk/services/nhs-app/nhs-app-guidance-for-gp-practices/accelerating-patient-access-to-their-record/access-to-patient-records-responses-to-commonly-asked-questions',
      },
    ],
    defaultOptions: {},
    messages: {
      unprotected: {
        text: [
          'Data item "{{item}}" includes {{what}} and is shared with {{recipients}}, with no protection recorded. Add to its protections how this is dealt with before sharing: ',
          'third_party_redaction, free_text_excluded or clinician_review.',
        ],
        request: 'Ask {{drafter}} how {{what}} in "{{item}}" is dealt with before it is shared with {{recipients}} (removed, redacted or reviewed by a clinician).',
      },
    },
    examples: {
      valid: [
        {
          title: 'consultation notes redacted and reviewed before sharing',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery }
              - { id: meo, name: Medical Examiner Office }
            flows:
              - { id: f1, from: surgery, to: meo, data: [notes] }
            data:
              - { id: notes, categories: [recent_consultations], protections: [third_party_redaction, clinician_review] }
          `,
        },
      ],
      invalid: [
        {
          title: 'consultation notes with no protection',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery }
              - { id: meo, name: Medical Examiner Office }
            flows:
              - { id: f1, from: surgery, to: meo, data: [notes] }
            data:
              - { id: notes, categories: [nhs_number, recent_consultations] }
          `,
          findings: [{ messageId: 'unprotected', at: 'data[0].categories[1]' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    if ((a.security?.measures ?? []).includes('third_party_redaction')) return;
    (a.data ?? []).forEach((item, index) => {
      if (!isIdentifying(item) || (item.protections ?? []).some((p) => PROTECTIONS.has(p))) return;
      const flows = flowsCarrying(a, item.id);
      if (flows.length === 0) return;
      const freeText = hasFreeText(item);
      const thirdParty = categoryIndex(item, (term) => term.thirdParty) >= 0;
      if (!freeText && !thirdParty) return;
      const c = categoryIndex(item, (term) => term.freeText || term.thirdParty);
      report({
        messageId: 'unprotected',
        data: {
          item: item.id,
          what: joinWords([...(freeText ? ['free text'] : []), ...(thirdParty ? ['information about other people'] : [])]),
          recipients: joinWords([...new Set(flows.map((f) => partyName(a, f.to)))]),
        },
        at: c >= 0 ? ['data', index, 'categories', c] : ['data', index, 'free_text'],
      });
    });
  },
});
