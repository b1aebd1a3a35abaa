import type { Purpose } from '../src/generated/agreement.js';
import { defineRule, yaml } from '../src/core/rule.js';
import { purposeName, useClassesNamed, useClassOf, type UseClass } from '../src/core/facts.js';
import { joinWords } from '../src/core/words.js';

/** The uses that can never share one basis: care, research and crime need different bases and different safeguards. */
const SEPARATE: ReadonlySet<UseClass> = new Set(['direct care', 'research', 'law enforcement']);

/** A purpose's basis as one comparable value, when it states enough of one to compare. */
function basisKey(purpose: Purpose): string | undefined {
  const b = purpose.lawful_basis;
  if (!b || (b.common_law === undefined && b.article_9 === undefined)) return undefined;
  return `${b.article_6 ?? ''}|${b.article_9 ?? ''}|${b.common_law ?? ''}`;
}

export default defineRule({
  id: 'purposes-too-broad',
  meta: {
    title: 'Direct care, research and law enforcement must not share one basis',
    description:
      'Reports purposes of different kinds (direct care, research, law enforcement) that rest on one and the same basis, and (for review) a single ' +
      'purpose whose description bundles law enforcement with care or research.',
    rationale:
      'Care, research and the prevention or detection of crime are different uses of a patient\'s record with different legal bases: implied ' +
      'consent and Art 9(2)(h) for care; consent or section 251 support and Art 9(2)(j) for research; a legal requirement or the overriding public ' +
      'interest, case by case, for crime. An agreement that puts them under one basis has not worked out the basis for at least one of them, and ' +
      'a single consent covering all of them is bundled consent, which is not valid. Patients cannot tell from it what their records will be used ' +
      'for (UK GDPR Art 5(1)(a) and (b)).\n\n' +
      'The rule compares purposes by category and by the Art 6, Art 9 and common-law basis they record; two purposes of different kinds with an ' +
      'identical basis are reported. A purpose whose own description names law enforcement beside care or research is reported for review.',
    fix:
      'Split the sharing into one purpose per kind of use, each with the basis that fits it (and, usually, an agreement of its own for disclosures ' +
      'to the police). Ask the disclosing party which basis it relies on for each.',
    severity: 'error',
    severityReason: 'One basis cannot be right for care, research and law enforcement alike, so at least one of the purposes has no valid basis.',
    area: 'B',
    importance: 255,
    tags: ['purpose-limitation', 'lawful-basis', 'caldicott-1'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 5(1)(a) and (b), Art 6(1), Art 9(2)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' },
      { instrument: 'ICO: Purpose limitation', url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/a-guide-to-the-data-protection-principles/purpose-limitation/' },
      { instrument: 'ICO: Consent (granular, unbundled)', url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/consent/what-is-valid-consent/' },
    ],
    defaultOptions: {},
    messages: {
      'one-basis': {
        text: [
            'The purpose {{purpose}} ({{kind}}) rests on exactly the same basis as {{other}} ({{otherKind}}). {{kinds}} need different bases: ask the ',
            'disclosing party which basis it relies on for each, and record them separately (disclosures for law enforcement usually need an agreement of their own).',
          ],
        request: 'Ask {{drafter}} to state the basis for {{purpose}} and for {{other}} separately: {{kinds}} need different bases.',
      },
      'mixed-description': {
        text:
          'The description of purpose "{{purpose}}" bundles {{kinds}} into one purpose. Each needs its own basis and safeguards: split it into separate purposes.',
        severity: 'warning',
        kind: 'review',
        request: 'Ask {{drafter}} to split "{{purpose}}" into separate purposes ({{kinds}}), each with its own basis and safeguards.',
      },
    },
    examples: {
      valid: [
        {
          title: 'care and research on different bases',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            purposes:
              - { id: care, category: individual_care, lawful_basis: { article_6: e_public_task, article_9: h_health_or_social_care, common_law: implied_consent } }
              - { id: study, category: research, lawful_basis: { article_6: e_public_task, article_9: j_archiving_research_statistics, common_law: explicit_consent } }
          `,
        },
      ],
      invalid: [
        {
          title: 'care and law enforcement on one basis',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            purposes:
              - { id: care, category: individual_care, lawful_basis: { article_6: e_public_task, article_9: h_health_or_social_care, common_law: implied_consent } }
              - { id: police, category: law_enforcement, lawful_basis: { article_6: e_public_task, article_9: h_health_or_social_care, common_law: implied_consent } }
          `,
          findings: [{ messageId: 'one-basis', text: '{ article_6: e_public_task, article_9: h_health_or_social_care, common_law: implied_consent }', occurrence: 2 }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    const purposes = a.purposes ?? [];
    purposes.forEach((purpose, i) => {
      const kind = useClassOf(purpose);
      const key = basisKey(purpose);
      if (kind && SEPARATE.has(kind) && key !== undefined) {
        const j = purposes.findIndex((other, k) => k < i && basisKey(other) === key && useClassOf(other) !== kind && SEPARATE.has(useClassOf(other)!));
        const other = purposes[j];
        if (other) {
          const otherKind = useClassOf(other)!;
          const kinds = joinWords([otherKind, kind]);
          report({
            messageId: 'one-basis',
            data: { purpose: purposeName(purpose), kind, other: purposeName(other), otherKind, kinds: kinds.charAt(0).toUpperCase() + kinds.slice(1) },
            at: ['purposes', i, 'lawful_basis'],
            related: [{ at: ['purposes', j, 'lawful_basis'], message: `The same basis is given for "${other.id}" here.` }],
          });
        }
      }
      const named = useClassesNamed(purpose.description).filter((c) => SEPARATE.has(c));
      if (named.includes('law enforcement') && named.length > 1) {
        report({ messageId: 'mixed-description', data: { purpose: purpose.id, kinds: joinWords(named) }, at: ['purposes', i, 'description'] });
      }
    });
  },
});
