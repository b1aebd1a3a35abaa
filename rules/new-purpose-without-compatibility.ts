import type { Agreement, CompatibilityAssessment, Purpose } from '../src/generated/agreement.js';
import { defineRule, yaml, type Path } from '../src/core/rule.js';
import { DUAA_COMMENCEMENT } from '../src/vocabulary.js';
import { addedPurposes, isPostDuaa, purposeName, type AddedPurpose } from '../src/core/facts.js';

function assessed(c: CompatibilityAssessment | undefined): boolean {
  return c !== undefined && (c.reference !== undefined || c.date !== undefined || (c.factors ?? []).length > 0);
}

/** Consent to the new use: no compatibility test is needed (Art 6(4) opening words; Art 8A). */
function consented(p: Purpose): boolean {
  return p.lawful_basis?.common_law === 'explicit_consent' || p.lawful_basis?.article_6 === 'a_consent';
}

/**
 * Whether the new purpose is judged under Art 8A and Annex 2: the declared legal framework;
 * else the date of the version that added it; else the agreement's effective date; else the
 * run date (an undated agreement is judged by today's law).
 */
function judgedPostDuaa(a: Agreement, added: AddedPurpose, asOf: string): boolean {
  if (a.legal_framework) return isPostDuaa(a);
  if (added.date) return added.date >= DUAA_COMMENCEMENT;
  if (a.dates?.effective_from) return isPostDuaa(a);
  return asOf >= DUAA_COMMENCEMENT;
}export default defineRule({
  id: 'new-purpose-without-compatibility',
  meta: {
    title: 'A purpose added later needs a compatibility assessment',
    description:
      'Reports a purpose added in a later version of the agreement (added_in_version, or listed in history as added) that has no compatibility assessment, ' +
      'no Annex 2 condition and no consent.',
    rationale:
      'Data shared for one purpose may be reused for a new one only if the new purpose is compatible with the original (considering the link between them, ' +
      'the patients\' reasonable expectations, the nature of the data, the consequences for patients and the safeguards), or, from 5 February 2026, ' +
      'if it is listed in UK GDPR Annex 2 (such as safeguarding vulnerable individuals, crime, or a legal obligation). ' +
      'The Data (Use and Access) Act 2025 s71 replaced Art 6(4) with Art 8A and Annex 2 from that date; before it, the test was Art 6(4), which had no Annex 2. ' +
      'The message names the article in force when the purpose was added: the declared `legal_framework`, else the date of the version that added it, ' +
      'else the effective date, else the run date. A new purpose still needs a lawful basis of its own; fresh sign-off is checked by the sign-off rules.',
    fix:
      'Record the compatibility assessment in the purpose\'s `compatibility_assessment` (where it is recorded, when, and the factors considered), ' +
      'or, from 5 February 2026, the `annex2_condition` that applies. If the new use is not compatible, it needs the patients\' consent or a separate agreement.',
    severity: 'error',
    severityReason: 'Reusing data for a new purpose with no compatibility determination is unlawful further processing.',
    area: 'B',
    importance: 340,
    tags: ['purpose-limitation', 'amendments'],
    presets: ['recommended', 'strict'],
    citations: [
      {
        instrument: 'Data (Use and Access) Act 2025',
        provision: 's71 (UK GDPR Art 8A and Annex 2; Art 6(4) omitted), in force 5 February 2026',
        url: 'https://www.legislation.gov.uk/ukpga/2025/18/section/71',
      },
      { instrument: 'UK GDPR', provision: 'Annex 2 (purposes treated as compatible)', url: 'https://www.legislation.gov.uk/ukpga/2025/18/section/71' },
      { instrument: 'UK GDPR', provision: 'Art 6(4) (before 5 February 2026)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/6' },
      {
        instrument: 'ICO',
        provision: 'Purpose limitation',
        url: 'https://cy.ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/a-guide-to-the-data-protection-principles/purpose-limitation/',
      },
    ],
    defaultOptions: {},
    messages: {
      'no-compatibility': {
        text: [
          'Purpose {{purpose}} was added in {{version}} with no compatibility assessment, Annex 2 condition or consent. Under UK GDPR Art 8A (from 5 February 2026) a new purpose ',
          'must be compatible with the original or listed in Annex 2: record the assessment in compatibility_assessment, or the annex2_condition that applies.',
        ],
        request: 'Ask {{drafter}} for the assessment showing that {{purpose}}, added in {{version}}, is compatible with the original purposes (or the condition of the law that allows it).',
      },
      'no-compatibility-pre-duaa': {
        text: [
          'Purpose {{purpose}} was added in {{version}} with no compatibility assessment or consent. Under UK GDPR Art 6(4), the law before 5 February 2026, a new purpose ',
          'must be compatible with the original: record the assessment in compatibility_assessment.',
        ],
        request: 'Ask {{drafter}} for the assessment showing that {{purpose}}, added in {{version}}, is compatible with the original purposes.',
      },
      'annex2-pre-duaa': {
        text: [
          'Purpose {{purpose}} relies on an Annex 2 condition, but it is judged under UK GDPR before 5 February 2026, when Annex 2 did not exist. ',
          'Record a compatibility assessment under Art 6(4) in compatibility_assessment.',
        ],
        request: 'Ask {{drafter}} for the assessment showing that {{purpose}} is compatible with the original purposes: the condition it relies on did not yet exist.',
      },
    },
    examples: {
      valid: [
        {
          title: 'a new purpose with a compatibility assessment',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.1.0
            purposes:
              - { id: care, category: individual_care }
              - id: audit
                category: national_clinical_audit
                added_in_version: 1.1.0
                compatibility_assessment: { reference: DPIA-2026-004 section 3, date: 2026-05-01, factors: [link_between_purposes, safeguards] }
          `,
        },
      ],
      invalid: [
        {
          title: 'a purpose added after 5 February 2026 without an assessment',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.1.0
            dates: { effective_from: 2026-04-01 }
            purposes:
              - { id: care, category: individual_care }
              - id: audit
                category: national_clinical_audit
                added_in_version: 1.1.0
          `,
          findings: [{ messageId: 'no-compatibility', at: 'purposes[1].added_in_version' }],
        },
        {
          title: 'a purpose added in 2025 without an assessment',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            version: 1.1.0
            legal_framework: uk_gdpr_pre_duaa
            purposes:
              - { id: care, category: individual_care }
              - id: audit
                category: national_clinical_audit
                added_in_version: 1.1.0
          `,
          findings: [{ messageId: 'no-compatibility-pre-duaa', at: 'purposes[1].added_in_version' }],
        },
      ],
    },
  },
  check({ agreement: a, asOf, previous, report }) {
    for (const added of addedPurposes(a, previous?.data)) {
      const p = added.purpose;
      if (assessed(p.compatibility_assessment) || consented(p)) continue;
      const post = judgedPostDuaa(a, added, asOf);
      const base: Path = ['purposes', added.index];
      const data = { purpose: purposeName(p), version: added.version !== undefined ? `version ${added.version}` : 'a later version' };
      const related =
        added.historyIndex !== undefined
          ? [{ at: ['history', added.historyIndex, 'changes', 'added_purposes', (a.history?.[added.historyIndex]?.changes?.added_purposes ?? []).indexOf(p.id)] satisfies Path, message: 'The history records it as added here.' }]
          : [];
      if (p.annex2_condition !== undefined) {
        if (!post) report({ messageId: 'annex2-pre-duaa', data, at: [...base, 'annex2_condition'], related });
        continue;
      }
      report({
        messageId: post ? 'no-compatibility' : 'no-compatibility-pre-duaa',
        data,
        at: p.added_in_version !== undefined ? [...base, 'added_in_version'] : [...base, 'id'],
        related,
      });
    }
  },
});
